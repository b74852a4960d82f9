"""Reading an email for the paper trail: headers, dates, and never crashing on bad input."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.casework.email_import import (
    CUT_NOTES,
    MAX_FIELD_CHARS,
    SUBJECT_CUT,
    EmailSummary,
    entry_text,
    is_email_file,
    parse_email,
)

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def test_headers_and_date_are_read() -> None:
    found = parse_email(
        b"From: =?utf-8?q?Ren=C3=A9e?= <renee@example.org>\r\nTo: a@example.org, b@example.org\r\n"
        b"Subject: Re: grievance\r\nDate: Mon, 2 Mar 2026 08:00:00 -0500\r\n\r\nHello",
        NOW,
    )
    assert found.sent_at == datetime(2026, 3, 2, 13, 0, tzinfo=UTC)
    assert found.dated
    assert found.sender == "Renée <renee@example.org>"
    assert found.recipients == "a@example.org, b@example.org"
    assert found.subject == "Re: grievance"


def test_missing_and_bad_dates_fall_back_to_now() -> None:
    for data in (b"Subject: x\r\n\r\n", b"Date: 31 Feb 2026 99:99\r\n\r\n", b"Date: \r\n\r\n", b""):
        found = parse_email(data, NOW)
        assert found.sent_at == NOW
        assert not found.dated
        assert "no readable date" in entry_text(found)


def test_an_unknown_zone_is_read_as_utc() -> None:
    found = parse_email(b"Date: Mon, 2 Mar 2026 08:00:00 -0000\r\n\r\n", NOW)
    assert found.sent_at == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_fields_are_one_short_line() -> None:
    found = parse_email(b"Subject: " + b"a\tb " * 400 + b"\r\n\r\n", NOW)
    assert "\t" not in found.subject
    assert len(found.subject) <= MAX_FIELD_CHARS
    assert entry_text(found).splitlines()[0] == "From: -"
    assert entry_text(found).splitlines()[-1] == SUBJECT_CUT  # the rep is told it is cut short


def test_only_eml_files_are_emails() -> None:
    assert is_email_file("Letter.EML")
    assert not is_email_file("letter.pdf")
    assert not is_email_file("eml")


HEADERS = st.sampled_from([b"From", b"To", b"Subject", b"Date", b"Cc", b"Content-Type", b"X"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(HEADERS, st.binary(max_size=80)), max_size=8),
    st.binary(max_size=200),
)
def test_malformed_messages_never_crash(headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    data = b"".join(name + b": " + value + b"\r\n" for name, value in headers) + b"\r\n" + body
    found = parse_email(data, NOW)
    assert_well_formed(found)
    assert 3 <= len(entry_text(found).splitlines()) <= 8  # From, To, Subject, then notes


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    assert_well_formed(parse_email(data, NOW))


KNOWN_HEADERS = (
    b"From: =?utf-8?q?Ren=C3=A9e?= <renee@example.org>\r\nTo: a@example.org\r\n"
    b"Subject: Re: grievance\r\nDate: Mon, 2 Mar 2026 08:00:00 -0500\r\n"
)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_the_body_never_changes_the_summary(body: bytes) -> None:
    """Whatever follows the blank line is the body: it is never read as a header, and it cannot
    push the parser into its give-up path (which would drop the headers above it)."""
    alone = parse_email(KNOWN_HEADERS + b"\r\n", NOW)
    assert alone.sender == "Renée <renee@example.org>"
    assert alone.dated
    assert parse_email(KNOWN_HEADERS + b"\r\n" + body, NOW) == alone


def assert_well_formed(found: EmailSummary) -> None:
    """What every summary holds, however bad the input: an aware date (`now` when the message
    has none), one short printable line a field, known cut notes, and one entry line each."""
    assert found.sent_at.tzinfo is not None
    if not found.dated:
        assert found.sent_at == NOW
    for field in (found.sender, found.recipients, found.subject):
        assert len(field) <= MAX_FIELD_CHARS
        assert field == field.strip()
        assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in field)
    assert found.cut <= CUT_NOTES.keys()
    lines = entry_text(found).splitlines()
    assert len(lines) == 3 + (not found.dated) + len(found.cut)
    assert [line.split(":", 1)[0] for line in lines[:3]] == ["From", "To", "Subject"]
