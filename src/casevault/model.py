"""Plain records shared by the store, the domain rules and the Vault API. No behaviour here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

EVENT_KINDS: Final = ("note", "meeting", "advice", "call", "management")
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
class CaseDetail:
    summary: CaseSummary
    member: Member
    title: str
    events: tuple[Event, ...]
    attachments: tuple[Attachment, ...]


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
