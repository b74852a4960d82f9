"""Export a case as a password-protected zip for sending (issue 6).

The rep picks documents, whether to add a case summary PDF, neutral names inside the zip, the
recipient and their kind, and where to save. The password is generated here and shown once,
with a copy button and the advice to send it by a different channel. A missing sharing consent
is shown as one sentence and the Export button stays disabled. The zip is written on a worker
(`run_task`); Cancel leaves no file."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import exchange
from casevault.core.errors import CasevaultError, VaultStateError
from casevault.gui.file_dialogs import choose_save_path
from casevault.gui.summary_pdf import render_summary, summary_document
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.vault.exchange import PendingExport
from casevault.vault.facade import Vault

log = logging.getLogger(__name__)

try:  # QtPrintSupport ships with PySide6-Essentials; printing is simply left out without it
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    PRINTING = True
except ImportError:  # pragma: no cover - depends on the Qt build
    PRINTING = False


class ExportDialog(QDialog):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._pending: PendingExport | None = None
        self._task: TaskHandle | None = None
        self.choose_path: Callable[[QWidget, str, str], str] = choose_save_path
        self.setWindowTitle(self.tr("Send the case as an encrypted zip"))
        self.setAccessibleName(self.tr("Send the case as an encrypted zip"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self._build_choices(form)
        self._build_password(form)
        self._build_output(form, layout)
        self._update()

    def _build_choices(self, form: QFormLayout) -> None:
        vault, ref = self._vault, self._ref
        self.documents = QListWidget()
        self.documents.setAccessibleName(self.tr("Documents to send"))
        for attachment in vault.case(ref).attachments:
            item = QListWidgetItem(attachment.name)
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.documents.addItem(item)
        self.documents.itemChanged.connect(self._update)
        form.addRow(self._buddy(self.tr("&Documents:"), self.documents), self.documents)

        self.include_summary = QCheckBox(self.tr("Include a case &summary PDF"))
        self.include_summary.setAccessibleName(self.tr("Include a case summary PDF"))
        self.include_summary.toggled.connect(self._update)
        self.neutral_names = QCheckBox(self.tr("&Neutral file names inside the zip (document-01.pdf…)"))
        self.neutral_names.setAccessibleName(self.tr("Neutral file names inside the zip"))
        self.neutral_names.setToolTip(
            self.tr("The names of the files inside a zip can be read without its password.")
        )
        self.neutral_names.setChecked(True)
        self.subject_access = QCheckBox(self.tr("Everything held about the &member (subject access request)"))
        self.subject_access.setAccessibleName(self.tr("Subject access request"))
        self.subject_access.setToolTip(
            self.tr(
                "For the member themselves: a summary of each of their cases and all their documents, "
                "in one encrypted zip."
            )
        )
        self.subject_access.toggled.connect(self._update)
        form.addRow("", self.include_summary)
        form.addRow("", self.neutral_names)
        form.addRow("", self.subject_access)

        self.recipient = QLineEdit()
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self.recipient.textChanged.connect(self._update)
        form.addRow(self._buddy(self.tr("&Recipient:"), self.recipient), self.recipient)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of recipient"))
        labels = (self.tr("Another rep"), self.tr("The regional office"), self.tr("The member"))
        for label, code in zip(labels, exchange.RECIPIENT_KINDS, strict=True):
            self.kind.addItem(label, code)
        self.kind.currentIndexChanged.connect(self._update)
        form.addRow(self._buddy(self.tr("&Kind:"), self.kind), self.kind)
        self.consent_problem = QLabel()
        self.consent_problem.setAccessibleName(self.tr("Consent problem"))
        self.consent_problem.setWordWrap(True)
        form.addRow("", self.consent_problem)

    def _build_password(self, form: QFormLayout) -> None:
        self.password = QLineEdit()
        self.password.setAccessibleName(self.tr("Zip password"))
        self.password.setReadOnly(True)
        self.generate_button = QPushButton(self.tr("&Generate password"))
        self.generate_button.setAccessibleName(self.tr("Generate password"))
        self.generate_button.clicked.connect(self.generate_password)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the password"))
        self.copy_button.clicked.connect(self.copy_password)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.generate_button)
        row.addWidget(self.copy_button)
        form.addRow(self._buddy(self.tr("Pass&word:"), self.password), row)
        self.password_advice = QLabel(
            self.tr(
                "Send this password by a different channel from the zip (a phone call or a text "
                "message, not the same email)."
            )
            + " "
            + self.tr(
                "The zip opens with 7-Zip on Windows, or Keka or The Unarchiver on macOS; Windows "
                "Explorer and macOS Archive Utility cannot open this kind of encrypted zip."
            )
        )
        self.password_advice.setAccessibleName(self.tr("Password advice"))
        self.password_advice.setWordWrap(True)
        form.addRow("", self.password_advice)

    def _build_output(self, form: QFormLayout, layout: QVBoxLayout) -> None:
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Save the zip as"))
        self.path.textChanged.connect(self._update)
        self.browse_button = QPushButton(self.tr("C&hoose…"))
        self.browse_button.setAccessibleName(self.tr("Choose where to save the zip"))
        self.browse_button.clicked.connect(self.choose_location)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        form.addRow(self._buddy(self.tr("Save &as:"), self.path), row)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Export status"))
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print summary…"))
        self.print_button.setAccessibleName(self.tr("Print the case summary"))
        self.print_button.clicked.connect(self.print_summary)
        self.print_button.setVisible(PRINTING)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # ---- state ---------------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [
            str(self.documents.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.documents.count())
            if self.documents.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _problem(self) -> str | None:
        if self.subject_access.isChecked():
            return None  # it goes to the member: no sharing consent is needed
        try:
            return self._vault.export_problem(self._ref, str(self.kind.currentData()))
        except CasevaultError as err:
            return err.message

    def _update(self, *_: object) -> None:
        problem = self._problem()
        self.consent_problem.setText(problem or "")
        self.consent_problem.setVisible(bool(problem))
        busy = self._task is not None
        whole = self.subject_access.isChecked()
        ready = (
            not problem
            and not busy
            and (whole or bool(self.recipient.text().strip()))
            and bool(self.password.text())
            and bool(self.path.text().strip())
            and (whole or bool(self.selected_ids()) or self.include_summary.isChecked())
        )
        self.export_button.setEnabled(ready)
        controls: tuple[QWidget, ...] = (
            self.documents,
            self.include_summary,
            self.neutral_names,
            self.recipient,
            self.kind,
            self.generate_button,
            self.browse_button,
            self.path,
        )
        for widget in controls:
            widget.setEnabled(not busy)
        for widget in (self.documents, self.include_summary, self.neutral_names, self.recipient, self.kind):
            widget.setEnabled(not busy and not whole)  # a subject access export takes everything
        self.subject_access.setEnabled(not busy)
        # Shown while writing, and at 100% after a finished export; an empty bar only says nothing.
        self.progress.setVisible(busy or self.progress.value() > 0)

    def generate_password(self) -> None:
        self.password.setText(exchange.generate_password())
        self._update()

    def copy_password(self) -> None:
        if self.password.text():
            QGuiApplication.clipboard().setText(self.password.text())

    def choose_location(self) -> None:
        chosen = self.choose_path(self, self.tr("Save the encrypted zip as"), f"{self._ref}.zip")
        if chosen:
            self.path.setText(chosen)

    def print_summary(self) -> None:
        if not PRINTING:  # pragma: no cover
            return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            summary_document(self._vault.case(self._ref)).print_(printer)

    # ---- the export --------------------------------------------------------------------------

    def export(self) -> None:
        if self._task is not None or not self.export_button.isEnabled():
            return
        try:
            if self.subject_access.isChecked():
                pending = self._vault.begin_subject_access(
                    self._ref,
                    Path(self.path.text().strip()),
                    password=self.password.text(),
                    render_summary=lambda ref: render_summary(self._vault, ref),
                )
            else:
                pending = self._begin_export()
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self._start(pending)

    def _begin_export(self) -> PendingExport:
        pdf = render_summary(self._vault, self._ref) if self.include_summary.isChecked() else None
        return self._vault.begin_export(
            self._ref,
            self.selected_ids(),
            Path(self.path.text().strip()),
            password=self.password.text(),
            recipient=self.recipient.text(),
            recipient_kind=str(self.kind.currentData()),
            neutral_names=self.neutral_names.isChecked(),
            summary_pdf=pdf,
        )

    def _start(self, pending: PendingExport) -> None:
        self._pending = pending
        total = max(1, pending.total)
        self.status.setText(self.tr("Writing the encrypted zip…"))
        self.progress.setValue(0)

        def work(progress: Callable[[int], None]) -> str:
            return pending.write(lambda done, _total: progress(done))

        self._task = run_task(
            work,
            lambda _sha: self._written(pending),
            lambda error: self._not_written(pending, error),
            lambda done: self.progress.setValue(min(1000, done * 1000 // total)),
            parent=self,
        )
        self._update()

    def _written(self, pending: PendingExport) -> None:
        self._task = None
        try:
            self._vault.finish_export(pending)
        except CasevaultError as err:
            self.status.setText(err.message)
        else:
            self.progress.setValue(1000)
            self.status.setText(
                self.tr("The encrypted zip was saved. Send the password by a different channel.")
            )
            self.password.clear()  # shown once
            self.path.clear()
        self._pending = None
        self._update()

    def _not_written(self, pending: PendingExport, error: BaseException) -> None:
        self._task = None
        self._pending = None
        if pending.sha256 is not None:  # the zip was finished just as the rep cancelled: remove it
            with contextlib.suppress(FileNotFoundError):
                pending.out.unlink()
        with contextlib.suppress(VaultStateError):
            self._vault.abandon_export(pending)
        self.progress.setValue(0)
        if isinstance(error, CancelledError):
            self.status.setText(self.tr("The export was cancelled; no file was written."))
        elif isinstance(error, CasevaultError):
            self.status.setText(error.message)
        else:
            log.error("export.failed %s", type(error).__name__)
            self.status.setText(self.tr("Something went wrong while writing the zip; no file was written."))
        self._update()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            return
        self.reject()

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()
