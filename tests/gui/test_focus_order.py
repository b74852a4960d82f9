"""Tab through a button box as it is laid out (gui/focus_order.py), in each platform's order of
dialog buttons, a button added after the call included; without it Tab goes in the order the
buttons were added."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from casevault.gui.focus_order import laid_out_buttons, tab_as_laid_out
from tests.support.keyboard import button_order, focus_chain

LAYOUTS = [
    QDialogButtonBox.ButtonLayout.WinLayout,
    QDialogButtonBox.ButtonLayout.MacLayout,
    QDialogButtonBox.ButtonLayout.KdeLayout,
    QDialogButtonBox.ButtonLayout.GnomeLayout,
]


@pytest.fixture(params=LAYOUTS, ids=lambda layout: layout.name)
def platform_order(request: pytest.FixtureRequest) -> Iterator[None]:
    with button_order(request.param):
        yield


def dialog_with_buttons(qtbot: QtBot, follow: bool) -> tuple[QDialog, QDialogButtonBox]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Help)
    box.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
    if follow:
        tab_as_laid_out(box)
    box.addButton("&Delete", QDialogButtonBox.ButtonRole.DestructiveRole)  # added later: shown in order too
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(box)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, box


def test_tab_follows_the_layout_in_every_platform_order(qtbot: QtBot, platform_order: None) -> None:
    dialog, box = dialog_with_buttons(qtbot, follow=True)
    laid_out = laid_out_buttons(box)
    assert len(laid_out) == 4
    assert [w for w in focus_chain(dialog) if w in laid_out] == laid_out
    assert isinstance(focus_chain(dialog)[0], QLineEdit)  # the field still comes first


def test_without_it_tab_goes_in_the_order_the_buttons_were_added(qtbot: QtBot) -> None:
    dialog, box = dialog_with_buttons(qtbot, follow=False)
    tabbed = [w for w in focus_chain(dialog) if w in laid_out_buttons(box)]
    assert [b.text() for b in tabbed if isinstance(b, QPushButton)] == ["Cancel", "Help", "&Save", "&Delete"]
    assert tabbed != laid_out_buttons(box)
