"""One reader, one bound, for every email: .eml and .msg read alike into an entry's summary, its
searchable text, the documents it held, and what ties it to its thread."""

from __future__ import annotations

import base64
import itertools
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casevault.casework import email_view
from casevault.casework.email_import import parse_email
from casevault.core.errors import DamagedError
from casevault.formats.email_in import (
    ATTACHMENTS_CUT,
    RTF_ONLY,
    TIME_CUT,
    EmailRefusedError,
    as_eml,
    preview_msg,
    read_email_file,
    searchable_text,
)
from casevault.formats.outlook_msg import MsgMessage
from tests.support import msg_writer
from tests.support.msg_writer import Attachment, Message, Recipient

FILES = Path(__file__).parent / "msg_files"
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def _eml(*attachments: tuple[str, bytes], extra: bytes = b"") -> bytes:
    parts = [
        b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe hearing is on Thursday.\r\n",
        *(
            b"--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
            b'Content-Disposition: attachment; filename="'
            + name.encode()
            + b'"\r\n\r\n'
            + base64.encodebytes(data)
            for name, data in attachments
        ),
    ]
    return (
        b"From: HR <hr@employer.example>\r\nTo: Rep <rep@union.example>\r\nSubject: Hearing\r\n"
        b"Date: Tue, 10 Mar 2026 14:05:00 +0000\r\nMessage-ID: <m2@employer.example>\r\n"
        b"In-Reply-To: <m1@employer.example>\r\nReferences: <m0@employer.example> <m1@employer.example>\r\n"
        + extra
        + b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'
        + b"".join(parts)
        + b"--b--\r\n"
    )


def test_an_eml_gives_its_summary_text_thread_and_the_documents_it_held() -> None:
    pdf = b"%PDF-1.4 " + bytes(range(256)) * 40
    email = read_email_file("hearing.eml", _eml(("invitation.pdf", pdf)), NOW)
    assert (email.summary.sender, email.summary.subject) == ("HR <hr@employer.example>", "Hearing")
    assert email.summary.sent_at == datetime(2026, 3, 10, 14, 5, tzinfo=UTC)
    assert email.body == "The hearing is on Thursday."
    [held] = email.contained
    assert (held.name, held.kind, held.data) == ("invitation.pdf", "application/pdf", pdf)
    assert email.thread.message_id == "<m2@employer.example>"
    assert email.thread.parents == ("<m1@employer.example>", "<m0@employer.example>", "<m1@employer.example>")
    assert email.notes == ()


def test_a_msg_reads_as_an_eml_would() -> None:
    email = read_email_file("tif.msg", (FILES / "unicode.msg").read_bytes(), NOW)
    assert email.summary.sender == "Brian Zhou <brizhou@gmail.com>"
    assert email.summary.recipients == "brianzhou@me.com"
    assert email.summary.subject == "Test for TIF files"
    assert email.summary.sent_at == datetime(2013, 11, 18, 8, 26, 24, tzinfo=UTC) and email.summary.dated
    assert email.body.startswith("This is a test email to experiment with the MS Outlook MSG Extractor\n")
    assert "\r" not in email.body
    assert [(c.name, c.data) for c in email.contained] == [
        (name, (FILES / name).read_bytes()) for name in ("import OleFileIO.tif", "raised value error.tif")
    ]
    assert email.thread.message_id.startswith("<CADtJ4eNjQSkGcBtVteCiTF")
    assert email.thread.conversation == "01021a170704432903788667ec3dae49a04d7733109d"


def test_the_format_is_read_from_the_content_not_the_name() -> None:
    data = (FILES / "strangeDate.msg").read_bytes()
    assert read_email_file("mislabelled.eml", data, NOW).summary.subject == "MSG Test File"
    with pytest.raises(EmailRefusedError, match=r"^fake\.msg is not an Outlook message") as raised:
        read_email_file("fake.msg", b"From: a\r\n\r\nhello", NOW)
    assert isinstance(raised.value, DamagedError) and raised.value.exit_code == 4


def test_a_damaged_msg_is_one_sentence_naming_nothing_inside_it() -> None:
    data = (FILES / "unicode.msg").read_bytes()[:4096]
    with pytest.raises(EmailRefusedError) as raised:
        read_email_file("cut.msg", data, NOW)
    message = raised.value.message
    assert message.startswith("cut.msg cannot be read: ") and message.count(".") <= 2
    assert "Brian" not in message and "TIF" not in message


