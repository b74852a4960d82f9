"""The .msg reader on real Outlook files (from extract-msg's own test suite: msg_files/README.md)
and on hostile ones made by a Compound File writer of the tests' own (tests/support/msg_writer)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest

from casevault.formats.outlook_msg import MAX_OLE_ENTRIES, MsgLimits, MsgRefusedError, is_msg, read_msg
from tests.support import msg_writer
from tests.support.msg_writer import Attachment, Message, Recipient

FILES = Path(__file__).parent / "msg_files"
LIMITS = MsgLimits(max_parts=100, max_depth=8, max_seconds=5.0)


def test_a_message_received_by_outlook_reads_with_its_attachments_byte_for_byte() -> None:
    message = read_msg((FILES / "unicode.msg").read_bytes(), LIMITS)
    assert message.subject == "Test for TIF files"
    assert message.sender == "Brian Zhou <brizhou@gmail.com>"
    assert message.recipients == "brianzhou@me.com"
    assert message.copied == "Brian Zhou <brizhou@gmail.com>"
    # "Date: Mon, 18 Nov 2013 10:26:24 +0200" in the headers Outlook kept: the same instant.
    assert message.sent_at == datetime(2013, 11, 18, 8, 26, 24, tzinfo=UTC)
    assert b"Date: Mon, 18 Nov 2013 10:26:24 +0200" in message.headers
    assert message.body.startswith("This is a test email to experiment with the MS Outlook MSG Extractor")
    assert message.message_id == "<CADtJ4eNjQSkGcBtVteCiTF+YFG89+AcHxK3QZ=-Mt48xygkvdQ@mail.gmail.com>"
    assert message.conversation == "01021a170704432903788667ec3dae49a04d7733109d"
    assert [(a.name, a.kind) for a in message.attachments] == [
        ("import OleFileIO.tif", "image/tiff"),
        ("raised value error.tif", "image/tiff"),
    ]
    for attachment in message.attachments:
        assert attachment.data == (FILES / attachment.name).read_bytes()
    assert message.cut == frozenset()


def test_a_message_never_sent_is_dated_when_it_was_saved() -> None:
    message = read_msg((FILES / "strangeDate.msg").read_bytes(), LIMITS)
    assert message.subject == "MSG Test File"
    assert message.recipients == "time2talk@online-convert.com"
    assert message.sender == ""
    assert message.sent_at == datetime(2016, 2, 23, 14, 57, 50, 904000, tzinfo=UTC)  # PR_CREATION_TIME
    assert message.body.startswith("MSG test file\r\nPurpose: Provide example of this file type")
    assert "John Doe" in message.body
    assert message.attachments == ()


def test_a_written_message_reads_back_whole() -> None:
    sent = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    inner = Message(subject="The original invitation", body="Please attend.", sent_at=sent)
    data = msg_writer.write_msg(
        Message(
            subject="Fwd: hearing",
            sender_name="HR Team",
            sender_address="hr@employer.example",
            recipients=[
                Recipient("Rep", "rep@union.example"),
                Recipient("Branch", "branch@union.example", 2),
            ],
            sent_at=sent,
            body="See the invitation below.",
            message_id="<a1@employer.example>",
            in_reply_to="<a0@employer.example>",
            references="<a-1@employer.example> <a0@employer.example>",
            conversation_index=bytes(range(22)) + b"\x01\x02\x03\x04\x05",
            attachments=[
                Attachment("letter.pdf", b"%PDF-1.4 tiny", "application/pdf"),
                Attachment("big.bin", bytes(range(256)) * 20_000, "application/octet-stream"),
                Attachment("invitation.msg", embedded=inner),
            ],
        )
    )
    message = read_msg(data, LIMITS)
    assert (message.subject, message.sender) == ("Fwd: hearing", "HR Team <hr@employer.example>")
    assert message.recipients == "Rep <rep@union.example>"
    assert message.copied == "Branch <branch@union.example>"
    assert message.sent_at == sent
    assert message.body == "See the invitation below."
    assert (message.message_id, message.in_reply_to) == ("<a1@employer.example>", "<a0@employer.example>")
    assert message.references == ("<a-1@employer.example>", "<a0@employer.example>")
    assert message.conversation == bytes(range(22)).hex()
    pdf, big, forwarded = message.attachments
    assert (pdf.name, pdf.data) == ("letter.pdf", b"%PDF-1.4 tiny")
    assert big.data == bytes(range(256)) * 20_000
    assert forwarded.message is not None
    assert (forwarded.message.subject, forwarded.message.body) == (
        "The original invitation",
        "Please attend.",
    )


def test_an_html_only_message_keeps_its_markup_for_the_text_reader() -> None:
    data = msg_writer.write_msg(Message(subject="s", html=b'<meta charset="utf-8"><p>caf\xc3\xa9</p>'))
    message = read_msg(data, LIMITS)
    assert message.body == ""
    assert "<p>café</p>" in message.html


def test_strings_in_the_messages_code_page_are_decoded() -> None:
    data = msg_writer.write_msg(Message(subject="Réunion", body="déjà vu", unicode=False))
    message = read_msg(data, LIMITS)
    assert (message.subject, message.body) == ("Réunion", "déjà vu")


# ---- hostile files ------------------------------------------------------------------------------


def test_what_is_not_a_compound_file_is_refused_in_one_sentence() -> None:
    assert not is_msg(b"From: a\r\n\r\nbody")
    with pytest.raises(MsgRefusedError, match="not an Outlook message"):
        read_msg(b"From: a\r\n\r\nbody", LIMITS)
    real = (FILES / "strangeDate.msg").read_bytes()
    for cut in (9, 512, 1536, len(real) // 2):
        with pytest.raises(MsgRefusedError):
            read_msg(real[:cut], LIMITS)


def test_a_stream_that_loops_or_lies_about_its_size_is_refused_or_read_within_the_file() -> None:
    message = Message(subject="s", attachments=[Attachment("a.bin", b"x" * 50_000)])
    path = "__attach_version1.0_#00000000/__substg1.0_37010102"
    # A loop alone is never followed (olefile reads the number of sectors the size gives);
    # with a size that sends the reader round it, it is refused.
    assert (
        read_msg(msg_writer.write_msg(message, loop_stream=path), LIMITS).attachments[0].data == b"x" * 50_000
    )
    looped = msg_writer.write_msg(message, loop_stream=path, lie_size={path: 500_000})
    with pytest.raises(MsgRefusedError):
        read_msg(looped, LIMITS)
    for size in (10**9, 2**32 - 2, 60_000):
        lying = msg_writer.write_msg(message, lie_size={path: size})
        with pytest.raises(MsgRefusedError):
            read_msg(lying, LIMITS)


def test_streams_that_together_claim_more_than_the_file_are_refused() -> None:
    """The first attachment's chain loops and says it is 60% of the file, which olefile reads
    (round the loop); with the others, more than the file holds is asked for: refused."""
    message = Message(subject="s", attachments=[Attachment(f"{n}.bin", b"y" * 40_000) for n in range(3)])
    size = len(msg_writer.write_msg(message)) * 6 // 10
    path = "__attach_version1.0_#00000000/__substg1.0_37010102"
    data = msg_writer.write_msg(message, loop_stream=path, lie_size={path: size})
    with pytest.raises(MsgRefusedError, match="claim more data than the file holds"):
        read_msg(data, LIMITS)


def test_too_many_directory_entries_are_refused_before_they_are_all_read() -> None:
    streams = {f"s{n}": b"" for n in range(MAX_OLE_ENTRIES + 10)}
    data = msg_writer.write_cfb(msg_writer.Storage(streams=streams))
    with pytest.raises(MsgRefusedError, match="too many parts"):
        read_msg(data, LIMITS)


def test_messages_nested_past_the_depth_limit_are_cut_not_followed() -> None:
    inner = Message(subject="deepest")
    for depth in range(12):
        inner = Message(subject=f"level {depth}", attachments=[Attachment("inner.msg", embedded=inner)])
    message = read_msg(msg_writer.write_msg(inner), MsgLimits(max_parts=100, max_depth=3, max_seconds=5.0))
    depth = 0
    while message.attachments:
        (attachment,) = message.attachments
        assert attachment.message is not None
        message = attachment.message
        depth += 1
    assert depth == 3
    assert "parts" in message.cut


def test_attachments_past_the_parts_limit_or_the_time_limit_are_cut() -> None:
    message = Message(subject="s", attachments=[Attachment(f"{n}.txt", b"a") for n in range(12)])
    data = msg_writer.write_msg(message)
    found = read_msg(data, MsgLimits(max_parts=5, max_depth=8, max_seconds=5.0))
    assert len(found.attachments) == 5 and "parts" in found.cut
    ticks = itertools.count()
    slow = read_msg(
        data, MsgLimits(max_parts=100, max_depth=8, max_seconds=3.5, clock=lambda: float(next(ticks)))
    )
    assert 0 < len(slow.attachments) < 12 and "time" in slow.cut
