"""The calendar export: deadlines and hearings as an iCalendar file (RFC 5545, via `icalendar`).

The file leaves the vault unencrypted, so each event's title is a case reference and a kind of
date ("CV-2026-0001: tribunal time limit"), never a name, a stage's outcome or a note; its UID is
the record's opaque id, so importing a regenerated file updates events instead of doubling them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

PRODID = "-//casevault//casework clock//EN"


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # an opaque record id
    ref: str
    kind: str  # words for the kind of date, never content
    when: date | datetime  # a date: an all-day event; a datetime (aware): a timed one


def title(entry: CalendarEntry) -> str:
    return f"{entry.ref}: {entry.kind}"


def calendar_bytes(entries: Iterable[CalendarEntry], now: datetime) -> bytes:
    from icalendar import Calendar, Event  # noqa: PLC0415 - only the export needs it

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "casevault deadlines")
    for entry in entries:
        event = Event()
        event.add("uid", f"{entry.uid}@casevault")
        event.add("dtstamp", now.astimezone(UTC))
        event.add("summary", title(entry))
        if isinstance(entry.when, datetime):
            event.add("dtstart", entry.when.astimezone(UTC))
        else:
            event.add("dtstart", entry.when)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())
