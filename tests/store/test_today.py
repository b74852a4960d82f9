"""The Today queries (store/today.py) read through their indexes: each plan starts from the
record's own index, never a scan of cases, so the screen stays a few rows at 100k cases."""

from __future__ import annotations

from casevault.store import today as today_rows
from casevault.store.db import Database


def _plan(db: Database, sql: str, params: object) -> str:
    return "\n".join(str(r[3]) for r in db.query("EXPLAIN QUERY PLAN " + sql, params))  # type: ignore[arg-type]


def test_the_queries_start_from_their_indexes(db: Database) -> None:
    bound = {"until": "2027", "since": "2026", "limit": 10}
    assert "deadlines_due_open" in _plan(db, today_rows._DEADLINES, bound)
    assert "case_dates_open_at" in _plan(db, today_rows._DATES, bound)
    # The rep's rows in due order, and their count from the index alone (schema 15).
    assert "action_points_rep_due (case_open=? AND <expr>=?)" in _plan(db, today_rows._ACTIONS, (10,))
    assert "COVERING INDEX action_points_rep_due" in _plan(db, today_rows._ACTIONS_COUNT, ())
    for sql, params in ((today_rows._DEADLINES, bound), (today_rows._DATES, bound)):
        assert "SCAN c" not in _plan(db, sql, params)


def test_an_empty_vault_has_nothing(db: Database) -> None:
    assert today_rows.open_by_stage(db) == (0, [])
    assert today_rows.rep_actions(db, 10) == ([], 0)
