"""SQL for sync (issue 20): the rows changed since the last export, records read and written by
table and id, each field's version, and this device's sync state (its own key and sequence, the
devices it reads, the sync keys, tombstones, purges and kept conflicts). Schema 16 makes the
tables and the capture triggers; casework/sync_records.py says which tables sync and how a row
becomes a record.

Table names come from sync_records.TABLES and column names from the table's own PRAGMA
table_info, so nothing from a change set is ever spliced into SQL: a record for another table,
or a field that is no column, is refused with ValueError.

An export runs `dirty`, `read_record`, `changed_fields`, `record_versions` and `clear_dirty` in
one transaction, so an edit made meanwhile cannot be cleared unexported.
"""

from __future__ import annotations

import contextlib
import json
import weakref
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from casevault.casework import sync_records
from casevault.casework.sync_records import Table
from casevault.core import hlc
from casevault.core.hlc import Timestamp
from casevault.store.db import Database
from casevault.store.timefmt import from_db, from_db_opt, to_db


class Dirty(NamedTuple):
    """A record changed here since the last export, and its case ("" for none): a deleted row's
    case cannot be read back, and the merge keys records by it."""

    tbl: str
    pk: str
    case: str


@dataclass(frozen=True)
class _Column:
    name: str
    declared: str
    pk: bool


_columns_cache: weakref.WeakKeyDictionary[Database, dict[str, dict[str, _Column]]] = (
    weakref.WeakKeyDictionary()
)


def _columns(db: Database, tbl: Table) -> dict[str, _Column]:
    """Every column of the table as the database has it (the schema only changes on open)."""
    known = _columns_cache.setdefault(db, {})
    if tbl.name not in known:
        rows = db.query("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", (tbl.name,))
        known[tbl.name] = {str(r[0]): _Column(str(r[0]), str(r[1]), int(r[2]) > 0) for r in rows}
    return known[tbl.name]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _fields(db: Database, tbl: Table) -> list[str]:
    """The columns that are a record's fields: neither its key nor derived."""
    return [c.name for c in _columns(db, tbl).values() if not c.pk and c.name not in tbl.derived]


def _where_pk(tbl: Table) -> str:
    return " AND ".join(f"{_quoted(c)} = ?" for c in tbl.pk)


# ---- what changed ---------------------------------------------------------------------------


def dirty(db: Database, limit: int | None = None, *, tbl: str | None = None) -> list[Dirty]:
    """Records marked changed, by table and id (with `tbl`, of that table only); at most `limit`."""
    where, params = ("WHERE tbl = ?", [tbl]) if tbl is not None else ("", [])
    sql = f"SELECT tbl, pk, case_id FROM sync_dirty {where} ORDER BY tbl, pk"  # noqa: S608 - constant
    if limit is not None:
        sql += " LIMIT ?"
        params.append(str(limit))
    return [Dirty(str(r[0]), str(r[1]), str(r[2])) for r in db.query(sql, params)]


def clear_dirty(db: Database, pairs: Iterable[tuple[str, str]]) -> None:
    """Unmark these (table, id) records: they are in a change set now."""
    with db.transaction():
        for tbl, pk in pairs:
            db.execute("DELETE FROM sync_dirty WHERE tbl = ? AND pk = ?", (tbl, pk))


def mark_all_dirty(db: Database) -> int:
    """Mark every synced record (sync being set up: the first export carries them all), one
    statement a table; returns how many records are marked."""
    with db.transaction():
        for tbl in sync_records.TABLES:
            key, only, params = _synced_rows(tbl)
            case = _CASE_OF.get(tbl.name, "t.case_id" if tbl.of_case else "''")
            db.execute(
                f"INSERT INTO sync_dirty(tbl, pk, case_id) SELECT ?, {key}, coalesce({case}, '') "  # noqa: S608 - names from TABLES and the schema
                f"FROM {_quoted(tbl.name)} t WHERE {only} "
                "ON CONFLICT(tbl, pk) DO UPDATE SET case_id = excluded.case_id",
                [tbl.name, *params],
            )
        return int(db.scalar("SELECT count(*) FROM sync_dirty"))


