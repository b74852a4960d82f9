"""The case page's history names every action the Vault records for a case in words."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QTreeWidget
from pytestqt.qtbot import QtBot

from casevault.core.model import FirstMeeting
from casevault.gui.case_history import ACTION_LABELS, CaseHistory
from casevault.gui.case_page import CasePage
from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.gui.conftest import by_name


def _every_case_action(vault: Vault, clock: FakeClock) -> str:
    ref = vault.new_case("Hester Quayle")
    party = vault.add_party(ref, "Rowan Pike", "manager")
    vault.remove_party(party)
    consent = vault.give_consent(ref, "off-the-record")
    vault.withdraw_consent(consent)
    vault.save_first_meeting(ref, FirstMeeting(dismissal_threatened=True, originals_received="Payslips"))
    vault.set_originals_returned(ref, True)
    vault.set_originals_returned(ref, False)
    action = vault.add_action_point(ref, "Ask HR for the rota", due_at=clock.now + timedelta(days=2))
    vault.set_action_done(action)
    vault.set_action_done(action, False)
    hearing = vault.add_case_date(ref, "hearing", clock.now + timedelta(days=9), "Room 4")
    vault.remove_case_date(hearing)
    vault.record_escalation(
        ref,
        escalated_to="Senior caseworker",
        escalated_at=clock.now,
        how="phone",
        regional_office_notified=True,
    )
    entry = vault.add_note(ref, "First version.")
    vault.edit_note(entry, "Second version.")
    original = vault.add_original(ref, "Contract", received_at=clock.now)
    vault.return_original(original, returned_at=clock.now + timedelta(days=1), how="by hand")
    attachment = vault.attach_stream(ref, "letter.txt", io.BytesIO(b"letter"))
    vault.open_attachment(attachment, "viewed").read_all()
    vault.open_attachment(attachment, "saved").read_all()
    vault.start_procedure(ref, "acas-grievance")
    meeting = vault.stage(ref, "meeting")
    vault.record_stage_event(meeting.id, date(2026, 12, 1))
    vault.extend_deadline(meeting.id, date(2026, 12, 20), "HR")
    vault.complete_deadline(meeting.id, date(2026, 12, 18))
    tribunal = vault.add_tribunal_limit(ref, date(2026, 12, 1), "discrimination")
    answer = vault.add_subject_access(ref, date(2026, 12, 1))
    vault.extend_deadline(answer.id, date(2027, 3, 1), "the member")
    vault.remove_deadline(tribunal.id)
    appeal = vault.stage(ref, "outcome")
    vault.set_stage_limit(appeal.id, 10, "calendar")
    vault.record_stage_event(appeal.id, date(2026, 1, 1))
    clock.now = datetime(2026, 2, 1, tzinfo=UTC)
    vault.set_aside_overdue(appeal.id, "Employer withdrew the process")
    vault.close_case(ref, retain_days=30)
    vault.reopen_case(ref)
    return ref


def test_every_recorded_action_has_words_and_no_content(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    ref = _every_case_action(vault, clock)
    recorded = {entry.fields.action for entry in vault.audit(ref)}
    assert len(recorded) >= 13
    # Issue 18: the first meeting, paper-trail entries, action points and hearings are there too.
    assert recorded >= {
        "first-meeting.saved",
        "first-meeting.originals-returned",
        "first-meeting.originals-held",
        "note.added",
        "action.added",
        "action.done",
        "action.reopened",
        "case-date.added",
        "case-date.removed",
        "consent.given",
        "consent.withdrawn",
    }
    history = CaseHistory(vault, ref)
    qtbot.addWidget(history)
    shown = [history.topLevelItem(i).text(1) for i in range(history.topLevelItemCount())]
    assert len(shown) == len(vault.audit(ref))
    unlabelled = recorded - set(ACTION_LABELS)
    assert not unlabelled, f"actions shown by their internal names: {sorted(unlabelled)}"
    # An internal action name looks like "a.b" (a deadline's rule, in brackets after, may have one).
    assert not any("." in text.split(" (")[0] for text in shown)
    assert any("(tribunal.discrimination v1)" in text for text in shown)
    for needle in (
        "Hester",
        "Rowan",
        "Contract",
        "letter.txt",
        "First version",
        "Second version",
        "2026-12",
        "Payslips",
        "rota",
        "Room 4",
    ):
        assert not any(needle in text for text in shown)


def test_the_history_shows_what_was_done_on_other_tabs_when_the_rep_comes_back(
    qtbot: QtBot, vault: Vault
) -> None:
    """A note typed in the Paper trail tab, a first meeting saved and an action point added are in
    the Overview's history the next time it is shown, without leaving the case."""
    ref = vault.new_case("Hester Quayle")
    page = CasePage(vault, ref)
    qtbot.addWidget(page)
    page.show()
    history = by_name(page, "Case history", QTreeWidget)
    before = history.topLevelItemCount()

    page.tabs.setCurrentWidget(page.paper_trail)
    by_name(page.paper_trail, "Entry text", QPlainTextEdit).setPlainText("Phoned the member back.")
    by_name(page.paper_trail, "Add entry", QPushButton).click()
    assert [e.body for e in vault.case(ref).events] == ["Phoned the member back."]
    vault.save_first_meeting(ref, FirstMeeting(narrative="Late twice"))
    vault.add_action_point(ref, "Ask HR for the rota")
    page.tabs.setCurrentIndex(0)  # back to the Overview

    shown = [history.topLevelItem(i).text(1) for i in range(history.topLevelItemCount())]
    assert len(shown) == before + 3
    assert shown[-3:] == ["Paper-trail entry added", "First meeting saved", "Action point added"]
    assert not any("Phoned" in text or "Late" in text or "rota" in text for text in shown)
