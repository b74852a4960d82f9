"""Case types and outcomes as fixed, editable lists of short codes (issue 17).

A case's type and, when it closes, its outcome come from the vault's lists, never free text: the
branch figures count them, and a deletion record keeps the type, so neither may ever hold a name.
Each list starts with the defaults below; a rep may add codes (e.g. "pensions") or remove them.
A code is lower-case letters (of any script), digits and hyphens; its label is the code in
words unless it is one of the defaults. Types typed before the lists existed stay on their
cases, and are counted as "other" wherever figures or a deletion record would show them.

Pure: no I/O.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime

from casevault.core.errors import UsageError
from casevault.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "casework"
OTHER = "other"
CASE_TYPES: tuple[tuple[str, str], ...] = (
    ("general", QT_TRANSLATE_NOOP("casework", "General")),
    ("disciplinary", QT_TRANSLATE_NOOP("casework", "Disciplinary")),
    ("grievance", QT_TRANSLATE_NOOP("casework", "Grievance")),
    ("sickness", QT_TRANSLATE_NOOP("casework", "Sickness absence")),
    ("capability", QT_TRANSLATE_NOOP("casework", "Capability")),
    ("discrimination", QT_TRANSLATE_NOOP("casework", "Discrimination")),
    ("bullying", QT_TRANSLATE_NOOP("casework", "Bullying or harassment")),
    ("redundancy", QT_TRANSLATE_NOOP("casework", "Redundancy")),
    ("pay", QT_TRANSLATE_NOOP("casework", "Pay and conditions")),
    ("health-and-safety", QT_TRANSLATE_NOOP("casework", "Health and safety")),
    (OTHER, QT_TRANSLATE_NOOP("casework", "Other")),
)
# Spellings in use before the list: the generator and older tests said "discipline".
TYPE_ALIASES = {"discipline": "disciplinary"}
OUTCOMES: tuple[tuple[str, str], ...] = (
    ("resolved-informally", QT_TRANSLATE_NOOP("casework", "Resolved informally")),
    ("upheld", QT_TRANSLATE_NOOP("casework", "Upheld")),
    ("partly-upheld", QT_TRANSLATE_NOOP("casework", "Partly upheld")),
    ("not-upheld", QT_TRANSLATE_NOOP("casework", "Not upheld")),
    ("withdrawn", QT_TRANSLATE_NOOP("casework", "Withdrawn")),
    ("settled", QT_TRANSLATE_NOOP("casework", "Settled")),
    ("referred-regional-office", QT_TRANSLATE_NOOP("casework", "Referred to the regional office")),
    ("tribunal-claim-lodged", QT_TRANSLATE_NOOP("casework", "Tribunal claim lodged")),
)
CASE_TYPES_SETTING = "casework.case_types"  # JSON list of codes; absent: the defaults
OUTCOMES_SETTING = "casework.outcomes"
MAX_CODES = 100
MAX_REMEDY_CHARS = 2000
MAX_CODE_CHARS = 40
_LABELS = dict(CASE_TYPES) | dict(OUTCOMES)


def is_code(text: str) -> bool:
    """Lower-case letters of any script (with their combining marks, so "kündigung" and "वेतन"
    are codes), decimal digits and single hyphens, starting with a letter, 40 characters at most."""
    if not 0 < len(text) <= MAX_CODE_CHARS or text != text.lower():
        return False
    if not unicodedata.category(text[0]).startswith("L"):
        return False
    parts = text.split("-")
    allowed = ("L", "M", "Nd")
    return all(part and all(unicodedata.category(ch).startswith(allowed) for ch in part) for part in parts)


def default_codes(pairs: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(code for code, _label in pairs)


def label(code: str) -> str:
    """The English label of a code: a default's own words, or the code spelled out."""
    return _LABELS.get(code) or code.replace("-", " ").capitalize()


def code_of(typed: str, what: str) -> str:
    """A code as a rep types it ("Health and safety" -> "health-and-safety"), or UsageError."""
    # NFC after lower-casing too: a lower-case form need not be composed as its capital was.
    code = unicodedata.normalize("NFC", re.sub(r"[\s_]+", "-", typed.strip().lower()))
    code = TYPE_ALIASES.get(code, code)
    if not is_code(code):
        raise UsageError(
            f"A {what} is a short code of letters, digits and hyphens, such as health-and-safety."
        )
    return code


def parse_codes(raw: str | None, defaults: Sequence[str]) -> tuple[str, ...]:
    """A stored list, or the defaults when none is stored or it cannot be read."""
    if raw is None:
        return tuple(defaults)
    try:
        value = json.loads(raw)
    except ValueError:
        return tuple(defaults)
    if not isinstance(value, list) or not all(isinstance(v, str) and is_code(v) for v in value):
        return tuple(defaults)
    return tuple(dict.fromkeys(value))


def case_type_codes(raw: str | None) -> tuple[str, ...]:
    """The vault's case types from their stored setting (the defaults when none is stored)."""
    return parse_codes(raw, default_codes(CASE_TYPES))


def outcome_codes(raw: str | None) -> tuple[str, ...]:
    return parse_codes(raw, default_codes(OUTCOMES))


def codes_text(codes: Iterable[str]) -> str:
    return json.dumps(list(dict.fromkeys(codes)))


def with_code(codes: Sequence[str], typed: str, what: str) -> tuple[str, ...]:
    code = code_of(typed, what)
    if code in codes:
        return tuple(codes)
    if len(codes) >= MAX_CODES:
        raise UsageError(f"The list holds {MAX_CODES} at most; remove one first.")
    return (*codes, code)


def without_code(codes: Sequence[str], typed: str, what: str) -> tuple[str, ...]:
    code = code_of(typed, what)
    if code not in codes:
        raise UsageError(f"There is no {what} {code!r} in the list.")
    if code == OTHER and what == "case type":
        raise UsageError("The case type 'other' stays: older and unlisted types are counted as it.")
    if len(codes) == 1:
        raise UsageError(f"The list needs at least one {what}.")
    return tuple(c for c in codes if c != code)


def choose(typed: str, codes: Sequence[str], what: str) -> str:
    """The code of a typed type or outcome, if it is in the vault's list; UsageError if not."""
    code = code_of(typed, what)
    if code not in codes:
        raise UsageError(f"Unknown {what} {code!r}: use one of {', '.join(codes)}.")
    return code


def counted_type(case_type: str, codes: Sequence[str]) -> str:
    """How figures and deletion records show a case's type: listed, or "other"."""
    code = TYPE_ALIASES.get(case_type, case_type)
    return code if code in codes else OTHER


def days_to_resolution(opened_at: datetime, closed_at: datetime) -> int:
    """Whole days from opening to closing (0 for a case closed the day it opened)."""
    return max(0, (closed_at - opened_at).days)
