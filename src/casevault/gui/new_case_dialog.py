"""A small dialog that opens a case for a member.

Before the case is created the member's name is checked against the members and parties of every
other case; matches are shown (by reference and role only) in the conflict dialog and the rep's
decision goes into the new case's paper trail. With no match, "no conflict found" is recorded, so
the paper trail shows the check ran. A work email address gets a warning, which does not block."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import outcomes as outcome_rules
from casevault.casework import rules
from casevault.casework.conflicts import Match
from casevault.casework.contact import work_email_warning
from casevault.casework.people import employer_domains
from casevault.casework.rules import DEFAULT_CASE_TYPE
from casevault.core.errors import CasevaultError
from casevault.gui.conflict_dialog import ConflictDialog
from casevault.gui.focus_order import tab_as_laid_out
from casevault.gui.typed_input import TypedInputDialog
from casevault.vault.facade import Vault


class NewCaseDialog(TypedInputDialog):
    """Emits `case_created(ref)` after `vault.new_case` succeeds. Enter saves; Escape or Cancel
    with something typed asks first (TypedInputDialog)."""

    case_created = Signal(str)

    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.conflict_dialog: ConflictDialog | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setAccessibleName(self.tr("New case"))
        self.member_name = QLineEdit()
        self.member_name.setAccessibleName(self.tr("Member name"))
        # From the vault's list, never free text: the figures count it and a deletion keeps it.
        self.case_type = QComboBox()
        self.case_type.setAccessibleName(self.tr("Case type"))
        for code in vault.case_types():
            self.case_type.addItem(
                QCoreApplication.translate(outcome_rules.CONTEXT, outcome_rules.label(code)), code
            )
        self.case_type.setCurrentIndex(max(0, self.case_type.findData(DEFAULT_CASE_TYPE)))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("Email address"))
        self.employer_domain = QLineEdit()
        self.employer_domain.setAccessibleName(self.tr("Employer's email domain"))
        self.employer_domain.setPlaceholderText(self.tr("e.g. university.ac.uk"))
        self.email_warning = QLabel()
        self.email_warning.setAccessibleName(self.tr("Work email warning"))
        self.email_warning.setWordWrap(True)
        self.email_warning.setVisible(False)
        self.email.textChanged.connect(self._update_warning)
        self.employer_domain.textChanged.connect(self._update_warning)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        form = QFormLayout()
        for text, field in (
            (self.tr("Member &name:"), self.member_name),
            (self.tr("Case &type:"), self.case_type),
            (self.tr("&Email:"), self.email),
            (self.tr("Em&ployer's email domain:"), self.employer_domain),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.email_warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save"))
        self.primary = self.save_button
        self.save_button.clicked.connect(self._save)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(tab_as_laid_out(buttons))
        self.setMinimumWidth(400)

    def typed_fields(self) -> list[QWidget]:
        return [self.member_name, self.email, self.employer_domain]

    def _update_warning(self) -> None:
        warning = work_email_warning(self.email.text(), employer_domains(self.employer_domain.text()))
        self.email_warning.setText(QCoreApplication.translate("casework", warning) if warning else "")
        self.email_warning.setVisible(warning is not None)

    def _save(self) -> None:
        try:
            rules.clean_text(self.member_name.text(), field="member's name")
        except ValueError as err:
            self.message.setText(str(err))
            return
        try:
            matches = self._vault.conflicts(self.member_name.text())
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        if not matches:
            self._create("no-conflict", [])
            return
        dialog = ConflictDialog(matches, self)
        dialog.decided.connect(lambda decision: self._create(decision, matches))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._conflict_dialog_closed)
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_dialog_closed(self) -> None:
        self.conflict_dialog = None

    def _create(self, decision: str, matches: list[Match]) -> None:
        try:
            ref = self._vault.new_case(
                self.member_name.text(),
                case_type=str(self.case_type.currentData() or DEFAULT_CASE_TYPE),
                email=self.email.text(),
                employer_domain=self.employer_domain.text(),
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        try:
            self._vault.record_conflict_decision(ref, decision, checked_role="member", matches=matches)
        except CasevaultError as err:  # the case exists; say so rather than lose it
            self.message.setText(err.message)
        self.case_created.emit(ref)
        self.accept()
