"""What one sync works with (issue 20): its report, the change set being put together, and what
this vault holds of the records a change set names, read a table at a time (store/sync_batch.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from casevault.casework.merge import Delete, Write
from casevault.casework.sync_records import Announce
from casevault.core.hlc import HybridClock, Timestamp
from casevault.store import sync_batch as batched
from casevault.store import sync_rows as rows
from casevault.store.db import Database

Op = Write | Delete | Announce


@dataclass
class SyncReport:
    """What one sync did, in counts (never a name or a record's contents)."""

    written: int = 0  # change sets this device wrote
    sent: int = 0  # records in them
    applied: int = 0  # change sets applied from other devices
    received: int = 0  # records in them
    files: int = 0  # attachments copied, either way
    purged: int = 0  # cases another device purged, erased here
    freed: int = 0  # bytes compaction removed from the folder
    refused: list[str] = field(default_factory=list)  # one sentence each
    waiting: list[str] = field(default_factory=list)


@dataclass
class Batch:
    """One change set being put together."""

    clock: HybridClock
    now_ms: int
    kept: dict[tuple[str, str, str], list[rows.KeptVersion]]
    records: list[dict[str, Any]] = field(default_factory=list)
    versions: list[tuple[str, str, dict[str, Timestamp], dict[str, Any]]] = field(default_factory=list)
    blobs: list[tuple[str, str]] = field(default_factory=list)

    def tick(self) -> Timestamp:
        return self.clock.tick(self.now_ms)


@dataclass
class Known:
    """What this vault holds of the records one change set names, read a table at a time."""

    records: dict[tuple[str, str], dict[str, Any]]
    stamps: dict[tuple[str, str], dict[str, Timestamp]]
    tombstones: dict[tuple[str, str], Timestamp]
    kept: dict[tuple[str, str, str], list[rows.KeptVersion]]
    purged: set[str]
    new_versions: list[tuple[str, str, str, Timestamp, Any]] = field(default_factory=list)
    inserts: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)  # new rows, by table

    @classmethod
    def load(cls, db: Database, ops: Iterable[Op]) -> Known:
        by_table: dict[str, list[str]] = {}
        for op in ops:
            if isinstance(op, Write | Delete):
                by_table.setdefault(op.key.kind, []).append(op.key.id)
        known = cls({}, {}, {}, batched.kept_by_field(db), set(rows.purged(db)))
        for tbl, pks in by_table.items():
            known.records.update(((tbl, pk), r) for pk, r in batched.read_records(db, tbl, pks).items())
            for pk, fields in batched.versions_of(db, tbl, pks).items():
                known.stamps[(tbl, pk)] = {name: version[0] for name, version in fields.items()}
            known.tombstones.update(((tbl, pk), t) for pk, t in batched.tombstones_of(db, tbl, pks).items())
        return known


def by_table(marks: list[rows.Dirty]) -> list[tuple[str, list[rows.Dirty]]]:
    """The marks grouped by table, in the order their tables first come (parents first)."""
    grouped: dict[str, list[rows.Dirty]] = {}
    for mark in marks:
        grouped.setdefault(mark.tbl, []).append(mark)
    return list(grouped.items())
