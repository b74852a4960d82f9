"""Action points: what is to be done, by whom, by when, and whether it is done; and below them
the case's hearings and meetings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.core.errors import CasevaultError
from casevault.core.model import ActionPoint
from casevault.gui.case_dates_panel import CaseDatesPanel
from casevault.gui.qt_dates import date_edit, from_qt, local_date_text
from casevault.vault.facade import Vault

ID_ROLE = Qt.ItemDataRole.UserRole
DONE_COLUMN = 3


class ActionPointsPanel(QWidget):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._build()
        self.reload()

    def _build(self) -> None:
        self.actions_list = QTreeWidget()
        self.actions_list.setAccessibleName(self.tr("Action points"))
        self.actions_list.setRootIsDecorated(False)
        self.actions_list.setAlternatingRowColors(True)
        self.actions_list.setHeaderLabels([self.tr("What"), self.tr("Who"), self.tr("Due"), self.tr("Done")])
        header = self.actions_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.actions_list.itemChanged.connect(self._item_changed)

        self.what = QLineEdit()
        self.what.setAccessibleName(self.tr("Action point"))
        self.what.setPlaceholderText(self.tr("What is to be done"))
        self.owner = QLineEdit()
        self.owner.setAccessibleName(self.tr("Owner"))
        self.owner.setPlaceholderText(self.tr("Who"))
        self.due = date_edit(self.tr("Due date"), self._vault.now(), unset_text=self.tr("No due date"))
        self.add_button = QPushButton(self.tr("Add &action point"))
        self.add_button.setAccessibleName(self.tr("Add action point"))
        self.add_button.clicked.connect(self.add_action)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Action points status"))

        row = QHBoxLayout()
        row.addWidget(self.what, 3)
        row.addWidget(self.owner, 1)
        row.addWidget(self.due)
        row.addWidget(self.add_button)
        self.case_dates = CaseDatesPanel(self._vault, self._ref)
        layout = QVBoxLayout(self)
        layout.addWidget(self.actions_list, 2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.case_dates, 1)

    def reload(self) -> None:
        self.actions_list.blockSignals(True)
        try:
            self.actions_list.clear()
            for action in self._vault.action_points(self._ref):
                self.actions_list.addTopLevelItem(self._item(action))
        finally:
            self.actions_list.blockSignals(False)

    def _item(self, action: ActionPoint) -> QTreeWidgetItem:
        due = ""
        if action.due_at is not None:
            due = local_date_text(action.due_at)
        item = QTreeWidgetItem([action.what, action.owner, due, ""])
        item.setData(0, ID_ROLE, action.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        done = Qt.CheckState.Checked if action.done_at else Qt.CheckState.Unchecked
        item.setCheckState(DONE_COLUMN, done)
        return item

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != DONE_COLUMN:
            return
        done = item.checkState(DONE_COLUMN) == Qt.CheckState.Checked
        try:
            self._vault.set_action_done(str(item.data(0, ID_ROLE)), done)
        except CasevaultError as err:
            self.message.setText(err.message)
            self.reload()

    def add_action(self) -> None:
        due = None
        if not self.due.is_unset():
            due = from_qt(QDateTime(QDate(self.due.date()), QTime(12, 0)))
        try:
            self._vault.add_action_point(self._ref, self.what.text(), owner=self.owner.text(), due_at=due)
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.what.clear()
        self.owner.clear()
        self.due.clear_value()
        self.message.setText(self.tr("Action point added."))
        self.reload()
