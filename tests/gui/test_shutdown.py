"""After the app shuts down, none of its timers fires on the closed window."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from tests.gui.test_flows import MEMBER, add_case, create_vault

MakeApp = Callable[..., App]


def test_no_idle_lock_or_reminder_check_after_shutdown(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app(idle_ms=200)
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    locks: list[int] = []
    app.main_window.locked.connect(lambda: locks.append(1))
    app.shutdown()
    qtbot.wait(600)  # three idle periods: a live timer would have locked (and raised) by now
    assert locks == []
    assert not app.main_window.reminders.watch._timer.isActive()
