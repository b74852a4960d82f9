"""Which of the vault's tables sync between devices, and how their rows become sync records:
pure facts and codecs, no SQL (the capture triggers are schema 16, store/schema_later.py; the
rows are read and written by store/sync_rows.py).

A synced row is a record whose merge kind (`merge.Key.kind`) is its table's name and whose id is
`encode_pk` of its primary key; its fields are its other columns, derived ones left out. Field
values are JSON with one spelling each, since merging and the field digests compare them as
canonical JSON text: integers, text and null as they are, and a BLOB as lower-case hex (the
blobs here are wrapped keys of 60 bytes or so, where base64's saving is nothing and its
non-canonical spellings, such as spare bits in the last group, would be one more thing to
refuse).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from casevault.casework.merge import Delete, Key, Write
from casevault.core import hlc
from casevault.core.hlc import Timestamp

DIGEST_LEN: Final = 16
# SQLite's INTEGER range: a value outside it would not round-trip through a column.
_INT_MIN, _INT_MAX = -(1 << 63), (1 << 63) - 1
_HEX = re.compile(r"(?:[0-9a-f]{2})*")


@dataclass(frozen=True)
class Table:
    """One synced table. `derived`: columns triggers compute from other rows, never a record's
    field. `free_text`: fields where concurrent versions are both kept for the rep (merge.view).
    `sealed`: rows are only ever inserted (the paper trail), so a changed field is refused.
    `of_case`: rows belong to a case and go with its purge."""

    name: str
    pk: tuple[str, ...]
    of_case: bool = True
    derived: frozenset[str] = frozenset()
    free_text: frozenset[str] = frozenset()
    sealed: bool = False


# In the order records are applied: each table after those its foreign keys (and the derived
# columns its insert triggers compute) read, so a record never arrives before its parent.
TABLES: Final[tuple[Table, ...]] = (
    Table("settings", ("key",), of_case=False),
    Table("members", ("id",)),  # one member per case (Cases.new_case), so it goes with its case
    Table(
        "cases", ("id",), derived=frozenset({"next_due_at", "member_key"}), free_text=frozenset({"remedy"})
    ),
    Table("case_keys", ("case_id",)),
    Table("events", ("id",), sealed=True),
    Table("event_versions", ("event_id", "version"), free_text=frozenset({"body"}), sealed=True),
    Table("attachments", ("id",)),
    Table(
        "first_meetings",
        ("case_id",),
        free_text=frozenset({"narrative", "originals_received", "member_decision"}),
    ),
    Table("case_issues", ("id",), free_text=frozenset({"text"})),
    Table("action_points", ("id",), derived=frozenset({"case_open"}), free_text=frozenset({"what"})),
    Table("case_dates", ("id",), derived=frozenset({"case_open"}), free_text=frozenset({"note"})),
    Table("reminder_states", ("key",)),
    Table("parties", ("id",), free_text=frozenset({"note"})),
    Table("consents", ("id",), free_text=frozenset({"note"})),
    Table("originals", ("id",), free_text=frozenset({"description"})),
    Table("escalations", ("id",)),
    Table("procedures", ("id",)),
    Table(
        "deadlines",
        ("id",),
        derived=frozenset({"case_open"}),
        free_text=frozenset({"extension_note", "overdue_reason"}),
    ),
    Table("library_documents", ("id",), of_case=False),
    Table("breaches", ("id",), of_case=False, free_text=frozenset({"what", "actions"})),
    Table("sent_log", ("id",)),
    # A purged case's record stays when the case goes, so it is no record *of* the case.
    Table("deletions", ("case_id",), of_case=False),
)
BY_NAME: Final[dict[str, Table]] = {t.name: t for t in TABLES}

# Every other table of the schema, and why it does not sync (a test holds this and TABLES to the
# schema, so a new table has to be decided on).
NOT_SYNCED: Final[dict[str, str]] = {
    "ref_counters": "this device's reference numbering; records carry the references themselves",
    "pending_imports": "this device's crash-recovery markers for half-written blobs",
    "library_pending": "this device's crash-recovery markers for half-written blobs",
    "search_docs": "derived: the search index is rebuilt from the records",
    "search_index": "derived: the search index is rebuilt from the records",
    "name_tokens": "derived: the conflict check's name index is rebuilt from the records",
    "name_keys": "derived: the conflict check's name index is rebuilt from the records",
    "follow_ups": "derived by triggers from the paper trail",
    "audit_log": "a per-device MAC chain, merged as chains of its own, never row by row",
    "handover_senders": "what this device received and whose keys its rep confirmed",
    "sync_applying": "sync's own state, which never leaves the device",
    "sync_dirty": "sync's own state, which never leaves the device",
    "sync_versions": "sync's own state, which never leaves the device",
    "sync_tombstones": "sync's own state, which never leaves the device",
    "sync_purged": "sync's own state, which never leaves the device",
    "sync_self": "sync's own state, which never leaves the device",
    "sync_devices": "sync's own state, which never leaves the device",
    "sync_keys": "sync's own state, which never leaves the device",
    "sync_conflicts": "sync's own state, which never leaves the device",
}

# Settings that belong to one device. Each device makes its own handover keys when it first needs
# them (put_identity_if_absent): synced, the later one would replace the other by last-writer-wins
# and bundles a colleague had already encrypted to the replaced key could no longer be opened.
# Anything under DEVICE_PREFIX is local too, so a new device setting needs no new migration.
LOCAL_SETTINGS: Final = frozenset({"identity.age", "identity.ed25519"})
DEVICE_PREFIX: Final = "device."

# (kind, field) pairs for merge.view.
FREE_TEXT: Final = frozenset((t.name, f) for t in TABLES for f in t.free_text)


def table(name: str) -> Table:
    """The synced table `name`; ValueError for any other name (it may come from a change set)."""
    found = BY_NAME.get(name) if isinstance(name, str) else None
    if found is None:
        raise ValueError("a sync record names a table that does not sync")
    return found


def setting_syncs(key: str) -> bool:
    return key not in LOCAL_SETTINGS and not key.startswith(DEVICE_PREFIX)


# ---- record ids ----------------------------------------------------------------------------


def encode_pk(values: Sequence[str | int]) -> str:
    """A record's id from its primary key: the value itself for one text column, else a JSON
    array (what SQLite's json_array writes in the capture triggers, character for character)."""
    if len(values) == 1 and isinstance(values[0], str):
        return values[0]
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def decode_pk(tbl: Table, pk: str) -> tuple[str | int, ...]:
    """The primary-key values of a record id, refused (ValueError) unless it is exactly what
    `encode_pk` makes of them: one record, one spelling."""
    if not isinstance(pk, str) or pk == "":
        raise ValueError("a sync record's id is empty")
    if len(tbl.pk) == 1:
        return (pk,)
    try:
        values = json.loads(pk)
    except ValueError:
        raise ValueError("a sync record's id is not a key of its table") from None
    if (
        not isinstance(values, list)
        or len(values) != len(tbl.pk)
        or not all(isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)) for v in values)
        or encode_pk(values) != pk
    ):
        raise ValueError("a sync record's id is not a key of its table")
    return tuple(values)


