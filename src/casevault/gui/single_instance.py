"""One desktop app per vault (issue 13, item 7).

The first `casevault` window for a vault holds an exclusive `flock` on `.casevault-gui.lock`
(0600) inside the vault folder for as long as it runs; the kernel drops it when the process ends,
however it ends, so a crash never leaves the vault "in use". A second window for the same vault
cannot take the lock: it asks the first, over a QLocalSocket, to come to the front (where the
window system allows it), says so in one sentence and exits with status 1.

The local socket's name is derived from a hash of the vault's resolved path, never from the path
itself, and the socket is private to the user. The command line never takes this lock: it keeps
working beside an open window (SQLite arbitrates its writes).

A vault that does not exist yet (first run) is locked as soon as it has been created: Vault.create
wants an empty folder, so the lock file cannot be there before."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from casevault.core.errors import VaultStateError
from casevault.core.paths import VaultPaths

log = logging.getLogger(__name__)

LOCK_NAME = ".casevault-gui.lock"
RAISE = b"raise\n"
ALREADY_OPEN = "This vault is already open in another casevault window; use that window instead."
CONNECT_MS = 1000


class VaultAlreadyOpenError(VaultStateError):
    """A second desktop app for a vault that already has one."""


def server_name(paths: VaultPaths) -> str:
    digest = hashlib.sha256(os.fsencode(paths.root.resolve())).hexdigest()
    return f"casevault-gui-{digest[:32]}"


class InstanceLock:
    """The per-vault lock. `claim()` is True when this process holds it (or the vault folder does
    not exist yet, see the module docstring)."""

    def __init__(self, paths: VaultPaths) -> None:
        self.paths = paths
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def claim(self) -> bool:
        if self._fd is not None:
            return True
        if not self.paths.keys_file.exists():
            return True  # nothing to open twice yet; App claims it again once the vault exists
        lock_file = self.paths.root / LOCK_NAME
        try:
            fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        except OSError:
            # A folder that cannot hold the lock (read-only, odd filesystem) must not keep the rep
            # out of their cases: open without it, as before this lock existed.
            log.warning("gui.instance-lock-unavailable")
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


class FrontDoor(QObject):
    """The first window's local server: a second start for the same vault knocks here."""

    raise_requested = Signal()

    def __init__(self, paths: VaultPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(paths)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._knocked)

    def listen(self) -> bool:
        """Only the lock holder listens, so a leftover socket file is stale and can go."""
        QLocalServer.removeServer(self.name)
        listening = self._server.listen(self.name)
        if not listening:
            log.warning("gui.front-door-unavailable")
        return listening

    def close(self) -> None:
        self._server.close()

    def _knocked(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE):
            log.info("gui.raise-requested")
            self.raise_requested.emit()
            socket.write(b"ok\n")
            socket.flush()


def knock(paths: VaultPaths, timeout_ms: int = CONNECT_MS) -> bool:
    """Ask the window that holds the vault to come to the front; True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(paths))
    try:
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(RAISE)
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        return socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()).startswith(b"ok")
    finally:
        socket.abort()


def claim_or_knock(paths: VaultPaths) -> InstanceLock:
    """The lock for this process; if another window holds it, knock and refuse in one sentence."""
    lock = InstanceLock(paths)
    if lock.claim():
        return lock
    log.info("gui.already-open answered=%s", knock(paths))
    raise VaultAlreadyOpenError(ALREADY_OPEN)
