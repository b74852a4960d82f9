"""A received handover manifest, validated as local input is (no Qt, no SQL).

A rep's handover key is public, so anyone can make a bundle for it: every field of the manifest
is hostile until it passes the same rules as typed input (`rules.clean_text` for names and short
texts, `rules.storable_file_name` for document names, the model's lists of kinds, scopes and
roles, strict dates, ids of the right length). `validate` runs before anything is written and
returns plain records; any fault is one sentence naming the field, never its value (exit 4).
One function per record kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from casevault.casework import people, rules
from casevault.casework.procedure import MAX_LIMIT_DAYS, TEMPLATES, UNITS
from casevault.casework.retention import MAX_RETAIN_DAYS
from casevault.casework.working_days import FIRST_YEAR, JURISDICTIONS, LAST_YEAR
from casevault.core.model import (
    CASE_DATE_KINDS,
    CASE_STATUSES,
    CONSENT_SCOPES,
    CONTACT_TERMS,
    EVENT_KINDS,
    PARTY_ROLES,
    ActionPoint,
    CaseDate,
    CaseDeadline,
    Consent,
    Escalation,
    EventVersion,
    FirstMeeting,
    Member,
    Original,
    Party,
    Procedure,
)
from casevault.formats import bundle
from casevault.store.timefmt import from_db

MAX_RECORDS = 100_000  # of any one kind in a case
MAX_VERSIONS = 1_000  # of one paper-trail entry
MAX_ISSUES = 1_000
MAX_BODY_CHARS = 1_000_000  # a note, a version, the narrative
MAX_TEXT_CHARS = 2000  # an issue, an action point
MAX_NOTE_CHARS = 500  # as add_party, give_consent, add_case_date and add_original allow
MAX_WHERE_CHARS = 200
MAX_EXPLANATION_CHARS = 8000  # a deadline's steps in plain words
MAX_INPUTS = 20  # a deadline calculation's named inputs
DEADLINE_KINDS = ("stage", "tribunal", "subject-access", "accompaniment")
_HEX = re.compile(r"[0-9a-f]+")
_INPUT_NAME = re.compile(r"[a-z][a-z_]{0,39}")
T = TypeVar("T")


class ManifestError(bundle.BundleRefusedError):
    """One field of a received manifest is not valid (exit 4; nothing was imported)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"{bundle.REFUSED}{reason[:1].lower()}{reason[1:]}")


@dataclass(frozen=True)
class ReceivedEvent:
    id: str  # the sender's id, to link escalations
    kind: str
    occurred_at: datetime
    recorded_at: datetime
    terms: str
    versions: tuple[EventVersion, ...]  # version 1 first, numbered without gaps


@dataclass(frozen=True)
class ReceivedDocument:
    name: str
    size: int
    sha256: str
    added_at: datetime | None


@dataclass(frozen=True)
class ReceivedCase:
    """Everything a receive writes, checked. Ids in these records are placeholders."""

    ref: str  # the sender's reference
    case_type: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    retain_until: datetime | None
    title: str
    member: Member
    first_meeting: FirstMeeting | None
    action_points: tuple[ActionPoint, ...]
    case_dates: tuple[CaseDate, ...]
    events: tuple[ReceivedEvent, ...]
    parties: tuple[Party, ...]
    consents: tuple[Consent, ...]
    originals: tuple[Original, ...]
    escalations: tuple[Escalation, ...] = field(default=())
    documents: tuple[ReceivedDocument, ...] = field(default=())
    procedures: tuple[Procedure, ...] = field(default=())  # ids are the sender's, to link stages
    deadlines: tuple[CaseDeadline, ...] = field(default=())


