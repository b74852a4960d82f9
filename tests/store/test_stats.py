"""The rows the branch figures count (store/stats.py), on a real encrypted file: each case's type,
dates, outcome and furthest stage done of its latest procedure, and purged cases from their
deletion records; codes and dates only, and `since` bounds the opening date."""

from __future__ import annotations

from datetime import date, timedelta

from casevault.core.model import CaseDeadline, Procedure
from casevault.store import cases, stats
from casevault.store import deadlines as deadline_rows
from casevault.store.db import Database
from tests.support.store_rows import T0, add_case, new_id


def _procedure(db: Database, case_id: str, started: int, done: tuple[str, ...]) -> None:
    proc = Procedure(
        new_id(), "acas-disciplinary", 1, "Disciplinary", "england-wales", T0 + timedelta(days=started)
    )
    stages = [
        CaseDeadline(
            new_id(), "stage", key, proc.id, i, key, done_on=date(2026, 4, 1) if key in done else None
        )
        for i, key in enumerate(("hearing", "outcome", "appeal"))
    ]
    deadline_rows.insert_procedure(db, case_id, proc, stages, T0)


def test_each_case_gives_its_codes_dates_and_furthest_stage(db: Database) -> None:
    plain = add_case(db, "Ann Example", case_type="grievance")
    staged = add_case(db, "Bo Example", case_type="disciplinary", when=T0 + timedelta(days=1))
    waiting = add_case(db, "Cy Example", case_type="pay", when=T0 + timedelta(days=2))
    _procedure(db, staged.id, 0, ("appeal",))  # an older procedure, superseded by the next
    _procedure(db, staged.id, 5, ("hearing", "outcome"))
    _procedure(db, waiting.id, 0, ())
    with db.transaction():
        cases.set_closed(db, plain.id, T0 + timedelta(days=10), T0 + timedelta(days=40))
        cases.set_outcome(db, plain.id, "upheld", "back pay, £300")
    facts = {row[0]: row for row in stats.case_facts(db)}
    assert facts["grievance"] == ("grievance", T0, T0 + timedelta(days=10), "upheld", None)
    assert facts["disciplinary"][4] == "outcome"  # the latest procedure's furthest done stage
    assert facts["pay"][4] == stats.NOT_STARTED
    assert all("£" not in str(v) and "Example" not in str(v) for row in facts.values() for v in row)


def test_purged_cases_are_counted_from_their_deletion_records_and_since_bounds_opening(db: Database) -> None:
    early = add_case(db, "Ann Example", case_type="sickness")
    add_case(db, "Bo Example", case_type="grievance", when=T0 + timedelta(days=30))
    with db.transaction():
        cases.set_closed(db, early.id, T0 + timedelta(days=3), T0 + timedelta(days=3))
        cases.set_outcome(db, early.id, "withdrawn", "")
    summary = cases.get_summary(db, early.id)
    assert summary is not None
    cases.erase_case(db, summary, T0 + timedelta(days=4))
    assert db.scalar("SELECT outcome FROM deletions") == "withdrawn"
    got = sorted(stats.case_facts(db), key=lambda r: r[1])
    assert got == [
        ("sickness", T0, T0 + timedelta(days=3), "withdrawn", stats.NOT_KNOWN),
        ("grievance", T0 + timedelta(days=30), None, None, None),
    ]
    assert [r[0] for r in stats.case_facts(db, T0 + timedelta(days=1))] == ["grievance"]


def test_reopening_forgets_the_outcome_of_the_closing_it_belonged_to(db: Database) -> None:
    case = add_case(db, "Ann Example")
    with db.transaction():
        cases.set_closed(db, case.id, T0, T0)
        cases.set_outcome(db, case.id, "settled", "apology")
    assert cases.outcome(db, case.id) == ("settled", "apology")
    cases.set_reopened(db, case.id, T0 + timedelta(days=1))
    assert cases.outcome(db, case.id) == (None, "")
    assert cases.outcome(db, new_id()) == (None, "")
