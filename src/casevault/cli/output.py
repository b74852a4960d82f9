"""What the command line writes: stored strings made safe for a terminal, dates, and JSON.

A stored string may come from a handover bundle, an imported email or an older vault, so it can
hold anything. Printed raw, `ESC[2J` clears the screen, an OSC sequence retitles the window,
a C1 CSI (U+009B) starts an escape sequence on some terminals, and a bidi override (U+202E)
makes `rtl\u202etxt.exe` read as `rtlexe.txt`. So every stored string goes through `shown`
(text) or `emit_json` (--json), which write those characters as visible escapes instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from casevault.core.errors import UsageError

if TYPE_CHECKING:  # only named in annotations: `--help` need not load every model class
    from casevault.core.model import Snippet

# Controls (C0, DEL, C1), format characters (bidi controls, zero-width characters, the BOM,
# tag characters), line and paragraph separators, and lone surrogates (undecodable bytes, which
# would also stop the output with an encoding error).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def is_unsafe(ch: str) -> bool:
    return unicodedata.category(ch) in _UNSAFE_CATEGORIES


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def shown(text: object, *, multiline: bool = False) -> str:
    """`text` as it may be printed to a terminal: every unsafe character as `\\x1b`, `\\u202e`
    and so on. `multiline` keeps line feeds (a note's body); anything else shows them escaped,
    so a stored value cannot forge a line or a tab-separated column of its own."""
    value = "" if text is None else str(text)
    if value.isprintable():  # the fast path: isprintable() is False for every unsafe character
        return value
    return "".join(ch if (multiline and ch == "\n") or not is_unsafe(ch) else _escape(ch) for ch in value)


BOLD, NOT_BOLD = "\x1b[1m", "\x1b[22m"


def marked(snippet: Snippet, *, bold: bool = False) -> str:
    """A search snippet on one line, made safe by `shown`, its matched words in bold (a terminal)
    or between [brackets] (a file or a pipe)."""
    opening, closing = (BOLD, NOT_BOLD) if bold else ("[", "]")
    return "".join(
        f"{opening}{shown(text)}{closing}" if matched else shown(text) for text, matched in snippet.parts
    )


def snippet_json(snippet: Snippet) -> dict[str, Any]:
    """A snippet for --json: its text, and where each matched word is in it ([start, length])."""
    spans: list[list[int]] = []
    position = 0
    for text, matched in snippet.parts:
        if matched:
            spans.append([position, len(text)])
        position += len(text)
    return {"text": snippet.text, "matches": spans}


def wants_bold(stream: Any = None) -> bool:
    """Bold on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    stream = sys.stdout if stream is None else stream
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def json_text(data: Any) -> str:
    """JSON with non-ASCII text kept readable, yet no unsafe character raw: json.dumps escapes C0
    only, so DEL, C1, bidi, zero-width and separator characters become \\uXXXX here. Only
    strings can hold them, and inside a string the escape decodes to the same character, so the
    JSON stays valid and means the same."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # A raw line feed here is json.dumps' own indentation: inside strings it is already "\\n".
    return "".join(_json_escape(ch) if ch != "\n" and is_unsafe(ch) else ch for ch in text)


def emit_json(data: Any) -> None:
    sys.stdout.write(json_text(data))
    sys.stdout.write("\n")


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def local(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def parse_when(text: str) -> datetime:
    """ISO date or date-time; one without a zone is local time."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not an ISO date-time such as 2026-12-01T09:00.") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value
