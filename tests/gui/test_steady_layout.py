"""Layouts that hold still (issue 18): a box as tall as its text, a dialog that grows to show a
sentence that wraps, a one-line slot that keeps its height, and a hint in an empty list."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QFormLayout, QLabel, QListView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui.steady_layout import EmptyHint, FitLabel, SlotLabel, grow_to_fit, keep_text_whole
from tests.support.pixels import ink

LONG = (
    "Consider escalating this case to a more experienced caseworker and notifying the regional "
    "office: the guide says this is normally appropriate where dismissal is threatened."
)


def _form_with(qtbot: QtBot, label: QLabel, width: int) -> QWidget:
    box = QWidget()
    outer = QVBoxLayout(box)
    form = QFormLayout()
    form.addRow("Field:", QLabel("value"))
    form.addRow("", label)
    outer.addLayout(form)
    outer.addStretch(1)
    qtbot.addWidget(box)
    box.resize(width, 600)
    box.show()
    qtbot.waitExposed(box)
    return box


def test_a_fit_label_in_a_form_is_as_tall_as_its_text(qtbot: QtBot) -> None:
    boxes = []
    for width in (900, 380):
        label = FitLabel(LONG)
        boxes.append(_form_with(qtbot, label, width))
        qtbot.waitUntil(lambda label=label: label.height() == label.heightForWidth(label.width()))
    # A plain word-wrapped QLabel in the same form is given the height of its text at another width.
    plain = QLabel(LONG)
    plain.setWordWrap(True)
    boxes.append(_form_with(qtbot, plain, 900))
    assert plain.height() > plain.heightForWidth(plain.width())


def test_a_dialog_grows_when_its_message_wraps(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setMinimumWidth(300)  # a minimum width set: Qt no longer grows the window by itself
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("Title"))
    message = FitLabel()
    layout.addWidget(message)
    keep_text_whole(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    message.setText(LONG)
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    assert message.heightForWidth(message.width()) > 2 * message.fontMetrics().height()  # it wraps
    before = dialog.height()
    grow_to_fit(dialog)  # already tall enough: never shrinks
    assert dialog.height() == before


def test_a_slot_label_keeps_its_height_with_or_without_text(qtbot: QtBot) -> None:
    slot = SlotLabel()
    qtbot.addWidget(slot)
    slot.setStyleSheet("QLabel { padding: 6px; }")
    empty = slot.height()
    slot.setText('3 casework reminders are due — <a href="x">Show reminders</a>')
    assert slot.height() == empty == slot.minimumHeight() == slot.maximumHeight()
    assert empty >= slot.fontMetrics().height() + 12  # one line and its padding


def test_an_empty_list_shows_a_hint_and_tells_screen_readers(qtbot: QtBot) -> None:
    model = QStringListModel()
    view = QListView()
    view.setModel(model)
    qtbot.addWidget(view)
    hint = EmptyHint(view, lambda: "Nothing here yet.")
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    assert hint.text() == view.accessibleDescription() == "Nothing here yet."
    assert _ink(view) > 0  # the hint is painted
    model.setStringList(["a row"])
    assert hint.text() == view.accessibleDescription() == ""
    model.setStringList([])
    assert hint.text() == "Nothing here yet."


def _ink(view: QAbstractItemView) -> int:
    return ink(view, band=10)
