"""The sync service (issue 20), over the Session: set up, pair, sync, status.

The first device runs `set_up(folder)`: it gets a device id, an Ed25519 signing key and the first
sync key, and every record is marked so its first export carries the whole vault. A second
device is paired through the folder (formats/pairing.py): it writes a request, a paired device
`accept`s it once the rep has compared the code, and the new device joins with the answer
(Vault.join): a new vault of its own (its own passphrase and key slots) with the same vault id and
master key, filled by applying the other devices' change sets.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from casevault.core.errors import UsageError
from casevault.crypto import keys, signing
from casevault.formats import changeset, pairing
from casevault.store import sync_batch as batched
from casevault.store import sync_merge as merge_rows
from casevault.store import sync_rows as rows
from casevault.vault.session import Session
from casevault.vault.sync.compaction import Compaction, CompactReport
from casevault.vault.sync.engine import SyncEngine
from casevault.vault.sync.folder import PairingFiles, SyncFolder
from casevault.vault.sync.snapshot import SnapshotReader, write_snapshot
from casevault.vault.sync.working import SyncReport

__all__ = [
    "CompactReport",
    "ConflictVersion",
    "DeviceStatus",
    "Sync",
    "SyncConflict",
    "SyncReport",
    "SyncStatus",
    "Waiting",
    "answer_for",
    "snapshot_ready",
    "start_joining",
]


@dataclass(frozen=True)
class DeviceStatus:
    device_id: str
    label: str
    added_at: datetime
    last_sequence: int


@dataclass(frozen=True)
class SyncStatus:
    device_id: str
    folder: str
    written: int  # change sets this device has written
    unsent: int  # records changed here since the last export
    conflicts: int  # fields with versions kept for the rep
    devices: tuple[DeviceStatus, ...]
    last_synced: datetime | None = None  # the end of this device's last sync, if any


@dataclass(frozen=True)
class ConflictVersion:
    stamp_ms: int  # when it was written (the writer's clock), for the rep to tell them apart
    device: str  # the device that wrote it
    value: object
    shown: bool  # the version the vault shows now


@dataclass(frozen=True)
class SyncConflict:
    """A free-text field two devices changed apart: every version, for the rep to choose one."""

    tbl: str
    pk: str
    field: str
    ref: str  # the case's reference ("" for a record of no case)
    versions: tuple[ConflictVersion, ...]  # newest first


@dataclass(frozen=True)
class Waiting:
    """A new device's side of pairing, until the answer comes: its request and its secrets
    (held in memory by the process that waits, never written)."""

    request: pairing.Request
    identity: str
    signing_secret: bytes
    folder: Path

    def code(self, answer: pairing.Answer) -> str:
        return pairing.code(self.request, answer.inviter.signing_public)


class Sync:
    """Sync over the Session; `finish_purges` as for SyncEngine."""

    def __init__(self, session: Session, *, finish_purges: Callable[[], None]) -> None:
        self._s = session
        self._engine = SyncEngine(session, finish_purges=finish_purges)
        self._compaction = Compaction(session, self._engine.folder)

    def set_up(self, folder: Path, label: str = "this device") -> str:
        """Make this vault the first device of a sync folder; returns this device's id."""
        db = self._s.db
        if rows.get_self(db) is not None:
            raise UsageError("This vault is set up for sync already; `casevault sync status` shows where.")
        device = os.urandom(16).hex()
        pairing.clean_label(label)
        sync_key = keys.random_key()
        identity, _recipient = pairing.new_identity()
        with db.transaction():
            rows.set_up_self(db, device, signing.new_secret(), str(folder.resolve()), box_identity=identity)
            rows.add_key(db, changeset.key_id(sync_key), sync_key, self._s.now())
            rows.mark_all_dirty(db)
        SyncFolder(folder, device).make_own_dir()
        return device

    def sync_now(self, *, compact: bool = False) -> SyncReport:
        """Send what changed here, take in what the other devices sent, send what taking it in
        asks to go out again (a record a deletion from elsewhere lost to), and say how far this
        device has read; with `compact` (the window's timer), compact after."""
        report = SyncReport()
        self._engine.export(report)
        self._engine.apply(report)
        self._engine.export(report)
        self._compaction.write_progress()
        if compact:
            report.freed = self._compaction.compact().freed
        return report

    def compact(self) -> CompactReport:
        """Remove from the folder this device's files every paired device has read
        (vault/sync/compaction.py)."""
        self._engine.folder()  # UsageError when this vault does not sync
        return self._compaction.compact()

    def watched_folder(self) -> tuple[Path, str] | None:
        """One row read: the sync folder and this device's id, for the window to watch the other
        devices' folders (None: this vault does not sync)."""
        me = rows.get_self(self._s.db)
        return None if me is None or me.folder is None else (Path(me.folder), me.device_id)

    def status(self) -> SyncStatus:
        db = self._s.db
        me = rows.get_self(db)
        if me is None:
            raise UsageError("This vault is not set up for sync; run `casevault sync init` first.")
        listed = tuple(
            DeviceStatus(d.device_id, d.label, d.added_at, d.last_sequence) for d in rows.devices(db)
        )
        written = SyncFolder(Path(me.folder), me.device_id).progress_time() if me.folder else None
        return SyncStatus(
            me.device_id,
            me.folder or "",
            me.sequence,
            batched.dirty_count(db),
            batched.conflict_count(db),
            listed,
            None if written is None else datetime.fromtimestamp(written, UTC),
        )

    # ---- conflicts ------------------------------------------------------------------------

    def conflicts(self) -> list[SyncConflict]:
        """Every field with versions kept beside the one shown, by case reference."""
        db = self._s.db
        grouped: dict[tuple[str, str, str], list[rows.KeptVersion]] = {}
        for version in rows.conflicts(db):
            grouped.setdefault((version.tbl, version.pk, version.field), []).append(version)
        found = []
        for (tbl, pk, field), kept in grouped.items():
            record = rows.read_record(db, tbl, pk)
            stamp = rows.field_stamp(db, tbl, pk, field)
            if record is None or stamp is None:
                continue
            case = pk if tbl in ("cases", "first_meetings") else str(record.get("case_id") or "")
            ref = self._s.ref_of(case) if case else ""
            versions = [ConflictVersion(stamp.wall_ms, stamp.device, record.get(field), True)]
            versions += [ConflictVersion(k.stamp.wall_ms, k.stamp.device, k.value, False) for k in kept]
            versions.sort(key=lambda v: v.stamp_ms, reverse=True)
            found.append(SyncConflict(tbl, pk, field, ref, tuple(versions)))
        return sorted(found, key=lambda c: (c.ref, c.tbl, c.field, c.pk))

    def resolve(self, conflict: SyncConflict, chosen: ConflictVersion) -> None:
        """Keep `chosen` for the field and write the choice to the sync folder at once: it has
        seen every version, so it ends the conflict on each device that takes it in."""
        db = self._s.db
        if chosen not in conflict.versions:
            raise UsageError("That version is not one of this conflict's.")
        case = conflict.pk if conflict.tbl in ("cases", "first_meetings") else ""
        with db.transaction():
            rows.write_record(db, conflict.tbl, conflict.pk, {conflict.field: chosen.value})
            if not case:
                record = rows.read_record(db, conflict.tbl, conflict.pk) or {}
                case = str(record.get("case_id") or "")
            merge_rows.send_field_again(db, conflict.tbl, conflict.pk, conflict.field, case)
            self._s.audit("sync.conflict-resolved", conflict.ref)
        # Sent at once: the export takes every kept version as seen, and then lets them go.
        self._engine.export(SyncReport())

    # ---- pairing ----------------------------------------------------------------------------

    def requests(self) -> list[tuple[pairing.Request, str]]:
        """The pairing requests waiting in the folder, each with the code its device shows."""
        me = self._engine.folder()
        files = PairingFiles(me.root)
        own = signing.public_key(self._self_secret())
        known = {d.device_id for d in rows.devices(self._s.db, removed=True)} | {me.device}
        found = []
        for device in files.waiting(pairing.REQUEST_SUFFIX):
            data = files.read(device, pairing.REQUEST_SUFFIX, pairing.MAX_REQUEST + 1)
            if data is None or device in known:
                continue
            try:
                request = pairing.parse_request(data)
            except pairing.PairingError:
                continue
            if request.device == device:
                found.append((request, pairing.code(request, own)))
        return found

    def accept(self, request: pairing.Request) -> None:
        """Pair the requesting device (the rep has compared the code): it is added here and the
        answer written for it."""
        db = self._s.db
        self._engine.export(SyncReport())  # every field stamped, for the snapshot
        folder = self._engine.folder()
        write_snapshot(self._s, folder, request.device)  # before the answer that sends it on
        me = rows.get_self(db)
        assert me is not None
        held = rows.sync_keys(db)
        answer = pairing.Answer(
            self._s.vault_id,
            self._s.master(),
            tuple(k.sync_key for k in sorted(held, key=lambda k: k.retired_at is not None)),
            (
                pairing.PairedDevice(
                    me.device_id, signing.public_key(me.signing_key), "inviter", self._own_recipient()
                ),
                *(
                    pairing.PairedDevice(d.device_id, d.public_key, d.label, d.box_recipient)
                    for d in rows.devices(db)
                    if d.box_recipient is not None
                ),
            ),
        )
        with db.transaction():
            rows.add_device(
                db,
                request.device,
                request.signing_public,
                request.label,
                self._s.now(),
                box_recipient=request.recipient,
            )
            merge_rows.mark_announce(db, request.device)
            PairingFiles(folder.root).write(
                request.device, pairing.ANSWER_SUFFIX, pairing.seal_answer(answer, request, me.signing_key)
            )

    def become_joined(self, waiting: Waiting, answer: pairing.Answer) -> None:
        """A new vault made with the answer's vault id and master key (Vault.join) becomes this
        device: its identity from the request, the sync keys, the devices paired before, and the
        inviter's snapshot (UsageError while it has not all arrived: see snapshot_ready)."""
        db = self._s.db
        now = self._s.now()
        with db.transaction():
            rows.set_up_self(
                db,
                waiting.request.device,
                waiting.signing_secret,
                str(waiting.folder.resolve()),
                box_identity=waiting.identity,
            )
            for position, key in enumerate(answer.sync_keys):
                rows.add_key(db, changeset.key_id(key), key, now)
                if position:  # held to read what was written before a rotation, never to write
                    rows.retire_key(db, changeset.key_id(key), now)
            for paired in answer.devices:
                rows.add_device(
                    db,
                    paired.device,
                    paired.signing_public,
                    paired.label,
                    now,
                    box_recipient=paired.recipient,
                )
            _snapshot_reader(waiting, answer).take(self._s)
        SyncFolder(waiting.folder, waiting.request.device).make_own_dir()
        PairingFiles(waiting.folder).remove(waiting.request.device)

    def remove_device(self, device: str) -> int:
        """Stop syncing with `device`: its change sets are refused from now on, and a new sync key
        goes to every device that stays, each as a file only it can open, so the removed device
        cannot read anything written after this. Returns how many devices were sent the key.
        (It keeps what it had, the vault master key included: for a lost or stolen device, also
        move the cases to a new vault.)"""
        db = self._s.db
        me = rows.get_self(db)
        gone = rows.device(db, device) if me is not None else None
        if me is None or gone is None or gone.removed_at is not None:
            raise UsageError(f"No paired device {device} to remove; `casevault sync devices` lists them.")
        folder = self._engine.folder()
        new_key = keys.random_key()
        key_id = changeset.key_id(new_key)
        now = self._s.now()
        staying = [d for d in rows.devices(db) if d.device_id != device and d.box_recipient is not None]
        with db.transaction():
            rows.remove_device(db, device, now)
            for held in rows.sync_keys(db):
                rows.retire_key(db, held.key_id, now)
            rows.add_key(db, key_id, new_key, now)
            merge_rows.mark_announce(db, device)  # the others learn of the removal from us
            for other in staying:
                assert other.box_recipient is not None
                sealed = pairing.seal_sync_key(
                    new_key,
                    sender=me.device_id,
                    sender_secret=me.signing_key,
                    to_device=other.device_id,
                    recipient=other.box_recipient,
                )
                folder.write_key_file(other.device_id, key_id, sealed)
        return len(staying)

    def _own_recipient(self) -> str:
        me = rows.get_self(self._s.db)
        assert me is not None and me.box_identity is not None
        return pairing.recipient_of(me.box_identity)

    def _self_secret(self) -> bytes:
        me = rows.get_self(self._s.db)
        assert me is not None
        return me.signing_key


