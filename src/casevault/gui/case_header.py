"""The header every tab of a case shows (issue 18): reference, member, type, status, the stage
its procedure is at and the next deadline, so none of them is a tab away. It reloads when the
page asks (a tab shown, the case closed or reopened, a stage recorded)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from casevault.casework import outcomes as outcome_rules
from casevault.casework import today as today_rules
from casevault.core.errors import CasevaultError
from casevault.gui.case_list_model import status_label
from casevault.gui.qt_dates import date_text
from casevault.vault.facade import Vault


def _field(name: str) -> QLabel:
    label = QLabel()
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return label


class CaseHeader(QWidget):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self.setAccessibleName(self.tr("Case header"))
        self.reference = _field(self.tr("Case reference"))
        font = QFont(self.reference.font())
        font.setBold(True)
        self.reference.setFont(font)
        self.member = _field(self.tr("Case member"))
        self.member.setFont(font)
        self.kind = _field(self.tr("Case type"))
        self.status = _field(self.tr("Case status"))
        self.stage = _field(self.tr("Procedure stage"))
        self.deadline = _field(self.tr("Next deadline"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        for label in (self.reference, self.member, self.kind, self.status, self.stage, self.deadline):
            layout.addWidget(label)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        if not self._vault.is_open:
            return
        try:
            summary = self._vault.case_summary(self._ref)
            deadlines = self._vault.deadlines(self._ref)
        except CasevaultError:
            return
        self.reference.setText(summary.ref)
        self.member.setText(summary.member_name)
        self.kind.setText(
            QCoreApplication.translate(outcome_rules.CONTEXT, outcome_rules.label(summary.case_type))
        )
        self.status.setText(status_label(summary.status))
        stage = today_rules.current_stage(deadlines)
        if stage == today_rules.NO_PROCEDURE:
            self.stage.setText(self.tr("No procedure"))
        elif stage == today_rules.PROCEDURE_DONE:
            self.stage.setText(self.tr("Procedure finished"))
        else:
            self.stage.setText(self.tr("Stage: %1").replace("%1", stage))
        found = today_rules.next_deadline(deadlines, self._vault.session.now().astimezone().date())
        if found is None:
            self.deadline.setText(self.tr("No deadline ahead"))
        else:
            deadline, day = found
            self.deadline.setText(
                self.tr("Next deadline: %1 (%2)")
                .replace("%1", date_text(QDate(day.year, day.month, day.day)))
                .replace("%2", deadline.name)
            )

    def texts(self) -> list[str]:
        return [
            w.text() for w in (self.reference, self.member, self.kind, self.status, self.stage, self.deadline)
        ]
