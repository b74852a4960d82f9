"""An email (.eml) as the documents preview shows it: From, To, Cc, Date and Subject, the body as
plain text, and the attachments by name and size.

Pure and bounded, like email_import (whose header reader it reuses; the standard library's
`email` parsers are not used, for the reasons given there). Only MAX_PARTS parts are read, at
most MAX_DEPTH multiparts deep; a body is decoded from at most MAX_BODY_BYTES and shown up to
MAX_BODY_CHARS; every search is linear (a `find`, or a regular expression that starts with a
literal and cannot backtrack far) within its part. An HTML body is turned into
plain text here, by one linear pass over the markup: nothing is ever rendered as HTML, so no
image, stylesheet or link is fetched from anywhere. `read_email` never raises."""

from __future__ import annotations

import binascii
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import unquote_to_bytes

from casevault.casework import email_import
from casevault.casework.email_import import (
    CUT_NOTES,
    HEADER_LINE,
    MAX_HEADER_BLOCK,
    clean_field,
    decode_header,
    header_fields,
)
from casevault.core.i18n import QT_TRANSLATE_NOOP

MAX_PARTS = 200  # parts read, at every depth together
MAX_DEPTH = 8  # multiparts inside multiparts
MAX_ATTACHMENTS = 100  # listed
MAX_BODY_BYTES = 4 << 20  # of the body part, as encoded in the message
MAX_BODY_CHARS = 200_000  # shown
MAX_SEARCHED_BODY_CHARS = 32_000  # put in the search index
MAX_PARAMS = 50  # parameters of one Content-Type or Content-Disposition
MAX_SECTIONS = 100  # RFC 2231 continuations of one parameter

BODY_CUT = QT_TRANSLATE_NOOP("email", "The message is too long to show in full; its end is left out.")
PARTS_CUT = QT_TRANSLATE_NOOP(
    "email",
    "The message has too many parts, or parts too deeply nested, to read them all; some may be missing.",
)
FROM_HTML = QT_TRANSLATE_NOOP(
    "email",
    "The message is written in HTML; it is shown as plain text, and nothing it links to "
    "(pictures included) was loaded.",
)
NO_BODY = QT_TRANSLATE_NOOP("email", "The message has no text to show.")

_PART_FIELDS = {
    b"content-type": "type",
    b"content-transfer-encoding": "encoding",
    b"content-disposition": "disposition",
}
_LOOK_FIELDS = {b"from": "from", b"date": "date"}
_BODY_TYPES = ("text/plain", "text/html")
_PARAM_NAME = re.compile(r"([^*]+)(?:\*([0-9]{1,3}))?(\*)?")
_BASE64_NOISE = re.compile(rb"[^A-Za-z0-9+/]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANKS = re.compile(r"\s+")
_TAG_START = re.compile(r"<[A-Za-z/!?]")  # any other "<" is text, as a browser reads it
_TAG_NAME = re.compile(r"(/?)([A-Za-z][A-Za-z0-9-]{0,30})")
# Markup whose content is never text to read, each with the search for its end tag.
_SKIPPED = {
    name: re.compile(f"</{name}", re.IGNORECASE) for name in ("script", "style", "title", "template", "svg")
}
# Tags that start a new line, as a browser would lay them out.
_BLOCKS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead"),
        *("tfoot", "tr", "ul"),
    )
)


@dataclass(frozen=True)
class EmailAttachment:
    name: str  # one line, at most MAX_FIELD_CHARS; "" when the message gives none
    kind: str  # its MIME type, such as "application/pdf"
    size: int  # bytes once decoded (base64 and quoted-printable counted, not decoded)


@dataclass(frozen=True)
class EmailView:
    sender: str
    recipients: str
    copied: str
    subject: str
    sent_at: datetime | None  # the Date header, in UTC; None when it cannot be read
    body: str
    from_html: bool  # the body is an HTML part turned into text
    attachments: tuple[EmailAttachment, ...] = ()
    notes: tuple[str, ...] = ()  # untranslated sentences (context "email") on what was left out


@dataclass(frozen=True)
class _Leaf:
    kind: str
    disposition: str
    name: str
    start: int  # its body within the message
    end: int
    encoding: str
    charset: str


