"""The merge fields a letter template may use (issue 17), made from a case's records.

Every field is a string, a list of strings, or a dict or list of dicts of strings, so a template
reaches data and nothing behind it. Dates are written out ("4 December 2026"); a field with
nothing behind it is an empty string, so a template can say `{% if hearing.date %}`.

Pure: the caller passes the records and `today`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from casevault.casework import time_limits
from casevault.casework.today import due_day, next_deadline
from casevault.core.model import CaseDate, CaseDeadline, Event, FirstMeeting, Member, Original, Party

# The top-level fields, with what each holds: the editor lists them, and a template naming any
# other is refused.
FIELDS: dict[str, str] = {
    "today": "today's date",
    "member": "member.name, member.email",
    "case": "case.ref, case.type, case.title, case.opened",
    "issues": "the issues agreed at the first meeting (a list)",
    "advice": "the latest advice given orally: advice.date, advice.text",
    "next_deadline": "the next open deadline: next_deadline.name, next_deadline.date",
    "hearing": "the next hearing: hearing.date, hearing.time, hearing.alternative_by "
    "(the last day for an alternative time, Employment Relations Act 1999 s.10)",
    "manager": "the first manager among the people involved: manager.name",
    "originals": "the originals register (a list): original.description, .received, .returned",
}


@dataclass(frozen=True)
class CaseRecords:
    """What a letter may draw on, read from one case."""

    ref: str
    case_type: str
    title: str
    opened_at: datetime
    member: Member
    first_meeting: FirstMeeting
    events: Sequence[Event]
    deadlines: Sequence[CaseDeadline]
    case_dates: Sequence[CaseDate]
    parties: Sequence[Party]
    originals: Sequence[Original]
    jurisdiction: str
    closures: frozenset[date] = frozenset()


def day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    return moment.astimezone(zone)


def _latest_advice(events: Iterable[Event], zone: tzinfo | None) -> dict[str, str]:
    oral = [e for e in events if e.kind == "advice"]
    if not oral:
        return {"date": "", "text": ""}
    latest = max(oral, key=lambda e: e.occurred_at)
    return {"date": day_words(_local(latest.occurred_at, zone).date()), "text": latest.body}


def _next_deadline(deadlines: Iterable[CaseDeadline], today: date) -> dict[str, str]:
    found = next_deadline(deadlines, today)
    if found is None:
        return {"name": "", "date": ""}
    deadline, due = found
    return {"name": deadline.name, "date": day_words(due)}


def _hearing(records: CaseRecords, now: datetime, zone: tzinfo | None) -> dict[str, str]:
    ahead = [d for d in records.case_dates if d.kind == "hearing" and d.at >= now]
    if not ahead:
        return {"date": "", "time": "", "alternative_by": ""}
    at = _local(min(ahead, key=lambda d: d.at).at, zone)
    stored = [
        due
        for d in records.deadlines
        if d.kind == "accompaniment" and d.done_on is None and (due := due_day(d))
    ]
    if stored:
        alternative = min(stored)
    else:
        limit = time_limits.accompaniment_postponement(
            at.date(), jurisdiction=records.jurisdiction, closures=records.closures
        ).deadline
        alternative = limit if not isinstance(limit, datetime) else limit.date()
    return {"date": day_words(at.date()), "time": f"{at:%H:%M}", "alternative_by": day_words(alternative)}


def _originals(originals: Iterable[Original], zone: tzinfo | None) -> list[dict[str, str]]:
    return [
        {
            "description": o.description,
            "received": day_words(_local(o.received_at, zone).date()),
            "returned": "" if o.returned_at is None else day_words(_local(o.returned_at, zone).date()),
        }
        for o in originals
    ]


def letter_fields(records: CaseRecords, now: datetime, zone: tzinfo | None = None) -> dict[str, object]:
    """The merge fields for one case at `now`, dates in `zone` (the machine's, when None)."""
    today = _local(now, zone).date()
    managers = [p.name for p in records.parties if p.role == "manager"]
    return {
        "today": day_words(today),
        "member": {"name": records.member.name, "email": records.member.email},
        "case": {
            "ref": records.ref,
            "type": records.case_type,
            "title": records.title,
            "opened": day_words(_local(records.opened_at, zone).date()),
        },
        "issues": list(records.first_meeting.issues),
        "advice": _latest_advice(records.events, zone),
        "next_deadline": _next_deadline(records.deadlines, today),
        "hearing": _hearing(records, now, zone),
        "manager": {"name": managers[0] if managers else ""},
        "originals": _originals(records.originals, zone),
    }


# Every field filled, for checking a template when it is saved.
SAMPLE_FIELDS: dict[str, object] = {
    "today": "4 December 2026",
    "member": {"name": "A. Member", "email": "member@example.org"},
    "case": {"ref": "C-0001", "type": "grievance", "title": "Sample", "opened": "1 December 2026"},
    "issues": ["First issue", "Second issue"],
    "advice": {"date": "2 December 2026", "text": "The advice given."},
    "next_deadline": {"name": "Appeal", "date": "11 December 2026"},
    "hearing": {"date": "9 December 2026", "time": "10:00", "alternative_by": "16 December 2026"},
    "manager": {"name": "A. Manager"},
    "originals": [{"description": "Contract", "received": "1 December 2026", "returned": "3 December 2026"}],
}
