"""Issue 5 on the case page, driven by accessible name: editing entries (versions and history),
the written follow-up to oral advice, the "look it up" hint, management contact terms, the Review
tab, the originals register, and emails dropped on Documents entering the paper trail."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from casevault.casework import reminders as engine
from casevault.core.model import Event
from casevault.gui import translations
from casevault.gui.app import App
from casevault.gui.case_page import PAPER_TRAIL, CasePage
from casevault.gui.documents import DocumentsPanel
from casevault.gui.originals_panel import OriginalsPanel
from casevault.gui.paper_trail import PaperTrail
from casevault.gui.review_view import ReviewView
from casevault.vault.facade import Vault
from tests.gui.conftest import by_name
from tests.support.accessibility import unnamed_controls
from tests.support.gui_case_page import ref_of, started

MakeApp = Callable[..., App]

MSG_FILES = Path(__file__).resolve().parents[1] / "formats" / "msg_files"


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def column(tree: QTreeWidget, col: int) -> list[str]:
    return [tree.topLevelItem(r).text(col) for r in range(tree.topLevelItemCount())]  # type: ignore[union-attr]


def trail_column(page: CasePage, col: int) -> list[str]:
    """The paper trail's column, without the conflict check every new case records."""
    tree = by_name(page, "Paper trail", QTreeWidget)
    return [
        tree.topLevelItem(r).text(col)  # type: ignore[union-attr]
        for r in range(tree.topLevelItemCount())
        if not tree.topLevelItem(r).text(1).startswith("Conflict")  # type: ignore[union-attr]
    ]


def entries(vault: Vault, ref: str) -> list[Event]:
    return [e for e in vault.case(ref).events if e.kind != "conflict-check"]


