"""Plain records shared by the store, the domain rules and the Vault API. No behaviour here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final

from casevault.core import vocab

# The fixed vocabularies live in core.vocab, with no dataclasses: the CLI's parser needs them
# and nothing else, and building this module's records costs 14 ms of every `casevault --help`.
EVENT_KINDS: Final = vocab.EVENT_KINDS
CONTACT_TERMS: Final = vocab.CONTACT_TERMS
PARTY_ROLES: Final = vocab.PARTY_ROLES
CONSENT_SCOPES: Final = vocab.CONSENT_SCOPES
CONFLICT_DECISIONS: Final = vocab.CONFLICT_DECISIONS
CASE_DATE_KINDS: Final = vocab.CASE_DATE_KINDS
CASE_STATUSES: Final = vocab.CASE_STATUSES
ESCALATION_HOW: Final = vocab.ESCALATION_HOW
LETTER_ENTRY_KINDS: Final = vocab.LETTER_ENTRY_KINDS


@dataclass(frozen=True)
class CaseSummary:
    id: str
    ref: str
    member_name: str
    case_type: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    retain_until: datetime | None
    updated_at: datetime
    # The earliest open action point of an open case, or the end of a closed case's archive period.
    next_due_at: datetime | None = None


@dataclass(frozen=True)
class ListCursor:
    """Where a page of the case list ended: the last row's sort key as stored (None for a case
    with no due date) and its reference. The next page starts after it, by an index seek, so a
    page deep in the list costs what the first one does (an OFFSET walks every row before it)."""

    key: str | None
    ref: str


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    email: str
    employer_domain: str = ""  # the employer's email domain(s), for the work-email warning


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    occurred_at: datetime
    recorded_at: datetime
    body: str  # the current text: the latest version, or the original if never edited
    terms: str = ""  # one of CONTACT_TERMS (management contacts only)
    edited_at: datetime | None = None  # when the latest version was added; None if never edited


@dataclass(frozen=True)
class EventVersion:
    """One version of a paper-trail entry; version 1 is the original text."""

    version: int
    body: str
    recorded_at: datetime


@dataclass(frozen=True)
class Attachment:
    id: str
    case_id: str
    name: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class ActionPoint:
    id: str
    what: str
    owner: str
    due_at: datetime | None
    done_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class FirstMeeting:
    """The first meeting, as the reps' guide lists it. One per case; the defaults are an empty form."""

    held_at: datetime | None = None
    issues: tuple[str, ...] = ()  # identified and agreed with the member
    narrative: str = ""  # the narrative agreed
    dismissal_threatened: bool = False
    discrimination_alleged: bool = False
    confidentiality_explained: bool = False
    originals_received: str = ""  # which original documents were handed over
    member_decision: str = ""  # recorded as the member's own decision
    updated_at: datetime | None = None
    originals_returned_at: datetime | None = None  # when the originals went back to the member


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    member: Member
    title: str
    events: tuple[Event, ...]
    attachments: tuple[Attachment, ...]
    first_meeting: FirstMeeting = FirstMeeting()
    action_points: tuple[ActionPoint, ...] = ()


@dataclass(frozen=True)
class Snippet:
    """Why a search matched: the words around the first match in the entry that matched, as
    (text, matched) parts, the matched words marked. Made from the database's own text when the
    search runs (store.search.snippet), never stored anywhere."""

    parts: tuple[tuple[str, bool], ...] = ()

    @property
    def text(self) -> str:
        return "".join(text for text, _matched in self.parts)


@dataclass(frozen=True)
class SearchHit:
    ref: str
    member_name: str
    status: str
    source: str  # a store.search.SOURCES name: member, event, attachment, email...
    snippet: Snippet = Snippet()


@dataclass(frozen=True)
class CaseMatch:
    """A case a search found: its row for the case list, the source of the entry that matched
    (a store.search.SOURCES name), and what its snippet is made from, when it is shown: the
    entry's id in the index and whether the query's words matched as prefixes."""

    case: CaseSummary
    source: str
    entry: int
    prefix: bool = True


@dataclass(frozen=True)
class Deletion:
    ref: str
    case_type: str
    opened_at: datetime
    closed_at: datetime | None
    deleted_at: datetime
    originals_reason: str | None = None  # a code from retention.ORIGINALS_REASONS, never free text
    outcome: str | None = None  # a code from the vault's list of outcomes (schema 13)


@dataclass(frozen=True)
class CaseDate:
    """A hearing or meeting on the case's calendar."""

    id: str
    kind: str  # one of CASE_DATE_KINDS
    at: datetime
    note: str = ""


@dataclass(frozen=True)
class Party:
    """Someone in a case other than its member: a manager, witness, colleague, complainant..."""

    id: str
    name: str
    role: str  # one of PARTY_ROLES
    note: str
    added_at: datetime


@dataclass(frozen=True)
class Consent:
    id: str
    scope: str  # one of CONSENT_SCOPES
    given_at: datetime
    note: str
    withdrawn_at: datetime | None
    recorded_at: datetime

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None


@dataclass(frozen=True)
class Original:
    """An original document received from the member, and its return."""

    id: str
    description: str
    received_at: datetime
    kept_where: str
    returned_at: datetime | None
    returned_how: str
    recorded_at: datetime


@dataclass(frozen=True)
class Escalation:
    id: str
    event_id: str  # the "escalation" entry it wrote in the paper trail
    escalated_to: str
    escalated_at: datetime
    how: str
    regional_office_notified: bool
    recorded_at: datetime


@dataclass(frozen=True)
class LibraryDocument:
    """A policy or procedure in the vault-wide library: encrypted like an attachment, no case."""

    id: str
    name: str
    title: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class Breach:
    """A confidentiality breach record: case references only, no member content."""

    id: str
    occurred_at: datetime
    discovered_at: datetime
    category: str
    what: str
    case_refs: tuple[str, ...]
    informed: str
    informed_at: datetime | None
    actions: str
    recorded_at: datetime


@dataclass(frozen=True)
class SentRecord:
    """One row of the sent log: what left the vault, to whom (as typed) and when."""

    id: str
    ref: str  # the case's reference
    kind: str  # zip | handover | subject-access
    sent_at: datetime
    recipient: str
    contents: tuple[str, ...]  # the names inside, one per document
    sha256: str  # of the file that was written


@dataclass(frozen=True)
class Procedure:
    """A procedure a case follows, built from a template (casework.procedure)."""

    id: str
    template_id: str
    template_version: int
    name: str
    jurisdiction: str
    started_at: datetime
    policy_id: str | None = None


@dataclass(frozen=True)
class CaseDeadline:
    """A deadline counted for a case: a procedure stage, a tribunal limit, a subject access
    request. `due_on` is None while the event that starts its clock is not recorded."""

    id: str
    kind: str  # stage | tribunal | subject-access | accompaniment
    name: str
    procedure_id: str | None = None
    position: int = 0
    stage_key: str = ""
    event: str = ""
    limit_days: int | None = None
    unit: str = "working"
    event_on: date | None = None
    due_on: date | None = None
    rule: str = ""
    rule_version: int = 0
    inputs: dict[str, str] = field(default_factory=dict)
    explanation: str = ""
    extended_to: date | None = None
    extension_with: str = ""
    extension_note: str = ""
    done_on: date | None = None
    outcome: str = ""
    overdue_reason: str = ""
