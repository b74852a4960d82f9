"""The sync timer (issue 20): while the vault is unlocked and set up for sync, a sync runs every
few minutes, soon after unlocking, and a few seconds after another device's folder changes (the
sync engine brought something: QFileSystemWatcher on `devices/` and each other device's folder,
never this device's own, so its own writes start nothing), on a worker thread with a connection of its own
(Vault.sync_worker, gui/worker_read.py), never on the GUI thread and never while locked: a lock
stops the timer and drops a sync on its way (its result is never shown). What it reports says
counts only, never a name."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from casevault.core.errors import CasevaultError
from casevault.gui.worker_read import WorkerRead
from casevault.vault.facade import Vault

if TYPE_CHECKING:
    from casevault.vault.sync.working import SyncReport  # loaded with the first sync, not at start

log = logging.getLogger(__name__)

INTERVAL_MS = 2 * 60 * 1000
FIRST_SYNC_MS = 5 * 1000  # after unlocking: once the first screen is up
FOLDER_QUIET_MS = 3 * 1000  # after the folder last changed: a sync engine writes in bursts


class SyncWatch(QObject):
    """Emits `synced(report)` on the GUI thread after each background sync."""

    synced = Signal(object)

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync)
        self._worker = WorkerRead("sync", self)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(FOLDER_QUIET_MS)
        self._quiet.timeout.connect(self.sync)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._own = ""

    @property
    def watching(self) -> bool:
        return self._vault is not None

    def set_vault(self, vault: Vault) -> None:
        """Start syncing in the background if this vault is set up for sync."""
        self.stop()
        try:
            watched = vault.sync.watched_folder()
            if watched is None:
                return  # nothing to do until it syncs (the Sync dialog says how)
        except CasevaultError:
            return
        self._vault = vault
        self._timer.start()
        QTimer.singleShot(FIRST_SYNC_MS, self.sync)
        self._own = watched[1]
        self._watch_new(watched[0] / "devices")

    def stop(self) -> None:
        self._timer.stop()
        self._quiet.stop()
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._worker.reset()
        self._vault = None

    @property
    def watched(self) -> list[str]:
        return sorted(self._watcher.directories())

    def _folder_changed(self, path: str) -> None:
        """Something arrived: sync once the folder has been quiet a moment."""
        if self._vault is None:
            return
        changed = Path(path)
        self._watch_new(changed if changed.name == "devices" else changed.parent)
        self._quiet.start()

    def _watch_new(self, devices: Path) -> None:
        """`devices/` and every other device's folder in it (a device new since is added)."""
        if self._vault is None or not devices.is_dir():
            return
        wanted = {str(devices)} | {str(p) for p in devices.iterdir() if p.is_dir() and p.name != self._own}
        missing = sorted(wanted - set(self._watcher.directories()))
        if missing:
            self._watcher.addPaths(missing)

    def sync(self) -> None:
        vault = self._vault
        if vault is None or self._worker.busy_then(self.sync):
            return
        self._worker.start(vault.sync_worker(), self._done, self._failed)

    def summary(self, report: SyncReport) -> str:
        """What the status bar says after a background sync, in counts ("" for nothing new)."""
        if report.refused:
            return self.tr("Sync refused %1 change set(s); Settings > Sync says why.").replace(
                "%1", str(len(report.refused))
            )
        if report.received:
            return self.tr("Synced: %1 change(s) from other devices.").replace("%1", str(report.received))
        return ""

    def _done(self, report: SyncReport) -> None:
        if self._vault is not None:
            self.synced.emit(report)

    def _failed(self, error: BaseException) -> None:
        log.warning("sync.background-failed %s", type(error).__name__)
