"""Locking when the session's screen locks: real private D-Bus daemons, signals sent from outside
with dbus-send (as the screensaver or logind would), and the real app with a real vault."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.gui.case_page import FIRST_MEETING
from casevault.gui.main_window import Unsaved
from casevault.gui.screen_lock import ScreenLockWatcher, escape_path_label
from tests.conftest import reopen
from tests.gui.conftest import by_name
from tests.support.gui_case_page import NARRATIVE, all_text, ref_of, started
from tests.support.gui_flows import MEMBER, add_case, create_vault
from tests.support.keychain import BARE_BUS_CONFIG

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None,
    reason="needs dbus-daemon and dbus-send (Debian package dbus)",
)

MakeApp = Callable[..., App]
SCREENSAVER = ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged")
SESSION_ID = "2"  # logind's path for it is /org/freedesktop/login1/session/_32


@dataclass
class Bus:
    address: str
    pid: int

    def send(self, path: str, signal_name: str, *args: str) -> None:
        """Emit a signal on this bus from another process."""
        subprocess.run(
            ["dbus-send", f"--bus={self.address}", "--type=signal", path, signal_name, *args],
            check=True,
            timeout=10,
        )


def _start_bus(folder: Path) -> Bus:
    folder.mkdir(mode=0o700)
    config = folder / "bus.conf"
    config.write_text(BARE_BUS_CONFIG.format(dir=folder))  # also stands in for the system bus
    done = subprocess.run(
        ["dbus-daemon", "--fork", "--print-address=1", "--print-pid=1", f"--config-file={config}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
        stdin=subprocess.DEVNULL,
    )
    address, pid = done.stdout.split()[:2]
    return Bus(address, int(pid))


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bus]:
    bus = _start_bus(tmp_path / "session-bus")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/no-system-bus")
    yield bus
    os.kill(bus.pid, signal.SIGTERM)


@pytest.fixture
def system_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bus]:
    bus = _start_bus(tmp_path / "system-bus")
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address)
    monkeypatch.setenv("XDG_SESSION_ID", SESSION_ID)
    yield bus
    os.kill(bus.pid, signal.SIGTERM)


def open_vault_with_a_case(qtbot: QtBot, app: App) -> None:
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    qtbot.waitUntil(lambda: app.main_window.model.rowCount() == 1)


def assert_locked(qtbot: QtBot, app: App) -> None:
    qtbot.waitUntil(lambda: app.main_window.vault is None)
    assert app.main_window.model.rowCount() == 0
    assert not app.main_window.isVisible()
    qtbot.waitUntil(app.unlock_dialog.isVisible)


def count_locks(watcher: ScreenLockWatcher) -> list[int]:
    seen: list[int] = []
    watcher.screen_locked.connect(lambda: seen.append(1))
    return seen


@pytest.mark.parametrize(
    ("path", "interface"),
    [
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE's second path
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ],
)
def test_screensaver_active_locks_the_open_vault(
    qtbot: QtBot, session_bus: Bus, make_app: MakeApp, path: str, interface: str
) -> None:
    app = make_app()
    assert f"session: {interface}.ActiveChanged" in app.screen_lock.watching()
    open_vault_with_a_case(qtbot, app)
    session_bus.send(path, f"{interface}.ActiveChanged", "boolean:true")
    assert_locked(qtbot, app)


def test_screensaver_inactive_does_not_lock(qtbot: QtBot, session_bus: Bus, make_app: MakeApp) -> None:
    app = make_app()
    locks = count_locks(app.screen_lock)
    open_vault_with_a_case(qtbot, app)
    session_bus.send(*SCREENSAVER, "boolean:false")
    # The bus delivers in order: once the "true" has locked, the "false" before it was handled too.
    session_bus.send(*SCREENSAVER, "boolean:true")
    assert_locked(qtbot, app)
    assert locks == [1]


def test_screen_lock_while_locked_changes_nothing(qtbot: QtBot, session_bus: Bus, make_app: MakeApp) -> None:
    app = make_app()
    locks = count_locks(app.screen_lock)
    open_vault_with_a_case(qtbot, app)
    app.main_window.lock()
    qtbot.waitUntil(app.unlock_dialog.isVisible)
    session_bus.send(*SCREENSAVER, "boolean:true")
    qtbot.waitUntil(lambda: locks == [1])
    assert app.unlock_dialog.isVisible()
    assert not app.main_window.isVisible()


def test_logind_lock_of_this_session_locks(
    qtbot: QtBot, session_bus: Bus, system_bus: Bus, make_app: MakeApp
) -> None:
    app = make_app()
    locks = count_locks(app.screen_lock)
    assert "system: org.freedesktop.login1.Session.Lock" in app.screen_lock.watching()
    open_vault_with_a_case(qtbot, app)
    system_bus.send("/org/freedesktop/login1/session/_33", "org.freedesktop.login1.Session.Lock")
    system_bus.send("/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session.Lock")
    assert_locked(qtbot, app)
    assert locks == [1]  # another user's session locking is not ours


def test_suspend_locks_and_resume_does_not(
    qtbot: QtBot, session_bus: Bus, system_bus: Bus, make_app: MakeApp
) -> None:
    app = make_app()
    locks = count_locks(app.screen_lock)
    open_vault_with_a_case(qtbot, app)
    manager = "org.freedesktop.login1.Manager.PrepareForSleep"
    system_bus.send("/org/freedesktop/login1", manager, "boolean:false")
    system_bus.send("/org/freedesktop/login1", manager, "boolean:true")
    assert_locked(qtbot, app)
    assert locks == [1]


def test_no_bus_at_all_watches_nothing_and_says_so_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app: MakeApp
) -> None:
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/no-system-bus")
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("casevault.gui.screen_lock")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        app = make_app()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert app.screen_lock.watching() == []
    assert len(records) == 1
    assert records[0].levelno <= logging.INFO
    open_vault_with_a_case(qtbot, app)  # and the app works as before
    app.screen_lock.close()
    app.screen_lock.close()


def test_a_stale_bus_socket_is_no_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    stale = tmp_path / "stale-bus"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(stale))  # a socket file left behind by a bus that has died
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/gone;unix:path={stale}")
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/system_bus_socket")
    watcher = ScreenLockWatcher()
    assert watcher.watching() == []
    watcher.close()


def test_close_stops_listening(qtbot: QtBot, session_bus: Bus) -> None:
    watcher = ScreenLockWatcher()
    locks = count_locks(watcher)
    witness = ScreenLockWatcher()  # still listening: shows when the bus has delivered
    witnessed = count_locks(witness)
    assert watcher.watching()
    watcher.close()
    assert watcher.watching() == []
    try:
        # Two signals, each sent once the one before it has reached the witness: by the second,
        # the first has long been written to every connection the bus still has.
        for expected in (1, 2):
            session_bus.send(*SCREENSAVER, "boolean:true")
            qtbot.waitUntil(lambda n=expected: len(witnessed) == n)  # type: ignore[misc]
    finally:
        witness.close()
    assert locks == []


def test_every_screen_lock_locks_even_without_an_inactive_signal_between(
    qtbot: QtBot, session_bus: Bus
) -> None:
    watcher = ScreenLockWatcher()
    locks = count_locks(watcher)
    for expected in (1, 2):
        session_bus.send(*SCREENSAVER, "boolean:true")
        qtbot.waitUntil(lambda n=expected: len(locks) == n)  # type: ignore[misc]
    watcher.close()


def test_the_bus_delivers_only_to_objects_qt_made(qtbot: QtBot, session_bus: Bus) -> None:
    """Qt's D-Bus thread calls into its receivers; a Python-made one would need the GIL there,
    which deadlocked closing a connection (see screen_lock's docstring)."""
    watcher = ScreenLockWatcher()
    receivers = [hook[4] for hook in watcher._hooks]
    assert receivers
    assert not any(shiboken6.createdByPython(r) for r in receivers)
    watcher.close()


@pytest.mark.parametrize(
    ("session", "label"), [("2", "_32"), ("c1", "c1"), ("12", "_312"), ("a-b", "a_2db"), ("", "_")]
)
def test_session_id_escaped_as_logind_does(session: str, label: str) -> None:
    assert escape_path_label(session) == label


def test_screen_lock_saves_unsaved_first_meeting_without_asking(
    qtbot: QtBot, session_bus: Bus, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, window, page = started(qtbot, make_app)
    paths = app.paths
    ref = ref_of(app)
    page.tabs.setCurrentIndex(FIRST_MEETING)
    by_name(page, "Narrative agreed", QPlainTextEdit).setPlainText(NARRATIVE)

    def never() -> Unsaved:
        raise AssertionError("nobody is at the keyboard to ask")

    monkeypatch.setattr(window, "ask_unsaved", never)
    session_bus.send(*SCREENSAVER, "boolean:true")
    assert_locked(qtbot, app)
    assert window.case_page is None
    assert NARRATIVE not in all_text(window)
    with reopen(paths) as vault:
        assert vault.first_meeting(ref).narrative == NARRATIVE
