"""Lock when the session's screen locks, where the OS reports it over D-Bus (Linux).

Session bus: the screensaver's ActiveChanged(true), freedesktop's and GNOME's. System bus: logind's
Lock for this session (XDG_SESSION_ID), and PrepareForSleep(true), because a laptop that suspends is
about to be carried away. Where a bus is missing nothing is watched and the app still locks on idle
and on Ctrl+L.

Each watcher opens its own named connections to the addresses in the environment, rather than
Qt's process-wide sessionBus()/systemBus(), which would keep the first bus they ever reached.
The sender is not checked: a forged signal can only lock the vault, never open it."""

from __future__ import annotations

import itertools
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

SYSTEM_BUS_DEFAULT = "unix:path=/var/run/dbus/system_bus_socket"
SCREENSAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")
LOGIND_PATH = "/org/freedesktop/login1"
SESSION_INTERFACE = "org.freedesktop.login1.Session"
MANAGER_INTERFACE = "org.freedesktop.login1.Manager"
_names = itertools.count(1)


class _Receiver(QObject):
    """The object the bus delivers to. Qt's D-Bus thread still calls into it (disconnectNotify) when
    a connection winds down, after close() has returned; had its Python object been freed by then,
    the process would crash. So receivers are never freed: one small object per watcher."""

    lock = Signal()

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            self.lock.emit()

    @Slot()
    def session_lock(self) -> None:
        self.lock.emit()

    @Slot(bool)
    def prepare_for_sleep(self, sleeping: bool) -> None:
        if sleeping:
            self.lock.emit()


_RECEIVERS: list[_Receiver] = []


class ScreenLockWatcher(QObject):
    screen_locked = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._connections: list[tuple[str, QDBusConnection]] = []
        self._watching: list[str] = []
        self._hooks: list[tuple[QDBusConnection, str, str, str, str]] = []
        self._receiver = _Receiver()
        _RECEIVERS.append(self._receiver)
        self._receiver.lock.connect(self.screen_locked)
        self._watch_session_bus()
        self._watch_system_bus()
        if self._watching:
            log.info("screen lock: watching %s", ", ".join(self._watching))
        else:
            log.info("screen lock: not reported on this system (no D-Bus)")

    def watching(self) -> list[str]:
        """What this watcher listens to, e.g. "session: org.freedesktop.ScreenSaver.ActiveChanged"."""
        return list(self._watching)

    def close(self) -> None:
        """Stop listening and drop the connections. Safe to call twice."""
        for bus, path, interface, member, slot in self._hooks:
            bus.disconnect("", path, interface, member, self._receiver, SLOT(slot))  # type: ignore[call-overload]
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
            self._subscribe(bus, "session", "", f"{interface}.ActiveChanged", "active_changed(bool)")

    def _watch_system_bus(self) -> None:
        bus = self._connect("system", os.environ.get("DBUS_SYSTEM_BUS_ADDRESS") or SYSTEM_BUS_DEFAULT)
        if bus is None:
            return
        session = os.environ.get("XDG_SESSION_ID", "")
        if session:
            path = f"{LOGIND_PATH}/session/{escape_path_label(session)}"
            self._subscribe(bus, "system", path, f"{SESSION_INTERFACE}.Lock", "session_lock()")
        sleep = f"{MANAGER_INTERFACE}.PrepareForSleep"
        self._subscribe(bus, "system", LOGIND_PATH, sleep, "prepare_for_sleep(bool)")

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

    def _subscribe(self, bus: QDBusConnection, kind: str, path: str, signal: str, slot: str) -> None:
        interface, _, member = signal.rpartition(".")
        # The stubs say bytes, but PySide6 6.12 accepts only the str that SLOT() returns.
        if bus.connect("", path, interface, member, self._receiver, SLOT(slot)):  # type: ignore[call-overload]
            self._watching.append(f"{kind}: {signal}")
            self._hooks.append((bus, path, interface, member, slot))


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
