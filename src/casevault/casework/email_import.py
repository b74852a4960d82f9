"""Reading an email's headers (an .eml's, or those a .msg kept) for the paper trail: when it
was sent, who from and to, its subject.

Pure and forgiving: a message with missing or malformed headers still imports. A missing or bad
Date falls back to `now` (and says so); every other header falls back to empty. Nothing here
touches the disk: the caller passes the message's bytes.

Hostile input is bounded before anything is decoded. The standard library's modern header
parser (`email.policy.default`) grows much faster than its input on some shapes (4,000 RFC 2047
encoded words in a Subject take over 100 MiB, 16,000 take 1.7 GiB; thousands of addresses or
groups take seconds; nested comments end in RecursionError), so it is not used. Only the header
block is read, itself capped at MAX_HEADER_BLOCK bytes; only Date, From, To, Cc and Subject are kept,
each capped at MAX_HEADER_BYTES and MAX_ENCODED_WORDS; encoded words are decoded here by one
linear pass. A field cut short says so in the entry; the .eml itself is stored whole."""

from __future__ import annotations

import binascii
import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from casevault.core.i18n import QT_TRANSLATE_NOOP

MAX_FIELD_CHARS = 300
EMAIL_SUFFIXES = (".eml", ".msg")
# An .eml is read into memory whole (never written out in plaintext); bigger messages are
# attached as plain documents instead.
MAX_EMAIL_BYTES = 64 << 20
# Real header blocks are a few KiB; a long Received chain stays far below this.
MAX_HEADER_BLOCK = 256 << 10
# Raw bytes read of one field (all its headers together): 300 shown characters need at most a
# few KiB even base64-encoded.
MAX_HEADER_BYTES = 8 << 10
# Encoded words decoded in one field; 300 characters fit in far fewer in any real message.
MAX_ENCODED_WORDS = MAX_FIELD_CHARS
# A Date header longer than this is not a date.
MAX_DATE_BYTES = 256

NOT_DATED = QT_TRANSLATE_NOOP(
    "email", "The message has no readable date; this entry is dated when it was imported."
)
SENDER_CUT = QT_TRANSLATE_NOOP("email", "The sender was too long to read in full; it is cut short.")
RECIPIENTS_CUT = QT_TRANSLATE_NOOP(
    "email", "The list of recipients was too long to read in full; it is cut short."
)
SUBJECT_CUT = QT_TRANSLATE_NOOP("email", "The subject was too long to read in full; it is cut short.")
HEADERS_CUT = QT_TRANSLATE_NOOP(
    "email", "The message's headers were too long to read in full; some may be missing."
)
# The notes in the order the entry shows them, by the field that was cut.
CUT_NOTES = {
    "sender": SENDER_CUT,
    "recipients": RECIPIENTS_CUT,
    "subject": SUBJECT_CUT,
    "headers": HEADERS_CUT,
}

_FIELDS = {b"from": "sender", b"to": "recipients", b"cc": "copied", b"subject": "subject", b"date": "date"}
# RFC 5322 field name (printable ASCII but the colon), optional blanks, then the colon.
HEADER_LINE = re.compile(rb"([\x21-\x39\x3b-\x7e]+)[ \t]*:")
# RFC 2047 encoded word. `[^?]*` (never `.*?`) keeps the search linear: every attempt stops at
# the next "?".
_ENCODED_WORD = re.compile(rb"=\?([^?]*)\?([qQbB])\?([^?]*)\?=")
_CHARSET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
# Codecs that turn text into arbitrary code points (lone surrogates included), and the domain
# name codecs (punycode decoding takes time quadratic in its input; neither is a MIME charset):
# never a charset.
_NOT_CHARSETS = {"raw-unicode-escape", "unicode-escape", "punycode", "idna"}


@dataclass(frozen=True)
class EmailSummary:
    sent_at: datetime  # the message's Date, in UTC; `now` when it has none that can be read
    dated: bool  # False when sent_at fell back to `now`
    sender: str
    recipients: str
    subject: str
    cut: frozenset[str] = frozenset()  # CUT_NOTES keys (and "copied"): what could not be read in full
    copied: str = ""  # the Cc header: the preview shows it, the paper-trail entry does not


