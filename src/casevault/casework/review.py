"""Reviewing a case against its first meeting: the issues agreed with the member and the action
points taken forward, each with its status at `now`, and for each issue what has covered it since
(the guide: "Have you covered all the issues?"). Pure: the caller passes the records.

An issue is covered by a paper-trail entry or an action point that uses its key words. The rule is
meant to be predictable, so a rep can tell why an issue shows as covered or not:

- Words are compared without case or accents, and with a light stemming: a trailing "s", "ies",
  "ing", "ed" and "e" are dropped ("Warnings", "warned" and "warning" are one word, so are
  "congés" and "conge"). Only whole words count: "pay" is not found in "repayment".
- An issue's key words are its words less a short list of function words ("the", "about", "de"…).
  Short words keep their meaning ("pay", "HR", "rota"), so length alone drops only single letters.
  An issue made only of function words is looked for by all of its words.
- An entry or action point covers an issue when it has every key word of an issue of one to three
  key words, or more than half of them for a longer issue.
- Only what came after the first meeting counts: an entry is dated when it happened, an action
  point when it was done, or when it was recorded while still open; anything dated at or before
  the meeting's date and time does not count (the note of the meeting itself names the issues, it
  does not cover them). With no meeting date recorded, everything counts.
- The conflict-check entries the app writes itself never count.

Matching words is a prompt, not a judgement: the Review tab lists what it found under each issue,
so the rep can see at a glance whether it is about the issue at all. Words rather than links the
rep makes by hand, because a link is one more step on every entry that a busy rep skips, and then
the check would flag issues that were in fact dealt with; words need nothing extra, and an entry
reworded (its latest version is what is read) is checked again."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from casevault.core.model import ActionPoint, Event, FirstMeeting

ISSUE, ACTION = "issue", "action"
ENTRY = "entry"  # a paper-trail entry covering an issue
COVERED = "covered"  # an issue with something recorded against it since the first meeting
NOT_COVERED = "not-covered"  # an issue with nothing recorded against it
DONE = "done"
OVERDUE = "overdue"
DUE = "due"  # open, with a due date still ahead
NO_DATE = "no-date"  # open, with no due date
STATUSES = (COVERED, NOT_COVERED, DONE, OVERDUE, DUE, NO_DATE)

# Entries the app writes on its own: a record of a check, not work on an issue.
NOT_CASEWORK = frozenset({"conflict-check"})

# Function words, English and French (the languages the app speaks), accent-free as compared.
_STOP_TEXT = """
    about above after again against all also am an and any are around as at be because been before
    being below between both but by can could did do does doing down during each etc few for from
    further had has have having he her here hers him his how if in into is it its itself just me
    more most my no nor not now of off on once only or other our ours out over own per re same she
    should so some such than that the their theirs them then there these they this those through
    to too under until up upon us very via was we were what when where which while who whom why
    will with within without would you your yours
    au aux avec ce ces cet cette dans de des du elle elles en est et il ils la le les leur leurs
    mais ne ni nos notre ou par pas pour qu que qui sa sans ses son sont sur un une vos votre
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Cover:
    """Something recorded against an issue: a paper-trail entry or an action point."""

    kind: str  # ENTRY or ACTION
    id: str
    at: datetime  # when the entry happened; when the action point was done, or recorded if open
    text: str


@dataclass(frozen=True)
class ReviewRow:
    kind: str  # ISSUE or ACTION
    text: str
    status: str  # one of STATUSES
    due_at: datetime | None = None
    done_at: datetime | None = None
    owner: str = ""
    covered_by: tuple[Cover, ...] = ()  # an issue's coverage, latest first

    @property
    def entries(self) -> int:
        return sum(c.kind == ENTRY for c in self.covered_by)

    @property
    def action_points(self) -> int:
        return sum(c.kind == ACTION for c in self.covered_by)

    @property
    def latest_at(self) -> datetime | None:
        return self.covered_by[0].at if self.covered_by else None


