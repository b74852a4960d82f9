"""Small rules about references, passphrases and case types."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

REF_PATTERN = re.compile(r"^CV-(\d{4})-(\d{4,})$")
MIN_PASSPHRASE_CHARS = 12
MAX_NAME_CHARS = 200
DEFAULT_CASE_TYPE = "general"


def format_ref(opened: datetime, number: int) -> str:
    """`CV-<year>-<number>`: sequential, and never derived from anything about the member."""
    return f"CV-{opened.year:04d}-{number:04d}"


def normalise_ref(text: str) -> str:
    return text.strip().upper()


TOO_SHORT, TOO_REPETITIVE = "too-short", "too-repetitive"


def passphrase_weakness(passphrase: str) -> str | None:
    """TOO_SHORT or TOO_REPETITIVE when a new passphrase is refused, None when it is acceptable.
    (The desktop app words these itself, for translation.)"""
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return TOO_SHORT
    if len(set(passphrase)) < 4:
        return TOO_REPETITIVE
    return None


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is refused, as one sentence, or None when it is acceptable."""
    weakness = passphrase_weakness(passphrase)
    if weakness == TOO_SHORT:
        return (
            f"The passphrase is too short: use at least {MIN_PASSPHRASE_CHARS} characters "
            "(a few unrelated words work well)."
        )
    if weakness == TOO_REPETITIVE:
        return "The passphrase repeats too few different characters to be safe."
    return None


# Characters that change how text around them is shown without showing themselves: bidi
# embeddings, overrides and isolates (U+202A-202E, U+2066-2069), the direction marks
# (U+200E-200F, U+061C) and zero-width characters. `rtl\u202etxt.exe` shows as "rtlexe.txt";
# no stored name keeps them, whichever door it came in by (typed, attached, emailed, handed over).
INVISIBLE_CHARS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e"]
)
# Invisible tag characters (U+E0000-E007F) can spell hidden text; no name needs them.
INVISIBLE_CHARS |= frozenset(chr(c) for c in range(0xE0000, 0xE0080))
MAX_FILE_NAME_CHARS = 255
MAX_BODY_CHARS = 1_000_000  # a note, a version of one, the first meeting's narrative
_KEEP_IN_BODY = frozenset("\n\t")
MAX_SUFFIX_CHARS = 16


def strip_invisible(text: str) -> str:
    """`text` without bidi controls and zero-width characters."""
    return "".join(ch for ch in text if ch not in INVISIBLE_CHARS)


def clean_text(text: str, *, field: str, max_chars: int = MAX_NAME_CHARS, required: bool = True) -> str:
    """Normalise user text for storage (NFC, trimmed, no bidi controls or zero-width characters).
    Control characters (C0, DEL and C1) are refused. Raises ValueError with a sentence naming the
    field (never the value)."""
    cleaned = strip_invisible(unicodedata.normalize("NFC", text)).strip()
    if any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in cleaned):
        raise ValueError(f"The {field} contains control characters.")
    if required and not cleaned:
        raise ValueError(f"The {field} is empty.")
    if len(cleaned) > max_chars:
        raise ValueError(f"The {field} is longer than {max_chars} characters.")
    return cleaned


def clean_body(text: str, *, field: str, max_chars: int = MAX_BODY_CHARS, required: bool = True) -> str:
    """A multi-line text (a note, the narrative) for storage: NFC, CRLF as LF, trimmed, no bidi
    controls or zero-width characters, and any control character other than a line break or
    tab made visible (C0 as its Unicode control picture, others as U+FFFD): pasted text keeps
    its words, and no escape sequence can reach a terminal. Raises ValueError naming the field."""
    text = strip_invisible(unicodedata.normalize("NFC", text.replace("\r\n", "\n"))).strip()
    shown = "".join(
        ch
        if ch in _KEEP_IN_BODY or unicodedata.category(ch) != "Cc"
        else (chr(0x2400 + ord(ch)) if ord(ch) < 0x20 else "\ufffd")
        for ch in text
    )
    if required and not shown:
        raise ValueError(f"The {field} is empty.")
    if len(shown) > max_chars:
        raise ValueError(f"The {field} is longer than {max_chars} characters.")
    return shown


def storable_file_name(name: str) -> str:
    """A file name as text we can store and show: undecodable bytes become U+FFFD, C0 control
    characters become visible symbols, DEL and C1 controls, bidi controls and zero-width
    characters go, and a name longer than MAX_FILE_NAME_CHARS is shortened in the middle, keeping
    its suffix. The stored name is never used as a path."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = unicodedata.normalize("NFC", strip_invisible(text))
    text = "".join(
        chr(0x2400 + ord(ch)) if ord(ch) < 0x20 else ch for ch in text if not 0x7F <= ord(ch) <= 0x9F
    )
    if len(text) > MAX_FILE_NAME_CHARS:
        stem, dot, suffix = text.rpartition(".")
        tail = dot + suffix if stem and len(suffix) <= MAX_SUFFIX_CHARS else ""
        text = text[: MAX_FILE_NAME_CHARS - len(tail) - 1] + "…" + tail
    return text or "unnamed"
