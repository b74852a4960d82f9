"""Compaction (issue 20): the folder keeps only what some paired device has still to read.

After each sync a device writes its **progress file** (`devices/<id>/progress.cvread`: how far it
has read each device's chain, signed and under the sync key, formats/changeset.PROGRESS). A
device may then delete its own change sets up to the lowest point every paired device has read
them to; once every one has read all of them, its attachment copies too, and a snapshot it wrote
for a device that has joined since. A paired device that has written no progress file yet has
read nothing, so nothing it needs goes. A device paired later starts from the snapshot its
inviter writes for it (vault/sync/snapshot.py), never from the change sets removed here. Until
the other devices have heard of it, they count only the inviter, so a progress file (which also
says how far its writer had written) is trusted only once every change set its writer had
written by then has been read here: a file carried ahead of the change set announcing a new
device could otherwise have its chain compacted before the new device has read it.

What the folder holds until then: every change set some device has not read, encrypted under
the sync key, a purged case's records among them, and each device's attachment copies. After a
purge has reached every device and each has compacted, nothing of the case is left in it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from casevault.casework import sync_snapshot
from casevault.casework.sync_snapshot import ReadTo
from casevault.core import hlc
from casevault.core.hlc import HybridClock
from casevault.formats import changeset
from casevault.store import sync_rows as rows
from casevault.vault.session import Session
from casevault.vault.sync.folder import SyncFolder

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CompactReport:
    removed: int  # change sets of this device removed
    kept: int  # change sets of this device some paired device has still to read
    freed: int  # bytes removed from the folder (change sets, attachment copies, snapshots)


class Compaction:
    def __init__(self, session: Session, folder: Callable[[], SyncFolder]) -> None:
        self._s = session
        self._folder = folder

    def write_progress(self) -> None:
        """This device's read positions, to the folder (unless they are there already)."""
        db = self._s.db
        me = rows.get_self(db)
        key = rows.current_key(db)
        if me is None or key is None:
            return
        folder = self._folder()
        positions = {
            d.device_id: ReadTo(d.device_id, d.last_sequence, d.last_digest)
            for d in rows.devices(db, removed=True)
            if d.last_sequence > 0 and d.last_digest is not None
        }
        if me.sequence > 0 and me.last_digest is not None:  # and how far it had written then
            positions[me.device_id] = ReadTo(me.device_id, me.sequence, me.last_digest)
        if self.progress_of(me.device_id) == positions:
            return
        clock = HybridClock(me.device_id, me.clock).tick(hlc.millis(self._s.now()))
        folder.write_progress(
            changeset.write_changeset(
                vault_id=self._s.vault_id,
                device=me.device_id,
                sequence=1,
                previous=changeset.GENESIS,
                clock=clock,
                records=[sync_snapshot.read_record(p) for p in positions.values()],
                sync_key=key.sync_key,
                signing_secret=me.signing_key,
                kind=changeset.PROGRESS,
            )
        )

    def progress_of(self, device: str) -> dict[str, ReadTo] | None:
        """A device's read positions as its progress file says, or None when it has written none
        (or none that verifies: read as nothing read)."""
        db = self._s.db
        data = self._folder().read_progress(device)
        if data is None:
            return None
        me = rows.get_self(db)
        known = {d.device_id: d.public_key for d in rows.devices(db)}
        if me is not None:
            from casevault.crypto import signing  # noqa: PLC0415 - only for our own file

            known[me.device_id] = signing.public_key(me.signing_key)
        try:
            found = changeset.read_changeset(
                data,
                expected_device=device,
                expected_sequence_after=0,
                known_devices=known,
                sync_key=[k.sync_key for k in rows.sync_keys(db)],
                vault_id=self._s.vault_id,
                kind=changeset.PROGRESS,
            )
            return sync_snapshot.parse_progress(found.records)
        except (changeset.ChangeSetRefusedError, ValueError):
            log.warning("sync.progress-refused %s", device)
            return None

    def compact(self) -> CompactReport:
        """Remove from the folder what every paired device has read (see the module's doc)."""
        db = self._s.db
        me = rows.get_self(db)
        if me is None:
            return CompactReport(0, 0, 0)
        folder = self._folder()
        paired = rows.devices(db)
        progress = {d.device_id: self.progress_of(d.device_id) for d in paired}
        floor = me.sequence
        for other in paired:
            found = progress[other.device_id]
            reached = found.get(me.device_id) if found else None
            floor = min(floor, reached.sequence if reached else 0)
            written = found.get(other.device_id) if found else None
            if written is not None and written.sequence > other.last_sequence:
                # Its progress came before change sets it wrote earlier, and one of those may
                # announce a device it paired, which needs what would go: wait for them.
                floor = 0
        freed = removed = 0
        sequences = folder.sequences(me.device_id)
        for sequence in sequences:
            if sequence <= floor:
                freed += folder.changeset_size(sequence)
                folder.remove_changeset(sequence)
                removed += 1
        if floor == me.sequence:  # every paired device has taken every attachment sent
            freed += folder.remove_own_blobs()
        for joiner in folder.snapshots_written():
            if joiner not in progress or progress[joiner] is not None:  # joined since, or gone
                freed += folder.remove_snapshot(joiner)
        return CompactReport(removed, len(sequences) - removed, freed)
