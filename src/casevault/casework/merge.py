"""How changes from several devices merge: pure functions over plain records (no SQL, no I/O).

A device's changes arrive as operations, each stamped by its hybrid logical clock (core/hlc.py):
- `Write(key, at, fields, seen)`: new values for some fields of one record. `seen[field]` is the
  set of versions of that field the writer had in front of it (`merge.seen(state, key, field)`
  at the time of the edit): the versions this write replaces.
- `Delete(key, at)`: a tombstone for one record.
- `Purge(case, at)`: the crypto-erase of a whole case, reaching every record whose key names it.

`apply` folds operations into a `State` and `join` merges two states. `State` is a join-semilattice
(a state-based CRDT): `join` is commutative, associative and idempotent, so devices that have seen
the same operations hold equal states whatever the order and grouping they saw them in, and so
`view` (a function of the state alone) gives them the same records and the same conflicts.

The rules `view` applies:
- **Last writer wins per field**: a field's value is the one written with the greatest stamp.
- **Free text keeps both** (the (kind, field) pairs the caller names: a narrative, a note's body).
  Two versions are concurrent when neither writer saw the other: neither's `seen` holds the
  other's stamp, and they come from different devices (a device always saw its own earlier
  writes, so a later write from it replaces them without saying so). Every version no later
  version replaced stays; when more than one stays, the field shows the newest and a `Conflict`
  lists them all for the rep; a write whose `seen` holds them all (the rep's choice) ends it.
  `seen` names exact versions, not "everything up to a stamp": a device that edits on top of
  version b, not yet having received a concurrent version a with a smaller stamp, has not seen a,
  and a is kept.
- **Tombstones**: a record is deleted when its latest tombstone's stamp is at or above every
  write to it; a later write (made without seeing the delete) brings it back whole.
- **Purge wins over everything**: once a case is purged its records are dropped from the state,
  values and all, and any operation on them that arrives later is dropped too.

Not guaranteed: that the merged record makes sense as a whole (two fields may come from two
writers; casework rules check it), any meaning for stamps from a clock that was not advanced
past every stamp it received (hlc.HybridClock.receive does that), or a bound on the state's
size: a field keeps at most one unreplaced version per device, but a record's tombstone and the
list of purged cases are kept for good (compaction's business).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from casevault.core.hlc import Timestamp

FreeText = Collection[tuple[str, str]]  # (record kind, field name): where both versions are kept


@dataclass(frozen=True, order=True)
class Key:
    """A record: its kind, its id, and the case it belongs to ("" for a record of no case)."""

    kind: str
    id: str
    case: str = ""

    def __post_init__(self) -> None:
        if not (_text(self.kind) and _text(self.id) and isinstance(self.case, str)):
            raise ValueError("a record key is a kind, an id and a case id, each a string")


@dataclass(frozen=True)
class Write:
    key: Key
    at: Timestamp
    fields: Mapping[str, Any]  # JSON values
    seen: Mapping[str, frozenset[Timestamp]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.fields or not all(_text(name) for name in self.fields):
            raise ValueError("a write changes at least one field, each named by a string")
        for name, stamps in self.seen.items():
            if name not in self.fields:
                raise ValueError("a write has seen versions only of fields it writes")
            # A stamp is only ever taken after every stamp seen (hlc.receive), so a writer that
            # claims to have seen its own or a later one is lying; refusing keeps the greatest
            # stamp of a field unreplaceable, which makes last-writer-wins exact.
            if not all(isinstance(s, Timestamp) and s < self.at for s in stamps):
                raise ValueError("a write can only have seen versions stamped before it")


@dataclass(frozen=True)
class Delete:
    key: Key
    at: Timestamp


@dataclass(frozen=True)
class Purge:
    case: str
    at: Timestamp

    def __post_init__(self) -> None:
        if not _text(self.case):
            raise ValueError("a purge names a case")


Op = Write | Delete | Purge


@dataclass(frozen=True)
class Field:
    """One field's versions nobody has replaced (stamp -> canonical JSON), the stamps replaced by
    a `seen`, and the newest stamp from each device (its older ones are replaced implicitly)."""

    live: Mapping[Timestamp, str]
    replaced: frozenset[Timestamp]
    newest: Mapping[str, Timestamp]


@dataclass(frozen=True)
class Record:
    fields: Mapping[str, Field]
    written: Timestamp | None  # the greatest stamp of a write
    deleted: Timestamp | None  # the greatest stamp of a tombstone


@dataclass(frozen=True)
class State:
    records: Mapping[Key, Record]
    purged: Mapping[str, Timestamp]  # case id -> the earliest purge of it


EMPTY = State({}, {})


@dataclass(frozen=True, order=True)
class Conflict:
    """Concurrent versions of a free-text field, newest first, for the rep to choose between."""

    key: Key
    field: str
    versions: tuple[tuple[Timestamp, Any], ...]

    @property
    def seen(self) -> frozenset[Timestamp]:
        """What the rep's resolving write carries as `seen` for the field."""
        return frozenset(stamp for stamp, _ in self.versions)


