"""Record an escalation: to whom, when, how, and whether the regional office was notified. The
Vault writes the record and its "escalation" paper-trail entry together."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casevault.casework.escalation import ESCALATION_ADVICE
from casevault.casework.people import ESCALATION_HOW, HOW_LABELS
from casevault.core.errors import CasevaultError
from casevault.gui.conflict_dialog import casework_text
from casevault.gui.focus_order import tab_as_laid_out
from casevault.gui.qt_dates import datetime_edit, from_qt, to_qt
from casevault.gui.typed_input import TypedInputDialog
from casevault.vault.facade import Vault


class EscalationDialog(TypedInputDialog):
    """Emits `recorded(escalation_id)` after the Vault has stored it."""

    recorded = Signal(str)

    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self.setWindowTitle(self.tr("Record escalation"))
        self.setAccessibleName(self.tr("Record escalation"))
        advice = QLabel(casework_text(ESCALATION_ADVICE))
        advice.setWordWrap(True)
        self.escalated_to = QLineEdit()
        self.escalated_to.setAccessibleName(self.tr("Escalated to"))
        self.escalated_to.setPlaceholderText(self.tr("e.g. the branch's senior caseworker"))
        now = vault.now()  # the vault's clock, which dates the record too
        self.escalated_at = datetime_edit(self.tr("When escalated"), now)
        self.escalated_at.setMaximumDateTime(to_qt(now + timedelta(days=1)))
        self.how = QComboBox()
        self.how.setAccessibleName(self.tr("How escalated"))
        for code in ESCALATION_HOW:
            self.how.addItem(casework_text(HOW_LABELS[code]), code)
        self.regional_office = QCheckBox(self.tr("The &regional office was notified"))
        self.regional_office.setAccessibleName(self.tr("Regional office notified"))
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Escalation message"))
        self.message.setWordWrap(True)
        form = QFormLayout()
        for text, field in (
            (self.tr("Escalated &to:"), self.escalated_to),
            (self.tr("&When:"), self.escalated_at),
            (self.tr("&How:"), self.how),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.regional_office)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("&Record escalation"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save escalation"))
        self.save_button.clicked.connect(self._save)
        self.primary = self.save_button
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(advice)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(tab_as_laid_out(buttons))
        self.setMinimumWidth(420)

    def typed_fields(self) -> list[QWidget]:
        return [self.escalated_to]

    def _save(self) -> None:
        try:
            escalation_id = self._vault.record_escalation(
                self._ref,
                escalated_to=self.escalated_to.text(),
                escalated_at=from_qt(self.escalated_at.dateTime()) or self._vault.now(),
                how=str(self.how.currentData()),
                regional_office_notified=self.regional_office.isChecked(),
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.recorded.emit(escalation_id)
        self.accept()