def test_names_of_documents_held_lose_paths_and_invisible_characters() -> None:
    hostile = ["../../etc/passwd", "..\\..\\boot.ini", "evil\u202egnp.exe", "tab\there", "", "..."]
    data = msg_writer.write_msg(Message(subject="s", attachments=[Attachment(n, b"x") for n in hostile]))
    names = [c.name for c in read_email_file("m.msg", data, NOW).contained]
    assert names[:3] == ["passwd", "boot.ini", "evilgnp.exe"]
    assert names[3] == "tab\u2409here"  # a control character shown, never kept
    assert names[4] == "FILE~1"  # no long name: the 8.3 one
    assert names[5] == "attachment-6"  # nothing left of the name: one made up
    assert all("/" not in n and "\\" not in n for n in names)


def test_a_message_inside_a_message_is_filed_as_an_eml_holding_its_own_attachments() -> None:
    sent = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
    inner = Message(
        subject="Invitation",
        sender_name="HR",
        sender_address="hr@employer.example",
        recipients=[Recipient("Ada", "ada@example.org")],
        sent_at=sent,
        body="Please attend on Friday.",
        attachments=[Attachment("policy.pdf", b"%PDF-1.4 policy", "application/pdf")],
    )
    outer = Message(subject="Fwd", body="fyi", attachments=[Attachment("Invitation.msg", embedded=inner)])
    [held] = read_email_file("fwd.msg", msg_writer.write_msg(outer), NOW).contained
    assert (held.name, held.kind) == ("Invitation.eml", "message/rfc822")
    view = email_view.read_email(held.data)
    assert (view.subject, view.sender, view.recipients) == (
        "Invitation",
        "HR <hr@employer.example>",
        "Ada <ada@example.org>",
    )
    assert view.sent_at == sent and view.body == "Please attend on Friday."
    assert [(a.name, a.kind, a.size) for a in view.attachments] == [("policy.pdf", "application/pdf", 15)]
    [(_listed, decoded)], _cut = email_view.attachment_data(held.data)
    assert decoded == b"%PDF-1.4 policy"


def test_an_eml_composed_from_a_message_cannot_carry_injected_headers() -> None:
    message = MsgMessage(subject="Hi\r\nBcc: spy@example.org", sender="a\nX-Evil: 1", body="b")
    data = as_eml(message, NOW)
    headers = data.split(b"\n\n", 1)[0]
    assert b"\nBcc:" not in headers and b"\nX-Evil:" not in headers
    assert parse_email(data, NOW).subject == "Hi Bcc: spy@example.org"


def test_what_was_left_out_is_said() -> None:
    rtf = msg_writer.write_msg(Message(subject="s", extra_streams={"__substg1.0_10090102": b"LZFu...."}))
    assert RTF_ONLY in read_email_file("r.msg", rtf, NOW).notes
    many = _eml(*((f"{n}.pdf", b"x") for n in range(email_view.MAX_ATTACHMENTS + 5)))
    found = read_email_file("many.eml", many, NOW)
    assert len(found.contained) == email_view.MAX_ATTACHMENTS and ATTACHMENTS_CUT in found.notes
    ticks = itertools.count()
    slow = read_email_file(
        "slow.eml", _eml(*((f"{n}.pdf", b"x") for n in range(9))), NOW, clock=lambda: float(next(ticks))
    )
    assert len(slow.contained) < 9 and TIME_CUT in slow.notes


def test_the_preview_and_the_search_read_a_msg_as_the_import_does() -> None:
    data = (FILES / "unicode.msg").read_bytes()
    view = preview_msg(data)
    assert view.subject == "Test for TIF files" and view.sent_at is not None
    assert [a.name for a in view.attachments] == ["import OleFileIO.tif", "raised value error.tif"]
    assert searchable_text("tif.msg", data) == read_email_file("tif.msg", data, NOW).body
    assert searchable_text("cut.msg", data[:2048]) == ""
    assert preview_msg(data[:2048]).notes == ("The message is damaged or is not an Outlook message.",)


