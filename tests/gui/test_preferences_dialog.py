"""The Preferences dialog and the idle-lock time it sets: applied to the running timer, kept in
gui.ini with no case data beside it (reading the file back is tests/gui/test_settings.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from casevault.core.paths import VaultPaths
from casevault.gui import settings
from casevault.gui.app import App
from casevault.host.keychain import MemoryKeychain
from tests.gui.conftest import by_name, window_named
from tests.support.gui_flows import MEMBER, add_case, create_vault

MakeApp = Callable[..., App]
MINUTE_MS = 60_000


def test_app_without_idle_ms_uses_the_setting(qtbot: QtBot, tmp_path: Path) -> None:
    settings.set_idle_minutes(3)
    app = App(VaultPaths(tmp_path / "vault"), keychain=MemoryKeychain())
    try:
        assert app.main_window.idle_ms() == 3 * MINUTE_MS
    finally:
        app.shutdown()
        for widget in (app.main_window, app.unlock_dialog):
            widget.deleteLater()


def test_explicit_idle_ms_wins(make_app: MakeApp) -> None:
    settings.set_idle_minutes(3)
    assert make_app(idle_ms=1234).main_window.idle_ms() == 1234


def open_preferences(qtbot: QtBot, window: QWidget) -> QDialog:
    qtbot.mouseClick(by_name(window, "Preferences"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            w.isVisible() and w.accessibleName() == "Preferences" for w in QApplication.topLevelWidgets()
        )
    )
    dialog = window_named("Preferences")
    assert isinstance(dialog, QDialog)
    return dialog


def test_dialog_changes_the_running_idle_timer(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app(idle_ms=60_000)
    window = create_vault(qtbot, app)
    dialog = open_preferences(qtbot, window)
    spin = by_name(dialog, "Lock after idle (minutes)", QSpinBox)
    assert spin.value() == 5
    assert (spin.minimum(), spin.maximum()) == (1, 240)
    spin.setValue(7)
    qtbot.mouseClick(by_name(dialog, "OK", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert app.main_window.idle_ms() == 7 * MINUTE_MS
    assert app.main_window._idle.isActive()  # still counting, now from the new time
    assert settings.idle_minutes() == 7


def test_cancel_changes_nothing(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app(idle_ms=60_000)
    window = create_vault(qtbot, app)
    dialog = open_preferences(qtbot, window)
    by_name(dialog, "Lock after idle (minutes)", QSpinBox).setValue(42)
    qtbot.mouseClick(by_name(dialog, "Cancel", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert app.main_window.idle_ms() == 60_000
    assert settings.idle_minutes() == 5


def test_dialog_says_when_screen_lock_is_not_reported(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()  # the test environment has no D-Bus
    assert app.screen_lock.watching() == []
    dialog = open_preferences(qtbot, create_vault(qtbot, app))
    assert "Lock now" in by_name(dialog, "Screen lock", QLabel).text()


def test_locking_closes_the_dialog(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    dialog = open_preferences(qtbot, create_vault(qtbot, app))
    app.main_window.lock()
    assert not dialog.isVisible()
    qtbot.waitUntil(app.unlock_dialog.isVisible)


def test_gui_ini_holds_no_case_data(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    ref = app.main_window.model.ref_at(0)
    assert ref
    dialog = open_preferences(qtbot, window)
    by_name(dialog, "Lock after idle (minutes)", QSpinBox).setValue(9)
    qtbot.mouseClick(by_name(dialog, "OK", QPushButton), Qt.MouseButton.LeftButton)
    app.main_window.lock()  # saves the window geometry too
    text = settings.settings_file().read_bytes().decode("utf-8", "replace")
    assert "idle_minutes=9" in text
    for secret in (MEMBER, MEMBER.encode("utf-8").hex(), ref, "Nguy", "ller"):
        assert secret not in text
