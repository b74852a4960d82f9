"""Letters (issue 17): templates kept in the vault, a case's letter drafted from its records in
the sandbox (casework/letters.py), and a finished letter filed into the case as an encrypted
document and a paper-trail entry, so its text is found by search and an oral advice is marked
followed up in writing. The PDF is made by the caller (the desktop app's renderer) in memory;
nothing here writes plaintext anywhere but a file the rep chose."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from casevault.casework import letter_fields, rules
from casevault.casework import letters as letter_rules
from casevault.casework.contact import work_email_warning
from casevault.casework.people import employer_domains
from casevault.core.errors import NotFoundError, UsageError
from casevault.formats import zip_writer
from casevault.store import cases as case_rows
from casevault.store import deadlines as deadline_rows
from casevault.store import meetings as meeting_rows
from casevault.store import originals as original_rows
from casevault.store import parties as party_rows
from casevault.store import reminders as reminder_rows
from casevault.store import settings as settings_rows
from casevault.vault.session import NoteWriter, Session, StreamAttacher

log = logging.getLogger(__name__)
TEMPLATE_PREFIX = "letter-template:"  # one setting per template the rep edited or wrote


@dataclass(frozen=True)
class LetterDraft:
    """A letter made from a template for one case, before the rep edits and files it."""

    ref: str
    code: str
    title: str
    text: str
    entry: str  # the paper-trail kind it is filed as
    to: str  # the member's preferred address, for the mail draft
    work_address_warning: str | None  # set when that address looks like a work one

    @property
    def subject(self) -> str:
        """The mail subject: the case reference and the letter's title, never a name."""
        return f"{self.ref}: {self.title}"

    @property
    def file_name(self) -> str:
        return rules.storable_file_name(f"{self.title}.pdf")


@dataclass(frozen=True)
class FiledLetter:
    attachment_id: str
    event_id: str


def _usage(err: letter_rules.LetterError) -> UsageError:
    return UsageError(str(err))