# ---- field values --------------------------------------------------------------------------


def to_json(value: object) -> str | int | None:
    """A column's value as a record field."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    raise TypeError(f"a {type(value).__name__} column value has no sync spelling")


def from_json(value: object, declared: str) -> str | int | bytes | None:
    """A record field as the value for a column of STRICT type `declared`; ValueError when it is
    not that type's spelling (a change set is hostile until this says otherwise)."""
    if value is None:
        return None
    kind = declared.upper()
    if kind == "INTEGER" and isinstance(value, int) and not isinstance(value, bool):
        if not _INT_MIN <= value <= _INT_MAX:
            raise ValueError("a sync record's number is out of range")
        return value
    if kind == "TEXT" and isinstance(value, str):
        return value
    if kind == "BLOB" and isinstance(value, str) and _HEX.fullmatch(value):
        return bytes.fromhex(value)
    raise ValueError(f"a sync record's field is not a valid {kind.lower() or 'untyped'} value")


def canonical(value: Any) -> str:
    """A field's value as merging compares it (merge.py's canonical JSON)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def digest(value: Any) -> bytes:
    """A short fingerprint of a field's value, for telling which fields of a row changed."""
    return hashlib.sha256(canonical(value).encode("utf-8")).digest()[:DIGEST_LEN]


# ---- change-set records --------------------------------------------------------------------
# A change set's records (formats/changeset.py carries them as canonical JSON), one per changed
# row: {"op": "w", "t": table, "k": id, "c": case, "at": stamp, "f": {field: value},
# "s": {field: [stamps seen]}} for a write, {"op": "d", "t", "k", "c", "at"} for a deletion. A
# purge is the write of the case's `deletions` record, which every device turns into its own
# crypto-erase of the case.

_CASE = re.compile(r"(?:[0-9a-f]{32})?")
_WRITE_KEYS = frozenset({"op", "t", "k", "c", "at", "f", "s"})
_DELETE_KEYS = frozenset({"op", "t", "k", "c", "at"})


def write_record(
    key: Key, at: Timestamp, fields: Mapping[str, Any], seen: Mapping[str, Iterable[Timestamp]]
) -> dict[str, Any]:
    return {
        "op": "w",
        "t": key.kind,
        "k": key.id,
        "c": key.case,
        "at": at.encode(),
        "f": dict(fields),
        "s": {name: sorted(s.encode() for s in stamps) for name, stamps in seen.items() if stamps},
    }


