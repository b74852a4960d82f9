"""What the Today screen reads (casework/today.py): deadlines and case dates up to a day, action
points still open, and open cases by the stage their latest procedure is at. Each is bounded by
an index and a limit, so the screen costs a few rows at 100k cases, not a scan."""

from __future__ import annotations

from datetime import datetime

from casevault.casework.today import ACTION, DEADLINE, PROCEDURE_DONE, REP_OWNERS, Item, is_rep
from casevault.store.db import Database
from casevault.store.timefmt import from_db, from_db_opt, to_db

# CROSS JOIN keeps SQLite on the record's own index first (deadlines_due_open,
# case_dates_open_at, action_points_rep_due: schema 15, each led by `case_open`), then the case.
_DEADLINES = """
SELECT c.ref, m.name, d.name, d.due_at, d.overdue_reason FROM deadlines d
CROSS JOIN cases c ON c.id = d.case_id JOIN members m ON m.id = c.member_id
WHERE d.done_on IS NULL AND d.due_at IS NOT NULL AND d.case_open = 1 AND d.due_at <= :until
ORDER BY d.due_at, c.ref LIMIT :limit
"""
_DEADLINES_COUNT = """
SELECT count(*) FROM deadlines
WHERE done_on IS NULL AND due_at IS NOT NULL AND case_open = 1 AND due_at <= :until
"""
_DATES = """
SELECT c.ref, m.name, d.kind, d.at FROM case_dates d
CROSS JOIN cases c ON c.id = d.case_id JOIN members m ON m.id = c.member_id
WHERE d.case_open = 1 AND d.at >= :since AND d.at <= :until ORDER BY d.at, c.ref LIMIT :limit
"""
_DATES_COUNT = """
SELECT count(*) FROM case_dates WHERE case_open = 1 AND at >= :since AND at <= :until
"""
# The owner is free text: SQL narrows it to the rep's words in SQLite's ASCII-only lower(), each
# word given also as typed in upper case (`rep_owner_test`), and casework/today.is_rep has the
# last word. The test is written out as literals, the very expression action_points_rep_due
# indexes (schema 15), so the rep's rows are read in due order and a first page stops early.
_REP_WORDS = sorted({w for word in REP_OWNERS for w in (word, word.upper(), word.capitalize())})


def rep_owner_test(column: str = "owner") -> str:
    """`column` is one of the rep's words (`_REP_WORDS`), as SQL with the words as literals."""
    if not all(w.replace(" ", "").isalpha() or not w for w in _REP_WORDS):
        raise ValueError("the rep's words are letters and spaces only")  # they become literals
    return f"lower(trim({column})) IN ({', '.join(repr(w) for w in _REP_WORDS)})"


_ACTIONS = f"""
SELECT c.ref, m.name, a.what, a.due_at, a.owner FROM action_points a
CROSS JOIN cases c ON c.id = a.case_id JOIN members m ON m.id = c.member_id
WHERE a.done_at IS NULL AND a.case_open = 1 AND ({rep_owner_test("a.owner")}) = 1
ORDER BY a.due_at IS NULL, a.due_at, c.ref LIMIT ?
"""  # noqa: S608 - constant literals
_ACTIONS_COUNT = f"""
SELECT count(*) FROM action_points WHERE done_at IS NULL AND case_open = 1 AND ({rep_owner_test()}) = 1
"""  # noqa: S608
# The stage each open case's latest procedure is at: the latest stage whose clock is running
# (its event recorded, not done), else the first stage after the last one done; procedures are
# few beside cases, so this reads them, not the cases.
_STAGES = """
SELECT coalesce(
    (SELECT d.name FROM deadlines d WHERE d.case_id = p.case_id AND d.procedure_id = p.id
        AND d.kind = 'stage' AND d.done_on IS NULL AND d.event_on IS NOT NULL
        ORDER BY d.position DESC LIMIT 1),
    (SELECT d.name FROM deadlines d WHERE d.case_id = p.case_id AND d.procedure_id = p.id
        AND d.kind = 'stage' AND d.done_on IS NULL AND d.position > coalesce((
            SELECT max(x.position) FROM deadlines x WHERE x.case_id = p.case_id
            AND x.procedure_id = p.id AND x.kind = 'stage' AND x.done_on IS NOT NULL), -1)
        ORDER BY d.position LIMIT 1),
    :done), count(*)
FROM procedures p CROSS JOIN cases c ON c.id = p.case_id
WHERE c.status = 'open' AND p.id = (
    SELECT id FROM procedures WHERE case_id = c.id ORDER BY started_at DESC, id DESC LIMIT 1)
GROUP BY 1
"""


def deadlines_until(db: Database, until: datetime, now: datetime, limit: int) -> tuple[list[Item], int]:
    """Undone deadlines of open cases due by `until`, overdue ones among them, and how many."""
    bound = {"until": to_db(until), "limit": limit}
    rows = db.query(_DEADLINES, bound)
    items = [
        Item(DEADLINE, str(r[0]), str(r[1]), str(r[2]), due, due < now and not r[4])
        for r in rows
        if (due := from_db(str(r[3])))
    ]
    return items, int(db.scalar(_DEADLINES_COUNT, {"until": bound["until"]}) or 0)


def dates_between(db: Database, since: datetime, until: datetime, limit: int) -> tuple[list[Item], int]:
    """Hearings and meetings of open cases from `since` to `until`, and how many."""
    bound = {"since": to_db(since), "until": to_db(until)}
    rows = db.query(_DATES, {**bound, "limit": limit})
    items = [Item(str(r[2]), str(r[0]), str(r[1]), str(r[2]), from_db(str(r[3]))) for r in rows]
    return items, int(db.scalar(_DATES_COUNT, bound) or 0)


def rep_actions(db: Database, limit: int) -> tuple[list[Item], int]:
    """Open action points of open cases whose owner is the rep, soonest due first, and how many."""
    rows = db.query(_ACTIONS, (limit,))
    items = [
        Item(ACTION, str(r[0]), str(r[1]), str(r[2]), from_db_opt(r[3])) for r in rows if is_rep(str(r[4]))
    ]
    return items, int(db.scalar(_ACTIONS_COUNT) or 0)


def open_by_stage(db: Database) -> tuple[int, list[tuple[str, int]]]:
    """(open cases, [(stage, open cases at it)]) for open cases on a procedure."""
    total = int(db.scalar("SELECT count(*) FROM cases WHERE status = 'open'") or 0)
    return total, [(str(r[0]), int(r[1])) for r in db.query(_STAGES, {"done": PROCEDURE_DONE})]
