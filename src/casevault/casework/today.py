"""The Today screen's rules (issue 18): what is coming up in the next days, overdue first; the
action points waiting on the rep; open cases by the stage their procedure is at.

"Waiting on the rep" is an open action point whose owner is left blank or names the rep in one
of the words reps write for themselves ("me", "rep", "myself"...): an action point has a free-text
owner and casevault keeps no rep's name, so these are the words that can mean the rep.

Pure: the caller passes the rows and `now`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from casevault.core.model import CaseDeadline

DEADLINE, HEARING, MEETING, ACTION = "deadline", "hearing", "meeting", "action"
DEFAULT_DAYS = 14
REP_OWNERS = frozenset({"", "me", "i", "myself", "rep", "the rep", "my rep", "moi", "délégué", "déléguée"})
NO_PROCEDURE = ""  # the stage of an open case with no procedure
PROCEDURE_DONE = "*done"  # every stage of its latest procedure is done


@dataclass(frozen=True)
class Item:
    """One line of the Today screen: a case, what is due in it and when."""

    kind: str  # DEADLINE, HEARING, MEETING or ACTION
    ref: str
    member: str
    what: str
    at: datetime | None  # None: an action point with no due date
    overdue: bool = False


@dataclass(frozen=True)
class StageCount:
    stage: str  # a stage's name, NO_PROCEDURE or PROCEDURE_DONE
    cases: int


@dataclass(frozen=True)
class Today:
    coming: tuple[Item, ...]
    coming_total: int  # before `coming` was cut to its first page
    waiting: tuple[Item, ...]
    waiting_total: int
    stages: tuple[StageCount, ...]
    open_cases: int


def is_rep(owner: str) -> bool:
    folded = unicodedata.normalize("NFC", " ".join(owner.split())).casefold()
    return folded in REP_OWNERS


def coming_up(deadlines: Iterable[Item], dates: Iterable[Item], now: datetime) -> list[Item]:
    """Deadlines and dates in one list: overdue deadlines first (oldest first), then the rest by
    time. A date already past is not shown: it happened, or the rep will record that it did not."""
    items = [d for d in deadlines if d.at is not None]
    items += [d for d in dates if d.at is not None and d.at >= now]
    return sorted(items, key=lambda i: (not i.overdue, i.at))


def waiting_order(items: Iterable[Item], now: datetime) -> list[Item]:
    """Action points waiting on the rep: overdue first, then by due date, undated ones last."""
    marked = [Item(i.kind, i.ref, i.member, i.what, i.at, i.at is not None and i.at <= now) for i in items]
    return sorted(marked, key=lambda i: (not i.overdue, i.at is None, i.at or now))


def stage_counts(open_cases: int, stages: Iterable[tuple[str, int]]) -> tuple[StageCount, ...]:
    """The counts by stage, busiest first, with the open cases on no procedure as their own line."""
    counted = [StageCount(stage, n) for stage, n in stages if n > 0]
    on_procedure = sum(c.cases for c in counted)
    rest = open_cases - on_procedure
    ordered = sorted(counted, key=lambda c: (-c.cases, c.stage))
    return (*ordered, StageCount(NO_PROCEDURE, rest)) if rest > 0 else tuple(ordered)


def due_day(deadline: CaseDeadline) -> date | None:
    """The day a deadline falls due: an agreed extension's, else the counted one."""
    return deadline.extended_to or deadline.due_on


def next_deadline(deadlines: Iterable[CaseDeadline], today: date) -> tuple[CaseDeadline, date] | None:
    """The first undone deadline due today or later, with its day; None if there is none."""
    ahead = [(day, d) for d in deadlines if d.done_on is None and (day := due_day(d)) and day >= today]
    if not ahead:
        return None
    day, deadline = min(ahead, key=lambda pair: (pair[0], pair[1].position))
    return deadline, day


def current_stage(deadlines: Iterable[CaseDeadline]) -> str:
    """The stage a case's latest procedure is at, by the rule store/today.py counts with: the
    latest stage whose clock is running (its event recorded, not done), else the first stage
    after the last one done; PROCEDURE_DONE when all are done, NO_PROCEDURE without one."""
    stages = [d for d in deadlines if d.kind == "stage"]
    if not stages:
        return NO_PROCEDURE
    latest = stages[-1].procedure_id  # deadlines come by procedure and position
    stages = sorted((d for d in stages if d.procedure_id == latest), key=lambda d: d.position)
    running = [d for d in stages if d.done_on is None and d.event_on is not None]
    if running:
        return running[-1].name
    done = [d.position for d in stages if d.done_on is not None]
    after = max(done, default=-1)
    rest = [d for d in stages if d.done_on is None and d.position > after]
    return rest[0].name if rest else PROCEDURE_DONE
