"""The preview pane's email view (issue 18): an .eml shows From, To, Cc, Date and Subject, the body
as text and the attachments, never its raw RFC 822 text; and nothing it names is ever fetched,
checked against a real HTTP server on this machine that counts every request it gets."""

from __future__ import annotations

import http.client
import io
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTreeWidget
from pytestqt.qtbot import QtBot

from casevault.casework.email_view import FROM_HTML
from casevault.gui.case_list_model import local_datetime_text
from casevault.gui.documents import DocumentsPanel
from casevault.gui.preview import EmailPane, PreviewPane, prepare
from casevault.vault.facade import Vault
from tests.gui.conftest import by_name


class _Counting(BaseHTTPRequestHandler):
    paths: list[str]

    def do_GET(self) -> None:
        self.paths.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local web server and the paths it was asked for."""
    asked: list[str] = []
    handler = type("Handler", (_Counting,), {"paths": asked})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", asked
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def message(base: str = "http://127.0.0.1:9") -> bytes:
    mail = EmailMessage()
    mail["From"] = "Renée Example <renee@example.org>"
    mail["To"] = "rep@branch.example"
    mail["Cc"] = "hr@employer.example"
    mail["Subject"] = f'Hearing <img src="{base}/subject.png"> <b>bold</b>'
    mail["Date"] = "Tue, 03 Mar 2026 16:45:00 +0000"
    mail.set_content(
        f'<html><head><link rel="stylesheet" href="{base}/style.css"></head><body>'
        f'<p>The hearing is on <b>Thursday</b>.</p><img src="{base}/pixel.gif">'
        f'<p style="background: url({base}/bg.png)">Bring the rota.</p></body></html>',
        subtype="html",
    )
    mail.add_attachment(
        b"%PDF-1.4\n" + b"x" * 2039, maintype="application", subtype="pdf", filename="invite.pdf"
    )
    return mail.as_bytes()


def test_an_email_shows_its_header_block_body_and_attachments(qtbot: QtBot) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    prepared = prepare("Re hearing.eml", message())
    assert prepared.email is not None and prepared.email.sent_at is not None
    assert pane.show_prepared(prepared) == "email"
    assert pane.currentWidget() is pane.email
    email = pane.email
    assert email.header_rows() == {
        "From": "Renée Example <renee@example.org>",
        "To": "rep@branch.example",
        "Cc": "hr@employer.example",
        "Date": local_datetime_text(prepared.email.sent_at)
        if prepared.email and prepared.email.sent_at
        else "",
        "Subject": 'Hearing <img src="http://127.0.0.1:9/subject.png"> <b>bold</b>',
    }
    body = by_name(pane, "Email body", QPlainTextEdit)
    assert body.isReadOnly()
    assert body.toPlainText() == "The hearing is on Thursday.\n\nBring the rota."
    assert "Content-Type" not in body.toPlainText() and "<p>" not in body.toPlainText()
    assert email.attachment_rows() == [("invite.pdf", pane.locale().formattedDataSize(2048))]
    assert by_name(pane, "Email notes", QLabel).text() == FROM_HTML


def test_every_field_is_plain_text_and_nothing_is_fetched(
    qtbot: QtBot, server: tuple[str, list[str]]
) -> None:
    base, asked = server
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_data("mail.eml", message(base))
    qtbot.wait(500)  # time for any request a widget might make
    assert asked == []
    for label in pane.email.findChildren(QLabel):
        if label.accessibleName().startswith("Email"):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()
    assert "<img" in pane.email.header_rows()["Subject"]  # shown as written, not rendered
    # The server does answer (straight, never through a proxy), so an empty list means nothing
    # asked it.
    probe = http.client.HTTPConnection(base.removeprefix("http://"), timeout=10)
    try:
        probe.request("GET", "/probe")
        assert probe.getresponse().status == 204
    finally:
        probe.close()
    assert asked == ["/probe"]


def test_an_email_without_cc_or_date_hides_cc_and_says_not_dated(qtbot: QtBot) -> None:
    pane = EmailPane()
    qtbot.addWidget(pane)
    data = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: Hi\r\n\r\nJust text.\r\n"
    prepared = prepare("note.eml", data)
    assert prepared.kind == "email" and prepared.email is not None
    pane.show_email(prepared.email)
    rows = pane.header_rows()
    assert rows["Cc"] == "" and rows["Date"] == "Not dated"
    assert by_name(pane, "Email body", QPlainTextEdit).toPlainText() == "Just text."
    assert not by_name(pane, "Email attachments", QTreeWidget).isVisibleTo(pane)


def test_a_message_is_known_by_its_content_whatever_its_name() -> None:
    assert prepare("forwarded.txt", message()).kind == "email"
    assert prepare("notes.txt", b"From: me\nnot a message\n").kind == "text"


def test_the_documents_panel_previews_an_attached_email_as_an_email(qtbot: QtBot, vault: Vault) -> None:
    ref = vault.new_case("Ann Example")
    vault.attach_stream(ref, "hearing.eml", io.BytesIO(message()))
    panel = DocumentsPanel(vault, ref)
    qtbot.addWidget(panel)
    panel.select("hearing.eml")
    with qtbot.waitSignal(panel.previewed, timeout=10_000) as shown:
        panel.preview_selected()
    assert shown.args == ["email"]
    assert panel.preview.email.header_rows()["From"] == "Renée Example <renee@example.org>"
    assert panel.preview.email.attachment_rows()[0][0] == "invite.pdf"
    panel.clear()  # a lock drops every field shown
    assert panel.preview.email.header_rows()["From"] == ""
    assert by_name(panel, "Email body", QPlainTextEdit).toPlainText() == ""


def test_a_hostile_email_is_previewed_on_a_worker_without_fetching(
    qtbot: QtBot, vault: Vault, server: tuple[str, list[str]]
) -> None:
    """A 10 MB subject of encoded words, 50,000 nested multiparts, a bad charset and remote
    pictures: the preview comes back (from the worker thread), says what it left out, and asks
    nothing of the network."""
    base, asked = server
    nesting = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (i, i) for i in range(50_000)
    )
    # Headers past the first 256 KiB are not read (the block is cut short, and says so): the
    # Content-Type comes before the giant Subject, as it may in any order.
    data = (
        b"From: HR <hr@employer.example>\r\nDate: Wed, 11 Mar 2026 10:00:00 +0000\r\n"
        b"Content-Type: multipart/alternative; boundary=alt\r\nSubject: "
        + b" ".join([b"=?utf-8?q?a?="] * 800_000)
        + b"\r\n\r\n--alt\r\n"
        + b"Content-Type: text/html; charset=x-\xff-nonsense\r\n\r\n"
        + f'<img src="{base}/a.png"><p>The appeal is on Monday.</p><link href="{base}/b.css">\r\n'.encode()
        + b"--alt\r\n"
        + nesting
    )
    ref = vault.new_case("Ada Member")
    vault.attach_stream(ref, "hostile.eml", io.BytesIO(data))
    panel = DocumentsPanel(vault, ref)
    qtbot.addWidget(panel)
    panel.show()
    panel.select("hostile.eml")
    with qtbot.waitSignal(panel.previewed, timeout=60_000) as shown:
        panel.preview_selected()
    assert shown.args == ["email"]
    assert by_name(panel, "Email body", QPlainTextEdit).toPlainText() == "The appeal is on Monday."
    notes = by_name(panel, "Email notes", QLabel).text()
    assert "too long to read in full" in notes and "too many parts" in notes and "HTML" in notes
    qtbot.wait(300)
    assert asked == []
