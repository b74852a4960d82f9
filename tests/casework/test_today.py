"""The Today rules (casework/today.py): overdue first, past dates dropped, the rep's own action
points, stage counts with the cases on no procedure, a case's current stage and next deadline."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from casevault.casework import today
from casevault.core.model import CaseDeadline

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)


def _item(kind: str, hours: float | None, *, overdue: bool = False, ref: str = "CV-1") -> today.Item:
    at = None if hours is None else NOW + timedelta(hours=hours)
    return today.Item(kind, ref, "M", kind, at, overdue)


def test_coming_up_puts_overdue_first_and_drops_past_dates() -> None:
    late = _item(today.DEADLINE, -48, overdue=True)
    set_aside = _item(today.DEADLINE, -24)  # overdue but explained: in time order, not on top
    soon = _item(today.DEADLINE, 30)
    hearing = _item(today.HEARING, 5)
    past = _item(today.MEETING, -1)
    assert today.coming_up([soon, set_aside, late], [past, hearing], NOW) == [late, set_aside, hearing, soon]


def test_waiting_marks_overdue_and_puts_undated_last() -> None:
    undated = _item(today.ACTION, None)
    late = _item(today.ACTION, -1)
    later = _item(today.ACTION, 50)
    ordered = today.waiting_order([undated, later, late], NOW)
    assert [(i.at, i.overdue) for i in ordered] == [(late.at, True), (later.at, False), (None, False)]


def test_the_reps_words() -> None:
    for owner in ("", "  ", "me", "Me", "REP", "the  rep", "Moi", "DÉLÉGUÉE"):
        assert today.is_rep(owner), owner
    for owner in ("Member", "HR", "Pat", "meeting", "rep's manager"):
        assert not today.is_rep(owner), owner


def test_stage_counts_add_the_cases_on_no_procedure() -> None:
    counted = today.stage_counts(10, [("Appeal", 2), ("Hearing", 3), ("Empty", 0)])
    assert counted == (
        today.StageCount("Hearing", 3),
        today.StageCount("Appeal", 2),
        today.StageCount(today.NO_PROCEDURE, 5),
    )
    assert today.stage_counts(0, []) == ()


@given(
    st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(0, 5)), max_size=3), st.integers(0, 40)
)
def test_stage_counts_never_lose_or_invent_cases(stages: list[tuple[str, int]], extra: int) -> None:
    unique = list(dict(stages).items())
    total = sum(n for _, n in unique) + extra
    assert sum(c.cases for c in today.stage_counts(total, unique)) == total


def _stage(
    position: int, name: str, *, event: bool = False, done: bool = False, due: date | None = None
) -> CaseDeadline:
    return CaseDeadline(
        f"d{position}",
        "stage",
        name,
        procedure_id="p",
        position=position,
        event_on=date(2026, 12, 1) if event else None,
        due_on=due,
        done_on=date(2026, 12, 2) if done else None,
    )


def test_the_current_stage() -> None:
    assert today.current_stage([]) == today.NO_PROCEDURE
    fresh = [_stage(0, "Informal"), _stage(1, "Hearing"), _stage(2, "Appeal")]
    assert today.current_stage(fresh) == "Informal"
    assert today.current_stage([_stage(0, "Informal", done=True), *fresh[1:]]) == "Hearing"
    # A clock running on a later stage wins over an earlier stage never recorded.
    assert today.current_stage([fresh[0], _stage(1, "Hearing", event=True), fresh[2]]) == "Hearing"
    assert today.current_stage([_stage(0, "A", done=True), _stage(1, "B", done=True)]) == today.PROCEDURE_DONE


def test_the_next_deadline_counts_extensions_and_skips_done_and_past() -> None:
    d = date(2026, 12, 7)
    deadlines = [
        _stage(0, "Past", due=d - timedelta(days=1)),
        _stage(1, "Done", due=d + timedelta(days=1), done=True),
        CaseDeadline(
            "x", "stage", "Extended", due_on=d - timedelta(days=3), extended_to=d + timedelta(days=9)
        ),
        _stage(3, "Appeal", due=d + timedelta(days=4)),
    ]
    found = today.next_deadline(deadlines, d)
    assert found is not None and (found[0].name, found[1]) == ("Appeal", d + timedelta(days=4))
    assert today.next_deadline(deadlines[:2], d) is None
    assert today.due_day(deadlines[2]) == d + timedelta(days=9)