def is_email_file(name: str) -> bool:
    return name.lower().endswith(EMAIL_SUFFIXES)


def clean_field(value: str) -> tuple[str, bool]:
    """One line of printable text, no longer than MAX_FIELD_CHARS, and whether it was cut."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") else ch for ch in value)
    text = " ".join(text.split())
    if len(text) <= MAX_FIELD_CHARS:
        return text, False
    return text[: MAX_FIELD_CHARS - 1] + "…", True


def header_fields(data: bytes, names: dict[bytes, str] = _FIELDS) -> tuple[dict[str, list[bytes]], set[str]]:
    """The raw (unfolded) values of the headers named in `names` (lower-case header name: field),
    and the fields cut short ("headers" when the block itself was).

    Reads only the header block: up to the first blank line, or the first line that is not a
    header (where the stdlib parser starts the body too), and never past MAX_HEADER_BLOCK."""
    block = data[:MAX_HEADER_BLOCK]
    cut: set[str] = set()
    lines = block.splitlines()
    # The cap fell inside a line: that header is read cut short (a date never is: half a date
    # can read as another date).
    partial = len(data) > MAX_HEADER_BLOCK and block[-1:] not in (b"\n", b"\r")
    fields = _Fields()
    current: str | None = None
    ended = False
    for index, line in enumerate(lines):
        cut_short = partial and index == len(lines) - 1
        if not line:
            ended = True
            break
        if line[:1] in (b" ", b"\t"):
            field, value = current, line
        else:
            match = HEADER_LINE.match(line)
            if match is None:
                if index == 0 and line.startswith(b"From "):
                    continue  # an mbox "From " line before the headers
                ended = not cut_short  # a name cut short is still a header
                break
            field = names.get(match.group(1).lower())
            if field == "date" and "date" in fields.parts:
                field = None  # the first Date is the message's date, as the stdlib reads it
            current, value = field, line[match.end() :]
            if field is not None:
                fields.start(field)
        if field is None:
            continue
        if cut_short:
            if field == "date":
                fields.parts.pop("date", None)
                continue
            cut.add(field)
        fields.add(field, value, cut)
    if not ended and len(data) > MAX_HEADER_BLOCK:
        cut.add("headers")
    return fields.values(), cut


class _Fields:
    """The raw parts of each field read so far, within MAX_HEADER_BYTES a field (MAX_DATE_BYTES
    and one byte for the date, which is then known to be too long)."""

    def __init__(self) -> None:
        self.parts: dict[str, list[list[bytes]]] = {}
        self._sizes: dict[str, int] = {}

    def start(self, field: str) -> None:
        if self._room(field) > 0:
            self.parts.setdefault(field, []).append([])

    def add(self, field: str, part: bytes, cut: set[str]) -> None:
        room = self._room(field)
        if len(part) > room:
            part = part[: max(0, room)]
            if field != "date":
                cut.add(field)
        if part and field in self.parts:
            self.parts[field][-1].append(part)
            self._sizes[field] = self._sizes.get(field, 0) + len(part)

    def _room(self, field: str) -> int:
        cap = MAX_DATE_BYTES + 1 if field == "date" else MAX_HEADER_BYTES
        return cap - self._sizes.get(field, 0)

    def values(self) -> dict[str, list[bytes]]:
        return {field: [b"".join(header) for header in headers] for field, headers in self.parts.items()}


def charset(name: bytes) -> str:
    """A text codec for an encoded word's charset; UTF-8 for anything unknown or odd."""
    text = name.split(b"*", 1)[0].decode("ascii", "replace").strip()  # RFC 2231 language tag
    if not _CHARSET_NAME.fullmatch(text):
        return "utf-8"
    try:
        found = codecs.lookup(text).name
    except LookupError:
        return "utf-8"
    if found in _NOT_CHARSETS:
        return "utf-8"
    try:
        b"".decode(found)
    except LookupError:  # a bytes-to-bytes codec such as "hex"
        return "utf-8"
    return found


