"""The audit log through the Vault: what is recorded, that it holds no content, and that check
and `audit verify` catch an edited, removed or reordered entry."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest

from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import FirstMeeting
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

NAME = "Zofia Audited-Nowak"


def actions(vault: Vault, ref: str | None = None) -> list[str]:
    return [e.fields.action for e in vault.audit(ref)]


@pytest.fixture
def logged(vault: Vault, clock: FakeClock, tmp_path: Path) -> tuple[Vault, str]:
    ref = vault.new_case(NAME)
    other = vault.new_case("Someone Else")
    file_id = vault.attach_stream(ref, f"letter for {NAME}.txt", io.BytesIO(b"secret letter text"))
    vault.read_attachment(file_id)
    vault.save_attachment(file_id, tmp_path / "copy.txt")
    clock.advance(minutes=5)
    vault.close_case(ref, retain_days=0)
    vault.reopen_case(ref)
    vault.close_case(ref, retain_days=0)
    vault.save_first_meeting(other, FirstMeeting(narrative="nothing to log"))
    vault.purge_case(ref)
    return vault, ref


def test_actions_are_recorded_in_order_with_references_and_ids_only(logged: tuple[Vault, str]) -> None:
    vault, ref = logged
    assert actions(vault, ref) == [
        "case.created",
        "document.attached",
        "document.viewed",
        "document.saved",
        "case.closed",
        "case.reopened",
        "case.closed",
        "case.deleted",
    ]
    assert actions(vault)[:2] == ["case.created", "case.created"]  # both cases, one log
    rows = vault.db.query("SELECT at, action, ref, subject FROM audit_log")
    text = repr(rows)
    assert NAME not in text and "letter" not in text and "secret" not in text
    assert vault.verify_audit() == []
    assert vault.check() == []


@pytest.mark.parametrize(
    ("tamper", "found"),
    [
        ("UPDATE audit_log SET action = 'case.created' WHERE seq = 4", "entry 4 was changed"),
        ("UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 2", "entry 2 was changed"),
        ("DELETE FROM audit_log WHERE seq = 3", "entry 4 is where entry 3 should be"),
        (
            "UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 3 WHEN 3 THEN 2 END WHERE seq IN (2, 3)",
            "entry 2 was changed",
        ),
    ],
    ids=["edit-action", "edit-time", "delete", "reorder"],
)
def test_check_and_verify_catch_tampering(logged: tuple[Vault, str], tamper: str, found: str) -> None:
    vault, _ref = logged
    if "CASE seq" in tamper:  # swap through a free number: seq is the primary key
        vault.db.execute("UPDATE audit_log SET seq = -1 WHERE seq = 2")
        vault.db.execute("UPDATE audit_log SET seq = 2 WHERE seq = 3")
        vault.db.execute("UPDATE audit_log SET seq = 3 WHERE seq = -1")
    else:
        vault.db.execute(tamper)
    problems = vault.verify_audit()
    assert len(problems) == 1 and found in problems[0]
    assert problems[0] in vault.check()


def test_conflicts_are_found_across_cases_by_reference_and_role_only(vault: Vault) -> None:
    zoe = vault.new_case("Zoë O'Neill")
    vault.new_case("Zoe Smith")
    lan = vault.new_case("Nguyễn Thị Lan")
    found = vault.conflicts("oneill zoe")
    assert [(m.ref, m.role) for m in found] == [(zoe, "member")]
    assert [m.ref for m in vault.conflicts("Lan Nguyen")] == [lan]
    assert vault.conflicts("Lan") == []  # one given name alone is not enough
    assert vault.conflicts("Zoe ONeil", except_ref=zoe) == []
    assert all(set(m._fields) == {"ref", "role", "score"} for m in found)  # never the name


def test_every_change_to_a_case_is_recorded_with_its_id_and_no_content(
    vault: Vault, clock: FakeClock
) -> None:
    """Issue 18: the first meeting, each paper-trail entry (typed, imported or a conflict check),
    action points, hearings and meetings and the first meeting's originals are in the log, so
    the case history lists them; as ids, never what was written."""
    ref = vault.new_case(NAME)
    vault.save_first_meeting(ref, FirstMeeting(narrative="Secret narrative", originals_received="Payslips"))
    note = vault.add_note(ref.lower(), "Secret note text", kind="call")
    check = vault.record_conflict_decision(ref, "no-conflict", checked_role="manager", matches=[])
    action = vault.add_action_point(ref, "Secret action", owner="Rep")
    vault.set_action_done(action)
    vault.set_action_done(action, False)
    hearing = vault.add_case_date(ref, "hearing", clock.now + timedelta(days=3), "Secret room")
    vault.remove_case_date(hearing)
    vault.set_originals_returned(ref, True)
    vault.close_case(ref.lower(), retain_days=30)
    vault.reopen_case(ref.lower())
    assert [(e.fields.action, e.fields.subject) for e in vault.audit(ref)][1:] == [
        ("first-meeting.saved", ""),
        ("note.added", note),
        ("note.added", check),
        ("action.added", action),
        ("action.done", action),
        ("action.reopened", action),
        ("case-date.added", hearing),
        ("case-date.removed", hearing),
        ("first-meeting.originals-returned", ""),
        ("case.closed", ""),  # the reference as stored, however it was typed
        ("case.reopened", ""),
    ]
    text = repr(vault.db.query("SELECT at, action, ref, subject FROM audit_log"))
    for secret in ("Secret", "Payslips", NAME, "Rep"):
        assert secret not in text
    assert vault.verify_audit() == []


def test_a_change_that_fails_leaves_no_audit_entry(vault: Vault) -> None:
    ref = vault.new_case(NAME)
    before = actions(vault, ref)
    with pytest.raises(NotFoundError):
        vault.set_action_done("0" * 32)
    with pytest.raises(NotFoundError):
        vault.remove_case_date("0" * 32)
    with pytest.raises(UsageError):
        vault.add_note(ref, "   ")
    assert actions(vault, ref) == before and len(vault.audit()) == len(before)
