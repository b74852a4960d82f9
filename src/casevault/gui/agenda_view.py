"""The agenda: what falls due over the next 30 days, across all cases, grouped by local day,
overdue first. It shows references, kinds and (inside the unlocked app) members' names.

Hearings and meetings are shown on their own day and time, from the case dates themselves
(`case_dates_between`, one range on the dates' index), besides the reminder raised two days
before them. Both are read on a worker thread with a connection of its own (`Vault.agenda_reader`,
issue 15); the agenda says "Loading…" until the first read is in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
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
from casevault.core.model import CaseDate
from casevault.gui.reminders_panel import children, kind_label, member_names
from casevault.gui.worker_read import WorkerRead
from casevault.vault.facade import Vault
from casevault.vault.reminders import Agenda

AGENDA_DAYS = 30
AGENDA_ROWS = 500  # the items a tree of widgets holds before "and N more"
REF_ROLE = Qt.ItemDataRole.UserRole


def local_day(moment: datetime) -> QDate:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).date()


def day_start(day: QDate) -> datetime:
    """The moment a local calendar day starts."""
    return datetime.fromtimestamp(QDateTime(day, QTime(0, 0)).toSecsSinceEpoch(), UTC)


@dataclass(frozen=True)
class _Row:
    """One line of the agenda: a reminder, or a hearing or meeting on its day."""

    day: QDate
    at: datetime
    overdue: bool
    time_text: str
    ref: str
    what: str
    note: str = ""  # a hearing's or meeting's note (where, with whom), as its tooltip


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
        self._reads = WorkerRead("agenda", self)
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

    @property
    def loading(self) -> bool:
        """A read is on its way."""
        return self._reads.busy

    def reload(self) -> None:
        """Read again (on a worker); what is shown stays until the new rows are in."""
        if not self._vault.is_open or self._reads.busy_then(self.reload):
            return
        now = self._clock()
        today = local_day(now)
        try:
            # The hearings and meetings themselves, on their day (their reminder comes two days
            # before): from the start of today, so this morning's hearing is under Today.
            read = self._vault.agenda_reader(now, AGENDA_DAYS, AGENDA_ROWS, dates_since=day_start(today))
        except CasevaultError as err:
            self.tree.clear()
            self.heading.setText(err.message)
            return
        if self.tree.topLevelItemCount() == 0:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("Loading…")]))
        self._reads.start(read, lambda agenda: self._show(agenda, today), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.tree.clear()
        if isinstance(error, CasevaultError):
            self.heading.setText(error.message)

    def _show(self, agenda: Agenda, today: QDate) -> None:
        if not self._vault.is_open:
            return  # locked while it was read
        page = agenda.page
        rows = [self._reminder_row(r, today) for r in page.first]
        rows += [self._date_row(ref, d) for ref, d in agenda.dates]
        rows.sort(key=lambda row: (0, row.at, 0) if row.overdue else (1, row.day.toJulianDay(), row.at))
        shown = rows[:AGENDA_ROWS]
        try:
            names = member_names(self._vault, {row.ref for row in shown})
        except CasevaultError as err:
            self._failed(err)
            return
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for row in shown:
            title = self._day_title(row, today)
            group = groups.get(title)
            if group is None:
                group = QTreeWidgetItem([title])
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
                groups[title] = group
            item = QTreeWidgetItem([row.time_text, row.ref, row.what, names.get(row.ref, "")])
            item.setData(0, REF_ROLE, row.ref)
            if row.note:
                item.setToolTip(2, row.note)
            group.addChild(item)
        if not shown:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("Nothing falls due.")]))
        elif page.total + agenda.dates_total > len(shown):
            more = page.total + agenda.dates_total - len(shown)
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("… and %n more after these", "", more)]))

    def _day_title(self, row: _Row, today: QDate) -> str:
        if row.overdue:
            return self.tr("Overdue")
        title = QLocale().toString(row.day, QLocale.FormatType.LongFormat)
        return self.tr("Today, %1").replace("%1", title) if row.day == today else title

    def _reminder_row(self, reminder: Reminder, today: QDate) -> _Row:
        day = reminder_day(reminder)
        overdue = day < today
        locale = QLocale()
        short = QLocale.FormatType.ShortFormat
        local = QDateTime.fromSecsSinceEpoch(int(reminder.due_at.timestamp()))
        time_text = locale.toString(local, short) if overdue else locale.toString(local.time(), short)
        if reminder.kind in DEADLINE_KINDS:  # a deadline has a day, not a time
            time_text = locale.toString(day, short) if overdue else self.tr("All day")
        return _Row(day, reminder.due_at, overdue, time_text, reminder.ref, kind_label(reminder.kind))

    def _date_row(self, ref: str, date: CaseDate) -> _Row:
        local = QDateTime.fromSecsSinceEpoch(int(date.at.timestamp()))
        what = self.tr("Hearing") if date.kind == "hearing" else self.tr("Meeting")
        time_text = QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)
        return _Row(local_day(date.at), date.at, False, time_text, ref, what, date.note)

    def days(self) -> list[str]:
        return [item.text(0) for item in children(self.tree.invisibleRootItem())]

    def rows(self) -> list[list[str]]:
        groups = children(self.tree.invisibleRootItem())
        return [[item.text(c) for c in range(4)] for group in groups for item in children(group)]

    def clear(self) -> None:
        self._reads.reset()
        self.tree.clear()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        ref = item.data(0, REF_ROLE)
        if ref:
            self.open_case_requested.emit(str(ref))
