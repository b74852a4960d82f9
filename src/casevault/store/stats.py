"""The rows the branch figures count (casework/figures.py): per case its type, dates, outcome and
the furthest stage done of its latest procedure; purged cases from their deletion records, so the
figures outlive the cases. Codes and dates only: no name, reference or free text is read."""

from __future__ import annotations

from datetime import datetime

from casevault.store.db import Database
from casevault.store.timefmt import from_db, from_db_opt, to_db

NOT_STARTED = "not-started"  # on a procedure, no stage done yet
NOT_KNOWN = "not-recorded"  # a purged case: its stages went with it

_FACTS = """
SELECT c.case_type, c.opened_at, c.closed_at, c.outcome,
    CASE WHEN p.id IS NULL THEN NULL ELSE coalesce((
        SELECT d.stage_key FROM deadlines d
        WHERE d.case_id = c.id AND d.procedure_id = p.id AND d.done_on IS NOT NULL
        ORDER BY d.position DESC LIMIT 1), :not_started) END
FROM cases c LEFT JOIN procedures p ON p.id = (
    SELECT id FROM procedures WHERE case_id = c.id ORDER BY started_at DESC, id DESC LIMIT 1)
WHERE c.opened_at >= :since
UNION ALL
SELECT case_type, opened_at, closed_at, outcome, :not_known FROM deletions WHERE opened_at >= :since
"""


def case_facts(
    db: Database, since: datetime | None = None
) -> list[tuple[str, datetime, datetime | None, str | None, str | None]]:
    """(type as stored, opened, closed, outcome, stage reached) of every case opened since `since`."""
    rows = db.query(
        _FACTS,
        {
            "since": "" if since is None else to_db(since),
            "not_started": NOT_STARTED,
            "not_known": NOT_KNOWN,
        },
    )
    return [
        (str(r[0]), from_db(str(r[1])), from_db_opt(r[2]), None if r[3] is None else str(r[3]), r[4])
        for r in rows
    ]
