"""The case list's page (gui/case_list_page.py), which the main window builds after Today's first
paint (issue 15): built over a model already filled, it shows the model's own order on the header
without reading the rows again, and its controls carry the names a screen reader says."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from casevault.gui.case_list_model import UPDATED_COLUMN, CaseListModel
from casevault.gui.case_list_page import COLUMN_WIDTHS, CaseListPage
from casevault.vault.facade import Vault


def test_a_page_built_over_a_filled_model_reads_nothing_again(qtbot: QtBot, vault: Vault) -> None:
    for name in ("Ada Lovelace", "Grace Hopper"):
        vault.new_case(name)
    model = CaseListModel()
    model.set_vault(vault)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    page = CaseListPage(model)
    qtbot.addWidget(page)
    assert resets == []  # the first block fetched at unlock is what the table shows
    assert page.table.model() is model and model.rowCount() == 2
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        UPDATED_COLUMN,
        Qt.SortOrder.DescendingOrder,
    )
    assert page.table.isSortingEnabled()
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # a click on "Member" still sorts
    assert resets  # read again, in the new order
    assert [page.table.columnWidth(c) >= w for c, w in enumerate(COLUMN_WIDTHS)] == [True] * 5


def test_its_controls_are_named_and_the_filter_offers_each_status(qtbot: QtBot, vault: Vault) -> None:
    model = CaseListModel()
    model.set_vault(vault)
    page = CaseListPage(model)
    qtbot.addWidget(page)
    assert page.table.accessibleName() == "Case list"
    assert page.table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert not page.table.tabKeyNavigation()  # Tab leaves the list
    assert page.search.accessibleName() == "Search cases"
    assert page.search.isClearButtonEnabled()
    assert page.filter.accessibleName() == "Show cases"
    statuses = [page.filter.itemData(i) for i in range(page.filter.count())]
    assert statuses == ["open", "closed", None]
    assert page.hint.text()  # the empty list says why it is empty, from the start
