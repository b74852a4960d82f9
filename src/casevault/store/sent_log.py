"""What left the vault (issue 6): each zip, handover or subject-access bundle, to whom and when,
the names inside it and its SHA-256."""

from __future__ import annotations

from casevault.core.model import SentRecord
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, to_db


def _record(row: Row) -> SentRecord:
    contents = str(row[5])
    return SentRecord(
        id=str(row[0]),
        ref=str(row[1]),
        kind=str(row[2]),
        sent_at=from_db(str(row[3])),
        recipient=str(row[4]),
        contents=tuple(contents.split("\n")) if contents else (),
        sha256=str(row[6]),
    )


def insert(db: Database, case_id: str, record: SentRecord) -> None:
    db.execute(
        "INSERT INTO sent_log(id, case_id, kind, sent_at, recipient, contents, sha256) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            record.id,
            case_id,
            record.kind,
            to_db(record.sent_at),
            record.recipient,
            "\n".join(record.contents),
            record.sha256,
        ),
    )


def for_case(db: Database, case_id: str) -> list[SentRecord]:
    rows = db.query(
        "SELECT s.id, c.ref, s.kind, s.sent_at, s.recipient, s.contents, s.sha256 "
        "FROM sent_log s JOIN cases c ON c.id = s.case_id WHERE s.case_id = ? ORDER BY s.sent_at, s.id",
        (case_id,),
    )
    return [_record(r) for r in rows]


def member_case_ids(db: Database, case_id: str) -> list[str]:
    """Every case of the member of `case_id` (itself included), oldest first."""
    rows = db.query(
        "SELECT c.id FROM cases c WHERE c.member_id = (SELECT member_id FROM cases WHERE id = ?) "
        "ORDER BY c.opened_at, c.ref",
        (case_id,),
    )
    return [str(r[0]) for r in rows]