# ---- the bound, over generated hostile input --------------------------------------------------

MAX_MEMORY = 256 << 20
MAX_SECONDS = 5.0
SEED_MSG = (FILES / "strangeDate.msg").read_bytes()


def _within_the_bound(name: str, data: bytes) -> None:
    """Read `data` as an import does: only the project's own error, under 256 MiB of Python
    allocations and 5 s."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        read_email_file(name, data, NOW)
    except EmailRefusedError as err:
        assert err.message and "\n" not in err.message
    finally:
        elapsed = time.monotonic() - started
        _size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < MAX_MEMORY, f"{peak >> 20} MiB"
    assert elapsed < MAX_SECONDS, f"{elapsed:.1f} s"


@st.composite
def _mutated_msg(draw: st.DrawFn) -> bytes:
    """A real .msg with fields overwritten where the container keeps its numbers (header, FAT,
    directory), bytes flipped anywhere, or cut short."""
    data = bytearray(SEED_MSG)
    for _ in range(draw(st.integers(1, 8))):
        place = draw(st.one_of(st.integers(0, 511), st.integers(0, len(data) - 4)))
        value = (
            draw(st.sampled_from([0, 1, 0x7FFFFFFF, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD]))
            if draw(st.booleans())
            else draw(st.integers(0, 2**32 - 1))
        )
        data[place : place + 4] = value.to_bytes(4, "little")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


_names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def _built_msg(draw: st.DrawFn) -> bytes:
    """A well-formed container holding a hostile message: names with paths, bidi and control
    characters, messages nested in messages, many attachments, chains that loop or lie."""
    inner = Message(subject=draw(_names), body=draw(_names))
    for _ in range(draw(st.integers(0, 12))):
        inner = Message(subject=draw(_names), attachments=[Attachment(draw(_names) or "x", embedded=inner)])
    count = draw(st.integers(0, 30))
    attachments = [Attachment(draw(_names), draw(st.binary(max_size=5000))) for _ in range(count)]
    message = Message(
        subject=draw(_names),
        sender_name=draw(_names),
        body=draw(st.one_of(st.none(), _names)),
        html=draw(st.one_of(st.none(), st.binary(max_size=2000))),
        attachments=[*attachments, Attachment("inner.msg", embedded=inner)],
        unicode=draw(st.booleans()),
    )
    knobs: dict[str, Any] = {}
    if count and draw(st.booleans()):
        path = f"__attach_version1.0_#{draw(st.integers(0, count - 1)):08X}/__substg1.0_37010102"
        if draw(st.booleans()):
            knobs["loop_stream"] = path
        knobs["lie_size"] = {path: draw(st.integers(0, 2**32 - 2))}
    try:
        return msg_writer.write_msg(message, **knobs)
    except (ValueError, KeyError):  # a name the writer cannot write, a knob on an empty stream
        return msg_writer.write_msg(Message(subject="fallback"))


_header_line = st.sampled_from(
    [
        b"Subject: " + b"=?utf-8?b?QUJD?= " * 2000,
        b"From: " + b"(" * 5000,
        b"To: " + b"a@b, " * 5000,
        b"Content-Type: multipart/mixed; boundary=x",
        b"Content-Transfer-Encoding: base64",
        b"Date: " + b"9" * 300,
    ]
)


@st.composite
def _hostile_eml(draw: st.DrawFn) -> bytes:
    """Header blocks built to cost (encoded words, comments, addresses), deep multiparts, many
    parts, and random bytes."""
    headers = b"\r\n".join(draw(st.lists(_header_line, max_size=6)))
    depth = draw(st.integers(0, 300))
    nested = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (n, n) for n in range(depth)
    )
    parts = b"--x\r\nContent-Disposition: attachment; filename=a\r\n\r\nAAAA\r\n" * draw(st.integers(0, 500))
    return headers + b"\r\n\r\n" + nested + parts + draw(st.binary(max_size=2000))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=st.one_of(_mutated_msg(), _built_msg()))
def test_a_hostile_msg_stays_within_the_bound(data: bytes) -> None:
    _within_the_bound("hostile.msg", data)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=_hostile_eml())
def test_a_hostile_eml_stays_within_the_bound(data: bytes) -> None:
    _within_the_bound("hostile.eml", data)
