"""Every interactive control on every screen has an accessible name, and the names that tests and
screen readers rely on are there exactly once per screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.gui.case_page import CasePage
from casevault.gui.main_window import MainWindow
from casevault.gui.new_case_dialog import NewCaseDialog
from casevault.gui.preferences_dialog import PreferencesDialog
from tests.gui.conftest import by_name
from tests.gui.test_flows import MEMBER, add_case, create_vault

MakeApp = Callable[..., App]
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
)


def _inside_a_compound_control(widget: QWidget) -> bool:
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QAbstractSpinBox | QComboBox | QTabBar | QAbstractItemView | QLineEdit):
            return True
        ancestor = ancestor.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive controls a screen reader could land on that have no accessible name. Parts Qt
    builds inside a named control (a spin box's line edit, a line edit's clear button, a scroll
    area's bars, a tab bar's scroll arrows) are announced through their owner, so they are left
    out."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.accessibleName():
            continue
        owner = widget.parentWidget()
        if isinstance(widget, QAbstractSlider) or _inside_a_compound_control(widget):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts, e.g. a toolbar's overflow button
            continue
        label = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
        missing.append(f"{type(widget).__name__} {label!r} in {type(owner).__name__}")
    return missing


def test_create_and_unlock_dialogs(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    app.start()
    assert app.create_dialog is not None
    assert unnamed_controls(app.create_dialog) == []
    by_name(app.create_dialog, "Passphrase")
    assert unnamed_controls(app.unlock_dialog) == []
    for name in ("Passphrase", "Unlock"):
        by_name(app.unlock_dialog, name)


def test_main_window_case_page_and_dialogs(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    add_case(qtbot, window, MEMBER)
    assert unnamed_controls(window) == []
    for name in ("Case list", "Search cases", "New case", "Lock now"):
        by_name(window, name)

    window.open_new_case()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, NewCaseDialog) and w.isVisible()]
    assert len(dialogs) == 1
    assert unnamed_controls(dialogs[0]) == []
    for name in ("Member name", "Save"):
        by_name(dialogs[0], name)
    dialogs[0].reject()

    window.open_case(window.model.ref_at(0) or "")
    page = window.case_page
    assert isinstance(page, CasePage)
    tabs = page.findChild(QTabBar)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)  # some tabs build their controls when first shown
        assert unnamed_controls(page) == [], tabs.tabText(index)
    by_name(page, "Attach documents")
    by_name(page, "Save")

    preferences = PreferencesDialog(5, screen_lock_watched=False, parent=window)
    assert unnamed_controls(preferences) == []
    preferences.deleteLater()


def test_the_audit_finds_an_unnamed_control(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    named = QLineEdit(root)
    named.setAccessibleName("Named")
    named.setClearButtonEnabled(True)  # Qt's inner button is announced through the line edit
    QComboBox(root).setAccessibleName("Choice")
    QPushButton("&Go", root)
    assert unnamed_controls(root) == ["QPushButton '&Go' in QWidget"]
