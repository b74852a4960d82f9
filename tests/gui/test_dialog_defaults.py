"""Issue 13, item 8: typed input is never thrown away.

Enter in the New case dialog saves (it cancelled: Cancel was the default button); Escape, Cancel
or closing with something typed asks "Discard what you typed?"; a lock asks nobody. (That in
every dialog the app has the default button is the primary action, PRIMARY in
tests/support/gui_dialogs.py, is checked with the rest of the keyboard in test_keyboard.py.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.gui.new_case_dialog import NewCaseDialog
from casevault.gui.typed_input import Discard, TypedInputDialog
from tests.support.gui_dialogs import (
    CLOSED_MEMBER,
    OPEN_MEMBER,
    Session,
    visible_dialogs,
)

NAME = "Philippa Dunmorrow"


@pytest.fixture
def session(qtbot: QtBot, make_app: Callable[..., App]) -> Session:
    return Session(qtbot, make_app())


def new_case(s: Session) -> NewCaseDialog:
    s.window.new_case_action.trigger()
    dialog = s.window._new_case
    assert dialog is not None
    s.qtbot.waitUntil(dialog.isVisible)
    return dialog


def members(s: Session) -> list[str]:
    return sorted(c.member_name for c in s.vault.list_cases(status=None))


class Asked:
    """Stands in for the question; answers as told and counts."""

    def __init__(self, answer: Discard) -> None:
        self.answer = answer
        self.times = 0

    def __call__(self) -> Discard:
        self.times += 1
        return self.answer


def test_enter_in_the_name_field_creates_the_case(session: Session) -> None:
    s = session
    dialog = new_case(s)
    assert dialog.save_button.isDefault()
    s.qtbot.keyClicks(dialog.member_name, NAME)
    s.qtbot.keyClick(dialog.member_name, Qt.Key.Key_Return)
    s.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert NAME in members(s)


def test_escape_with_a_name_typed_asks_and_keep_editing_keeps_it(session: Session) -> None:
    s = session
    dialog = new_case(s)
    asked = Asked(Discard.KEEP)
    dialog.ask_discard = asked  # type: ignore[method-assign]
    s.qtbot.keyClicks(dialog.member_name, NAME)
    s.qtbot.keyClick(dialog.member_name, Qt.Key.Key_Escape)
    assert asked.times == 1
    assert dialog.isVisible()
    assert dialog.member_name.text() == NAME
    # Cancel and the window's close button ask the same question.
    s.qtbot.mouseClick(_button(dialog, "Cancel"), Qt.MouseButton.LeftButton)
    dialog.close()
    assert asked.times == 3
    assert dialog.isVisible() and dialog.member_name.text() == NAME
    # Then Enter still saves what was kept.
    s.qtbot.keyClick(dialog.member_name, Qt.Key.Key_Return)
    s.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert NAME in members(s)


def test_discard_closes_without_a_case(session: Session) -> None:
    s = session
    dialog = new_case(s)
    asked = Asked(Discard.DISCARD)
    dialog.ask_discard = asked  # type: ignore[method-assign]
    dialog.email.setText("p.dunmorrow@example.org")
    s.qtbot.keyClick(dialog.email, Qt.Key.Key_Escape)
    assert asked.times == 1
    s.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert members(s) == sorted([OPEN_MEMBER, CLOSED_MEMBER])


def test_nothing_typed_closes_without_asking(session: Session) -> None:
    s = session
    dialog = new_case(s)
    asked = Asked(Discard.KEEP)
    dialog.ask_discard = asked  # type: ignore[method-assign]
    dialog.member_name.setText("   ")
    s.qtbot.keyClick(dialog.member_name, Qt.Key.Key_Escape)
    s.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert asked.times == 0


def test_a_lock_asks_nobody_and_drops_the_typed_text(session: Session) -> None:
    s = session
    dialog = new_case(s)
    asked = Asked(Discard.KEEP)
    dialog.ask_discard = asked  # type: ignore[method-assign]
    dialog.member_name.setText(NAME)
    vault = s.vault
    s.window.lock_action.trigger()
    assert asked.times == 0
    assert s.window.vault is None and not vault.is_open
    assert not dialog.isVisible()
    s.unlock()
    assert NAME not in members(s)  # a half-made case is not saved behind the rep's back


def test_the_real_question_reads_discard_or_keep_editing_and_enter_keeps(session: Session) -> None:
    s = session
    dialog = new_case(s)
    dialog.member_name.setText(NAME)
    seen: list[tuple[str, list[str], str]] = []

    def answer_with_enter() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        default = box.defaultButton()
        seen.append((box.text(), sorted(b.text() for b in box.buttons()), default.text() if default else ""))
        s.qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(100, answer_with_enter)
    s.qtbot.keyClick(dialog.member_name, Qt.Key.Key_Escape)
    assert seen == [("Discard what you typed?", ["&Discard", "&Keep editing"], "&Keep editing")]
    assert dialog.isVisible() and dialog.member_name.text() == NAME


def test_a_lock_while_the_question_is_up_still_locks(session: Session) -> None:
    s = session
    dialog = new_case(s)
    dialog.member_name.setText(NAME)
    vault = s.vault
    QTimer.singleShot(100, s.window.lock)  # the idle lock fires while the rep is being asked
    s.qtbot.keyClick(dialog.member_name, Qt.Key.Key_Escape)
    s.qtbot.waitUntil(lambda: s.window.vault is None)
    assert not vault.is_open
    assert [type(d).__name__ for d in visible_dialogs()] == ["UnlockDialog"]


def test_every_dialog_with_typed_input_asks() -> None:
    from casevault.gui.breach_dialog import BreachDialog  # noqa: PLC0415
    from casevault.gui.close_case_dialog import CloseCaseDialog  # noqa: PLC0415
    from casevault.gui.escalation_dialog import EscalationDialog  # noqa: PLC0415
    from casevault.gui.originals_panel import AddOriginalDialog, ReturnOriginalDialog  # noqa: PLC0415
    from casevault.gui.paper_trail import EditEntryDialog  # noqa: PLC0415

    for kind in (
        NewCaseDialog,
        BreachDialog,
        CloseCaseDialog,
        EscalationDialog,
        AddOriginalDialog,
        ReturnOriginalDialog,
        EditEntryDialog,
    ):
        assert issubclass(kind, TypedInputDialog), kind.__name__


def _button(dialog: NewCaseDialog, name: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == name)
