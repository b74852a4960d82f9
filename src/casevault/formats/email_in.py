"""Every email that comes in, whatever its format and whatever door it came in by (a drop on a
case, `casevault email import`, a handover bundle), read by one function, `read_email_file`,
within one bound.

The bound: the file's size (MAX_EMAIL_BYTES, checked by the caller before it is read into
memory); the header block, each field and the encoded words in it (email_import); MIME nesting,
parts and attachments (email_view's MAX_DEPTH, MAX_PARTS, MAX_ATTACHMENTS, which also bound an
Outlook message's attachments and the messages inside it); what is decoded, never more than the
file itself holds; and time, MAX_READ_SECONDS, after which no further attachment is read and the
entry says so. An .eml is read by casework's own linear readers; a .msg by `outlook_msg`, and
its text then goes through the same field and body rules. Only a file that cannot be read at all
is refused (EmailRefusedError, exit 4, one sentence naming nothing inside it); a message read in
part is imported with a sentence for each part left out.

Pure and in memory: no file is written and no widget or database touched, so the GUI calls it
on a worker thread."""

from __future__ import annotations

import mimetypes
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email import encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime

from casevault.casework import email_import, email_view, rules
from casevault.casework.email_import import EmailSummary, clean_field, header_fields
from casevault.core.errors import DamagedError
from casevault.core.i18n import QT_TRANSLATE_NOOP
from casevault.formats import outlook_msg

MAX_READ_SECONDS = 3.0
MAX_IDS = 50  # message ids kept from a References header

TIME_CUT = QT_TRANSLATE_NOOP(
    "email", "The message took too long to read in full; some of its attachments were not filed."
)
RTF_ONLY = QT_TRANSLATE_NOOP(
    "email",
    "The message's text is held only in Outlook's RTF form, which casevault does not read; "
    "the message itself is kept whole.",
)
ATTACHMENTS_CUT = QT_TRANSLATE_NOOP(
    "email", "The message has too many attachments, or attachments nested too deeply; some were not filed."
)
UNREADABLE = QT_TRANSLATE_NOOP("email", "The message is damaged or is not an Outlook message.")
_THREAD_FIELDS = {b"message-id": "message_id", b"in-reply-to": "in_reply_to", b"references": "references"}
_ID = re.compile(rb"<[^<>\s]{1,250}>")
_PATH_PARTS = re.compile(r"[/\\]")


class EmailRefusedError(DamagedError):
    """An email that cannot be read at all: damaged, or not the kind of file its name says."""


@dataclass(frozen=True)
class Contained:
    """A document the email held, to be filed in the same case."""

    name: str  # storable (rules.storable_file_name), never a path
    kind: str
    data: bytes


@dataclass(frozen=True)
class Thread:
    """What ties the email to others of its conversation (casework.email_threads)."""

    message_id: str = ""
    parents: tuple[str, ...] = ()  # In-Reply-To, then References, each "<id>"
    conversation: str = ""  # Outlook's conversation index: its thread part, in hex


@dataclass(frozen=True)
class IncomingEmail:
    name: str
    data: bytes  # the email itself, stored whole as a document of the case
    summary: EmailSummary
    body: str = ""  # the start of its text, for search
    contained: tuple[Contained, ...] = ()
    thread: Thread = Thread()
    notes: tuple[str, ...] = ()  # untranslated sentences (context "email") on what was left out


def read_email_file(
    name: str, data: bytes, now: datetime, *, clock: Callable[[], float] = time.monotonic
) -> IncomingEmail:
    """The email in `data`, named `name`: an Outlook message if it is one (by its content, not
    its name), else an RFC 5322 message. Its date is `now` when it has none that can be read."""
    if outlook_msg.is_msg(data):
        return _from_msg(name, data, now, clock)
    if name.lower().endswith(".msg"):
        raise EmailRefusedError(f"{name} is not an Outlook message, or is damaged; nothing was imported.")
    return _from_eml(name, data, now, clock)


