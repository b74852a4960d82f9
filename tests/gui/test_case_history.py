"""The case page's history names every action the Vault records for a case in words."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

from pytestqt.qtbot import QtBot

from casevault.core.model import FirstMeeting
from casevault.gui.case_history import ACTION_LABELS, CaseHistory
from casevault.vault.facade import Vault
from tests.conftest import FakeClock


def _every_case_action(vault: Vault, clock: FakeClock) -> str:
    ref = vault.new_case("Hester Quayle")
    party = vault.add_party(ref, "Rowan Pike", "manager")
    vault.remove_party(party)
    consent = vault.give_consent(ref, "off-the-record")
    vault.withdraw_consent(consent)
    vault.save_first_meeting(ref, FirstMeeting(dismissal_threatened=True))
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
    history = CaseHistory(vault, ref)
    qtbot.addWidget(history)
    shown = [history.topLevelItem(i).text(1) for i in range(history.topLevelItemCount())]
    assert len(shown) == len(vault.audit(ref))
    unlabelled = recorded - set(ACTION_LABELS)
    assert not unlabelled, f"actions shown by their internal names: {sorted(unlabelled)}"
    # An internal action name looks like "a.b" (a deadline's rule, in brackets after, may have one).
    assert not any("." in text.split(" (")[0] for text in shown)
    assert any("(tribunal.discrimination v1)" in text for text in shown)
    for needle in ("Hester", "Rowan", "Contract", "letter.txt", "First version", "Second version", "2026-12"):
        assert not any(needle in text for text in shown)
