"""Archive periods: how many days a closed case is kept before it is due for deletion, by case
type, plus the default. The values live in the vault, so this dialog exists only while unlocked.
A new period applies to cases closed from now on."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from casevault.casework.retention import MAX_RETAIN_DAYS
from casevault.core.errors import CasevaultError
from casevault.gui.focus_order import tab_as_laid_out
from casevault.vault.facade import Vault


class RetentionDialog(QDialog):
    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Archive periods"))
        self.setAccessibleName(self.tr("Archive periods"))
        self._vault = vault
        self._initial = vault.retention_defaults()
        self.spins: dict[str, QSpinBox] = {}
        intro = QLabel(
            self.tr(
                "How many days a closed case is kept before it is due for permanent deletion. "
                "A change applies to cases closed from now on."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About archive periods"))
        form = QFormLayout()
        for case_type, days in self._initial.items():
            spin = QSpinBox()
            spin.setRange(0, MAX_RETAIN_DAYS)
            spin.setValue(days)
            spin.setSuffix(self.tr(" days"))
            name = self.tr("Default") if case_type == "" else case_type
            spin.setAccessibleName(self.tr("Archive period for %1").replace("%1", name))
            label = QLabel(self.tr("&Default (any other type):") if case_type == "" else f"{case_type}:")
            label.setBuddy(spin)
            form.addRow(label, spin)
            self.spins[case_type] = spin
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(tab_as_laid_out(buttons))

    def save(self) -> None:
        try:
            for case_type, spin in self.spins.items():
                if spin.value() != self._initial.get(case_type):
                    self._vault.set_retain_days(spin.value(), case_type or None)
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.accept()
