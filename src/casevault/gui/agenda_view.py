"""The agenda: what falls due over the next 30 days, across all cases, grouped by local day,
overdue first. It shows references, kinds and (inside the unlocked app) members' names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from casevault.casework.reminders import DEADLINE_KINDS, Reminder
from casevault.casework.time_limits import UK_ZONE
from casevault.core.errors import CasevaultError
from casevault.gui.reminders_panel import children, kind_label, member_names
from casevault.vault.facade import Vault

AGENDA_DAYS = 30
AGENDA_ROWS = 500  # the items a tree of widgets holds before "and N more"
REF_ROLE = Qt.ItemDataRole.UserRole


def local_day(moment: datetime) -> QDate:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).date()


def reminder_day(reminder: Reminder) -> QDate:
    """The day a reminder falls on. A deadline's is its UK calendar day, wherever the laptop's
    clock is set (its due time is the start of that day in UK time, 23:00 UTC in summer)."""
    if reminder.kind in DEADLINE_KINDS:
        day = reminder.due_at.astimezone(UK_ZONE).date()
        return QDate(day.year, day.month, day.day)
    return local_day(reminder.due_at)


class AgendaDialog(QDialog):
    open_case_requested = Signal(str)

    def __init__(self, vault: Vault, clock: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agenda"))
        self.setAccessibleName(self.tr("Agenda"))
        self._vault = vault
        self._clock = clock
        self.heading = QLabel(self.tr("What falls due in the next %1 days").replace("%1", str(AGENDA_DAYS)))
        self.heading.setAccessibleName(self.tr("Agenda period"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Agenda items"))
        self.tree.setHeaderLabels(
            [self.tr("Day / time"), self.tr("Reference"), self.tr("Due"), self.tr("Member")]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        try:
            page = self._vault.agenda_page(self._clock(), AGENDA_DAYS, AGENDA_ROWS)
        except CasevaultError as err:
            self.heading.setText(err.message)
            return
        items: list[Reminder] = page.first
        names = member_names(self._vault, {r.ref for r in items})
        today = local_day(self._clock())
        locale = QLocale()
        groups: dict[str, QTreeWidgetItem] = {}
        for reminder in items:
            day = reminder_day(reminder)
            overdue = day < today
            title = self.tr("Overdue") if overdue else locale.toString(day, QLocale.FormatType.LongFormat)
            if day == today:
                title = self.tr("Today, %1").replace("%1", title)
            group = groups.get(title)
            if group is None:
                group = QTreeWidgetItem([title])
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
                groups[title] = group
            local = QDateTime.fromSecsSinceEpoch(int(reminder.due_at.timestamp()))
            short = QLocale.FormatType.ShortFormat
            time_text = locale.toString(local, short) if overdue else locale.toString(local.time(), short)
            if reminder.kind in DEADLINE_KINDS:  # a deadline has a day, not a time
                time_text = locale.toString(day, short) if overdue else self.tr("All day")
            item = QTreeWidgetItem(
                [time_text, reminder.ref, kind_label(reminder.kind), names.get(reminder.ref, "")]
            )
            item.setData(0, REF_ROLE, reminder.ref)
            group.addChild(item)
        if not items:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("Nothing falls due.")]))
        elif page.total > len(items):
            more = page.total - len(items)
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("… and %n more after these", "", more)]))

    def days(self) -> list[str]:
        return [item.text(0) for item in children(self.tree.invisibleRootItem())]

    def rows(self) -> list[list[str]]:
        groups = children(self.tree.invisibleRootItem())
        return [[item.text(c) for c in range(4)] for group in groups for item in children(group)]

    def clear(self) -> None:
        self.tree.clear()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        ref = item.data(0, REF_ROLE)
        if ref:
            self.open_case_requested.emit(str(ref))
