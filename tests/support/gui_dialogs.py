"""One app with an open and a closed case, and a way to open every dialog the app has (first
written for tests/gui/test_lock_closes_everything.py; tests/gui/test_dialog_defaults.py uses it too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.gui.main_window import MainWindow
from casevault.vault.facade import Vault
from tests.conftest import PASSPHRASE
from tests.gui.conftest import window_named
from tests.support.gui_flows import button, create_vault, line

OPEN_MEMBER = "Zebulon Quarrington"
CLOSED_MEMBER = "Ottoline Brackenfeather"
SECRETS = (OPEN_MEMBER, CLOSED_MEMBER, "Quarrington", "Brackenfeather")

Opener = Callable[["Session"], None]


class Session:
    """One app with a vault holding an open and a closed case, unlocked again after every lock."""

    def __init__(self, qtbot: QtBot, app: App) -> None:
        self.qtbot = qtbot
        self.app = app
        self.window: MainWindow = app.main_window
        self.locks: list[int] = []
        self.window.locked.connect(lambda: self.locks.append(1))
        create_vault(qtbot, app)
        vault = self.vault
        self.open_ref = vault.new_case(OPEN_MEMBER)
        vault.add_note(self.open_ref, "Met the member at the depot.")
        self.closed_ref = vault.new_case(CLOSED_MEMBER)
        vault.close_case(self.closed_ref, retain_days=0)

    @property
    def vault(self) -> Vault:
        vault = self.window.vault
        assert vault is not None
        return vault

    def page(self) -> Any:
        if self.window.case_page is None:
            self.window.open_case(self.open_ref)
        page = self.window.case_page
        assert page is not None
        return page

    def unlock(self) -> None:
        dialog = window_named("Unlock casevault")
        line(dialog, "Passphrase").setText(PASSPHRASE)
        self.qtbot.mouseClick(button(dialog, "Unlock"), Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: self.window.vault is not None and self.window.isVisible())


def _new_case_with_conflict(s: Session) -> None:
    s.window.open_new_case()
    dialog = s.window._new_case
    assert dialog is not None
    s.qtbot.waitUntil(dialog.isVisible)
    dialog.member_name.setText(OPEN_MEMBER)  # matches the open case: the conflict dialog opens
    s.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _paper_trail(action: str) -> Opener:
    def open_it(s: Session) -> None:
        trail = s.page().paper_trail
        entries = trail.findChild(QTreeWidget)
        entries.setCurrentItem(entries.topLevelItem(0))
        getattr(trail, action)()

    return open_it


DIALOGS: dict[str, Opener] = {
    "new case": lambda s: s.window.open_new_case(),
    "conflict": _new_case_with_conflict,
    "preferences": lambda s: s.window.open_preferences(),
    "library": lambda s: s.window.open_library(),
    "breach form": lambda s: s.window.open_breach_form(),
    "breach log": lambda s: s.window.open_breach_log(),
    "about": lambda s: s.window.open_about(),
    "handover key": lambda s: s.window.open_handover(),
    "backup": lambda s: s.window.open_backup(),
    "device check": lambda s: s.window.open_device_check(),
    "device check (first run)": lambda s: s.window.open_device_check(first_run=True),
    "agenda": lambda s: s.window.reminders.open_agenda(),
    "deletion log": lambda s: s.window.reminders.open_deletion_log(),
    "retention": lambda s: s.window.reminders.open_retention(),
    "delete": lambda s: s.window.reminders.delete_case(s.closed_ref),
    "bulk delete": lambda s: s.window.reminders.delete_expired([s.closed_ref]),
    "close case": lambda s: s.page().ask_close_case(),
    "escalation": lambda s: s.page().people.ask_escalation(),
    "export": lambda s: s.page().open_export_dialog(),
    "hand over": lambda s: s.page().open_handover_dialog(),
    "add original": lambda s: s.page().originals.ask_add(),
    "edit entry": _paper_trail("edit_selected"),
    "entry history": _paper_trail("show_history"),
}


def visible_dialogs() -> list[QDialog]:
    """Shown dialogs, outermost first (a dialog opened from another comes after it)."""
    shown = [w for w in QApplication.allWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return sorted(shown, key=_depth)


def shown(dialog: QDialog) -> bool:
    """Whether a dialog is still on screen (one Qt has already deleted is not)."""
    return shiboken6.isValid(dialog) and dialog.isVisible()


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def choose_outcome(dialog: QWidget, code: str = "resolved-informally") -> None:
    """Pick how the case ended in the Close case dialog (its Close button waits for it)."""
    (combo,) = [c for c in dialog.findChildren(QComboBox) if c.accessibleName() == "Outcome"]
    index = combo.findData(code)
    assert index > 0, code
    combo.setCurrentIndex(index)
