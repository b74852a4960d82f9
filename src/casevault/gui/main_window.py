"""The main window: the case list with a status filter, search as you type, "New case" and locking.

Locking (Ctrl+L, or after the idle time) closes the vault, clears every model and view that held
case data, and emits `locked` so the app shows the unlock dialog again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from casevault.errors import CasevaultError
from casevault.gui import settings
from casevault.gui.case_list_model import CaseListModel
from casevault.gui.new_case_dialog import NewCaseDialog
from casevault.vault import Vault

DEFAULT_IDLE_MS = 5 * 60 * 1000
SEARCH_DEBOUNCE_MS = 250
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class MainWindow(QMainWindow):
    locked = Signal()

    def __init__(self, *, idle_ms: int = DEFAULT_IDLE_MS, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._new_case: NewCaseDialog | None = None
        self.setWindowTitle("casevault")  # never a member's name
        self.setAccessibleName("casevault")
        self.model = CaseListModel(self)
        self._build_table()
        self._build_top()
        self._build_actions()
        self.statusBar()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.lock)
        self.resize(900, 560)
        settings.restore_geometry(self, "main")

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Case list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 240, 130, 80)):
            self.table.setColumnWidth(column, width)

    def _build_top(self) -> None:
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Show cases"))
        for label, status in (
            (self.tr("Open"), "open"),
            (self.tr("Closed"), "closed"),
            (self.tr("All"), None),
        ):
            self.filter.addItem(label, status)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        filter_label = QLabel(self.tr("S&how:"))
        filter_label.setBuddy(self.filter)

        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setPlaceholderText(self.tr("Search names, notes and documents"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._search_timer.start)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        self.new_case_action = QAction(self.tr("&New case"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.open_new_case)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.triggered.connect(self.lock)
        find_action = QAction(self.tr("&Find"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._focus_search)
        self.addAction(find_action)
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.new_case_action)
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        toolbar.widgetForAction(self.new_case_action).setAccessibleName(self.tr("New case"))
        toolbar.widgetForAction(self.lock_action).setAccessibleName(self.tr("Lock now"))

    # ---- the vault -------------------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        return self._vault

    def set_vault(self, vault: Vault, notice: str = "") -> None:
        self._vault = vault
        self.model.set_vault(vault)
        if notice:
            self.statusBar().showMessage(notice)
        app = _app()
        if app is not None:
            app.installEventFilter(self)
        self._idle.start()

    def lock(self) -> None:
        """Close the vault, forget every row, and ask for the passphrase again."""
        self._idle.stop()
        self._search_timer.stop()
        app = _app()
        if app is not None:
            app.removeEventFilter(self)
        if self._new_case is not None:
            self._new_case.reject()
            self._new_case.deleteLater()
            self._new_case = None
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.statusBar().clearMessage()
        if self._vault is not None:
            self._vault.close()
            self._vault = None
        if self.isVisible():
            settings.save_geometry(self, "main")
            self.hide()
        self.locked.emit()

    # ---- idle lock -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._idle.isActive():
            self._idle.start()  # restart the countdown
        return False

    # ---- actions ---------------------------------------------------------------------------

    def open_new_case(self) -> None:
        if self._vault is None:
            return
        dialog = NewCaseDialog(self._vault, self)
        dialog.case_created.connect(self._case_created)
        dialog.finished.connect(dialog.deleteLater)
        self._new_case = dialog
        dialog.open()

    def _case_created(self, ref: str) -> None:
        self._new_case = None
        self.statusBar().showMessage(self.tr("Case %1 opened.").replace("%1", ref), 5000)
        self._run_search()

    def _filter_changed(self, _index: int) -> None:
        self.model.set_status(self.filter.currentData())
        if self.search.text().strip():
            self._run_search()

    def _focus_search(self) -> None:
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
            self.model.show_search(self._vault.search(query))
        except CasevaultError as err:
            self.statusBar().showMessage(err.message, 5000)

    def closeEvent(self, event: Any) -> None:
        settings.save_geometry(self, "main")
        super().closeEvent(event)


def _app() -> QCoreApplication | None:
    return QCoreApplication.instance()
