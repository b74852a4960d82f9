"""The case list as a Qt table model. Paging, sorting and filtering happen in SQL through
`Vault.list_cases`: rows are fetched in blocks as the view scrolls (canFetchMore/fetchMore), and
sorting asks the vault for a new order rather than sorting in Python (no QSortFilterProxyModel)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDateTime, QLocale, QModelIndex, QPersistentModelIndex, Qt

from casevault.model import CaseSummary, SearchHit
from casevault.vault import Vault

BLOCK = 200
Index = QModelIndex | QPersistentModelIndex

# Column order, each with the list_cases sort key it maps to.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Reference", "ref"),
    ("Member", "member"),
    ("Type", "type"),
    ("Status", "status"),
    ("Last updated", "updated"),
)
STATUS_LABELS = {"open": "Open", "closed": "Closed"}


def local_datetime_text(moment: datetime) -> str:
    """A UTC moment in the user's local time, formatted for the user's locale."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class CaseListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, *, block: int = BLOCK) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._block = block
        self._status: str | None = "open"
        self._sort = "updated"
        self._descending = True
        self._rows: list[CaseSummary | SearchHit] = []
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

    def show_search(self, hits: list[SearchHit]) -> None:
        """Show search results (one row per case, best first) instead of the paged list."""
        seen: set[str] = set()
        unique: list[SearchHit] = []
        for hit in hits:
            if hit.ref not in seen:
                seen.add(hit.ref)
                unique.append(hit)
        self.beginResetModel()
        self._searching = True
        self._rows = list(unique)
        self._total = len(unique)
        self.endResetModel()

    def reload(self) -> None:
        """Drop the cached rows and start again from the first block."""
        self.beginResetModel()
        self._searching = False
        self._rows = []
        self._total = 0
        if self._vault is not None and self._vault.is_open:
            self._total = self._vault.count_cases(self._status)
            self._rows.extend(self._fetch_block())
        self.endResetModel()

    def clear(self) -> None:
        """Forget the vault and every cached row (used when locking)."""
        self.beginResetModel()
        self._vault = None
        self._rows = []
        self._total = 0
        self._searching = False
        self.endResetModel()

    def ref_at(self, row: int) -> str | None:
        return self._rows[row].ref if 0 <= row < len(self._rows) else None

    def _fetch_block(self) -> list[CaseSummary]:
        assert self._vault is not None
        return self._vault.list_cases(
            status=self._status,
            sort=self._sort,
            descending=self._descending,
            limit=self._block,
            offset=len(self._rows),
        )

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
            return self.tr(COLUMNS[section][0])
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
            return self.tr(STATUS_LABELS.get(row.status, row.status))
        if isinstance(row, SearchHit):
            return ""  # search hits carry reference, member and status only
        if key == "type":
            return row.case_type
        return local_datetime_text(row.updated_at)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._searching:
            self.reload()