def setup(qtbot: QtBot, make_app: MakeApp) -> tuple[Vault, str, CasePage]:
    app, window, page = started(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    return vault, ref_of(app), page


def add_entry(qtbot: QtBot, page: CasePage, kind: str, text: str) -> None:
    page.tabs.setCurrentIndex(PAPER_TRAIL)
    combo = by_name(page, "Entry kind", QComboBox)
    combo.setCurrentIndex(combo.findData(kind))
    by_name(page, "Entry text", QPlainTextEdit).setPlainText(text)
    click(qtbot, by_name(page, "Add entry", QPushButton))


def tab(page: CasePage, kind: type) -> int:
    return next(i for i in range(page.tabs.count()) if isinstance(page.tabs.widget(i), kind))


def test_an_entry_is_edited_as_a_new_version_and_its_history_shown(qtbot: QtBot, make_app: MakeApp) -> None:
    vault, ref, page = setup(qtbot, make_app)
    add_entry(qtbot, page, "call", "Rang HR: hearing on Friday.")
    trail = page.paper_trail
    assert not by_name(page, "Edit entry", QPushButton).isEnabled()
    (call,) = entries(vault, ref)
    trail.select_entry(call.id)
    click(qtbot, by_name(page, "Edit entry", QPushButton))
    dialog = trail.edit_dialog
    assert dialog is not None and dialog.isVisible()
    assert unnamed_controls(dialog) == []
    assert by_name(dialog, "New text", QPlainTextEdit).toPlainText() == "Rang HR: hearing on Friday."
    by_name(dialog, "New text", QPlainTextEdit).setPlainText("Rang HR: hearing on Thursday.")
    click(qtbot, by_name(dialog, "Save new version", QPushButton))
    assert trail_column(page, 2) == ["Rang HR: hearing on Thursday."]
    assert trail_column(page, 1) == ["Phone call (edited)"]
    (event,) = entries(vault, ref)
    assert [v.body for v in vault.note_versions(event.id)] == [
        "Rang HR: hearing on Friday.",
        "Rang HR: hearing on Thursday.",
    ]

    trail.select_entry(event.id)
    click(qtbot, by_name(page, "Entry history", QPushButton))
    history = trail.history_dialog
    assert history is not None and history.isVisible()
    assert unnamed_controls(history) == []
    versions = by_name(history, "Versions", QTreeWidget)
    assert column(versions, 0) == ["Original", "Version 2"]
    assert column(versions, 2) == ["Rang HR: hearing on Friday.", "Rang HR: hearing on Thursday."]
    click(qtbot, by_name(history, "Close", QPushButton))
    assert trail.history_dialog is None


def test_oral_advice_asks_about_a_written_follow_up_yes(qtbot: QtBot, make_app: MakeApp) -> None:
    vault, ref, page = setup(qtbot, make_app)
    add_entry(qtbot, page, "advice", "Advised to appeal within 5 days.")
    question = page.paper_trail.follow_up_question
    assert question is not None and question.isVisible()
    assert unnamed_controls(question) == []
    click(qtbot, by_name(question, "Yes", QPushButton))
    kinds = [e.kind for e in entries(vault, ref)]
    assert kinds == ["advice", "advice-written"]
    advice, written = entries(vault, ref)
    assert written.occurred_at == advice.occurred_at
    assert vault.reminders(advice.occurred_at + timedelta(days=8)) == []


def test_oral_advice_without_a_follow_up_leaves_a_reminder(qtbot: QtBot, make_app: MakeApp) -> None:
    vault, ref, page = setup(qtbot, make_app)
    add_entry(qtbot, page, "advice", "Advised to appeal within 5 days.")
    question = page.paper_trail.follow_up_question
    assert question is not None
    click(qtbot, by_name(question, "No", QPushButton))
    assert "reminder" in by_name(page, "Paper trail status", QLabel).text()
    (advice,) = entries(vault, ref)
    due = vault.reminders(advice.occurred_at + timedelta(days=8))
    assert [r.kind for r in due] == [engine.ADVICE_FOLLOW_UP]


def test_the_hint_and_the_terms_follow_the_kind(qtbot: QtBot, make_app: MakeApp) -> None:
    _vault, _ref, page = setup(qtbot, make_app)
    page.tabs.setCurrentIndex(PAPER_TRAIL)
    combo = by_name(page, "Entry kind", QComboBox)
    hint = by_name(page, "Advice hint", QLabel)
    terms = by_name(page, "Terms of the conversation", QComboBox)
    seen = {}
    for kind in ("note", "advice", "advice-written", "management"):
        combo.setCurrentIndex(combo.findData(kind))
        seen[kind] = (hint.isVisible(), terms.isVisible())
    assert seen == {
        "note": (False, False),
        "advice": (True, False),
        "advice-written": (True, False),
        "management": (False, True),
    }
    assert "Look it up before advising" in hint.text()
    assert combo.findData("email") == -1  # emails come in through Documents


def test_an_off_the_record_contact_needs_consent(qtbot: QtBot, make_app: MakeApp) -> None:
    vault, ref, page = setup(qtbot, make_app)
    page.tabs.setCurrentIndex(PAPER_TRAIL)
    combo = by_name(page, "Entry kind", QComboBox)
    combo.setCurrentIndex(combo.findData("management"))
    terms = by_name(page, "Terms of the conversation", QComboBox)
    terms.setCurrentIndex(terms.findData("off-the-record"))
    text = by_name(page, "Entry text", QPlainTextEdit)
    text.setPlainText("HR asked for an off the record chat about a settlement.")
    click(qtbot, by_name(page, "Add entry", QPushButton))
    assert "consent" in by_name(page, "Paper trail status", QLabel).text()
    assert text.toPlainText() == "HR asked for an off the record chat about a settlement."
    assert entries(vault, ref) == []

    vault.give_consent(ref, "off-the-record")
    click(qtbot, by_name(page, "Add entry", QPushButton))
    (event,) = entries(vault, ref)
    assert (event.kind, event.terms) == ("management", "off-the-record")
    assert trail_column(page, 1) == ["Contact with management, Off the record"]


@pytest.fixture
def english() -> Iterator[None]:
    """The built English translation, for its plural forms ("1 issue has", "2 issues have")."""
    assert translations.install("en_GB") == "en_GB"
    yield
    translations.uninstall()


def test_the_review_tab_shows_issues_and_action_points(
    qtbot: QtBot, make_app: MakeApp, english: None
) -> None:
    vault, ref, page = setup(qtbot, make_app)
    now = vault.case(ref).summary.opened_at
    vault.save_first_meeting(ref, vault.first_meeting(ref).__class__(issues=("Unfair warning",)))
    vault.add_action_point(ref, "Request the rota history", due_at=now - timedelta(days=1))
    vault.add_action_point(ref, "Write to HR", due_at=now + timedelta(days=3))
    done = vault.add_action_point(ref, "Book a room")
    vault.set_action_done(done)
    page.tabs.setCurrentIndex(tab(page, ReviewView))
    rows = by_name(page, "Issues and action points", QTreeWidget)
    assert column(rows, 1) == ["Unfair warning", "Request the rota history", "Write to HR", "Book a room"]
    statuses = column(rows, 2)
    assert statuses[0] == "Not covered yet"
    assert statuses[1].startswith("Overdue")
    assert statuses[2].startswith("Due on")
    assert statuses[3] == "Done"
    assert by_name(page, "Review summary", QLabel).text() == (
        "No issue has anything recorded against it yet: have we covered all the issues?\n"
        "2 of 3 action points open, 1 overdue"
    )
    assert unnamed_controls(page) == []


def test_the_review_tab_flags_an_issue_with_nothing_recorded_against_it(
    qtbot: QtBot, make_app: MakeApp, english: None
) -> None:
    vault, ref, page = setup(qtbot, make_app)
    now = vault.now()
    held = now - timedelta(days=7)
    meeting = vault.first_meeting(ref).__class__(
        held_at=held, issues=("Unfair warning", "Rota changes", "Unpaid overtime")
    )
    vault.save_first_meeting(ref, meeting)
    vault.add_note(ref, "Member: the warning was unfair.", occurred_at=held - timedelta(days=1))
    vault.add_note(
        ref, "Wrote to HR: the warnings were unfair.\nCopy kept.", occurred_at=held + timedelta(days=1)
    )
    vault.add_action_point(ref, "Appeal the unfair warning")
    vault.add_action_point(ref, "Get the rota changes in writing")
    page.tabs.setCurrentIndex(tab(page, ReviewView))
    rows = by_name(page, "Issues and action points", QTreeWidget)
    warning, rota, overtime = (rows.topLevelItem(i) for i in range(3))
    assert warning is not None and rota is not None and overtime is not None
    assert warning.text(2).startswith("Covered by 1 entry and 1 action point, latest ")
    assert rota.text(2).startswith("Covered by 1 action point, latest ")
    assert overtime.text(2) == "Not covered yet"
    # the flag is more than words: an icon, and no icon on a covered issue
    assert not overtime.icon(2).isNull()
    assert warning.icon(2).isNull() and rota.icon(2).isNull()
    # what was found, latest first, so the rep can judge it; the entry before the meeting is not there
    found = [(warning.child(i).text(0), warning.child(i).text(1)) for i in range(warning.childCount())]  # type: ignore[union-attr]
    assert found == [
        ("Action point", "Appeal the unfair warning"),
        ("Paper-trail entry", "Wrote to HR: the warnings were unfair."),
    ]
    assert overtime.childCount() == 0
    assert warning.toolTip(1) == "Looked for by all of these words: unfair, warning"
    assert by_name(page, "Review summary", QLabel).text() == (
        "1 of 3 issues has nothing recorded against it: have we covered all the issues?\n"
        "2 of 2 action points open"
    )

    vault.add_note(ref, "Claimed the unpaid overtime.")
    view = page.tabs.widget(tab(page, ReviewView))
    assert isinstance(view, ReviewView)
    view.reload()
    assert (
        by_name(page, "Review summary", QLabel)
        .text()
        .startswith("Every issue has something recorded against it.")
    )
    assert unnamed_controls(page) == []


def test_the_originals_register_adds_and_returns(qtbot: QtBot, make_app: MakeApp) -> None:
    vault, ref, page = setup(qtbot, make_app)
    page.tabs.setCurrentIndex(tab(page, OriginalsPanel))
    panel = page.originals
    assert unnamed_controls(page) == []
    click(qtbot, by_name(page, "Add original", QPushButton))
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert unnamed_controls(dialog) == []
    click(qtbot, by_name(dialog, "Save", QPushButton))  # no description yet
    assert "empty" in by_name(dialog, "Problem", QLabel).text()
    by_name(dialog, "Description", QLineEdit).setText("Signed contract (original)")
    by_name(dialog, "Where kept", QLineEdit).setText("Locked drawer")
    click(qtbot, by_name(dialog, "Save", QPushButton))
    register = by_name(page, "Originals register", QTreeWidget)
    assert column(register, 0) == ["Signed contract (original)"]
    assert column(register, 3) == ["Not returned"]
    assert vault.originals_outstanding(ref)

    assert not by_name(page, "Mark returned", QPushButton).isEnabled()
    panel.select("Signed contract (original)")
    click(qtbot, by_name(page, "Mark returned", QPushButton))
    dialog = panel.dialog
    assert dialog is not None
    assert unnamed_controls(dialog) == []
    by_name(dialog, "How returned", QLineEdit).setText("By hand")
    click(qtbot, by_name(dialog, "Save", QPushButton))
    assert column(register, 3)[0].endswith("By hand")
    assert not vault.originals_outstanding(ref)


def _drop(*paths: Path) -> tuple[QMimeData, QDragEnterEvent, QDropEvent]:
    """The events of dropping `paths`; the caller keeps the QMimeData alive (the events do not)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter, drop = (
        kind(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        for kind in (QDragEnterEvent, QDropEvent)
    )
    return mime, enter, drop


def test_an_outlook_msg_dropped_on_documents_files_its_entry_and_its_attachments(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    """Issue 21: a .msg was stored as an opaque document. Now it is read off the GUI thread, as
    an .eml is, and each document it held is encrypted in turn, before the next file dropped."""
    ref = vault.new_case("Ada Member")
    source = tmp_path / "from-outlook.msg"
    source.write_bytes((MSG_FILES / "unicode.msg").read_bytes())
    plain = tmp_path / "notes.txt"
    plain.write_bytes(b"notes")
    panel = DocumentsPanel(vault, ref)
    qtbot.addWidget(panel)
    panel.show()
    _mime, enter, drop = _drop(source, plain)
    QApplication.sendEvent(panel, enter)
    with qtbot.waitSignal(panel.email_added, timeout=30_000):
        QApplication.sendEvent(panel, drop)
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    QThreadPool.globalInstance().waitForDone(30_000)
    held = ["import OleFileIO.tif", "raised value error.tif"]
    assert sorted(a.name for a in vault.case(ref).attachments) == sorted(
        ["from-outlook.msg", *held, "notes.txt"]
    )
    for attachment in (a for a in vault.case(ref).attachments if a.name in held):
        assert vault.read_attachment(attachment.id) == (MSG_FILES / attachment.name).read_bytes()
    (event,) = entries(vault, ref)
    assert event.kind == "email" and "Subject: Test for TIF files" in event.body
    assert "Attachments: import OleFileIO.tif, raised value error.tif" in event.body


def test_an_email_dropped_on_documents_enters_the_paper_trail(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    ref = vault.new_case("Ada Member")
    source = tmp_path / "from-hr.eml"
    source.write_bytes(
        b"From: HR <hr@employer.example>\r\nTo: rep@union.example\r\nSubject: Your appeal\r\n"
        b"Date: Wed, 11 Mar 2026 10:00:00 +0000\r\n\r\nThe appeal is on Monday.\r\n"
    )
    plain = tmp_path / "notes.txt"
    plain.write_bytes(b"notes")
    panel = DocumentsPanel(vault, ref)
    qtbot.addWidget(panel)
    panel.show()
    _mime, enter, drop = _drop(source, plain)
    QApplication.sendEvent(panel, enter)
    with qtbot.waitSignal(panel.email_added, timeout=30_000):
        QApplication.sendEvent(panel, drop)
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)
    assert "paper trail" in by_name(panel, "Documents message", QLabel).text()
    QThreadPool.globalInstance().waitForDone(30_000)
    assert sorted(panel.names()) == ["from-hr.eml", "notes.txt"]
    (event,) = entries(vault, ref)
    assert event.kind == "email"
    assert "Subject: Your appeal" in event.body
    eml = next(a for a in vault.case(ref).attachments if a.name == "from-hr.eml")
    assert vault.read_attachment(eml.id) == source.read_bytes()

    trail = PaperTrail(vault, ref)
    qtbot.addWidget(trail)
    assert "Email" in column(trail.entries, 1)
