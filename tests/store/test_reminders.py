"""The reminder counts (store/reminders.py) read one covering index each and never a case: at
100k cases a probe of each record's case cost about 50 ms a count (issue 15, schema 15)."""

from __future__ import annotations

import pytest

from casevault.store import reminders as reminder_rows
from casevault.store.db import Database

# The kinds whose records carry their case's status (schema 15) or live in follow_ups (schema 11).
_CASE_FREE = ("action-due", "hearing-soon", "advice-follow-up", "deadline-warning")


@pytest.mark.parametrize("kind", _CASE_FREE)
def test_a_count_reads_one_covering_index(db: Database, kind: str) -> None:
    source = next(s for s in reminder_rows._ALL if s.kind == kind)
    plan = [str(r[3]) for r in db.query("EXPLAIN QUERY PLAN " + source.count, {"bound": "2027"})]
    assert len(plan) == 1 and "USING COVERING INDEX" in plan[0], plan


@pytest.mark.parametrize("kind", _CASE_FREE)
def test_a_first_page_of_rows_starts_from_the_record_s_index(db: Database, kind: str) -> None:
    source = next(s for s in reminder_rows._ALL if s.kind == kind)
    plan = [str(r[3]) for r in db.query(f"EXPLAIN QUERY PLAN {source.rows} ORDER BY at", {"bound": "2027"})]
    assert plan[0].startswith("SEARCH") and "INDEX" in plan[0], plan
    assert not any(step.startswith("SCAN") for step in plan), plan
