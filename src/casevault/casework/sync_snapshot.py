"""The records of the two sync files that are not change sets (formats/changeset.py's kinds):

- a device's **progress file** says how far it has read each device's chain:
  `{"op": "read", "k": device, "n": sequence, "d": digest in hex}`, one per device. A device may
  delete its own change sets once every paired device's progress file has passed them
  (vault/sync/compaction.py).
- a **snapshot**, written by the device that pairs a new one, is its whole synced state with the
  stamps each field was written at, so the new device needs none of the change sets compaction
  removed. Its parts hold `{"op": "row", "t", "k", "f": {field: value}, "at": {field: stamp}}`,
  `{"op": "tomb", "t", "k", "c", "at"}` (a deletion), `{"op": "purged", "c", "at"}`, `{"op": "kept",
  "t", "k", "f": field, "at", "v": value}` (a conflict version), the writer's read positions as
  "read" records (its own last change set among them), and, last of all, `{"op": "end", "for":
  device}`, naming the device it was written for (so one written for another is refused).

A snapshot carries other devices' stamps: it is signed by a paired device and named for the
device it was written for, which takes it only from the device that paired it. Parsing is
strict: ValueError in one sentence for anything else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from casevault.casework import sync_records
from casevault.core import hlc
from casevault.core.hlc import Timestamp

_DEVICE = re.compile(r"[0-9a-f]{32}")
_DIGEST = re.compile(r"[0-9a-f]{64}")
_CASE = re.compile(r"(?:[0-9a-f]{32})?")


@dataclass(frozen=True)
class ReadTo:
    """How far a device's chain has been read: its change set `sequence`, whose SHA-256 is `digest`."""

    device: str
    sequence: int
    digest: bytes


@dataclass(frozen=True)
class Row:
    tbl: str
    pk: str
    fields: dict[str, Any]
    stamps: dict[str, Timestamp]


@dataclass(frozen=True)
class Tomb:
    tbl: str
    pk: str
    case: str
    at: Timestamp


@dataclass(frozen=True)
class Purged:
    case: str
    at: Timestamp


@dataclass(frozen=True)
class Kept:
    tbl: str
    pk: str
    field: str
    at: Timestamp
    value: Any


@dataclass(frozen=True)
class End:
    """The snapshot's last record: every part before it is there, and whom it was written for."""

    joiner: str


Item = ReadTo | Row | Tomb | Purged | Kept | End


def read_record(read: ReadTo) -> dict[str, Any]:
    return {"op": "read", "k": read.device, "n": read.sequence, "d": read.digest.hex()}


def row_record(row: Row) -> dict[str, Any]:
    stamps = {name: stamp.encode() for name, stamp in row.stamps.items()}
    return {"op": "row", "t": row.tbl, "k": row.pk, "f": dict(row.fields), "at": stamps}


def tomb_record(tomb: Tomb) -> dict[str, Any]:
    return {"op": "tomb", "t": tomb.tbl, "k": tomb.pk, "c": tomb.case, "at": tomb.at.encode()}


def purged_record(purged: Purged) -> dict[str, Any]:
    return {"op": "purged", "c": purged.case, "at": purged.at.encode()}


def kept_record(kept: Kept) -> dict[str, Any]:
    at = kept.at.encode()
    return {"op": "kept", "t": kept.tbl, "k": kept.pk, "f": kept.field, "at": at, "v": kept.value}


def end_record(end: End) -> dict[str, Any]:
    return {"op": "end", "for": end.joiner}


_KEYS = {
    "read": frozenset({"op", "k", "n", "d"}),
    "row": frozenset({"op", "t", "k", "f", "at"}),
    "tomb": frozenset({"op", "t", "k", "c", "at"}),
    "purged": frozenset({"op", "c", "at"}),
    "kept": frozenset({"op", "t", "k", "f", "at", "v"}),
    "end": frozenset({"op", "for"}),
}


def parse_progress(records: tuple[Mapping[str, Any], ...]) -> dict[str, ReadTo]:
    """A progress file's read positions, by device."""
    found: dict[str, ReadTo] = {}
    for raw in records:
        item = parse_item(raw, clock=None)
        if not isinstance(item, ReadTo) or item.device in found:
            raise ValueError("a progress file holds something other than one read position a device")
        found[item.device] = item
    return found


def parse_item(raw: Mapping[str, Any], clock: Timestamp | None) -> Item:
    """One record of a snapshot part (or a progress file), no stamp in it later than `clock`."""
    op = raw.get("op") if isinstance(raw, Mapping) else None
    if not isinstance(op, str) or op not in _KEYS or set(raw) != _KEYS[op]:
        raise ValueError("a snapshot record is not of a kind a snapshot holds")
    if op == "end":
        if not (isinstance(raw["for"], str) and _DEVICE.fullmatch(raw["for"])):
            raise ValueError("a snapshot's end names no device")
        return End(raw["for"])
    if op == "read":
        device, sequence, digest = raw["k"], raw["n"], raw["d"]
        if not (isinstance(device, str) and _DEVICE.fullmatch(device)) or not (
            isinstance(digest, str) and _DIGEST.fullmatch(digest)
        ):
            raise ValueError("a read position names no device or change set")
        if isinstance(sequence, bool) or not isinstance(sequence, int) or not 1 <= sequence < 10**12:
            raise ValueError("a read position's change-set number is out of range")
        return ReadTo(device, sequence, bytes.fromhex(digest))
    if op == "purged":
        return Purged(_case(raw["c"], required=True), _stamp(raw["at"], clock))
    tbl = sync_records.table(raw["t"])
    pk = raw["k"]
    sync_records.decode_pk(tbl, pk)
    if op == "tomb":
        return Tomb(tbl.name, pk, _case(raw["c"], required=tbl.of_case), _stamp(raw["at"], clock))
    if op == "kept":
        if not isinstance(raw["f"], str) or raw["f"] not in tbl.free_text:
            raise ValueError("a kept version is not of a free-text field")
        return Kept(tbl.name, pk, raw["f"], _stamp(raw["at"], clock), raw["v"])
    fields, stamps = raw["f"], raw["at"]
    if not isinstance(fields, Mapping) or not fields or not isinstance(stamps, Mapping):
        raise ValueError("a snapshot row holds no fields")
    if not set(stamps) <= set(fields):
        raise ValueError("a snapshot row stamps a field it does not hold")
    return Row(tbl.name, pk, dict(fields), {name: _stamp(s, clock) for name, s in stamps.items()})


def _case(value: object, *, required: bool) -> str:
    if not isinstance(value, str) or not _CASE.fullmatch(value) or (required and not value):
        raise ValueError("a snapshot record's case is not a case id")
    return value


# A snapshot's fields share their record's stamp: decoding each once halves the parse time.
_decode = functools.lru_cache(maxsize=4096)(hlc.decode)


def _stamp(text: object, clock: Timestamp | None) -> Timestamp:
    try:
        at = _decode(text) if isinstance(text, str) else None
    except ValueError:
        at = None
    if at is None or (clock is not None and at > clock):
        raise ValueError("a snapshot record's stamp is no stamp, or is later than the snapshot")
    return at
