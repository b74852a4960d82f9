"""What is due, computed from records and `now` alone (no clocks, no timers, no Qt)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from casevault.casework.retention import deletion_due
from casevault.model import ActionPoint, CaseSummary

ARCHIVE_EXPIRED = "archive-expired"
ACTION_DUE = "action-due"


@dataclass(frozen=True)
class Reminder:
    kind: str
    ref: str
    due_at: datetime
    text: str  # says what to do; never holds a member's name


def due_reminders(
    cases: Iterable[CaseSummary], now: datetime, actions: Iterable[tuple[str, ActionPoint]] = ()
) -> list[Reminder]:
    """Closed cases past their archive period, and open action points (given as (reference,
    action)) due by `now`, oldest first."""
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
    due += [
        Reminder(kind=ACTION_DUE, ref=ref, due_at=action.due_at, text="An action point is due.")
        for ref, action in actions
        if action.done_at is None and action.due_at is not None and action.due_at <= now
    ]
    return sorted(due, key=lambda r: (r.due_at, r.ref, r.kind))
