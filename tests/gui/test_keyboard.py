"""Issue 18: every action is reachable from the keyboard, with a visible focus and a sensible Tab
order; the primary action is the default button.

Every dialog the app has (DIALOGS and MORE_DIALOGS in tests/support/gui_dialogs.py), the create
and unlock dialogs, and each screen of the main window are walked with real Tab presses
(tests/support/keyboard.py): Tab goes round in reading order (top to bottom, then left to right,
within the tolerance that module's docstring explains), never sticks in a control, reaches every
control a mouse could use, and each control looks different with the focus; a dialog opens with
the focus on its first control. Every action of the window's menus and toolbar has a mnemonic in
a menu or a shortcut (a toolbar's buttons take no focus)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casevault.gui import focus_style
from casevault.gui.app import App
from casevault.gui.device_check_dialog import DeviceCheckDialog
from casevault.gui.figures_window import FiguresWindow
from casevault.gui.focus_order import laid_out_buttons
from casevault.gui.main_window import MainWindow
from casevault.gui.qt_dates import date_edit, datetime_edit
from casevault.gui.window_menus import mnemonic
from tests.gui.conftest import window_named
from tests.support.gui_dialogs import DIALOGS, MORE_DIALOGS, PRIMARY, Session, visible_dialogs
from tests.support.keyboard import button_order, default_button, describe, focus_chain, problems

MakeApp = Callable[..., App]
EVERY_DIALOG = {**DIALOGS, **MORE_DIALOGS}
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def steady_caret() -> Iterator[None]:
    """A caret that does not blink, so a control's look with the focus is the same every time."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.cursorFlashTime()
    app.setCursorFlashTime(0)
    yield
    app.setCursorFlashTime(before)


@pytest.fixture
def session(qtbot: QtBot, make_app: MakeApp) -> Session:
    return Session(qtbot, make_app())


def open_newest(s: Session, open_it: Callable[[Session], None]) -> QWidget:
    before = set(map(id, visible_dialogs()))
    open_it(s)
    s.qtbot.waitUntil(lambda: any(id(d) not in before for d in visible_dialogs()))
    dialog = [d for d in visible_dialogs() if id(d) not in before][-1]
    # Buttons waiting on work off the GUI thread: Check again, the figures' Export buttons.
    if isinstance(dialog, DeviceCheckDialog):
        s.qtbot.waitUntil(lambda: dialog.report is not None)
    if isinstance(dialog, FiguresWindow):
        s.qtbot.waitUntil(lambda: dialog.figures is not None)
    return dialog


# ---- every dialog --------------------------------------------------------------------------------


def test_every_dialog_defaults_to_its_primary_action_and_tabs_as_it_reads(session: Session) -> None:
    s = session
    defaults: dict[str, str | None] = {}
    found: dict[str, list[str]] = {}
    for name, open_it in EVERY_DIALOG.items():
        dialog = open_newest(s, open_it)
        defaults[name] = default_button(dialog)
        found[name] = problems(dialog)
        s.window.lock()
        s.unlock()
    assert {name: listed for name, listed in found.items() if listed} == {}
    assert defaults == {name: PRIMARY[name] for name in EVERY_DIALOG}


