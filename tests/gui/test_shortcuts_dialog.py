"""The Keyboard shortcuts window (gui/shortcuts_dialog.py): the rows it is given, in order, and a
Close button that closes it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from casevault.gui.shortcuts_dialog import ShortcutsDialog


def test_it_lists_the_rows_and_closes(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog([("Quit", "Ctrl+Q"), ("Find", "Ctrl+F")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rows() == [("Quit", "Ctrl+Q"), ("Find", "Ctrl+F")]
    assert dialog.accessibleName() == "Keyboard shortcuts"
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Close).click()
    assert not dialog.isVisible()
