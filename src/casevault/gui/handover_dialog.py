"""Handing a case over to a colleague, and receiving one (issue 6): this vault's handover key
with a Copy button, "Hand over case…" (when opened from a case) and "Receive a case…".

The slow parts (hashing, encrypting, decrypting and checking the bundle) run through
`run_task`; the database work runs on the GUI thread before and after.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casevault.core.errors import CasevaultError
from casevault.formats.bundle import check_recipient
from casevault.gui.file_dialogs import choose_files, choose_save_path
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.vault.facade import Vault
from casevault.vault.handover.receive import SENDER_CONFIRMED, SENDER_KNOWN, PreparedReceive, Receipt
from casevault.vault.handover.send import PreparedHandover, hash_documents

log = logging.getLogger(__name__)


class HandoverDialog(QDialog):
    received = Signal(str)  # the new case's reference
    delete_copy_requested = Signal()  # after a handover: close this case and ask to delete it

    def __init__(self, vault: Vault, parent: QWidget | None = None, ref: str | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._task: TaskHandle | None = None
        self.setWindowTitle(self.tr("Hand over a case") if ref else self.tr("My handover key"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(self._my_key_box(vault))
        self._build_rest(layout, ref)

    def _my_key_box(self, vault: Vault) -> QGroupBox:
        mine = QGroupBox(self.tr("My handover key"))
        mine.setAccessibleName(self.tr("My handover key"))
        mine_layout = QVBoxLayout(mine)
        explain = QLabel(self.tr("Share this with colleagues who hand cases to you."))
        explain.setWordWrap(True)
        mine_layout.addWidget(explain)
        row = QHBoxLayout()
        self.key_field = QLineEdit(vault.identity_public_key())
        self.key_field.setReadOnly(True)
        self.key_field.setAccessibleName(self.tr("This vault's handover key"))
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy my handover key"))
        self.copy_button.clicked.connect(self.copy_key)
        row.addWidget(self.key_field)
        row.addWidget(self.copy_button)
        mine_layout.addLayout(row)
        # Colleagues who receive from this vault compare this with the rep by phone: age says
        # who can read a bundle, the signature says who made it.
        mine_layout.addWidget(QLabel(self.tr("My signing fingerprint (read it to colleagues by phone):")))
        self.fingerprint_field = QLineEdit(vault.signing_fingerprint())
        self.fingerprint_field.setReadOnly(True)
        self.fingerprint_field.setAccessibleName(self.tr("This vault's signing fingerprint"))
        mine_layout.addWidget(self.fingerprint_field)
        return mine

    def _build_rest(self, layout: QVBoxLayout, ref: str | None) -> None:

        self.recipient_field = QLineEdit()
        self.recipient_field.setAccessibleName(self.tr("Colleague's handover key"))
        self.recipient_field.setPlaceholderText(self.tr("age1…"))
        self.hand_over_button = QPushButton(self.tr("&Hand over case…"))
        self.hand_over_button.setAccessibleName(self.tr("Hand over case"))
        self.hand_over_button.clicked.connect(self.hand_over)
        if ref:
            give = QGroupBox(self.tr("Hand over %1").replace("%1", ref))
            give.setAccessibleName(self.tr("Hand over this case"))
            give_layout = QVBoxLayout(give)
            give_layout.addWidget(QLabel(self.tr("Paste your colleague's handover key:")))
            give_layout.addWidget(self.recipient_field)
            give_layout.addWidget(self.hand_over_button)
            self.delete_copy_button = QPushButton(self.tr("&Delete my copy…"))
            self.delete_copy_button.setAccessibleName(self.tr("Delete my copy"))
            self.delete_copy_button.setToolTip(
                self.tr(
                    "Closes the case now, then asks you to confirm its permanent deletion by typing "
                    "its reference."
                )
            )
            self.delete_copy_button.clicked.connect(self._delete_copy)
            self.delete_copy_button.hide()
            give_layout.addWidget(self.delete_copy_button)
            layout.addWidget(give)
        else:
            self.recipient_field.hide()
            self.hand_over_button.hide()

        self.receive_button = QPushButton(self.tr("&Receive a case…"))
        self.receive_button.setAccessibleName(self.tr("Receive a case"))
        self.receive_button.clicked.connect(self.receive)
        layout.addWidget(self.receive_button)
        self._add_sender_row(layout)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 1000)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setAccessibleName(self.tr("Dialog buttons"))
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter hands the case over once the colleague's key is pasted; opened from the menus (My
        # handover key, Receive a case) it closes. Left to Qt it copied this vault's key, over
        # whatever the clipboard held.
        (self.hand_over_button if ref else close).setDefault(True)

    def _add_sender_row(self, layout: QVBoxLayout) -> None:
        """Who signed a received bundle, shown after a receive, with the phone confirmation."""
        self.sender_label = QLabel("")
        self.sender_label.setWordWrap(True)
        self.sender_label.setAccessibleName(self.tr("Sender"))
        self.sender_label.hide()
        layout.addWidget(self.sender_label)
        self.confirm_sender_button = QPushButton(self.tr("I have compared it &by phone"))
        self.confirm_sender_button.setAccessibleName(self.tr("Confirm sender by phone"))
        self.confirm_sender_button.clicked.connect(self.confirm_sender)
        self.confirm_sender_button.hide()
        layout.addWidget(self.confirm_sender_button)
        self._sender = ""

    # ---- helpers ---------------------------------------------------------------------------

    def copy_key(self) -> None:
        QApplication.clipboard().setText(self.key_field.text())
        self.status.setText(self.tr("Your handover key is copied."))

    def _busy(self, busy: bool) -> None:
        for widget in (self.hand_over_button, self.receive_button, self.recipient_field):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self._busy(False)
        if isinstance(error, CancelledError):
            self.status.setText(self.tr("Stopped; nothing was kept."))
        elif isinstance(error, CasevaultError):
            self.status.setText(error.message)
        else:
            log.error("handover.failed %s", type(error).__name__)
            self.status.setText(self.tr("Something went wrong; nothing was kept."))

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()

    # ---- handing over ----------------------------------------------------------------------

    def hand_over(self) -> None:
        if not self._ref:
            return
        try:
            problem = self._vault.sharing_consent_problem(self._ref, "reps")
            if problem:
                self.status.setText(problem)
                return
            check_recipient(self.recipient_field.text())
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        path = choose_save_path(self, self.tr("Save the handover bundle"), f"{self._ref}.cvcase.age")
        if not path:
            return
        self.start_handover(Path(path))

    def start_handover(self, out: Path) -> None:
        """Write the bundle to `out` (tests call this directly, skipping the file dialog)."""
        assert self._ref
        try:
            prepared = self._vault.prepare_handover(self._ref, self.recipient_field.text(), out)
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self._busy(True)
        self.status.setText(self.tr("Encrypting the case for your colleague…"))
        whole = max(1, 2 * prepared.total)

        def work(progress: object) -> str:
            hash_documents(prepared, progress)  # type: ignore[arg-type]
            return prepared.write(progress, start=prepared.total)  # type: ignore[arg-type]

        self._task = run_task(
            work,
            lambda _sha: self._handed_over(prepared),
            self._failed,
            lambda done: self.progress.setValue(min(1000, done * 1000 // whole)),
            parent=self,
        )

    def _handed_over(self, prepared: PreparedHandover) -> None:
        self._task = None
        self._busy(False)
        try:
            self._vault.finish_handover(prepared)
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self.status.setText(
            self.tr(
                "The case is handed over: only your colleague's key opens the bundle. Once they "
                "confirm they have it, delete your copy so the case is kept in one place only."
            )
        )
        self.delete_copy_button.show()

    def _delete_copy(self) -> None:
        self.delete_copy_requested.emit()
        self.accept()

    # ---- receiving -------------------------------------------------------------------------

    def receive(self) -> None:
        paths = choose_files(self, self.tr("Choose a handover bundle"))
        if paths:
            self.start_receive(Path(paths[0]))

    def start_receive(self, bundle_path: Path) -> None:
        """Receive `bundle_path` (tests call this directly, skipping the file dialog)."""
        try:
            prepared = self._vault.prepare_receive(bundle_path)
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self._busy(True)
        self.progress.setRange(0, 0)  # the size is known only once the manifest is read
        self.status.setText(self.tr("Checking the bundle…"))

        def work(progress: object) -> str:
            prepared.verify(progress)  # type: ignore[arg-type]
            prepared.write_blobs(progress, start=prepared.total)  # type: ignore[arg-type]
            return "ok"

        self._task = run_task(
            work,
            lambda _ok: self._received(prepared),
            lambda err: self._receive_failed(prepared, err),
            None,
            parent=self,
        )

    def _receive_failed(self, prepared: PreparedReceive, error: BaseException) -> None:
        self._vault.abandon_receive(prepared)
        self.progress.setRange(0, 1000)
        self._failed(error)

    def _received(self, prepared: PreparedReceive) -> None:
        self._task = None
        self._busy(False)
        self.progress.setRange(0, 1000)
        try:
            ref = self._vault.finish_receive(prepared)
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self.status.setText(self.tr("Received as %1.").replace("%1", ref))
        if prepared.receipt is not None:
            self._show_sender(prepared.receipt)
        self.received.emit(ref)

    def _show_sender(self, receipt: Receipt) -> None:
        self._sender = receipt.sender
        if receipt.status == SENDER_CONFIRMED:
            text = self.tr("Signed by a colleague whose fingerprint you compared by phone: %1")
        elif receipt.status == SENDER_KNOWN:
            text = self.tr(
                "Signed by a colleague you have received from before, but whose fingerprint you have "
                "not compared by phone: %1. Ask them to read theirs to you."
            )
        else:
            text = self.tr(
                "Signed by a key this vault has never received from: %1. Phone the colleague who "
                "sent it (on a number you already have) and ask them to read their signing "
                "fingerprint to you; it must match exactly."
            )
        self.sender_label.setText(text.replace("%1", receipt.sender))
        self.sender_label.show()
        self.confirm_sender_button.setVisible(receipt.status != SENDER_CONFIRMED)

    def confirm_sender(self) -> None:
        if not self._sender:
            return
        try:
            self._vault.confirm_sender(self._sender)
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self.confirm_sender_button.hide()
        self.sender_label.setText(
            self.tr("You compared this sender's fingerprint by phone: %1").replace("%1", self._sender)
        )