def start_joining(folder: Path, label: str) -> Waiting:
    """The new device's first step: its request, written to the folder."""
    device = os.urandom(16).hex()
    secret = signing.new_secret()
    request, identity = pairing.new_request(device, signing.public_key(secret), label)
    PairingFiles(folder).write(device, pairing.REQUEST_SUFFIX, request.to_bytes())
    return Waiting(request, identity, secret, folder)


def _snapshot_reader(waiting: Waiting, answer: pairing.Answer) -> SnapshotReader:
    return SnapshotReader(
        SyncFolder(waiting.folder, waiting.request.device),
        inviter=answer.inviter.device,
        inviter_public=answer.inviter.signing_public,
        vault_id=answer.vault_id,
        sync_keys=list(answer.sync_keys),
    )


def snapshot_ready(waiting: Waiting, answer: pairing.Answer) -> bool:
    """Whether the inviter's snapshot and its attachments have all arrived (SnapshotRefusedError
    for a part that does not verify)."""
    try:
        _snapshot_reader(waiting, answer).check()
    except UsageError:
        return False
    return True


def answer_for(waiting: Waiting) -> pairing.Answer | None:
    """The answer to our request once it has arrived (PairingError if it is not a true one)."""
    files = PairingFiles(waiting.folder)
    data = files.read(waiting.request.device, pairing.ANSWER_SUFFIX, pairing.MAX_ANSWER + 1)
    return None if data is None else pairing.open_answer(data, waiting.request, waiting.identity)
