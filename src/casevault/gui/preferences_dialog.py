"""Preferences: how long the vault stays open without input. Holds no case data."""

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

from casevault.gui import settings
from casevault.gui.focus_order import tab_as_laid_out


class PreferencesDialog(QDialog):
    def __init__(self, idle_minutes: int, *, screen_lock_watched: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))

        self.idle = QSpinBox()
        self.idle.setAccessibleName(self.tr("Lock after idle (minutes)"))
        self.idle.setRange(settings.MIN_IDLE_MINUTES, settings.MAX_IDLE_MINUTES)
        self.idle.setValue(idle_minutes)
        idle_label = QLabel(self.tr("&Lock after idle (minutes):"))
        idle_label.setBuddy(self.idle)

        # Says whether locking the screen also locks the vault, so nobody relies on it where the OS
        # does not report it.
        self.screen_lock_note = QLabel(
            self.tr("casevault also locks when the screen locks.")
            if screen_lock_watched
            else self.tr(
                "This system does not report screen locks to casevault: use Lock now (Ctrl+L) "
                "before leaving the computer."
            )
        )
        self.screen_lock_note.setAccessibleName(self.tr("Screen lock"))
        self.screen_lock_note.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(idle_label, self.idle)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.screen_lock_note)
        layout.addWidget(tab_as_laid_out(buttons))

    def idle_minutes(self) -> int:
        return self.idle.value()
