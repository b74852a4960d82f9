"""Paper-trail rules through the Vault on a real SQLCipher file: sealed entries with versions,
the originals register, review against the first meeting, and emails imported as entries."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from casevault.casework import reminders as engine
from casevault.casework import review as review_rules
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import FirstMeeting
from casevault.formats.email_in import read_email_file
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

EMAIL = (
    b"From: HR Team <hr@employer.example>\r\n"
    b"To: Rep <rep@union.example>\r\n"
    b"Subject: Hearing on 12 March\r\n"
    b"Date: Tue, 10 Mar 2026 14:05:00 +0100\r\n"
    b"\r\n"
    b"The hearing is moved to Thursday.\r\n"
)


def _events(vault: Vault, ref: str, kind: str) -> list[str]:
    return [e.id for e in vault.case(ref).events if e.kind == kind]


# ---- versioned entries -------------------------------------------------------------------------


def test_an_edit_adds_a_version_and_keeps_the_original(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Member")
    event_id = vault.add_note(ref, "Met the member; hearing on Friday.", kind="meeting")
    first = clock.now
    clock.advance(hours=1)
    assert vault.edit_note(event_id, "Met the member; hearing on Thursday.") == 2
    clock.advance(hours=1)
    assert vault.edit_note(event_id, "Met the member; hearing on Thursday at 10.") == 3
    versions = vault.note_versions(event_id)
    assert [(v.version, v.body) for v in versions] == [
        (1, "Met the member; hearing on Friday."),
        (2, "Met the member; hearing on Thursday."),
        (3, "Met the member; hearing on Thursday at 10."),
    ]
    assert [v.recorded_at for v in versions] == [
        first,
        first + timedelta(hours=1),
        first + timedelta(hours=2),
    ]
    (event,) = vault.case(ref).events
    assert event.body == "Met the member; hearing on Thursday at 10."
    assert event.edited_at == first + timedelta(hours=2)
    assert event.recorded_at == first
    assert [a.fields.action for a in vault.audit(ref)].count("note.edited") == 2


def test_an_unedited_entry_has_no_edit_time(vault: Vault) -> None:
    ref = vault.new_case("Ada Member")
    vault.add_note(ref, "Plain note")
    (event,) = vault.case(ref).events
    assert event.edited_at is None
    assert [v.version for v in vault.note_versions(event.id)] == [1]


def test_search_follows_the_current_text(vault: Vault) -> None:
    ref = vault.new_case("Ada Member")
    event_id = vault.add_note(ref, "Spoke to the supervisor")
    vault.edit_note(event_id, "Spoke to the ombudsman")
    assert [h.ref for h in vault.search("ombudsman")] == [ref]
    assert vault.search("supervisor") == []


def test_the_database_refuses_to_change_an_entry(vault: Vault) -> None:
    ref = vault.new_case("Ada Member")
    event_id = vault.add_note(ref, "Original text")
    with pytest.raises(sqlcipher.IntegrityError, match="sealed"):
        vault.db.execute("UPDATE events SET body = 'rewritten' WHERE id = ?", (event_id,))
    vault.edit_note(event_id, "Second text")
    with pytest.raises(sqlcipher.IntegrityError, match="sealed"):
        vault.db.execute("UPDATE event_versions SET body = 'rewritten' WHERE event_id = ?", (event_id,))
    assert [v.body for v in vault.note_versions(event_id)] == ["Original text", "Second text"]


def test_bad_edits_are_refused(vault: Vault) -> None:
    ref = vault.new_case("Ada Member")
    event_id = vault.add_note(ref, "Original text")
    with pytest.raises(UsageError):
        vault.edit_note(event_id, "   ")
    with pytest.raises(UsageError):
        vault.edit_note(event_id, "Original text")
    with pytest.raises(NotFoundError):
        vault.edit_note("0" * 32, "text")
    with pytest.raises(NotFoundError):
        vault.note_versions("0" * 32)


def test_purging_a_case_removes_its_versions(vault: Vault) -> None:
    ref = vault.new_case("Ada Member")
    event_id = vault.add_note(ref, "Original text")
    vault.edit_note(event_id, "Second text")
    vault.close_case(ref, retain_days=0)
    vault.purge_case(ref)
    assert vault.db.scalar("SELECT count(*) FROM event_versions") == 0


# ---- oral advice follow-up (the reminder engine, as the GUI's Yes and No leave it) -------------


def test_oral_advice_without_writing_leaves_a_reminder(vault: Vault, clock: FakeClock) -> None:
    answered_no = vault.new_case("Ada Member")
    answered_yes = vault.new_case("Bo Member")
    when = clock.now
    vault.add_note(answered_no, "Advised to raise a grievance", kind="advice", occurred_at=when)
    vault.add_note(answered_yes, "Advised to raise a grievance", kind="advice", occurred_at=when)
    vault.add_note(answered_yes, "Written follow-up sent", kind="advice-written", occurred_at=when)
    due = [(r.kind, r.ref) for r in vault.reminders(when + timedelta(days=8))]
    assert due == [(engine.ADVICE_FOLLOW_UP, answered_no)]


# ---- originals register ------------------------------------------------------------------------


def test_register_items_are_outstanding_until_returned(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Member")
    assert not vault.originals_outstanding(ref)
    received = clock.now - timedelta(days=3)
    first = vault.add_original(
        ref, "Payslips, Jan-Mar (originals)", received_at=received, kept_where="Locked drawer"
    )
    second = vault.add_original(ref, "Signed contract", received_at=received + timedelta(days=1))
    assert vault.originals_outstanding(ref)
    vault.return_original(first, returned_at=clock.now, how="By hand at the branch office")
    assert vault.originals_outstanding(ref)
    vault.return_original(second, returned_at=clock.now, how="Recorded delivery")
    assert not vault.originals_outstanding(ref)
    rows = vault.originals(ref)
    assert [(o.description, o.kept_where, o.returned_how) for o in rows] == [
        ("Payslips, Jan-Mar (originals)", "Locked drawer", "By hand at the branch office"),
        ("Signed contract", "", "Recorded delivery"),
    ]
    assert all(o.returned_at == clock.now for o in rows)
    actions = [a.fields.action for a in vault.audit(ref)]
    assert actions.count("original.received") == 2
    assert actions.count("original.returned") == 2


def test_the_legacy_field_still_counts(vault: Vault) -> None:
    ref = vault.new_case("Ada Member")
    vault.save_first_meeting(ref, FirstMeeting(originals_received="Payslips (originals)"))
    assert vault.originals_outstanding(ref)
    vault.set_originals_returned(ref)
    assert not vault.originals_outstanding(ref)


def test_bad_register_entries_are_refused(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Member")
    with pytest.raises(UsageError):
        vault.add_original(ref, "  ", received_at=clock.now)
    with pytest.raises(UsageError):
        vault.add_original(ref, "Contract", received_at=datetime(2026, 3, 1))
    original = vault.add_original(ref, "Contract", received_at=clock.now)
    with pytest.raises(UsageError):
        vault.return_original(original, returned_at=clock.now - timedelta(days=1), how="By post")
    with pytest.raises(UsageError):
        vault.return_original(original, returned_at=clock.now, how="")
    vault.return_original(original, returned_at=clock.now, how="By post")
    with pytest.raises(UsageError):
        vault.return_original(original, returned_at=clock.now, how="Again")
    with pytest.raises(NotFoundError):
        vault.return_original("0" * 32, returned_at=clock.now, how="By post")


def test_a_closed_case_with_an_unreturned_register_item_raises_a_reminder(
    vault: Vault, clock: FakeClock
) -> None:
    ref = vault.new_case("Ada Member")
    held = vault.add_original(ref, "Signed contract", received_at=clock.now)
    vault.close_case(ref, retain_days=30)
    assert [(r.kind, r.ref) for r in vault.reminders()] == [(engine.ORIGINALS_RETURN, ref)]
    vault.return_original(held, returned_at=clock.now, how="By hand")
    assert vault.reminders() == []


def test_one_reminder_per_case_with_both_kinds_of_record(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Member")
    vault.save_first_meeting(ref, FirstMeeting(originals_received="Payslips"))
    vault.add_original(ref, "Signed contract", received_at=clock.now)
    vault.add_original(ref, "Letter", received_at=clock.now)
    vault.close_case(ref, retain_days=30)
    assert [r.kind for r in vault.reminders()] == [engine.ORIGINALS_RETURN]


# ---- review ------------------------------------------------------------------------------------


def test_review_lists_issues_and_action_points_with_status(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Member")
    vault.save_first_meeting(ref, FirstMeeting(issues=("Unfair warning", "Rota changes")))
    late = vault.add_action_point(ref, "Request the rota history", due_at=clock.now - timedelta(days=1))
    vault.add_action_point(ref, "Write to HR", due_at=clock.now + timedelta(days=3))
    vault.add_action_point(ref, "Find a witness")
    done = vault.add_action_point(ref, "Book a room")
    vault.set_action_done(done)
    found = vault.review(ref)
    assert [(r.kind, r.text, r.status) for r in found.rows] == [
        (review_rules.ISSUE, "Unfair warning", review_rules.NOT_COVERED),
        (review_rules.ISSUE, "Rota changes", review_rules.NOT_COVERED),
        (review_rules.ACTION, "Request the rota history", review_rules.OVERDUE),
        (review_rules.ACTION, "Write to HR", review_rules.DUE),
        (review_rules.ACTION, "Find a witness", review_rules.NO_DATE),
        (review_rules.ACTION, "Book a room", review_rules.DONE),
    ]
    assert (found.issues, found.actions, found.open, found.overdue) == (2, 4, 3, 1)
    vault.set_action_done(late)
    assert vault.review(ref).overdue == 0


def test_review_checks_each_issue_against_the_paper_trail_since_the_meeting(
    vault: Vault, clock: FakeClock
) -> None:
    ref = vault.new_case("Ada Member")
    held = clock.now - timedelta(days=10)
    issues = ("Unfair warning", "Rota changes", "Unpaid overtime")
    vault.save_first_meeting(ref, FirstMeeting(held_at=held, issues=issues))
    vault.add_note(ref, "Member says the warning was unfair.", occurred_at=held - timedelta(days=1))
    wrote = vault.add_note(
        ref, "Wrote to HR about the warnings.", kind="advice", occurred_at=held + timedelta(days=2)
    )
    vault.add_action_point(ref, "Get the rota changes in writing")
    found = vault.review(ref)
    warning, rota, overtime = found.rows[:3]
    assert [r.status for r in (warning, rota, overtime)] == [
        review_rules.NOT_COVERED,
        review_rules.COVERED,
        review_rules.NOT_COVERED,
    ]
    assert (rota.entries, rota.action_points, rota.latest_at) == (0, 1, clock.now)
    assert (found.issues, found.not_covered) == (3, 2)

    # the current text of an entry counts: an edit that names the issue covers it
    clock.advance(hours=1)
    vault.edit_note(wrote, "Wrote to HR: the warnings were unfair.")
    warning = vault.review(ref).rows[0]
    assert warning.status == review_rules.COVERED
    assert [(c.kind, c.id, c.at) for c in warning.covered_by] == [
        (review_rules.ENTRY, wrote, held + timedelta(days=2))
    ]
    assert vault.review(ref).not_covered == 1


# ---- emails ------------------------------------------------------------------------------------


def test_an_email_is_stored_encrypted_and_entered_in_the_paper_trail(vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case("Ada Member")
    source = tmp_path / "hearing.eml"
    source.write_bytes(EMAIL)
    imported = vault.import_email(ref, source)
    attachment_id, event_id = imported.email_id, imported.event_id
    assert imported.contained_ids == () and imported.notes == ()
    assert vault.read_attachment(attachment_id) == EMAIL
    assert vault.attachment(attachment_id).name == "hearing.eml"
    (event,) = vault.case(ref).events
    assert event.id == event_id
    assert event.kind == "email"
    assert event.occurred_at == datetime(2026, 3, 10, 13, 5, tzinfo=UTC)
    assert event.body.splitlines() == [
        "From: HR Team <hr@employer.example>",
        "To: Rep <rep@union.example>",
        "Subject: Hearing on 12 March",
    ]
    # Encrypted at rest: the subject is nowhere in the vault's files.
    for path in vault.paths.root.rglob("*"):
        if path.is_file():
            assert b"Hearing on 12 March" not in path.read_bytes()


def test_an_email_without_a_date_is_dated_now(vault: Vault, clock: FakeClock, tmp_path: Path) -> None:
    ref = vault.new_case("Ada Member")
    source = tmp_path / "undated.eml"
    source.write_bytes(b"Subject: no date\r\nDate: not a date\r\n\r\nbody")
    vault.import_email(ref, source)
    (event,) = vault.case(ref).events
    assert event.occurred_at == clock.now
    assert "no readable date" in event.body


def test_an_emails_body_is_searched_and_says_why_it_matched(vault: Vault, tmp_path: Path) -> None:
    """Issue 18: search did not look inside email bodies. The body goes into the search index (in
    the encrypted database), not into the entry, and a search says where and why it matched."""
    ref = vault.new_case("Ada Member")
    source = tmp_path / "hearing.eml"
    source.write_bytes(EMAIL)
    attachment_id = vault.import_email(ref, source).email_id
    [hit] = vault.search("thursday")
    assert (hit.ref, hit.source) == (ref, "email")
    assert hit.snippet.parts == (("The hearing is moved to ", False), ("Thursday", True), (".", False))
    [match] = vault.search_matches("moved thurs")
    assert (match.case.ref, match.source) == (ref, "email")
    snippet = vault.search_snippets("moved thurs", [match])[match.entry]
    assert [text for text, matched in snippet.parts if matched] == ["moved", "Thursday"]
    assert "Thursday" not in vault.case(ref).events[0].body  # the entry is the headers only
    for path in vault.paths.root.rglob("*"):
        if path.is_file():
            assert b"moved to Thursday" not in path.read_bytes()
    vault.close_case(ref, retain_days=0)
    vault.purge_case(ref)
    assert vault.search("thursday") == []
    assert attachment_id not in {
        a.id for c in vault.list_cases(status=None) for a in vault.case(c.ref).attachments
    }


def test_an_html_emails_text_is_searched(vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case("Ada Member")
    source = tmp_path / "minutes.eml"
    source.write_bytes(
        b"From: HR <hr@employer.example>\r\nSubject: Minutes\r\nDate: Tue, 10 Mar 2026 14:05:00 +0000\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><body><p>The panel <b>upheld</b> the appeal.</p><script>secretword()</script></body></html>"
    )
    vault.import_email(ref, source)
    [hit] = vault.search("upheld")
    assert hit.snippet.text == "The panel upheld the appeal."
    assert vault.search("secretword") == []  # a script is not the message's text


def test_an_email_is_recorded_only_against_a_document_of_its_case(vault: Vault) -> None:
    ref, other = vault.new_case("Ada Member"), vault.new_case("Bo Other")
    attachment_id = vault.attach_stream(other, "mail.eml", io.BytesIO(EMAIL))
    prepared = read_email_file("mail.eml", EMAIL, vault.now())
    assert "moved to Thursday" in prepared.body
    with pytest.raises(NotFoundError):
        vault.record_email(ref, prepared, attachment_id)
    assert vault.case(ref).events == ()
    assert vault.search("thursday") == []
    vault.record_email(other, prepared, attachment_id)
    assert [h.ref for h in vault.search("thursday")] == [other]


def test_a_missing_email_file_is_one_sentence(vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case("Ada Member")
    with pytest.raises(NotFoundError):
        vault.import_email(ref, tmp_path / "gone.eml")
    assert vault.case(ref).events == ()
    assert vault.case(ref).attachments == ()
