"""The snapshot a device writes for a device it pairs (issue 20), so the new device starts from
the inviter's whole synced state instead of every change set since the folder began (which
compaction removes: vault/sync/compaction.py).

The inviter writes it, before its answer, to `devices/<inviter>/snapshots/<joiner>/`: parts of
the change-set format (kind SNAPSHOT), numbered and chained from 1, signed by the inviter and
under the current sync key, the last ending in an "end" record (casework/sync_snapshot.py holds
the records). Each row carries the stamp of each field, whichever device wrote it, and the
parts end with the inviter's read positions, its own last change set among them: the new device
reads each chain on from there. The attachments go beside it as the change sets' do.

The new device takes it in one transaction while it joins (Vault.join): every part verified
first, then the rows written with their versions, deletions, purges and kept conflict versions,
with capture off (it sends none of it back), and every case indexed for search.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from casevault.casework import sync_records, sync_snapshot
from casevault.casework.sync_snapshot import End, Kept, Purged, ReadTo, Row, Tomb
from casevault.core import hlc
from casevault.core.errors import DamagedError, UsageError
from casevault.core.hlc import HybridClock, Timestamp
from casevault.formats import changeset
from casevault.store import sync_batch as batched
from casevault.store import sync_index
from casevault.store import sync_rows as rows
from casevault.vault.session import Session
from casevault.vault.sync.folder import SyncFolder

PART = 2000  # records a part holds at most, as a change set (engine.BATCH)
_CHUNK = 500  # records read at a time


_REFUSED = {
    changeset.DAMAGED: "is damaged or cut short",
    changeset.FORGED: "does not carry that device's signature",
    changeset.WRONG_KEY: "is under a sync key the pairing answer did not give",
    changeset.TOO_LARGE: "is larger than a part may be",
}


class SnapshotRefusedError(DamagedError):
    """A snapshot part that does not verify, in one sentence (exit 4): the device does not join."""

    def __init__(self, inviter: str, part: int, reason: str) -> None:
        what = _REFUSED.get(reason, "is not a true part of the snapshot written for this device")
        super().__init__(
            f"Part {part} of the snapshot from device {inviter[:8]} {what}, so this device did not join."
        )
        self.reason = reason


@dataclass(frozen=True)
class Snapshot:
    """A verified snapshot's shape: how many parts, and the attachments it names."""

    parts: int
    blobs: tuple[tuple[str, str], ...]  # (case id, file id)


def write_snapshot(session: Session, folder: SyncFolder, joiner: str) -> int:
    """This device's synced state for `joiner`, with the attachments it names; the parts written."""
    db = session.db
    me = rows.get_self(db)
    key = rows.current_key(db)
    assert me is not None and key is not None
    clock = HybridClock(me.device_id, me.clock)
    now = hlc.millis(session.now())
    part = 0
    previous = changeset.GENESIS
    with db.transaction():  # one consistent read
        records: list[dict[str, object]] = []
        for record in _state(session, folder, me, joiner):
            records.append(record)
            if len(records) >= PART or record["op"] == "end":
                part += 1
                data = changeset.write_changeset(
                    vault_id=session.vault_id,
                    device=me.device_id,
                    sequence=part,
                    previous=previous,
                    clock=clock.tick(now),
                    records=records,
                    sync_key=key.sync_key,
                    signing_secret=me.signing_key,
                    kind=changeset.SNAPSHOT,
                )
                folder.write_snapshot_part(joiner, part, data)
                previous = changeset.digest(data)
                records = []
        assert clock.last is not None
        rows.set_clock(db, clock.last)
    return part


def _state(
    session: Session, folder: SyncFolder, me: rows.SelfState, joiner: str
) -> Iterator[dict[str, object]]:
    db = session.db
    for tbl in sync_records.TABLES:
        ids = rows.record_ids(db, tbl.name)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            records = batched.read_records(db, tbl.name, chunk)
            versions = batched.versions_of(db, tbl.name, chunk)
            for pk in chunk:
                fields = records.get(pk)
                if not fields:
                    continue
                stamps = {n: v[0] for n, v in versions.get(pk, {}).items() if n in fields}
                yield sync_snapshot.row_record(Row(tbl.name, pk, fields, stamps))
                if tbl.name == "attachments":
                    case_id = str(fields["case_id"])
                    source = session.paths.blob(case_id, pk)
                    if source.exists():
                        folder.put_file(folder.blob_path(me.device_id, case_id, pk), source)
    for tomb in rows.tombstones(db):
        yield sync_snapshot.tomb_record(Tomb(tomb.tbl, tomb.pk, tomb.case, tomb.stamp))
    for case, stamp in sorted(rows.purged(db).items()):
        yield sync_snapshot.purged_record(Purged(case, stamp))
    for kept in rows.conflicts(db):
        yield sync_snapshot.kept_record(Kept(kept.tbl, kept.pk, kept.field, kept.stamp, kept.value))
    if me.sequence and me.last_digest:
        yield sync_snapshot.read_record(ReadTo(me.device_id, me.sequence, me.last_digest))
    for other in rows.devices(db, removed=True):
        if other.last_sequence and other.last_digest:
            yield sync_snapshot.read_record(ReadTo(other.device_id, other.last_sequence, other.last_digest))
    yield sync_snapshot.end_record(End(joiner))


