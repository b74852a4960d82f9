"""Driving the desktop app as a rep would, by accessible name: create a vault, add a case, find
the case list and its columns. Shared by the GUI tests (first written for tests/gui/test_flows.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from tests.conftest import PASSPHRASE
from tests.gui.conftest import by_name, window_named

MEMBER = "Nguyễn Thị Müller"
MakeApp = Callable[..., App]


def line(root: QWidget, name: str) -> QLineEdit:
    return by_name(root, name, QLineEdit)


def button(root: QWidget, name: str) -> QPushButton:
    return by_name(root, name, QPushButton)


def case_list(window: QWidget) -> QTableView:
    """The case list. Unlocking opens on Today, and the window builds the list's page once Today
    has painted (issue 15), so the events run until it is there (5 s at most)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not [
        t for t in window.findChildren(QTableView) if t.accessibleName() == "Case list"
    ]:
        QTest.qWait(10)
    return by_name(window, "Case list", QTableView)


def column(table: QTableView, col: int) -> list[str]:
    model = table.model()
    return [str(model.data(model.index(row, col))) for row in range(model.rowCount())]


def create_vault(qtbot: QtBot, app: App) -> QWidget:
    app.start()
    dialog = window_named("Create vault")
    line(dialog, "Passphrase").setText(PASSPHRASE)
    line(dialog, "Repeat passphrase").setText(PASSPHRASE)
    qtbot.mouseClick(button(dialog, "Create vault"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(app.main_window.isVisible)
    return window_named("casevault")


def add_case(qtbot: QtBot, window: QWidget, name: str) -> None:
    qtbot.mouseClick(by_name(window, "New case"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(_dialog_shown)
    dialog = window_named("New case")
    line(dialog, "Member name").setText(name)  # keyClicks aborts on non-ASCII text
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _dialog_shown() -> bool:
    try:
        window_named("New case")
    except AssertionError:
        return False
    return True
