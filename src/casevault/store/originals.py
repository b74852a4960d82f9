"""The originals register: original documents received from the member, and their return."""

from __future__ import annotations

from datetime import datetime

from casevault.core.model import Original
from casevault.store.cases import touch
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, from_db_opt, to_db

_COLUMNS = "id, description, received_at, kept_where, returned_at, returned_how, recorded_at"


def _original(row: Row) -> Original:
    return Original(
        id=str(row[0]),
        description=str(row[1]),
        received_at=from_db(row[2]),
        kept_where=str(row[3]),
        returned_at=from_db_opt(row[4]),
        returned_how=str(row[5]),
        recorded_at=from_db(row[6]),
    )


def insert(db: Database, case_id: str, original: Original) -> None:
    with db.transaction():
        db.execute(
            f"INSERT INTO originals({_COLUMNS}, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            (
                original.id,
                original.description,
                to_db(original.received_at),
                original.kept_where,
                None if original.returned_at is None else to_db(original.returned_at),
                original.returned_how,
                to_db(original.recorded_at),
                case_id,
            ),
        )
        touch(db, case_id, original.recorded_at)


def get(db: Database, original_id: str) -> tuple[str, Original] | None:
    """(case id, the original), or None if there is no such row."""
    row = db.query_one(f"SELECT {_COLUMNS}, case_id FROM originals WHERE id = ?", (original_id,))  # noqa: S608
    return None if row is None else (str(row[7]), _original(row))


def set_returned(
    db: Database, original_id: str, returned_at: datetime, how: str, now: datetime
) -> str | None:
    """Record an original's return; returns its case id, or None if there is no such row."""
    with db.transaction():
        case_id = db.scalar("SELECT case_id FROM originals WHERE id = ?", (original_id,))
        if case_id is None:
            return None
        db.execute(
            "UPDATE originals SET returned_at = ?, returned_how = ? WHERE id = ?",
            (to_db(returned_at), how, original_id),
        )
        touch(db, str(case_id), now)
        return str(case_id)


def for_case(db: Database, case_id: str) -> list[Original]:
    rows = db.query(
        f"SELECT {_COLUMNS} FROM originals WHERE case_id = ? ORDER BY received_at, recorded_at",  # noqa: S608
        (case_id,),
    )
    return [_original(r) for r in rows]


def any_outstanding(db: Database, case_id: str) -> bool:
    """Some register row of the case is not returned (served by the partial index)."""
    return bool(
        db.scalar(
            "SELECT EXISTS (SELECT 1 FROM originals WHERE case_id = ? AND returned_at IS NULL)", (case_id,)
        )
    )
