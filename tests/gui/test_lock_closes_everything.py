"""Issue 13, item 1: a lock never fails open.

Every dialog the app has is opened in turn, then either cancelled with Escape or left open, and the
vault is locked by each of the three routes (Lock now, the idle timer, the screen-lock signal).
After each lock the vault is closed, the `locked` signal fired, and no widget left anywhere shows
a member's name. Then the same with a teardown step that raises, and a background task whose
result arrives after the lock."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casevault.gui import tasks
from casevault.gui.app import App
from casevault.gui.case_page import CasePage
from casevault.gui.new_case_dialog import NewCaseDialog
from casevault.gui.typed_input import Discard, TypedInputDialog
from casevault.vault.facade import Vault
from tests.support.gui_dialogs import CLOSED_MEMBER, DIALOGS, SECRETS, Session, shown, visible_dialogs

ROUTES = ("lock now", "idle", "screen lock")


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()


def texts_of(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.toolTip()
    if isinstance(widget, QLabel):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        stack = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
        while stack:
            index = stack.pop()
            yield str(model.data(index) or "")
            for r in range(model.rowCount(index)):
                stack.extend(model.index(r, c, index) for c in range(model.columnCount(index)))


def widgets_showing_case_data() -> list[str]:
    """Every widget still alive (shown or not) whose text holds a member's name."""
    flush_deletes()
    found = []
    for widget in QApplication.allWidgets():
        for text in texts_of(widget):
            if any(secret in text for secret in SECRETS):
                found.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return found


def lock_by(s: Session, route: str) -> None:
    if route == "lock now":
        s.window.lock_action.trigger()
    elif route == "idle":
        s.window.set_idle_ms(30)
        s.qtbot.waitUntil(lambda: s.window.vault is None, timeout=5000)
    else:
        s.app.screen_lock.screen_locked.emit()
    s.window.set_idle_ms(60_000)


def assert_locked(s: Session, vault: Vault, locks_before: int, label: str) -> None:
    assert s.window.vault is None, label
    assert not vault.is_open, label
    assert len(s.locks) == locks_before + 1, label
    assert not s.window.isVisible(), label
    assert widgets_showing_case_data() == [], label


@pytest.fixture
def session(qtbot: QtBot, make_app: Callable[..., App], monkeypatch: pytest.MonkeyPatch) -> Session:
    # Escape on a form with something typed asks first; here the rep answers Discard (the
    # question itself, and a lock while it is up, are tested in test_dialog_defaults.py).
    monkeypatch.setattr(TypedInputDialog, "ask_discard", lambda _self: Discard.DISCARD)
    return Session(qtbot, make_app())


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("mode", ["cancelled", "left open"])
def test_every_dialog_then_every_lock_route_ends_locked(session: Session, route: str, mode: str) -> None:
    s = session
    for name, open_it in DIALOGS.items():
        label = f"{name}, {mode}, {route}"
        before = set(map(id, visible_dialogs()))
        open_it(s)
        s.qtbot.waitUntil(lambda before=before: any(id(d) not in before for d in visible_dialogs()))
        opened = [d for d in visible_dialogs() if id(d) not in before]
        if mode == "cancelled":
            for dialog in reversed(opened):  # the innermost first, as a rep would
                s.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            s.qtbot.waitUntil(lambda opened=opened: not any(map(shown, opened)))
        vault, locks = s.vault, len(s.locks)
        lock_by(s, route)
        assert_locked(s, vault, locks, label)
        s.unlock()


def test_a_teardown_step_that_raises_still_ends_locked(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = session

    def broken(_self: object) -> None:
        raise RuntimeError("Internal C++ object already deleted")

    monkeypatch.setattr(NewCaseDialog, "reject", broken)
    monkeypatch.setattr(NewCaseDialog, "drop_on_lock", broken, raising=False)
    monkeypatch.setattr(CasePage, "close_dialogs", broken)
    s.page().open_export_dialog()  # still closed: the window's safety net finds every QDialog
    s.window.open_new_case()
    dialog = s.window._new_case
    assert dialog is not None
    s.qtbot.waitUntil(dialog.isVisible)
    dialog.member_name.setText(CLOSED_MEMBER)
    vault, locks = s.vault, len(s.locks)
    s.window.lock()
    assert s.window.vault is None
    assert not vault.is_open
    assert len(s.locks) == locks + 1
    assert [type(d).__name__ for d in visible_dialogs()] == ["UnlockDialog"]
    assert widgets_showing_case_data() == []


def test_lock_after_escape_on_new_case_is_locked_every_time(session: Session) -> None:
    """The exact report: Ctrl+N, Escape, Lock now, twice."""
    s = session
    for _ in range(2):
        s.window.new_case_action.trigger()
        dialog = s.window._new_case
        assert dialog is not None
        s.qtbot.waitUntil(dialog.isVisible)
        s.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        s.qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible())
        flush_deletes()
        vault, locks = s.vault, len(s.locks)
        s.window.lock_action.trigger()
        assert_locked(s, vault, locks, "new case, escape, lock now")
        s.unlock()


def test_a_background_result_after_a_lock_is_dropped(session: Session) -> None:
    s = session
    release = threading.Event()
    delivered: list[object] = []

    def work(_progress: Callable[[int], None]) -> str:
        release.wait(5)
        return "result"

    handle = tasks.run_task(work, delivered.append, delivered.append, parent=s.window)
    s.window.lock()
    assert handle.dropped
    release.set()
    # `running` turns False on the GUI thread exactly where the callbacks would have been called.
    s.qtbot.waitUntil(lambda: not handle.running)
    assert delivered == []
