"""The GUI half of scripts/attacks/lock_sequence.py: run by it, in its own process, with the
project's Python (it imports casevault.gui and PySide6).

    _lock_driver.py VAULT ROUTE MODE

Starts the real desktop app on VAULT (made by the CLI), unlocks it through the unlock dialog with
$CASEVAULT_PASSPHRASE, then for every dialog the app has: opens it, cancels it with Escape (MODE
"cancel", answering Discard where it asks) or leaves it open (MODE "leave", with a member's name
typed into it where it has a name field), and locks by ROUTE ("lock-now", "idle", "screen-lock").
After each lock it checks that the vault is closed, that `locked` fired, and that no widget left
in the process holds a member's name ($LOCK_SECRETS, separated by "|"); then unlocks again. One
JSON line per trial on stdout; exit 0 when every trial ended locked, 1 otherwise."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from casevault.core.paths import VaultPaths
from casevault.gui.app import App
from casevault.gui.typed_input import Discard, TypedInputDialog

PASSPHRASE = os.environ["CASEVAULT_PASSPHRASE"]
SECRETS = [s for s in os.environ.get("LOCK_SECRETS", "").split("|") if s]


def pump(ms: int = 20) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.002)


def wait_until(check: Callable[[], bool], seconds: float = 10) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        pump(10)
    return check()


def visible_dialogs() -> list[QDialog]:
    """Shown dialogs, outermost first (a dialog opened from another comes after it)."""
    shown = [w for w in QApplication.allWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return sorted(shown, key=_depth)


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def key(widget: QWidget, code: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier))


def texts(widget: QWidget) -> list[str]:
    out = [widget.windowTitle(), widget.toolTip()]
    if isinstance(widget, (QLabel, QLineEdit)):
        out.append(widget.text())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        out.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        out += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        stack = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
        while stack:
            index = stack.pop()
            out.append(str(model.data(index) or ""))
            for r in range(model.rowCount(index)):
                stack.extend(model.index(r, c, index) for c in range(model.columnCount(index)))
    return out


def leaks() -> int:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()
    return sum(1 for w in QApplication.allWidgets() if any(s in t for t in texts(w) for s in SECRETS))


class Driver:
    def __init__(self, root: Path) -> None:
        self.app = App(VaultPaths(root), keychain=None, idle_ms=600_000)
        self.window = self.app.main_window
        self.locks = 0
        self.window.locked.connect(self._locked)
        self.app.start()
        self.unlock()
        vault = self.window.vault
        assert vault is not None
        cases = vault.list_cases(status=None)
        self.open_ref = next(c.ref for c in cases if c.status == "open")
        self.closed_ref = next(c.ref for c in cases if c.status == "closed")

    def _locked(self) -> None:
        self.locks += 1

    def unlock(self) -> bool:
        dialog = self.app.unlock_dialog
        if not wait_until(dialog.isVisible):
            return False
        field = next(w for w in dialog.findChildren(QLineEdit) if w.accessibleName() == "Passphrase")
        field.setText(PASSPHRASE)
        button = next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Unlock")
        button.click()
        return wait_until(lambda: self.window.vault is not None and self.window.isVisible(), 60)

    def page(self) -> Any:
        if self.window.case_page is None:
            self.window.open_case(self.open_ref)
        return self.window.case_page

    def trail(self, action: str) -> None:
        trail = self.page().paper_trail
        entries = trail.findChild(QTreeWidget)
        entries.setCurrentItem(entries.topLevelItem(0))
        getattr(trail, action)()

    def conflict(self) -> None:
        self.window.open_new_case()
        dialog = self.window._new_case
        assert dialog is not None
        wait_until(dialog.isVisible)
        dialog.member_name.setText(SECRETS[0])
        dialog.save_button.click()

    def dialogs(self) -> dict[str, Callable[[], object]]:
        w, r = self.window, self.window.reminders
        return {
            "new case": w.open_new_case,
            "conflict": self.conflict,
            "preferences": w.open_preferences,
            "library": w.open_library,
            "breach form": w.open_breach_form,
            "breach log": w.open_breach_log,
            "about": w.open_about,
            "handover key": w.open_handover,
            "backup": w.open_backup,
            "device check": w.open_device_check,
            "device check (first run)": lambda: w.open_device_check(first_run=True),
            "agenda": r.open_agenda,
            "deletion log": r.open_deletion_log,
            "retention": r.open_retention,
            "delete": lambda: r.delete_case(self.closed_ref),
            "bulk delete": lambda: r.delete_expired([self.closed_ref]),
            "close case": lambda: self.page().ask_close_case(),
            "escalation": lambda: self.page().people.ask_escalation(),  # noqa: PLW0108 - page made when asked
            "export": lambda: self.page().open_export_dialog(),
            "hand over": lambda: self.page().open_handover_dialog(),
            "add original": lambda: self.page().originals.ask_add(),  # noqa: PLW0108
            "edit entry": lambda: self.trail("edit_selected"),
            "entry history": lambda: self.trail("show_history"),
        }

    def lock(self, route: str) -> None:
        if route == "lock-now":
            self.window.lock_action.trigger()
        elif route == "idle":
            self.window.set_idle_ms(50)
            wait_until(lambda: self.window.vault is None, 5)
        else:
            self.app.screen_lock.screen_locked.emit()
        self.window.set_idle_ms(600_000)

    def trial(self, name: str, open_it: Callable[[], object], route: str, mode: str) -> dict[str, object]:
        before = {id(d) for d in visible_dialogs()}
        error = ""
        try:
            open_it()
        except Exception as err:
            error = type(err).__name__
        opened = (
            [d for d in visible_dialogs() if id(d) not in before]
            if wait_until(lambda: any(id(d) not in before for d in visible_dialogs()), 5)
            else []
        )
        if mode == "cancel":
            for dialog in reversed(opened):
                key(dialog, Qt.Key.Key_Escape)
            pump()
        elif opened:
            fields = [f for f in opened[-1].findChildren(QLineEdit) if f.isVisible() and not f.isReadOnly()]
            if fields:
                fields[0].setText(SECRETS[0])  # typed text must not survive the lock either
        vault, locks = self.window.vault, self.locks
        lock_error = ""
        try:
            self.lock(route)
        except Exception as err:
            lock_error = type(err).__name__
        result = {
            "dialog": name,
            "route": route,
            "mode": mode,
            "opened": len(opened),
            "open_error": error,
            "lock_error": lock_error,
            "vault_closed": self.window.vault is None and vault is not None and not vault.is_open,
            "locked_signal": self.locks == locks + 1,
            "window_hidden": not self.window.isVisible(),
            "widgets_with_case_data": leaks(),
        }
        result["handled"] = bool(
            opened
            and not lock_error
            and result["vault_closed"]
            and result["locked_signal"]
            and result["window_hidden"]
            and result["widgets_with_case_data"] == 0
        )
        if self.window.vault is not None:
            self.window.lock()  # a failed trial must not poison the next one
        result["unlocked_again"] = self.unlock()
        return result


def main() -> int:
    root, route, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    TypedInputDialog.ask_discard = lambda _self: Discard.DISCARD  # type: ignore[method-assign]
    QApplication(sys.argv[:1])
    driver = Driver(root)
    ok = True
    for name, open_it in driver.dialogs().items():
        result = driver.trial(name, open_it, route, mode)
        print(json.dumps(result), flush=True)
        ok = ok and bool(result["handled"])
        if not result["unlocked_again"]:
            break
    driver.app.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
