"""Hearings and meetings on a case's calendar: the reminders flag each a couple of days ahead."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
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
from casevault.core.model import CASE_DATE_KINDS
from casevault.gui.qt_dates import datetime_edit, from_qt, local_datetime_text, to_qt
from casevault.vault.facade import Vault

ID_ROLE = Qt.ItemDataRole.UserRole


class CaseDatesPanel(QWidget):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._labels = {"hearing": self.tr("Hearing"), "meeting": self.tr("Meeting")}
        self._build()
        self.reload()

    def _build(self) -> None:
        self.dates = QTreeWidget()
        self.dates.setAccessibleName(self.tr("Hearings and meetings"))
        self.dates.setRootIsDecorated(False)
        self.dates.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Note")])
        header = self.dates.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.dates.itemSelectionChanged.connect(self._selection_changed)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Date kind"))
        for kind in CASE_DATE_KINDS:
            self.kind.addItem(self._labels[kind], kind)
        now = self._vault.now()
        self.when = datetime_edit(self.tr("Date and time"), now, value=to_qt(now).addDays(7))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Date note"))
        self.note.setPlaceholderText(self.tr("Where, with whom (optional)"))
        self.add_button = QPushButton(self.tr("Add &date"))
        self.add_button.setAccessibleName(self.tr("Add hearing or meeting"))
        self.add_button.clicked.connect(self.add_date)
        self.remove_button = QPushButton(self.tr("Remo&ve date"))
        self.remove_button.setAccessibleName(self.tr("Remove hearing or meeting"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Hearings and meetings status"))

        row = QHBoxLayout()
        for widget, stretch in ((self.kind, 0), (self.when, 0), (self.note, 1)):
            row.addWidget(widget, stretch)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Hearings and meetings"))
        title.setBuddy(self.dates)
        layout.addWidget(title)
        layout.addWidget(self.dates, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._selection_changed()

    def reload(self) -> None:
        self.dates.clear()
        for date in self._vault.case_dates(self._ref):
            when = local_datetime_text(date.at)
            item = QTreeWidgetItem([when, self._labels.get(date.kind, date.kind), date.note])
            item.setData(0, ID_ROLE, date.id)
            self.dates.addTopLevelItem(item)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.dates.selectedItems()))

    def add_date(self) -> None:
        at = from_qt(self.when.dateTime())
        if at is None:
            self.message.setText(self.tr("Please choose when it is."))
            return
        try:
            self._vault.add_case_date(self._ref, self.kind.currentData(), at, self.note.text())
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.note.clear()
        self.message.setText(self.tr("Added. You will be reminded two days before."))
        self.reload()

    def remove_selected(self) -> None:
        items = self.dates.selectedItems()
        if not items:
            return
        try:
            self._vault.remove_case_date(str(items[0].data(0, ID_ROLE)))
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.message.setText(self.tr("Removed."))
        self.reload()
