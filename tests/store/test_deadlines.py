"""A case's procedures and deadlines on a real encrypted file (store/deadlines.py, schema 12):
every field read back as written, replacement by id, ordering, `due_at` kept for the reminders'
partial index, the calendar export's rows, and the cascade when a case goes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from casevault.core.model import CaseDeadline, Procedure
from casevault.store import deadlines as rows
from casevault.store.db import Database
from casevault.store.timefmt import to_db
from tests.support.store_rows import T0, add_case, new_id

DUE_AT = datetime(2026, 3, 20, 0, 0, tzinfo=UTC)


def _procedure(**kw: object) -> Procedure:
    values: dict[str, object] = {
        "id": new_id(),
        "template_id": "acas-disciplinary",
        "template_version": 1,
        "name": "Disciplinary (ACAS Code of Practice 1)",
        "jurisdiction": "england-wales",
        "started_at": T0,
    }
    values.update(kw)
    return Procedure(**values)  # type: ignore[arg-type]


def _stage(procedure_id: str, position: int, key: str, **kw: object) -> CaseDeadline:
    return CaseDeadline(new_id(), "stage", key.title(), procedure_id, position, key, "an event", 5, **kw)  # type: ignore[arg-type]


def test_a_procedure_and_its_stages_read_back_in_order(db: Database) -> None:
    case = add_case(db, "Ann Example")
    proc = _procedure(policy_id="policy-1")
    stages = [_stage(proc.id, i, key) for i, key in enumerate(("hearing", "outcome", "appeal"))]
    rows.insert_procedure(db, case.id, proc, reversed(stages), T0)
    assert rows.procedures(db, case.id) == [proc]
    assert [d.stage_key for d in rows.deadlines(db, case.id)] == ["hearing", "outcome", "appeal"]
    assert rows.deadlines(db, case.id) == stages


def test_every_field_of_a_deadline_round_trips(db: Database) -> None:
    case = add_case(db, "Ann Example")
    full = CaseDeadline(
        new_id(),
        "tribunal",
        "Tribunal claim (unfair-dismissal)",
        event="the effective date of termination",
        limit_days=None,
        unit="calendar",
        event_on=date(2026, 1, 10),
        due_on=date(2026, 4, 9),
        rule="tribunal.unfair-dismissal",
        rule_version=1,
        inputs={"event": "2026-01-10", "claim": "unfair-dismissal", "pack_version": "2026.12.1"},
        explanation="Three months less one day.",
        extended_to=date(2026, 5, 1),
        extension_with="HR",
        extension_note="by letter",
        done_on=date(2026, 4, 1),
        outcome="presented",
        overdue_reason="",
    )
    rows.save_deadline(db, case.id, full, None, T0)
    assert rows.deadlines(db, case.id) == [full]
    assert rows.deadline(db, full.id) == (case.id, full)
    assert rows.deadline(db, new_id()) is None


def test_saving_the_same_id_replaces_the_row_and_keeps_due_at_current(db: Database) -> None:
    case = add_case(db, "Ann Example")
    first = CaseDeadline(new_id(), "subject-access", "Subject access answer", due_on=date(2026, 3, 20))
    rows.save_deadline(db, case.id, first, DUE_AT, T0)
    done = replace(first, done_on=date(2026, 3, 18), outcome="answered")
    rows.save_deadline(db, case.id, done, None, T0 + timedelta(days=1))
    assert rows.deadlines(db, case.id) == [done]
    stored = db.query("SELECT due_at, created_at FROM deadlines WHERE id = ?", (first.id,))
    # The due time goes with the done stage (no more reminders); the row keeps when it was made.
    assert stored == [(None, to_db(T0))]


def test_undone_deadlines_with_a_due_time_are_read_through_the_partial_index(db: Database) -> None:
    plan = db.query(
        "EXPLAIN QUERY PLAN SELECT id FROM deadlines WHERE done_on IS NULL AND due_at <= ? "
        "AND due_at IS NOT NULL",
        (to_db(DUE_AT),),
    )
    assert any("deadlines_due" in str(step[-1]) for step in plan), plan


def test_saving_touches_the_case_so_the_list_shows_it_as_recently_updated(db: Database) -> None:
    case = add_case(db, "Ann Example")
    later = T0 + timedelta(hours=5)
    rows.save_deadline(db, case.id, CaseDeadline(new_id(), "tribunal", "Tribunal"), None, later)
    assert db.scalar("SELECT updated_at FROM cases WHERE id = ?", (case.id,)) == to_db(later)


def test_stages_come_first_in_procedure_order_then_other_deadlines_by_date(db: Database) -> None:
    case = add_case(db, "Ann Example")
    proc = _procedure()
    rows.insert_procedure(
        db, case.id, proc, [_stage(proc.id, 1, "appeal"), _stage(proc.id, 0, "outcome")], T0
    )
    late = CaseDeadline(new_id(), "tribunal", "late", due_on=date(2026, 6, 1))
    early = CaseDeadline(new_id(), "subject-access", "early", due_on=date(2026, 4, 1))
    for d in (late, early):
        rows.save_deadline(db, case.id, d, None, T0)
    assert [d.name for d in rows.deadlines(db, case.id)] == ["Outcome", "Appeal", "early", "late"]


def test_delete_removes_only_that_case_s_deadline(db: Database) -> None:
    mine, other = add_case(db, "Ann Example"), add_case(db, "Bo Other")
    kept = CaseDeadline(new_id(), "tribunal", "kept")
    rows.save_deadline(db, mine.id, kept, None, T0)
    rows.delete_deadline(db, other.id, kept.id, T0)  # the wrong case: nothing goes
    assert rows.deadlines(db, mine.id) == [kept]
    rows.delete_deadline(db, mine.id, kept.id, T0)
    assert rows.deadlines(db, mine.id) == []


def test_a_deleted_case_takes_its_procedures_and_deadlines_with_it(db: Database) -> None:
    case = add_case(db, "Ann Example")
    proc = _procedure()
    rows.insert_procedure(db, case.id, proc, [_stage(proc.id, 0, "appeal")], T0)
    rows.save_deadline(db, case.id, CaseDeadline(new_id(), "tribunal", "t"), None, T0)
    with db.transaction():
        db.execute("DELETE FROM cases WHERE id = ?", (case.id,))
    assert db.scalar("SELECT count(*) FROM deadlines") == 0
    assert db.scalar("SELECT count(*) FROM procedures") == 0


def test_a_kind_or_unit_outside_the_vocabulary_is_refused_by_the_schema(db: Database) -> None:
    case = add_case(db, "Ann Example")
    for bad in (
        CaseDeadline(new_id(), "horoscope", "x"),
        CaseDeadline(new_id(), "tribunal", "x", unit="lunar"),
    ):
        with pytest.raises(Exception, match="CHECK constraint"):
            rows.save_deadline(db, case.id, bad, None, T0)
    assert rows.deadlines(db, case.id) == []


def test_the_calendar_rows_hold_running_deadlines_and_dates_of_open_cases_only(db: Database) -> None:
    open_case, closed_case = add_case(db, "Ann Example"), add_case(db, "Bo Other")
    running = CaseDeadline(new_id(), "tribunal", "t", due_on=date(2026, 4, 9))
    done = CaseDeadline(new_id(), "subject-access", "s", due_on=date(2026, 4, 1), done_on=date(2026, 3, 30))
    waiting = CaseDeadline(new_id(), "stage", "no date yet")
    for d in (running, done, waiting):
        rows.save_deadline(db, open_case.id, d, None, T0)
    rows.save_deadline(
        db, closed_case.id, CaseDeadline(new_id(), "tribunal", "t", due_on=date(2026, 5, 1)), None, T0
    )
    hearing_id = new_id()
    with db.transaction():
        db.execute(
            "INSERT INTO case_dates(id, case_id, kind, at, note, created_at) "
            "VALUES (?, ?, 'hearing', ?, '', ?)",
            (hearing_id, open_case.id, to_db(datetime(2026, 3, 30, 10, tzinfo=UTC)), to_db(T0)),
        )
        db.execute("UPDATE cases SET status = 'closed' WHERE id = ?", (closed_case.id,))
    got = [(str(r[0]), str(r[1]), str(r[2])) for r in rows.calendar_rows(db)]
    assert got == [(open_case.ref, hearing_id, "hearing"), (open_case.ref, running.id, "tribunal")]
