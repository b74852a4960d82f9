"""Consent given by the member, with its scope and date; a withdrawal is recorded on the same row."""

from __future__ import annotations

from datetime import datetime

from casevault.core.model import Consent
from casevault.store.cases import touch
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, from_db_opt, to_db

_COLUMNS = "id, scope, given_at, note, withdrawn_at, recorded_at"


def _consent(row: Row) -> Consent:
    return Consent(
        str(row[0]), str(row[1]), from_db(row[2]), str(row[3]), from_db_opt(row[4]), from_db(row[5])
    )


def insert_consent(db: Database, case_id: str, consent: Consent) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO consents(id, case_id, scope, given_at, note, withdrawn_at, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, NULL, ?)",
            (
                consent.id,
                case_id,
                consent.scope,
                to_db(consent.given_at),
                consent.note,
                to_db(consent.recorded_at),
            ),
        )
        touch(db, case_id, consent.recorded_at)


def consents(db: Database, case_id: str) -> list[Consent]:
    rows = db.query(
        f"SELECT {_COLUMNS} FROM consents WHERE case_id = ? ORDER BY given_at, recorded_at, id",  # noqa: S608 - constant columns
        (case_id,),
    )
    return [_consent(r) for r in rows]


def get_consent(db: Database, consent_id: str) -> tuple[str, Consent] | None:
    """(case id, the consent), or None when there is no such consent."""
    row = db.query_one(f"SELECT {_COLUMNS}, case_id FROM consents WHERE id = ?", (consent_id,))  # noqa: S608
    return None if row is None else (str(row[6]), _consent(row))


def set_withdrawn(db: Database, consent_id: str, at: datetime, now: datetime) -> None:
    with db.transaction():
        db.execute("UPDATE consents SET withdrawn_at = ? WHERE id = ?", (to_db(at), consent_id))
        case_id = db.scalar("SELECT case_id FROM consents WHERE id = ?", (consent_id,))
        if case_id is not None:
            touch(db, str(case_id), now)


def in_force(db: Database, case_id: str, scope: str) -> bool:
    """Whether a consent of this scope is recorded for the case and not withdrawn."""
    found = db.scalar(
        "SELECT 1 FROM consents WHERE case_id = ? AND scope = ? AND withdrawn_at IS NULL LIMIT 1",
        (case_id, scope),
    )
    return found is not None
