"""An email as the documents preview shows it (issue 18): the header block, the body as text (an
HTML body turned into text, nothing fetched), the attachments by name and size, and hostile
messages that must neither hang, nor crash, nor grow without bound."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tracemalloc
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casevault.casework.email_import import MAX_FIELD_CHARS, SUBJECT_CUT
from casevault.casework.email_view import (
    BODY_CUT,
    FROM_HTML,
    MAX_ATTACHMENTS,
    MAX_BODY_CHARS,
    NO_BODY,
    PARTS_CUT,
    EmailView,
    body_text,
    html_text,
    is_email,
    looks_like_email,
    read_email,
)

MiB = 1 << 20
HEAD = b"From: Member <member@example.org>\r\nDate: Mon, 2 Mar 2026 08:00:00 +0000\r\n"


def built() -> bytes:
    """A message as a mail client writes it: plain and HTML alternatives, and two attachments."""
    message = EmailMessage()
    message["From"] = "Renée Example <renee@example.org>"
    message["To"] = "rep@branch.example"
    message["Cc"] = "hr@employer.example, Line Manager <lm@employer.example>"
    message["Subject"] = "Hearing on Thursday \N{EN DASH} notes"
    message["Date"] = "Tue, 03 Mar 2026 16:45:00 +0100"
    message.set_content("Dear rep,\n\nThe hearing is at 10:00 in Room 4.\nCafé afterwards?\n")
    message.add_alternative("<p>Dear rep,</p><p>The hearing is at <b>10:00</b>.</p>", subtype="html")
    message.add_attachment(
        b"%PDF-1.4\n" + b"x" * 5000, maintype="application", subtype="pdf", filename="invite.pdf"
    )
    message.add_attachment(
        b"\x89PNG" + bytes(range(256)) * 4, maintype="image", subtype="png", filename="rota é.png"
    )
    return message.as_bytes()


def test_a_client_written_message_shows_headers_plain_body_and_attachments() -> None:
    view = read_email(built())
    assert view.sender == "Renée Example <renee@example.org>"
    assert view.recipients == "rep@branch.example"
    assert view.copied == "hr@employer.example, Line Manager <lm@employer.example>"
    assert view.subject == "Hearing on Thursday \N{EN DASH} notes"
    assert view.sent_at == datetime(2026, 3, 3, 15, 45, tzinfo=UTC)
    assert view.body == "Dear rep,\n\nThe hearing is at 10:00 in Room 4.\nCafé afterwards?"
    assert not view.from_html
    assert body_text(built()) == view.body
    assert [(a.name, a.kind, a.size) for a in view.attachments] == [
        ("invite.pdf", "application/pdf", 5009),
        ("rota é.png", "image/png", 1028),
    ]
    assert view.notes == ()


def test_the_raw_headers_never_reach_the_body() -> None:
    view = read_email(built())
    for raw in ("Content-Type", "MIME-Version", "boundary", "base64", "From:", "<p>"):
        assert raw not in view.body


def test_quoted_printable_latin1_and_a_missing_date() -> None:
    data = (
        b"From: a@example.org\r\nTo: b@example.org\r\nSubject: Hi\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"Caf=E9 at nine, a long line that wraps=\r\n here.\r\n"
    )
    view = read_email(data)
    assert view.body == "Café at nine, a long line that wraps here."
    assert view.sent_at is None and view.copied == ""


def test_an_html_only_message_is_shown_as_text_and_says_nothing_was_loaded() -> None:
    markup = (
        "<html><head><title>Newsletter</title><style>p { color: red }</style>"
        '<link rel="stylesheet" href="http://tracker.example/s.css"></head><body>'
        '<p>Hello&nbsp;<b>there</b> &amp; welcome</p><img src="http://tracker.example/pixel.gif" alt="x">'
        "<script>fetch('http://tracker.example/')</script><ul><li>one<li>two</ul>"
        "<table><tr><td>Date</td><td>10 March</td></tr></table>"
        '<a href="https://x.example/">a link</a></body></html>'
    )
    data = HEAD + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + markup.encode()
    view = read_email(data)
    assert view.from_html and FROM_HTML in view.notes
    assert view.body == "Hello there & welcome\n\n• one\n• two\n\nDate 10 March\n\na link"
    assert "tracker.example" not in view.body and "http" not in view.body and "color" not in view.body


def test_file_names_in_rfc_2231_and_rfc_2047_and_a_nameless_part() -> None:
    data = HEAD + (
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
        b"--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment;\r\n"
        b" filename*0*=utf-8''r%C3%A9sum; filename*1*=%C3%A9.pdf\r\n\r\nabc\r\n"
        b'--b\r\nContent-Type: application/msword; name="=?utf-8?b?bGV0dHJlIMOpLmRvYw==?="\r\n\r\nabcd\r\n'
        b"--b\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/\r\n4AAQ\r\n"
        b"--b--\r\n"
    )
    view = read_email(data)
    assert view.body == "See attached."
    assert [(a.name, a.kind, a.size) for a in view.attachments] == [
        ("résumé.pdf", "application/pdf", 3),
        ("lettre é.doc", "application/msword", 4),
        ("", "image/jpeg", 6),
    ]


def test_what_is_an_email() -> None:
    assert is_email("Re: hearing.EML", b"anything")
    assert looks_like_email(built())
    assert is_email("message.txt", built())  # by its content, whatever its name
    assert not looks_like_email(b"From: someone\nTo: you\n\nnot dated, so not a message")
    assert not looks_like_email(b"%PDF-1.4 From: a\r\nDate: b\r\n\r\n")
    assert not looks_like_email(b"Dear rep,\nFrom: me\nDate: today\n\n")
    assert not looks_like_email(b"From: a\r\nDate: Mon, 2 Mar 2026\r\n" + b"X: y\r\n" * 100_000)


def test_html_text_keeps_text_that_only_looks_like_markup() -> None:
    assert html_text("a < b and c > d") == "a < b and c > d"
    assert html_text("x <3 y &lt;tag&gt;") == "x <3 y <tag>"
    assert (
        html_text("<p>kept</p><!-- a comment --><p>too</p>") == "kept\n\ntoo"
    )  # paragraphs stand apart, as a browser shows them
    assert html_text("before<div unclosed") == "before"
    assert html_text("<SCRIPT>alert(1)</Script >after") == "after"


# ---- hostile messages --------------------------------------------------------------------------


def nested(levels: int) -> bytes:
    parts = [HEAD]
    parts += [b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i) for i in range(levels)]
    parts.append(b"Content-Type: text/plain\r\n\r\ndeep inside\r\n")
    return b"".join(parts)


def multipart(body: bytes, boundary: bytes = b"x") -> bytes:
    return HEAD + b"Content-Type: multipart/mixed; boundary=" + boundary + b"\r\n\r\n" + body


HOSTILE: dict[str, bytes] = {
    "100,000 nested multiparts": nested(100_000),
    "300,000 parts": multipart(b"--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n" * 300_000 + b"--x--\r\n"),
    "a million near-miss boundaries": multipart(b"--xy\r\n" * 1_000_000),
    "a boundary line that never ends": multipart(b"--x" + b"a" * (16 * MiB)),
    "a 16 MiB subject": HEAD + b"Subject: " + b"=?utf-8?q?a?= " * (MiB + MiB // 5) + b"\r\n\r\nbody",
    "punycode body": HEAD
    + b"Content-Type: text/plain; charset=punycode\r\n\r\n"
    + b"a" * (4 * MiB)
    + b"-"
    + b"z" * 9999,
    "a charset that is a bytes codec": HEAD + b"Content-Type: text/plain; charset=hex\r\n\r\nzz",
    "an unknown charset": HEAD + b'Content-Type: text/plain; charset="x-\xff\xfe"\r\n\r\n\xff\xfe body',
    "base64 of nothing but noise": HEAD + b"Content-Transfer-Encoding: base64\r\n\r\n" + b"@!=" * MiB,
    "many parameters": HEAD + b"Content-Type: text/plain; " + b"name*7*=%ff;" * 5000 + b"\r\n\r\nhi",
    "unclosed tags": HEAD + b"Content-Type: text/html\r\n\r\n" + b"<a" * (2 * MiB),
    "unclosed comments": HEAD + b"Content-Type: text/html\r\n\r\n" + b"<!--" * MiB,
    "lone brackets": HEAD + b"Content-Type: text/html\r\n\r\n" + b"<" * (4 * MiB) + b">",
    "a script never closed": HEAD + b"Content-Type: text/html\r\n\r\nshown<script>" + b"x" * MiB,
    "remote image": HEAD + b'Content-Type: text/html\r\n\r\n<img src="http://127.0.0.1:9/x.png">Hi',
    "many attachments": multipart(
        b"--x\r\nContent-Type: image/png; name=a.png\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n"
        * 150
        + b"--x--\r\n"
    ),
}


def assert_sound(view: EmailView) -> None:
    for field in (view.sender, view.recipients, view.copied, view.subject):
        assert len(field) <= MAX_FIELD_CHARS and "\n" not in field and "\r" not in field
    assert len(view.body) <= MAX_BODY_CHARS
    assert "\r" not in view.body and "\x00" not in view.body
    view.body.encode("utf-8")  # no lone surrogates
    assert len(view.attachments) <= MAX_ATTACHMENTS
    for attachment in view.attachments:
        assert len(attachment.name) <= MAX_FIELD_CHARS and attachment.size >= 0


@pytest.mark.parametrize("shape", list(HOSTILE))
def test_hostile_messages_stay_bounded_and_never_raise(shape: str) -> None:
    data = HOSTILE[shape]
    tracemalloc.start()
    try:
        view = read_email(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * len(data) + 32 * MiB, f"{shape}: {peak / MiB:.0f} MiB"
    assert_sound(view)


def test_what_hostile_messages_show() -> None:
    deep = read_email(HOSTILE["100,000 nested multiparts"])
    assert PARTS_CUT in deep.notes and NO_BODY in deep.notes
    assert PARTS_CUT in read_email(HOSTILE["300,000 parts"]).notes
    assert read_email(HOSTILE["300,000 parts"]).body == "hi"
    giant = read_email(HOSTILE["a 16 MiB subject"])
    assert SUBJECT_CUT in giant.notes and PARTS_CUT in giant.notes
    assert giant.body == "body"  # found after the blank line, the headers past 256 KiB unread
    punycode = read_email(HOSTILE["punycode body"])
    assert punycode.body.startswith("aaaa") and BODY_CUT in punycode.notes
    assert read_email(HOSTILE["a charset that is a bytes codec"]).body == "zz"
    assert read_email(HOSTILE["a script never closed"]).body == "shown"
    remote = read_email(HOSTILE["remote image"])
    assert remote.body == "Hi" and FROM_HTML in remote.notes
    many = read_email(HOSTILE["many attachments"])
    assert len(many.attachments) == MAX_ATTACHMENTS and PARTS_CUT in many.notes


def test_every_hostile_message_is_read_quickly_in_a_child_process() -> None:
    """All of them, one after the other, in a child that is killed if it takes minutes: a hang
    fails the test instead of stalling the run (each takes well under a second)."""
    script = textwrap.dedent(
        """
        import sys
        from tests.casework.test_email_view import HOSTILE
        from casevault.casework.email_view import read_email
        for shape, data in HOSTILE.items():
            read_email(data)
            print(shape, flush=True)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == list(HOSTILE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                HEAD,
                b"Content-Type: multipart/mixed; boundary=q\r\n",
                b"Content-Type: text/html; charset=utf-7\r\n",
                b"Content-Transfer-Encoding: base64\r\n",
                b"Content-Transfer-Encoding: quoted-printable\r\n",
                b"Content-Disposition: attachment; filename*=x''%ff\"\r\n",
                b"\r\n",
                b"--q\r\n",
                b"--q--\r\n",
                b"<p>",
                b"<!--",
                b"&#x110000;",
                b"=?utf-8?b?w6k=?=",
                b"=\r\n",
                b"\xff\xfe\x00",
            ]
        )
        | st.binary(max_size=40),
        max_size=40,
    )
)
def test_any_arrangement_of_message_pieces_reads_soundly(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    view = read_email(data)
    assert_sound(view)
    assert body_text(data) == view.body
