"""The case page, reached as a rep reaches it: a new vault, one case, Enter on its row. Shared by
the GUI tests (first written for tests/gui/test_case_page.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.gui.case_page import CasePage
from casevault.gui.main_window import MainWindow
from tests.gui.conftest import by_name
from tests.support.gui_flows import MEMBER, MakeApp, add_case, create_vault

NARRATIVE = "Warned twice about lateness; the member says the rota changed without notice."


def open_first_case(qtbot: QtBot, window: QWidget) -> CasePage:
    assert isinstance(window, MainWindow)
    window.show_cases()  # unlocking opens on Today; the list is a click away
    table = by_name(window, "Case list", QTableView)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter on a row opens it
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.case_page is not None and window.case_page.isVisible())
    assert window.case_page is not None
    return window.case_page


def started(qtbot: QtBot, make_app: MakeApp, **kw: object) -> tuple[App, MainWindow, CasePage]:
    app = make_app(**kw)
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    page = open_first_case(qtbot, window)
    assert isinstance(window, MainWindow)
    return app, window, page


def ref_of(app: App) -> str:
    vault = app.main_window.vault
    assert vault is not None
    return vault.list_cases()[0].ref


def all_text(root: QWidget) -> str:
    """Every piece of text any widget under `root` shows."""
    parts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QLineEdit | QAbstractButton):
            parts.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            parts.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            parts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTreeWidget):
            parts.extend(
                w.topLevelItem(r).text(c)
                for r in range(w.topLevelItemCount())
                for c in range(w.columnCount())
            )
        elif isinstance(w, QTableView):
            m = w.model()
            parts.extend(
                str(m.data(m.index(r, c))) for r in range(m.rowCount()) for c in range(m.columnCount())
            )
        elif isinstance(w, QAbstractSpinBox):
            parts.append(w.text())
    return "\n".join(parts)
