"""Editing a letter template, or writing a new one: the text with its merge fields listed beside
it. Saving runs the sandbox's checks (casework/letters.py), so a template that reaches past its
fields or names one that does not exist is refused with one sentence and the text stays."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casevault.casework.letter_fields import FIELDS
from casevault.core.errors import CasevaultError
from casevault.gui.focus_order import tab_as_laid_out
from casevault.gui.typed_input import TypedInputDialog
from casevault.vault.facade import Vault


class LetterTemplateDialog(TypedInputDialog):
    """`code` None writes a new template; otherwise the vault's template of that code is edited."""

    def __init__(self, vault: Vault, code: str | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        template = None if code is None else vault.letter_template(code)
        self.setWindowTitle(self.tr("Letter template") if template else self.tr("New letter template"))
        self.setAccessibleName(self.windowTitle())
        self.code = QLineEdit(template.code if template else "")
        self.code.setAccessibleName(self.tr("Template name"))
        self.code.setPlaceholderText(self.tr("e.g. pay-claim"))
        self.code.setReadOnly(template is not None)
        self.title_edit = QLineEdit(template.title if template else "")
        self.title_edit.setAccessibleName(self.tr("Letter title"))
        self.body = QPlainTextEdit(template.body if template else "")
        self.body.setAccessibleName(self.tr("Template text"))
        self.body.setTabChangesFocus(True)  # Tab moves on to the buttons (issue 18)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body.setMinimumSize(560, 320)
        fields = QLabel(
            self.tr("Merge fields, written as {{ member.name }}:")
            + "\n"
            + "\n".join(f"  {name}: {what}" for name, what in FIELDS.items())
        )
        fields.setAccessibleName(self.tr("Merge fields"))
        fields.setWordWrap(True)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Template message"))
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.code)
        form.addRow(self.tr("&Title:"), self.title_edit)
        buttons = QDialogButtonBox()
        self.primary = buttons.addButton(self.tr("&Save template"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.primary.setAccessibleName(self.tr("Save template"))
        self.primary.clicked.connect(self.save)
        self.reset_button: QPushButton | None = None
        if template is not None and template.edited:
            text = self.tr("&Reset to casevault's text") if template.shipped else self.tr("&Delete template")
            self.reset_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.reset_button.setAccessibleName(text.replace("&", ""))
            self.reset_button.clicked.connect(self.reset)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(fields)
        layout.addWidget(self.message)
        layout.addWidget(tab_as_laid_out(buttons))

    def typed_fields(self) -> list[QWidget]:
        return [self.code, self.title_edit, self.body]

    def save(self) -> None:
        try:
            self._vault.save_letter_template(
                self.code.text(), self.body.toPlainText(), title=self.title_edit.text()
            )
        except CasevaultError as err:  # the rep's text stays, with the one sentence saying why
            self.message.setText(err.message)
            return
        self.accept()

    def reset(self) -> None:
        try:
            self._vault.reset_letter_template(self.code.text())
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.accept()