class _Record:
    """One JSON object of the manifest, read field by field with the local rules."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise ManifestError(f"The {where or 'manifest'} is not a record.")
        self._d = value
        self._where = where

    def _name(self, label: str) -> str:
        return f"{label} ({self._where})" if self._where else label

    def _get(self, key: str, label: str, kind: type | tuple[type, ...]) -> Any:
        if key not in self._d:
            raise ManifestError(f"The bundle has no {self._name(label)}.")
        value = self._d[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise ManifestError(f"The {self._name(label)} is not valid.")
        return value

    def string(self, key: str, label: str) -> str:
        value: str = self._get(key, label, str)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate escaped in the JSON: not text
            raise ManifestError(f"The {self._name(label)} is not valid text.") from None
        return value

    def text(
        self, key: str, label: str, max_chars: int = rules.MAX_NAME_CHARS, *, required: bool = True
    ) -> str:
        try:
            return rules.clean_text(
                self.string(key, label), field=self._name(label), max_chars=max_chars, required=required
            )
        except ValueError as err:
            raise ManifestError(str(err)) from None

    def body(self, key: str, label: str, *, required: bool) -> str:
        return clean_body(self.string(key, label), self._name(label), required=required)

    def when(self, key: str, label: str) -> datetime:
        text = self.string(key, label)
        try:
            return from_db(text)
        except ValueError:
            raise ManifestError(f"The {self._name(label)} is not a valid date.") from None

    def when_opt(self, key: str, label: str) -> datetime | None:
        if self._d.get(key, None) is None:
            return None
        return self.when(key, label)

    def day_opt(self, key: str, label: str) -> date | None:
        """An ISO calendar date (2026-04-09), or None."""
        if self._d.get(key, None) is None:
            return None
        text = self.string(key, label)
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise ManifestError(f"The {self._name(label)} is not a valid date.") from None
        if len(text) != len("2026-04-09") or not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ManifestError(f"The {self._name(label)} is not a valid date.")
        return day

    def flag(self, key: str, label: str) -> bool:
        return bool(self._get(key, label, bool))

    def choice(self, key: str, label: str, choices: Sequence[str]) -> str:
        value = self.string(key, label)
        if value not in choices:
            raise ManifestError(f"The {self._name(label)} is not one casevault knows.")
        return value

    def hex_id(self, key: str, label: str, length: int = 32) -> str:
        value = self.string(key, label)
        if len(value) != length or not _HEX.fullmatch(value):
            raise ManifestError(f"The {self._name(label)} is not valid.")
        return value

    def integer(self, key: str, label: str, low: int, high: int) -> int:
        value: int = self._get(key, label, int)
        if not low <= value <= high:
            raise ManifestError(f"The {self._name(label)} is not valid.")
        return value

    def record(self, key: str, label: str, where: str) -> _Record:
        """A nested record; its fields are named with `where` ("" when their labels say it)."""
        return _Record(self._get(key, label, dict), where)

    def items(
        self, key: str, label: str, item: str, read: Callable[[_Record], T], limit: int = MAX_RECORDS
    ) -> tuple[T, ...]:
        values: list[Any] = self._get(key, label, list)
        if len(values) > limit:
            raise ManifestError(f"The bundle holds more than {limit} {label}.")
        where = f"{self._where}, " if self._where else ""
        return tuple(read(_Record(v, f"{where}{item} {n}")) for n, v in enumerate(values, 1))


def clean_body(text: str, field_name: str, *, required: bool) -> str:
    """A multi-line text cleaned exactly as a note typed here would be (rules.clean_body)."""
    try:
        return rules.clean_body(text, field=field_name, max_chars=MAX_BODY_CHARS, required=required)
    except ValueError as err:
        raise ManifestError(str(err)) from None


# ---- one function per record kind ---------------------------------------------------------------


def _case(r: _Record) -> dict[str, Any]:
    ref = r.text("ref", "reference", 40)
    if not rules.REF_PATTERN.match(ref):
        raise ManifestError("The case's reference is not valid.")
    status = r.choice("status", "status", CASE_STATUSES)
    closed_at = r.when_opt("closed_at", "date closed")
    retain_until = r.when_opt("retain_until", "archive date")
    if status == "closed":
        if closed_at is None or retain_until is None:
            raise ManifestError("The case is closed but its date closed or archive date is missing.")
        if not closed_at <= retain_until <= closed_at + timedelta(days=MAX_RETAIN_DAYS + 1):
            raise ManifestError("The case's archive date is not valid.")
    elif closed_at is not None or retain_until is not None:
        raise ManifestError("The case is open but has a date closed or an archive date.")
    return {
        "ref": ref,
        "case_type": r.text("case_type", "case type", 60),
        "status": status,
        "opened_at": r.when("opened_at", "date opened"),
        "closed_at": closed_at,
        "retain_until": retain_until,
        "title": r.text("title", "title", 200, required=False),
    }


def _member(r: _Record) -> Member:
    domains = r.text("employer_domain", "employer's domain", required=False)
    return Member(
        id="",
        name=r.text("name", "member's name"),
        email=r.text("email", "email address", required=False),
        employer_domain=" ".join(people.employer_domains(domains)),
    )


def _issues(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > MAX_ISSUES:
        raise ManifestError("The first meeting's list of issues is not valid.")
    out = []
    for n, issue in enumerate(value, 1):
        label = f"issue number {n} of the first meeting"
        if not isinstance(issue, str):
            raise ManifestError(f"The {label} is not valid.")
        try:
            out.append(rules.clean_text(issue, field=label, max_chars=MAX_TEXT_CHARS))
        except ValueError as err:
            raise ManifestError(str(err)) from None
    return tuple(out)


def _first_meeting(r: _Record) -> FirstMeeting | None:
    """None when the sender never saved one (nothing to import)."""
    issues = _issues(r._get("issues", "issues", list))
    meeting = FirstMeeting(
        held_at=r.when_opt("held_at", "date held"),
        issues=issues,
        narrative=r.body("narrative", "narrative", required=False),
        dismissal_threatened=r.flag("dismissal_threatened", "dismissal threatened"),
        discrimination_alleged=r.flag("discrimination_alleged", "discrimination alleged"),
        confidentiality_explained=r.flag("confidentiality_explained", "confidentiality explained"),
        originals_received=r.body("originals_received", "originals received", required=False),
        member_decision=r.body("member_decision", "member's decision", required=False),
        updated_at=r.when_opt("updated_at", "date updated"),
        originals_returned_at=r.when_opt("originals_returned_at", "date originals returned"),
    )
    return None if meeting.updated_at is None and not issues else meeting


def _action_point(r: _Record) -> ActionPoint:
    return ActionPoint(
        id="",
        what=r.text("what", "text", MAX_TEXT_CHARS),
        owner=r.text("owner", "owner", required=False),
        due_at=r.when_opt("due_at", "date due"),
        done_at=r.when_opt("done_at", "date done"),
        created_at=r.when("created_at", "date created"),
    )


def _case_date(r: _Record) -> CaseDate:
    return CaseDate(
        id="",
        kind=r.choice("kind", "kind", CASE_DATE_KINDS),
        at=r.when("at", "date"),
        note=r.text("note", "note", MAX_NOTE_CHARS, required=False),
    )


def _version(r: _Record) -> EventVersion:
    return EventVersion(
        version=r.integer("version", "version number", 1, MAX_VERSIONS),
        body=r.body("body", "text", required=True),
        recorded_at=r.when("recorded_at", "date recorded"),
    )


def _event(r: _Record) -> ReceivedEvent:
    kind = r.choice("kind", "kind", EVENT_KINDS)
    terms = r.choice("terms", "terms", CONTACT_TERMS)
    if terms and kind != "management":
        raise ManifestError("A paper-trail entry other than a management contact has terms.")
    versions = tuple(
        sorted(r.items("versions", "versions", "version", _version, MAX_VERSIONS), key=lambda v: v.version)
    )
    if not versions or [v.version for v in versions] != list(range(1, len(versions) + 1)):
        raise ManifestError("The versions of a paper-trail entry are not numbered 1, 2, 3 and so on.")
    return ReceivedEvent(
        id=r.hex_id("id", "id"),
        kind=kind,
        occurred_at=r.when("occurred_at", "date it happened"),
        recorded_at=r.when("recorded_at", "date recorded"),
        terms=terms,
        versions=versions,
    )


def _party(r: _Record) -> Party:
    return Party(
        id="",
        name=r.text("name", "person's name"),
        role=r.choice("role", "role", PARTY_ROLES),
        note=r.text("note", "note", MAX_NOTE_CHARS, required=False),
        added_at=r.when("added_at", "date added"),
    )


def _consent(r: _Record) -> Consent:
    return Consent(
        id="",
        scope=r.choice("scope", "scope", CONSENT_SCOPES),
        given_at=r.when("given_at", "date given"),
        note=r.text("note", "note", MAX_NOTE_CHARS, required=False),
        withdrawn_at=r.when_opt("withdrawn_at", "date withdrawn"),
        recorded_at=r.when("recorded_at", "date recorded"),
    )


def _original(r: _Record) -> Original:
    return Original(
        id="",
        description=r.text("description", "description", MAX_NOTE_CHARS),
        received_at=r.when("received_at", "date received"),
        kept_where=r.text("kept_where", "place where it is kept", MAX_WHERE_CHARS, required=False),
        returned_at=r.when_opt("returned_at", "date returned"),
        returned_how=r.text("returned_how", "way it was returned", MAX_WHERE_CHARS, required=False),
        recorded_at=r.when("recorded_at", "date recorded"),
    )


def _escalation(r: _Record) -> Escalation:
    event_id = r.string("event_id", "paper-trail entry")
    if event_id:
        event_id = r.hex_id("event_id", "paper-trail entry")
    return Escalation(
        id="",
        event_id=event_id,
        escalated_to=r.text("escalated_to", "name of who the case was escalated to"),
        escalated_at=r.when("escalated_at", "date escalated"),
        how=r.choice("how", "way it was escalated", people.ESCALATION_HOW),
        regional_office_notified=r.flag("regional_office_notified", "regional office notified"),
        recorded_at=r.when("recorded_at", "date recorded"),
    )


def _procedure(r: _Record) -> Procedure:
    template_id = r.choice("template_id", "template", tuple(TEMPLATES))
    return Procedure(
        id=r.hex_id("id", "id"),
        template_id=template_id,
        template_version=r.integer("template_version", "template version", 1, 1000),
        name=r.text("name", "name", 200),
        jurisdiction=r.choice("jurisdiction", "jurisdiction", tuple(JURISDICTIONS)),
        started_at=r.when("started_at", "date started"),
    )


def _inputs(r: _Record) -> dict[str, str]:
    raw: dict[str, Any] = r._get("inputs", "inputs", dict)
    if len(raw) > MAX_INPUTS:
        raise ManifestError(f"The {r._name('inputs')} are not valid.")
    if not all(isinstance(k, str) and _INPUT_NAME.fullmatch(k) for k in raw):
        raise ManifestError(f"The {r._name('inputs')} are not valid.")
    inputs = _Record(raw, r._where)
    return {k: inputs.text(k, "input", 100, required=False) for k in raw}


def _deadline(r: _Record) -> CaseDeadline:
    procedure_id = r.string("procedure_id", "procedure")
    limit = r._d.get("limit_days")
    return CaseDeadline(
        id="",
        kind=r.choice("kind", "kind", DEADLINE_KINDS),
        name=r.text("name", "name", 200),
        procedure_id=r.hex_id("procedure_id", "procedure") if procedure_id else None,
        position=r.integer("position", "position", 0, 1000),
        stage_key=r.text("stage_key", "stage", 60, required=False),
        event=r.text("event", "event", MAX_NOTE_CHARS, required=False),
        limit_days=None if limit is None else r.integer("limit_days", "time limit", 1, MAX_LIMIT_DAYS),
        unit=r.choice("unit", "unit", UNITS),
        event_on=r.day_opt("event_on", "date of its event"),
        due_on=r.day_opt("due_on", "deadline"),
        rule=r.text("rule", "rule", 100, required=False),
        rule_version=r.integer("rule_version", "rule version", 0, 1000),
        inputs=_inputs(r),
        explanation=r.text("explanation", "explanation", MAX_EXPLANATION_CHARS, required=False),
        extended_to=r.day_opt("extended_to", "date extended to"),
        extension_with=r.text("extension_with", "who agreed the extension", MAX_TEXT_CHARS, required=False),
        extension_note=r.text("extension_note", "extension note", MAX_TEXT_CHARS, required=False),
        done_on=r.day_opt("done_on", "date done"),
        outcome=r.text("outcome", "outcome", MAX_TEXT_CHARS, required=False),
        overdue_reason=r.text("overdue_reason", "reason", MAX_TEXT_CHARS, required=False),
    )


def _clock(top: _Record) -> tuple[tuple[Procedure, ...], tuple[CaseDeadline, ...]]:
    """The case's procedures and deadlines (bundles from before schema 12 have neither)."""
    if "procedures" not in top._d and "deadlines" not in top._d:
        return (), ()
    procedures = top.items("procedures", "procedures", "procedure", _procedure)
    deadlines = top.items("deadlines", "deadlines", "deadline", _deadline)
    known = {p.id for p in procedures}
    if len(known) != len(procedures):
        raise ManifestError("Two of the case's procedures have the same id.")
    if any(d.procedure_id is not None and d.procedure_id not in known for d in deadlines):
        raise ManifestError("A deadline names a procedure the bundle does not hold.")
    if any((d.kind == "stage") != (d.procedure_id is not None) for d in deadlines):
        raise ManifestError("A deadline's kind does not match whether it belongs to a procedure.")
    return procedures, deadlines


