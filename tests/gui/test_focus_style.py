"""The focus the rep can see (gui/focus_style.py): each kind of control the app has, grabbed with
and without the focus under a light and a dark palette, changes more than a caret would; the App
installs the style for as long as it runs; a label's links take the focus and Enter follows them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casevault.gui import focus_style
from casevault.gui.app import App
from casevault.gui.qt_dates import date_edit
from tests.support.keyboard import changed_pixels, focus_hard_to_see, tab_stops, tab_walk

MakeApp = Callable[..., App]


@pytest.fixture
def qapp_() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    flash, palette = app.cursorFlashTime(), QPalette(app.palette())
    app.setCursorFlashTime(0)  # a caret that does not blink: the same look every time
    yield app
    app.setCursorFlashTime(flash)
    app.setPalette(palette)


def dark(light: QPalette) -> QPalette:
    palette = QPalette(light)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#eeeeee"),
        (QPalette.ColorRole.Highlight, "#3d7fd6"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def controls() -> list[QWidget]:
    """One of each kind of control the app's screens have."""
    tree = QTreeWidget()
    tree.addTopLevelItem(QTreeWidgetItem(["A case"]))
    empty = QTreeWidget()  # a list with nothing in it yet: Fusion shows no focus on it
    notes = QPlainTextEdit()  # Fusion shows only the caret
    notes.setTabChangesFocus(True)
    link = focus_style.keyboard_links(QLabel('<a href="show">Show all reminders</a>'))
    tabs = QTabBar()
    tabs.addTab("One")
    tabs.addTab("Two")
    snooze = QToolButton()
    snooze.setText("Snooze")
    return [
        QLineEdit(),
        QPushButton("Go"),
        QCheckBox("Check"),
        QComboBox(),
        date_edit("Date", datetime(2026, 3, 2, tzinfo=UTC)),
        tree,
        empty,
        notes,
        link,
        tabs,
        snooze,
    ]


def walk_controls(qtbot: QtBot) -> list[str]:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    shown = controls()
    for widget in shown:
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    shown[0].setFocus()
    walk = tab_walk(root)
    assert [type(w) for w in walk.chain] == [type(w) for w in shown]
    return focus_hard_to_see(walk)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_kind_of_control_shows_the_focus(qtbot: QtBot, qapp_: QApplication, theme: str) -> None:
    if theme == "dark":
        qapp_.setPalette(dark(qapp_.palette()))
    focus_style.install(qapp_)
    try:
        assert walk_controls(qtbot) == []
    finally:
        focus_style.uninstall(qapp_)


def test_without_it_an_empty_list_and_a_text_box_show_no_focus(qtbot: QtBot, qapp_: QApplication) -> None:
    """Why the style is there: the platform's style alone (Fusion here) leaves these unmarked."""
    assert focus_style.FOCUS_CSS not in qapp_.styleSheet()
    assert walk_controls(qtbot) == ["QTreeWidget ''", "QPlainTextEdit ''"]


def test_the_app_installs_it_while_it_runs(make_app: MakeApp, qapp_: QApplication) -> None:
    assert focus_style.FOCUS_CSS not in qapp_.styleSheet()
    app = make_app()
    make_app()  # a second App does not add it twice
    assert qapp_.styleSheet().count(focus_style.FOCUS_CSS) == 1
    app.shutdown()
    assert focus_style.FOCUS_CSS not in qapp_.styleSheet()


def test_a_link_label_takes_the_focus_and_enter_follows_the_link(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    field = QLineEdit()
    link = focus_style.keyboard_links(QLabel('<a href="show">Show all reminders</a>'))
    followed: list[str] = []
    link.linkActivated.connect(followed.append)
    layout.addWidget(field)
    layout.addWidget(link)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    field.setFocus()
    assert tab_stops(root) == [field, link]
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert root.focusWidget() is link
    QTest.keyClick(link, Qt.Key.Key_Return)
    assert followed == ["show"]


def test_changed_pixels_counts_what_differs() -> None:
    white = QImage(5, 4, QImage.Format.Format_RGB32)
    white.fill(QColor("white"))
    marked = white.copy()
    marked.setPixelColor(4, 3, QColor("red"))
    assert changed_pixels(white, white) == 0
    assert changed_pixels(white, marked) == 1