def delete_record(key: Key, at: Timestamp) -> dict[str, Any]:
    return {"op": "d", "t": key.kind, "k": key.id, "c": key.case, "at": at.encode()}


@dataclass(frozen=True)
class Announce:
    """A paired device telling the others of a device it paired: {"op": "device", "k": id,
    "pub": its Ed25519 public key in hex, "label": its name, "at": stamp}. Signed, as its whole
    change set is, by a device already paired: the folder alone cannot add one."""

    device: str
    public_key: bytes
    label: str
    at: Timestamp
    box: str = ""  # its age recipient, for sync keys sent to it
    removed: bool = False  # the writer removed it: refuse its change sets from now on


ANNOUNCE_TABLE: Final = "sync_devices"  # the mark in sync_dirty that asks for an announcement
_ANNOUNCE_KEYS = frozenset({"op", "k", "pub", "label", "at", "box", "removed"})
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_DEVICE_ID = re.compile(r"[0-9a-f]{32}")
_PUBLIC = re.compile(r"[0-9a-f]{64}")
MAX_LABEL = 60


def announce_record(announce: Announce) -> dict[str, Any]:
    return {
        "op": "device",
        "k": announce.device,
        "pub": announce.public_key.hex(),
        "label": announce.label,
        "at": announce.at.encode(),
        "box": announce.box,
        "removed": announce.removed,
    }


def _parse_announce(raw: Mapping[str, Any], at: Timestamp) -> Announce:
    if set(raw) != _ANNOUNCE_KEYS:
        raise ValueError("a sync record has fields a record of its kind does not")
    device, public, label = raw["k"], raw["pub"], raw["label"]
    if not (isinstance(device, str) and _DEVICE_ID.fullmatch(device)):
        raise ValueError("a device announced in a change set has no valid id")
    if not (isinstance(public, str) and _PUBLIC.fullmatch(public)):
        raise ValueError("a device announced in a change set has no valid key")
    if not isinstance(label, str) or not label or len(label) > MAX_LABEL or not label.isprintable():
        raise ValueError("a device announced in a change set has no valid name")
    box, removed = raw["box"], raw["removed"]
    if not (isinstance(box, str) and (box == "" or _RECIPIENT.fullmatch(box))) or not isinstance(
        removed, bool
    ):
        raise ValueError("a device announced in a change set has no valid key")
    return Announce(device, bytes.fromhex(public), label, at, box, removed)


def parse_op(raw: Mapping[str, Any], device: str, clock: Timestamp) -> Write | Delete | Announce:
    """A change-set record from `device` (whose change set is stamped `clock`) as a merge
    operation; ValueError in one sentence for anything else: an unknown table, a key that is not
    its table's, a stamp of another device or after the change set's own, a field seen at a
    version from after the write."""
    if not isinstance(raw, Mapping) or raw.get("op") not in ("w", "d", "device"):
        raise ValueError("a sync record is neither a write nor a deletion")
    if raw["op"] == "device":
        return _parse_announce(raw, _stamp(raw.get("at"), device, clock))
    expected = _WRITE_KEYS if raw["op"] == "w" else _DELETE_KEYS
    if set(raw) != expected:
        raise ValueError("a sync record has fields a record of its kind does not")
    tbl = table(raw["t"])
    decode_pk(tbl, raw["k"])
    case = raw["c"]
    if not isinstance(case, str) or not _CASE.fullmatch(case) or (tbl.of_case and not case):
        raise ValueError("a sync record's case is not a case id")
    at = _stamp(raw["at"], device, clock)
    key = Key(tbl.name, raw["k"], case)
    if raw["op"] == "d":
        return Delete(key, at)
    fields, seen = raw["f"], raw["s"]
    if not isinstance(fields, Mapping) or not fields or not isinstance(seen, Mapping):
        raise ValueError("a sync record's write holds no fields")
    stamps: dict[str, frozenset[Timestamp]] = {}
    for name, listed in seen.items():
        if not isinstance(listed, list) or not all(isinstance(s, str) for s in listed):
            raise ValueError("a sync record's seen versions are not stamps")
        stamps[name] = frozenset(hlc.decode(s) for s in listed)
    return Write(key, at, dict(fields), stamps)


def _stamp(text: object, device: str, clock: Timestamp) -> Timestamp:
    try:
        at = hlc.decode(text) if isinstance(text, str) else None
    except ValueError:
        at = None
    if at is None or at.device != device or at > clock:
        raise ValueError("a sync record's stamp is not its writer's, or is later than its change set")
    return at