def is_email(name: str, data: bytes) -> bool:
    """An .eml by its name, or a message by its content (see `looks_like_email`); an Outlook
    .msg is read by formats.email_in."""
    return name.lower().endswith(".eml") or looks_like_email(data)


def looks_like_email(data: bytes) -> bool:
    """Whether `data` opens with an RFC 5322 header block holding From and Date (the two headers
    every message has) that ends within MAX_HEADER_BLOCK."""
    try:
        fields, _cut = header_fields(data[: MAX_HEADER_BLOCK + 1], _LOOK_FIELDS)
        ends = _body_start(data, 0, len(data), past_cap=False)
        return {"from", "date"} <= set(fields) and ends is not None
    except Exception:  # a check for a preview: anything odd is not an email
        return False


def read_email(data: bytes) -> EmailView:
    """The message in `data` as the preview shows it; never raises on malformed input, and its
    work and memory are bounded whatever the message's size or shape."""
    summary = email_import.parse_email(data, datetime.fromtimestamp(0, UTC))
    notes = [note for field, note in CUT_NOTES.items() if field in summary.cut]
    body, from_html = "", False
    attachments: tuple[EmailAttachment, ...] = ()
    try:
        walk = _Walk(data)
        walk.entity(0, len(data), 0, "text/plain")
        body, from_html, body_cut = walk.body()
        attachments = walk.attachments()
        notes += [
            note
            for note, shown in ((PARTS_CUT, walk.cut), (BODY_CUT, body_cut), (FROM_HTML, from_html))
            if shown
        ]
    except Exception:  # nothing above should raise; the headers still show
        body, from_html, attachments = "", False, ()
    if not body.strip():
        notes.append(NO_BODY)
    return EmailView(
        sender=summary.sender,
        recipients=summary.recipients,
        copied=summary.copied,
        subject=summary.subject,
        sent_at=summary.sent_at if summary.dated else None,
        body=body,
        from_html=from_html,
        attachments=attachments,
        notes=tuple(notes),
    )


def searchable_body(data: bytes) -> str:
    """The part of an email's body the search index holds (inside the encrypted database): its
    first MAX_SEARCHED_BODY_CHARS; a longer body is stored whole all the same."""
    return body_text(data)[:MAX_SEARCHED_BODY_CHARS]


def attachment_data(data: bytes) -> tuple[tuple[tuple[EmailAttachment, bytes], ...], bool]:
    """Each attachment of the message with its bytes decoded, as the preview lists them; and
    whether some were left out (too many parts, or too deep). What is decoded is never more
    than the message itself holds. Never raises."""
    try:
        walk = _Walk(data)
        walk.entity(0, len(data), 0, "text/plain")
        found = [leaf for leaf in walk.leaves if not walk._is_body(leaf)]
        listed = walk.attachments()
        decoded = tuple(
            (attachment, _decoded(data, leaf.start, leaf.end, leaf.encoding, leaf.end - leaf.start)[0])
            for attachment, leaf in zip(listed, found, strict=False)
        )
        return decoded, walk.cut
    except Exception:  # nothing above should raise; then nothing is filed from inside it
        return (), True


def shown_text(text: str) -> str:
    """Text from an email as the preview shows it: "\n" line ends, no control characters but
    tabs."""
    return _CONTROLS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def body_text(data: bytes) -> str:
    """The message's body as `read_email` shows it, without its header block (for a caller that
    reads the headers itself with `email_import.parse_email`, as the paper trail's import does, so
    that they are read once). Never raises."""
    try:
        walk = _Walk(data)
        walk.entity(0, len(data), 0, "text/plain")
        return walk.body()[0]
    except Exception:  # nothing above should raise; then there is no body to show
        return ""


# ---- the structure: headers, multiparts, leaves ---------------------------------------------------


