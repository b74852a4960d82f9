"""Cases: opening one for a member, the paper trail's notes, the first meeting and its action
points, search, closing and reopening."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from casevault.casework import outcomes as outcome_rules
from casevault.casework import people, retention, rules
from casevault.core.clock import new_id
from casevault.core.errors import ConsentMissingError, NotFoundError, UsageError
from casevault.core.fsutil import make_private_dir
from casevault.core.model import (
    CASE_STATUSES,
    CONTACT_TERMS,
    EVENT_KINDS,
    ActionPoint,
    CaseDetail,
    CaseMatch,
    CaseSummary,
    Event,
    FirstMeeting,
    ListCursor,
    Member,
    SearchHit,
    Snippet,
)
from casevault.crypto import keys
from casevault.store import cases as case_rows
from casevault.store import files as file_rows
from casevault.store import meetings as meeting_rows
from casevault.store import search as search_rows
from casevault.store import settings as settings_rows
from casevault.vault.session import Session

log = logging.getLogger(__name__)


class Cases:
    """One member's case and what is written into it, over the Session."""

    def __init__(
        self,
        session: Session,
        *,
        consent_in_force: Callable[[str, str], bool],
        escalation_unrecorded: Callable[[str], bool],
        retain_days_for: Callable[[str], int],
    ) -> None:
        self._s = session
        self._consent_in_force = consent_in_force
        self._escalation_unrecorded = escalation_unrecorded
        self._retain_days_for = retain_days_for

    def new_case(
        self,
        member_name: str,
        *,
        case_type: str = rules.DEFAULT_CASE_TYPE,
        email: str = "",
        employer_domain: str = "",
    ) -> str:
        """Open a case for a member. `employer_domain` (one or more, separated by commas or spaces)
        is the employer's email domain, for the work-email warning."""
        try:
            name = rules.clean_text(member_name, field="member's name")
            mail = rules.clean_text(email, field="email address", required=False)
            domain_text = rules.clean_text(employer_domain, field="employer's domain", required=False)
            domains = " ".join(people.employer_domains(domain_text))
        except ValueError as err:
            raise UsageError(str(err)) from None
        kind = outcome_rules.choose(case_type or rules.DEFAULT_CASE_TYPE, self._case_types(), "case type")
        now = self._s.now()
        case_id = new_id()
        case_key = keys.random_key()
        kek = keys.derive_key(self._s.master(), keys.PURPOSE_CASE_KEK)
        wrapped = keys.wrap_key(kek, case_key, keys.case_key_aad(bytes.fromhex(case_id)))
        member = Member(id=new_id(), name=name, email=mail, employer_domain=domains)
        with self._s.db.transaction():
            ref = case_rows.next_free_ref(self._s.db, now)
            case_rows.insert_member(self._s.db, member, now)
            case_rows.insert_case(
                self._s.db,
                case_id=case_id,
                ref=ref,
                member=member,
                case_type=kind,
                wrapped_key=wrapped,
                now=now,
            )
            self._s.audit("case.created", ref, now=now)
        make_private_dir(self._s.paths.case_dir(case_id))
        log.info("case.created %s", ref)
        return ref

    def member_names(self, refs: Iterable[str]) -> dict[str, str]:
        """Member names by case reference, for lists shown inside the unlocked app (reminders,
        the agenda); a reference with no case gets ""."""
        wanted = set(refs)
        found = case_rows.member_names_by_ref(self._s.db, wanted)
        return {ref: found.get(ref, "") for ref in wanted}

    def list_cases(
        self,
        *,
        status: str | None = None,
        sort: str = "updated",
        descending: bool = True,
        limit: int = 100,
        after: ListCursor | None = None,
    ) -> list[CaseSummary]:
        return self.list_page(status=status, sort=sort, descending=descending, limit=limit, after=after)[0]

    def list_page(
        self,
        *,
        status: str | None = None,
        sort: str = "updated",
        descending: bool = True,
        limit: int = 100,
        after: ListCursor | None = None,
    ) -> tuple[list[CaseSummary], ListCursor | None]:
        """A page of the case list and the cursor the next page starts after (None: the end)."""
        return case_rows.list_page(
            self._s.db, status=status, sort=sort, descending=descending, limit=limit, after=after
        )

    def count_cases(self, status: str | None = None) -> int:
        return case_rows.count_cases(self._s.db, status)

    def case(self, ref: str) -> CaseDetail:
        case_id = self._s.case_id(ref)
        summary = case_rows.get_summary(self._s.db, case_id)
        assert summary is not None
        return CaseDetail(
            summary=summary,
            member=case_rows.get_member(self._s.db, case_id),
            title=case_rows.get_title(self._s.db, case_id),
            events=tuple(case_rows.events(self._s.db, case_id)),
            attachments=tuple(file_rows.for_case(self._s.db, case_id)),
            first_meeting=meeting_rows.get_first_meeting(self._s.db, case_id),
            action_points=tuple(meeting_rows.actions_for_case(self._s.db, case_id)),
        )

    def add_note(
        self,
        ref: str,
        text: str,
        *,
        kind: str = "note",
        occurred_at: datetime | None = None,
        terms: str = "",
    ) -> str:
        """Add a paper-trail entry. `terms` ("off-the-record" or "without-prejudice") belongs only
        to a management contact and needs the member's consent of that scope in force (the guide:
        tell the member beforehand and obtain their agreement); without it ConsentMissingError."""
        if kind not in EVENT_KINDS:
            raise UsageError(f"A note's kind must be one of: {', '.join(EVENT_KINDS)}.")
        if terms not in CONTACT_TERMS:
            raise UsageError(f"A contact's terms are one of: {', '.join(t for t in CONTACT_TERMS if t)}.")
        if terms and kind != "management":
            raise UsageError("Only a management contact can be 'off the record' or 'without prejudice'.")
        try:
            body = rules.clean_body(text, field="note")
        except ValueError as err:
            raise UsageError(str(err)) from None
        case_id = self._s.case_id(ref)
        if terms in people.TERMS_NEEDING_CONSENT and not self._consent_in_force(ref, terms):
            raise ConsentMissingError(
                f"A '{terms.replace('-', ' ')}' conversation with management needs the member's "
                "agreement beforehand; record their consent first."
            )
        now = self._s.now()
        event = Event(
            id=new_id(), kind=kind, occurred_at=occurred_at or now, recorded_at=now, body=body, terms=terms
        )
        with self._s.db.transaction():
            case_rows.insert_event(self._s.db, case_id, event)
            self._s.audit("note.added", rules.normalise_ref(ref), event.id, now=now)
        log.info("note.added %s %s", kind, event.id)
        return event.id

    def search(self, query: str) -> list[SearchHit]:
        return search_rows.search(self._s.db, query)

    def search_cases(self, query: str, *, status: str | None = None, limit: int = 200) -> list[CaseSummary]:
        """Whole case rows for the case list, best match first; `status` as in list_cases."""
        if status not in (None, *CASE_STATUSES):
            raise UsageError(f"A case's status is one of: {', '.join(CASE_STATUSES)}.")
        return case_rows.search_cases(self._s.db, query, status=status, limit=limit)

    def search_matches(self, query: str, *, status: str | None = None, limit: int = 200) -> list[CaseMatch]:
        """`search_cases`, each case with where it matched; `search_snippets` says why."""
        if status not in (None, *CASE_STATUSES):
            raise UsageError(f"A case's status is one of: {', '.join(CASE_STATUSES)}.")
        return case_rows.search_matches(self._s.db, query, status=status, limit=limit)

    def search_snippets(self, query: str, matches: list[CaseMatch]) -> dict[int, Snippet]:
        """Why each of `matches` (from search_matches(query)) matched, by its entry: the words
        around the match, the matched words marked. Made now, from the index's own text; the GUI
        asks for the rows on screen only, so a search costs what it did without them."""
        by_prefix: dict[bool, list[int]] = {}
        for match in matches:
            by_prefix.setdefault(match.prefix, []).append(match.entry)
        found: dict[int, Snippet] = {}
        for prefix, entries in by_prefix.items():
            found.update(search_rows.snippets(self._s.db, query, entries, prefix=prefix))
        return found

    def case_summary(self, ref: str) -> CaseSummary:
        """The case's row as the list shows it, without its paper trail and documents."""
        summary = case_rows.get_summary(self._s.db, self._s.case_id(ref))
        assert summary is not None
        return summary

    def case_outcome(self, ref: str) -> tuple[str | None, str]:
        """(outcome code, remedy) recorded when the case closed; (None, "") while it is open."""
        return case_rows.outcome(self._s.db, self._s.case_id(ref))

    def _case_types(self) -> tuple[str, ...]:
        return outcome_rules.case_type_codes(settings_rows.get(self._s.db, outcome_rules.CASE_TYPES_SETTING))

    def close_case(
        self,
        ref: str,
        *,
        retain_days: int | None = None,
        escalation_reason: str | None = None,
        outcome: str | None = None,
        remedy: str = "",
    ) -> CaseSummary:
        """Close a case; it is due for deletion after `retain_days`, or its type's archive period.
        When the first meeting prompted an escalation and none is recorded, `escalation_reason`
        (why the case closes without one) is required and goes into the paper trail. `outcome`
        is a code from the vault's list of outcomes (the branch figures count it), `remedy` what
        was won, in words."""
        case_id = self._s.case_id(ref)
        ended = None
        if outcome is not None:
            listed = outcome_rules.outcome_codes(
                settings_rows.get(self._s.db, outcome_rules.OUTCOMES_SETTING)
            )
            ended = outcome_rules.choose(outcome, listed, "outcome")
        try:
            won = rules.clean_body(
                remedy, field="remedy", max_chars=outcome_rules.MAX_REMEDY_CHARS, required=False
            )
        except ValueError as err:
            raise UsageError(str(err)) from None
        if won and ended is None:
            raise UsageError("Record the outcome with the remedy.")
        reason = None
        if self._escalation_unrecorded(ref):
            try:
                reason = rules.clean_text(
                    escalation_reason or "", field="reason", max_chars=2000, required=False
                )
            except ValueError as err:
                raise UsageError(str(err)) from None
            if not reason:
                raise UsageError(
                    "The first meeting prompted an escalation and none is recorded; record the "
                    "escalation, or give the reason for closing without one."
                )
        if retain_days is None:
            summary = case_rows.get_summary(self._s.db, case_id)
            assert summary is not None
            days = self._retain_days_for(summary.case_type)
        else:
            days = retain_days
        now = self._s.now()
        try:
            until = retention.retain_until(now, days)
        except ValueError as err:
            raise UsageError(str(err)) from None
        with self._s.db.transaction():
            if reason:
                body = people.closed_without_escalation_body(reason)
                note = Event(new_id(), "note", now, now, body)
                case_rows.insert_event(self._s.db, case_id, note)
                self._s.audit("note.added", rules.normalise_ref(ref), note.id, now=now)
            case_rows.set_closed(self._s.db, case_id, now, until)
            case_rows.set_outcome(self._s.db, case_id, ended, won)
            # The reference as stored, however it was typed: the case history looks it up so.
            self._s.audit("case.closed", rules.normalise_ref(ref), now=now)
        log.info("case.closed %s", case_id)
        summary = case_rows.get_summary(self._s.db, case_id)
        assert summary is not None
        return summary

    def reopen_case(self, ref: str) -> None:
        case_id = self._s.case_id(ref)
        with self._s.db.transaction():
            case_rows.set_reopened(self._s.db, case_id, self._s.now())
            self._s.audit("case.reopened", rules.normalise_ref(ref))
        log.info("case.reopened %s", case_id)

    # ---- first meeting and action points -----------------------------------------------------

    def first_meeting(self, ref: str) -> FirstMeeting:
        return meeting_rows.get_first_meeting(self._s.db, self._s.case_id(ref))

    def save_first_meeting(self, ref: str, meeting: FirstMeeting) -> FirstMeeting:
        """Store the whole first-meeting form (an explicit save); returns it as stored."""
        try:
            issues = tuple(
                rules.clean_text(i, field="issue", max_chars=2000) for i in meeting.issues if i.strip()
            )
            cleaned = replace(
                meeting,
                issues=issues,
                narrative=rules.clean_body(meeting.narrative, field="narrative", required=False),
                originals_received=rules.clean_body(
                    meeting.originals_received, field="originals received", required=False
                ),
                member_decision=rules.clean_body(meeting.member_decision, field="decision", required=False),
            )
        except ValueError as err:
            raise UsageError(str(err)) from None
        case_id = self._s.case_id(ref)
        now = self._s.now()
        with self._s.db.transaction():
            meeting_rows.save_first_meeting(self._s.db, case_id, cleaned, [new_id() for _ in issues], now)
            self._s.audit("first-meeting.saved", rules.normalise_ref(ref), now=now)
        log.info("first-meeting.saved %s", case_id)
        return meeting_rows.get_first_meeting(self._s.db, case_id)

    def add_action_point(
        self, ref: str, what: str, *, owner: str = "", due_at: datetime | None = None
    ) -> str:
        try:
            text = rules.clean_text(what, field="action point", max_chars=2000)
            who = rules.clean_text(owner, field="owner", required=False)
        except ValueError as err:
            raise UsageError(str(err)) from None
        case_id = self._s.case_id(ref)
        now = self._s.now()
        action = ActionPoint(id=new_id(), what=text, owner=who, due_at=due_at, done_at=None, created_at=now)
        with self._s.db.transaction():
            meeting_rows.insert_action(self._s.db, case_id, action)
            self._s.audit("action.added", rules.normalise_ref(ref), action.id, now=now)
        log.info("action.added %s", action.id)
        return action.id

    def set_action_done(self, action_id: str, done: bool = True) -> None:
        now = self._s.now()
        with self._s.db.transaction():
            case_id = meeting_rows.set_action_done(self._s.db, action_id, now if done else None)
            if case_id is None:
                raise NotFoundError(f"There is no action point {action_id!r} in this vault.")
            self._s.audit(
                "action.done" if done else "action.reopened", self._s.ref_of(case_id), action_id, now=now
            )
        log.info("action.done %s %s", action_id, done)

    def action_points(self, ref: str) -> list[ActionPoint]:
        return meeting_rows.actions_for_case(self._s.db, self._s.case_id(ref))
