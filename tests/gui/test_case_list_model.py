"""The case list model pages, sorts and filters through the Vault (in SQL), and forgets on clear."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from casevault.gui.case_list_model import CaseListModel
from casevault.vault import Vault
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
