"""The main window: the case list with a status filter, search as you type, "New case" and locking.

Double-click or Enter on a row opens the case page; "Back to cases" returns to the list.

Locking (Ctrl+L, after the idle time, or when the session's screen locks) closes the vault, clears
every model and view that held case data (the case page is destroyed), and emits `locked` so the
app shows the unlock dialog again. Every dialog is opened through one DialogSet (window_dialogs.py,
teardown.py) and every teardown step is guarded, so a lock always ends locked.
Unsaved first-meeting changes are never dropped silently: going back, Lock now and closing the
window ask Save / Discard / Cancel (`ask_unsaved`, replaceable in tests); the idle and screen
locks, which have nobody to ask, save them first. The idle time is a preference (gui.ini)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from casevault.core.errors import CasevaultError
from casevault.gui import icons, settings, tasks, worker_read
from casevault.gui.case_list_model import CaseListModel
from casevault.gui.first_paint import AfterPaint
from casevault.gui.reminder_watch import ReminderWatch
from casevault.gui.reminders_ui import RemindersUi
from casevault.gui.screen_lock import ScreenLockWatcher
from casevault.gui.sync_watch import SyncWatch
from casevault.gui.teardown import DialogSet, alive, close_dialogs_under, guarded
from casevault.gui.today_view import TodayView
from casevault.gui.window_dialogs import WindowDialogs
from casevault.gui.window_menus import build_menus
from casevault.vault.facade import Vault

if TYPE_CHECKING:
    from casevault.gui.case_list_page import CaseListPage
    from casevault.gui.case_page import CasePage
    from casevault.gui.preferences_dialog import PreferencesDialog
    from casevault.vault.sync.working import SyncReport

MINUTE_MS = 60 * 1000
DEFAULT_IDLE_MS = settings.DEFAULT_IDLE_MINUTES * MINUTE_MS
SEARCH_DEBOUNCE_MS = 250
EXIT_READS_WAIT_S = 5.0  # a read takes well under a second, even at 100k cases
log = logging.getLogger(__name__)
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class MainWindow(WindowDialogs, QMainWindow):
    locked = Signal()
    case_opened = Signal(str)
    # Made by window_menus.build_menus.
    quit_action: QAction
    library_action: QAction
    breach_action: QAction
    breach_log_action: QAction
    calendar_action: QAction
    figures_action: QAction
    receive_action: QAction
    handover_key_action: QAction
    device_check_action: QAction
    backup_action: QAction
    clock_action: QAction
    sync_action: QAction
    shortcuts_action: QAction
    about_action: QAction
    help_actions: dict[str, QAction]

    def __init__(
        self, *, idle_ms: int = DEFAULT_IDLE_MS, watch: ReminderWatch | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._locking = False
        # Every dialog this window opens goes through here, so a lock reaches all of them.
        self.dialogs = DialogSet(self)
        # Opens a Help link in the browser; tests replace it.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._screen_lock_watched = False
        self.case_page: CasePage | None = None
        self.setWindowTitle("casevault")  # never a member's name
        self.setAccessibleName("casevault")
        self.model = CaseListModel(self)
        self._build_top()
        self._build_actions(watch or ReminderWatch(parent=self))
        self.statusBar()
        self.sync_watch = SyncWatch(self)
        self.sync_watch.synced.connect(self._synced)
        self.after_paint = AfterPaint(self)  # what unlocking starts that the first screen never shows
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.lock)
        self.resize(900, 560)
        settings.restore_geometry(self, "main")

    def _build_top(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)
        self._list_page: CaseListPage | None = None  # see `list_page`
        self.today = TodayView()
        self.today.show_cases_requested.connect(self.show_cases)
        self.today.open_case_requested.connect(self.open_case)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.today)
        self._home: QWidget | None = None  # where Back from a case goes: Today, or (None) the list
        self._central = QWidget()
        central = QVBoxLayout(self._central)
        central.setContentsMargins(0, 0, 0, 0)
        central.addWidget(self.stack, 1)
        self.setCentralWidget(self._central)

    @property
    def list_page(self) -> CaseListPage:
        """The case list's page, built after the first paint (unlocking opens on Today) or when
        first asked for; the model it shows is filled at unlock either way."""
        if self._list_page is None:
            from casevault.gui.case_list_page import CaseListPage  # noqa: PLC0415 - with the page

            page = self._list_page = CaseListPage(self.model)
            page.table.activated.connect(self._row_activated)  # double-click, or Enter
            page.filter.currentIndexChanged.connect(self._filter_changed)
            page.search.textChanged.connect(self._search_timer.start)
            showing = self.stack.currentWidget()
            self.stack.insertWidget(0, page)
            if self._home is None and showing is self.today:
                self.stack.setCurrentWidget(page)  # before Today or a case opened: the list, as ever
            self.reminders.banner_last_in_tab_chain()
        return self._list_page

    @property
    def table(self) -> QTableView:
        return self.list_page.table

    @property
    def search(self) -> QLineEdit:
        return self.list_page.search

    @property
    def filter(self) -> QComboBox:
        return self.list_page.filter

    @property
    def case_list_hint(self) -> Any:
        return self.list_page.hint

    def _build_actions(self, watch: ReminderWatch) -> None:
        self.new_case_action = QAction(self.tr("&New case"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.open_new_case)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.triggered.connect(self.request_lock)
        self.back_action = QAction(self.tr("&Back to cases"), self)
        # Alt+Left, and Ctrl+W as closing a document does: leaving a case never closes the window.
        self.back_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Back), QKeySequence("Ctrl+W")])
        self.back_action.setEnabled(False)
        self.back_action.triggered.connect(self.back_to_cases)
        self.addAction(self.back_action)
        find_action = QAction(self.tr("&Find"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._focus_search)
        self.addAction(find_action)
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.today_action = QAction(self.tr("&Today"), self)
        self.today_action.setShortcut(QKeySequence("Ctrl+1"))
        self.today_action.triggered.connect(self.show_today)
        self.cases_action = QAction(self.tr("&All cases"), self)
        self.cases_action.setShortcut(QKeySequence("Ctrl+2"))
        self.cases_action.triggered.connect(self.show_cases)
        for action, name in (
            (self.today_action, "today"),
            (self.cases_action, "cases"),
            (self.new_case_action, "new-case"),
            (self.lock_action, "lock"),
        ):
            action.setIcon(icons.icon(name))
            toolbar.addAction(action)
        self.preferences_action = QAction(self.tr("&Preferences…"), self)
        self.preferences_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.preferences_action.triggered.connect(self.open_preferences)
        self.preferences_action.setIcon(icons.icon("preferences"))
        toolbar.addAction(self.preferences_action)
        self.addToolBar(toolbar)
        toolbar.widgetForAction(self.today_action).setAccessibleName(self.tr("Today"))
        toolbar.widgetForAction(self.cases_action).setAccessibleName(self.tr("All cases"))
        toolbar.widgetForAction(self.new_case_action).setAccessibleName(self.tr("New case"))
        toolbar.widgetForAction(self.lock_action).setAccessibleName(self.tr("Lock now"))
        toolbar.widgetForAction(self.preferences_action).setAccessibleName(self.tr("Preferences"))
        # Reminders, agenda, deletion log and archive periods (reminders_ui.py); the banner sits
        # above the case list and the case page.
        self.reminders = RemindersUi(self, toolbar, watch)
        for action, name in (
            (self.reminders.reminders_action, "reminders"),
            (self.reminders.agenda_action, "agenda"),
            (self.reminders.log_action, "deletion-log"),
            (self.reminders.retention_action, "archive"),
        ):
            action.setIcon(icons.icon(name))
        self.reminders.open_case_requested.connect(self.open_case)
        self.reminders.case_deleted.connect(self._case_deleted)
        self.today.show_reminders_requested.connect(self.reminders.show_panel)
        self.reminders.watch.changed.connect(self._reminders_checked)
        layout = self._central.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.reminders.banner)
        build_menus(self)

    def _reminders_checked(self, _due: list[object]) -> None:
        # Only a check's result: the watch's stop (a lock, exit) says [] too, and reading Today
        # again then would start a read as the vault closes.
        watch = self.reminders.watch
        if watch.watching:
            self.today.reminders_changed(watch.due, watch.total)

    # ---- the vault -------------------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        return self._vault

    def set_vault(self, vault: Vault, notice: str = "") -> None:
        self._vault = vault
        self.model.set_vault(vault)
        self.reminders.set_vault(vault)
        self.today.set_vault(vault)
        # What Today, the first screen, does not show waits for its paint (issue 15): the case list's
        # page, and whether the vault syncs (that loads the sync service, 60 ms).
        self.after_paint.start(lambda: self.list_page)
        self.after_paint.start(lambda: self.sync_watch.set_vault(vault) if self._vault is vault else None)
        self.show_today()  # the morning's first screen
        if notice:
            self.statusBar().showMessage(notice)
        app = _app()
        if app is not None:
            app.installEventFilter(self)
        self._idle.start()

    def request_lock(self) -> None:
        """Lock now (Ctrl+L, the button): asks first if the case page has unsaved changes."""
        if self._settle_unsaved():
            self.lock()

    def lock(self) -> None:
        """Close the vault, forget every row, and ask for the passphrase again.

        Also the idle and screen locks. Unsaved first-meeting changes still on the page are saved
        first rather than lost: nobody is there to ask, and saving is safe because it only writes
        to the encrypted vault, which is then closed. Every teardown step is guarded and the vault
        closes in `finally`: whatever fails on the way, the result is locked, never open."""
        if self._locking:
            return  # a lock fired from inside a lock (a nested event loop): the first one finishes
        self._locking = True
        try:
            guarded("idle-timer", self._idle.stop)
            guarded("after-paint", self.after_paint.cancel)
            guarded("reminder-watch", self.reminders.watch.stop)  # on its own: clear() may fail
            guarded("sync-watch", self.sync_watch.stop)
            guarded("background-tasks", tasks.drop_all)
            guarded("save-case-page", self._save_case_page)
            guarded("case-page", self._drop_case_page)
            guarded("search-timer", self._search_timer.stop)
            guarded("event-filter", self._remove_event_filter)
            library = self.library_dialog
            if library is not None:
                guarded("library-clear", library.clear)
            guarded("reminders", self.reminders.clear)
            guarded("dialogs", self.dialogs.close_all)
            guarded("case-list", self.model.clear)
            guarded("today", lambda: self.today.set_vault(None))
            guarded("search-field", self._clear_search)
            guarded("status-bar", self.statusBar().clearMessage)
        finally:
            vault, self._vault = self._vault, None
            if vault is not None:
                guarded("vault-close", vault.close)
            if self.isVisible():
                guarded("geometry", lambda: settings.save_geometry(self, "main"))
                guarded("hide", self.hide)
            self._locking = False
            self.locked.emit()

    def _synced(self, report: SyncReport) -> None:
        """A background sync ended: what came in shows; the status bar says so in counts."""
        if report.received:
            for refresh in (self.model.reload, self.today.reload, self.reminders.watch.check):
                refresh()
        said = self.sync_watch.summary(report)
        if said:
            self.statusBar().showMessage(said, 15000)

    def _remove_event_filter(self) -> None:
        app = _app()
        if app is not None:
            app.removeEventFilter(self)

    def _clear_search(self) -> None:
        if self._list_page is None:
            return  # never built, so nothing was typed
        self.search.blockSignals(True)
        try:
            self.search.clear()
        finally:
            self.search.blockSignals(False)

    def watch_screen_lock(self, watcher: ScreenLockWatcher) -> None:
        watcher.screen_locked.connect(self.lock_if_open)
        self._screen_lock_watched = bool(watcher.watching())

    def lock_if_open(self) -> None:
        """The session's screen locked: nobody is at the keyboard, so lock as the idle lock does."""
        if self._vault is not None:
            self.lock()

    # ---- idle lock -------------------------------------------------------------------------

    def stop_timers(self) -> None:
        """On exit: the idle lock and the reminder checks must not fire on a closed window, and
        the reads still running on workers end (closing their connections) before the vault is
        closed and, for the demo, deleted."""
        self._idle.stop()
        self.after_paint.cancel()
        self.reminders.watch.stop()
        if not worker_read.wait_for_reads(EXIT_READS_WAIT_S):
            log.warning("exit.reads-still-running")
        app = _app()
        if app is not None:
            app.removeEventFilter(self)

    def idle_ms(self) -> int:
        return self._idle.interval()

    def set_idle_ms(self, idle_ms: int) -> None:
        """A new idle time, counted from now when the vault is open."""
        self._idle.setInterval(idle_ms)
        if self._idle.isActive():
            self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._idle.isActive():
            self._idle.start()  # restart the countdown
        return False

    # ---- actions ---------------------------------------------------------------------------

    def _case_received(self, ref: str) -> None:
        dialog = self.handover_dialog
        if dialog is not None:
            dialog.accept()
        self._run_search()
        self.open_case(ref)

    def _preferences_finished(self, dialog: PreferencesDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            minutes = settings.set_idle_minutes(dialog.idle_minutes())
            self.set_idle_ms(minutes * MINUTE_MS)

    def _row_activated(self, index: QModelIndex) -> None:
        ref = self.model.ref_at(index.row())
        if ref is not None:
            self.open_case(ref)

    def open_case(self, ref: str) -> None:
        if self._vault is None or not self._settle_unsaved():
            return
        # The case page and its documents panel load on the first open: 33 ms off every start.
        from casevault.gui.case_page import CasePage  # noqa: PLC0415
        from casevault.gui.documents import DocumentsPanel  # noqa: PLC0415

        self._drop_case_page()
        try:
            page = CasePage(self._vault, ref)
        except CasevaultError as err:
            self.statusBar().showMessage(err.message, 5000)
            return
        page.set_documents_widget(DocumentsPanel(self._vault, ref))
        page.back_requested.connect(self.back_to_cases)
        if self._home is self.today:
            page.back_button.setText(self.tr("← &Back to Today"))
            page.back_button.setAccessibleName(self.tr("Back to Today"))
        page.delete_requested.connect(self.reminders.delete_case)
        page.status_changed.connect(lambda _ref: self.reminders.watch.check())  # closing raises reminders
        # An entry (an escalation, a written follow-up) can settle a reminder: say so at once.
        page.paper_trail.changed.connect(self.reminders.watch.check)
        page.people.changed.connect(self.reminders.watch.check)
        self.case_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.back_action.setEnabled(True)
        self.new_case_action.setEnabled(False)
        self.case_opened.emit(ref)

    def back_to_cases(self) -> None:
        if self.case_page is None or not self._settle_unsaved():
            return
        self._drop_case_page()
        self._run_search()  # the list may show what changed (last updated)
        (self.today.coming if self._home is self.today else self.table).setFocus()

    def save_and_drop_case_page(self) -> None:
        """Save unsaved first-meeting changes (nobody is asked), then destroy the case page."""
        try:
            self._save_case_page()
        finally:
            self._drop_case_page()

    def _save_case_page(self) -> None:
        if self.case_page is not None and self.case_page.has_unsaved_changes():
            self.case_page.save()

    def _drop_case_page(self) -> None:
        """Destroy the case page so no widget keeps case data."""
        page, self.case_page = self.case_page, None
        if alive(page):
            assert page is not None
            guarded("case-page-dialogs", page.close_dialogs)
            close_dialogs_under(page)  # before the page leaves the window's tree
            documents = page.documents_widget()
            from casevault.gui.documents import DocumentsPanel  # noqa: PLC0415 - loaded by open_case

            if isinstance(documents, DocumentsPanel):
                # cancel an attach in progress and drop names and previews
                guarded("documents-clear", documents.clear)
            self.stack.removeWidget(page)
            page.hide()
            page.setParent(None)
            page.deleteLater()
        self.stack.setCurrentWidget(self._home or self.list_page)
        self.back_action.setEnabled(False)
        self.new_case_action.setEnabled(True)

    def ask_unsaved(self) -> Unsaved:
        """Save, Discard or Cancel for unsaved first-meeting changes. Tests replace this method."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setAccessibleName(self.tr("Unsaved changes"))
        box.setText(self.tr("The first meeting form has changes that are not saved."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Save:
            return Unsaved.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def _settle_unsaved(self) -> bool:
        """True when it is fine to leave the case page: nothing unsaved, or saved, or discarded."""
        page = self.case_page
        if page is None or not page.has_unsaved_changes():
            return True
        choice = self.ask_unsaved()
        if choice is Unsaved.SAVE:
            return page.save()  # on failure the reason is shown on the form, and we stay
        if choice is Unsaved.DISCARD:
            page.discard()
            return True
        return False

    def _case_deleted(self, ref: str) -> None:
        """A case was deleted permanently: its page goes (nothing of it is left to save)."""
        if self.case_page is not None and self.case_page.ref == ref:
            self._drop_case_page()
        self._run_search()

    def _case_created(self, ref: str) -> None:
        self.statusBar().showMessage(self.tr("Case %1 opened.").replace("%1", ref), 5000)
        self.show_cases()  # the new case is at the top of the list
        self._run_search()

    # ---- Today and the case list -----------------------------------------------------------

    def show_today(self) -> None:
        if self.case_page is not None:
            self.back_to_cases()  # asks about unsaved changes first
            if self.case_page is not None:
                return
        self._home = self.today
        self.stack.setCurrentWidget(self.today)
        self.today.refresh()
        self.today.coming.setFocus()

    def show_cases(self) -> None:
        if self.case_page is not None:
            self.back_to_cases()
            if self.case_page is not None:
                return
        self._home = self.list_page
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus()

    def quit_app(self) -> None:
        """Ctrl+Q: as closing the window, after the same question about unsaved changes."""
        if self._settle_unsaved():
            app = _app()
            if app is not None:
                app.quit()

    def _filter_changed(self, _index: int) -> None:
        self.model.set_status(self.filter.currentData())
        if self.search.text().strip():
            self._run_search()

    def _focus_search(self) -> None:
        if self.case_page is None and self.stack.currentWidget() is not self.list_page:
            self.show_cases()
        self.search.setFocus()
        self.search.selectAll()

    def _run_search(self) -> None:
        if self._vault is None:
            return
        query = self.search.text().strip()
        if not query:
            self.model.reload()
            return
        try:
            self.model.search(query)
        except CasevaultError as err:
            self.statusBar().showMessage(err.message, 5000)
            return
        if self.model.rowCount() >= SEARCH_PAGE:  # search_cases' page: more may match
            self.statusBar().showMessage(
                self.tr("Showing the first %1 matching cases: add a word to narrow the search.").replace(
                    "%1", str(SEARCH_PAGE)
                ),
                8000,
            )

    def closeEvent(self, event: Any) -> None:
        if not self._settle_unsaved():
            event.ignore()
            return
        preferences = self._preferences
        if preferences is not None:
            preferences.reject()
        settings.save_geometry(self, "main")
        super().closeEvent(event)


SEARCH_PAGE = 200  # the cases one search shows (store.cases.search_cases' limit)


def _app() -> QCoreApplication | None:
    return QCoreApplication.instance()
