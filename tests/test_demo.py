"""The demo vault (issue 18) is a lived-in one: cases at different stages with deadlines coming up,
a filled first meeting for every case that had a meeting, an email in the paper trail, a letter
filed when a PDF renderer is passed in, and one case past its archive period."""

from __future__ import annotations

from datetime import timedelta

import pytest

from casevault import demo
from casevault.vault.facade import Vault
from tests.conftest import FakeClock


def fake_pdf(title: str, text: str) -> bytes:
    """demo.py imports no Qt: the desktop app passes gui.letter_pdf.render_letter."""
    return b"%PDF-1.4\n% " + title.encode() + b"\n" + text.encode()


@pytest.fixture
def refs(vault: Vault) -> list[str]:
    return demo.populate(vault, fake_pdf)


def test_every_case_that_had_a_meeting_has_its_first_meeting_filled(vault: Vault, refs: list[str]) -> None:
    had_meeting = [ref for ref in refs if any(e.kind == "meeting" for e in vault.case(ref).events)]
    assert refs[0] in had_meeting  # the disciplinary case, whose first meeting was empty
    for ref in had_meeting:
        meeting = vault.first_meeting(ref)
        assert meeting.held_at is not None
        assert meeting.issues and meeting.narrative and meeting.member_decision
        assert meeting.confidentiality_explained


def test_cases_are_at_different_stages_with_deadlines_coming_up(
    vault: Vault, clock: FakeClock, refs: list[str]
) -> None:
    today = clock.now.astimezone().date()
    running = {
        ref: [d for d in vault.deadlines(ref) if d.due_on is not None and d.done_on is None] for ref in refs
    }
    soon = [d for found in running.values() for d in found if today <= d.due_on <= today + timedelta(days=14)]
    assert len(soon) >= 2
    stages = {vault.procedures(ref)[0].template_id for ref in refs if vault.procedures(ref)}
    assert stages == {"acas-disciplinary", "acas-grievance"}
    assert not vault.procedures(refs[2])  # the sickness case is not on a procedure yet
    kinds = {r.kind for r in vault.reminders(clock.now + timedelta(days=2))}
    assert "deadline-warning" in kinds


def test_a_letter_is_filed_and_an_email_is_in_the_paper_trail(vault: Vault, refs: list[str]) -> None:
    case = vault.case(refs[0])
    assert any(a.name.endswith(".pdf") for a in case.attachments)
    assert any(e.kind == "advice-written" for e in case.events)  # the confirmation of advice
    assert any(e.kind == "email" for e in case.events)
    [hit] = vault.search("swipe")  # the email's body is searchable
    assert (hit.ref, hit.source) == (refs[0], "email")


def test_one_case_is_past_its_archive_period(vault: Vault, clock: FakeClock, refs: list[str]) -> None:
    assert vault.expired_refs(clock.now) == [refs[-1]]
    assert vault.case(refs[-1]).summary.status == "closed"
    assert [c.ref for c in vault.list_cases(status="open")] == sorted(refs[:-1], reverse=True)


def test_without_a_renderer_the_demo_files_no_letter(vault: Vault) -> None:
    refs = demo.populate(vault)
    assert not any(a.name.endswith(".pdf") for ref in refs for a in vault.case(ref).attachments)
    assert vault.first_meeting(refs[0]).held_at is not None
