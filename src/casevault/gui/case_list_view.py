"""What the case list's table adds to CaseListModel, in one call (`dress`): column widths that fit
their titles in any language, the hint shown while the list is empty, and the search snippets'
matched words in bold.

The main window builds the table and sets its starting column widths; `dress(table)` is called
after that. A width set for English cut French titles: "Next date due" is "Prochaine échéance",
which a 110-pixel column showed as "rochaine échéanc"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from casevault.gui.case_list_model import FOUND_COLUMN, SNIPPET_ROLE, UPDATED_COLUMN, CaseListModel
from casevault.gui.steady_layout import EmptyHint

Index = QModelIndex | QPersistentModelIndex


def fit_titles(table: QTableView) -> None:
    """Widen every column whose title (and sort arrow) does not fit it; none is narrowed."""
    header: QHeaderView = table.horizontalHeader()
    model = table.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        needed = header.sectionSizeHint(column)
        if table.columnWidth(column) < needed:
            table.setColumnWidth(column, needed)


def _keep_dates_whole(table: QTableView, model: CaseListModel) -> None:
    """When a search adds "Found in" after it, "Last updated" stops being the last column, which
    stretched to fill the table: give it the width of its dates again."""
    if model.searching:
        needed = max(
            table.sizeHintForColumn(UPDATED_COLUMN), table.horizontalHeader().sectionSizeHint(UPDATED_COLUMN)
        )
        if table.columnWidth(UPDATED_COLUMN) < needed:
            table.setColumnWidth(UPDATED_COLUMN, needed)


def _keep_sort_shown(table: QTableView, model: CaseListModel) -> None:
    """A search sorted by "Found in" ends with its column: the list is then in its default order
    (CaseListModel drops that sort), so the arrow goes back to "Last updated", newest first,
    without sorting again."""
    header = table.horizontalHeader()
    if header.sortIndicatorSection() >= model.columnCount():
        blocked = header.blockSignals(True)
        header.setSortIndicator(UPDATED_COLUMN, Qt.SortOrder.DescendingOrder)
        header.blockSignals(blocked)


class SnippetDelegate(QStyledItemDelegate):
    """Paints a cell's SNIPPET_ROLE rich text (the "Found in" column), on one line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rich = index.data(SNIPPET_ROLE)
        if not rich:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        item.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(item.font)
        document.setHtml(rich)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        try:
            painter.setClipRect(area)
            top = area.top() + max(0.0, (area.height() - document.size().height()) / 2)
            painter.translate(area.left(), top)
            context.clip = QRectF(0, 0, area.width(), area.height())
            document.documentLayout().draw(painter, context)
        finally:
            painter.restore()


def dress(table: QTableView) -> Any:
    """Fit the titles, install the empty list's hint and the snippet painter on `table`, which
    shows a CaseListModel. Returns the hint (it lives as long as the table)."""
    model = table.model()
    assert isinstance(model, CaseListModel)
    fit_titles(table)
    model.modelReset.connect(lambda: _keep_dates_whole(table, model))
    model.modelReset.connect(lambda: _keep_sort_shown(table, model))
    table.setItemDelegateForColumn(FOUND_COLUMN, SnippetDelegate(table))
    return EmptyHint(table, model.empty_text)
