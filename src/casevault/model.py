"""Plain records shared by the store, the domain rules and the Vault API. No behaviour here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

# "advice" is advice given orally (in person or by phone); "advice-written" confirms advice in
# writing, and "escalation" records that the case was escalated (the guide asks for both).
EVENT_KINDS: Final = ("note", "meeting", "advice", "advice-written", "call", "management", "escalation")
CASE_DATE_KINDS: Final = ("hearing", "meeting")
CASE_STATUSES: Final = ("open", "closed")


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
class Member:
    id: str
    name: str
    email: str


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    occurred_at: datetime
    recorded_at: datetime
    body: str


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
class SearchHit:
    ref: str
    member_name: str
    status: str
    source: str  # member | case | event | attachment


@dataclass(frozen=True)
class Deletion:
    ref: str
    case_type: str
    opened_at: datetime
    closed_at: datetime | None
    deleted_at: datetime
    originals_reason: str | None = None  # a code from retention.ORIGINALS_REASONS, never free text


@dataclass(frozen=True)
class CaseDate:
    """A hearing or meeting on the case's calendar."""

    id: str
    kind: str  # one of CASE_DATE_KINDS
    at: datetime
    note: str = ""
