"""Escalation records: who the case went to, when and how. Each also has its paper-trail entry."""

from __future__ import annotations

from casevault.core.model import Escalation
from casevault.store.db import Database
from casevault.store.timefmt import from_db, to_db


def insert_escalation(db: Database, case_id: str, escalation: Escalation) -> None:
    """Call inside the transaction that writes the escalation's paper-trail entry."""
    db.execute(
        "INSERT INTO escalations(id, case_id, event_id, escalated_to, escalated_at, how, "
        "regional_office_notified, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            escalation.id,
            case_id,
            escalation.event_id,
            escalation.escalated_to,
            to_db(escalation.escalated_at),
            escalation.how,
            1 if escalation.regional_office_notified else 0,
            to_db(escalation.recorded_at),
        ),
    )


def escalations(db: Database, case_id: str) -> list[Escalation]:
    rows = db.query(
        "SELECT id, event_id, escalated_to, escalated_at, how, regional_office_notified, recorded_at "
        "FROM escalations WHERE case_id = ? ORDER BY escalated_at, recorded_at",
        (case_id,),
    )
    return [
        Escalation(str(r[0]), str(r[1]), str(r[2]), from_db(r[3]), str(r[4]), bool(r[5]), from_db(r[6]))
        for r in rows
    ]


# The one test of whether a case's escalation is on record: its paper trail holds an "escalation"
# entry. Recording an escalation (the form, `escalation add`) writes one with its record, and a rep
# can add one to the paper trail by hand; both count, for the People tab, the closing guard and the
# "escalation unrecorded" reminder alike (store/reminders.py uses this same text), through the
# events_by_kind index. `{case}` is the case id's column or parameter.
ESCALATION_ENTRIES = "FROM events e WHERE e.case_id = {case} AND e.kind = 'escalation'"


def escalation_entries(db: Database, case_id: str) -> int:
    """How many "escalation" entries the case's paper trail holds."""
    sql = "SELECT count(*) " + ESCALATION_ENTRIES.format(case="?")
    return int(db.scalar(sql, (case_id,)) or 0)


def has_escalation_event(db: Database, case_id: str) -> bool:
    """Whether the paper trail holds an "escalation" entry (recorded through the form or by hand)."""
    found = db.scalar("SELECT 1 " + ESCALATION_ENTRIES.format(case="?") + " LIMIT 1", (case_id,))
    return found is not None