def test_the_create_and_unlock_dialogs(
    qtbot: QtBot, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    app.start()
    create = window_named("Create vault")
    assert default_button(create) == "&Create vault"
    assert problems(create) == []
    monkeypatch.setattr(app, "start", lambda: None)  # started already: the session fills it in
    s = Session(qtbot, app)
    s.window.lock()
    unlock = window_named("Unlock casevault")
    assert default_button(unlock) == "&Unlock"
    assert problems(unlock) == []


@pytest.fixture
def gnome_order() -> Iterator[None]:
    with button_order(QDialogButtonBox.ButtonLayout.GnomeLayout):
        yield


def test_every_button_box_tabs_as_laid_out_in_gnome_order(gnome_order: None, session: Session) -> None:
    """GNOME puts Cancel left of OK; the walk above sees the Windows and KDE order (OK left of
    Cancel), the offscreen platform's. Either way Tab goes left to right, through disabled buttons
    too (they are enabled later: Record decision once a decision is ticked)."""
    s = session
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    # Without the focus style: a style sheet has Qt lay the buttons out again once they are in
    # their dialog, which puts them in order by chance; this checks they are without it.
    focus_style.uninstall(qapp)
    wrong = {}
    for name, open_it in EVERY_DIALOG.items():
        dialog = open_newest(s, open_it)
        for box in dialog.findChildren(QDialogButtonBox):
            laid_out = laid_out_buttons(box)
            tabbed = [w for w in focus_chain(dialog) if w in laid_out]
            if tabbed != laid_out:
                wrong[name] = [describe(w) for w in tabbed]
        s.window.lock()
        s.unlock()
    assert wrong == {}


# ---- the main window -----------------------------------------------------------------------------


def test_every_screen_of_the_window_tabs_as_it_reads(session: Session) -> None:
    s = session
    window = s.window
    found: dict[str, list[str]] = {}
    window.show_today()
    found["Today"] = problems(window, opening=False)
    window.reminders.show_panel()
    found["Today and the reminders panel"] = problems(window, opening=False)
    window.reminders.dock.hide()
    window.show_cases()
    found["case list"] = problems(window, opening=False)
    page = s.page()
    tabs = page.findChild(QTabBar)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        found[f"case page, {tabs.tabText(index)}"] = problems(window, opening=False)
    assert {name: listed for name, listed in found.items() if listed} == {}


def test_every_action_of_the_window_is_reachable_from_the_keyboard(qtbot: QtBot) -> None:
    """Alt and the menu's letter, then the entry's letter (one of each per menu), or a shortcut.
    The toolbar's buttons take no focus, so each of its actions is in a menu too."""
    window = MainWindow()
    qtbot.addWidget(window)
    reachable = {id(a) for a in window.actions() if not a.shortcut().isEmpty()}
    menu_letters = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        menu_letters.append(mnemonic(top.text()))
        entries = [a for a in menu.actions() if not a.isSeparator()]
        letters = [mnemonic(a.text()) for a in entries]
        assert None not in letters and len(letters) == len(set(letters)), [a.text() for a in entries]
        reachable |= {id(a) for a in entries}
    assert None not in menu_letters and len(set(menu_letters)) == len(menu_letters)
    toolbar: list[QAction] = []
    for bar in window.findChildren(QToolBar):
        toolbar += [a for a in bar.actions() if not a.isSeparator()]
    assert len(toolbar) == 9
    assert [a.text() for a in [*toolbar, *window.actions()] if id(a) not in reachable] == []


# ---- the fixes, one by one -----------------------------------------------------------------------


def test_tab_and_shift_tab_leave_an_empty_date(qtbot: QtBot) -> None:
    """Qt's date controls swallow Tab while they show their empty text ("Not set"): Tab went
    nowhere from an empty Due date or Date held."""
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    before, after = QLineEdit(), QLineEdit()
    empty_day = date_edit("Due date", NOW, unset_text="Not set")
    empty_moment = datetime_edit("Date held", NOW, unset_text="Not set")
    for widget in (before, empty_day, empty_moment, after):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    for edit, following in ((empty_day, empty_moment), (empty_moment, after)):
        edit.setFocus()
        QTest.keyClick(edit, Qt.Key.Key_Tab)
        assert root.focusWidget() is following, describe(edit)
    empty_moment.setFocus()
    QTest.keyClick(empty_moment, Qt.Key.Key_Backtab)
    assert root.focusWidget() is empty_day
    assert empty_day.is_unset() and empty_moment.is_unset()


def test_a_dated_control_still_tabs_through_day_month_and_year(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    day, after = date_edit("Due date", NOW), QLineEdit()
    layout.addWidget(day)
    layout.addWidget(after)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    day.setFocus()
    for _ in range(day.sectionCount() - 1):
        QTest.keyClick(day, Qt.Key.Key_Tab)
        assert root.focusWidget() is day
    QTest.keyClick(day, Qt.Key.Key_Tab)
    assert root.focusWidget() is after


def test_a_changed_letter_asks_before_replacing_and_enter_keeps_it(session: Session) -> None:
    s = session
    s.page().open_letter_dialog()
    dialog = s.page().letter_dialog
    assert dialog is not None
    s.qtbot.waitUntil(dialog.isVisible)
    dialog.text.setPlainText("A line the rep wrote.")
    dialog.template.setCurrentIndex(dialog.template.findData("subject-access"))
    s.qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    box = dialog.question
    assert box is not None
    keep = box.defaultButton()
    assert keep is not None and keep.text() == "&Keep my letter"
    s.qtbot.keyClick(box, Qt.Key.Key_Return)
    s.qtbot.waitUntil(lambda: not box.isVisible())
    assert "A line the rep wrote." in dialog.text.toPlainText()


def test_the_walk_finds_a_hidden_focus_a_stuck_tab_a_bad_order_and_a_link(qtbot: QtBot) -> None:
    """What the walk is for: a text box that types Tab, controls made in the wrong order, a
    stylesheet that draws a focused button as an unfocused one, a link label Tab cannot reach,
    and a dialog opening on the wrong control."""
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    upper, lower = QLineEdit(), QLineEdit()
    upper.setAccessibleName("Upper")
    lower.setAccessibleName("Lower")
    flat = QPushButton("Flat")
    flat.setStyleSheet("QPushButton { border: none; background: transparent; outline: none; }")
    notes = QPlainTextEdit()
    notes.setAccessibleName("Notes")
    link = QLabel('<a href="more">More</a>')
    for widget in (upper, lower, flat, link, notes):
        layout.addWidget(widget)
    QWidget.setTabOrder(lower, upper)  # Lower, Upper, Flat, Notes
    root.show()
    qtbot.waitExposed(root)
    lower.setFocus()
    stuck = problems(root)
    assert "Tab does not leave QPlainTextEdit 'Notes'" in stuck
    assert "Tab would type into QPlainTextEdit 'Notes'" in stuck
    notes.setTabChangesFocus(True)
    lower.setFocus()
    found = problems(root)
    assert "QLineEdit 'Lower' is read before QPushButton 'Flat'" in found  # Tab: Upper, Flat, ..., Lower
    assert "no visible focus on QPushButton 'Flat'" in found
    assert "Tab never reaches QLabel 'More'" in found
    assert "opens with the focus on QLineEdit 'Lower', not on QLineEdit 'Upper'" in found
