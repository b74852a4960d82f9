"""Every interactive control on every screen has an accessible name, and the names that tests and
screen readers rely on are there exactly once per screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.gui.breach_dialog import BreachDialog
from casevault.gui.case_page import CasePage
from casevault.gui.device_check_dialog import DeviceCheckDialog
from casevault.gui.library_dialog import LibraryDialog
from casevault.gui.main_window import MainWindow
from casevault.gui.new_case_dialog import NewCaseDialog
from casevault.gui.preferences_dialog import PreferencesDialog
from tests.gui.conftest import by_name
from tests.support.accessibility import unnamed_controls
from tests.support.gui_flows import MEMBER, add_case, create_vault

MakeApp = Callable[..., App]


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


def test_casework_guidance_dialogs(qtbot: QtBot, make_app: MakeApp) -> None:
    """The policy library, the breach form and log, the device check and the About box."""
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    assert isinstance(window.device_check, DeviceCheckDialog)  # shown once after creating
    assert unnamed_controls(window.device_check) == []
    by_name(window.device_check, "Check again")
    window.device_check.accept()
    window.library_action.trigger()
    assert isinstance(window.library_dialog, LibraryDialog)
    assert unnamed_controls(window.library_dialog) == []
    for name in ("Library documents", "Add to the library", "Preview", "Save a copy"):
        by_name(window.library_dialog, name)
    by_name(window.library_dialog, "Remove from the library")
    window.library_dialog.reject()
    window.breach_action.trigger()
    assert isinstance(window.breach_dialog, BreachDialog)
    assert unnamed_controls(window.breach_dialog) == []
    for name in ("When it happened", "What happened", "Cases affected", "Record the breach"):
        by_name(window.breach_dialog, name)
    window.breach_dialog.reject()
    window.breach_log_action.trigger()
    assert window.breach_log is not None and unnamed_controls(window.breach_log) == []
    window.breach_log.reject()
    window.about_action.trigger()
    assert window.about_box is not None and unnamed_controls(window.about_box) == []
    window.about_box.reject()


def test_handover_dialog(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    window.open_handover()
    dialog = window.handover_dialog
    assert dialog is not None
    assert unnamed_controls(dialog) == []
    for name in ("This vault's handover key", "Copy my handover key", "Receive a case"):
        by_name(dialog, name)
    dialog.reject()


def test_backup_dialog(qtbot: QtBot, make_app: MakeApp) -> None:
    """Backup… (issue 6): every control named, and the purge-vs-backup sentence shown."""
    from casevault.gui.backup_dialog import BackupDialog  # noqa: PLC0415

    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    window.backup_action.trigger()
    dialog = window.backup_dialog
    assert isinstance(dialog, BackupDialog)
    assert unnamed_controls(dialog) == []
    for name in ("Back up to a file", "Verify a backup", "Cancel the backup", "Passphrase for verifying"):
        by_name(dialog, name)
    assert "destroy old backups" in dialog.purge_warning.text()
    dialog.reject()
