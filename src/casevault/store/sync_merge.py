"""SQL for applying another device's records (issue 20) beyond reading and writing them
(store/sync_rows.py): kept conflict versions one by one, a record sent whole again, a device to
announce, and the two unique values two devices can both give out (a case reference, a place in
a case's list of issues), which the sync engine settles the same way on every device."""

from __future__ import annotations

import json
from collections.abc import Iterable

from casevault.casework import sync_records
from casevault.core import hlc
from casevault.core.hlc import Timestamp
from casevault.store.db import Database
from casevault.store.sync_rows import KeptVersion, field_names


def drop_conflict_version(db: Database, tbl_name: str, pk: str, field: str, stamp: Timestamp) -> None:
    """A write that saw this kept version replaced it."""
    db.execute(
        "DELETE FROM sync_conflicts WHERE tbl = ? AND pk = ? AND field = ? AND stamp = ?",
        (tbl_name, pk, field, stamp.encode()),
    )


# ---- unique values two devices can both have given out ----------------------------------------


def case_with_ref(db: Database, ref: str) -> str | None:
    found = db.scalar("SELECT id FROM cases WHERE ref = ?", (ref,))
    return None if found is None else str(found)


def set_case_ref(db: Database, case_id: str, ref: str) -> None:
    db.execute("UPDATE cases SET ref = ? WHERE id = ?", (ref, case_id))


def issue_at(db: Database, case_id: str, position: int) -> str | None:
    found = db.scalar("SELECT id FROM case_issues WHERE case_id = ? AND position = ?", (case_id, position))
    return None if found is None else str(found)


def set_issue_position(db: Database, issue_id: str, position: int) -> None:
    db.execute("UPDATE case_issues SET position = ? WHERE id = ?", (position, issue_id))


def case_of_issue(db: Database, issue_id: str) -> str | None:
    found = db.scalar("SELECT case_id FROM case_issues WHERE id = ?", (issue_id,))
    return None if found is None else str(found)


def conflicts_of(db: Database, tbl_name: str, pk: str, field: str) -> list[KeptVersion]:
    """The kept versions of one field, newest first."""
    rows = db.query(
        "SELECT stamp, value FROM sync_conflicts WHERE tbl = ? AND pk = ? AND field = ? ORDER BY stamp DESC",
        (tbl_name, pk, field),
    )
    return [KeptVersion(tbl_name, pk, field, hlc.decode(str(r[0])), json.loads(str(r[1]))) for r in rows]


def mark_for_resend(db: Database, tbl_name: str, pk: str, case: str) -> None:
    """Send the whole record again in the next export (its versions forgotten, so every field
    counts as changed): a device that deleted it brings it back from that."""
    with db.transaction():
        db.execute("DELETE FROM sync_versions WHERE tbl = ? AND pk = ?", (tbl_name, pk))
        db.execute(
            "INSERT INTO sync_dirty(tbl, pk, case_id) VALUES (?, ?, ?) ON CONFLICT(tbl, pk) DO NOTHING",
            (tbl_name, pk, case),
        )


def is_whole(db: Database, tbl_name: str, fields: Iterable[str]) -> bool:
    """Whether these fields are all of a record's: enough to insert its row."""
    return set(field_names(db, tbl_name)) <= set(fields)


def mark_announce(db: Database, device_id: str) -> None:
    """Tell the other devices of a device paired here, in the next export."""
    db.execute(
        "INSERT INTO sync_dirty(tbl, pk, case_id) VALUES (?, ?, '') ON CONFLICT(tbl, pk) DO NOTHING",
        (sync_records.ANNOUNCE_TABLE, device_id),
    )


def send_field_again(db: Database, tbl_name: str, pk: str, field: str, case: str) -> None:
    """The rep chose a field's version: the next export sends it (with every kept version as
    seen) even when the chosen value is the one already shown, so the other devices end their
    conflict too."""
    with db.transaction():
        db.execute(
            "UPDATE sync_versions SET digest = x'' WHERE tbl = ? AND pk = ? AND field = ?",
            (tbl_name, pk, field),
        )
        db.execute(
            "INSERT INTO sync_dirty(tbl, pk, case_id) VALUES (?, ?, ?) ON CONFLICT(tbl, pk) DO NOTHING",
            (tbl_name, pk, case),
        )
