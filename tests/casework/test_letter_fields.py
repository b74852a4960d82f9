"""The merge fields (casework/letter_fields.py), from records built by hand: which deadline is
next, which hearing and the last day for an alternative time (a stored accompaniment deadline
first, else the ERelA 1999 s.10 calculator), the latest oral advice, dates in the rep's zone,
and empty strings where a case has nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from casevault.casework.letter_fields import FIELDS, SAMPLE_FIELDS, CaseRecords, day_words, letter_fields
from casevault.core.model import CaseDate, CaseDeadline, Event, FirstMeeting, Member, Original, Party

NOW = datetime(2026, 12, 21, 23, 30, tzinfo=UTC)  # Monday; already Tuesday in Auckland
LONDON = ZoneInfo("Europe/London")


def _records(**kw: object) -> CaseRecords:
    base: dict[str, object] = {
        "ref": "CV-2026-0007",
        "case_type": "grievance",
        "title": "",
        "opened_at": NOW - timedelta(days=10),
        "member": Member("m", "Ana Ruiz", "ana@example.org"),
        "first_meeting": FirstMeeting(),
        "events": (),
        "deadlines": (),
        "case_dates": (),
        "parties": (),
        "originals": (),
        "jurisdiction": "england-wales",
    }
    return CaseRecords(**{**base, **kw})  # type: ignore[arg-type]


def _event(kind: str, days_ago: int, body: str) -> Event:
    at = NOW - timedelta(days=days_ago)
    return Event(f"{kind}{days_ago}", kind, at, at, body)


def _deadline(
    name: str, due: date, *, done: bool = False, extended: date | None = None, kind: str = "stage"
) -> CaseDeadline:
    return CaseDeadline(name, kind, name, due_on=due, extended_to=extended, done_on=due if done else None)


def test_an_empty_case_has_every_field_and_nothing_in_them() -> None:
    fields = letter_fields(_records(), NOW, LONDON)
    assert fields.keys() == FIELDS.keys() == SAMPLE_FIELDS.keys()
    assert fields["today"] == "21 December 2026"
    assert fields["member"] == {"name": "Ana Ruiz", "email": "ana@example.org"}
    assert fields["case"] == {
        "ref": "CV-2026-0007",
        "type": "grievance",
        "title": "",
        "opened": "11 December 2026",
    }
    assert fields["issues"] == [] and fields["originals"] == []
    assert fields["advice"] == {"date": "", "text": ""}
    assert fields["next_deadline"] == {"name": "", "date": ""}
    assert fields["hearing"] == {"date": "", "time": "", "alternative_by": ""}
    assert fields["manager"] == {"name": ""}


def test_dates_are_the_reps_own_day() -> None:
    assert letter_fields(_records(), NOW, ZoneInfo("Pacific/Auckland"))["today"] == "22 December 2026"
    assert day_words(date(2027, 1, 3)) == "3 January 2027"


def test_the_next_open_deadline_counts_extensions_and_skips_done_and_past_ones() -> None:
    deadlines = (
        _deadline("Past", date(2026, 12, 1)),
        _deadline("Done", date(2026, 12, 22), done=True),
        _deadline("Extended", date(2026, 12, 20), extended=date(2027, 1, 8)),
        _deadline("Appeal", date(2026, 12, 30)),
    )
    assert letter_fields(_records(deadlines=deadlines), NOW, LONDON)["next_deadline"] == {
        "name": "Appeal",
        "date": "30 December 2026",
    }
    later = (*deadlines[:3], _deadline("Appeal", date(2027, 2, 1)))
    assert letter_fields(_records(deadlines=later), NOW, LONDON)["next_deadline"]["date"] == "8 January 2027"  # type: ignore[index]


def test_the_hearing_and_the_last_day_for_an_alternative_time() -> None:
    hearing = CaseDate("h", "hearing", datetime(2026, 12, 23, 14, 0, tzinfo=UTC))
    past = CaseDate("p", "hearing", NOW - timedelta(days=1))
    meeting = CaseDate("m", "meeting", NOW + timedelta(hours=1))
    fields = letter_fields(_records(case_dates=(past, meeting, hearing)), NOW, LONDON)
    # Wednesday 23 December: five working days from the 24th (24, 29, 30, 31 December, 4 January),
    # with Christmas, Boxing Day's substitute (Monday 28th), New Year's Day and weekends not counted.
    assert fields["hearing"] == {
        "date": "23 December 2026",
        "time": "14:00",
        "alternative_by": "4 January 2027",
    }
    stored = _deadline("Alternative", date(2026, 12, 30), kind="accompaniment")
    fields = letter_fields(_records(case_dates=(hearing,), deadlines=(stored,)), NOW, LONDON)
    assert fields["hearing"]["alternative_by"] == "30 December 2026"  # type: ignore[index]


def test_advice_manager_issues_and_originals() -> None:
    events = (
        _event("advice", 9, "Older advice"),
        _event("advice", 2, "Latest advice"),
        _event("note", 1, "A note"),
    )
    parties = (Party("w", "Will Witness", "witness", "", NOW), Party("a", "Mo Manager", "manager", "", NOW))
    returned = Original("o", "Payslips", NOW - timedelta(days=5), "", NOW - timedelta(days=1), "by hand", NOW)
    kept = Original("k", "Contract", NOW - timedelta(days=5), "", None, "", NOW)
    fields = letter_fields(
        _records(
            events=events,
            parties=parties,
            originals=(returned, kept),
            first_meeting=FirstMeeting(issues=("Pay", "Rota")),
        ),
        NOW,
        LONDON,
    )
    assert fields["advice"] == {"date": "19 December 2026", "text": "Latest advice"}
    assert fields["manager"] == {"name": "Mo Manager"}
    assert fields["issues"] == ["Pay", "Rota"]
    assert fields["originals"] == [
        {"description": "Payslips", "received": "16 December 2026", "returned": "20 December 2026"},
        {"description": "Contract", "received": "16 December 2026", "returned": ""},
    ]
