"""The letter dialog (gui/letter_dialog.py) on a real vault and event loop: opened from the case
page with the letter made from the case; the rep's edits filed into the case as a PDF document and
a paper-trail entry (a confirmation of oral advice marks it followed up); another template asks
before it replaces edits; the PDF written only where chosen; the mail draft to the member's
address, after a warning when it is a work one; a hostile template shown as one sentence."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from casevault.gui.documents import DocumentsPanel
from casevault.gui.letter_dialog import LetterDialog
from casevault.store import settings as settings_rows
from casevault.vault.facade import Vault
from casevault.vault.letters import TEMPLATE_PREFIX
from tests.support.gui_case_page import ref_of, started
from tests.support.gui_flows import MEMBER, MakeApp


def _dialog(qtbot: QtBot, vault: Vault, ref: str) -> LetterDialog:
    dialog = LetterDialog(vault, ref)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click(box: QMessageBox | None, text: str) -> None:
    assert box is not None
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def test_the_case_page_opens_it_and_a_filed_letter_reaches_the_case(qtbot: QtBot, make_app: MakeApp) -> None:
    app, _window, page = started(qtbot, make_app)
    vault = app.main_window.vault
    assert vault is not None
    ref = ref_of(app)
    vault.add_note(ref, "Ask for the notes of the investigation meeting.", kind="advice")
    page.letter_button.click()
    dialog = page.letter_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.template.currentData() == "advice-confirmation"
    text = dialog.text.toPlainText()
    assert f"Dear {MEMBER}," in text and "Ask for the notes of the investigation meeting." in text
    assert not dialog.has_typed_input()  # made, not typed: closing would not ask
    dialog.text.setPlainText(text.replace("[Your name]", "Pat Okafor"))
    assert dialog.has_typed_input()
    dialog.file_button.click()
    assert "Filed in the case" in dialog.message.text()
    assert not dialog.has_typed_input()
    detail = vault.case(ref)
    assert [a.name for a in detail.attachments] == ["Confirmation of advice given.pdf"]
    assert vault.read_attachment(detail.attachments[0].id).startswith(b"%PDF-")
    entry = next(e for e in detail.events if e.kind == "advice-written")
    assert "Pat Okafor" in entry.body
    # The page shows it without being reopened: the paper trail and the documents reloaded.
    trail = page.paper_trail.entries
    shown = [trail.topLevelItem(i).text(2) for i in range(trail.topLevelItemCount())]
    assert any("Pat Okafor" in body for body in shown)
    documents = page.documents_widget()
    assert isinstance(documents, DocumentsPanel)
    qtbot.waitUntil(lambda: "Confirmation of advice given.pdf" in documents.names())


def test_another_template_asks_before_replacing_edits(qtbot: QtBot, vault: Vault) -> None:
    ref = vault.new_case("Ana Ruiz")
    dialog = _dialog(qtbot, vault, ref)
    dialog.template.setCurrentIndex(dialog.template.findData("grievance"))
    assert (
        "Formal grievance" in dialog.text.toPlainText() and dialog.question is None
    )  # no edits: no question
    dialog.text.setPlainText("My own words")
    dialog.template.setCurrentIndex(dialog.template.findData("subject-access"))
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    _click(dialog.question, "Keep my letter")
    qtbot.waitUntil(lambda: dialog.question is None)
    assert dialog.template.currentData() == "grievance" and dialog.text.toPlainText() == "My own words"
    dialog.template.setCurrentIndex(dialog.template.findData("subject-access"))
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    _click(dialog.question, "Replace")
    qtbot.waitUntil(lambda: "Subject access request" in dialog.text.toPlainText())


def test_the_pdf_goes_only_where_chosen(qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case("Ana Ruiz")
    dialog = _dialog(qtbot, vault, ref)
    out = tmp_path / "letter.pdf"
    dialog.choose_path = lambda _parent, _title, suggested: str(out) if suggested.endswith(".pdf") else ""
    dialog.confirm_copy = lambda _parent: False
    dialog.pdf_button.click()
    assert not out.exists()  # the rep said no to a copy outside the vault
    dialog.confirm_copy = lambda _parent: True
    dialog.pdf_button.click()
    assert out.read_bytes().startswith(b"%PDF-") and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "not protected by the vault" in dialog.message.text()
    dialog.pdf_button.click()
    assert "never overwrites" in dialog.message.text()
    assert vault.case(ref).attachments == ()  # saving is not filing


def test_the_mail_draft_warns_about_a_work_address(qtbot: QtBot, vault: Vault) -> None:
    ref = vault.new_case("Ana Ruiz", email="ana@council.gov.uk", employer_domain="council.gov.uk")
    dialog = _dialog(qtbot, vault, ref)
    assert dialog.warning.isVisible() and "work email" in dialog.warning.text()
    opened: list[QUrl] = []
    dialog.open_url = opened.append
    dialog.email_button.click()
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    _click(dialog.question, "Cancel")
    qtbot.waitUntil(lambda: dialog.question is None)
    assert opened == []
    dialog.email_button.click()
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    _click(dialog.question, "Open the draft")
    qtbot.waitUntil(lambda: len(opened) == 1)
    url = urlsplit(bytes(opened[0].toEncoded()).decode("ascii"))
    assert (url.scheme, url.path) == ("mailto", "ana@council.gov.uk")
    query = parse_qs(url.query)
    assert query["subject"] == [f"{ref}: Confirmation of advice given"]
    assert "Dear Ana Ruiz," in query["body"][0]


def test_no_address_no_draft_and_a_hostile_template_is_one_sentence(qtbot: QtBot, vault: Vault) -> None:
    ref = vault.new_case("Ana Ruiz")
    with vault.session.db.transaction():
        value = json.dumps({"title": "Grievance letter", "body": "{{ member.__class__ }}"})
        settings_rows.put(vault.session.db, TEMPLATE_PREFIX + "grievance", value)
    dialog = _dialog(qtbot, vault, ref)
    assert dialog.file_button.isEnabled() and not dialog.email_button.isEnabled()  # no address on file
    dialog.template.setCurrentIndex(dialog.template.findData("grievance"))
    assert "cannot use '__class__'" in dialog.message.text()
    assert dialog.text.toPlainText() == "" and not dialog.file_button.isEnabled()
