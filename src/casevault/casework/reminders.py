"""What is due, computed from records and `now` alone (no clocks, no timers, no Qt)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from casevault.casework.retention import deletion_due
from casevault.model import CaseSummary

ARCHIVE_EXPIRED = "archive-expired"


@dataclass(frozen=True)
class Reminder:
    kind: str
    ref: str
    due_at: datetime
    text: str  # says what to do; never holds a member's name


def due_reminders(cases: Iterable[CaseSummary], now: datetime) -> list[Reminder]:
    due = [
        Reminder(
            kind=ARCHIVE_EXPIRED,
            ref=case.ref,
            due_at=case.retain_until,
            text="The archive period has ended: delete this case permanently.",
        )
        for case in cases
        if deletion_due(case, now) and case.retain_until is not None
    ]
    return sorted(due, key=lambda r: (r.due_at, r.ref))
