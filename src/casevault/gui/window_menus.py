"""The main window's menus: File (Today, the case list, the reminders and the agenda, a new case,
locking, quitting), Casework, Settings (with the archive periods and the deletion log) and Help,
each entry with one mnemonic per letter and the platform's shortcut where there is one. Every
toolbar action is in a menu too, since a toolbar's buttons take no keyboard focus (issue 18).
The texts are in the MainWindow context, as when the window built them itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from casevault.casework import help_links

if TYPE_CHECKING:
    from casevault.gui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    bar.setAccessibleName(QCoreApplication.translate("MainWindow", "Menu bar"))
    _file_menu(window, bar)
    _casework_menu(window, bar)
    _settings_menu(window, bar)
    _help_menu(window, bar)


def _file_menu(window: MainWindow, bar: QMenuBar) -> None:
    files = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    files.addAction(window.today_action)
    files.addAction(window.cases_action)
    files.addAction(window.reminders.reminders_action)
    files.addAction(window.reminders.agenda_action)
    files.addSeparator()
    files.addAction(window.new_case_action)
    files.addSeparator()
    files.addAction(window.lock_action)
    files.addSeparator()
    window.quit_action = files.addAction(QCoreApplication.translate("MainWindow", "&Quit"))
    # The platform's Quit, else Ctrl+Q (some platform themes, such as offscreen, define none).
    window.quit_action.setShortcuts(
        QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
    )
    window.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    window.quit_action.triggered.connect(window.quit_app)


def _casework_menu(window: MainWindow, bar: QMenuBar) -> None:
    casework = bar.addMenu(QCoreApplication.translate("MainWindow", "&Casework"))
    window.library_action = casework.addAction(QCoreApplication.translate("MainWindow", "Policy &library…"))
    window.library_action.triggered.connect(window.open_library)
    casework.addSeparator()
    window.breach_action = casework.addAction(
        QCoreApplication.translate("MainWindow", "Report a confidentiality &breach…")
    )
    window.breach_action.triggered.connect(window.open_breach_form)
    window.breach_log_action = casework.addAction(
        QCoreApplication.translate("MainWindow", "Breach &records…")
    )
    window.breach_log_action.triggered.connect(window.open_breach_log)
    casework.addSeparator()
    window.calendar_action = casework.addAction(
        QCoreApplication.translate("MainWindow", "Export deadlines to a &calendar…")
    )
    window.calendar_action.triggered.connect(window.export_calendar)
    window.figures_action = casework.addAction(QCoreApplication.translate("MainWindow", "Branch &figures…"))
    window.figures_action.triggered.connect(window.open_figures)
    casework.addSeparator()
    window.receive_action = casework.addAction(QCoreApplication.translate("MainWindow", "Recei&ve a case…"))
    window.receive_action.triggered.connect(window.open_handover)
    window.handover_key_action = casework.addAction(
        QCoreApplication.translate("MainWindow", "My &handover key…")
    )
    window.handover_key_action.triggered.connect(window.open_handover)


def _settings_menu(window: MainWindow, bar: QMenuBar) -> None:
    preferences = bar.addMenu(QCoreApplication.translate("MainWindow", "&Settings"))
    preferences.addAction(window.preferences_action)
    window.device_check_action = preferences.addAction(
        QCoreApplication.translate("MainWindow", "&Check this device…")
    )
    window.device_check_action.triggered.connect(window.open_device_check)
    window.backup_action = preferences.addAction(QCoreApplication.translate("MainWindow", "&Backup…"))
    window.backup_action.triggered.connect(window.open_backup)
    window.clock_action = preferences.addAction(
        QCoreApplication.translate("MainWindow", "&Deadlines and working days…")
    )
    window.clock_action.triggered.connect(window.open_clock_settings)
    window.sync_action = preferences.addAction(QCoreApplication.translate("MainWindow", "S&ync…"))
    window.sync_action.triggered.connect(window.open_sync)
    preferences.addSeparator()
    preferences.addAction(window.reminders.retention_action)
    preferences.addAction(window.reminders.log_action)


def _help_menu(window: MainWindow, bar: QMenuBar) -> None:
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    window.shortcuts_action = help_menu.addAction(
        QCoreApplication.translate("MainWindow", "&Keyboard shortcuts…")
    )
    window.shortcuts_action.setShortcuts(
        QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents) or [QKeySequence("F1")]
    )
    window.shortcuts_action.triggered.connect(window.open_shortcuts)
    help_menu.addSeparator()
    window.help_actions = {}
    about = QCoreApplication.translate("MainWindow", "&About casevault")
    # The links' titles are the guides' own names: each gets a letter the menu has free.
    taken = {letter for letter in map(mnemonic, (window.shortcuts_action.text(), about)) if letter}
    for link in help_links.LINKS:
        title = with_mnemonic(QCoreApplication.translate(help_links.CONTEXT, link.title), taken)
        action = help_menu.addAction(title)
        action.setData(link.url)
        action.setToolTip(link.url)
        action.triggered.connect(lambda _checked=False, url=link.url: window.open_url(QUrl(url)))
        window.help_actions[link.key] = action
    help_menu.addSeparator()
    window.about_action = help_menu.addAction(about)
    window.about_action.triggered.connect(window.open_about)


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" in a menu entry's text, in lower case, or None."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def with_mnemonic(text: str, taken: set[str]) -> str:
    """`text` with a mnemonic on its first letter or digit not in `taken` (which it joins), and any
    "&" of its own doubled so it shows as itself; without a free letter, no mnemonic."""
    for at, char in enumerate(text):
        if char.isalnum() and char.lower() not in taken:
            taken.add(char.lower())
            return text[:at].replace("&", "&&") + "&" + text[at:].replace("&", "&&")
    return text.replace("&", "&&")


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every window action with a shortcut, in menu order, as the Keyboard
    shortcuts window lists them: read from the actions themselves, so it cannot go stale."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    actions: list[QAction] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            actions += [a for a in menu.actions() if not a.isSeparator()]
    actions += window.actions()
    for action in actions:
        keys = [
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()
        ]
        if keys and id(action) not in seen:
            seen.add(id(action))
            rows.append((action.text().replace("&", ""), ", ".join(keys)))
    return rows
