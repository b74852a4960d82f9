"""One app with an open and a closed case, a way to open every dialog the app has, and each
dialog's primary action (first written for tests/gui/test_lock_closes_everything.py;
tests/gui/test_dialog_defaults.py and tests/gui/test_keyboard.py use it too)."""

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
        # The reminders are read on a worker: the panel has the closed case's once this is in.
        app.reminder_watch.check()
        qtbot.waitUntil(lambda: any(r.ref == self.closed_ref for r in app.reminder_watch.due))

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


def _letter_template(code: str | None = "") -> Opener:
    """The template dialog from the letter dialog: the chosen template's ("") or a new one (None)."""

    def open_it(s: Session) -> None:
        s.page().open_letter_dialog()
        dialog = s.page().letter_dialog
        assert dialog is not None
        if code is None:
            dialog._open_template(None)
        else:
            dialog.edit_template()

    return open_it


def _return_original(s: Session) -> None:
    originals = s.page().originals
    s.vault.add_original(s.open_ref, "Payslips, January (originals)", received_at=s.vault.now())
    originals.reload()
    originals.select("Payslips, January (originals)")
    originals.ask_return()


# The dialogs DIALOGS leaves out, for the tests that walk every dialog the app has
# (tests/gui/test_keyboard.py); DIALOGS is what the lock test opens, three times over.
MORE_DIALOGS: dict[str, Opener] = {
    "shortcuts": lambda s: s.window.open_shortcuts(),
    "clock settings": lambda s: s.window.open_clock_settings(),
    "figures": lambda s: s.window.open_figures(),
    "letter": lambda s: s.page().open_letter_dialog(),
    "letter template": _letter_template(),
    "new letter template": _letter_template(None),
    "return original": _return_original,
}


# The primary action of each dialog in DIALOGS and MORE_DIALOGS: what Enter does (the default
# button, by its text). None where the dialog has no single primary action (a browser of
# records); Enter then does nothing rather than close it.
PRIMARY: dict[str, str | None] = {
    "new case": "&Save",
    "conflict": "&Record decision",
    "preferences": "OK",
    "library": None,
    "breach form": "&Record the breach",
    "breach log": "&Export report…",
    "about": "Close",
    "backup": "&Back up to…",
    "device check": "Close",
    "device check (first run)": "Close",
    "agenda": "Close",
    "deletion log": "Close",
    "retention": "Save",
    "delete": "&Delete permanently",
    "bulk delete": "&Delete all permanently",
    "close case": "&Close case",
    "escalation": "&Record escalation",
    "export": "&Export",
    "add original": "&Save",
    "edit entry": "&Save new version",
    "entry history": "&Close",
    "handover key": "Close",  # two menu entries open it (My handover key, Receive a case)
    "hand over": "&Hand over case…",
    "shortcuts": "Close",
    "clock settings": "OK",
    "figures": "Close",
    "letter": "&File in the case",
    "letter template": "&Save template",
    "new letter template": "&Save template",
    "return original": "&Save",
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
