"""After the app shuts down, none of its timers fires on the closed window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from tests.support.gui_flows import MEMBER, add_case, create_vault

MakeApp = Callable[..., App]


def test_no_idle_lock_or_reminder_check_after_shutdown(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app(idle_ms=200)
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    locks: list[int] = []
    app.main_window.locked.connect(lambda: locks.append(1))
    app.shutdown()
    # Qt fires due timers in the order they fall due: a timer started now for three idle periods
    # fires after any idle or reminder timer still running would have, however slow the machine.
    later = QTimer()
    later.setSingleShot(True)
    with qtbot.waitSignal(later.timeout, timeout=10_000):
        later.start(3 * 200)
    assert locks == []
    assert not app.main_window.reminders.watch._timer.isActive()
