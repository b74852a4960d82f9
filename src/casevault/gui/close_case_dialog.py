"""Closing a case: the archive period (its type's default, editable for this case), the date it
will be due for deletion, and a warning while the member's originals are still held. When the
first meeting prompted an escalation and none is recorded, the rep records it or gives the reason
for closing without one (the Close button stays disabled until then)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import outcomes as outcome_rules
from casevault.casework.retention import MAX_RETAIN_DAYS
from casevault.core.errors import CasevaultError
from casevault.gui.case_list_model import local_date_text
from casevault.gui.escalation_dialog import EscalationDialog
from casevault.gui.focus_order import tab_as_laid_out
from casevault.gui.typed_input import TypedInputDialog
from casevault.vault.facade import Vault


class CloseCaseDialog(TypedInputDialog):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        summary = vault.case(ref).summary
        self.setWindowTitle(self.tr("Close case"))
        self.setAccessibleName(self.tr("Close case"))
        intro = QLabel(
            self.tr(
                "Closing %1 keeps it for its archive period; then casevault reminds you to "
                "delete it permanently. You can reopen it until then."
            ).replace("%1", ref)
        )
        intro.setWordWrap(True)
        self.days = QSpinBox()
        self.days.setAccessibleName(self.tr("Archive period in days"))
        self.days.setRange(0, MAX_RETAIN_DAYS)
        self.days.setValue(vault.retain_days_for(summary.case_type))
        self.days.setSuffix(self.tr(" days"))
        self.due = QLabel()
        self.due.setAccessibleName(self.tr("Due for deletion on"))
        self.days.valueChanged.connect(self._update_due)
        form = self._outcome_form()
        label = QLabel(self.tr("&Archive period:"))
        label.setBuddy(self.days)
        form.addRow(label, self.days)
        form.addRow(self.tr("Due for deletion on:"), self.due)
        self.originals = QLabel(
            self.tr(
                "The member's original documents are not recorded as returned. Return them before "
                "closing if you can; a reminder will ask until they are."
            )
        )
        self.originals.setAccessibleName(self.tr("Originals warning"))
        self.originals.setWordWrap(True)
        self.originals.setVisible(vault.originals_outstanding(ref))
        self._build_escalation()
        self._escalation_unrecorded = vault.escalation_unrecorded(ref)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Close case message"))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = buttons.addButton(self.tr("&Close case"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setAccessibleName(self.tr("Close case"))
        self.close_button.clicked.connect(self._close_case)
        self.primary = self.close_button
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.originals)
        layout.addWidget(self.escalation_note)
        layout.addWidget(self.escalate_button)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(tab_as_laid_out(buttons))
        self._update_due(self.days.value())
        self._show_escalation()

    def _outcome_form(self) -> QFormLayout:
        """How the case ended, from the vault's list, and any remedy: the figures count them."""
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.addItem(self.tr("Choose how the case ended…"), None)
        for code in self._vault.outcomes():
            self.outcome.addItem(
                QCoreApplication.translate(outcome_rules.CONTEXT, outcome_rules.label(code)), code
            )
        self.outcome.currentIndexChanged.connect(self._update_close_button)
        self.remedy = QLineEdit()
        self.remedy.setAccessibleName(self.tr("Remedy"))
        self.remedy.setPlaceholderText(
            self.tr("What was won, if anything (e.g. back pay, a warning removed)")
        )
        form = QFormLayout()
        outcome_label = QLabel(self.tr("&Outcome:"))
        outcome_label.setBuddy(self.outcome)
        form.addRow(outcome_label, self.outcome)
        remedy_label = QLabel(self.tr("Re&medy:"))
        remedy_label.setBuddy(self.remedy)
        form.addRow(remedy_label, self.remedy)
        return form

    def typed_fields(self) -> list[QWidget]:
        return [self.reason, self.remedy]

    def _update_due(self, days: int) -> None:
        self.due.setText(local_date_text(self._vault.now() + timedelta(days=days)))

    def _build_escalation(self) -> None:
        self.escalation_dialog: EscalationDialog | None = None
        self.escalation_note = QLabel(
            self.tr(
                "The first meeting prompted an escalation (dismissal threatened or discrimination "
                "alleged) and none is recorded. Record the escalation, or give the reason for "
                "closing without one; it goes into the paper trail."
            )
        )
        self.escalation_note.setAccessibleName(self.tr("Escalation warning"))
        self.escalation_note.setWordWrap(True)
        self.reason_label = QLabel(self.tr("&Reason for closing without escalation:"))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason for closing without escalation"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason_label.setBuddy(self.reason)
        self.reason.textChanged.connect(self._update_close_button)
        self.escalate_button = QPushButton(self.tr("Record &escalation…"))
        self.escalate_button.setAccessibleName(self.tr("Record escalation"))
        self.escalate_button.clicked.connect(self.ask_escalation)

    def _show_escalation(self) -> None:
        for widget in (self.escalation_note, self.escalate_button, self.reason_label, self.reason):
            widget.setVisible(self._escalation_unrecorded)
        self._update_close_button()

    def _update_close_button(self) -> None:
        # The figures count every closing: the outcome is chosen before the case can close.
        chosen = self.outcome.currentData() is not None
        self.close_button.setEnabled(
            chosen and (not self._escalation_unrecorded or bool(self.reason.toPlainText().strip()))
        )

    def ask_escalation(self) -> None:
        dialog = EscalationDialog(self._vault, self._ref, self)
        dialog.recorded.connect(self._escalation_recorded)
        dialog.finished.connect(dialog.deleteLater)
        self.escalation_dialog = dialog
        dialog.open()

    def _escalation_recorded(self) -> None:
        self.escalation_dialog = None
        self._escalation_unrecorded = self._vault.escalation_unrecorded(self._ref)
        self._show_escalation()

    def _close_case(self) -> None:
        reason = self.reason.toPlainText().strip() if self._escalation_unrecorded else None
        try:
            self._vault.close_case(
                self._ref,
                retain_days=self.days.value(),
                escalation_reason=reason,
                outcome=str(self.outcome.currentData()),
                remedy=self.remedy.text(),
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.accept()
