"""Reading an email (.eml) for the paper trail: when it was sent, who from and to, its subject.

Pure and forgiving: a message with missing or malformed headers still imports. A missing or bad
Date falls back to `now` (and says so); every other header falls back to empty. Nothing here
touches the disk: the caller passes the message's bytes."""

from __future__ import annotations

import email
import email.policy
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from casevault.i18n import QT_TRANSLATE_NOOP

MAX_FIELD_CHARS = 300
EMAIL_SUFFIXES = (".eml",)

NOT_DATED = QT_TRANSLATE_NOOP(
    "email", "The message has no readable date; this entry is dated when it was imported."
)


@dataclass(frozen=True)
class EmailSummary:
    sent_at: datetime  # the message's Date, in UTC; `now` when it has none that can be read
    dated: bool  # False when sent_at fell back to `now`
    sender: str
    recipients: str
    subject: str


def is_email_file(name: str) -> bool:
    return name.lower().endswith(EMAIL_SUFFIXES)


def _clean(value: str) -> str:
    """One line of printable text, no longer than MAX_FIELD_CHARS."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_FIELD_CHARS else text[: MAX_FIELD_CHARS - 1] + "…"


def _header(message: email.message.Message, name: str) -> str:
    try:
        values = message.get_all(name) or []
        return _clean(", ".join(str(v) for v in values))
    except Exception:  # a malformed header must not stop the import
        return ""


def _date(message: email.message.Message) -> datetime | None:
    try:
        header = message.get("Date")
        moment = getattr(header, "datetime", None)
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
    """The summary of an RFC 5322 message; never raises on malformed input."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception:  # the parser is lenient, but a broken message still imports
        return EmailSummary(now, False, "", "", "")
    sent = _date(message)
    return EmailSummary(
        sent_at=sent or now,
        dated=sent is not None,
        sender=_header(message, "From"),
        recipients=_header(message, "To"),
        subject=_header(message, "Subject"),
    )


def entry_text(summary: EmailSummary) -> str:
    """The paper-trail entry for an imported email: From, To and Subject lines."""
    lines = [
        f"From: {summary.sender or '-'}",
        f"To: {summary.recipients or '-'}",
        f"Subject: {summary.subject or '-'}",
    ]
    if not summary.dated:
        lines.append(NOT_DATED)
    return "\n".join(lines)