class _Walk:
    """The leaves of a message, depth first, within MAX_PARTS and MAX_DEPTH."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.leaves: list[_Leaf] = []
        self.parts = 0
        self.cut = False

    def entity(self, start: int, end: int, depth: int, default_type: str) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            self.cut = True
            return
        data = self.data
        fields, _cut = header_fields(data[start : min(end, start + MAX_HEADER_BLOCK + 1)], _PART_FIELDS)
        body = _body_start(data, start, end)
        if body is None:  # headers with no end: no body to find
            self.cut = True
            return
        if body - start > MAX_HEADER_BLOCK:  # headers read only in part: say so
            self.cut = True
        kind, params = _parameters(_first(fields, "type"))
        kind = kind if "/" in kind else default_type
        if kind.startswith("multipart/"):
            boundary = params.get("boundary", "").encode("utf-8", "replace")
            if depth >= MAX_DEPTH:
                self.cut = True
                return
            if 0 < len(boundary) <= 200:
                inner = "message/rfc822" if kind == "multipart/digest" else "text/plain"
                for part_start, part_end in _parts(data, body, end, boundary):
                    self.entity(part_start, part_end, depth + 1, inner)
                return
            kind = "text/plain"  # a multipart with no boundary: read as text, as mail readers do
        disposition, disposition_params = _parameters(_first(fields, "disposition"))
        name = disposition_params.get("filename") or params.get("name") or ""
        encoding = _first(fields, "encoding").strip().lower()
        self.leaves.append(
            _Leaf(kind, disposition, _name(name), body, end, encoding, params.get("charset", ""))
        )

    def _is_body(self, leaf: _Leaf) -> bool:
        return leaf.kind in _BODY_TYPES and leaf.disposition != "attachment" and not leaf.name

    def body(self) -> tuple[str, bool, bool]:
        """The first plain-text body part, or failing that the first HTML one, as text; whether
        it was HTML; whether it was cut short."""
        candidates = [leaf for leaf in self.leaves if self._is_body(leaf)]
        chosen = next((leaf for leaf in candidates if leaf.kind == "text/plain"), None)
        if chosen is None:
            chosen = next(iter(candidates), None)
        if chosen is None:
            return "", False, False
        raw, cut = _decoded(self.data, chosen.start, chosen.end, chosen.encoding, MAX_BODY_BYTES)
        text = _text(raw, chosen.charset)
        from_html = chosen.kind == "text/html"
        if from_html:
            text = html_text(text)
        text = text.strip("\n")
        if len(text) > MAX_BODY_CHARS:
            text, cut = text[:MAX_BODY_CHARS], True
        return text, from_html, cut

    def attachments(self) -> tuple[EmailAttachment, ...]:
        found = [leaf for leaf in self.leaves if not self._is_body(leaf)]
        if len(found) > MAX_ATTACHMENTS:
            self.cut = True
        return tuple(
            EmailAttachment(leaf.name, leaf.kind, _size(self.data, leaf.start, leaf.end, leaf.encoding))
            for leaf in found[:MAX_ATTACHMENTS]
        )


def _first(fields: dict[str, list[bytes]], field: str) -> str:
    values = fields.get(field)
    return values[0].decode("utf-8", "replace") if values else ""


def _body_start(data: bytes, start: int, end: int, *, past_cap: bool = True) -> int | None:
    """Where the body of the entity data[start:end] begins: after the blank line that ends its
    headers, or at the first line that is not a header (where email_import stops reading them
    too). A header block longer than MAX_HEADER_BLOCK is read no further (email_import says it
    was cut): its body starts after the next blank line, found by `find` (with `past_cap`), or
    there is none (None)."""
    limit = min(end, start + MAX_HEADER_BLOCK)
    position = start
    while position < end:
        if position >= limit:
            return _after_blank_line(data, position, end) if past_cap else None
        newline = data.find(b"\n", position, limit)
        if newline < 0:
            if limit < end:
                return _after_blank_line(data, position, end) if past_cap else None
            newline = end - 1
        probe = data[position : min(newline + 1, position + 1024)]
        line = probe.rstrip(b"\r\n")
        if not line:
            return newline + 1
        header = HEADER_LINE.match(line) is not None
        first = position == start
        if not (header or (not first and line[:1] in (b" ", b"\t")) or (first and line.startswith(b"From "))):
            return position
        position = newline + 1
    return end


def _after_blank_line(data: bytes, start: int, end: int) -> int | None:
    found = [at for at in (data.find(b"\n\n", start, end), data.find(b"\n\r\n", start, end)) if at >= 0]
    if not found:
        return None
    at = min(found)
    return at + (2 if data[at + 1 : at + 2] == b"\n" else 3)


def _parts(data: bytes, start: int, end: int, boundary: bytes) -> list[tuple[int, int]]:
    """The parts of a multipart body data[start:end] by its boundary (RFC 2046): each from the
    line after a delimiter line to the line break before the next; at most MAX_PARTS. A
    delimiter line is "--boundary", or "--boundary--" for the last, then only blanks: one
    regular-expression search finds the next, so a body full of near-misses is one pass."""
    # From the line break before it (a literal start: SRE's fast prefix search) to the end of
    # its line. A body starts just after a line break, so one there is found too.
    delimiter = re.compile(rb"\n--" + re.escape(boundary) + rb"(--)?[ \t]*\r?(?=\n|\Z)")
    found = delimiter.search(data, max(0, start - 1), end)
    spans: list[tuple[int, int]] = []
    while found is not None and found.group(1) is None and len(spans) < MAX_PARTS:
        part_start = min(end, found.end() + 1)  # the line after it
        following = delimiter.search(data, part_start - 1, end)
        if following is None:  # never closed: the last part runs to the end
            spans.append((part_start, end))
            break
        part_end = following.start()  # the line break before it belongs to the delimiter
        if part_end > part_start and data[part_end - 1 : part_end] == b"\r":
            part_end -= 1
        spans.append((part_start, max(part_start, part_end)))
        found = following
    return spans


def _parameters(value: str) -> tuple[str, dict[str, str]]:
    """A Content-Type or Content-Disposition: its value (lower case) and its parameters by
    lower-case name, RFC 2231 continuations and charsets decoded, RFC 2047 words too (as
    Outlook writes file names)."""
    items = _split_parameters(value)
    main = items[0].strip().lower() if items else ""
    plain: dict[str, str] = {}
    sections: dict[str, dict[int, tuple[str, bool]]] = {}
    for item in items[1 : MAX_PARAMS + 1]:
        key, sep, raw = item.partition("=")
        if not sep:
            continue
        match = _PARAM_NAME.fullmatch(key.strip().lower())
        if match is None:
            continue
        name, number, extended = match.group(1), match.group(2), bool(match.group(3))
        raw = _unquoted(raw.strip())
        if number is None and not extended:
            plain.setdefault(name, raw)
        else:
            place = sections.setdefault(name, {})
            if len(place) < MAX_SECTIONS:
                place.setdefault(int(number or 0), (raw, extended))
    found = {name: _rfc2047(text) if name in ("name", "filename") else text for name, text in plain.items()}
    for name, parts in sections.items():
        found[name] = _rfc2231(parts)
    return main, found


def _split_parameters(value: str) -> list[str]:
    """Split at each ";" outside double quotes: one pass."""
    items: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for ch in value:
        if escaped:
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            items.append("".join(current))
            current = []
            if len(items) > MAX_PARAMS:
                return items
            continue
        current.append(ch)
    items.append("".join(current))
    return items


def _unquoted(raw: str) -> str:
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return re.sub(r"\\(.)", r"\1", raw[1:-1])
    return raw


def _rfc2047(text: str) -> str:
    decoded, _left_out = decode_header(text.encode("utf-8", "replace"))
    return decoded


def _rfc2231(parts: dict[int, tuple[str, bool]]) -> str:
    """One parameter from its numbered sections: `charset'language'%xx` encoded where marked."""
    ordered = [parts[n] for n in sorted(parts)]
    charset_name = b"utf-8"
    pieces: list[bytes] = []
    for index, (section, extended) in enumerate(ordered):
        text = section
        if extended and index == 0 and text.count("'") >= 2:
            declared, _language, text = text.split("'", 2)
            charset_name = declared.encode("ascii", "replace") or b"utf-8"
        pieces.append(unquote_to_bytes(text) if extended else text.encode("utf-8", "replace"))
    return _decode_text(b"".join(pieces), email_import.charset(charset_name))


def _name(raw: str) -> str:
    text, _cut = clean_field(raw)
    return text


# ---- bodies ------------------------------------------------------------------------------------


def _decoded(data: bytes, start: int, end: int, encoding: str, cap: int) -> tuple[bytes, bool]:
    """At most `cap` bytes of a part's body as encoded, decoded; and whether some was left out."""
    stop = min(end, start + cap)
    raw = data[start:stop]
    cut = stop < end
    try:
        if encoding == "base64":
            letters = _BASE64_NOISE.sub(b"", raw)
            if len(letters) % 4 == 1:  # a lone last letter holds no whole byte
                letters = letters[:-1]
            return binascii.a2b_base64(letters + b"=" * (-len(letters) % 4)), cut
        if encoding == "quoted-printable":
            return binascii.a2b_qp(raw), cut
    except (binascii.Error, ValueError):
        return b"", cut
    return raw, cut