@dataclass(frozen=True)
class Review:
    rows: tuple[ReviewRow, ...]
    issues: int  # issues agreed
    not_covered: int  # issues with nothing recorded against them since the first meeting
    actions: int  # action points in all
    open: int  # action points not done
    overdue: int  # open action points past their due time


def action_status(action: ActionPoint, now: datetime) -> str:
    if action.done_at is not None:
        return DONE
    if action.due_at is None:
        return NO_DATE
    return OVERDUE if action.due_at <= now else DUE


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 4 and word.endswith("ied"):
        word = word[:-3] + "y"
    else:
        for suffix in ("ing", "ed"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                if suffix == "ed" and word.endswith("e"):  # "agreed": "agree" + "d"
                    word += "e"
                # "stopped" -> "stop", but "dismissed" -> "dismiss" and "called" -> "call"
                elif len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                    word = word[:-1]
                break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text).casefold())


def _key(word: str) -> str:
    return _stem(_bare(word))


def issue_words(issue: str) -> tuple[str, ...]:
    """The words an issue is looked for by, as written (lower case), one per key."""
    words = [w for w in _words(issue) if len(_bare(w)) > 1]
    significant = [w for w in words if _bare(w) not in STOP_WORDS] or words
    seen: dict[str, str] = {}
    for word in significant:
        seen.setdefault(_key(word), word)
    return tuple(seen.values())


def words_needed(count: int) -> int:
    """How many of an issue's `count` key words an entry needs to cover it."""
    return count if count <= 3 else count // 2 + 1


def text_keys(text: str) -> frozenset[str]:
    """The keys of every word of an entry or action point, compared with an issue's."""
    return frozenset(_key(w) for w in _words(text))


def _covers(wanted: list[str], keys: frozenset[str]) -> bool:
    """Whether a text with these `text_keys` covers an issue with these key words; an issue with
    no words never is."""
    return bool(wanted) and sum(k in keys for k in wanted) >= words_needed(len(wanted))


def _candidates(
    meeting: FirstMeeting, actions: Iterable[ActionPoint], events: Iterable[Event]
) -> list[tuple[Cover, frozenset[str]]]:
    found = [Cover(ENTRY, e.id, e.occurred_at, e.body) for e in events if e.kind not in NOT_CASEWORK] + [
        Cover(ACTION, a.id, a.done_at or a.created_at, a.what) for a in actions
    ]
    since = meeting.held_at
    found = [c for c in found if since is None or c.at > since]
    found.sort(key=lambda c: c.at, reverse=True)
    return [(c, text_keys(c.text)) for c in found]


def review(
    meeting: FirstMeeting, actions: Iterable[ActionPoint], now: datetime, *, events: Iterable[Event]
) -> Review:
    """Issues first (in the order agreed), each with what covers it; then action points: overdue
    first, then by due date, undated ones, and those done last."""
    actions = list(actions)
    candidates = _candidates(meeting, actions, events)
    issue_rows = []
    for text in meeting.issues:
        wanted = [_key(w) for w in issue_words(text)]
        covered_by = tuple(c for c, keys in candidates if _covers(wanted, keys))
        issue_rows.append(
            ReviewRow(ISSUE, text, COVERED if covered_by else NOT_COVERED, covered_by=covered_by)
        )
    order = {OVERDUE: 0, DUE: 1, NO_DATE: 2, DONE: 3}
    action_rows = sorted(
        (ReviewRow(ACTION, a.what, action_status(a, now), a.due_at, a.done_at, a.owner) for a in actions),
        key=lambda r: (order[r.status], r.due_at or r.done_at or now),
    )
    return Review(
        rows=(*issue_rows, *action_rows),
        issues=len(issue_rows),
        not_covered=sum(r.status == NOT_COVERED for r in issue_rows),
        actions=len(action_rows),
        open=sum(r.status != DONE for r in action_rows),
        overdue=sum(r.status == OVERDUE for r in action_rows),
    )
