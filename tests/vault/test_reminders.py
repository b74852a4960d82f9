"""Reminders, case dates, originals and retention through the Vault, on a real SQLCipher file."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from casevault.casework import reminders as engine
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.store import reminders as reminder_rows
from casevault.store import schema
from casevault.store.db import Database
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen


def kinds(vault: Vault, **kw: object) -> list[tuple[str, str]]:
    return [(r.kind, r.ref) for r in vault.reminders(**kw)]  # type: ignore[arg-type]


def test_every_kind_comes_from_real_records(vault: Vault, clock: FakeClock) -> None:
    hearing = vault.new_case("Hearing Case")
    vault.add_case_date(hearing, "hearing", clock.now + timedelta(days=3), note="Room 4")
    advice = vault.new_case("Advice Case")
    vault.add_note(advice, "Told the member to keep a diary.", kind="advice")
    escalate = vault.new_case("Escalate Case")
    vault.save_first_meeting(escalate, FirstMeeting(dismissal_threatened=True))
    originals = vault.new_case("Originals Case")
    vault.save_first_meeting(originals, FirstMeeting(originals_received="Contract (original)"))
    vault.close_case(originals, retain_days=30)
    assert kinds(vault) == [
        (engine.ESCALATION_UNRECORDED, escalate),
        (engine.ORIGINALS_RETURN, originals),
    ]
    later = clock.now + timedelta(days=8)
    assert set(kinds(vault, now=later)) == {
        (engine.HEARING_SOON, hearing),
        (engine.ADVICE_FOLLOW_UP, advice),
        (engine.ESCALATION_UNRECORDED, escalate),
        (engine.ORIGINALS_RETURN, originals),
    }
    # Each is resolved by the record it asks for.
    vault.add_note(advice, "Wrote to the member confirming the advice.", kind="advice-written")
    vault.add_note(escalate, "Escalated to the regional office.", kind="escalation")
    vault.set_originals_returned(originals)
    [date] = vault.case_dates(hearing)
    vault.remove_case_date(date.id)
    assert kinds(vault, now=later) == []


def test_escalation_prompt_time_survives_later_saves(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Example")
    vault.save_first_meeting(ref, FirstMeeting(discrimination_alleged=True))
    [first] = vault.reminders()
    vault.dismiss_reminder(first.key)
    clock.advance(days=1)
    vault.save_first_meeting(ref, FirstMeeting(discrimination_alleged=True, narrative="more detail"))
    assert vault.reminders() == []  # the dismissal still applies: the prompt time did not move
    vault.save_first_meeting(ref, FirstMeeting())
    vault.save_first_meeting(ref, FirstMeeting(dismissal_threatened=True))
    assert [r.kind for r in vault.reminders()] == [engine.ESCALATION_UNRECORDED]  # prompted anew


def test_snooze_and_dismiss_are_kept_in_the_vault(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    ref = vault.new_case("Ada Example")
    vault.add_action_point(ref, "Call HR", due_at=clock.now - timedelta(hours=1))
    vault.add_action_point(ref, "Write to HR", due_at=clock.now - timedelta(hours=2))
    first, second = vault.reminders()
    vault.snooze_reminder(first.key, clock.now + timedelta(days=1))
    vault.dismiss_reminder(second.key)
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert again.reminders() == []
        assert [r.key for r in again.reminders(clock.now + timedelta(days=1))] == [first.key]
        assert [r.key for r in again.agenda()] == [first.key]  # snoozed shows, dismissed does not
        with pytest.raises(NotFoundError):
            again.dismiss_reminder("action-due:nothing:0")


def test_bad_input_is_refused_in_one_sentence(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Example")
    with pytest.raises(UsageError, match="hearing, meeting"):
        vault.add_case_date(ref, "party", clock.now)
    with pytest.raises(UsageError, match="time zone"):
        vault.add_case_date(ref, "hearing", clock.now.replace(tzinfo=None))
    with pytest.raises(UsageError, match="between 0 and"):
        vault.set_retain_days(-1)
    with pytest.raises(NotFoundError):
        vault.remove_case_date("no-such-date")


def test_retention_per_case_type(vault: Vault, clock: FakeClock) -> None:
    vault.set_retain_days(200)
    vault.set_retain_days(30, case_type="sickness")
    sick = vault.new_case("Ada Example", case_type="sickness")
    other = vault.new_case("Bo Example", case_type="grievance")
    assert vault.retention_defaults() == {"": 200, "grievance": 200, "sickness": 30}
    assert vault.close_case(sick).retain_until == clock.now + timedelta(days=30)
    assert vault.close_case(other).retain_until == clock.now + timedelta(days=200)
    assert vault.close_case(other, retain_days=5).retain_until == clock.now + timedelta(days=5)
    vault.reopen_case(other)
    assert vault.case(other).summary.retain_until is None


def test_originals_outstanding_need_a_reason_to_purge(vault: Vault) -> None:
    ref = vault.new_case("Ada Example")
    vault.save_first_meeting(ref, FirstMeeting(originals_received="Payslips (originals)"))
    vault.close_case(ref, retain_days=0)
    assert vault.originals_outstanding(ref)
    with pytest.raises(UsageError, match="not recorded as returned"):
        vault.purge_case(ref)
    with pytest.raises(UsageError):
        vault.purge_case(ref, originals_reason="because I said so")
    deletion = vault.purge_case(ref, originals_reason="not-collected")
    assert deletion.originals_reason == "not-collected"
    assert [d.originals_reason for d in vault.deletions()] == ["not-collected"]


def test_bulk_purge_reports_progress(vault: Vault) -> None:
    refs = [vault.new_case(f"Member {i}") for i in range(3)]
    keep = vault.new_case("Keep Me")
    for ref in refs:
        vault.close_case(ref, retain_days=0)
    seen: list[tuple[int, int]] = []
    done = vault.purge_cases(refs, lambda n, total: seen.append((n, total)))
    assert [d.ref for d in done] == refs
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [s.ref for s in vault.list_cases(status=None)] == [keep]
    assert vault.check() == []


def test_a_version_3_vault_keeps_its_events_and_gains_the_new_kinds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v3.db"
    key = bytes(range(32))
    old = schema.MIGRATIONS[:3]
    db = Database.open(path, key, create=True, key_verified=True, migrations=old)
    db.execute_script(
        """
        INSERT INTO members(id, name, created_at) VALUES ('m', 'Ada', '2026-01-01T00:00:00.000000Z');
        INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at)
            VALUES ('c', 'CV-2026-0001', 'm', 'other', 'open', '2026-01-01T00:00:00.000000Z',
                    '2026-01-01T00:00:00.000000Z');
        INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body)
            VALUES ('e', 'c', 'advice', '2026-01-02T00:00:00.000000Z', '2026-01-02T00:00:00.000000Z',
                    'kept');
        INSERT INTO first_meetings(case_id, dismissal_threatened, updated_at)
            VALUES ('c', 1, '2026-01-03T00:00:00.000000Z');
        """
    )
    db.close()

    db = Database.open(path, key, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 4
        assert db.query("SELECT id, kind, body FROM events") == [("e", "advice", "kept")]
        db.execute(
            "INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body) VALUES "
            "('w', 'c', 'advice-written', '2026-01-04T00:00:00.000000Z', '2026-01-04T00:00:00.000000Z', 'x')"
        )
        prompted = db.scalar("SELECT escalation_prompted_at FROM first_meetings")
        assert prompted == "2026-01-03T00:00:00.000000Z"
        assert db.scalar("PRAGMA foreign_key_check") is None
    finally:
        db.close()


def test_reminder_texts_and_keys_never_hold_names(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Zuzanna Unmistakable")
    vault.add_action_point(ref, "Call Zuzanna Unmistakable", due_at=clock.now)
    vault.add_case_date(ref, "meeting", clock.now, note="with Zuzanna Unmistakable")
    for reminder in [*vault.reminders(clock.now + timedelta(days=30)), *vault.agenda()]:
        assert "Zuzanna" not in reminder.text and "Zuzanna" not in reminder.key
    assert replace(vault.reminders()[0], key="x").key == "x"  # reminders are plain values


def test_hearings_and_meetings_between_two_times_across_cases(vault: Vault, clock: FakeClock) -> None:
    """Issue 18: the agenda shows each hearing on its own day, so it reads every open case's dates
    in a time range, through the dates' own index, with how many there are."""
    one, two, closed = (vault.new_case(name) for name in ("Ann One", "Bo Two", "Cy Closed"))
    now = clock.now
    before = vault.add_case_date(one, "hearing", now - timedelta(hours=1))
    meeting = vault.add_case_date(two, "meeting", now + timedelta(days=1), "With HR")
    hearing = vault.add_case_date(one, "hearing", now + timedelta(days=2), "Room 4")
    vault.add_case_date(one, "hearing", now + timedelta(days=40))
    vault.add_case_date(closed, "hearing", now + timedelta(days=3))
    vault.close_case(closed, retain_days=30)
    total, first = vault.case_dates_between(now - timedelta(hours=2), now + timedelta(days=30))
    assert total == 3
    assert [(ref, d.id, d.kind, d.note) for ref, d in first] == [
        (one, before, "hearing", ""),
        (two, meeting, "meeting", "With HR"),
        (one, hearing, "hearing", "Room 4"),
    ]
    assert vault.case_dates_between(now, now + timedelta(days=30), limit=1) == (2, [first[1]])
    with pytest.raises(UsageError):
        vault.case_dates_between(now.replace(tzinfo=None), now)
    plan = vault.db.query(
        f"EXPLAIN QUERY PLAN SELECT d.id {reminder_rows._DATES_BETWEEN} ORDER BY d.at, c.ref LIMIT 5",
        {"since": "2026-01-01", "until": "2026-02-01"},
    )
    assert any("case_dates_open_at" in str(step[-1]) for step in plan), plan
