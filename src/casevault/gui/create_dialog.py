"""First run: choose the vault's passphrase and whether to remember it in the system keychain."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from casevault.casework.rules import MIN_PASSPHRASE_CHARS, TOO_SHORT, passphrase_weakness
from casevault.core.clock import Clock, utc_now
from casevault.core.errors import CasevaultError
from casevault.core.paths import VaultPaths
from casevault.crypto.kdf import KdfParams
from casevault.gui.busy import busy_cursor
from casevault.gui.steady_layout import FitLabel, keep_text_whole
from casevault.host.keychain import Keychain
from casevault.vault.facade import Vault


class CreateVaultDialog(QDialog):
    """Emits `created(vault, notice)` once the vault exists; `notice` is '' or one sentence. The
    vault made runs on `clock`."""

    created = Signal(object, str)

    def __init__(
        self,
        paths: VaultPaths,
        *,
        keychain: Keychain | None,
        kdf_params: KdfParams | None = None,
        clock: Clock = utc_now,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._keychain = keychain
        self._kdf_params = kdf_params
        self._clock = clock
        self.setWindowTitle(self.tr("Create your casevault"))
        self.setAccessibleName(self.tr("Create vault"))

        intro = QLabel(
            self.tr(
                "Choose a passphrase for your new vault. Everything in it is encrypted with this "
                "passphrase. If this computer's keychain is ever lost or reset, the passphrase is "
                "the only way back in: write it down and keep it somewhere safe."
            )
        )
        intro.setWordWrap(True)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Repeat passphrase"))
        # The strength, or why the passphrase would be refused: said here only, under the field,
        # never again in the message below (it was said twice, and this copy was cut in half).
        self.hint = FitLabel()
        self.hint.setAccessibleName(self.tr("Passphrase strength"))
        self.remember = QCheckBox(self.tr("&Remember on this computer (use the system keychain)"))
        self.remember.setChecked(True)
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.message = FitLabel()
        self.message.setAccessibleName(self.tr("Message"))

        form = QFormLayout()
        label = QLabel(self.tr("&Passphrase:"))
        label.setBuddy(self.passphrase)
        form.addRow(label, self.passphrase)
        label = QLabel(self.tr("Re&peat it:"))
        label.setBuddy(self.confirm)
        form.addRow(label, self.confirm)
        form.addRow("", self.hint)

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("&Create vault"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setAccessibleName(self.tr("Create vault"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.passphrase.textChanged.connect(self._update_hint)
        self.setMinimumWidth(460)
        keep_text_whole(self)

    def strength_hint(self, passphrase: str) -> str:
        """A plain hint about the passphrase, or the reason it would be refused."""
        if not passphrase:
            return ""
        problem = self.problem(passphrase)
        if problem:
            return problem
        if len(passphrase) >= 20 and len(passphrase.split()) >= 3:
            return self.tr("Strong: several words make a passphrase that is hard to guess.")
        return self.tr("Acceptable. A few more words would make it stronger.")

    def problem(self, passphrase: str) -> str:
        """Why the passphrase would be refused (the same rule as the vault's), or ''."""
        weakness = passphrase_weakness(passphrase)
        if weakness is None:
            return ""
        if weakness == TOO_SHORT:
            return self.tr(
                "The passphrase is too short: use at least %1 characters (a few unrelated words work well)."
            ).replace("%1", str(MIN_PASSPHRASE_CHARS))
        return self.tr("The passphrase repeats too few different characters to be safe.")

    def _update_hint(self, text: str) -> None:
        self.hint.setText(self.strength_hint(text))

    def _create(self) -> None:
        passphrase = self.passphrase.text()
        problem = self.problem(passphrase)
        if problem:  # said under the field, once
            self.hint.setText(problem)
            self.message.clear()
            self.passphrase.setFocus()
            return
        if self.confirm.text() != passphrase:
            self.message.setText(self.tr("The two passphrases differ. Please type the same one twice."))
            return
        notices: list[str] = []
        self.message.setText(self.tr("Creating the vault…"))
        self.create_button.setEnabled(False)
        try:
            with busy_cursor():
                vault = Vault.create(
                    self._paths,
                    passphrase,
                    keychain=self._keychain if self.remember.isChecked() else None,
                    kdf_params=self._kdf_params,
                    notice=notices.append,
                    clock=self._clock,
                )
        except CasevaultError as err:
            self.message.setText(err.message)
            self.create_button.setEnabled(True)
            return
        self.passphrase.clear()
        self.confirm.clear()
        self.message.clear()
        self.create_button.setEnabled(True)
        self.created.emit(vault, " ".join(notices))
        self.accept()
