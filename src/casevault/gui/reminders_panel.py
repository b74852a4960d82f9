"""The reminders panel: what is due now, with the member's name (it exists only while unlocked).

Open case, Snooze (a day or a week), Dismiss, and for a case past its archive period, Delete
permanently. "Delete all expired…" deletes every such case after one typed confirmation.

A model, not a widget per row: at 10k cases 9k reminders are due, and building a tree item for
each took 180 ms on the GUI thread. Rows are formatted when shown, and member names are read a
block of rows at a time, only for the blocks on screen."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import reminders as kinds
from casevault.casework.reminders import Reminder
from casevault.core.errors import CasevaultError
from casevault.gui.qt_dates import local_datetime_text
from casevault.gui.steady_layout import EmptyHint
from casevault.vault.facade import Vault

KEY_ROLE = Qt.ItemDataRole.UserRole
KIND_LABELS = {
    kinds.ACTION_DUE: QT_TRANSLATE_NOOP("ReminderKinds", "Action point due"),
    kinds.HEARING_SOON: QT_TRANSLATE_NOOP("ReminderKinds", "Hearing or meeting soon"),
    kinds.ADVICE_FOLLOW_UP: QT_TRANSLATE_NOOP("ReminderKinds", "Confirm advice in writing"),
    kinds.ORIGINALS_RETURN: QT_TRANSLATE_NOOP("ReminderKinds", "Return the originals"),
    kinds.ESCALATION_UNRECORDED: QT_TRANSLATE_NOOP("ReminderKinds", "Escalation not recorded"),
    kinds.ARCHIVE_EXPIRED: QT_TRANSLATE_NOOP("ReminderKinds", "Archive period ended"),
    kinds.BACKUP_DUE: QT_TRANSLATE_NOOP("ReminderKinds", "Time to back up"),
    kinds.DEADLINE_WARNING: QT_TRANSLATE_NOOP("ReminderKinds", "Deadline coming up"),
    kinds.DEADLINE_DAY: QT_TRANSLATE_NOOP("ReminderKinds", "Deadline day"),
    kinds.DEADLINE_OVERDUE: QT_TRANSLATE_NOOP("ReminderKinds", "Deadline passed: stage not done"),
}
ARCHIVE_EXPIRED = kinds.ARCHIVE_EXPIRED
DUE, REF, KIND, MEMBER = 0, 1, 2, 3
NAME_BLOCK = 200  # rows whose member names are read in one query
Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return QCoreApplication.translate("ReminderKinds", str(label)) if label else kind


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """An item's children (for a tree's top-level items, pass tree.invisibleRootItem())."""
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


def member_names(vault: Vault, refs: set[str]) -> dict[str, str]:
    """Member names by reference, for rows shown only inside the unlocked app."""
    return vault.member_names(refs)


class RemindersModel(QAbstractTableModel):
    """The due reminders as rows; a row's text is made when the view asks for it."""

    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[Reminder] = []
        self._vault: Vault | None = None
        self._names: dict[str, str] = {}
        self._named: set[int] = set()  # blocks of NAME_BLOCK rows whose names have been read

    def reset(self, reminders: list[Reminder], vault: Vault | None) -> None:
        self.beginResetModel()
        self._rows = list(reminders)
        self._vault = vault
        self._names = {}
        self._named = set()
        self.endResetModel()

    def reminder(self, row: int) -> Reminder | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def reminders(self) -> list[Reminder]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> object:
        reminder = self.reminder(index.row()) if index.isValid() else None
        if reminder is None:
            return None
        if role == KEY_ROLE:
            return reminder.key
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == DUE:
            return local_datetime_text(reminder.due_at)
        if column == REF:
            return reminder.ref
        if column == KIND:
            return kind_label(reminder.kind)
        return self._name(index.row(), reminder.ref)

    def _name(self, row: int, ref: str) -> str:
        block = row // NAME_BLOCK
        if block not in self._named and self._vault is not None and self._vault.is_open:
            self._named.add(block)
            rows = self._rows[block * NAME_BLOCK : (block + 1) * NAME_BLOCK]
            # On failure the name stays blank; the reference is enough to open the case.
            with contextlib.suppress(CasevaultError):
                self._names.update(member_names(self._vault, {r.ref for r in rows if r.ref}))
        return self._names.get(ref, "")


