"""Writing a letter for a case: a template, the letter made from the case's records, edited by the
rep, then filed into the case (an encrypted PDF document and a paper-trail entry; a confirmation
of oral advice marks it followed up in writing), saved as a PDF where the rep chooses, or handed
to the mail client as a draft to the member's preferred address, with a warning if that looks
like a work address. The PDF is made in memory; nothing is written anywhere else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casevault.casework.contact import letter_mailto
from casevault.core.errors import CasevaultError
from casevault.gui.file_dialogs import choose_save_path, confirm_plaintext_copy
from casevault.gui.focus_order import tab_as_laid_out
from casevault.gui.letter_pdf import render_letter
from casevault.gui.letter_template_dialog import LetterTemplateDialog
from casevault.gui.typed_input import TypedInputDialog
from casevault.vault.facade import Vault
from casevault.vault.letters import LetterDraft


class LetterDialog(TypedInputDialog):
    filed = Signal()  # a letter went into the case: the paper trail and documents changed

    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._draft: LetterDraft | None = None
        self._drafted = ""  # the text as last made or filed, to tell the rep's edits from it
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl  # replaced in tests
        self.choose_path: Callable[[QWidget, str, str], str] = choose_save_path  # replaced in tests
        self.confirm_copy: Callable[[QWidget], bool] = confirm_plaintext_copy  # replaced in tests
        self.question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Write a letter"))
        self.setAccessibleName(self.tr("Write a letter"))
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Letter template"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Letter text"))
        self.text.setTabChangesFocus(True)  # Tab moves on to the buttons (issue 18)
        self.text.setMinimumSize(600, 420)
        self.text.textChanged.connect(self._update_buttons)
        self.warning = QLabel()
        self.warning.setAccessibleName(self.tr("Work email warning"))
        self.warning.setWordWrap(True)
        hint = QLabel(
            self.tr("To copy anyone else in, put them in Bcc, so they do not see the member's address.")
        )
        hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Letter message"))
        self.message.setWordWrap(True)
        self.edit_template_button = QPushButton(self.tr("E&dit template…"))
        self.edit_template_button.clicked.connect(self.edit_template)
        new_template = QPushButton(self.tr("&New template…"))
        new_template.clicked.connect(lambda: self._open_template(None))
        form = QFormLayout()
        form.addRow(self.tr("&Template:"), self.template)
        tools = QDialogButtonBox()
        tools.addButton(self.edit_template_button, QDialogButtonBox.ButtonRole.ActionRole)
        tools.addButton(new_template, QDialogButtonBox.ButtonRole.ActionRole)
        form.addRow("", tab_as_laid_out(tools))
        buttons = self._action_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.warning)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._fill_templates(None)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self._make_draft()

    def typed_fields(self) -> list[QWidget]:
        return [self.text]

    def _action_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.primary = self.file_button = buttons.addButton(
            self.tr("&File in the case"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.file_button.setToolTip(
            self.tr("Keeps the letter in this case: the PDF in Documents and its text in the Paper trail.")
        )
        self.file_button.clicked.connect(self.file_letter)
        self.pdf_button = buttons.addButton(self.tr("Save as &PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.email_button = buttons.addButton(
            self.tr("&Email draft…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.email_button.setToolTip(self.tr("Opens a draft in your email program to the member's address."))
        self.email_button.clicked.connect(self.email_draft)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        return tab_as_laid_out(buttons)

    def _fill_templates(self, select: str | None) -> None:
        self.template.blockSignals(True)
        self.template.clear()
        for template in self._vault.letter_templates():
            self.template.addItem(template.title, template.code)
        index = self.template.findData(select) if select else 0
        self.template.setCurrentIndex(max(index, 0))
        self.template.blockSignals(False)

    def _code(self) -> str:
        return str(self.template.currentData())

    def _edited(self) -> bool:
        return self.text.toPlainText() != self._drafted

    def _make_draft(self) -> None:
        try:
            self._draft = self._vault.draft_letter(self._ref, self._code())
        except CasevaultError as err:  # a template refused on use: say why, keep nothing
            self._draft = None
            self._set_text("")
            self.message.setText(err.message)
            return
        self._set_text(self._draft.text)
        self.warning.setText(self._draft.work_address_warning or "")
        self.warning.setVisible(bool(self._draft.work_address_warning))
        self.message.setText("")

    def _set_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self._drafted = text
        self._typed_at_start = self._typed()  # made, not typed: closing need not ask
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_text = bool(self.text.toPlainText().strip()) and self._draft is not None
        for button in (self.file_button, self.pdf_button):
            button.setEnabled(has_text)
        self.email_button.setEnabled(has_text and bool(self._draft and self._draft.to))

    def _template_chosen(self) -> None:
        if not self._edited():
            self._make_draft()
            return
        previous = self._draft.code if self._draft else None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Another template"), "", parent=self)
        box.setText(self.tr("Replace the letter you edited with one from this template?"))
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.DestructiveRole)
        # Enter keeps what the rep wrote, as Escape does (Qt made Replace the default).
        box.setDefaultButton(box.addButton(self.tr("&Keep my letter"), QMessageBox.ButtonRole.RejectRole))
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is replace, previous))
        self.question = box
        box.open()

    def _answered(self, replace: bool, previous: str | None) -> None:
        self.question = None
        if replace:
            self._make_draft()
        else:
            self._fill_templates(previous)

    def _pdf(self, draft: LetterDraft) -> bytes:
        return render_letter(draft.title, self.text.toPlainText())

    def file_letter(self) -> None:
        draft = self._draft
        if draft is None:
            return
        try:
            self._vault.file_letter(draft, self.text.toPlainText(), self._pdf(draft))
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self._drafted = self.text.toPlainText()
        self._typed_at_start = self._typed()
        self.message.setText(
            self.tr("Filed in the case: the PDF is in Documents and the text in the Paper trail.")
        )
        self.filed.emit()

    def save_pdf(self) -> None:
        draft = self._draft
        if draft is None:
            return
        path = self.choose_path(self, self.tr("Save the letter as a PDF"), draft.file_name)
        if not path or not self.confirm_copy(self):
            return
        try:
            self._vault.save_letter_pdf(self._ref, Path(path), self._pdf(draft))
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.message.setText(self.tr("Saved the PDF. It is not protected by the vault."))

    def email_draft(self) -> None:
        draft = self._draft
        if draft is None:
            return
        if not draft.work_address_warning:
            self._open_mail(draft)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("A work address"), "", parent=self)
        box.setText(draft.work_address_warning)
        box.setInformativeText(self.tr("Open the draft to this address anyway?"))
        anyway = box.addButton(self.tr("&Open the draft"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.finished.connect(lambda _r: self._work_address_answered(box.clickedButton() is anyway, draft))
        self.question = box
        box.open()

    def _work_address_answered(self, anyway: bool, draft: LetterDraft) -> None:
        self.question = None
        if anyway:
            self._open_mail(draft)

    def _open_mail(self, draft: LetterDraft) -> None:
        try:
            url = letter_mailto(draft.to, draft.subject, self.text.toPlainText())
        except ValueError:
            self.message.setText(self.tr("The member's address cannot be used for an email draft."))
            return
        self.open_url(QUrl.fromEncoded(url.encode("ascii")))
        self.message.setText(
            self.tr("The draft is in your email program. File the letter here too, to keep it in the case.")
        )

    def edit_template(self) -> None:
        self._open_template(self._code())

    def _open_template(self, code: str | None) -> None:
        dialog = LetterTemplateDialog(self._vault, code, self)
        dialog.accepted.connect(lambda: self._template_saved(dialog))
        self.template_dialog = dialog
        dialog.open()

    def _template_saved(self, dialog: LetterTemplateDialog) -> None:
        code = dialog.code.text().strip().lower()
        known = {t.code for t in self._vault.letter_templates()}
        self._fill_templates(code if code in known else None)
        if not self._edited():
            self._make_draft()
