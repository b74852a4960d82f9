"""Schema 15 (issue 15): each action point, hearing or meeting, and deadline carries whether its
case is open, kept by triggers through every insert, close and reopen, so the reminder counts
never read a case; and the rep's own action points are indexed in their due order."""

from __future__ import annotations

from pathlib import Path

from casevault.store import schema, schema_later
from casevault.store import today as today_rows
from casevault.store.db import Database

KEY = bytes(range(32))
T = "2026-01-02T00:00:00.000000Z"


def _records(case_id: str, n: int) -> str:
    return (
        f"INSERT INTO action_points(id, case_id, what, due_at, created_at) "
        f"VALUES ('a{n}', '{case_id}', 'Ring the member', '{T}', '{T}');\n"
        f"INSERT INTO case_dates(id, case_id, kind, at, note, created_at) "
        f"VALUES ('d{n}', '{case_id}', 'hearing', '{T}', '', '{T}');\n"
        f"INSERT INTO deadlines(id, case_id, kind, name, due_on, due_at, created_at) "
        f"VALUES ('t{n}', '{case_id}', 'tribunal', 'Claim', '2026-01-02', '{T}', '{T}');\n"
    )


def _open_flags(db: Database) -> dict[str, int]:
    rows = db.query(
        "SELECT id, case_open FROM action_points UNION ALL SELECT id, case_open FROM case_dates "
        "UNION ALL SELECT id, case_open FROM deadlines"
    )
    return {str(r[0]): int(r[1]) for r in rows}


def test_a_version_14_vault_gains_case_open_and_the_triggers_keep_it(tmp_path: Path) -> None:
    path = tmp_path / "v14.db"
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=schema.MIGRATIONS[:14])
    db.execute_script(
        f"INSERT INTO members(id, name, created_at) VALUES ('m', 'Ada Example', '{T}');\n"
        + "".join(
            f"INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at) "
            f"VALUES ('{c}', 'CV-2026-000{n}', 'm', 'other', '{status}', '{T}', '{T}');\n"
            for n, (c, status) in enumerate((("o", "open"), ("x", "closed")), 1)
        )
        + _records("o", 1)
        + _records("x", 2)
    )
    db.close()
    db = Database.open(path, KEY, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 15
        assert _open_flags(db) == {"a1": 1, "d1": 1, "t1": 1, "a2": 0, "d2": 0, "t2": 0}
        db.execute_script(_records("x", 3))  # added to a closed case (a handover of one)
        assert {k: v for k, v in _open_flags(db).items() if k.endswith("3")} == {"a3": 0, "d3": 0, "t3": 0}
        db.execute("UPDATE cases SET status = 'open' WHERE id = 'x'")
        db.execute("UPDATE cases SET status = 'closed' WHERE id = 'o'")
        assert _open_flags(db) == {
            "a1": 0,
            "d1": 0,
            "t1": 0,
            "a2": 1,
            "d2": 1,
            "t2": 1,
            "a3": 1,
            "d3": 1,
            "t3": 1,
        }
    finally:
        db.close()


def test_the_rep_index_is_the_expression_today_queries_with() -> None:
    """Changing the rep's words (casework/today.REP_OWNERS) fails here: the index would no
    longer match the query, so it needs a new migration, not an edit of schema 15."""
    assert today_rows.rep_owner_test() == schema_later.OWNER_IS_REP
    assert today_rows.rep_owner_test() in schema_later.V15
