"""The case list's table (issue 18): column titles shown whole in French ("Prochaine échéance" was
cut to "rochaine échéanc"), a hint in place of an empty list or a search with no match (never the
words searched for), and the search snippets painted with their matched words in bold."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from casevault.gui import case_list_view, translations
from casevault.gui.case_list_model import FOUND_COLUMN, UPDATED_COLUMN, CaseListModel
from casevault.vault.facade import Vault
from tests.support.pixels import ink

# The widths the main window gives the columns (case_list_page.py, COLUMN_WIDTHS).
MAIN_WINDOW_WIDTHS = (130, 220, 120, 70, 110)


@pytest.fixture
def french() -> Iterator[None]:
    assert translations.install("fr") == "fr"
    yield
    translations.uninstall()


def _table(qtbot: QtBot, vault: Vault | None) -> tuple[QTableView, CaseListModel]:
    """The case list as the main window builds it."""
    model = CaseListModel()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(UPDATED_COLUMN, Qt.SortOrder.DescendingOrder)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(MAIN_WINDOW_WIDTHS):
        table.setColumnWidth(column, width)
    if vault is not None:
        model.set_vault(vault)
    table.resize(1000, 320)
    return table, model


def _clipped(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if c != model.columnCount() - 1 and table.columnWidth(c) < header.sectionSizeHint(c)
    ]


def test_french_column_titles_are_shown_whole(qtbot: QtBot, french: None, vault: Vault) -> None:
    table, _model = _table(qtbot, vault)
    assert "Prochaine échéance" in _clipped(table)  # the widths set for English cut it
    case_list_view.dress(table)
    assert _clipped(table) == []
    assert [table.columnWidth(c) >= w for c, w in enumerate(MAIN_WINDOW_WIDTHS)] == [True] * 5


def _ink(view: QAbstractItemView) -> int:
    return ink(view)


def test_an_empty_list_says_what_to_do(qtbot: QtBot, vault: Vault) -> None:
    table, model = _table(qtbot, vault)
    hint = case_list_view.dress(table)
    table.show()
    qtbot.waitExposed(table)
    assert hint.text() == "No cases yet. Press New case to record a member's first meeting."
    assert table.accessibleDescription() == hint.text()
    assert _ink(table) > 0

    ref = vault.new_case("Zoë O'Neill")
    model.reload()
    assert hint.text() == "" and _ink(table) == 0
    vault.close_case(ref)
    model.reload()  # the open cases: none, but the vault has one
    assert hint.text().startswith("No open cases.")
    model.set_status("closed")
    assert hint.text() == "" and model.rowCount() == 1


def test_a_search_with_no_match_says_so_without_the_words(qtbot: QtBot, vault: Vault) -> None:
    table, model = _table(qtbot, vault)
    hint = case_list_view.dress(table)
    vault.new_case("Zoë O'Neill")
    model.reload()
    model.search("Tachograph")
    assert model.rowCount() == 0
    assert hint.text().startswith("No case matches this search.")
    assert "Show filter" in hint.text()  # only open cases were searched
    assert "achograph" not in hint.text()
    model.set_status(None)
    model.search("Tachograph")
    assert "Show filter" not in hint.text()


def test_a_locked_list_says_nothing(qtbot: QtBot) -> None:
    table, _model = _table(qtbot, None)
    assert case_list_view.dress(table).text() == ""


def test_the_found_in_column_paints_the_snippet(qtbot: QtBot, vault: Vault) -> None:
    table, model = _table(qtbot, vault)
    case_list_view.dress(table)
    ref = vault.new_case("Zoë O'Neill")
    vault.add_note(ref, "Asked the depot for the tachograph records of February.")
    model.search("tacho")
    assert model.headerData(FOUND_COLUMN, Qt.Orientation.Horizontal) == "Found in"
    assert isinstance(table.itemDelegateForColumn(FOUND_COLUMN), case_list_view.SnippetDelegate)
    table.show()
    qtbot.waitExposed(table)
    rect = table.visualRect(model.index(0, FOUND_COLUMN))
    assert rect.width() > 100
    image = table.viewport().grab(rect).toImage()
    background = table.viewport().palette().color(QPalette.ColorRole.Base).rgb()
    ink = [image.pixel(x, y) != background for y in range(image.height()) for x in range(image.width())]
    assert any(ink)
    # "Last updated" keeps room for its dates once it is no longer the last (stretched) column.
    assert table.columnWidth(UPDATED_COLUMN) >= table.sizeHintForColumn(UPDATED_COLUMN)


def test_a_click_on_found_in_sorts_and_its_arrow_goes_when_the_search_ends(
    qtbot: QtBot, vault: Vault
) -> None:
    for n in range(3):
        vault.add_note(vault.new_case(f"Member {n}"), "rota " * (n + 1))
    table, model = _table(qtbot, vault)
    case_list_view.dress(table)
    header = table.horizontalHeader()
    model.search("rota")
    best_first = [model.ref_at(r) for r in range(model.rowCount())]
    header.setSortIndicator(FOUND_COLUMN, Qt.SortOrder.DescendingOrder)  # as a click on the title does
    assert [model.ref_at(r) for r in range(model.rowCount())] == best_first[::-1]
    model.reload()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        UPDATED_COLUMN,
        Qt.SortOrder.DescendingOrder,
    )
    assert model.rowCount() == 3
