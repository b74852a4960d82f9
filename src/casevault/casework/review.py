"""Reviewing a case against its first meeting: the issues agreed with the member and the action
points taken forward, each with its status at `now`. Pure: the caller passes the records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from casevault.core.model import ActionPoint, FirstMeeting

ISSUE, ACTION = "issue", "action"
AGREED = "agreed"  # an issue identified and agreed with the member
DONE = "done"
OVERDUE = "overdue"
DUE = "due"  # open, with a due date still ahead
NO_DATE = "no-date"  # open, with no due date
STATUSES = (AGREED, DONE, OVERDUE, DUE, NO_DATE)


@dataclass(frozen=True)
class ReviewRow:
    kind: str  # ISSUE or ACTION
    text: str
    status: str  # one of STATUSES
    due_at: datetime | None = None
    done_at: datetime | None = None
    owner: str = ""


@dataclass(frozen=True)
class Review:
    rows: tuple[ReviewRow, ...]
    issues: int  # issues agreed
    actions: int  # action points in all
    open: int  # action points not done
    overdue: int  # open action points past their due time


def action_status(action: ActionPoint, now: datetime) -> str:
    if action.done_at is not None:
        return DONE
    if action.due_at is None:
        return NO_DATE
    return OVERDUE if action.due_at <= now else DUE


def review(meeting: FirstMeeting, actions: Iterable[ActionPoint], now: datetime) -> Review:
    """Issues first (in the order agreed), then action points: overdue first, then by due date,
    undated ones, and those done last."""
    issue_rows = [ReviewRow(ISSUE, text, AGREED) for text in meeting.issues]
    order = {OVERDUE: 0, DUE: 1, NO_DATE: 2, DONE: 3}
    action_rows = sorted(
        (ReviewRow(ACTION, a.what, action_status(a, now), a.due_at, a.done_at, a.owner) for a in actions),
        key=lambda r: (order[r.status], r.due_at or r.done_at or now),
    )
    return Review(
        rows=(*issue_rows, *action_rows),
        issues=len(issue_rows),
        actions=len(action_rows),
        open=sum(r.status != DONE for r in action_rows),
        overdue=sum(r.status == OVERDUE for r in action_rows),
    )
