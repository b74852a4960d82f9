"""The calendar export (issue 16, item 9): a real .ics that icalendar reads back, whose titles
hold a reference and a kind of date only, written only where asked, private, and regenerated
with the same UIDs."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from casevault.formats import ics
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _events(data: bytes) -> list[dict[str, object]]:
    cal = Calendar.from_ical(data)
    return [
        {"uid": str(e["uid"]), "summary": str(e["summary"]), "start": e.decoded("dtstart")}
        for e in cal.walk("VEVENT")
    ]


def test_dates_are_all_day_and_times_are_utc() -> None:
    entries = [
        ics.CalendarEntry("a1", "CV-2026-0001", "tribunal time limit", date(2027, 3, 30)),
        ics.CalendarEntry("b2", "CV-2026-0002", "hearing", datetime(2026, 12, 3, 14, 30, tzinfo=UTC)),
    ]
    events = _events(ics.calendar_bytes(entries, NOW))
    assert events == [
        {"uid": "a1@casevault", "summary": "CV-2026-0001: tribunal time limit", "start": date(2027, 3, 30)},
        {
            "uid": "b2@casevault",
            "summary": "CV-2026-0002: hearing",
            "start": datetime(2026, 12, 3, 14, 30, tzinfo=UTC),
        },
    ]


def test_the_vault_exports_running_deadlines_and_hearings_without_content(
    vault: Vault, clock: FakeClock, tmp_path: Path
) -> None:
    clock.now = NOW
    ref = vault.new_case("Philippa Quennell")
    vault.start_procedure(ref, "acas-disciplinary")
    hearing = vault.stage(ref, "hearing")
    vault.record_stage_event(hearing.id, date(2026, 12, 1))
    outcome = vault.stage(ref, "outcome")
    vault.record_stage_event(outcome.id, date(2026, 12, 2))
    vault.complete_deadline(outcome.id, date(2026, 12, 3), "Final written warning for lateness")
    vault.add_tribunal_limit(ref, date(2026, 11, 20), "discrimination")
    vault.add_case_date(ref, "hearing", NOW + timedelta(days=3), "Room 4 with Philippa's manager")
    closed = vault.new_case("Closed Casemember")
    vault.add_tribunal_limit(closed, date(2026, 11, 20), "unfair-dismissal")
    vault.close_case(closed, retain_days=30, escalation_reason="Member declined")

    target = tmp_path / "out" / "deadlines.ics"
    target.parent.mkdir()
    assert vault.export_calendar(target) == 3  # the hearing stage, the tribunal limit, the hearing date
    data = target.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    summaries = sorted(str(e["summary"]) for e in _events(data))
    assert summaries == [f"{ref}: hearing", f"{ref}: procedure deadline", f"{ref}: tribunal time limit"]
    for needle in (b"Philippa", b"Quennell", b"Room 4", b"warning", b"Casemember", b"Disciplinary"):
        assert needle not in data
    assert [e.fields.action for e in vault.audit() if e.fields.action == "calendar.exported"]

    # Regenerated after a change: the same UIDs, so a calendar app updates instead of doubling.
    first = {str(e["uid"]) for e in _events(data)}
    vault.record_stage_event(hearing.id, date(2026, 12, 4))
    vault.export_calendar(target)
    assert {str(e["uid"]) for e in _events(target.read_bytes())} == first