class RemindersPanel(QWidget):
    open_case_requested = Signal(str)
    delete_requested = Signal(str)
    delete_expired_requested = Signal(list)
    changed = Signal()  # after a snooze or dismiss: the watcher should check again
    failed = Signal(str)

    def __init__(self, clock: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._vault: Vault | None = None
        self._expired: list[str] = []
        self.model = RemindersModel(
            [self.tr("Due"), self.tr("Reference"), self.tr("Reminder"), self.tr("Member")], self
        )
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Due reminders"))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # size columns by the rows on screen, not all 9k
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)
        self.tree.activated.connect(self._open)
        self.empty_hint = EmptyHint(self.tree, self._empty_text)

        self.open_button = self._button(self.tr("&Open case"), self.tr("Open case"), self._open)
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("&Snooze"))
        self.snooze_button.setAccessibleName(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze_button)
        menu.setAccessibleName(self.tr("Snooze for"))
        self.snooze_day = menu.addAction(self.tr("For a &day"))
        self.snooze_day.triggered.connect(lambda: self.snooze(timedelta(days=1)))
        self.snooze_week = menu.addAction(self.tr("For a &week"))
        self.snooze_week.triggered.connect(lambda: self.snooze(timedelta(days=7)))
        self.snooze_button.setMenu(menu)
        self.dismiss_button = self._button(self.tr("D&ismiss"), self.tr("Dismiss"), self.dismiss)
        self.delete_button = self._button(
            self.tr("&Delete permanently…"), self.tr("Delete permanently"), self._delete
        )
        self.delete_all_button = self._button(
            self.tr("Delete all e&xpired…"), self.tr("Delete all expired"), self._delete_all
        )
        buttons = QHBoxLayout()
        for widget in (self.open_button, self.snooze_button, self.dismiss_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_all_button)
        self.more = QLabel()
        self.more.setAccessibleName(self.tr("More reminders due"))
        self.more.setWordWrap(True)
        self.more.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.more)
        layout.addLayout(buttons)
        self._update_buttons()

    def _empty_text(self) -> str:
        if self._vault is None:
            return ""
        return self.tr(
            "Nothing is due. Deadlines, hearings, action points and follow-ups appear here when "
            "they fall due."
        )

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def set_vault(self, vault: Vault | None) -> None:
        self._vault = vault
        if vault is None:
            self.show_reminders([])

    def show_reminders(self, due: list[Reminder], total: int | None = None) -> None:
        """Show `due` (a first page of `total` due, by default all of them)."""
        current = self.current_key()
        cases = [r for r in due if r.ref]
        more = (len(cases) if total is None else total) - len(cases)
        self._expired = sorted({r.ref for r in cases if r.kind == ARCHIVE_EXPIRED})
        if self._vault is not None:  # the vault-wide backup reminder joins the case reminders
            due = cases + self._vault.backup_reminders(self._clock())
            if more > 0:  # the expired cases past the page are deleted by "Delete all" too
                with contextlib.suppress(CasevaultError):
                    self._expired = self._vault.expired_refs(self._clock())
        self.more.setVisible(more > 0)
        self.more.setText(
            self.tr("%n more due after these: act on or dismiss these to reach them.", "", more)
            if more > 0
            else ""
        )
        self.model.reset(due, self._vault)
        keys = [r.key for r in due]
        row = keys.index(current) if current in keys else 0
        if due:
            self.tree.setCurrentIndex(self.model.index(row, 0))
        self._update_buttons()

    def rows(self) -> list[list[str]]:
        model = self.model
        return [[str(model.index(r, c).data()) for c in range(4)] for r in range(model.rowCount())]

    def current_key(self) -> str | None:
        reminder = self.model.reminder(self.tree.currentIndex().row())
        return None if reminder is None else reminder.key

    def select(self, ref: str, kind: str | None = None) -> None:
        for row, reminder in enumerate(self.model.reminders()):
            if reminder.ref == ref and kind in (None, reminder.kind):
                self.tree.setCurrentIndex(self.model.index(row, 0))
                return

    def _current(self) -> Reminder | None:
        return self.model.reminder(self.tree.currentIndex().row())

    def _update_buttons(self, *_args: object) -> None:
        reminder = self._current()
        for widget in (self.open_button, self.snooze_button, self.dismiss_button):
            # A vault-wide reminder (ref "": time to back up) has no case; a backup clears it.
            widget.setEnabled(reminder is not None and bool(reminder.ref))
        self.delete_button.setEnabled(reminder is not None and reminder.kind == ARCHIVE_EXPIRED)
        self.delete_all_button.setEnabled(bool(self.expired_refs()))

    def expired_refs(self) -> list[str]:
        return list(self._expired)

    def _open(self, *_args: object) -> None:
        reminder = self._current()
        if reminder is not None:
            self.open_case_requested.emit(reminder.ref)

    def snooze(self, length: timedelta) -> None:
        key, vault = self.current_key(), self._vault
        if key is None or vault is None:
            return
        try:
            vault.snooze_reminder(key, self._clock() + length)
        except CasevaultError as err:
            self.failed.emit(err.message)
        self.changed.emit()

    def dismiss(self) -> None:
        key, vault = self.current_key(), self._vault
        if key is None or vault is None:
            return
        try:
            vault.dismiss_reminder(key)
        except CasevaultError as err:
            self.failed.emit(err.message)
        self.changed.emit()

    def _delete(self) -> None:
        reminder = self._current()
        if reminder is not None and reminder.kind == ARCHIVE_EXPIRED:
            self.delete_requested.emit(reminder.ref)

    def _delete_all(self) -> None:
        refs = self.expired_refs()
        if refs:
            self.delete_expired_requested.emit(refs)
