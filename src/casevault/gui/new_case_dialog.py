"""A small dialog that opens a case for a member."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from casevault.casework.rules import DEFAULT_CASE_TYPE
from casevault.errors import CasevaultError
from casevault.vault import Vault


class NewCaseDialog(QDialog):
    """Emits `case_created(ref)` after `vault.new_case` succeeds."""

    case_created = Signal(str)

    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(self.tr("New case"))
        self.setAccessibleName(self.tr("New case"))
        self.member_name = QLineEdit()
        self.member_name.setAccessibleName(self.tr("Member name"))
        self.case_type = QLineEdit()
        self.case_type.setPlaceholderText(self.tr("e.g. disciplinary, grievance, sickness"))
        self.case_type.setAccessibleName(self.tr("Case type"))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("Email address"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        form = QFormLayout()
        for text, field in (
            (self.tr("Member &name:"), self.member_name),
            (self.tr("Case &type:"), self.case_type),
            (self.tr("&Email:"), self.email),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def _save(self) -> None:
        try:
            ref = self._vault.new_case(
                self.member_name.text(),
                case_type=self.case_type.text().strip() or DEFAULT_CASE_TYPE,
                email=self.email.text(),
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.case_created.emit(ref)
        self.accept()
