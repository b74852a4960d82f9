"""The reminders panel: what is due now, with the member's name (it exists only while unlocked).

Open case, Snooze (a day or a week), Dismiss, and for a case past its archive period, Delete
permanently. "Delete all expired…" deletes every such case after one typed confirmation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import reminders as kinds
from casevault.casework.reminders import Reminder
from casevault.core.errors import CasevaultError
from casevault.gui.case_list_model import local_datetime_text
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
}
ARCHIVE_EXPIRED = kinds.ARCHIVE_EXPIRED
REF, KIND, MEMBER = 1, 2, 3


def kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return QCoreApplication.translate("ReminderKinds", str(label)) if label else kind


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """An item's children (for a tree's top-level items, pass tree.invisibleRootItem())."""
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


def member_names(vault: Vault, refs: set[str]) -> dict[str, str]:
    """Member names by reference, for rows shown only inside the unlocked app."""
    return vault.member_names(refs)


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
        self._reminders: dict[str, Reminder] = {}
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Due reminders"))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [self.tr("Due"), self.tr("Reference"), self.tr("Reminder"), self.tr("Member")]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(self._open)

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
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def set_vault(self, vault: Vault | None) -> None:
        self._vault = vault
        if vault is None:
            self.show_reminders([])

    def show_reminders(self, due: list[Reminder]) -> None:
        current = self.current_key()
        self.tree.clear()
        self._reminders = {}
        if self._vault is not None:  # the vault-wide backup reminder joins the case reminders
            due = [r for r in due if r.ref] + self._vault.backup_reminders(self._clock())
        names = member_names(self._vault, {r.ref for r in due if r.ref}) if self._vault is not None else {}
        for reminder in due:
            key = reminder.key
            self._reminders[key] = reminder
            item = QTreeWidgetItem(
                [
                    local_datetime_text(reminder.due_at),
                    reminder.ref,
                    kind_label(reminder.kind),
                    names.get(reminder.ref, ""),
                ]
            )
            item.setData(0, KEY_ROLE, key)
            self.tree.addTopLevelItem(item)
            if key == current:
                self.tree.setCurrentItem(item)
        items = children(self.tree.invisibleRootItem())
        if self.tree.currentItem() is None and items:
            self.tree.setCurrentItem(items[0])
        self._update_buttons()

    def rows(self) -> list[list[str]]:
        return [[item.text(c) for c in range(4)] for item in children(self.tree.invisibleRootItem())]

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, KEY_ROLE))

    def select(self, ref: str, kind: str | None = None) -> None:
        for item in children(self.tree.invisibleRootItem()):
            reminder = self._reminders[str(item.data(0, KEY_ROLE))]
            if reminder.ref == ref and kind in (None, reminder.kind):
                self.tree.setCurrentItem(item)
                return

    def _current(self) -> Reminder | None:
        key = self.current_key()
        return None if key is None else self._reminders.get(key)

    def _update_buttons(self, *_args: object) -> None:
        reminder = self._current()
        for widget in (self.open_button, self.snooze_button, self.dismiss_button):
            # A vault-wide reminder (ref "": time to back up) has no case; a backup clears it.
            widget.setEnabled(reminder is not None and bool(reminder.ref))
        self.delete_button.setEnabled(reminder is not None and reminder.kind == ARCHIVE_EXPIRED)
        self.delete_all_button.setEnabled(bool(self.expired_refs()))

    def expired_refs(self) -> list[str]:
        return sorted({r.ref for r in self._reminders.values() if r.kind == ARCHIVE_EXPIRED})

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
