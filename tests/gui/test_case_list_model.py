"""The case list model pages, sorts and filters through the Vault (in SQL), and forgets on clear."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from casevault.core.model import CaseMatch, Snippet
from casevault.gui.case_list_model import FOUND_COLUMN, SNIPPET_BLOCK, SNIPPET_ROLE, CaseListModel
from casevault.gui.qt_dates import date_text
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
    assert shown == date_text(QDate(2026, 3, 15))  # the local date, in the user's locale
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


def test_search_results_say_why_each_case_matched(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    by_note = vault.new_case("Ana Silva")
    vault.add_note(by_note, "Asked the depot for the <tachograph> records & the rota.")
    by_name = vault.new_case("Tacho Tester")
    model = CaseListModel()
    model.set_vault(vault)
    assert model.columnCount() == FOUND_COLUMN  # no "Found in" column outside a search
    model.search("tacho")
    assert model.columnCount() == FOUND_COLUMN + 1
    assert model.headerData(FOUND_COLUMN, Qt.Orientation.Horizontal) == "Found in"
    found = {model.ref_at(r): r for r in range(model.rowCount())}
    note_row, name_row = found[by_note], found[by_name]
    assert model.data(model.index(name_row, FOUND_COLUMN)) == "Member's name: Tacho Tester"
    assert model.data(model.index(note_row, FOUND_COLUMN)) == (
        "Paper trail: Asked the depot for the <tachograph> records & the rota."
    )
    rich = model.data(model.index(note_row, FOUND_COLUMN), SNIPPET_ROLE)
    assert "&lt;<b>tachograph</b>&gt; records &amp; the rota" in rich  # marked, and escaped
    assert model.data(model.index(note_row, 1), Qt.ItemDataRole.ToolTipRole) == rich  # on every cell
    model.reload()
    assert model.columnCount() == FOUND_COLUMN
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) is None


def test_snippets_are_made_for_the_rows_shown_only(
    qtbot: QtBot, vault: Vault, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(SNIPPET_BLOCK + 5):
        clock.advance(minutes=1)
        vault.new_case(f"Member {n:03d} Okonkwo")
    asked: list[int] = []
    real = vault.search_snippets

    def counted(query: str, matches: list[CaseMatch]) -> dict[int, Snippet]:
        asked.append(len(matches))
        return real(query, matches)

    monkeypatch.setattr(vault, "search_snippets", counted)
    model = CaseListModel()
    model.set_vault(vault)
    model.search("okonkwo")
    assert model.rowCount() == SNIPPET_BLOCK + 5
    assert asked == []  # the search itself makes none
    assert "Okonkwo" in model.data(model.index(0, FOUND_COLUMN))
    model.data(model.index(1, FOUND_COLUMN))
    assert asked == [SNIPPET_BLOCK]  # the first block, once
    model.data(model.index(SNIPPET_BLOCK + 2, FOUND_COLUMN))
    assert asked == [SNIPPET_BLOCK, 5]
    model.clear()  # locking forgets the search and its snippets
    assert model.rowCount() == 0 and model.columnCount() == FOUND_COLUMN


def test_found_in_sorts_by_how_well_each_case_matched(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    """Best match first ascending, worst first descending; the sort ends with the search."""
    vault.new_case("Cara Finch")
    for n in range(3):
        clock.advance(minutes=1)
        ref = vault.new_case(f"Member {n}")
        vault.add_note(ref, "the rota " + "rota " * n)  # more mentions, a better match
    model = CaseListModel()
    model.set_vault(vault)
    model.search("rota")
    best_first = members(model)
    assert len(best_first) == 3
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert members(model) == sorted(best_first)
    model.sort(FOUND_COLUMN, Qt.SortOrder.AscendingOrder)
    assert members(model) == best_first
    model.sort(FOUND_COLUMN, Qt.SortOrder.DescendingOrder)
    assert members(model) == best_first[::-1]
    model.search("rota")  # a new search keeps the sort by match
    assert members(model) == best_first[::-1]
    model.reload()  # the search ends: the list's own order, newest first
    assert members(model)[0] == "Member 2" and members(model)[-1] == "Cara Finch"
    model.sort(FOUND_COLUMN, Qt.SortOrder.AscendingOrder)  # no such column outside a search
    assert members(model)[0] == "Member 2"
