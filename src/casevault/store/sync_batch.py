"""Sync's reads and writes a whole change set at a time (issue 20): with SQLCipher's memory
security on, every statement costs about 0.2 ms whatever it does, so a change set of 2,000
records read and written one statement per record and field took seconds. These take each
table's records, versions and tombstones in a few statements, and write the versions in one.
Names come from sync_records.TABLES and the schema, as in store/sync_rows.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from casevault.casework import sync_records
from casevault.core import hlc
from casevault.core.hlc import Timestamp
from casevault.store.db import Database, batches
from casevault.store.sync_rows import (
    Dirty,
    KeptVersion,
    checked_values,
    conflicts,
    dirty,
    field_names,
    read_record,
)

_CHUNK = 500  # ids in one IN list


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def read_records(db: Database, tbl_name: str, pks: Sequence[str]) -> dict[str, dict[str, Any]]:
    """read_record for many ids of one table: the records there are, by id."""
    tbl = sync_records.table(tbl_name)
    if len(tbl.pk) != 1:  # a composite key (a paper-trail entry's versions): one at a time
        found = {pk: read_record(db, tbl_name, pk) for pk in pks}
        return {pk: record for pk, record in found.items() if record is not None}
    key = tbl.pk[0]
    fields = field_names(db, tbl_name)
    columns = ", ".join(f'"{c}"' for c in (key, *fields))
    out: dict[str, dict[str, Any]] = {}
    for chunk in batches(list(pks), _CHUNK):
        rows = db.query(
            f'SELECT {columns} FROM "{tbl.name}" WHERE "{key}" IN ({_marks(len(chunk))})',  # noqa: S608 - names from TABLES and the schema
            chunk,
        )
        for row in rows:
            out[str(row[0])] = {n: sync_records.to_json(v) for n, v in zip(fields, row[1:], strict=True)}
    return out


def versions_of(
    db: Database, tbl_name: str, pks: Sequence[str]
) -> dict[str, dict[str, tuple[Timestamp, bytes]]]:
    """Each field's recorded version (stamp and digest) for many records of one table."""
    out: dict[str, dict[str, tuple[Timestamp, bytes]]] = {}
    for chunk in batches(list(pks), _CHUNK):
        rows = db.query(
            "SELECT pk, field, stamp, digest FROM sync_versions "  # noqa: S608 - placeholders only
            f"WHERE tbl = ? AND pk IN ({_marks(len(chunk))})",
            [tbl_name, *chunk],
        )
        for pk, field, stamp, digest in rows:
            out.setdefault(str(pk), {})[str(field)] = (hlc.decode(str(stamp)), bytes(digest))
    return out


def tombstones_of(db: Database, tbl_name: str, pks: Sequence[str]) -> dict[str, Timestamp]:
    out: dict[str, Timestamp] = {}
    for chunk in batches(list(pks), _CHUNK):
        rows = db.query(
            f"SELECT pk, stamp FROM sync_tombstones WHERE tbl = ? AND pk IN ({_marks(len(chunk))})",  # noqa: S608 - placeholders only
            [tbl_name, *chunk],
        )
        out.update({str(pk): hlc.decode(str(stamp)) for pk, stamp in rows})
    return out


def kept_by_field(db: Database) -> dict[tuple[str, str, str], list[KeptVersion]]:
    """Every kept conflict version, by (table, id, field): few, so read whole."""
    out: dict[tuple[str, str, str], list[KeptVersion]] = {}
    for kept in conflicts(db):
        out.setdefault((kept.tbl, kept.pk, kept.field), []).append(kept)
    return out


def record_versions_many(db: Database, versions: Iterable[tuple[str, str, str, Timestamp, Any]]) -> None:
    """(table, id, field, stamp, JSON value): each field now at that version, in one statement."""
    rows = [
        (tbl, pk, field, stamp.encode(), sync_records.digest(value))
        for tbl, pk, field, stamp, value in versions
    ]
    db.insert_rows("INSERT OR REPLACE INTO sync_versions(tbl, pk, field, stamp, digest)", rows)


def clear_dirty_many(db: Database, pairs: Iterable[tuple[str, str]]) -> None:
    """Unmark many (table, id) records, a table at a time."""
    by_table: dict[str, list[str]] = {}
    for tbl, pk in pairs:
        by_table.setdefault(tbl, []).append(pk)
    for tbl, pks in by_table.items():
        for chunk in batches(pks, _CHUNK):
            db.execute(
                f"DELETE FROM sync_dirty WHERE tbl = ? AND pk IN ({_marks(len(chunk))})",  # noqa: S608 - placeholders only
                [tbl, *chunk],
            )


def insert_records(db: Database, tbl_name: str, records: Sequence[tuple[str, dict[str, Any]]]) -> None:
    """Insert new records of one table (id, fields), checked as write_record checks them, in as
    few statements as their field lists allow."""
    groups: dict[tuple[str, ...], list[list[Any]]] = {}
    tbl = sync_records.table(tbl_name)
    for pk, fields in records:
        _tbl, key, values = checked_values(db, tbl_name, pk, fields)
        groups.setdefault(tuple(values), []).append([*key, *values.values()])
    for names, rows in groups.items():
        columns = ", ".join(f'"{c}"' for c in (*tbl.pk, *names))
        db.insert_rows(f'INSERT INTO "{tbl.name}"({columns})', rows)
    if tbl.name == "cases":
        # A case arriving closed: its next-due date is the end of its archive period, which the
        # status trigger (schema 3) sets; the insert alone leaves it empty.
        for chunk in batches([pk for pk, _ in records], _CHUNK):
            db.execute(f"UPDATE cases SET status = status WHERE id IN ({_marks(len(chunk))})", chunk)  # noqa: S608 - placeholders only


def dirty_count(db: Database) -> int:
    """How many records are marked (a count: a vault just set up marks every record it has)."""
    return int(db.scalar("SELECT count(*) FROM sync_dirty"))


def conflict_count(db: Database) -> int:
    """How many fields have versions kept beside the one shown."""
    return int(db.scalar("SELECT count(*) FROM (SELECT DISTINCT tbl, pk, field FROM sync_conflicts)"))


def dirty_in_order(db: Database, limit: int) -> list[Dirty]:
    """Up to `limit` marked records, parents first: device announcements, then the synced tables
    in sync_records.TABLES order, so a change set never holds a record whose parent is still
    waiting for a later one."""
    found: list[Dirty] = []
    for name in (sync_records.ANNOUNCE_TABLE, *(t.name for t in sync_records.TABLES)):
        if len(found) >= limit:
            break
        found += dirty(db, limit - len(found), tbl=name)
    return found