def _size(data: bytes, start: int, end: int, encoding: str) -> int:
    """A part's decoded size, counted in place (nothing is decoded or copied)."""
    length = end - start
    if encoding == "base64":
        blanks = sum(data.count(ch, start, end) for ch in (b"\r", b"\n", b" ", b"\t", b"="))
        return max(0, length - blanks) * 3 // 4
    if encoding == "quoted-printable":
        # "=XX" is one byte, a soft line break ("=" at a line's end) none.
        soft_crlf, soft_lf = data.count(b"=\r\n", start, end), data.count(b"=\n", start, end)
        escapes = data.count(b"=", start, end) - soft_crlf - soft_lf
        return max(0, length - 2 * escapes - 3 * soft_crlf - 2 * soft_lf)
    return length


def _decode_text(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec, "replace")
    except Exception:  # a codec that fails even with "replace": read the bytes as UTF-8
        return raw.decode("utf-8", "replace")


def _text(raw: bytes, charset_name: str) -> str:
    """A body's bytes as text with "\\n" line ends and no control characters but tabs."""
    return shown_text(
        _decode_text(raw, email_import.charset(charset_name.encode("ascii", "replace") or b"utf-8"))
    )


def html_text(markup: str) -> str:
    """The text of an HTML body, laid out in lines as a browser would break them; scripts, styles
    and comments dropped, entities decoded. One pass: each "<" is matched with the next ">" (or
    the end of a comment or skipped element) by `find`, and a ">" found is kept for the next
    "<" before it, so no stretch of the markup is searched twice."""
    out: list[str] = []
    position, end = 0, len(markup)
    next_close = -1  # the first ">" after the last "<" looked at, or -1
    while position < end:
        found = _TAG_START.search(markup, position)
        if found is None:
            out.append(_inline(markup[position:]))
            break
        opening = found.start()
        out.append(_inline(markup[position:opening]))
        if markup.startswith("<!--", opening):
            close = markup.find("-->", opening + 4)
            position = end if close < 0 else close + 3
            continue
        if next_close <= opening:
            next_close = markup.find(">", opening + 1)
        if next_close < 0:
            break  # a tag never closed: the rest is inside it, as a browser reads it
        position = _tag(markup, opening, next_close, out)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    text: list[str] = []
    blank = False
    for line in lines:
        if line or not blank:
            text.append(line)
        blank = not line
    return "\n".join(text).strip("\n")


def _tag(markup: str, opening: int, closing: int, out: list[str]) -> int:
    """Read the tag markup[opening:closing + 1] into `out` (a line break, a bullet, a blank or
    nothing); returns where the text after it starts."""
    tag = _TAG_NAME.match(markup, opening + 1, closing)
    if tag is None:
        if markup[opening + 1 : opening + 2] in ("!", "?"):  # a doctype, a processing instruction
            return closing + 1
        out.append("<")  # "a < b": text
        return opening + 1
    name, ends = tag.group(2).lower(), bool(tag.group(1))
    if name in _SKIPPED and not ends:
        stop = _SKIPPED[name].search(markup, closing + 1)
        after = -1 if stop is None else markup.find(">", stop.end())
        return len(markup) if after < 0 else after + 1
    if name == "li" and not ends:
        out.append("\n• ")
    elif name in _BLOCKS:
        out.append("\n")
    elif name in ("td", "th"):
        out.append(" ")
    return closing + 1


def _inline(segment: str) -> str:
    """Text between tags: entities decoded, its line breaks and runs of blanks one space."""
    return _BLANKS.sub(" ", html.unescape(segment)) if segment else ""