def _synced_rows(tbl: Table) -> tuple[str, str, list[Any]]:
    """The SQL for a table's record id (as sync_dirty holds it), the condition its synced rows
    meet (as the triggers: not this device's own settings) and that condition's parameters."""
    columns = [f"t.{_quoted(c)}" for c in tbl.pk]
    key = columns[0] if len(columns) == 1 else f"json_array({', '.join(columns)})"
    if tbl.name != "settings":
        return key, "true", []
    local = sorted(sync_records.LOCAL_SETTINGS)
    only = f"t.key NOT IN ({', '.join('?' * len(local))}) AND substr(t.key, 1, ?) != ?"
    return key, only, [*local, len(sync_records.DEVICE_PREFIX), sync_records.DEVICE_PREFIX]


def record_ids(db: Database, tbl_name: str) -> list[str]:
    """The id of every synced record of a table (for a snapshot), in id order."""
    key, only, params = _synced_rows(sync_records.table(tbl_name))
    rows = db.query(f"SELECT {key} FROM {_quoted(tbl_name)} t WHERE {only} ORDER BY 1", params)  # noqa: S608 - names from TABLES and the schema
    return [str(r[0]) for r in rows]


def _syncs(tbl: Table, key: tuple[str | int, ...]) -> bool:
    """False for a setting of this device only (sync_records.LOCAL_SETTINGS), as the triggers."""
    return tbl.name != "settings" or sync_records.setting_syncs(str(key[0]))


def _synced_key(tbl_name: str, pk: str) -> tuple[Table, tuple[str | int, ...]]:
    tbl = sync_records.table(tbl_name)
    key = sync_records.decode_pk(tbl, pk)
    if not _syncs(tbl, key):
        # A change set must not reach this device's own handover keys.
        raise ValueError("a sync record names a setting that belongs to one device")
    return tbl, key


# How a record's case is found where it is not the row's case_id column (as schema 16's triggers).
_CASE_OF = {
    "cases": "t.id",
    "members": "(SELECT min(c.id) FROM cases c WHERE c.member_id = t.id)",
    "event_versions": "(SELECT e.case_id FROM events e WHERE e.id = t.event_id)",
}


# ---- records --------------------------------------------------------------------------------


def read_record(db: Database, tbl_name: str, pk: str) -> dict[str, Any] | None:
    """The record's fields (every column but its key and derived ones) as JSON values, or None
    when there is no such row."""
    tbl = sync_records.table(tbl_name)
    key = sync_records.decode_pk(tbl, pk)
    fields = _fields(db, tbl)
    names = ", ".join(_quoted(f) for f in fields)
    row = db.query_one(f"SELECT {names} FROM {_quoted(tbl.name)} WHERE {_where_pk(tbl)}", key)  # noqa: S608 - names from TABLES and the schema
    if row is None:
        return None
    return {name: sync_records.to_json(value) for name, value in zip(fields, row, strict=True)}


def write_record(db: Database, tbl_name: str, pk: str, fields: Mapping[str, Any]) -> None:
    """Insert the record, or set the named fields of the row that is there; other columns are
    left as they are. ValueError for a table that does not sync, an id that is not its key, a
    field that is no column of it (or is its key with another value, or a derived column), a
    value of the wrong type, a change to a sealed record (the paper trail), or a setting of this
    device only."""
    tbl, key, values = checked_values(db, tbl_name, pk, fields)
    names = list(values)
    with db.transaction():
        current = db.query_one(
            f"SELECT {', '.join(['1', *(_quoted(n) for n in names)])} FROM {_quoted(tbl.name)} "  # noqa: S608 - names from TABLES and the schema
            f"WHERE {_where_pk(tbl)}",
            key,
        )
        if current is None:
            _insert(db, tbl, key, values)
            return
        changed = [n for n, old in zip(names, current[1:], strict=True) if _stored(old) != values[n]]
        if not changed:
            return
        if tbl.sealed:
            raise ValueError(f"a sync record changes a sealed {tbl.name} row")
        sets = ", ".join(f"{_quoted(n)} = ?" for n in changed)
        db.execute(
            f"UPDATE {_quoted(tbl.name)} SET {sets} WHERE {_where_pk(tbl)}",  # noqa: S608 - names from TABLES and the schema
            [*(values[n] for n in changed), *key],
        )


