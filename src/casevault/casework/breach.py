"""Confidentiality breach records: the rules for what a record holds, and its plain-text report.

The union's confidentiality policy: "Any breach of confidentiality must be reported immediately to
the General Secretary or Executive Committee." A breach record (and the report exported from it)
holds case references, dates, the category, who was informed and the actions taken: never a
member's content. Free text is refused while it names a member or a party of any case in the vault.

The name guard reuses the conflict check's matcher (`conflicts.normalise_name`, `is_match`,
`token_distance`), so spelling, diacritics and word order are forgiven the same way:

* A full name: every token of a person's name pairs with a token of a short run of words in the
  text ("Amira Haddad", "Haddad, Amira", "Amira K. Haddad", "amira hadad").
* A surname on its own, written with a capital letter ("Haddad was told"), matched exactly after
  folding. A first name on its own is not flagged (it would refuse ordinary words too often).

Pure: no Qt, no SQL, no I/O; time is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from casevault.casework import time_limits
from casevault.casework.conflicts import is_match, normalise_name, token_distance
from casevault.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "casework"

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("lost-device", QT_TRANSLATE_NOOP("casework", "Lost or stolen device")),
    ("wrong-recipient", QT_TRANSLATE_NOOP("casework", "Sent to the wrong person")),
    ("seen-by-unentitled", QT_TRANSLATE_NOOP("casework", "Seen by someone not entitled to see it")),
    ("other", QT_TRANSLATE_NOOP("casework", "Other")),
)
CATEGORY_CODES = tuple(code for code, _ in CATEGORIES)

# Who a breach is reported to, in the policy's words.
INFORMED: tuple[tuple[str, str], ...] = (
    ("general-secretary", QT_TRANSLATE_NOOP("casework", "The General Secretary")),
    ("executive-committee", QT_TRANSLATE_NOOP("casework", "The Executive Committee")),
)
INFORMED_CODES = tuple(code for code, _ in INFORMED)

POLICY = QT_TRANSLATE_NOOP(
    "casework",
    "Any breach of confidentiality must be reported immediately to the General Secretary or "
    "Executive Committee.",
)
NAMES_SOMEONE = QT_TRANSLATE_NOOP(
    "casework",
    "The text names someone whose details are in the vault; describe the breach by case reference instead.",
)

MAX_TEXT_CHARS = 4000
_WORD = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"['\u2019]s?(?=\W*$)", re.IGNORECASE)


def category_label(code: str) -> str:
    return dict(CATEGORIES).get(code, code)


def informed_label(code: str) -> str:
    return dict(INFORMED).get(code, code)


@dataclass(frozen=True)
class NameHit:
    """A person's name found in free text: the words as typed (shown to the rep who typed them,
    never logged or stored)."""

    name: str
    words: str


def _words(text: str) -> list[tuple[str, str, bool]]:
    """(folded token, word as typed, written with a capital) in text order."""
    out: list[tuple[str, str, bool]] = []
    for match in _WORD.finditer(text):
        chunk = match.group()
        letters = chunk.lstrip("\"'\u201c\u2018([{\u00ab")
        capital = letters[:1].isupper()
        # A possessive is the name ("Haddad's"); apostrophes otherwise join ("O'Neill").
        bare = _POSSESSIVE.sub("", chunk)
        out.extend((token, chunk, capital) for token in normalise_name(bare))
    return out


def _ordered_tokens(name: str) -> list[str]:
    return [token for word in name.split() for token in normalise_name(word)]


def _find(name: str, words: Sequence[tuple[str, str, bool]]) -> str | None:
    tokens = normalise_name(name)
    if not tokens:
        return None
    ordered = _ordered_tokens(name)
    surname = ordered[-1] if len(ordered) >= 2 else None
    size = len(tokens)
    for i, (token, typed, capital) in enumerate(words):
        if surname is not None and capital and token == surname:
            return typed
        if not any(token_distance(token, t) is not None for t in tokens):
            continue
        for start in range(max(0, i - size), i + 1):
            for width in (size, size + 1):
                window = words[start : start + width]
                if len(window) < min(size, 2) and size > 1:
                    continue
                if is_match(" ".join(w[0] for w in window), name):
                    return " ".join(dict.fromkeys(w[1] for w in window))
    return None


def names_in_text(text: str, names: Iterable[str]) -> list[NameHit]:
    """Every name from `names` (members and parties) that appears in `text`."""
    words = _words(text)
    if not words:
        return []
    hits: list[NameHit] = []
    for name in dict.fromkeys(n for n in names if n.strip()):
        typed = _find(name, words)
        if typed is not None:
            hits.append(NameHit(name, typed))
    return hits


@dataclass(frozen=True)
class BreachInput:
    occurred_at: datetime
    discovered_at: datetime
    category: str
    what: str
    case_refs: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    informed_at: datetime | None = None
    actions: str = ""


def problems(entry: BreachInput, now: datetime, known_refs: set[str], names: Iterable[str]) -> list[str]:
    """Why the record cannot be saved (sentences, marked for translation), or [] when it can."""
    found: list[str] = []
    for moment in (entry.occurred_at, entry.discovered_at, entry.informed_at):
        if moment is not None and moment.tzinfo is None:
            raise ValueError("breach times need a time zone")
    if entry.category not in CATEGORY_CODES:
        found.append(QT_TRANSLATE_NOOP("casework", "Choose what kind of breach it was."))
    if not entry.what.strip():
        found.append(QT_TRANSLATE_NOOP("casework", "Say what happened."))
    if len(entry.what) > MAX_TEXT_CHARS or len(entry.actions) > MAX_TEXT_CHARS:
        found.append(QT_TRANSLATE_NOOP("casework", "The text is longer than 4000 characters."))
    if entry.discovered_at < entry.occurred_at:
        found.append(QT_TRANSLATE_NOOP("casework", "The breach cannot be discovered before it happened."))
    if entry.discovered_at > now or entry.occurred_at > now:
        found.append(QT_TRANSLATE_NOOP("casework", "The dates cannot be in the future."))
    if any(code not in INFORMED_CODES for code in entry.informed):
        found.append(QT_TRANSLATE_NOOP("casework", "Choose who was informed from the list."))
    if entry.informed and entry.informed_at is None:
        found.append(QT_TRANSLATE_NOOP("casework", "Say when they were informed."))
    if entry.informed_at is not None and (entry.informed_at > now or entry.informed_at < entry.occurred_at):
        found.append(
            QT_TRANSLATE_NOOP("casework", "They cannot be informed before the breach or in the future.")
        )
    if any(ref not in known_refs for ref in entry.case_refs):
        found.append(QT_TRANSLATE_NOOP("casework", "A case reference is not one of this vault's cases."))
    if names_in_text(entry.what + "\n" + entry.actions, names):
        found.append(NAMES_SOMEONE)
    return found


def report_clock(discovered_at: datetime, now: datetime) -> tuple[datetime, float]:
    """When the 72 hours to tell the ICO end (UK GDPR art. 33(1), the pack's `breach.72-hours`),
    counted from discovery, and the hours left at `now` (negative once they have passed)."""
    due = time_limits.breach(discovered_at).deadline
    assert isinstance(due, datetime)
    return due, time_limits.hours_left(due, now)


def parse_refs(text: str) -> tuple[str, ...]:
    """Case references typed with commas, spaces or new lines between them, in order, once each."""
    return tuple(dict.fromkeys(part.strip().upper() for part in re.split(r"[\s,;]+", text) if part.strip()))


def _when(moment: datetime | None) -> str:
    return "-" if moment is None else moment.strftime("%Y-%m-%d %H:%M %Z").strip()


def report(
    *,
    breach_id: str,
    occurred_at: datetime,
    discovered_at: datetime,
    category: str,
    case_refs: Sequence[str],
    informed: Sequence[str],
    informed_at: datetime | None,
    actions: str,
    recorded_at: datetime,
) -> str:
    """The plain-text report for the General Secretary or Executive Committee: references, dates,
    category, who was informed and the actions taken. The description of what happened stays in
    the vault. (English, like the CLI: the report is a document for the union's officers.)"""
    lines = [
        "Confidentiality breach report",
        "",
        f"Record:            {breach_id}",
        f"Recorded:          {_when(recorded_at)}",
        f"Happened:          {_when(occurred_at)}",
        f"Discovered:        {_when(discovered_at)}",
        f"Category:          {category_label(category)}",
        f"Cases affected:    {', '.join(case_refs) if case_refs else 'none recorded'}",
        f"72 hours end:      {_when(report_clock(discovered_at, recorded_at)[0])} (if the ICO must be "
        "told: UK GDPR art. 33(1))",
    ]
    if informed:
        lines.append(f"Informed:          {'; '.join(informed_label(c) for c in informed)}")
        lines.append(f"Informed on:       {_when(informed_at)}")
    else:
        lines.append("Informed:          not yet recorded. " + POLICY)
    lines += ["", "Actions taken:", actions.strip() or "none recorded", ""]
    lines.append("This report holds case references only; the details stay in the encrypted case vault.")
    return "\n".join(lines) + "\n"
