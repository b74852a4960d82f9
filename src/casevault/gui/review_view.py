"""Review against the first meeting: the issues agreed with the member, each with what has been
recorded against it since (flagged when nothing has), the action points taken forward, each with
its status today, and a summary asking the guide's question. Read-only; it reloads each time it
is shown, so it follows the First meeting, Paper trail and Action points tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import review as review_rules
from casevault.core.errors import CasevaultError
from casevault.gui.case_list_model import local_date_text
from casevault.vault.facade import Vault

# Dark enough to read on a light background; the icon and the words carry the flag as well.
WARNING_COLOUR = QColor(0xA0, 0x40, 0x00)


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


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
            + " "
            + self.tr(
                "An issue counts as covered once a paper-trail entry or an action point after the "
                "meeting uses its key words; open an issue to see what was found."
            )
        )
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Review summary"))
        self.summary.setWordWrap(True)
        self.rows = QTreeWidget()
        self.rows.setAccessibleName(self.tr("Issues and action points"))
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

    def _coverage(self, row: review_rules.ReviewRow) -> str:
        if row.status == review_rules.NOT_COVERED:
            return self.tr("Not covered yet")
        parts = []
        if row.entries:
            parts.append(self.tr("%n entry(ies)", "", row.entries))
        if row.action_points:
            parts.append(self.tr("%n action point(s)", "", row.action_points))
        found = (
            parts[0]
            if len(parts) == 1
            else self.tr("%1 and %2").replace("%1", parts[0]).replace("%2", parts[1])
        )
        assert row.latest_at is not None
        return (
            self.tr("Covered by %1, latest %2")
            .replace("%1", found)
            .replace("%2", local_date_text(row.latest_at))
        )

    def _status(self, row: review_rules.ReviewRow) -> str:
        if row.kind == review_rules.ISSUE:
            return self._coverage(row)
        if row.status == review_rules.DONE:
            return self.tr("Done")
        if row.status == review_rules.NO_DATE:
            return self.tr("No date")
        assert row.due_at is not None
        if row.status == review_rules.OVERDUE:
            return self.tr("Overdue (due %1)").replace("%1", local_date_text(row.due_at))
        return self.tr("Due on %1").replace("%1", local_date_text(row.due_at))

    def _rule(self, issue: str) -> str:
        """How the issue is looked for, in the words the rep wrote."""
        words = review_rules.issue_words(issue)
        if not words:
            return self.tr(
                "This issue has no words to look for: reword it to check it against the paper trail."
            )
        listed = ", ".join(words)
        if len(words) == 1:
            return self.tr("Looked for by the word: %1").replace("%1", listed)
        needed = review_rules.words_needed(len(words))
        if needed == len(words):
            return self.tr("Looked for by all of these words: %1").replace("%1", listed)
        return (
            self.tr("Looked for by at least %1 of these words: %2")
            .replace("%1", str(needed))
            .replace("%2", listed)
        )

    def _issues_summary(self, found: review_rules.Review) -> str:
        if found.not_covered == 0:
            return self.tr("Every issue has something recorded against it.")
        if found.not_covered == found.issues:
            return self.tr("No issue has anything recorded against it yet: have we covered all the issues?")
        return self.tr(
            "%n of %1 issues have nothing recorded against them: have we covered all the issues?",
            "",
            found.not_covered,
        ).replace("%1", str(found.issues))

    def _summary(self, found: review_rules.Review) -> str:
        if found.issues == 0 and found.actions == 0:
            return self.tr("Nothing to review yet: agree the issues and action points at the first meeting.")
        lines = [self._issues_summary(found)] if found.issues else []
        if found.actions:
            text = (
                self.tr("%1 of %2 action points open")
                .replace("%1", str(found.open))
                .replace("%2", str(found.actions))
            )
            if found.overdue:
                text = self.tr("%1, %2 overdue").replace("%1", text).replace("%2", str(found.overdue))
            lines.append(text)
        return "\n".join(lines)

    def _issue_item(self, row: review_rules.ReviewRow) -> QTreeWidgetItem:
        item = QTreeWidgetItem([self.tr("Issue"), row.text, self._status(row)])
        item.setToolTip(1, self._rule(row.text))
        if row.status == review_rules.NOT_COVERED:
            item.setIcon(2, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setForeground(2, QBrush(WARNING_COLOUR))
            bold = QFont(item.font(2))
            bold.setBold(True)
            item.setFont(2, bold)
        for cover in row.covered_by:
            kind = (
                self.tr("Paper-trail entry") if cover.kind == review_rules.ENTRY else self.tr("Action point")
            )
            child = QTreeWidgetItem([kind, first_line(cover.text), local_date_text(cover.at)])
            child.setToolTip(1, cover.text)
            item.addChild(child)
        return item

    def reload(self) -> None:
        try:
            found = self._vault.review(self._ref)
        except CasevaultError as err:
            self.summary.setText(err.message)
            return
        self.rows.clear()
        for row in found.rows:
            if row.kind == review_rules.ISSUE:
                self.rows.addTopLevelItem(self._issue_item(row))
                continue
            what = (
                row.text
                if not row.owner
                else self.tr("%1 (%2)").replace("%1", row.text).replace("%2", row.owner)
            )
            item = QTreeWidgetItem([self.tr("Action point"), what, self._status(row)])
            item.setToolTip(1, row.text)
            self.rows.addTopLevelItem(item)
        self.summary.setText(self._summary(found))
