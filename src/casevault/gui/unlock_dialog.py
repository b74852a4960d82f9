"""Unlock: the keychain silently first; otherwise a passphrase dialog that says why it asks.

A wrong passphrase gives a calm message and a small growing pause before the next try."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from casevault.core.clock import Clock, utc_now
from casevault.core.errors import CasevaultError, UnlockError
from casevault.core.paths import VaultPaths
from casevault.gui.busy import busy_cursor
from casevault.gui.steady_layout import FitLabel, keep_text_whole
from casevault.host.keychain import Keychain
from casevault.vault.facade import Vault
from casevault.vault.unlock import WRONG_PASSPHRASE, retry_delay


def open_by_keychain(
    paths: VaultPaths, keychain: Keychain | None, *, clock: Clock = utc_now
) -> tuple[Vault | None, str | None]:
    """Try to open the vault through the keychain alone, asking nobody. Returns the vault, or None
    and the sentence saying why the keychain did not open it."""
    reasons: list[str | None] = []

    def no_one_to_ask(reason: str | None) -> str | None:
        reasons.append(reason)
        return None

    try:
        return Vault.open(paths, keychain=keychain, ask_passphrase=no_one_to_ask, clock=clock), None
    except UnlockError:
        return None, next((r for r in reasons if r), None)


class UnlockDialog(QDialog):
    """Emits `unlocked(vault, notice)`. `delay` maps a failure count to seconds before the next
    try. With `keychain`, a passphrase unlock also puts a lost keychain key back (the passphrase
    alone decides whether the vault opens: the keychain is never tried here, so a lock stays a
    lock). The vault opened runs on `clock`."""

    unlocked = Signal(object, str)

    def __init__(
        self,
        paths: VaultPaths,
        *,
        reason: str | None = None,
        hint: str = "",
        delay: Callable[[int], float] = retry_delay,
        keychain: Keychain | None = None,
        clock: Clock = utc_now,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._keychain = keychain
        self._clock = clock
        self._delay = delay
        self._failures = 0
        self.setWindowTitle(self.tr("Unlock casevault"))
        self.setAccessibleName(self.tr("Unlock casevault"))

        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(self.tr("Why the passphrase is needed"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.message = FitLabel()  # shown whole when it wraps: the dialog grows to fit it
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(bool(hint))

        form = QFormLayout()
        label = QLabel(self.tr("&Passphrase:"))
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)

        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        keep_text_whole(self)
        self.set_reason(reason)

    def set_reason(self, reason: str | None) -> None:
        text = self.tr("Enter your passphrase to unlock the vault.")
        if reason:
            text = self.tr("%1, so please enter your passphrase.").replace("%1", reason.rstrip("."))
        self.reason.setText(text)
        self.message.clear()
        self.passphrase.clear()
        self.passphrase.setFocus()

    def _unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText(self.tr("Please type your passphrase."))
            return
        self.unlock_button.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        try:
            with busy_cursor():
                vault = Vault.open(
                    self._paths, keychain=None, ask_passphrase=lambda _reason: passphrase, clock=self._clock
                )
        except UnlockError as err:
            self.passphrase.selectAll()
            if err.message != WRONG_PASSPHRASE:
                self.message.setText(err.message)
                self.unlock_button.setEnabled(True)
                return
            self._failures += 1
            self.message.setText(
                self.tr("That passphrase did not open the vault. Please check it and try again in a moment.")
            )
            QTimer.singleShot(int(self._delay(self._failures) * 1000), self._ready_again)
            return
        except CasevaultError as err:
            self.message.setText(err.message)
            self.unlock_button.setEnabled(True)
            return
        self._failures = 0
        self.passphrase.clear()
        self.message.clear()
        self.unlock_button.setEnabled(True)
        notice = ""
        if self._keychain is not None:
            with busy_cursor():
                notice = vault.repair_keychain(self._keychain) or ""
        self.unlocked.emit(vault, notice)
        self.accept()

    def _ready_again(self) -> None:
        self.unlock_button.setEnabled(True)
        if self.message.text():
            self.message.setText(self.tr("That passphrase did not open the vault. Please try again."))
