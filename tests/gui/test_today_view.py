"""Today (gui/today_view.py, issue 18) on a real vault and event loop: unlocking opens on it; the
next fortnight's deadlines and hearings with overdue first, the reminders due, the action points
waiting on the rep and open cases by stage; every line opens its case; the morning routine of
unlock, Today, the top deadline's case, a note, and back to Today; a lock leaves nothing shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.gui.main_window import MainWindow
from casevault.gui.today_view import TodayView
from casevault.vault.facade import Vault
from tests.conftest import PASSPHRASE, FakeClock
from tests.gui.conftest import by_name, window_named
from tests.support.gui_flows import MakeApp, create_vault

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # a Monday


def _fill(vault: Vault, clock: FakeClock) -> dict[str, str]:
    clock.now = NOW - timedelta(days=40)
    late = vault.new_case("Olu Late")
    vault.start_procedure(late, "acas-disciplinary")
    # The hearing's clock started a month ago (5 working days): overdue.
    vault.record_stage_event(vault.stage(late, "hearing").id, (NOW - timedelta(days=30)).date())
    hearing = vault.new_case("Hana Hearing")
    vault.add_case_date(hearing, "hearing", NOW + timedelta(days=3, hours=5))
    vault.add_case_date(hearing, "meeting", NOW - timedelta(days=2))  # past: not shown
    far = vault.new_case("Faye Far")
    vault.add_case_date(far, "hearing", NOW + timedelta(days=40))  # past the fortnight
    waiting = vault.new_case("Wim Waiting")
    vault.add_action_point(waiting, "Write to HR for the policy", owner="me", due_at=NOW + timedelta(days=1))
    vault.add_action_point(waiting, "Bring payslips", owner="Member", due_at=NOW + timedelta(days=1))
    vault.add_action_point(waiting, "Phone the regional office", owner="", due_at=None)
    closed = vault.new_case("Cleo Closed")
    vault.add_case_date(closed, "hearing", NOW + timedelta(days=2))
    vault.close_case(closed, retain_days=365)
    clock.now = NOW
    return {"late": late, "hearing": hearing, "waiting": waiting}


def test_today_lists_what_is_coming_overdue_first(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    refs = _fill(vault, clock)
    view = TodayView()
    qtbot.addWidget(view)
    view.set_vault(vault)
    assert view.rows(view.coming) == []  # nothing read before the window paints
    assert view.coming_note.text() == "Loading…" and view.reminders_note.text() == "Loading…"
    view.reload()
    assert view.loading  # read on a worker: the screen fills when it is in
    qtbot.waitUntil(lambda: not view.loading)
    coming = view.rows(view.coming)
    assert [row[1] for row in coming] == [refs["late"], refs["hearing"]]
    assert coming[0][0].startswith("Overdue since") and coming[0][2] == "Olu Late"
    assert coming[1][2:] == ["Hana Hearing", "Hearing"]
    assert view.rows(view.waiting) == [
        [view.rows(view.waiting)[0][0], refs["waiting"], "Write to HR for the policy"],
        ["No date", refs["waiting"], "Phone the regional office"],
    ]
    stages = {stage: int(n) for stage, n in view.rows(view.stages)}
    assert stages == {"Disciplinary meeting": 1, "No procedure": 3}
    assert view.first_ref() == refs["late"]
    assert "reminders due" in view.reminders_note.text() or view.rows(view.reminders)
    opened: list[str] = []
    view.open_case_requested.connect(opened.append)
    view.coming.setFocus()
    view.coming.setCurrentItem(view.coming.topLevelItem(1))
    qtbot.keyClick(view.coming, Qt.Key.Key_Return)
    assert opened == [refs["hearing"]]
    view.set_vault(None)
    assert view.rows(view.coming) == [] and view.title.text() == ""


def test_an_empty_vault_says_so_calmly(qtbot: QtBot, vault: Vault) -> None:
    view = TodayView()
    qtbot.addWidget(view)
    view.set_vault(vault)
    view.reload()
    qtbot.waitUntil(lambda: not view.loading)
    assert view.coming_note.text() == "No deadlines or hearings in the next 14 days."
    assert view.reminders_note.text() == "No reminders due."
    assert view.waiting_note.text() == "No action points are waiting on you."
    assert view.rows(view.stages) == [["No open cases", "0"]]


def test_the_morning_routine(qtbot: QtBot, make_app: MakeApp) -> None:
    clock = FakeClock(NOW)
    app: App = make_app(clock=clock)
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    vault = window.vault
    assert vault is not None
    refs = _fill(vault, clock)
    # Lock and unlock: the day starts on Today.
    window.lock()
    qtbot.waitUntil(app.unlock_dialog.isVisible)
    dialog = window_named("Unlock casevault")
    by_name(dialog, "Passphrase", QLineEdit).setText(PASSPHRASE)
    qtbot.mouseClick(by_name(dialog, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isVisible)
    assert window.stack.currentWidget() is window.today
    qtbot.waitUntil(lambda: window.today.first_ref() == refs["late"])
    # The top deadline's case, one Enter away.
    window.today.coming.setFocus()
    window.today.coming.setCurrentItem(window.today.coming.topLevelItem(0))
    qtbot.keyClick(window.today.coming, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_page is not None and window.case_page.isVisible())
    page = window.case_page
    assert page is not None and page.ref == refs["late"]
    trail = page.paper_trail
    by_name(trail, "Entry text", QPlainTextEdit).setPlainText("Called the member about the investigation.")
    by_name(trail, "Add entry", QPushButton).click()
    reopened = window.vault
    assert reopened is not None
    assert any("Called the member" in e.body for e in reopened.case(refs["late"]).events)
    # Back (Ctrl+W) goes where the rep came from: Today, which shows what changed.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.paper_trail.entries, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.case_page is None)
    assert window.stack.currentWidget() is window.today
    window.show_cases()
    assert window.stack.currentWidget() is window.list_page
    window.today_action.trigger()
    assert window.stack.currentWidget() is window.today


def test_shortcuts_are_listed_and_quit_is_in_the_file_menu(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&File"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.shortcuts_action.shortcut().toString() == "F1"
    window.shortcuts_action.trigger()
    dialog = window.dialogs.get("shortcuts")
    assert dialog is not None
    rows = dict(dialog.rows())  # type: ignore[attr-defined]
    assert rows["Quit"] == "Ctrl+Q" and rows["Lock now"] == "Ctrl+L" and rows["Today"] == "Ctrl+1"
    assert rows["Find"] == "Ctrl+F" and "Ctrl+W" in rows["Back to cases"]
    assert rows["Keyboard shortcuts…"].startswith("F1")


def test_a_new_case_shows_the_list_with_it(qtbot: QtBot, make_app: MakeApp) -> None:
    from tests.support.gui_flows import add_case  # noqa: PLC0415

    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    assert window.stack.currentWidget() is window.today
    add_case(qtbot, window, "Ann Example")
    assert window.stack.currentWidget() is window.list_page
    assert window.model.rowCount() == 1


def test_tab_goes_through_today_as_the_eye_reads(qtbot: QtBot, vault: Vault) -> None:
    view = TodayView()
    qtbot.addWidget(view)
    view.set_vault(vault)
    view.reload()
    qtbot.waitUntil(lambda: not view.loading)
    view.show()
    qtbot.waitExposed(view)
    # Tab goes in reading order: All cases on the title's line, the main list, then the column
    # beside it, top to bottom (unlocking puts the focus on the main list).
    order = [view.cases_button, view.coming, view.reminders, view.waiting, view.stages]
    seen: list[object] = []
    widget = view.nextInFocusChain()
    while widget is not view:
        if widget in order and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert seen == order
