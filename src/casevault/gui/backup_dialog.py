"""Backup… and Verify a backup… (issue 6).

Backing up takes the database snapshot on the GUI thread (it owns the connection), streams the
file on a worker with progress and Cancel, then records the time on the GUI thread. Verifying
restores the backup into a private temp folder on a worker, opens it with the passphrase typed
here, runs `check` and deletes the copy. Restoring is offered on the command line only
(`casevault restore FILE --into DIR`). The dialog says plainly that a backup outlives a purge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casevault.core.errors import CasevaultError
from casevault.gui.file_dialogs import choose_files, choose_save_path
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.vault.backup import BackupReport
from casevault.vault.facade import Vault, verify_backup

STEPS = 1000


class BackupDialog(QDialog):
    finished_backup = Signal(object)  # BackupReport
    verified = Signal(object)  # list of problems (empty: good)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._task: TaskHandle | None = None
        self.offered: Path | None = None  # a backup opened from the desktop (offer_verify)
        self.setWindowTitle(self.tr("Backup"))
        self.setAccessibleName(self.tr("Backup"))
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "A backup is one encrypted file holding the whole vault. Keep it somewhere else, "
                "such as a USB stick. It opens with the vault passphrase (not the system keychain, "
                "which stays on this computer)."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About backups"))
        layout.addWidget(intro)
        self.purge_warning = QLabel(
            self.tr(
                "A case deleted after this backup can still be read from this backup by anyone with "
                "the passphrase at the time; destroy old backups like the vault, or make a new "
                "backup after deleting and destroy the old one."
            )
        )
        self.purge_warning.setWordWrap(True)
        self.purge_warning.setAccessibleName(self.tr("Deleted cases and old backups"))
        layout.addWidget(self.purge_warning)

        form = QFormLayout()
        self.every_days = QSpinBox()
        self.every_days.setRange(0, 365)
        self.every_days.setSpecialValueText(self.tr("Never"))
        self.every_days.setSuffix(self.tr(" days"))
        self.every_days.setValue(vault.backup_every_days())
        self.every_days.setAccessibleName(self.tr("Remind me to back up every"))
        self.every_days.valueChanged.connect(self._set_every_days)
        form.addRow(self.tr("Remind me to back up every"), self.every_days)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase for verifying"))
        form.addRow(self.tr("Passphrase (to verify)"), self.passphrase)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.backup_button = self._button(
            self.tr("&Back up to…"), self.tr("Back up to a file"), self.choose_backup
        )
        self.verify_button = self._button(
            self.tr("&Verify a backup…"), self.tr("Verify a backup"), self.choose_verify
        )
        self.cancel_button = self._button(self.tr("&Cancel"), self.tr("Cancel the backup"), self.cancel)
        self.cancel_button.setEnabled(False)
        for button in (self.backup_button, self.verify_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.rejected.connect(self.reject)
        for each in close.buttons():
            each.setAccessibleName(self.tr("Close"))
        layout.addWidget(close)

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _set_every_days(self, days: int) -> None:
        try:
            self._vault.set_backup_every_days(days)
        except CasevaultError as err:
            self.status.setText(err.message)

    def _busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.verify_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _on_progress(self, step: int) -> None:
        self.progress.setValue(step)

    # ---- backup -----------------------------------------------------------------------------

    def choose_backup(self) -> None:
        chosen = choose_save_path(self, self.tr("Back up the vault to"), "casevault.cvbackup")
        if chosen:
            self.start_backup(Path(chosen))

    def start_backup(self, out: Path) -> None:
        try:
            pending = self._vault.begin_backup(out)
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self._busy(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Backing up…"))

        def work(progress: Any) -> BackupReport:
            return pending.write(lambda done, total: progress(done * STEPS // max(total, 1)))

        def done(report: BackupReport) -> None:
            self._task = None
            self._busy(False)
            try:
                self._vault.finish_backup(report)
            except CasevaultError as err:
                self.status.setText(err.message)
                return
            self.status.setText(self.tr("The backup is written. Verify it with the passphrase to be sure."))
            self.finished_backup.emit(report)

        def failed(error: BaseException) -> None:
            self._task = None
            self._busy(False)
            pending.discard()
            if isinstance(error, CancelledError):
                self.status.setText(self.tr("Cancelled; no backup file was left behind."))
            elif isinstance(error, CasevaultError):
                self.status.setText(error.message)
            else:
                self.status.setText(self.tr("The backup failed; nothing was written."))

        self._task = run_task(work, done, failed, self._on_progress, parent=self)

    # ---- verify -----------------------------------------------------------------------------

    def offer_verify(self, backup: Path) -> None:
        """A backup opened from the desktop (`casevault FILE`): Verify (or Enter) verifies it once
        the passphrase is typed, without asking for the file."""
        self.offered = backup
        self.status.setText(self.tr("Type the passphrase the vault had when the backup was made."))
        self.verify_button.setDefault(True)
        self.passphrase.setFocus()

    def choose_verify(self) -> None:
        if self.offered is not None:
            backup = self.offered
            if self.passphrase.text():
                self.offered = None
            self.start_verify(backup)  # without a passphrase it says so, and keeps the offer
            return
        files = choose_files(self, self.tr("Choose a backup to verify"))
        if files:
            self.start_verify(Path(files[0]))

    def start_verify(self, backup: Path) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.status.setText(self.tr("Type the passphrase the vault had when the backup was made."))
            return
        self._busy(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Verifying: restoring into a private temporary folder…"))

        def work(progress: Any) -> list[str]:
            return verify_backup(
                backup, passphrase, lambda done, total: progress(done * STEPS // max(total, 1))
            )

        def done(problems: list[str]) -> None:
            self._task = None
            self._busy(False)
            self.passphrase.clear()
            if problems:
                self.status.setText(
                    self.tr("This backup would not restore cleanly: %1").replace("%1", problems[0])
                )
            else:
                self.status.setText(self.tr("The backup is good: it restores, opens and passes the check."))
            self.verified.emit(problems)

        def failed(error: BaseException) -> None:
            self._task = None
            self._busy(False)
            if isinstance(error, CancelledError):
                self.status.setText(self.tr("Verification cancelled."))
            elif isinstance(error, CasevaultError):
                self.status.setText(error.message)
            else:
                self.status.setText(self.tr("The backup could not be verified."))

        self._task = run_task(work, done, failed, self._on_progress, parent=self)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def reject(self) -> None:
        self.cancel()
        super().reject()