def _audit_entry(r: _Record) -> None:
    """The sender's audit entries travel for the record but are not imported: shape only."""
    r.integer("seq", "number", 1, 1 << 62)
    r.text("at", "time", 40)
    r.text("action", "action", 60)
    r.text("subject", "subject", 200, required=False)


def _document(r: _Record) -> ReceivedDocument:
    r.hex_id("id", "id")
    return ReceivedDocument(
        name=rules.storable_file_name(r.string("name", "name")),
        size=r.integer("size", "size", 0, bundle.MAX_DOCUMENT_BYTES),
        sha256=r.hex_id("sha256", "fingerprint", 64),
        added_at=r.when_opt("added_at", "date added"),
    )


def validate(manifest: Any) -> ReceivedCase:
    """Every record of a received manifest, checked; ManifestError (one sentence) on any fault."""
    top = _Record(manifest, "")
    case = _case(top.record("case", "case", ""))
    member = _member(top.record("member", "member", ""))
    meeting = _first_meeting(top.record("first_meeting", "first meeting", "first meeting"))
    top.when("created_at", "date made")
    try:
        bundle.check_recipient(top.string("source_key", "sender's handover key"))
    except Exception:
        raise ManifestError("The sender's handover key is not valid.") from None
    events = top.items("events", "paper-trail entries", "paper-trail entry", _event)
    escalations = top.items("escalations", "escalations", "escalation", _escalation)
    top.items("audit", "audit entries", "audit entry", _audit_entry)
    procedures, deadlines = _clock(top)
    return ReceivedCase(
        ref=case["ref"],
        case_type=case["case_type"],
        status=case["status"],
        opened_at=case["opened_at"],
        closed_at=case["closed_at"],
        retain_until=case["retain_until"],
        title=case["title"],
        member=member,
        first_meeting=meeting,
        action_points=top.items("action_points", "action points", "action point", _action_point),
        case_dates=top.items("case_dates", "case dates", "case date", _case_date),
        events=events,
        parties=top.items("parties", "people", "person", _party),
        consents=top.items("consents", "consents", "consent", _consent),
        originals=top.items("originals", "originals", "original", _original),
        escalations=escalations,
        documents=top.items("documents", "documents", "document", _document, bundle.MAX_DOCUMENTS),
        procedures=procedures,
        deadlines=deadlines,
    )
