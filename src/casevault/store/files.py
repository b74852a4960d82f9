"""Attachment rows. The blobs themselves live in the case folder; see casevault.attachments."""

from __future__ import annotations

from datetime import datetime

from casevault.core.model import Attachment
from casevault.store import search
from casevault.store.cases import touch
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, to_db


def _attachment(row: Row) -> Attachment:
    return Attachment(id=row[0], case_id=row[1], name=row[2], size=int(row[3]), added_at=from_db(row[4]))


def begin_import(db: Database, case_id: str, file_id: str, now: datetime) -> None:
    db.execute(
        "INSERT INTO pending_imports(file_id, case_id, started_at) VALUES (?, ?, ?)",
        (file_id, case_id, to_db(now)),
    )


def abandon_import(db: Database, file_id: str) -> None:
    db.execute("DELETE FROM pending_imports WHERE file_id = ?", (file_id,))


def pending_imports(db: Database) -> list[tuple[str, str]]:
    """(case id, file id) of imports that never finished."""
    return [(str(r[0]), str(r[1])) for r in db.query("SELECT case_id, file_id FROM pending_imports")]


def insert(db: Database, attachment: Attachment, wrapped_key: bytes) -> None:
    """Record a finished import (its blob is already durable) and clear its pending marker."""
    with db.transaction():
        abandon_import(db, attachment.id)
        db.execute(
            "INSERT INTO attachments(id, case_id, name, size, wrapped_key, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                attachment.id,
                attachment.case_id,
                attachment.name,
                attachment.size,
                wrapped_key,
                to_db(attachment.added_at),
            ),
        )
        search.index(db, attachment.case_id, "attachment", attachment.id, attachment.name)
        touch(db, attachment.case_id, attachment.added_at)


def get(db: Database, attachment_id: str) -> tuple[Attachment, bytes] | None:
    row = db.query_one(
        "SELECT id, case_id, name, size, added_at, wrapped_key FROM attachments WHERE id = ?",
        (attachment_id,),
    )
    return None if row is None else (_attachment(row), bytes(row[5]))


def for_case(db: Database, case_id: str) -> list[Attachment]:
    rows = db.query(
        "SELECT id, case_id, name, size, added_at FROM attachments WHERE case_id = ? ORDER BY added_at, name",
        (case_id,),
    )
    return [_attachment(r) for r in rows]


def all_with_keys(db: Database) -> list[tuple[Attachment, bytes]]:
    rows = db.query(
        "SELECT id, case_id, name, size, added_at, wrapped_key FROM attachments ORDER BY case_id, id"
    )
    return [(_attachment(r), bytes(r[5])) for r in rows]


def ids_by_case(db: Database) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for case_id, attachment_id in db.query("SELECT case_id, id FROM attachments"):
        out.setdefault(str(case_id), set()).add(str(attachment_id))
    return out
