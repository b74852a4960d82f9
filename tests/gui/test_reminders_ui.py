"""The reminders banner (issue 18): it comes and goes with what is due, and the controls below it
stay where they are (it used to push them down by about 25 px under the cursor)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QToolBar, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui.reminder_watch import ReminderWatch
from casevault.gui.reminders_ui import RemindersUi
from casevault.vault.facade import Vault
from tests.conftest import FakeClock


class Window:
    def __init__(self, qtbot: QtBot, clock: FakeClock) -> None:
        self.main = QMainWindow()
        qtbot.addWidget(self.main)
        toolbar = QToolBar()
        self.main.addToolBar(toolbar)
        self.watch = ReminderWatch(clock=clock, notifier=lambda _text: None, parent=self.main)
        self.ui = RemindersUi(self.main, toolbar, self.watch)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.ui.banner)  # where the main window puts it: above everything
        self.below = QPushButton("New case")
        layout.addWidget(self.below)
        layout.addStretch(1)
        self.main.setCentralWidget(central)
        self.main.resize(700, 400)
        self.main.show()
        qtbot.waitExposed(self.main)

    def where_below(self) -> QPoint:
        return self.below.mapTo(self.main, QPoint(0, 0))


@pytest.fixture
def window(qtbot: QtBot, vault: Vault, clock: FakeClock) -> Iterator[Window]:
    made = Window(qtbot, clock)
    made.ui.set_vault(vault)
    yield made
    made.ui.clear()


def test_the_banner_coming_and_going_moves_nothing_below_it(
    qtbot: QtBot, window: Window, vault: Vault, clock: FakeClock
) -> None:
    banner = window.ui.banner
    window.watch.check()
    qtbot.wait(20)
    assert not banner.isVisible()
    nothing_due = window.where_below()

    ref = vault.new_case("Zoë O'Neill")
    vault.add_action_point(ref, "Call the member back", due_at=clock.now - timedelta(hours=1))
    window.watch.check()
    qtbot.waitUntil(banner.isVisible)
    assert "1 casework reminder is due" in banner.text()
    qtbot.wait(20)
    assert window.where_below() == nothing_due  # the banner took the room kept for it

    [reminder] = vault.reminders(clock.now)
    vault.dismiss_reminder(reminder.key)
    window.watch.check()
    qtbot.waitUntil(lambda: not banner.isVisible())
    qtbot.wait(20)
    assert window.where_below() == nothing_due


def test_the_banner_is_one_line_tall_whatever_it_says(qtbot: QtBot, window: Window) -> None:
    banner: QLabel = window.ui.banner
    empty = banner.height()
    banner.setText('12 casework reminders are due — <a href="show">Show reminders</a>')
    assert banner.height() == empty
    assert empty < 3 * banner.fontMetrics().height()