def checked_values(
    db: Database, tbl_name: str, pk: str, fields: Mapping[str, Any]
) -> tuple[Table, tuple[str | int, ...], dict[str, Any]]:
    """The table, key values and column values of a record from a change set, refused as
    write_record says (ValueError) before anything is written."""
    tbl, key = _synced_key(tbl_name, pk)
    columns = _columns(db, tbl)
    values: dict[str, Any] = {}
    for name, value in fields.items():
        column = columns.get(name) if isinstance(name, str) else None
        if column is None or name in tbl.derived:
            raise ValueError(f"a sync record for {tbl.name} names a field it does not have")
        converted = sync_records.from_json(value, column.declared)
        if column.pk:
            if converted != key[tbl.pk.index(name)]:
                raise ValueError(f"a sync record for {tbl.name} names another record's key")
            continue
        values[name] = converted
    return tbl, key, values


def _stored(value: object) -> object:
    return bytes(value) if isinstance(value, bytearray | memoryview) else value


def _insert(db: Database, tbl: Table, key: tuple[str | int, ...], values: Mapping[str, Any]) -> None:
    names = [*tbl.pk, *values]
    marks = ", ".join("?" * len(names))
    db.execute(
        f"INSERT INTO {_quoted(tbl.name)}({', '.join(_quoted(n) for n in names)}) VALUES ({marks})",  # noqa: S608 - names from TABLES and the schema
        [*key, *values.values()],
    )
    if tbl.name == "cases":
        # A case arriving closed: its next-due date is the end of its archive period, which the
        # status trigger (schema 3) sets; the insert alone leaves it empty.
        db.execute("UPDATE cases SET status = status WHERE id = ?", key)


def delete_record(db: Database, tbl_name: str, pk: str) -> bool:
    """Delete the record's row (its children go by their foreign keys); False if it was not there.
    ValueError as for write_record."""
    tbl, key = _synced_key(tbl_name, pk)
    return db.execute(f"DELETE FROM {_quoted(tbl.name)} WHERE {_where_pk(tbl)}", key) > 0  # noqa: S608 - names from TABLES


@contextlib.contextmanager
def applying(db: Database) -> Iterator[None]:
    """Writes inside are remote changes being applied: the capture triggers mark nothing. Inside
    the caller's transaction (as a savepoint) or a transaction of its own; the flag is never
    committed, and goes with the rest if the block fails. Not nested: the inner block's end
    would switch capture back on for the rest of the outer one."""
    with db.transaction():
        if db.scalar("SELECT 1 FROM sync_applying") is not None:
            raise ValueError("remote changes are being applied already")
        db.execute("INSERT INTO sync_applying(one) VALUES (1)")
        yield
        db.execute("DELETE FROM sync_applying")


# ---- field versions -------------------------------------------------------------------------


