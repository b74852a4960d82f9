"""Sync (issue 20): this device's changes out to the shared folder, the other devices' in.

`export` turns the rows marked changed (store/sync_rows.py; schema 16's triggers mark them) into
change sets of this device (formats/changeset.py) and copies new attachments beside them.
`apply` reads each paired device's change sets in order, verifies each whole before a byte of it
is used, and merges its records into this vault by the rules of casework/merge.py:
- last writer wins per field, by hybrid-logical-clock stamp (core/hlc.py);
- a free-text field two devices changed without seeing each other keeps the other version in
  `sync_conflicts` for the rep (the field shows the newest);
- a deletion wins over every write stamped at or before it; a later write, made without seeing
  it, brings the record back (the device that kept it sends it whole again);
- a purge (the write of a case's `deletions` record) erases the case here as a local purge does,
  and every later record of that case is dropped.

Each step commits or rolls back as a whole: a change set is written to the folder inside the
transaction that clears its marks (a crash between the two leaves a file the next export adopts,
since it verifies and follows this device's chain), and a change set is applied in the
transaction that records it as read. A refused change set is named in one sentence and that
device's chain waits there; the other devices go on.

With three or more devices, an older version of free text that the newest writer had already
seen can be offered once more as a conflict (what a writer saw is kept only for the version a
device holds): nothing is lost, and the rep's choice ends it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from casevault.casework import sync_records
from casevault.casework.merge import Delete, Key, Write
from casevault.casework.sync_records import Announce
from casevault.core import hlc
from casevault.core.errors import CasevaultError, UsageError
from casevault.core.hlc import HybridClock, Timestamp
from casevault.formats import changeset, pairing
from casevault.store import cases as case_rows
from casevault.store import sync_batch as batched
from casevault.store import sync_index
from casevault.store import sync_merge as merge_rows
from casevault.store import sync_rows as rows
from casevault.vault.session import Session
from casevault.vault.sync.folder import SyncFolder
from casevault.vault.sync.working import Batch, Known, Op, SyncReport, by_table

log = logging.getLogger(__name__)


BATCH = 2000  # records a change set holds at most (about 4 MiB of notes: under MAX_FILE)
RENAMED_ISSUE_STEP = 1_000_000  # a colliding issue moves this far down its list


class SyncEngine:
    """Export and apply over the Session. `finish_purges` rebuilds what a purge leaves in page
    space (Retention.finish_purges); `remove_case_files` unlinks a purged case's blobs."""

    def __init__(self, session: Session, *, finish_purges: Callable[[], None]) -> None:
        self._s = session
        self._finish_purges = finish_purges

    # ---- shared state -----------------------------------------------------------------------

    def _self(self) -> rows.SelfState:
        me = rows.get_self(self._s.db)
        if me is None:
            raise UsageError("This vault is not set up for sync; run `casevault sync init` first.")
        if me.folder is None:
            raise UsageError(
                "This vault has no sync folder; give one with `casevault sync init --folder DIR`."
            )
        return me

    def folder(self) -> SyncFolder:
        me = self._self()
        assert me.folder is not None
        return SyncFolder(Path(me.folder), me.device_id)

    def _now_ms(self) -> int:
        return hlc.millis(self._s.now())

    # ---- export -----------------------------------------------------------------------------

    def export(self, report: SyncReport) -> None:
        """Write every marked change into change sets of this device."""
        self._adopt_crashed(report)
        while self._export_batch(report):
            pass

    def _adopt_crashed(self, report: SyncReport) -> None:
        """A change set of ours past the last one recorded: written, and the crash came before
        its commit. It verifies and follows our chain, so it stands; its records go again in the
        next one (a later stamp from the same device replaces them, so nothing doubles)."""
        me = self._self()
        folder = self.folder()
        own = {me.device_id: _public_key(me.signing_key)}
        while True:
            data = folder.read_changeset(me.device_id, me.sequence + 1)
            if data is None:
                return
            try:
                found = changeset.read_changeset(
                    data,
                    expected_device=me.device_id,
                    expected_sequence_after=me.sequence,
                    expected_previous=me.last_digest or changeset.GENESIS,
                    known_devices=own,
                    sync_key=[k.sync_key for k in rows.sync_keys(self._s.db)],
                    vault_id=self._s.vault_id,
                )
            except changeset.ChangeSetRefusedError as err:
                # Not ours to build on: a later change set replaces it.
                report.refused.append(err.message)
                folder.remove_changeset(me.sequence + 1)
                return
            with self._s.db.transaction():
                rows.wrote_changeset(
                    self._s.db, found.sequence, found.digest, max(found.clock, me.clock or found.clock)
                )
            me = self._self()

    def _export_batch(self, report: SyncReport) -> bool:
        db = self._s.db
        with db.transaction():
            me = self._self()
            key = rows.current_key(db)
            if key is None:
                raise UsageError("This vault holds no sync key; pair it again.")
            marked = batched.dirty_in_order(db, BATCH)
            if not marked:
                return False
            batch = Batch(HybridClock(me.device_id, me.clock), self._now_ms(), batched.kept_by_field(db))
            for tbl, marks in by_table(marked):
                self._add_table(batch, tbl, marks)
            batched.clear_dirty_many(db, [(m.tbl, m.pk) for m in marked])
            purged = [m.pk for m in marked if m.tbl == "deletions"]
            if not batch.records:
                return True
            self._copy_blobs(batch.blobs, report)
            sequence = me.sequence + 1
            last = batch.clock.last
            assert last is not None
            data = changeset.write_changeset(
                vault_id=self._s.vault_id,
                device=me.device_id,
                sequence=sequence,
                previous=me.last_digest or changeset.GENESIS,
                clock=last,
                records=batch.records,
                sync_key=key.sync_key,
                signing_secret=me.signing_key,
            )
            batched.record_versions_many(
                db,
                (
                    (tbl, pk, name, stamp, current[name])
                    for tbl, pk, stamps, current in batch.versions
                    for name, stamp in stamps.items()
                ),
            )
            for tbl, pk, stamps, _current in batch.versions:
                for name in stamps:
                    if (tbl, pk, name) in batch.kept:
                        rows.clear_conflict(db, tbl, pk, name)  # this edit saw every kept version
            rows.wrote_changeset(db, sequence, changeset.digest(data), last)
            # Last, inside the transaction: a crash before the commit leaves a file that
            # _adopt_crashed takes up, never a commit with no file.
            self.folder().write_changeset(sequence, data)
        for case_id in purged:  # a purge here: this device's copies of its files go too
            self.folder().remove_case_blobs(case_id)
        report.written += 1
        report.sent += len(batch.records)
        return True

    def _add_table(self, batch: Batch, tbl: str, marks: list[rows.Dirty]) -> None:
        """The records for one table's marked changes that still say something new."""
        db = self._s.db
        if tbl == sync_records.ANNOUNCE_TABLE:
            for mark in marks:
                paired = rows.device(db, mark.pk)
                if paired is not None:
                    announce = Announce(
                        paired.device_id,
                        paired.public_key,
                        paired.label,
                        batch.tick(),
                        paired.box_recipient or "",
                        removed=paired.removed_at is not None,
                    )
                    batch.records.append(sync_records.announce_record(announce))
            return
        pks = [m.pk for m in marks]
        records = batched.read_records(db, tbl, pks)
        versions = batched.versions_of(db, tbl, pks)
        tombs = batched.tombstones_of(db, tbl, pks)
        for mark in marks:
            ref = Key(mark.tbl, mark.pk, mark.case)
            current = records.get(mark.pk)
            known = versions.get(mark.pk, {})
            if current is None:
                # Gone: a tombstone, unless it never went out and one was sent already.
                if known or mark.pk not in tombs:
                    stamp = batch.tick()
                    rows.put_tombstone(db, mark.tbl, mark.pk, mark.case, stamp)
                    batch.records.append(sync_records.delete_record(ref, stamp))
                continue
            changed = {
                n: v for n, v in current.items() if known.get(n, (None, b""))[1] != sync_records.digest(v)
            }
            if not changed:
                continue
            stamp = batch.tick()
            # The versions this edit replaces: the one held and any kept beside it.
            seen = {
                name: {k.stamp for k in batch.kept.get((tbl, mark.pk, name), [])}
                | ({known[name][0]} if name in known else set())
                for name in changed
            }
            batch.records.append(sync_records.write_record(ref, stamp, changed, seen))
            batch.versions.append((mark.tbl, mark.pk, dict.fromkeys(changed, stamp), current))
            if mark.tbl == "attachments":
                batch.blobs.append((str(current["case_id"]), mark.pk))

    def _copy_blobs(self, blobs: Iterable[tuple[str, str]], report: SyncReport) -> None:
        folder = self.folder()
        for case_id, file_id in blobs:
            source = self._s.paths.blob(case_id, file_id)
            if source.exists() and folder.put_file(folder.blob_path(folder.device, case_id, file_id), source):
                report.files += 1

    # ---- apply ------------------------------------------------------------------------------

    def apply(self, report: SyncReport) -> None:
        """Apply every paired device's change sets that have arrived, in each device's order."""
        folder = self.folder()
        self._take_keys(folder, report)
        touched: set[str] = set()
        applied: set[str] = set()
        while pending := [d for d in rows.devices(self._s.db) if d.device_id not in applied]:
            for other in pending:  # a device announced on the way is read in the next round
                applied.add(other.device_id)
                while self._apply_next(folder, other.device_id, report, touched):
                    pass
        if touched:
            sync_index.reindex_cases(self._s.db, touched)
        # Only now: what was just read may have announced a device new here.
        known = {d.device_id for d in rows.devices(self._s.db, removed=True)} | {folder.device}
        for stranger in folder.devices():
            if stranger not in known and folder.sequences(stranger):
                report.refused.append(
                    f"Device {stranger[:8]} in the sync folder is not paired with this vault, so its "
                    "change sets were not read."
                )

    def _apply_next(self, folder: SyncFolder, device: str, report: SyncReport, touched: set[str]) -> bool:
        """Apply the device's next change set; False when there is none to apply (yet)."""
        db = self._s.db
        read = self._read_next(folder, device, report)
        if read is None:
            return False
        found, ops = read
        missing = self._take_blobs(folder, device, ops, report)
        if missing:
            report.waiting.append(
                f"Change set {found.sequence} from device {device[:8]} waits for {missing} attachment "
                "file(s) still on their way."
            )
            return False
        me = self._self()
        clock = HybridClock(me.device_id, me.clock)
        try:
            clock.receive(found.clock, self._now_ms())
        except hlc.ClockAheadError as err:
            report.waiting.append(err.message)
            return False
        try:
            with db.transaction(), rows.applying(db):
                purged = self._apply_ops(ops, me.device_id, touched)
                assert clock.last is not None
                rows.set_clock(db, clock.last)
                rows.read_from(db, device, found.sequence, found.digest)
        except CasevaultError:
            raise  # the disk is full, the vault is locked: nothing to do with this change set
        except Exception as err:  # its records break a rule of this vault's schema
            log.warning("sync.apply-failed %s %s %s", device, found.sequence, type(err).__name__)
            report.refused.append(
                f"Change set {found.sequence} from device {device[:8]} could not be applied here "
                "(its records do not fit this vault), so it was left for later."
            )
            return False
        touched.difference_update(purged)
        if purged:
            self._finish_purges()
            for case_id in purged:
                self._s.blobs.remove_case(case_id)
                folder.remove_case_blobs(case_id)
            report.purged += len(purged)
        report.applied += 1
        report.received += len(ops)
        return True

    def _take_keys(self, folder: SyncFolder, report: SyncReport) -> None:
        """A sync key another device made when it removed one, sent to this device: held from now
        on, and written under, so the removed device cannot read what this one writes next."""
        db = self._s.db
        me = self._self()
        if me.box_identity is None:
            return
        held = {k.key_id for k in rows.sync_keys(db)}
        for sender, data in folder.key_files_for_me():
            paired = rows.device(db, sender)
            if paired is None or paired.removed_at is not None:
                continue
            try:
                key = pairing.open_sync_key(
                    data,
                    identity=me.box_identity,
                    me=me.device_id,
                    sender=sender,
                    sender_public=paired.public_key,
                )
            except pairing.PairingError as err:
                report.refused.append(f"A sync key file from device {sender[:8]}: {err}")
                continue
            key_id = changeset.key_id(key)
            if key_id in held:
                continue
            now = self._s.now()
            with db.transaction():
                for old in rows.sync_keys(db):
                    rows.retire_key(db, old.key_id, now)
                rows.add_key(db, key_id, key, now)
            held.add(key_id)

    def _read_next(
        self, folder: SyncFolder, device: str, report: SyncReport
    ) -> tuple[changeset.ChangeSet, list[Op]] | None:
        """The device's next change set, verified, and its records; None when it has not arrived
        or is refused (the refusal is in the report)."""
        db = self._s.db
        other = rows.device(db, device)
        assert other is not None
        data = folder.read_changeset(device, other.last_sequence + 1)
        if data is None:
            if any(n > other.last_sequence + 1 for n in folder.sequences(device)):
                report.waiting.append(
                    f"Change set {other.last_sequence + 1} from device {device[:8]} has not arrived, "
                    "though later ones have; they wait for it."
                )
            return None
        try:
            found = changeset.read_changeset(
                data,
                expected_device=device,
                expected_sequence_after=other.last_sequence,
                expected_previous=other.last_digest or changeset.GENESIS,
                known_devices={d.device_id: d.public_key for d in rows.devices(db)},
                sync_key=[k.sync_key for k in rows.sync_keys(db)],
                vault_id=self._s.vault_id,
            )
            return found, [sync_records.parse_op(r, device, found.clock) for r in found.records]
        except changeset.ChangeSetRefusedError as err:
            (report.waiting if err.reason == changeset.GAP else report.refused).append(err.message)
        except ValueError:
            report.refused.append(
                f"Change set {other.last_sequence + 1} from device {device[:8]} holds a record this vault "
                "cannot take, so it was not applied."
            )
        return None

    def _apply_ops(self, ops: list[Op], own_device: str, touched: set[str]) -> list[str]:
        """Merge the records in; the cases purged by them."""
        db = self._s.db
        purged: list[str] = []
        known = Known.load(db, ops)
        for op in _ordered(ops):
            if not isinstance(op, Write) or op.key.kind not in known.inserts:
                self._insert_pending(known)  # a table's new rows before the next table's records
            if isinstance(op, Announce):
                paired = rows.device(db, op.device)
                if op.device == own_device:
                    continue
                if op.removed:
                    if paired is not None:
                        rows.remove_device(db, op.device, self._s.now())
                elif paired is None:
                    rows.add_device(
                        db, op.device, op.public_key, op.label, self._s.now(), box_recipient=op.box or None
                    )
            elif isinstance(op, Delete):
                self._apply_delete(op, known, touched)
            elif op.key.kind == "deletions":
                if self._apply_purge(op):
                    purged.append(op.key.id)
            else:
                self._apply_write(op, known, touched)
        self._insert_pending(known)
        batched.record_versions_many(db, known.new_versions)
        return purged

    def _take_blobs(self, folder: SyncFolder, device: str, ops: list[Op], report: SyncReport) -> int:
        """Copy in the attachments the change set's records name; how many have not arrived."""
        missing = 0
        for op in ops:
            if not (isinstance(op, Write) and op.key.kind == "attachments" and "case_id" in op.fields):
                continue
            case_id = str(op.fields["case_id"])
            target = self._s.paths.blob(case_id, op.key.id)
            if target.exists() or rows.purged_stamp(self._s.db, case_id) is not None:
                continue
            try:
                source = folder.blob_path(device, case_id, op.key.id)
            except ValueError:
                continue  # not an id: parse_op's checks refuse the record itself
            if folder.take_file(source, target):
                report.files += 1
            else:
                missing += 1
        return missing

    def _apply_write(self, op: Write, known: Known, touched: set[str]) -> None:
        db = self._s.db
        tbl, pk = op.key.kind, op.key.id
        if op.key.case and op.key.case in known.purged:
            return
        current = known.records.get((tbl, pk))
        stamps = known.stamps.get((tbl, pk), {})
        deleted = known.tombstones.get((tbl, pk))
        if current is None and deleted is not None and op.at <= deleted:
            return  # deleted after this write was made
        if current is None and not merge_rows.is_whole(db, tbl, op.fields):
            # A change to a record deleted here: the device that kept it sends it whole (it
            # marks it so when this device's deletion reaches it), and that brings it back.
            return
        winners = self._merge_fields(op, current, stamps, known)
        if not winners:
            return
        if current is None and deleted is not None:
            rows.drop_tombstone(db, tbl, pk)
        winners = self._settle_unique(tbl, pk, winners, op)
        if current is None and tbl not in ("cases", "case_issues"):  # those two settle against the rows
            known.inserts.setdefault(tbl, []).append((pk, winners))
        else:
            rows.write_record(db, tbl, pk, winners)
        # The version is the value as written (a moved reference goes out again from here).
        known.new_versions += [(tbl, pk, name, op.at, op.fields[name]) for name in winners]
        if op.key.case:
            touched.add(op.key.case)

    def _merge_fields(
        self, op: Write, current: dict[str, Any] | None, stamps: dict[str, Timestamp], known: Known
    ) -> dict[str, Any]:
        """The fields of `op` that win here (last writer by stamp); free text two devices changed
        apart keeps the version that is not shown, unless the two say the same."""
        db = self._s.db
        tbl, pk = op.key.kind, op.key.id
        free = sync_records.table(tbl).free_text
        winners: dict[str, Any] = {}
        for name, value in op.fields.items():
            held = stamps.get(name)
            seen = op.seen.get(name, frozenset())
            for kept in known.kept.get((tbl, pk, name), []):
                if kept.stamp in seen:
                    merge_rows.drop_conflict_version(db, tbl, pk, name, kept.stamp)
            shown = None if current is None else current.get(name)
            differs = name in free and current is not None and held is not None and shown != value
            if held is None or op.at > held:
                if differs and held is not None and _concurrent(held, op.at, seen):
                    rows.put_conflict(db, tbl, pk, name, stamp=held, value=shown)
                winners[name] = value
            elif differs and _concurrent(op.at, held, frozenset()):
                rows.put_conflict(db, tbl, pk, name, stamp=op.at, value=value)
        return winners

    def _insert_pending(self, known: Known) -> None:
        for tbl, records in known.inserts.items():
            batched.insert_records(self._s.db, tbl, records)
        known.inserts.clear()

    def _settle_unique(self, tbl: str, pk: str, fields: dict[str, Any], op: Write) -> dict[str, Any]:
        """Two devices can give out the same case reference (each counts its own) or the same
        place in a case's list of issues: the record with the greater id moves, on every device
        alike, so all of them end with the same values."""
        db = self._s.db
        if tbl == "cases" and "ref" in fields:
            ref = str(fields["ref"])
            holder = merge_rows.case_with_ref(db, ref)
            if holder is not None and holder != pk:
                if pk > holder:
                    return {**fields, "ref": f"{ref}-{pk[:4].upper()}"}
                merge_rows.set_case_ref(db, holder, f"{ref}-{holder[:4].upper()}")
        if tbl == "case_issues" and "position" in fields:
            case_id = str(fields.get("case_id") or merge_rows.case_of_issue(db, pk) or "")
            position = int(fields["position"])
            holder = merge_rows.issue_at(db, case_id, position)
            while holder is not None and holder != pk:
                if pk > holder:
                    position += RENAMED_ISSUE_STEP
                    fields = {**fields, "position": position}
                    holder = merge_rows.issue_at(db, case_id, position)
                else:
                    free_place = position + RENAMED_ISSUE_STEP
                    while merge_rows.issue_at(db, case_id, free_place) is not None:
                        free_place += RENAMED_ISSUE_STEP
                    merge_rows.set_issue_position(db, holder, free_place)
                    holder = None
        return fields

    def _apply_delete(self, op: Delete, known: Known, touched: set[str]) -> None:
        db = self._s.db
        tbl, pk = op.key.kind, op.key.id
        stamps = known.stamps.get((tbl, pk), {})
        if stamps and max(stamps.values()) > op.at:
            # Written here after the deletion was made: the record stays, and goes out whole
            # again so the deleting device can bring it back.
            merge_rows.mark_for_resend(db, tbl, pk, op.key.case)
            return
        rows.put_tombstone(db, tbl, pk, op.key.case, op.at)
        rows.delete_record(db, tbl, pk)
        if op.key.case:
            touched.add(op.key.case)

    def _apply_purge(self, op: Write) -> bool:
        """Another device purged the case: erase it here as a local purge does; True when there
        was a case to erase."""
        db = self._s.db
        case_id = op.key.id
        rows.put_purged(db, case_id, op.at)
        summary = case_rows.get_summary(db, case_id)
        if summary is not None:
            case_rows.erase_case(db, summary, self._s.now())
            self._s.audit("case.deleted", summary.ref, now=self._s.now())
        rows.write_record(db, "deletions", case_id, op.fields)
        return summary is not None


def _concurrent(older: Timestamp, newer: Timestamp, seen: frozenset[Timestamp]) -> bool:
    """Two versions neither writer saw the other of (a device always saw its own earlier ones)."""
    return older.device != newer.device and older not in seen


def _ordered(ops: Iterable[Op]) -> list[Op]:
    """Devices first, then deletions children first, then writes parents first
    (sync_records.TABLES order), so a foreign key always finds its row."""
    order = {t.name: i for i, t in enumerate(sync_records.TABLES)}
    listed = list(ops)
    devices = [o for o in listed if isinstance(o, Announce)]
    deletes = sorted((o for o in listed if isinstance(o, Delete)), key=lambda o: -order[o.key.kind])
    writes = sorted((o for o in listed if isinstance(o, Write)), key=lambda o: order[o.key.kind])
    return [*devices, *deletes, *writes]


def _public_key(secret: bytes) -> bytes:
    from casevault.crypto import signing  # noqa: PLC0415 - only when a crashed export is checked

    return signing.public_key(secret)