@dataclass(frozen=True)
class View:
    records: dict[Key, dict[str, Any]]  # every record not deleted, field -> value
    conflicts: tuple[Conflict, ...]  # sorted by key and field
    deleted: frozenset[Key]  # tombstoned records the state still knows
    purged: frozenset[str]  # purged cases


# ---- joining --------------------------------------------------------------------------------


def _pruned(
    live: Mapping[Timestamp, str], replaced: Iterable[Timestamp], newest: Mapping[str, Timestamp]
) -> Field:
    def implied(stamp: Timestamp) -> bool:
        return stamp < newest.get(stamp.device, stamp)

    gone = frozenset(stamp for stamp in replaced if not implied(stamp))  # the rest need not be kept
    kept = {stamp: value for stamp, value in live.items() if stamp not in gone and not implied(stamp)}
    return Field(kept, gone, dict(newest))


def join_field(a: Field, b: Field) -> Field:
    live = dict(a.live)
    for stamp, value in b.live.items():
        # One stamp, two values: only a forged write does that; the greater text wins, so every
        # device picks the same one.
        live[stamp] = max(value, live.get(stamp, value))
    newest = dict(a.newest)
    for device, stamp in b.newest.items():
        newest[device] = max(stamp, newest.get(device, stamp))
    return _pruned(live, a.replaced | b.replaced, newest)


def _latest(a: Timestamp | None, b: Timestamp | None) -> Timestamp | None:
    return b if a is None else a if b is None else max(a, b)


def join_record(a: Record, b: Record) -> Record:
    fields = dict(a.fields)
    for name, value in b.fields.items():
        fields[name] = join_field(fields[name], value) if name in fields else value
    return Record(fields, _latest(a.written, b.written), _latest(a.deleted, b.deleted))


def join(a: State, b: State) -> State:
    """The merge of two states: what a device holds after taking in another's."""
    purged = dict(a.purged)
    for case, stamp in b.purged.items():
        purged[case] = min(stamp, purged.get(case, stamp))
    records = dict(a.records)
    for key, record in b.records.items():
        records[key] = join_record(records[key], record) if key in records else record
    return State({k: r for k, r in records.items() if k.case not in purged}, purged)


def _canonical(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        raise ValueError("a field's value must be JSON") from None


def record_of(op: Write | Delete) -> Record:
    """The state of one record that holds only `op`."""
    if isinstance(op, Delete):
        return Record({}, None, op.at)
    fields = {
        name: _pruned({op.at: _canonical(value)}, op.seen.get(name, frozenset()), {op.at.device: op.at})
        for name, value in op.fields.items()
    }
    return Record(fields, op.at, None)


def apply(state: State, ops: Iterable[Op]) -> State:
    """`state` joined with every operation in `ops` (one copy of the state, not one per op)."""
    records = dict(state.records)
    purged = dict(state.purged)
    for op in ops:
        if isinstance(op, Purge):
            purged[op.case] = min(op.at, purged.get(op.case, op.at))
        elif op.key.case not in purged:
            mine = record_of(op)
            records[op.key] = join_record(records[op.key], mine) if op.key in records else mine
    return State({k: r for k, r in records.items() if k.case not in purged}, purged)


# ---- reading --------------------------------------------------------------------------------


def seen(state: State, key: Key, name: str) -> frozenset[Timestamp]:
    """The versions of a field a local edit replaces: the `seen` its Write must carry."""
    record = state.records.get(key)
    found = record.fields.get(name) if record is not None else None
    return frozenset(found.live) if found is not None else frozenset()


def visible(record: Record) -> bool:
    return record.written is not None and (record.deleted is None or record.written > record.deleted)


def view(state: State, free_text: FreeText) -> View:
    """The records as the rep sees them, and the free-text conflicts among them."""
    free = frozenset(free_text)
    records: dict[Key, dict[str, Any]] = {}
    conflicts: list[Conflict] = []
    for key, record in state.records.items():
        if not visible(record):
            continue
        values: dict[str, Any] = {}
        for name, versions in record.fields.items():
            if not versions.live:
                continue
            newest = max(versions.live)
            values[name] = json.loads(versions.live[newest])  # a fresh copy: the state stays as it was
            if len(versions.live) > 1 and (key.kind, name) in free:
                ordered = sorted(versions.live, reverse=True)
                conflicts.append(
                    Conflict(key, name, tuple((s, json.loads(versions.live[s])) for s in ordered))
                )
        records[key] = values
    deleted = frozenset(
        key for key, record in state.records.items() if record.deleted is not None and not visible(record)
    )
    return View(records, tuple(sorted(conflicts)), deleted, frozenset(state.purged))


def _text(value: object) -> bool:
    return isinstance(value, str) and value != ""
