"""What the reminder engine reads (casework.reminders), case dates, and snooze/dismiss state.

Each query returns only the records that can raise a reminder, so evaluating a vault of 100k
cases every minute reads a few indexed rows rather than every case."""

from __future__ import annotations

from datetime import UTC, datetime

from casevault.casework.reminders import (
    BACKUP_EVERY_DEFAULT,
    BACKUP_EVERY_SETTING,
    BACKUP_LAST_SETTING,
    Horizon,
    ReminderState,
    Sources,
)
from casevault.core.model import CaseDate
from casevault.store.cases import closed_cases, touch
from casevault.store.db import Database
from casevault.store.meetings import dated_actions_of_open_cases
from casevault.store.timefmt import from_db, from_db_opt, to_db

_LAST = datetime.max.replace(tzinfo=UTC)
EVERYTHING = Horizon(_LAST, _LAST, _LAST, _LAST, _LAST, _LAST)


def sources(db: Database, horizon: Horizon = EVERYTHING) -> Sources:
    """The records that can raise a reminder due by `horizon` (by default, whatever their due
    time). Each bound is a stored-time comparison through an index, so a query reads only what
    can be due. CROSS JOIN fixes SQLite's join order: records first, then their case."""
    h = horizon
    dates = [
        (str(r[0]), CaseDate(str(r[1]), str(r[2]), from_db(r[3]), str(r[4])))
        for r in db.query(
            "SELECT c.ref, d.id, d.kind, d.at, d.note "
            "FROM case_dates d CROSS JOIN cases c ON c.id = d.case_id "
            "WHERE d.at <= ? AND c.status = 'open' ORDER BY d.at",
            (to_db(h.date_at),),
        )
    ]
    # Only oral advice no written advice on the same case has followed: the rule in
    # casework.reminders._advice_follow_ups, applied here so advice already confirmed is never
    # fetched (stored times are fixed-width UTC text, so they compare as strings). The index on
    # (kind, case_id, occurred_at, id) answers it without reading a note's row.
    advice = [
        (str(r[0]), str(r[1]), "advice", from_db(r[2]))
        for r in db.query(
            "SELECT c.ref, e.id, e.occurred_at FROM events e CROSS JOIN cases c ON c.id = e.case_id "
            "WHERE e.kind = 'advice' AND e.occurred_at <= ? AND c.status = 'open' AND NOT EXISTS "
            "(SELECT 1 FROM events w WHERE w.kind = 'advice-written' AND w.case_id = e.case_id "
            "AND w.occurred_at >= e.occurred_at)",
            (to_db(h.advice_at),),
        )
    ]
    escalations = [
        (str(r[0]), str(r[1]), from_db(r[2]), bool(r[3]))
        for r in db.query(
            "SELECT c.ref, c.id, f.escalation_prompted_at, EXISTS (SELECT 1 FROM events e "
            "WHERE e.case_id = c.id AND e.kind = 'escalation') "
            "FROM first_meetings f CROSS JOIN cases c ON c.id = f.case_id "
            "WHERE f.escalation_prompted_at <= ? AND c.status = 'open'",
            (to_db(h.prompted_at),),
        )
    ]
    originals = [
        (str(r[0]), str(r[1]), from_db(r[2]))
        for r in db.query(
            "SELECT c.ref, c.id, c.closed_at FROM first_meetings f CROSS JOIN cases c ON c.id = f.case_id "
            "WHERE f.originals_received != '' AND f.originals_returned_at IS NULL "
            "AND c.status = 'closed' AND c.closed_at <= ?1 "
            # The originals register (issue 5): any item not returned, through its partial index.
            "UNION SELECT c.ref, c.id, c.closed_at FROM originals o CROSS JOIN cases c ON c.id = o.case_id "
            "WHERE o.returned_at IS NULL AND c.status = 'closed' AND c.closed_at <= ?1",
            (to_db(h.closed_at),),
        )
    ]
    return Sources(
        closed=tuple(closed_cases(db, retained_until=h.retain_until)),
        actions=tuple(dated_actions_of_open_cases(db, due_by=h.action_due)),
        dates=tuple(dates),
        advice=tuple(advice),
        escalations=tuple(escalations),
        originals=tuple(originals),
    )


def backup_source(db: Database) -> tuple[datetime | None, datetime | None, int]:
    """The vault-wide backup reminder's record (kept out of `sources`, so `casevault reminders`
    and the case agenda stay per case): (in use since: the first audit entry or the oldest case,
    last backup, every N days)."""
    row = db.query_one(
        "SELECT (SELECT at FROM audit_log WHERE seq = 1), (SELECT min(opened_at) FROM cases), "
        "(SELECT value FROM settings WHERE key = ?), (SELECT value FROM settings WHERE key = ?)",
        (BACKUP_LAST_SETTING, BACKUP_EVERY_SETTING),
    )
    if row is None:
        return (None, None, BACKUP_EVERY_DEFAULT)
    starts = [from_db(str(t)) for t in row[:2] if t is not None]
    try:
        every = BACKUP_EVERY_DEFAULT if row[3] is None else int(row[3])
    except ValueError:
        every = BACKUP_EVERY_DEFAULT
    return (min(starts) if starts else None, from_db_opt(row[2]), every)


def states(db: Database) -> dict[str, ReminderState]:
    return {
        str(r[0]): ReminderState(dismissed=r[1] is not None, snoozed_until=from_db_opt(r[2]))
        for r in db.query("SELECT key, dismissed_at, snoozed_until FROM reminder_states")
    }


def set_state(
    db: Database, key: str, case_id: str, *, dismissed_at: datetime | None, snoozed_until: datetime | None
) -> None:
    db.execute(
        "INSERT INTO reminder_states(key, case_id, dismissed_at, snoozed_until) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET dismissed_at = excluded.dismissed_at, "
        "snoozed_until = excluded.snoozed_until",
        (
            key,
            case_id,
            None if dismissed_at is None else to_db(dismissed_at),
            None if snoozed_until is None else to_db(snoozed_until),
        ),
    )


def insert_case_date(db: Database, case_id: str, date: CaseDate, now: datetime) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO case_dates(id, case_id, kind, at, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (date.id, case_id, date.kind, to_db(date.at), date.note, to_db(now)),
        )
        touch(db, case_id, now)


def case_dates(db: Database, case_id: str) -> list[CaseDate]:
    rows = db.query("SELECT id, kind, at, note FROM case_dates WHERE case_id = ? ORDER BY at", (case_id,))
    return [CaseDate(str(r[0]), str(r[1]), from_db(r[2]), str(r[3])) for r in rows]


def delete_case_date(db: Database, date_id: str) -> str | None:
    """Remove a case date; returns its case id, or None if there is no such date."""
    with db.transaction():
        case_id = db.scalar("SELECT case_id FROM case_dates WHERE id = ?", (date_id,))
        if case_id is not None:
            db.execute("DELETE FROM case_dates WHERE id = ?", (date_id,))
        return None if case_id is None else str(case_id)
