"""The reminders panel (issue 18): with nothing due it says so and what will appear there, instead
of an empty table."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QAbstractItemView, QTreeView
from pytestqt.qtbot import QtBot

from casevault.gui.reminders_panel import RemindersPanel
from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.gui.conftest import by_name
from tests.support.pixels import ink


def _ink(view: QAbstractItemView) -> int:
    return ink(view)


def test_an_empty_panel_says_what_will_appear(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    panel = RemindersPanel(clock)
    qtbot.addWidget(panel)
    panel.resize(700, 300)
    panel.show()
    qtbot.waitExposed(panel)
    tree = by_name(panel, "Due reminders", QTreeView)
    assert panel.empty_hint.text() == ""  # locked: nothing to say
    panel.set_vault(vault)
    panel.show_reminders(vault.reminders(clock.now))
    hint = panel.empty_hint.text()
    assert hint.startswith("Nothing is due.")
    assert tree.accessibleDescription() == hint  # a screen reader hears it too
    assert _ink(tree) > 0  # and it is painted in the empty list

    ref = vault.new_case("Zoë O'Neill")
    vault.add_action_point(ref, "Call the member back", due_at=clock.now - timedelta(hours=1))
    panel.show_reminders(vault.reminders(clock.now))
    assert tree.model().rowCount() == 1
    assert panel.empty_hint.text() == "" == tree.accessibleDescription()
    assert "Zoë" not in hint and ref not in hint
