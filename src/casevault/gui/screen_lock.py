"""Lock when the session's screen locks, where the OS reports it over D-Bus (Linux).

Session bus: the screensaver's ActiveChanged(true), freedesktop's and GNOME's. System bus: logind's
Lock for this session (XDG_SESSION_ID), and PrepareForSleep(true), because a laptop that suspends is
about to be carried away. Where a bus is missing nothing is watched and the app still locks on idle
and on Ctrl+L.

Each watcher opens its own named connections to the addresses in the environment, rather than
Qt's process-wide sessionBus()/systemBus(), which would keep the first bus they ever reached.
The sender is not checked: a forged signal can only lock the vault, never open it.

The bus delivers to QActions that Qt itself made (QMenu.addAction), not to a QObject subclass
written in Python. Qt's D-Bus thread calls into its receivers (connectNotify, disconnectNotify)
while a connection is set up or closed, and for a Python-made object that call needs the GIL,
which the GUI thread holds while it waits for that very thread in disconnectFromBus: the tests
hung there now and then, and freeing such an object early crashed. Qt-made objects never call
into Python from that thread."""

from __future__ import annotations

import itertools
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import SLOT, QObject, Signal
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

log = logging.getLogger(__name__)

SYSTEM_BUS_DEFAULT = "unix:path=/var/run/dbus/system_bus_socket"
SCREENSAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")
LOGIND_PATH = "/org/freedesktop/login1"
SESSION_INTERFACE = "org.freedesktop.login1.Session"
MANAGER_INTERFACE = "org.freedesktop.login1.Manager"
_names = itertools.count(1)


class ScreenLockWatcher(QObject):
    screen_locked = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._connections: list[tuple[str, QDBusConnection]] = []
        self._watching: list[str] = []
        self._hooks: list[tuple[QDBusConnection, str, str, str, QAction, str]] = []
        self._holder = QMenu()  # never shown: it only makes and owns the receivers
        self._screensaver = self._receiver(checkable=True)
        self._screensaver.toggled.connect(self._toggled)
        self._sleep = self._receiver(checkable=True)
        self._sleep.toggled.connect(self._toggled)
        self._session_lock = self._receiver(checkable=False)
        self._session_lock.triggered.connect(self.screen_locked)
        self._watch_session_bus()
        self._watch_system_bus()
        if self._watching:
            log.info("screen lock: watching %s", ", ".join(self._watching))
        else:
            log.info("screen lock: not reported on this system (no D-Bus)")

    def _receiver(self, *, checkable: bool) -> QAction:
        action = self._holder.addAction("")  # made by Qt, see the module's docstring
        action.setCheckable(checkable)
        return action

    def _toggled(self, on: bool) -> None:
        # ActiveChanged(true) / PrepareForSleep(true) check the action; false unchecks it.
        if on:
            for action in (self._screensaver, self._sleep):
                action.blockSignals(True)
                action.setChecked(False)  # so the next "true" toggles again, even with no "false"
                action.blockSignals(False)
            self.screen_locked.emit()

    def watching(self) -> list[str]:
        """What this watcher listens to, e.g. "session: org.freedesktop.ScreenSaver.ActiveChanged"."""
        return list(self._watching)

    def close(self) -> None:
        """Stop listening and drop the connections. Safe to call twice."""
        for bus, path, interface, member, receiver, slot in self._hooks:
            bus.disconnect("", path, interface, member, receiver, SLOT(slot))  # type: ignore[call-overload]
        self._hooks = []
        connections, self._connections = self._connections, []
        for name, _bus in connections:
            QDBusConnection.disconnectFromBus(name)
        self._watching = []

    # ---- subscribing -----------------------------------------------------------------------

    def _watch_session_bus(self) -> None:
        bus = self._connect("session", _session_address())
        if bus is None:
            return
        for interface in SCREENSAVERS:
            # Any path: KDE emits on /ScreenSaver as well as on /org/freedesktop/ScreenSaver.
            signal = f"{interface}.ActiveChanged"
            self._subscribe(bus, "session", "", signal, receiver=self._screensaver, slot="setChecked(bool)")

    def _watch_system_bus(self) -> None:
        bus = self._connect("system", os.environ.get("DBUS_SYSTEM_BUS_ADDRESS") or SYSTEM_BUS_DEFAULT)
        if bus is None:
            return
        session = os.environ.get("XDG_SESSION_ID", "")
        if session:
            path = f"{LOGIND_PATH}/session/{escape_path_label(session)}"
            lock = f"{SESSION_INTERFACE}.Lock"
            self._subscribe(bus, "system", path, lock, receiver=self._session_lock, slot="trigger()")
        sleep = f"{MANAGER_INTERFACE}.PrepareForSleep"
        self._subscribe(bus, "system", LOGIND_PATH, sleep, receiver=self._sleep, slot="setChecked(bool)")

    def _connect(self, kind: str, address: str | None) -> QDBusConnection | None:
        # Checked first because libdbus prints to stderr when a socket is not there.
        if not address or not _may_be_reachable(address):
            return None
        name = f"casevault-{kind}-{os.getpid()}-{next(_names)}"
        bus = QDBusConnection.connectToBus(address, name)
        if not bus.isConnected():
            QDBusConnection.disconnectFromBus(name)
            return None
        self._connections.append((name, bus))
        return bus

    def _subscribe(
        self, bus: QDBusConnection, kind: str, path: str, signal: str, *, receiver: QAction, slot: str
    ) -> None:
        interface, _, member = signal.rpartition(".")
        # The stubs say bytes, but PySide6 6.12 accepts only the str that SLOT() returns.
        if bus.connect("", path, interface, member, receiver, SLOT(slot)):  # type: ignore[call-overload]
            self._watching.append(f"{kind}: {signal}")
            self._hooks.append((bus, path, interface, member, receiver, slot))


def escape_path_label(label: str) -> str:
    """A session id as logind writes it in an object path (sd-bus's bus_label_escape)."""
    if not label:
        return "_"
    out = []
    for i, byte in enumerate(label.encode()):
        char = chr(byte)
        if char.isascii() and (char.isalpha() or (i > 0 and char.isdigit())):
            out.append(char)
        else:
            out.append(f"_{byte:02x}")
    return "".join(out)


def _session_address() -> str | None:
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime, "bus").is_socket():
        return f"unix:path={Path(runtime, 'bus')}"
    return None


def _may_be_reachable(address: str) -> bool:
    """False only when every entry of a D-Bus address names a Unix socket path that is not there."""
    for entry in filter(None, address.split(";")):
        transport, _, params = entry.partition(":")
        keys = dict(param.partition("=")[::2] for param in params.split(",") if param)
        if transport != "unix" or "path" not in keys or Path(unquote(keys["path"])).is_socket():
            return True
    return False