def changed_fields(db: Database, tbl_name: str, pk: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of `record` (as read_record gives it) whose value is not the version recorded
    for them: all of them for a record never exported or received."""
    tbl = sync_records.table(tbl_name)
    known = {
        str(r[0]): bytes(r[1])
        for r in db.query("SELECT field, digest FROM sync_versions WHERE tbl = ? AND pk = ?", (tbl.name, pk))
    }
    return {name: value for name, value in record.items() if known.get(name) != sync_records.digest(value)}


def record_versions(
    db: Database, tbl_name: str, pk: str, stamps: Mapping[str, Timestamp], record: Mapping[str, Any]
) -> None:
    """Each field in `stamps` is now at that version, with its value in `record` (a KeyError if
    it is not there: a version without its value could never be compared)."""
    tbl = sync_records.table(tbl_name)
    rows = [
        (tbl.name, pk, name, stamp.encode(), sync_records.digest(record[name]))
        for name, stamp in stamps.items()
    ]
    with db.transaction():
        for row in rows:
            db.execute(
                "INSERT INTO sync_versions(tbl, pk, field, stamp, digest) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(tbl, pk, field) DO UPDATE SET stamp = excluded.stamp, digest = excluded.digest",
                row,
            )


def field_stamp(db: Database, tbl_name: str, pk: str, field: str) -> Timestamp | None:
    found = db.scalar(
        "SELECT stamp FROM sync_versions WHERE tbl = ? AND pk = ? AND field = ?", (tbl_name, pk, field)
    )
    return None if found is None else hlc.decode(str(found))


def field_stamps(db: Database, tbl_name: str, pk: str) -> dict[str, Timestamp]:
    rows = db.query("SELECT field, stamp FROM sync_versions WHERE tbl = ? AND pk = ?", (tbl_name, pk))
    return {str(r[0]): hlc.decode(str(r[1])) for r in rows}


# ---- tombstones, purges and kept conflicts ---------------------------------------------------


@dataclass(frozen=True)
class Tombstone:
    tbl: str
    pk: str
    case: str
    stamp: Timestamp


def put_tombstone(db: Database, tbl_name: str, pk: str, case: str, stamp: Timestamp) -> None:
    """The record is deleted as of `stamp` (the latest tombstone of a record is the one kept)."""
    tbl = sync_records.table(tbl_name)
    db.execute(
        "INSERT INTO sync_tombstones(tbl, pk, case_id, stamp) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(tbl, pk) DO UPDATE SET stamp = max(stamp, excluded.stamp)",
        (tbl.name, pk, case, stamp.encode()),
    )


def tombstone(db: Database, tbl_name: str, pk: str) -> Timestamp | None:
    found = db.scalar("SELECT stamp FROM sync_tombstones WHERE tbl = ? AND pk = ?", (tbl_name, pk))
    return None if found is None else hlc.decode(str(found))


def tombstones(db: Database) -> list[Tombstone]:
    rows = db.query("SELECT tbl, pk, case_id, stamp FROM sync_tombstones ORDER BY tbl, pk")
    return [Tombstone(str(r[0]), str(r[1]), str(r[2]), hlc.decode(str(r[3]))) for r in rows]


def drop_tombstone(db: Database, tbl_name: str, pk: str) -> None:
    """A write later than the tombstone brought the record back."""
    db.execute("DELETE FROM sync_tombstones WHERE tbl = ? AND pk = ?", (tbl_name, pk))


def put_purged(db: Database, case: str, stamp: Timestamp) -> None:
    """The case is purged as of `stamp` (the earliest purge is kept, as merge.join does). Its
    unexported marks and tombstones go: the purge supersedes them (the deletions row's trigger
    does the same when the case's rows are erased)."""
    with db.transaction():
        db.execute(
            "INSERT INTO sync_purged(case_id, stamp) VALUES (?, ?) "
            "ON CONFLICT(case_id) DO UPDATE SET stamp = min(stamp, excluded.stamp)",
            (case, stamp.encode()),
        )
        db.execute("DELETE FROM sync_dirty WHERE case_id = ?", (case,))
        db.execute("DELETE FROM sync_tombstones WHERE case_id = ?", (case,))


def purged_stamp(db: Database, case: str) -> Timestamp | None:
    found = db.scalar("SELECT stamp FROM sync_purged WHERE case_id = ?", (case,))
    return None if found is None else hlc.decode(str(found))


def purged(db: Database) -> dict[str, Timestamp]:
    return {str(r[0]): hlc.decode(str(r[1])) for r in db.query("SELECT case_id, stamp FROM sync_purged")}


@dataclass(frozen=True)
class KeptVersion:
    """One of the concurrent versions of a free-text field kept for the rep to choose from."""

    tbl: str
    pk: str
    field: str
    stamp: Timestamp
    value: Any  # the JSON value


def put_conflict(db: Database, tbl_name: str, pk: str, field: str, *, stamp: Timestamp, value: Any) -> None:
    tbl = sync_records.table(tbl_name)
    db.execute(
        "INSERT INTO sync_conflicts(tbl, pk, field, stamp, value) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(tbl, pk, field, stamp) DO UPDATE SET value = excluded.value",
        (tbl.name, pk, field, stamp.encode(), sync_records.canonical(value)),
    )


def conflicts(db: Database) -> list[KeptVersion]:
    """Every kept version, by record and field, newest first within a field."""
    rows = db.query(
        "SELECT tbl, pk, field, stamp, value FROM sync_conflicts ORDER BY tbl, pk, field, stamp DESC"
    )
    return [
        KeptVersion(str(r[0]), str(r[1]), str(r[2]), hlc.decode(str(r[3])), json.loads(str(r[4])))
        for r in rows
    ]


def clear_conflict(db: Database, tbl_name: str, pk: str, field: str) -> None:
    """The rep chose (or a write that saw every version replaced them)."""
    db.execute("DELETE FROM sync_conflicts WHERE tbl = ? AND pk = ? AND field = ?", (tbl_name, pk, field))


# ---- this device, the others, and the sync keys --------------------------------------------


@dataclass(frozen=True)
class SelfState:
    """This device: its id, its Ed25519 signing key (which never syncs), the sequence and SHA-256
    of the last change set it wrote, its clock's last stamp and its sync folder."""

    device_id: str
    signing_key: bytes
    sequence: int
    last_digest: bytes | None
    clock: Timestamp | None
    folder: str | None
    box_identity: str | None = None  # its age X25519 identity: sync keys are sent to it


def get_self(db: Database) -> SelfState | None:
    row = db.query_one(
        "SELECT device_id, signing_key, sequence, last_digest, clock, folder, box_identity FROM sync_self"
    )
    if row is None:
        return None
    return SelfState(
        str(row[0]),
        bytes(row[1]),
        int(row[2]),
        None if row[3] is None else bytes(row[3]),
        None if row[4] is None else hlc.decode(str(row[4])),
        None if row[5] is None else str(row[5]),
        None if row[6] is None else str(row[6]),
    )


def set_up_self(
    db: Database,
    device_id: str,
    signing_key: bytes,
    folder: str | None = None,
    box_identity: str | None = None,
) -> None:
    """Make this vault a sync device: from here on, every change is captured. ValueError if it
    is one already (a second identity would fork its chain of change sets)."""
    hlc.check_device(device_id)
    with db.transaction():
        if db.scalar("SELECT 1 FROM sync_self") is not None:
            raise ValueError("this vault is already set up for sync")
        db.execute(
            "INSERT INTO sync_self(one, device_id, signing_key, folder, box_identity) VALUES (1, ?, ?, ?, ?)",
            (device_id, signing_key, folder, box_identity),
        )


def wrote_changeset(db: Database, sequence: int, digest: bytes, clock: Timestamp) -> None:
    """This device wrote change set `sequence` with SHA-256 `digest`, its clock then at `clock`."""
    db.execute(
        "UPDATE sync_self SET sequence = ?, last_digest = ?, clock = ?", (sequence, digest, clock.encode())
    )


def set_clock(db: Database, clock: Timestamp) -> None:
    db.execute("UPDATE sync_self SET clock = ?", (clock.encode(),))


def set_folder(db: Database, folder: str | None) -> None:
    db.execute("UPDATE sync_self SET folder = ?", (folder,))


def leave_sync(db: Database) -> None:
    """This vault stops being a sync device: its identity, what it read and every mark, version,
    tombstone and kept version go (changes are no longer captured)."""
    with db.transaction():
        for table in (
            "sync_self",
            "sync_devices",
            "sync_keys",
            "sync_dirty",
            "sync_versions",
            "sync_tombstones",
            "sync_purged",
            "sync_conflicts",
        ):
            db.execute(f"DELETE FROM {table}")  # noqa: S608 - constant names


@dataclass(frozen=True)
class Device:
    """Another device of this vault, and how far its chain of change sets has been read."""

    device_id: str
    public_key: bytes
    label: str
    added_at: datetime
    removed_at: datetime | None
    last_sequence: int
    last_digest: bytes | None
    box_recipient: str | None = None  # its age recipient, for a sync key made after a removal


_DEVICE = (
    "SELECT device_id, public_key, label, added_at, removed_at, last_sequence, last_digest, box_recipient "
    "FROM sync_devices"
)


def _device(row: tuple[Any, ...]) -> Device:
    return Device(
        str(row[0]),
        bytes(row[1]),
        str(row[2]),
        from_db(str(row[3])),
        from_db_opt(row[4]),
        int(row[5]),
        None if row[6] is None else bytes(row[6]),
        None if row[7] is None else str(row[7]),
    )


def add_device(
    db: Database,
    device_id: str,
    public_key: bytes,
    label: str,
    added_at: datetime,
    *,
    box_recipient: str | None = None,
) -> None:
    """ValueError for this device's own id or one added before (a device's chain cannot restart)."""
    hlc.check_device(device_id)
    with db.transaction():
        own = db.scalar("SELECT device_id FROM sync_self")
        if device_id == own or db.scalar("SELECT 1 FROM sync_devices WHERE device_id = ?", (device_id,)):
            raise ValueError("that device is already known to this vault")
        db.execute(
            "INSERT INTO sync_devices(device_id, public_key, label, added_at, box_recipient) "
            "VALUES (?, ?, ?, ?, ?)",
            (device_id, public_key, label, to_db(added_at), box_recipient),
        )


def device(db: Database, device_id: str) -> Device | None:
    row = db.query_one(f"{_DEVICE} WHERE device_id = ?", (device_id,))
    return None if row is None else _device(row)


def devices(db: Database, *, removed: bool = False) -> list[Device]:
    """The paired devices by when they were added; with `removed`, the removed ones too."""
    where = "" if removed else " WHERE removed_at IS NULL"
    return [_device(r) for r in db.query(f"{_DEVICE}{where} ORDER BY added_at, device_id")]


def read_from(db: Database, device_id: str, sequence: int, digest: bytes) -> None:
    """Change set `sequence` of the device (SHA-256 `digest`) has been applied."""
    db.execute(
        "UPDATE sync_devices SET last_sequence = ?, last_digest = ? WHERE device_id = ?",
        (sequence, digest, device_id),
    )


def remove_device(db: Database, device_id: str, removed_at: datetime) -> None:
    db.execute(
        "UPDATE sync_devices SET removed_at = coalesce(removed_at, ?) WHERE device_id = ?",
        (to_db(removed_at), device_id),
    )


@dataclass(frozen=True)
class SyncKey:
    key_id: bytes
    sync_key: bytes
    created_at: datetime
    retired_at: datetime | None


def add_key(db: Database, key_id: bytes, sync_key: bytes, created_at: datetime) -> None:
    db.execute(
        "INSERT INTO sync_keys(key_id, sync_key, created_at) VALUES (?, ?, ?) ON CONFLICT(key_id) DO NOTHING",
        (key_id, sync_key, to_db(created_at)),
    )


def sync_keys(db: Database) -> list[SyncKey]:
    """Every sync key held, newest first: retired ones still read what was written under them."""
    rows = db.query(
        "SELECT key_id, sync_key, created_at, retired_at FROM sync_keys ORDER BY created_at DESC, key_id"
    )
    return [SyncKey(bytes(r[0]), bytes(r[1]), from_db(str(r[2])), from_db_opt(r[3])) for r in rows]


def current_key(db: Database) -> SyncKey | None:
    """The key new change sets are written under: the newest not retired."""
    return next((k for k in sync_keys(db) if k.retired_at is None), None)


def retire_key(db: Database, key_id: bytes, retired_at: datetime) -> None:
    db.execute(
        "UPDATE sync_keys SET retired_at = coalesce(retired_at, ?) WHERE key_id = ?",
        (to_db(retired_at), key_id),
    )


def field_names(db: Database, tbl_name: str) -> list[str]:
    """A synced table's record fields (its columns but the key and derived ones)."""
    return _fields(db, sync_records.table(tbl_name))
