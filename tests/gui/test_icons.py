"""Toolbar icons (gui/icons.py): every action has one, from the theme or Qt's own fallback, and
the toolbar shows them beside the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from casevault.gui import icons
from casevault.gui.main_window import MainWindow


def test_every_icon_has_a_picture_even_without_a_theme(qapp: QApplication) -> None:
    theme = QIcon.themeName()
    QIcon.setThemeName("no-such-theme")  # the fallbacks alone
    try:
        for name in icons.ICONS:
            assert not icons.icon(name).isNull(), name
    finally:
        QIcon.setThemeName(theme)


def test_the_toolbar_shows_icons_beside_the_words(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    toolbar = window.findChild(QToolBar, "actions")
    assert toolbar is not None
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    shown = [a for a in toolbar.actions() if not a.isSeparator() and a.isVisible()]
    assert len(shown) >= 9 and all(not a.icon().isNull() for a in shown)