def searchable_text(name: str, data: bytes) -> str:
    """The start of an email's text as the search index holds it, read as an import reads it
    (for a door that files no entry, such as a handover bundle's documents); "" for one that
    cannot be read."""
    try:
        return read_email_file(name, data, datetime.fromtimestamp(0, UTC)).body
    except EmailRefusedError:
        return ""


def preview_msg(data: bytes) -> email_view.EmailView:
    """An Outlook message as the documents preview shows an .eml (email_view.EmailView); never
    raises: a message that cannot be read says so as its only note."""
    try:
        found = read_email_file("message.msg", data, datetime.fromtimestamp(0, UTC))
    except EmailRefusedError:
        return email_view.EmailView("", "", "", "", None, "", False, notes=(UNREADABLE,))
    message_notes = tuple(found.notes) + (() if found.body.strip() else (email_view.NO_BODY,))
    return email_view.EmailView(
        sender=found.summary.sender,
        recipients=found.summary.recipients,
        copied=found.summary.copied,
        subject=found.summary.subject,
        sent_at=found.summary.sent_at if found.summary.dated else None,
        body=found.body,
        from_html=False,
        attachments=tuple(
            email_view.EmailAttachment(item.name, item.kind, len(item.data)) for item in found.contained
        ),
        notes=message_notes,
    )


# ---- .eml ----------------------------------------------------------------------------------------


def _from_eml(name: str, data: bytes, now: datetime, clock: Callable[[], float]) -> IncomingEmail:
    deadline = clock() + MAX_READ_SECONDS
    summary = email_import.parse_email(data, now)
    thread = _thread(data)
    body = email_view.searchable_body(data)
    notes: list[str] = []
    contained: list[Contained] = []
    found, cut = email_view.attachment_data(data)
    for number, (attachment, decoded) in enumerate(found, 1):
        if clock() > deadline:
            notes.append(TIME_CUT)
            break
        contained.append(
            Contained(_storable(attachment.name, attachment.kind, number), attachment.kind, decoded)
        )
    if cut:
        notes.append(ATTACHMENTS_CUT)
    return IncomingEmail(name, data, summary, body, tuple(contained), thread, tuple(notes))


def _thread(headers: bytes) -> Thread:
    """Message-ID, In-Reply-To and References from a header block (read as email_import reads it)."""
    fields, _cut = header_fields(headers, _THREAD_FIELDS)
    ids = _ids(fields.get("message_id", []))
    parents = _ids(fields.get("in_reply_to", [])) + _ids(fields.get("references", []))
    return Thread(ids[0] if ids else "", parents[:MAX_IDS])


def _ids(values: list[bytes]) -> tuple[str, ...]:
    found: list[str] = []
    for value in values:
        found.extend(item.decode("ascii", "replace") for item in _ID.findall(value))
    return tuple(found)


# ---- .msg ----------------------------------------------------------------------------------------


def _from_msg(name: str, data: bytes, now: datetime, clock: Callable[[], float]) -> IncomingEmail:
    limits = outlook_msg.MsgLimits(
        max_parts=email_view.MAX_ATTACHMENTS,
        max_depth=email_view.MAX_DEPTH,
        max_seconds=MAX_READ_SECONDS,
        clock=clock,
    )
    try:
        message = outlook_msg.read_msg(data, limits)
    except outlook_msg.MsgRefusedError as err:
        raise EmailRefusedError(
            f"{name} cannot be read: {err.args[0][:1].lower()}{err.args[0][1:]}"
        ) from None
    summary = _summary(message, now)
    text = message.body or (email_view.html_text(message.html) if message.html else "")
    notes: list[str] = []
    if message.rtf_only:
        notes.append(RTF_ONLY)
    if "parts" in message.cut:
        notes.append(ATTACHMENTS_CUT)
    if "time" in message.cut:
        notes.append(TIME_CUT)
    if "body" in message.cut:
        notes.append(email_view.BODY_CUT)
    contained = tuple(_contained(message, now))
    # The properties first; what they lack, from the internet headers Outlook kept.
    headers = _thread(message.headers) if message.headers else Thread()
    replying = (message.in_reply_to,) if message.in_reply_to else ()
    thread = Thread(
        message_id=message.message_id or headers.message_id,
        parents=(replying + (message.references or headers.parents))[:MAX_IDS],
        conversation=message.conversation,
    )
    body = email_view.shown_text(text).strip("\n")[: email_view.MAX_SEARCHED_BODY_CHARS]
    return IncomingEmail(name, data, summary, body, contained, thread, tuple(notes))