class Letters:
    def __init__(
        self,
        session: Session,
        *,
        add_note: NoteWriter,
        attach_stream: StreamAttacher,
        case_jurisdiction: Callable[[str], str],
        closure_days: Callable[[], list[date]],
    ) -> None:
        self._s = session
        self._add_note = add_note
        self._attach_stream = attach_stream
        self._jurisdiction = case_jurisdiction
        self._closures = closure_days

    # ---- the templates -------------------------------------------------------------------------

    def _saved(self) -> dict[str, dict[str, str]]:
        saved: dict[str, dict[str, str]] = {}
        for code, value in settings_rows.with_prefix(self._s.db, TEMPLATE_PREFIX).items():
            try:
                found = json.loads(value)
            except ValueError:
                continue
            if (
                isinstance(found, dict)
                and isinstance(found.get("title"), str)
                and isinstance(found.get("body"), str)
            ):
                saved[code] = {k: v for k, v in found.items() if isinstance(v, str)}
        return saved

    def letter_templates(self) -> list[letter_rules.LetterTemplate]:
        """The shipped templates (with the rep's text where they edited one), then their own."""
        return letter_rules.merged(self._saved())

    def letter_template(self, code: str) -> letter_rules.LetterTemplate:
        wanted = code.strip().lower()
        for template in self.letter_templates():
            if template.code == wanted:
                return template
        raise NotFoundError(
            f"There is no letter template {code.strip()!r}; 'casevault letter list' shows them."
        )

    def save_letter_template(
        self, code: str, body: str, *, title: str | None = None, entry: str = "note"
    ) -> letter_rules.LetterTemplate:
        """Keep the rep's text for a template (a shipped one's code edits it; a new code adds
        one). Refused, with one sentence, unless it passes the sandbox's checks."""
        try:
            code = letter_rules.check_code(code)
            letter_rules.check_template(body)
            existing = {t.code: t for t in self.letter_templates()}.get(code)
            title = letter_rules.check_title(
                title if title is not None else existing.title if existing else ""
            )
        except letter_rules.LetterError as err:
            raise _usage(err) from None
        if entry not in letter_rules.ENTRY_KINDS:
            raise UsageError(f"A letter is filed as one of: {', '.join(letter_rules.ENTRY_KINDS)}.")
        if existing is not None and existing.shipped:
            entry = existing.entry  # a shipped letter keeps what it confirms
        value = json.dumps({"title": title, "body": body, "entry": entry}, ensure_ascii=False)
        with self._s.db.transaction():
            settings_rows.put(self._s.db, TEMPLATE_PREFIX + code, value)
            self._s.audit("letter-template.saved", "")
        log.info("letter-template.saved")
        return self.letter_template(code)

    def reset_letter_template(self, code: str) -> None:
        """Drop the rep's text: a shipped template goes back to casevault's, their own goes."""
        template = self.letter_template(code)
        if not template.edited:
            raise UsageError("That template is casevault's own text already; there is nothing to reset.")
        with self._s.db.transaction():
            settings_rows.delete(self._s.db, TEMPLATE_PREFIX + template.code)
            self._s.audit("letter-template.reset", "")
        log.info("letter-template.reset")

    # ---- a case's letters ----------------------------------------------------------------------

    def letter_fields(self, ref: str) -> dict[str, object]:
        """The merge fields for a case today (casework/letter_fields.py)."""
        case_id = self._s.case_id(ref)
        db = self._s.db
        summary = case_rows.get_summary(db, case_id)
        assert summary is not None
        records = letter_fields.CaseRecords(
            ref=summary.ref,
            case_type=summary.case_type,
            title=case_rows.get_title(db, case_id),
            opened_at=summary.opened_at,
            member=case_rows.get_member(db, case_id),
            first_meeting=meeting_rows.get_first_meeting(db, case_id),
            events=case_rows.events(db, case_id),
            deadlines=deadline_rows.deadlines(db, case_id),
            case_dates=reminder_rows.case_dates(db, case_id),
            parties=party_rows.parties(db, case_id),
            originals=original_rows.for_case(db, case_id),
            jurisdiction=self._jurisdiction(summary.ref),
            closures=frozenset(self._closures()),
        )
        return letter_fields.letter_fields(records, self._s.now())

    def draft_letter(self, ref: str, code: str) -> LetterDraft:
        template = self.letter_template(code)
        fields = self.letter_fields(ref)
        try:
            text = letter_rules.render(template.body, fields)
        except letter_rules.LetterError as err:
            raise _usage(err) from None
        member = case_rows.get_member(self._s.db, self._s.case_id(ref))
        warning = work_email_warning(member.email, employer_domains(member.employer_domain))
        return LetterDraft(
            ref=rules.normalise_ref(ref),
            code=template.code,
            title=template.title,
            text=text,
            entry=template.entry,
            to=member.email,
            work_address_warning=warning,
        )

    def file_letter(self, draft: LetterDraft, text: str, pdf: bytes) -> FiledLetter:
        """File the letter as the rep finished it: the PDF as an encrypted document of the case,
        and its text as a paper-trail entry (an "advice-written" one for a confirmation of oral
        advice, which settles the follow-up reminder)."""
        try:
            body = draft.title + "\n\n" + rules.clean_body(text, field="letter")
        except ValueError as err:
            raise UsageError(str(err)) from None
        if not pdf.startswith(b"%PDF-"):
            raise UsageError("The letter's PDF could not be made.")
        attachment_id = self._attach_stream(draft.ref, draft.file_name, io.BytesIO(pdf))
        event_id = self._add_note(draft.ref, body, kind=draft.entry, occurred_at=None)
        log.info("letter.filed %s %s", attachment_id, event_id)
        return FiledLetter(attachment_id, event_id)

    def save_letter_pdf(self, ref: str, out: Path, pdf: bytes) -> None:
        """The letter's PDF in a new 0600 file where the rep chose; never overwrites."""
        ref = self._s.ref_of(self._s.case_id(ref))
        zip_writer.write_new_file(out, pdf)
        self._s.audit("letter.saved", ref)
        log.info("letter.saved")