class SnapshotReader:
    """The new device's side: the snapshot its inviter wrote for it (`folder` is the new
    device's view), verified part by part with what the pairing answer gave."""

    def __init__(
        self,
        folder: SyncFolder,
        *,
        inviter: str,
        inviter_public: bytes,
        vault_id: str,
        sync_keys: list[bytes],
    ) -> None:
        self._folder = folder
        self._inviter = inviter
        self._public = inviter_public
        self._vault_id = vault_id
        self._keys = sync_keys

    def parts(self) -> Iterator[tuple[Timestamp, list[sync_snapshot.Item]]]:
        """Each part's clock and records, in order; UsageError while one has not arrived, and
        SnapshotRefusedError (exit 4) for one that does not verify."""
        previous = changeset.GENESIS
        part = 0
        ended = False
        while not ended:
            data = self._folder.read_snapshot_part(self._inviter, self._folder.device, part + 1)
            if data is None:
                raise UsageError(
                    f"The snapshot from device {self._inviter[:8]} has not all arrived yet "
                    f"({part} part(s) so far); try again when the folder has synced."
                )
            try:
                found = changeset.read_changeset(
                    data,
                    expected_device=self._inviter,
                    expected_sequence_after=part,
                    expected_previous=previous,
                    known_devices={self._inviter: self._public},
                    sync_key=self._keys,
                    vault_id=self._vault_id,
                    kind=changeset.SNAPSHOT,
                )
            except changeset.ChangeSetRefusedError as err:
                raise SnapshotRefusedError(self._inviter, part + 1, err.reason) from None
            try:
                items = [sync_snapshot.parse_item(r, found.clock) for r in found.records]
            except ValueError:
                raise SnapshotRefusedError(self._inviter, part + 1, changeset.MALFORMED) from None
            ended = any(isinstance(i, End) for i in items)
            last = items[-1] if items else None
            if ended and not (isinstance(last, End) and last.joiner == self._folder.device):
                raise SnapshotRefusedError(self._inviter, part + 1, changeset.MALFORMED)
            previous, part = found.digest, found.sequence
            yield found.clock, items

    def check(self) -> Snapshot:
        """Every part there and true, and every attachment it names arrived (UsageError if not)."""
        blobs: list[tuple[str, str]] = []
        count = 0
        for _clock, items in self.parts():
            count += 1
            blobs += _files(items)
        self._all_arrived(blobs)
        return Snapshot(count, tuple(blobs))

    def _all_arrived(self, blobs: list[tuple[str, str]]) -> None:
        missing = [b for b in blobs if not self._folder.blob_path(self._inviter, *b).is_file()]
        if missing:
            raise UsageError(
                f"{len(missing)} attachment file(s) of the snapshot from device {self._inviter[:8]} "
                "have not arrived yet; try again when the folder has synced."
            )

    def take(self, session: Session) -> int:
        """Write the snapshot into the new vault, in one pass over its parts and one transaction
        (the caller's, as it joins: UsageError or SnapshotRefusedError leave nothing of it);
        the records taken."""
        db = session.db
        taken = 0
        cases: set[str] = set()
        blobs: list[tuple[str, str]] = []
        me = rows.get_self(db)
        assert me is not None
        clock = HybridClock(me.device_id, me.clock)
        with db.transaction():
            with rows.applying(db):
                held = {t.name: set(rows.record_ids(db, t.name)) for t in sync_records.TABLES}
                for number, (part_clock, items) in enumerate(self.parts(), start=1):
                    clock.receive(part_clock, hlc.millis(session.now()))
                    try:
                        taken += _write(session, items, held, cases, me.device_id)
                    except ValueError:  # a record this vault's schema refuses (sync_rows' checks)
                        raise SnapshotRefusedError(self._inviter, number, changeset.MALFORMED) from None
                    blobs += _files(items)
                self._all_arrived(blobs)
                for case_id, file_id in blobs:
                    self._folder.take_file(
                        self._folder.blob_path(self._inviter, case_id, file_id),
                        session.paths.blob(case_id, file_id),
                    )
                assert clock.last is not None
                rows.set_clock(db, clock.last)
            sync_index.reindex_cases(db, cases)
        return taken


def _files(items: list[sync_snapshot.Item]) -> list[tuple[str, str]]:
    """The (case id, file id) of the attachments among a part's records."""
    return [(str(i.fields["case_id"]), i.pk) for i in items if isinstance(i, Row) and i.tbl == "attachments"]


def _write(
    session: Session, items: list[sync_snapshot.Item], held: dict[str, set[str]], cases: set[str], own: str
) -> int:
    db = session.db
    inserts: dict[str, list[tuple[str, dict[str, object]]]] = {}
    versions = []
    for item in items:
        if isinstance(item, Row):
            if item.pk in held[item.tbl]:
                rows.write_record(db, item.tbl, item.pk, item.fields)
            else:
                inserts.setdefault(item.tbl, []).append((item.pk, item.fields))
            versions += [(item.tbl, item.pk, n, s, item.fields[n]) for n, s in item.stamps.items()]
            case = item.pk if item.tbl == "cases" else str(item.fields.get("case_id") or "")
            if case:
                cases.add(case)
            continue
        for tbl, found in inserts.items():  # parents are in before anything refers to them
            batched.insert_records(db, tbl, found)
        inserts.clear()
        if isinstance(item, Tomb):
            rows.put_tombstone(db, item.tbl, item.pk, item.case, item.at)
        elif isinstance(item, Purged):
            rows.put_purged(db, item.case, item.at)
        elif isinstance(item, Kept):
            rows.put_conflict(db, item.tbl, item.pk, item.field, stamp=item.at, value=item.value)
        elif isinstance(item, ReadTo) and item.device != own:
            rows.read_from(db, item.device, item.sequence, item.digest)
    for tbl, found in inserts.items():
        batched.insert_records(db, tbl, found)
    batched.record_versions_many(db, versions)
    return len(items)
