"""The conflict-of-interest check's result: the matching cases by reference and role (never a
name), the guide's sentence about conflicting interests, and the rep's required decision."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from casevault.casework.conflicts import Match
from casevault.casework.people import CONFLICT_ADVICE, ROLE_LABELS
from casevault.core.model import CONFLICT_DECISIONS
from casevault.gui.focus_order import tab_as_laid_out


def casework_text(text: str) -> str:
    """Domain text (marked with QT_TRANSLATE_NOOP in casework/), translated for the GUI."""
    return QCoreApplication.translate("casework", text)


def role_label(role: str) -> str:
    return casework_text(ROLE_LABELS.get(role, role))


class ConflictDialog(QDialog):
    """Emits `decided(decision)` (one of CONFLICT_DECISIONS) when the rep confirms; records
    nothing itself, so the caller writes the decision where it belongs."""

    decided = Signal(str)

    def __init__(self, matches: Sequence[Match], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible conflict of interest"))
        self.setAccessibleName(self.tr("Possible conflict of interest"))
        intro = QLabel(
            self.tr(
                "Someone with a similar name is already in these cases (shown by reference and role only):"
            )
        )
        intro.setWordWrap(True)
        self.matches = QTreeWidget()
        self.matches.setAccessibleName(self.tr("Matching cases"))
        self.matches.setRootIsDecorated(False)
        self.matches.setHeaderLabels([self.tr("Case"), self.tr("Role there")])
        for match in matches:
            self.matches.addTopLevelItem(QTreeWidgetItem([match.ref, role_label(match.role)]))
        advice = QLabel(casework_text(CONFLICT_ADVICE))
        advice.setAccessibleName(self.tr("The guide on conflicting interests"))
        advice.setWordWrap(True)
        question = QLabel(self.tr("Your decision (recorded in the paper trail):"))
        self.choices = QButtonGroup(self)
        self.no_conflict = QRadioButton(self.tr("&No conflict"))
        self.no_conflict.setAccessibleName(self.tr("No conflict"))
        self.step_aside = QRadioButton(self.tr("&Step aside"))
        self.step_aside.setAccessibleName(self.tr("Step aside"))
        self.refer_on = QRadioButton(self.tr("&Refer on"))
        self.refer_on.setAccessibleName(self.tr("Refer on"))
        self._buttons = dict(
            zip(CONFLICT_DECISIONS, (self.no_conflict, self.step_aside, self.refer_on), strict=True)
        )
        for button in self._buttons.values():
            self.choices.addButton(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(
            self.tr("&Record decision"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setAccessibleName(self.tr("Record decision"))
        self.ok_button.setEnabled(False)
        self.ok_button.clicked.connect(self._confirm)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        self.choices.buttonToggled.connect(lambda *_: self.ok_button.setEnabled(self.decision() is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.matches)
        layout.addWidget(advice)
        layout.addWidget(question)
        for button in self._buttons.values():
            layout.addWidget(button)
        layout.addWidget(tab_as_laid_out(buttons))
        self.setMinimumWidth(460)

    def decision(self) -> str | None:
        return next((code for code, button in self._buttons.items() if button.isChecked()), None)

    def _confirm(self) -> None:
        decision = self.decision()
        if decision is None:
            return
        self.decided.emit(decision)
        self.accept()
