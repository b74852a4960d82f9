"""The main window's case list page: the status filter, search as you type, and the table over
the window's CaseListModel (dressed by case_list_view).

The first screen after unlocking is Today, so the window builds this page only after its first
paint, or when something asks for it first (MainWindow.list_page, issue 15); the model, which
the page only shows, is filled at unlock either way. The window connects the page's controls to
its own slots. The texts are in the MainWindow context, as when the window built them itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casevault.gui import case_list_view
from casevault.gui.case_list_model import UPDATED_COLUMN, CaseListModel

COLUMN_WIDTHS = (130, 220, 120, 70, 110)


class CaseListPage(QWidget):
    def __init__(self, model: CaseListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = _table(model)
        self.hint = case_list_view.dress(self.table)  # empty-list hints; titles not cut
        self.filter = QComboBox()
        self.filter.setAccessibleName(QCoreApplication.translate("MainWindow", "Show cases"))
        for label, status in (
            (QCoreApplication.translate("MainWindow", "Open"), "open"),
            (QCoreApplication.translate("MainWindow", "Closed"), "closed"),
            (QCoreApplication.translate("MainWindow", "All"), None),
        ):
            self.filter.addItem(label, status)
        filter_label = QLabel(QCoreApplication.translate("MainWindow", "S&how:"))
        filter_label.setBuddy(self.filter)
        self.search = QLineEdit()
        self.search.setAccessibleName(QCoreApplication.translate("MainWindow", "Search cases"))
        self.search.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "Search names, notes and documents")
        )
        self.search.setClearButtonEnabled(True)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)


def _table(model: CaseListModel) -> QTableView:
    table = QTableView()
    # The model's own order (last updated, newest first) shown on the header before the model is
    # set: sorting a model already filled would read its first block again.
    table.horizontalHeader().setSortIndicator(UPDATED_COLUMN, Qt.SortOrder.DescendingOrder)
    table.setSortingEnabled(True)
    table.setModel(model)
    table.setAccessibleName(QCoreApplication.translate("MainWindow", "Case list"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the list; the arrow keys move in it
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(COLUMN_WIDTHS):
        table.setColumnWidth(column, width)
    return table
