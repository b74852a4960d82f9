"""Review against the first meeting: the issues agreed with the member and the action points
taken forward, each with its status today, and a one-line summary. Read-only; it reloads each
time it is shown, so it follows the First meeting and Action points tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from casevault.casework import review as review_rules
from casevault.core.errors import CasevaultError
from casevault.gui.case_list_model import local_date_text
from casevault.vault.facade import Vault


class ReviewView(QWidget):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self.setAccessibleName(self.tr("Review"))
        intro = QLabel(
            self.tr(
                "Review the case against what was agreed at the first meeting: the issues, and "
                "whether each action point has been taken forward."
            )
        )
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Review summary"))
        self.rows = QTreeWidget()
        self.rows.setAccessibleName(self.tr("Issues and action points"))
        self.rows.setRootIsDecorated(False)
        self.rows.setHeaderLabels([self.tr("Kind"), self.tr("What"), self.tr("Status")])
        header = self.rows.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.rows, 1)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def _status(self, row: review_rules.ReviewRow) -> str:
        if row.status == review_rules.AGREED:
            return self.tr("Agreed")
        if row.status == review_rules.DONE:
            return self.tr("Done")
        if row.status == review_rules.NO_DATE:
            return self.tr("No date")
        assert row.due_at is not None
        if row.status == review_rules.OVERDUE:
            return self.tr("Overdue (due %1)").replace("%1", local_date_text(row.due_at))
        return self.tr("Due on %1").replace("%1", local_date_text(row.due_at))

    def _summary(self, found: review_rules.Review) -> str:
        if found.issues == 0 and found.actions == 0:
            return self.tr("Nothing to review yet: agree the issues and action points at the first meeting.")
        text = (
            self.tr("%1 of %2 action points open")
            .replace("%1", str(found.open))
            .replace("%2", str(found.actions))
        )
        if found.overdue:
            text = self.tr("%1, %2 overdue").replace("%1", text).replace("%2", str(found.overdue))
        return text

    def reload(self) -> None:
        try:
            found = self._vault.review(self._ref)
        except CasevaultError as err:
            self.summary.setText(err.message)
            return
        self.rows.clear()
        for row in found.rows:
            kind = self.tr("Issue") if row.kind == review_rules.ISSUE else self.tr("Action point")
            what = (
                row.text
                if not row.owner
                else self.tr("%1 (%2)").replace("%1", row.text).replace("%2", row.owner)
            )
            item = QTreeWidgetItem([kind, what, self._status(row)])
            item.setToolTip(1, row.text)
            self.rows.addTopLevelItem(item)
        self.summary.setText(self._summary(found))
