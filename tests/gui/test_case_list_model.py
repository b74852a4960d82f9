"""The case list model pages, sorts and filters through the Vault (in SQL), and forgets on clear."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from casevault.gui.case_list_model import CaseListModel
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

NAMES = ["Zofia Nowak", "Ana Silva", "Mehmet Kaya", "Chloé Martin", "Björn Berg"]


def members(model: CaseListModel) -> list[str]:
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def make_cases(vault: Vault, clock: FakeClock) -> list[str]:
    refs = []
    for name in NAMES:
        clock.advance(minutes=1)
        refs.append(vault.new_case(name))
    return refs


def test_pages_in_blocks(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    make_cases(vault, clock)
    model = CaseListModel(block=2)
    model.set_vault(vault)
    assert model.rowCount() == 2
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
    assert not model.canFetchMore(QModelIndex())
    assert members(model) == NAMES[::-1]  # newest first by default


def test_sorts_through_the_vault(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    make_cases(vault, clock)
    model = CaseListModel(block=2)
    model.set_vault(vault)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert members(model) == sorted(NAMES, key=str.casefold)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Member"


def test_status_filter_and_clear(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    refs = make_cases(vault, clock)
    vault.close_case(refs[0], retain_days=30)
    model = CaseListModel()
    model.set_vault(vault)
    assert len(members(model)) == 4
    model.set_status("closed")
    assert members(model) == [NAMES[0]]
    assert model.data(model.index(0, 3)) == "Closed"
    assert model.data(model.index(0, 4))  # last updated, in the user's locale
    model.set_status(None)
    assert model.rowCount() == 5
    model.clear()
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())


def test_next_date_due_column_shows_and_sorts(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    refs = make_cases(vault, clock)
    vault.add_action_point(refs[1], "Write to HR", due_at=clock.now + timedelta(days=4))
    vault.add_action_point(refs[3], "Call back", due_at=clock.now + timedelta(days=1))
    model = CaseListModel()
    model.set_vault(vault)
    due = [
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Next date due"
    ]
    assert due, "the case list has a Next date due column"
    model.sort(due[0], Qt.SortOrder.AscendingOrder)
    assert members(model)[:2] == [NAMES[3], NAMES[1]]  # soonest first, undated cases after
    shown = model.data(model.index(0, due[0]))
    expected = QLocale().toString(QDate(2026, 3, 15), QLocale.FormatType.ShortFormat)
    assert shown == expected  # the local date, in the user's locale
    assert model.data(model.index(4, due[0])) == ""


def test_search_respects_the_status_filter_and_shows_whole_rows(
    qtbot: QtBot, vault: Vault, clock: FakeClock
) -> None:
    refs = make_cases(vault, clock)
    vault.close_case(refs[2], retain_days=30)  # Mehmet Kaya
    model = CaseListModel()
    model.set_vault(vault)  # shows open cases
    model.search("kaya")
    assert model.rowCount() == 0
    model.set_status("closed")
    model.search("kaya")
    assert members(model) == ["Mehmet Kaya"]
    assert model.data(model.index(0, 2))  # the type, and every other column, not just the name
    model.set_status(None)
    vault.new_case("Anna Kaya")
    model.search("kaya")  # Mehmet Kaya and Anna Kaya
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert members(model) == ["Anna Kaya", "Mehmet Kaya"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert members(model) == ["Mehmet Kaya", "Anna Kaya"]
    assert not model.canFetchMore(QModelIndex())  # search results come whole
