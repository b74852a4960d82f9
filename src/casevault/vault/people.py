"""People and their permissions (issue 5): parties with roles and the conflict check, consent,
escalation records and the closing guard.

Domain rules live in casework/ (conflicts, people, escalation) and take `now`; SQL in store/."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import datetime

from casevault.casework import conflicts as conflict_rules
from casevault.casework import people, rules
from casevault.casework.escalation import escalation_prompted
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import (
    CONFLICT_DECISIONS,
    CONSENT_SCOPES,
    PARTY_ROLES,
    Consent,
    Escalation,
    Event,
    Party,
)
from casevault.store import cases as case_rows
from casevault.store import consents as consent_rows
from casevault.store import escalations as escalation_rows
from casevault.store import meetings as meeting_rows
from casevault.store import names as name_index
from casevault.store import parties as party_rows
from casevault.vault.session import Session

log = logging.getLogger(__name__)


def _clean(text: str, field: str, max_chars: int, *, required: bool = True) -> str:
    try:
        return rules.clean_text(text, field=field, max_chars=max_chars, required=required)
    except ValueError as err:
        raise UsageError(str(err)) from None


class People:
    def __init__(self, session: Session) -> None:
        self._s = session

    # ---- parties and the conflict check ----------------------------------------------------

    def add_party(self, ref: str, name: str, role: str, note: str = "") -> str:
        """Someone in the case other than its member, with their role. Returns the party's id."""
        if role not in PARTY_ROLES:
            raise UsageError(f"A person's role is one of: {', '.join(PARTY_ROLES)}.")
        cleaned = _clean(name, "person's name", rules.MAX_NAME_CHARS)
        text = _clean(note, "note", 500, required=False)
        case_id = self._s.case_id(ref)
        now = self._s.now()
        party = Party(secrets.token_hex(16), cleaned, role, text, now)
        with self._s.db.transaction():
            party_rows.insert_party(self._s.db, case_id, party)
            self._s.audit("party.added", rules.normalise_ref(ref), party.id, now=now)
        log.info("party.added %s %s", role, party.id)
        return party.id

    def parties(self, ref: str) -> list[Party]:
        return party_rows.parties(self._s.db, self._s.case_id(ref))

    def remove_party(self, party_id: str) -> None:
        with self._s.db.transaction():
            case_id = party_rows.delete_party(self._s.db, party_id)
            if case_id is None:
                raise NotFoundError(f"There is no person {party_id!r} in this vault.")
            ref = case_rows.get_summary(self._s.db, case_id)
            self._s.audit("party.removed", "" if ref is None else ref.ref, party_id)
        log.info("party.removed %s", party_id)

    def conflicts(self, name: str, *, except_ref: str | None = None) -> list[conflict_rules.Match]:
        """Cases whose member or one of whose parties matches `name` (diacritics, word order,
        punctuation and small spelling differences forgiven), by reference and role only, best
        first. `except_ref` leaves out the case being worked on."""
        skip = None if except_ref is None else rules.normalise_ref(except_ref)
        # The keys find every token that could pair, useful_tokens keeps those a match can rest
        # on, and only names with one of them are read; find_conflicts decides.
        tokens = name_index.tokens_with_keys(self._s.db, conflict_rules.query_keys(name))
        found = name_index.candidates(self._s.db, conflict_rules.useful_tokens(name, tokens))
        candidates = (conflict_rules.Candidate(ref, role, who) for ref, role, who in found if ref != skip)
        return conflict_rules.find_conflicts(name, candidates)

    def record_conflict_decision(
        self,
        ref: str,
        decision: str,
        *,
        checked_role: str,
        matches: Sequence[conflict_rules.Match],
    ) -> str:
        """A "conflict-check" paper-trail entry: the decision, the role checked and the matching
        cases by reference and role (never their names). Returns the entry's id."""
        if decision not in CONFLICT_DECISIONS:
            raise UsageError(f"A conflict decision is one of: {', '.join(CONFLICT_DECISIONS)}.")
        if checked_role not in people.CHECKED_ROLES:
            raise UsageError(f"The role checked is one of: {', '.join(people.CHECKED_ROLES)}.")
        if not matches and decision != "no-conflict":
            raise UsageError("With no matching case, the only decision to record is no conflict.")
        body = people.conflict_check_body(decision, checked_role, matches)
        case_id = self._s.case_id(ref)
        now = self._s.now()
        event = Event(secrets.token_hex(16), "conflict-check", now, now, body)
        with self._s.db.transaction():  # a paper-trail entry like any other, in the case history
            case_rows.insert_event(self._s.db, case_id, event)
            self._s.audit("note.added", rules.normalise_ref(ref), event.id, now=now)
        log.info("conflict.decided %s %s", decision, event.id)
        return event.id

    # ---- consent -----------------------------------------------------------------------------

    def give_consent(self, ref: str, scope: str, *, given_at: datetime | None = None, note: str = "") -> str:
        if scope not in CONSENT_SCOPES:
            raise UsageError(f"A consent's scope is one of: {', '.join(CONSENT_SCOPES)}.")
        text = _clean(note, "note", 500, required=False)
        now = self._s.now()
        when = given_at or now
        try:
            people.check_given_at(when, now)
        except ValueError as err:
            raise UsageError(str(err)) from None
        case_id = self._s.case_id(ref)
        consent = Consent(secrets.token_hex(16), scope, when, text, None, now)
        with self._s.db.transaction():
            consent_rows.insert_consent(self._s.db, case_id, consent)
            self._s.audit("consent.given", rules.normalise_ref(ref), consent.id, now=now)
        log.info("consent.given %s %s", scope, consent.id)
        return consent.id

    def withdraw_consent(self, consent_id: str, *, at: datetime | None = None) -> None:
        found = consent_rows.get_consent(self._s.db, consent_id)
        if found is None:
            raise NotFoundError(f"There is no consent {consent_id!r} in this vault.")
        case_id, consent = found
        if consent.withdrawn_at is not None:
            raise UsageError("That consent is already recorded as withdrawn.")
        now = self._s.now()
        when = at or now
        if when.tzinfo is None:
            raise UsageError("A withdrawal needs a time with its time zone.")
        if when < consent.given_at:
            raise UsageError("Consent cannot be withdrawn before it was given.")
        summary = case_rows.get_summary(self._s.db, case_id)
        with self._s.db.transaction():
            consent_rows.set_withdrawn(self._s.db, consent_id, when, now)
            self._s.audit("consent.withdrawn", "" if summary is None else summary.ref, consent_id, now=now)
        log.info("consent.withdrawn %s", consent_id)

    def consents(self, ref: str) -> list[Consent]:
        return consent_rows.consents(self._s.db, self._s.case_id(ref))

    def consent_in_force(self, ref: str, scope: str) -> bool:
        if scope not in CONSENT_SCOPES:
            raise UsageError(f"A consent's scope is one of: {', '.join(CONSENT_SCOPES)}.")
        return consent_rows.in_force(self._s.db, self._s.case_id(ref), scope)

    def sharing_consent_problem(self, ref: str, recipient: str) -> str | None:
        """None when the member's consent to sharing the case with `recipient` ("reps" or
        "regional-office") is in force; otherwise one sentence saying what is missing."""
        scope = people.SHARING_SCOPES.get(recipient)
        if scope is None:
            raise UsageError(f"A case can be shared with: {', '.join(people.SHARING_SCOPES)}.")
        given = [c for c in self.consents(ref) if c.scope == scope]
        withdrawn = [c.withdrawn_at for c in given if c.withdrawn_at is not None]
        return people.sharing_problem(
            recipient, max(withdrawn) if withdrawn else None, any(c.in_force for c in given)
        )

    # ---- escalation --------------------------------------------------------------------------

    def record_escalation(
        self,
        ref: str,
        *,
        escalated_to: str,
        escalated_at: datetime,
        how: str,
        regional_office_notified: bool,
    ) -> str:
        """An escalation record and its "escalation" paper-trail entry, in one transaction."""
        if how not in people.ESCALATION_HOW:
            raise UsageError(f"An escalation was made by one of: {', '.join(people.ESCALATION_HOW)}.")
        if escalated_at.tzinfo is None:
            raise UsageError("An escalation needs a time with its time zone.")
        to = _clean(escalated_to, "name of who the case was escalated to", 200)
        case_id = self._s.case_id(ref)
        now = self._s.now()
        body = people.escalation_body(to, escalated_at, how, bool(regional_office_notified))
        event = Event(secrets.token_hex(16), "escalation", escalated_at, now, body)
        escalation = Escalation(
            secrets.token_hex(16), event.id, to, escalated_at, how, bool(regional_office_notified), now
        )
        with self._s.db.transaction():
            case_rows.insert_event(self._s.db, case_id, event)
            escalation_rows.insert_escalation(self._s.db, case_id, escalation)
            self._s.audit("escalation.recorded", rules.normalise_ref(ref), escalation.id, now=now)
        log.info("escalation.recorded %s", escalation.id)
        return escalation.id

    def escalations(self, ref: str) -> list[Escalation]:
        """The escalation records made through the form (who, when, how): each also has its
        paper-trail entry. `escalation_count` counts entries added by hand too."""
        return escalation_rows.escalations(self._s.db, self._s.case_id(ref))

    def escalation_count(self, ref: str) -> int:
        """How many escalations the case has on record: its paper trail's "escalation" entries,
        whether recorded with `record_escalation` or added to the paper trail by hand. The one
        source, as the closing guard and the reminder read it (store/escalations.py)."""
        return escalation_rows.escalation_entries(self._s.db, self._s.case_id(ref))

    def escalation_unrecorded(self, ref: str) -> bool:
        """The first meeting flagged dismissal threatened or discrimination alleged, and the paper
        trail has no escalation entry (`escalation_count` is 0)."""
        case_id = self._s.case_id(ref)
        meeting = meeting_rows.get_first_meeting(self._s.db, case_id)
        return escalation_prompted(meeting) and not escalation_rows.has_escalation_event(self._s.db, case_id)
