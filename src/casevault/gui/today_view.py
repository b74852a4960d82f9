"""Today (issue 18): the screen unlocking opens on. The next fortnight's deadlines and hearings,
overdue first; the reminders due; the action points waiting on the rep; open cases by stage.
Every line opens its case (double-click or Enter); the case list is one click away. It reads a
few indexed rows (vault/today.py), on a worker thread with a connection of its own (issue 15:
it is read again at every reminder check), and says "Loading…" until the first read is in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import today as today_rules
from casevault.casework.reminders import Reminder, ReminderPage
from casevault.core.errors import CasevaultError
from casevault.gui.focus_style import keyboard_links
from casevault.gui.qt_dates import local_date_text, local_datetime_text
from casevault.gui.reminders_panel import kind_label
from casevault.gui.worker_read import WorkerRead
from casevault.vault.facade import Vault

REF_ROLE = Qt.ItemDataRole.UserRole
REMINDERS_SHOWN = 5


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setUniformRowHeights(True)
    header = tree.header()
    header.setStretchLastSection(True)
    for column in range(len(headers) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class TodayView(QWidget):
    open_case_requested = Signal(str)
    show_cases_requested = Signal()
    show_reminders_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Today"))
        self._vault: Vault | None = None
        self._loaded = False  # filled once since unlocking: refreshing on show is then cheap
        self._board_read = WorkerRead("today", self)
        self._reminders_read = WorkerRead("today.reminders", self)
        self.title = _heading("")
        self.title.setAccessibleName(self.tr("Today's date"))
        self.coming = _tree(
            self.tr("Coming up"), [self.tr("When"), self.tr("Case"), self.tr("Member"), self.tr("What")]
        )
        self.coming_note = QLabel()
        self.reminders = _tree(self.tr("Reminders due"), [self.tr("Case"), self.tr("What")])
        self.reminders_note = QLabel()
        self.reminders_note.setTextFormat(Qt.TextFormat.RichText)
        self.reminders_note.linkActivated.connect(lambda _link: self.show_reminders_requested.emit())
        keyboard_links(self.reminders_note)  # Tab reaches "Show all reminders", Enter follows it
        self.waiting = _tree(self.tr("Waiting on you"), [self.tr("Due"), self.tr("Case"), self.tr("What")])
        self.waiting_note = QLabel()
        self.stages = _tree(self.tr("Open cases by stage"), [self.tr("Stage"), self.tr("Cases")])
        for tree in (self.coming, self.reminders, self.waiting):
            tree.itemActivated.connect(self._activated)
        self.cases_button = QPushButton(self.tr("&All cases"))
        self.cases_button.setAccessibleName(self.tr("All cases"))
        self.cases_button.clicked.connect(self.show_cases_requested)
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.cases_button)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        left = QVBoxLayout()
        left.addWidget(_heading(self.tr("Coming up")))
        left.addWidget(self.coming, 1)
        left.addWidget(self.coming_note)
        right = QVBoxLayout()
        for heading, tree, note in (
            (self.tr("Reminders due"), self.reminders, self.reminders_note),
            (self.tr("Waiting on you"), self.waiting, self.waiting_note),
        ):
            right.addWidget(_heading(heading))
            right.addWidget(tree, 1)
            right.addWidget(note)
            right.addSpacing(10)
        right.addWidget(_heading(self.tr("Open cases by stage")))
        right.addWidget(self.stages)
        right.addStretch(0)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

    # ---- the vault ---------------------------------------------------------------------------

    def set_vault(self, vault: Vault | None) -> None:
        """Unlocked or locked. Nothing is read here: unlocking paints the window first (saying
        "Loading…"), and the first reminder check after that paint fills Today
        (`reminders_changed`)."""
        self._board_read.reset()
        self._reminders_read.reset()
        self._vault = vault
        self._loaded = False
        self.clear()
        if vault is not None:
            self._loading(self.coming, self.reminders, self.waiting)

    @property
    def loading(self) -> bool:
        """A read is on its way."""
        return self._board_read.busy or self._reminders_read.busy

    def _loading(self, *trees: QTreeWidget) -> None:
        """A section showing nothing at all (no line, no note: never filled since unlocking) says
        it is on its way; one already filled stays as it is until the new read is in."""
        notes = {
            self.coming: self.coming_note,
            self.reminders: self.reminders_note,
            self.waiting: self.waiting_note,
        }
        for tree in trees:
            if tree.topLevelItemCount() == 0 and not notes[tree].text():
                notes[tree].setText(self.tr("Loading…"))

    def clear(self) -> None:
        """On lock: no name or reference stays on screen."""
        for tree in (self.coming, self.reminders, self.waiting, self.stages):
            tree.clear()
        for label in (self.coming_note, self.reminders_note, self.waiting_note, self.title):
            label.clear()

    def showEvent(self, event: QShowEvent) -> None:
        if self._loaded:
            self.refresh()  # back from a case: what changed there shows here
        super().showEvent(event)

    def reminders_changed(self, due: list[Reminder], total: int) -> None:
        """The reminder watch checked (after the first paint, then every interval): show its
        first reminders and read the rest of the screen again."""
        if self._vault is None or not self._vault.is_open:
            return
        self._fill_reminders(due[:REMINDERS_SHOWN], total)
        self.refresh(force=True)

    def reload(self) -> None:
        """Everything, reminders included, without waiting for the watch."""
        self._read_reminders()
        self.refresh(force=True)

    def _read_reminders(self) -> None:
        vault = self._vault
        if vault is None or not vault.is_open or self._reminders_read.busy_then(self._read_reminders):
            return
        try:
            read = vault.reminder_page_reader(vault.session.now(), limit=REMINDERS_SHOWN)
        except CasevaultError as err:
            self.coming_note.setText(err.message)
            return
        self._loading(self.reminders)

        def done(page: ReminderPage) -> None:
            if self._current(vault):
                self._fill_reminders(page.first, page.total)

        self._reminders_read.start(read, done, lambda err: self._failed(vault, err, self.reminders_note))

    def refresh(self, *, force: bool = False) -> None:
        """The deadlines, hearings, waiting action points and stages: a few indexed rows."""
        vault = self._vault
        if vault is None or not vault.is_open or not (self._loaded or force):
            return
        if self._board_read.busy_then(lambda: self.refresh(force=True)):
            return  # the read on its way may predate the change that asked for this one
        now = vault.session.now()
        try:
            read = vault.today_reader(now)
        except CasevaultError as err:
            self.coming_note.setText(err.message)
            return
        self._loading(self.coming, self.waiting)

        def done(board: today_rules.Today) -> None:
            if not self._current(vault):
                return
            self._loaded = True
            self.title.setText(self.tr("Today, %1").replace("%1", local_date_text(now)))
            self._fill_coming(board)
            self._fill_waiting(board)
            self._fill_stages(board)

        self._board_read.start(read, done, lambda err: self._failed(vault, err, self.coming_note))

    def _current(self, vault: Vault) -> bool:
        """A read's result is shown only in the vault it was read from, while it is open."""
        return vault is self._vault and vault.is_open

    def _failed(self, vault: Vault, error: BaseException, note: QLabel) -> None:
        if self._current(vault):
            # A bug's text is not shown (it can hold a name); "Loading…" no longer holds.
            note.setText(error.message if isinstance(error, CasevaultError) else "")

    # ---- the sections ------------------------------------------------------------------------

    def _row(self, tree: QTreeWidget, ref: str, texts: list[str], *, warn: bool = False) -> None:
        item = QTreeWidgetItem(texts)
        item.setData(0, REF_ROLE, ref)
        for column, text in enumerate(texts):
            item.setToolTip(column, text)  # a long line is cut in its column
        if warn:
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
        tree.addTopLevelItem(item)

    def _what(self, item: today_rules.Item) -> str:
        if item.kind == today_rules.HEARING:
            return self.tr("Hearing")
        if item.kind == today_rules.MEETING:
            return self.tr("Meeting")
        return item.what

    def _fill_coming(self, board: today_rules.Today) -> None:
        self.coming.clear()
        for item in board.coming:
            assert item.at is not None
            when = (
                local_date_text(item.at)
                if item.kind == today_rules.DEADLINE
                else local_datetime_text(item.at)
            )
            if item.overdue:
                when = self.tr("Overdue since %1").replace("%1", when)
            self._row(
                self.coming, item.ref, [when, item.ref, item.member, self._what(item)], warn=item.overdue
            )
        more = board.coming_total - len(board.coming)
        if not board.coming:
            self.coming_note.setText(
                self.tr("No deadlines or hearings in the next %1 days.").replace(
                    "%1", str(today_rules.DEFAULT_DAYS)
                )
            )
        elif more > 0:
            self.coming_note.setText(self.tr("And %1 more: see the agenda.").replace("%1", str(more)))
        else:
            self.coming_note.clear()
        first = self.coming.topLevelItem(0)
        if first is not None:
            self.coming.setCurrentItem(first)

    def _fill_reminders(self, reminders: list[Reminder], total: int) -> None:
        self.reminders.clear()
        for reminder in reminders:
            self._row(self.reminders, reminder.ref, [reminder.ref, kind_label(reminder.kind)])
        shown_all = self.tr("Show all reminders")
        link = f' <a href="show">{shown_all}</a>'
        if total == 0:
            self.reminders_note.setText(self.tr("No reminders due."))
        elif total > len(reminders):
            self.reminders_note.setText(self.tr("%1 reminders due.").replace("%1", str(total)) + link)
        else:
            self.reminders_note.setText(link.strip())

    def _fill_waiting(self, board: today_rules.Today) -> None:
        self.waiting.clear()
        for item in board.waiting:
            due = self.tr("No date") if item.at is None else local_date_text(item.at)
            self._row(self.waiting, item.ref, [due, item.ref, item.what], warn=item.overdue)
        if not board.waiting:
            self.waiting_note.setText(self.tr("No action points are waiting on you."))
        elif board.waiting_total > len(board.waiting):
            more = board.waiting_total - len(board.waiting)
            self.waiting_note.setText(self.tr("And %1 more.").replace("%1", str(more)))
        else:
            self.waiting_note.clear()

    def _fill_stages(self, board: today_rules.Today) -> None:
        self.stages.clear()
        for count in board.stages:
            if count.stage == today_rules.NO_PROCEDURE:
                stage = self.tr("No procedure")
            elif count.stage == today_rules.PROCEDURE_DONE:
                stage = self.tr("Procedure finished")
            else:
                stage = count.stage
            self.stages.addTopLevelItem(QTreeWidgetItem([stage, str(count.cases)]))
        if board.open_cases == 0:
            self.stages.addTopLevelItem(QTreeWidgetItem([self.tr("No open cases"), "0"]))
        # As tall as its lines: a handful, so the columns above keep the room.
        rows = max(1, self.stages.topLevelItemCount())
        line = (
            self.stages.sizeHintForRow(0) if self.stages.topLevelItemCount() else self.fontMetrics().height()
        )
        self.stages.setFixedHeight(
            self.stages.header().sizeHint().height() + rows * line + 2 * self.stages.frameWidth() + 4
        )

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        ref = item.data(0, REF_ROLE)
        if ref:
            self.open_case_requested.emit(str(ref))

    def first_ref(self) -> str | None:
        """The case of the top line of Coming up, if any (the morning's first stop)."""
        item = self.coming.topLevelItem(0)
        return None if item is None else str(item.data(0, REF_ROLE))

    @staticmethod
    def rows(tree: QTreeWidget) -> list[list[str]]:
        items = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
        return [[item.text(c) for c in range(tree.columnCount())] for item in items if item is not None]