def _summary(message: outlook_msg.MsgMessage, now: datetime) -> EmailSummary:
    """The entry's fields from the message's properties, each missing one from the internet
    headers Outlook kept (if it kept them), all held to the .eml rules."""
    headers = email_import.parse_email(message.headers, now) if message.headers else None
    cut: set[str] = set(headers.cut) if headers is not None else set()
    shown: dict[str, str] = {}
    for field, value, fallback in (
        ("sender", message.sender, headers.sender if headers else ""),
        ("recipients", message.recipients, headers.recipients if headers else ""),
        ("subject", message.subject, headers.subject if headers else ""),
        ("copied", message.copied, headers.copied if headers else ""),
    ):
        text, too_long = clean_field(value or fallback)
        if too_long:
            cut.add(field)
        shown[field] = text
    sent = message.sent_at or (headers.sent_at if headers is not None and headers.dated else None)
    return EmailSummary(
        sent_at=sent or now,
        dated=sent is not None,
        sender=shown["sender"],
        recipients=shown["recipients"],
        subject=shown["subject"],
        cut=frozenset(cut),
        copied=shown["copied"],
    )


def _contained(message: outlook_msg.MsgMessage, now: datetime) -> list[Contained]:
    found: list[Contained] = []
    for number, attachment in enumerate(message.attachments, 1):
        if attachment.message is not None:
            inner = attachment.message
            subject, _cut = clean_field(inner.subject)
            name = _storable(attachment.name or subject or "message", "", number)
            if not name.lower().endswith(".eml"):
                name = name.removesuffix(".msg") + ".eml"
            found.append(Contained(name, "message/rfc822", as_eml(inner, now)))
        else:
            found.append(
                Contained(
                    _storable(attachment.name, attachment.kind, number), attachment.kind, attachment.data
                )
            )
    return found


def as_eml(message: outlook_msg.MsgMessage, now: datetime) -> bytes:
    """An Outlook item attached to a message, written out as an .eml (in memory): the vault
    stores, previews and sends it as any other email. Its own attachments go inside it."""
    summary = _summary(message, now)
    text = message.body or (email_view.html_text(message.html) if message.html else "")
    out = MIMEMultipart()
    for header, value in (
        ("From", summary.sender),
        ("To", summary.recipients),
        ("Cc", summary.copied),
        ("Subject", summary.subject),
        ("Message-ID", message.message_id),
    ):
        if value:
            out[header] = Header(value, "utf-8").encode()
    if summary.dated:
        out["Date"] = format_datetime(summary.sent_at)
    out.attach(MIMEText(email_view.shown_text(text), "plain", "utf-8"))
    for number, item in enumerate(_contained(message, now), 1):
        maintype, _slash, subtype = (item.kind if "/" in item.kind else "application/octet-stream").partition(
            "/"
        )
        part = MIMEBase(maintype, subtype or "octet-stream")
        part.set_payload(item.data)
        encoders.encode_base64(part)
        part.add_header(
            "Content-Disposition", "attachment", filename=("utf-8", "", item.name or f"part-{number}")
        )
        out.attach(part)
    return out.as_bytes()


def _storable(name: str, kind: str, number: int) -> str:
    """A contained document's name as the vault stores it: the last part of any path it gives
    (a name is never a path here), no control or bidi characters; one made up if none is left."""
    last = _PATH_PARTS.split(name)[-1].strip().strip(".")
    if not last:
        extension = (mimetypes.guess_extension(kind, strict=False) or "") if "/" in kind else ""
        last = f"attachment-{number}{extension}"
    return rules.storable_file_name(last)
