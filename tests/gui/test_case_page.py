"""The case page, driven by accessible name: open from the list, the first meeting form (saved,
escalation advice, unsaved changes on lock), the paper trail and action points."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.gui.app import App
from casevault.gui.case_page import FIRST_MEETING, PAPER_TRAIL, CasePage
from casevault.gui.documents import DocumentsPanel
from casevault.gui.main_window import MainWindow, Unsaved
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, reopen
from tests.gui.conftest import by_name, window_named
from tests.support.gui_case_page import NARRATIVE, all_text, open_first_case, ref_of, started
from tests.support.gui_flows import add_case, create_vault

MEMBER = "Nguyễn Thị Müller"
MakeApp = Callable[..., App]


def fill_first_meeting(qtbot: QtBot, page: CasePage) -> None:
    page.tabs.setCurrentIndex(FIRST_MEETING)
    new_issue = by_name(page, "New issue", QLineEdit)
    for issue in ("Lateness warning", "Rota changed without consultation"):
        new_issue.setText(issue)
        qtbot.mouseClick(by_name(page, "Add issue", QPushButton), Qt.MouseButton.LeftButton)
    by_name(page, "Narrative agreed", QPlainTextEdit).setPlainText(NARRATIVE)
    by_name(page, "Member's decision (in the member's own words)", QPlainTextEdit).setPlainText(
        "Ich möchte, dass die Gewerkschaft mich vertritt."
    )
    by_name(page, "Original documents received", QLineEdit).setText("Warning letter of 3 March")


def test_open_case_shows_overview_and_back_returns_to_list(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, page = started(qtbot, make_app)
    assert by_name(page, "Member name", QLabel).text() == MEMBER
    assert by_name(page, "Reference", QLabel).text() == ref_of(app)
    assert by_name(page, "Status", QLabel).text() == "Open"
    assert window.windowTitle() == "casevault"  # never the member's name
    qtbot.mouseClick(by_name(page, "Back to cases", QPushButton), Qt.MouseButton.LeftButton)
    assert window.case_page is None
    assert by_name(window, "Case list", QTableView).isVisible()


def test_first_meeting_saved_and_shown_after_lock_and_unlock(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, page = started(qtbot, make_app)
    save = by_name(page, "Save", QPushButton)
    assert not save.isEnabled()
    fill_first_meeting(qtbot, page)
    advice = by_name(page, "Escalation advice", QLabel)
    assert not advice.isVisible()
    by_name(page, "Dismissal threatened?", QCheckBox).setChecked(True)
    assert advice.isVisible()
    assert "escalat" in advice.text()
    assert page.has_unsaved_changes()
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not page.has_unsaved_changes()
    assert not save.isEnabled()

    window.request_lock()
    qtbot.waitUntil(app.unlock_dialog.isVisible)
    dialog = window_named("Unlock casevault")
    by_name(dialog, "Passphrase", QLineEdit).setText(PASSPHRASE)
    qtbot.mouseClick(by_name(dialog, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isVisible)
    page = open_first_case(qtbot, window)
    page.tabs.setCurrentIndex(FIRST_MEETING)
    issues = page.first_meeting.issues
    assert [issues.item(i).text() for i in range(issues.count())] == [
        "Lateness warning",
        "Rota changed without consultation",
    ]
    assert by_name(page, "Narrative agreed", QPlainTextEdit).toPlainText() == NARRATIVE
    assert by_name(page, "Dismissal threatened?", QCheckBox).isChecked()
    assert not by_name(page, "Discrimination alleged?", QCheckBox).isChecked()
    assert by_name(page, "Escalation advice", QLabel).isVisible()
    assert (
        "Gewerkschaft"
        in by_name(page, "Member's decision (in the member's own words)", QPlainTextEdit).toPlainText()
    )
    assert not page.has_unsaved_changes()


def test_remove_issue_and_date_held_are_stored(qtbot: QtBot, make_app: MakeApp) -> None:
    app, _window, page = started(qtbot, make_app)
    fill_first_meeting(qtbot, page)
    issues = page.first_meeting.issues
    issues.setCurrentRow(0)
    qtbot.mouseClick(by_name(page, "Remove issue", QPushButton), Qt.MouseButton.LeftButton)
    held = QDateTime(QDate(2026, 3, 5), QTime(14, 30))
    by_name(page, "Date held", QDateTimeEdit).setDateTime(held)
    assert page.save()
    vault = app.main_window.vault
    assert vault is not None
    stored = vault.first_meeting(ref_of(app))
    assert stored.issues == ("Rota changed without consultation",)
    assert stored.held_at == datetime.fromtimestamp(held.toSecsSinceEpoch(), tz=UTC)


def test_paper_trail_entry_and_action_point_are_stored(qtbot: QtBot, make_app: MakeApp) -> None:
    app, _window, page = started(qtbot, make_app)
    ref = ref_of(app)
    page.tabs.setCurrentIndex(PAPER_TRAIL)
    kind = by_name(page, "Entry kind", QComboBox)
    kind.setCurrentIndex(kind.findData("call"))
    by_name(page, "Entry text", QPlainTextEdit).setPlainText("Rang HR: hearing moved to Friday.")
    qtbot.mouseClick(by_name(page, "Add entry", QPushButton), Qt.MouseButton.LeftButton)
    trail = by_name(page, "Paper trail", QTreeWidget)
    shown = [trail.topLevelItem(r).text(2) for r in range(trail.topLevelItemCount())]
    assert "Rang HR: hearing moved to Friday." in shown
    vault = app.main_window.vault
    assert vault is not None
    calls = [e for e in vault.case(ref).events if e.kind == "call"]
    assert [e.body for e in calls] == ["Rang HR: hearing moved to Friday."]

    page.tabs.setCurrentIndex(3)
    by_name(page, "Action point", QLineEdit).setText("Request the rota history")
    by_name(page, "Owner", QLineEdit).setText("Rep")
    by_name(page, "Due date", QDateEdit).setDate(QDate(2026, 12, 1))
    qtbot.mouseClick(by_name(page, "Add action point", QPushButton), Qt.MouseButton.LeftButton)
    actions = by_name(page, "Action points", QTreeWidget)
    assert actions.topLevelItemCount() == 1
    item = actions.topLevelItem(0)
    assert item.text(0) == "Request the rota history"
    assert item.text(2) != ""
    [stored] = vault.action_points(ref)
    assert stored.owner == "Rep"
    assert stored.due_at is not None
    assert stored.done_at is None
    item.setCheckState(3, Qt.CheckState.Checked)  # ticking "done" stores it
    assert vault.action_points(ref)[0].done_at is not None


@pytest.mark.parametrize("choice", [Unsaved.SAVE, Unsaved.DISCARD, Unsaved.CANCEL])
def test_lock_now_with_unsaved_changes_asks(
    qtbot: QtBot, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, choice: Unsaved
) -> None:
    app, window, page = started(qtbot, make_app)
    paths: VaultPaths = app.paths
    ref = ref_of(app)
    page.tabs.setCurrentIndex(FIRST_MEETING)
    by_name(page, "Narrative agreed", QPlainTextEdit).setPlainText(NARRATIVE)
    asked: list[bool] = []

    def ask() -> Unsaved:
        asked.append(True)
        return choice

    monkeypatch.setattr(window, "ask_unsaved", ask)
    window.lock_action.trigger()
    assert asked == [True]
    if choice is Unsaved.CANCEL:
        assert window.vault is not None
        assert window.case_page is page
        assert page.has_unsaved_changes()
        return
    qtbot.waitUntil(app.unlock_dialog.isVisible)
    assert window.vault is None
    with reopen(paths) as vault:
        saved = vault.first_meeting(ref).narrative
    assert saved == (NARRATIVE if choice is Unsaved.SAVE else "")


def test_back_with_unsaved_changes_cancel_stays(
    qtbot: QtBot, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    _app, window, page = started(qtbot, make_app)
    by_name(page, "Discrimination alleged?", QCheckBox).setChecked(True)
    monkeypatch.setattr(window, "ask_unsaved", lambda: Unsaved.CANCEL)
    window.back_action.trigger()
    assert window.case_page is page
    monkeypatch.setattr(window, "ask_unsaved", lambda: Unsaved.DISCARD)
    window.back_action.trigger()
    assert window.case_page is None


def test_idle_lock_saves_unsaved_changes_and_clears_every_widget(
    qtbot: QtBot, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, window, page = started(qtbot, make_app, idle_ms=1500)
    paths: VaultPaths = app.paths
    ref = ref_of(app)
    page.tabs.setCurrentIndex(FIRST_MEETING)
    by_name(page, "Narrative agreed", QPlainTextEdit).setPlainText(NARRATIVE)
    assert MEMBER in all_text(window)  # the walk does see the member's name while unlocked

    def never() -> Unsaved:
        raise AssertionError("the idle lock must not ask")

    monkeypatch.setattr(window, "ask_unsaved", never)
    qtbot.waitUntil(app.unlock_dialog.isVisible, timeout=5000)
    assert window.case_page is None
    assert MEMBER not in all_text(window)
    assert NARRATIVE not in all_text(window)
    with reopen(paths) as vault:
        assert vault.first_meeting(ref) != FirstMeeting()
        assert vault.first_meeting(ref).narrative == NARRATIVE


def test_double_click_opens_and_documents_tab_can_be_replaced(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    assert isinstance(window, MainWindow)
    table = by_name(window, "Case list", QTableView)
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.case_page is not None)
    page = window.case_page
    assert page is not None
    panel = QLabel("documents panel")
    tabs = page.tabs.count()  # Overview to Documents, then the tabs later issues add
    page.set_documents_widget(panel)
    assert page.documents_widget() is panel
    assert page.tabs.widget(4) is panel
    assert page.tabs.count() == tabs


def test_the_case_page_shows_the_documents_panel_and_lock_clears_it(qtbot: QtBot, tmp_path: Path) -> None:
    """The Documents tab holds the real documents panel, listing the case's attachments; after a
    lock no widget shows the attachment's name."""
    vault = Vault.create(VaultPaths(tmp_path / "v"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF)
    ref = vault.new_case("Nguyễn Thị Müller")
    src = tmp_path / "grievance-letter-zq.txt"
    src.write_text("letter")
    vault.attach(ref, src)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_vault(vault, "")
    window.open_case(ref)
    assert window.case_page is not None
    panel = window.case_page.documents_widget()
    assert isinstance(panel, DocumentsPanel)
    names = [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]
    assert names == ["grievance-letter-zq.txt"]
    window.lock()
    shown = [w.text() for w in window.findChildren(QLabel)] + [
        w.text() for w in window.findChildren(QLineEdit)
    ]
    assert window.case_page is None
    assert not any("grievance-letter-zq" in t for t in shown)
