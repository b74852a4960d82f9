"""The first meeting of a case, its agreed issues, and action points."""

from __future__ import annotations

from datetime import datetime

from casevault.core.model import ActionPoint, FirstMeeting
from casevault.store import search
from casevault.store.cases import touch
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, from_db_opt, to_db


def _opt(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)


def get_first_meeting(db: Database, case_id: str) -> FirstMeeting:
    row = db.query_one(
        "SELECT held_at, narrative, dismissal_threatened, discrimination_alleged, "
        "confidentiality_explained, originals_received, member_decision, updated_at, "
        "originals_returned_at FROM first_meetings WHERE case_id = ?",
        (case_id,),
    )
    issues = tuple(
        str(r[0])
        for r in db.query("SELECT text FROM case_issues WHERE case_id = ? ORDER BY position", (case_id,))
    )
    if row is None:
        return FirstMeeting(issues=issues)
    return FirstMeeting(
        held_at=from_db_opt(row[0]),
        issues=issues,
        narrative=row[1],
        dismissal_threatened=bool(row[2]),
        discrimination_alleged=bool(row[3]),
        confidentiality_explained=bool(row[4]),
        originals_received=row[5],
        member_decision=row[6],
        updated_at=from_db(row[7]),
        originals_returned_at=from_db_opt(row[8]),
    )


def save_first_meeting(
    db: Database, case_id: str, meeting: FirstMeeting, issue_ids: list[str], now: datetime
) -> None:
    """Replace the case's first-meeting record and its issues, and reindex them, in one transaction."""
    with db.transaction():
        db.execute(
            "INSERT INTO first_meetings(case_id, held_at, narrative, dismissal_threatened, "
            "discrimination_alleged, confidentiality_explained, originals_received, member_decision, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(case_id) DO UPDATE SET held_at = excluded.held_at, "
            "narrative = excluded.narrative, dismissal_threatened = excluded.dismissal_threatened, "
            "discrimination_alleged = excluded.discrimination_alleged, "
            "confidentiality_explained = excluded.confidentiality_explained, "
            "originals_received = excluded.originals_received, "
            "member_decision = excluded.member_decision, updated_at = excluded.updated_at",
            (
                case_id,
                _opt(meeting.held_at),
                meeting.narrative,
                int(meeting.dismissal_threatened),
                int(meeting.discrimination_alleged),
                int(meeting.confidentiality_explained),
                meeting.originals_received,
                meeting.member_decision,
                to_db(now),
            ),
        )
        # Escalation is prompted from the first save with a flag ticked, and that moment stays put
        # (a later save must not re-raise a reminder the rep dismissed).
        db.execute(
            "UPDATE first_meetings SET escalation_prompted_at = CASE "
            "WHEN dismissal_threatened = 1 OR discrimination_alleged = 1 "
            "THEN coalesce(escalation_prompted_at, updated_at) ELSE NULL END WHERE case_id = ?",
            (case_id,),
        )
        db.execute("DELETE FROM case_issues WHERE case_id = ?", (case_id,))
        for position, (issue_id, text) in enumerate(zip(issue_ids, meeting.issues, strict=True)):
            db.execute(
                "INSERT INTO case_issues(id, case_id, position, text) VALUES (?, ?, ?, ?)",
                (issue_id, case_id, position, text),
            )
        words = "\n".join(
            [*meeting.issues, meeting.narrative, meeting.originals_received, meeting.member_decision]
        )
        search.index(db, case_id, "first-meeting", case_id, words)
        touch(db, case_id, now)


def action_of_row(row: Row) -> ActionPoint:
    return ActionPoint(
        id=row[0],
        what=row[1],
        owner=row[2],
        due_at=from_db_opt(row[3]),
        done_at=from_db_opt(row[4]),
        created_at=from_db(row[5]),
    )


ACTION_COLUMNS = "id, what, owner, due_at, done_at, created_at"


def insert_action(db: Database, case_id: str, action: ActionPoint) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO action_points(id, case_id, what, owner, due_at, done_at, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                action.id,
                case_id,
                action.what,
                action.owner,
                _opt(action.due_at),
                _opt(action.done_at),
                to_db(action.created_at),
            ),
        )
        search.index(db, case_id, "action", action.id, f"{action.what}\n{action.owner}")
        touch(db, case_id, action.created_at)


def set_action_done(db: Database, action_id: str, done_at: datetime | None) -> str | None:
    """Mark an action point done (or not done again); returns its case id, or None if unknown."""
    with db.transaction():
        case_id = db.scalar("SELECT case_id FROM action_points WHERE id = ?", (action_id,))
        if case_id is None:
            return None
        db.execute("UPDATE action_points SET done_at = ? WHERE id = ?", (_opt(done_at), action_id))
        return str(case_id)


def actions_for_case(db: Database, case_id: str) -> list[ActionPoint]:
    rows = db.query(
        f"SELECT {ACTION_COLUMNS} FROM action_points WHERE case_id = ? "  # noqa: S608 - constant columns
        "ORDER BY done_at IS NOT NULL, due_at IS NULL, due_at, created_at",
        (case_id,),
    )
    return [action_of_row(r) for r in rows]


def dated_actions_of_open_cases(
    db: Database, *, due_by: datetime | None = None
) -> list[tuple[str, ActionPoint]]:
    """(case reference, action) for every action point not done, with a due date (by `due_by`,
    if given), of an open case."""
    bound, params = ("AND a.due_at <= ? ", (to_db(due_by),)) if due_by else ("", ())
    rows = db.query(
        "SELECT c.ref, a.id, a.what, a.owner, a.due_at, a.done_at, a.created_at "  # noqa: S608
        # CROSS JOIN: the due actions by their partial index first, then their case; from the
        # open cases it was a probe per case with nothing due.
        "FROM action_points a CROSS JOIN cases c ON c.id = a.case_id "
        f"WHERE a.done_at IS NULL AND a.due_at IS NOT NULL {bound}AND c.status = 'open' ORDER BY a.due_at",
        params,
    )
    return [(str(r[0]), action_of_row(r[1:])) for r in rows]


def open_actions_due_by(db: Database, until: datetime) -> list[tuple[str, ActionPoint]]:
    """(case reference, action) for every open action point due at or before `until`."""
    rows = db.query(
        "SELECT c.ref, a.id, a.what, a.owner, a.due_at, a.done_at, a.created_at "
        "FROM action_points a JOIN cases c ON c.id = a.case_id "
        "WHERE a.done_at IS NULL AND a.due_at IS NOT NULL AND a.due_at <= ? ORDER BY a.due_at",
        (to_db(until),),
    )
    return [(str(r[0]), action_of_row(r[1:])) for r in rows]


def set_originals_returned(db: Database, case_id: str, returned_at: datetime | None, now: datetime) -> None:
    """Record that the originals went back to the member (or, with None, that they did not)."""
    with db.transaction():
        db.execute(
            "INSERT INTO first_meetings(case_id, updated_at, originals_returned_at) VALUES (?, ?, ?) "
            "ON CONFLICT(case_id) DO UPDATE SET originals_returned_at = excluded.originals_returned_at",
            (case_id, to_db(now), _opt(returned_at)),
        )
        touch(db, case_id, now)


def originals_outstanding(db: Database, case_id: str) -> bool:
    found = db.scalar(
        "SELECT 1 FROM first_meetings WHERE case_id = ? AND originals_received != '' "
        "AND originals_returned_at IS NULL",
        (case_id,),
    )
    return found is not None
