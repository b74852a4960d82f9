"""Letters on a real vault (vault/letters.py, issue 17): every shipped template made from a real
case's records; a filed letter is an encrypted PDF document and a paper-trail entry that search
finds, and a confirmation of oral advice settles the follow-up reminder; templates are edited,
kept in the vault and reset; a hostile template is refused when saved, and again when used if it
reached the vault some other way."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from casevault.casework import reminders as reminder_rules
from casevault.casework.letters import shipped_templates
from casevault.core.errors import CasevaultError, NotFoundError, UsageError
from casevault.core.model import FirstMeeting
from casevault.store import settings as settings_rows
from casevault.vault.facade import Vault
from casevault.vault.letters import TEMPLATE_PREFIX
from tests.conftest import FakeClock

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday
FAKE_PDF = b"%PDF-1.4 a letter for the test\n%%EOF\n"


@pytest.fixture
def case(vault: Vault, clock: FakeClock) -> str:
    clock.now = NOW - timedelta(days=7)
    ref = vault.new_case("Zofia Wiśniewska", email="zofia@example.org", case_type="disciplinary")
    vault.save_first_meeting(
        ref, FirstMeeting(held_at=clock.now, issues=("Unpaid overtime in January", "Rota changes"))
    )
    vault.add_note(ref, "You can ask for the investigation notes before the hearing.", kind="advice")
    vault.add_party(ref, "Marek Nowak", "manager")
    vault.add_original(ref, "Signed contract of employment", received_at=clock.now)
    clock.now = NOW
    vault.add_case_date(ref, "hearing", NOW + timedelta(days=3, hours=4))  # Thursday 5 March, 14:00
    vault.add_subject_access(ref, date(2026, 2, 27))
    return ref


@pytest.mark.parametrize("code", [t.code for t in shipped_templates()])
def test_every_shipped_template_makes_a_letter_from_a_real_case(vault: Vault, case: str, code: str) -> None:
    draft = vault.draft_letter(case, code)
    assert draft.ref == case and draft.code == code and draft.to == "zofia@example.org"
    assert "{{" not in draft.text and "{%" not in draft.text
    assert draft.text.startswith("2 March 2026\n")
    assert "Zofia Wiśniewska" in draft.text or "Marek Nowak" in draft.text
    assert draft.subject == f"{case}: {draft.title}" and "Zofia" not in draft.subject


def test_the_merge_fields_come_from_the_case(vault: Vault, case: str) -> None:
    advice = vault.draft_letter(case, "advice-confirmation").text
    assert "on 23 February 2026" in advice
    assert "You can ask for the investigation notes before the hearing." in advice
    assert "  - Unpaid overtime in January\n  - Rota changes\n" in advice
    # The subject access request received on 27 February is due a month later (ICO counting).
    assert "The next date to keep in mind is 27 March 2026" in advice
    postpone = vault.draft_letter(case, "postponement-request").text
    assert "Dear Marek Nowak," in postpone
    assert "on 5 March 2026" in postpone
    # Five working days from the day after the proposed Thursday: Friday to Thursday 12 March.
    assert "(that is, by 12 March 2026)" in postpone
    receipt = vault.draft_letter(case, "originals-receipt").text
    assert "  - Signed contract of employment (received 23 February 2026)" in receipt


def test_a_filed_letter_is_a_document_and_an_entry_that_search_finds(vault: Vault, case: str) -> None:
    assert any(r.kind == reminder_rules.ADVICE_FOLLOW_UP for r in vault.reminders(NOW + timedelta(days=30)))
    draft = vault.draft_letter(case, "advice-confirmation")
    text = draft.text.replace("[Your name]", "Pat Quinlan-Okafor")
    filed = vault.file_letter(draft, text, FAKE_PDF)
    detail = vault.case(case)
    document = next(a for a in detail.attachments if a.id == filed.attachment_id)
    assert document.name == "Confirmation of advice given.pdf"
    assert vault.read_attachment(filed.attachment_id) == FAKE_PDF
    entry = next(e for e in detail.events if e.id == filed.event_id)
    assert entry.kind == "advice-written"
    assert entry.body.startswith("Confirmation of advice given\n\n") and "Pat Quinlan-Okafor" in entry.body
    assert [h.ref for h in vault.search("Quinlan")] == [case]
    # The written confirmation settles the oral advice's follow-up.
    assert not any(
        r.kind == reminder_rules.ADVICE_FOLLOW_UP for r in vault.reminders(NOW + timedelta(days=30))
    )
    # Any other letter is a note and leaves the follow-up alone.
    other = vault.file_letter(vault.draft_letter(case, "grievance"), "A grievance.", FAKE_PDF)
    assert next(e for e in vault.case(case).events if e.id == other.event_id).kind == "note"


def test_filing_refuses_what_is_not_a_pdf_and_stores_nothing(vault: Vault, case: str) -> None:
    draft = vault.draft_letter(case, "grievance")
    before = vault.case(case)
    with pytest.raises(UsageError, match="PDF could not be made"):
        vault.file_letter(draft, draft.text, b"plain text, not a PDF")
    with pytest.raises(UsageError, match="letter is empty"):
        vault.file_letter(draft, "   ", FAKE_PDF)
    after = vault.case(case)
    assert (after.attachments, after.events) == (before.attachments, before.events)


def test_templates_are_edited_kept_and_reset(vault: Vault, case: str) -> None:
    shipped = vault.letter_template("grievance")
    assert shipped.shipped and not shipped.edited
    vault.save_letter_template("Grievance", "Dear {{ manager.name }}, about {{ issues|join(' and ') }}.")
    edited = vault.letter_template("grievance")
    assert edited.edited and edited.title == shipped.title and edited.entry == "note"
    assert vault.draft_letter(case, "grievance").text == (
        "Dear Marek Nowak, about Unpaid overtime in January and Rota changes.\n"
    )
    vault.save_letter_template("pay-claim", "Claim for {{ case.ref }}", title="  Pay   claim ")
    own = vault.letter_template("pay-claim")
    assert (own.title, own.shipped, own.edited) == ("Pay claim", False, True)
    codes = [t.code for t in vault.letter_templates()]
    assert (
        codes[: len(shipped_templates())] == [t.code for t in shipped_templates()]
        and codes[-1] == "pay-claim"
    )
    with pytest.raises(UsageError, match="needs a title"):
        vault.save_letter_template("another", "Hello")
    vault.reset_letter_template("grievance")
    assert vault.letter_template("grievance") == shipped
    vault.reset_letter_template("pay-claim")
    with pytest.raises(NotFoundError, match="no letter template 'pay-claim'"):
        vault.letter_template("pay-claim")
    with pytest.raises(UsageError, match="nothing to reset"):
        vault.reset_letter_template("grievance")


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{{ member.__class__.__mro__ }}", "names starting with _"),
        ("{{ member|attr('__class__') }}", "filter 'attr'"),
        ("{% import 'os' as os %}{{ os }}", "include or import"),
        ("{% include '/etc/passwd' %}", "include or import"),
        ("{{ member.name.__init__.__globals__ }}", "names starting with _"),
        ("{{ salary }}", "unknown field, 'salary'"),
        ("{{ member.salary }}", "field that does not exist"),
    ],
)
def test_a_hostile_template_is_refused_and_nothing_is_kept(vault: Vault, body: str, says: str) -> None:
    with pytest.raises(UsageError, match=says):
        vault.save_letter_template("grievance", body)
    assert not vault.letter_template("grievance").edited


def test_a_hostile_template_that_reached_the_vault_is_refused_when_used(vault: Vault, case: str) -> None:
    # As if from a vault edited outside casevault: the check runs again on every use.
    with vault.session.db.transaction():
        value = json.dumps({"title": "Grievance letter", "body": "{{ ''.__class__.__subclasses__() }}"})
        settings_rows.put(vault.session.db, TEMPLATE_PREFIX + "grievance", value)
    with pytest.raises(UsageError, match="cannot call functions or methods"):
        vault.draft_letter(case, "grievance")


def test_a_work_address_is_warned_about(vault: Vault) -> None:
    ref = vault.new_case("Ann Example", email="ann@council.gov.uk", employer_domain="council.gov.uk")
    draft = vault.draft_letter(ref, "advice-confirmation")
    assert draft.work_address_warning is not None and "work email" in draft.work_address_warning
    assert vault.draft_letter(ref, "grievance").to == "ann@council.gov.uk"


def test_the_pdf_is_written_only_where_chosen_and_never_over_a_file(
    vault: Vault, case: str, tmp_path: Path
) -> None:
    out = tmp_path / "letter.pdf"
    vault.save_letter_pdf(case, out, FAKE_PDF)
    assert out.read_bytes() == FAKE_PDF
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with pytest.raises(CasevaultError, match="never overwrites"):
        vault.save_letter_pdf(case, out, b"%PDF- another")
    assert out.read_bytes() == FAKE_PDF


def test_a_saved_template_that_could_not_have_been_saved_is_left_out(vault: Vault, case: str) -> None:
    # As if from a vault edited outside casevault: a title with a path and a line break, a code
    # that is no code. The shipped text stands in for the first; the second is not listed.
    with vault.session.db.transaction():
        bad_title = json.dumps({"title": "../../etc/x\nY", "body": "Hello"})
        settings_rows.put(vault.session.db, TEMPLATE_PREFIX + "grievance", bad_title)
        settings_rows.put(
            vault.session.db, TEMPLATE_PREFIX + "Not A Code", json.dumps({"title": "T", "body": "B"})
        )
    grievance = vault.letter_template("grievance")
    assert (grievance.title, grievance.edited) == ("Grievance letter", False)
    assert "Not A Code" not in [t.code for t in vault.letter_templates()]


def test_a_letters_document_name_is_stored_clean(vault: Vault, case: str) -> None:
    draft = vault.draft_letter(case, "grievance")
    odd = type(draft)(**{**draft.__dict__, "title": "Grievance\u202e fdp.exe"})
    assert odd.file_name == "Grievance fdp.exe.pdf"  # the bidi override that would flip it is gone
