"""The case list as a Qt table model. Paging, sorting and filtering happen in SQL through
`Vault.list_cases`: rows are fetched in blocks as the view scrolls (canFetchMore/fetchMore), and
sorting asks the vault for a new order rather than sorting in Python (no QSortFilterProxyModel)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from casevault.core.model import CaseSummary, ListCursor
from casevault.vault.facade import Vault

BLOCK = 200
Index = QModelIndex | QPersistentModelIndex

# Column order, each with the list_cases sort key it maps to. Labels are marked for translation
# here (QT_TRANSLATE_NOOP) and translated when shown.
COLUMNS: tuple[tuple[object, str], ...] = (  # QT_TRANSLATE_NOOP is typed as returning object
    (QT_TRANSLATE_NOOP("CaseListModel", "Reference"), "ref"),
    (QT_TRANSLATE_NOOP("CaseListModel", "Member"), "member"),
    (QT_TRANSLATE_NOOP("CaseListModel", "Type"), "type"),
    (QT_TRANSLATE_NOOP("CaseListModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("CaseListModel", "Next date due"), "due"),
    (QT_TRANSLATE_NOOP("CaseListModel", "Last updated"), "updated"),
)
UPDATED_COLUMN = 5
STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("CaseListModel", "Open"),
    "closed": QT_TRANSLATE_NOOP("CaseListModel", "Closed"),
}


def status_label(status: str) -> str:
    """A case status as the user reads it, translated."""
    label = STATUS_LABELS.get(status)
    return QCoreApplication.translate("CaseListModel", str(label)) if label else status


def local_datetime_text(moment: datetime) -> str:
    """A UTC moment in the user's local time, formatted for the user's locale."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def local_date_text(moment: datetime) -> str:
    """The local calendar date of a UTC moment, in the user's locale (due dates have no useful time)."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).date()
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class CaseListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, *, block: int = BLOCK) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._block = block
        self._status: str | None = "open"
        self._sort = "updated"
        self._descending = True
        self._rows: list[CaseSummary] = []
        self._after: ListCursor | None = None  # where the rows fetched so far end
        self._total = 0
        self._searching = False

    # ---- what is shown ---------------------------------------------------------------------

    def set_vault(self, vault: Vault | None) -> None:
        self._vault = vault
        self.reload()

    @property
    def status(self) -> str | None:
        return self._status

    def set_status(self, status: str | None) -> None:
        """'open', 'closed' or None for all cases."""
        self._status = status
        self.reload()

    def search(self, query: str) -> None:
        """Show the cases matching `query` that pass the status filter, best match first."""
        if self._vault is None or not self._vault.is_open:
            return
        self.show_search(self._vault.search_cases(query, status=self._status))
        if (self._sort, self._descending) != ("updated", True):
            self._sort_search_rows()

    def show_search(self, hits: list[CaseSummary]) -> None:
        """Show search results (one row per case, best first) instead of the paged list."""
        seen: set[str] = set()
        unique: list[CaseSummary] = []
        for hit in hits:
            if hit.ref not in seen:
                seen.add(hit.ref)
                unique.append(hit)
        self.beginResetModel()
        self._searching = True
        self._rows = unique
        self._total = len(unique)
        self.endResetModel()

    def reload(self) -> None:
        """Drop the cached rows and start again from the first block."""
        self.beginResetModel()
        self._searching = False
        self._rows, self._after = [], None
        self._total = 0
        if self._vault is not None and self._vault.is_open:
            self._total = self._vault.count_cases(self._status)
            self._rows.extend(self._fetch_block())
        self.endResetModel()

    def clear(self) -> None:
        """Forget the vault and every cached row (used when locking)."""
        self.beginResetModel()
        self._vault = None
        self._rows, self._after = [], None
        self._total = 0
        self._searching = False
        self.endResetModel()

    def ref_at(self, row: int) -> str | None:
        return self._rows[row].ref if 0 <= row < len(self._rows) else None

    def _fetch_block(self) -> list[CaseSummary]:
        """The next block, after the last row fetched (a keyset page: as cheap at row 90,000 as
        at row 0)."""
        assert self._vault is not None
        if self._rows and self._after is None:
            return []  # the last page said it was the last
        block, self._after = self._vault.list_page(
            status=self._status,
            sort=self._sort,
            descending=self._descending,
            limit=self._block,
            after=self._after,
        )
        return block

    # ---- paging ----------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._searching or self._vault is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        block = self._fetch_block()
        if not block:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(block) - 1)
        self._rows.extend(block)
        self.endInsertRows()

    # ---- the table -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS)
        if horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseListModel", str(COLUMNS[section][0]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][1]
        if key == "ref":
            return row.ref
        if key == "member":
            return row.member_name
        if key == "status":
            return status_label(row.status)
        if key == "type":
            return row.case_type
        if key == "due":
            return local_date_text(row.next_due_at) if row.next_due_at else ""
        return local_datetime_text(row.updated_at)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._searching:
            self._sort_search_rows()
        else:
            self.reload()

    def _sort_search_rows(self) -> None:
        """Search shows at most a few hundred rows, all in hand, so they are sorted here."""
        key = _SEARCH_SORT_KEYS[self._sort]
        self.layoutAboutToBeChanged.emit()
        present = [r for r in self._rows if key(r) is not None]
        missing = [r for r in self._rows if key(r) is None]  # empty dates go last either way
        present.sort(key=lambda r: (key(r), r.ref), reverse=self._descending)
        self._rows = present + missing
        self.layoutChanged.emit()


_SEARCH_SORT_KEYS: dict[str, Callable[[CaseSummary], Any]] = {
    "ref": lambda r: r.ref,
    "member": lambda r: r.member_name.casefold(),
    "type": lambda r: r.case_type,
    "status": lambda r: r.status,
    "due": lambda r: r.next_due_at,
    "updated": lambda r: r.updated_at,
}