def _decode_word(charset_name: bytes, encoding: bytes, text: bytes) -> str | None:
    try:
        if encoding in b"qQ":
            raw = binascii.a2b_qp(text, header=True)
        else:
            raw = binascii.a2b_base64(text + b"=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    try:
        return raw.decode(charset(charset_name), "replace")
    except Exception:  # a codec that fails even with "replace": read the bytes as UTF-8
        return raw.decode("utf-8", "replace")


def decode_header(value: bytes) -> tuple[str, bool]:
    """RFC 2047 decoding of one header's value, at most MAX_ENCODED_WORDS words; and whether
    words were left out. Blanks between two encoded words are dropped, as the RFC says."""
    out: list[str] = []
    position = 0
    previous_word = False
    for words, match in enumerate(_ENCODED_WORD.finditer(value)):
        if words == MAX_ENCODED_WORDS:
            value = value[: match.start()]
            return "".join(out) + value[position:].decode("utf-8", "replace"), True
        gap = value[position : match.start()]
        decoded = _decode_word(match.group(1), match.group(2), match.group(3))
        if not (previous_word and decoded is not None and not gap.strip()):
            out.append(gap.decode("utf-8", "replace"))
        # Not a real encoded word: kept as written, with the blanks around it.
        out.append(match.group(0).decode("utf-8", "replace") if decoded is None else decoded)
        position = match.end()
        previous_word = decoded is not None
    out.append(value[position:].decode("utf-8", "replace"))
    return "".join(out), False


def _field(values: dict[str, list[bytes]], cut: set[str], field: str) -> str:
    parts = []
    for value in values.get(field, []):
        text, left_out = decode_header(value)
        if left_out:
            cut.add(field)
        parts.append(text)
    text, too_long = clean_field(", ".join(parts))
    if too_long:
        cut.add(field)
    elif field in cut:  # cut before it was decoded: show where, as a long field shows it
        text = text[: MAX_FIELD_CHARS - 1] + "…"
    return text


def _date(values: dict[str, list[bytes]]) -> datetime | None:
    found = values.get("date")
    if not found or len(found[0]) > MAX_DATE_BYTES:
        return None
    try:
        moment = parsedate_to_datetime(found[0].decode("ascii", "replace").strip())
    except Exception:  # a malformed date header is a missing date
        return None
    if not isinstance(moment, datetime):
        return None
    if moment.tzinfo is None:  # "-0000": the zone is unknown; RFC 5322 says read it as UTC
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def parse_email(data: bytes, now: datetime) -> EmailSummary:
    """The summary of an RFC 5322 message; never raises on malformed input, and its work and
    memory are bounded whatever the message's size or shape."""
    try:
        values, cut = header_fields(data)
        sent = _date(values)
        sender = _field(values, cut, "sender")
        recipients = _field(values, cut, "recipients")
        subject = _field(values, cut, "subject")
        copied = _field(values, cut, "copied")
    except Exception:  # nothing above should raise; a broken message still imports
        return EmailSummary(now, False, "", "", "")
    return EmailSummary(
        sent_at=sent or now,
        dated=sent is not None,
        sender=sender,
        recipients=recipients,
        subject=subject,
        cut=frozenset(cut),
        copied=copied,
    )


def entry_text(summary: EmailSummary, notes: Sequence[str] = (), attachments: Sequence[str] = ()) -> str:
    """The paper-trail entry for an imported email: From, To and Subject lines, the names of the
    documents it held (filed in the case beside it), then a sentence for each thing that could
    not be read in full: the summary's, then `notes`."""
    lines = [
        f"From: {summary.sender or '-'}",
        f"To: {summary.recipients or '-'}",
        f"Subject: {summary.subject or '-'}",
    ]
    if attachments:
        names, _cut = clean_field(", ".join(attachments))
        lines.append(f"Attachments: {names}")
    if not summary.dated:
        lines.append(NOT_DATED)
    lines.extend(note for field, note in CUT_NOTES.items() if field in summary.cut)
    lines.extend(notes)
    return "\n".join(lines)
