"""Breach records, and the names and references the breach rules check a record against."""

from __future__ import annotations

from casevault.core.model import Breach
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, from_db_opt, to_db


def _breach(row: Row) -> Breach:
    refs = str(row[5])
    return Breach(
        id=str(row[0]),
        occurred_at=from_db(row[1]),
        discovered_at=from_db(row[2]),
        category=str(row[3]),
        what=str(row[4]),
        case_refs=tuple(r for r in refs.split(",") if r),
        informed=str(row[6]),
        informed_at=from_db_opt(row[7]),
        actions=str(row[8]),
        recorded_at=from_db(row[9]),
    )


def insert(db: Database, breach: Breach) -> None:
    db.execute(
        "INSERT INTO breaches(id, occurred_at, discovered_at, category, what, case_refs, informed, "
        "informed_at, actions, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            breach.id,
            to_db(breach.occurred_at),
            to_db(breach.discovered_at),
            breach.category,
            breach.what,
            ",".join(breach.case_refs),
            breach.informed,
            None if breach.informed_at is None else to_db(breach.informed_at),
            breach.actions,
            to_db(breach.recorded_at),
        ),
    )


def get(db: Database, breach_id: str) -> Breach | None:
    row = db.query_one(
        "SELECT id, occurred_at, discovered_at, category, what, case_refs, informed, informed_at, "
        "actions, recorded_at FROM breaches WHERE id = ?",
        (breach_id,),
    )
    return None if row is None else _breach(row)


def all_breaches(db: Database) -> list[Breach]:
    """Newest discovery first."""
    return [
        _breach(r)
        for r in db.query(
            "SELECT id, occurred_at, discovered_at, category, what, case_refs, informed, informed_at, "
            "actions, recorded_at FROM breaches ORDER BY discovered_at DESC, id"
        )
    ]


def people_names(db: Database) -> list[str]:
    """The name of every member and every party in the vault (what a breach text must not hold)."""
    rows = db.query("SELECT name FROM members UNION SELECT name FROM parties")
    return [str(r[0]) for r in rows]


def known_refs(db: Database) -> set[str]:
    """References of every case, and of every deleted case."""
    rows = db.query("SELECT ref FROM cases UNION SELECT ref FROM deletions")
    return {str(r[0]) for r in rows}
