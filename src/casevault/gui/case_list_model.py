"""The case list as a Qt table model. Paging, sorting and filtering happen in SQL through
`Vault.list_cases`: rows are fetched in blocks as the view scrolls (canFetchMore/fetchMore), and
sorting asks the vault for a new order rather than sorting in Python (no QSortFilterProxyModel).

While it shows search results, a last column ("Found in") says why each case matched: where, and
the words around the match, the matched words in bold (SNIPPET_ROLE, and the row's tooltip).
Snippets are made for the rows on screen only, a block at a time (`Vault.search_snippets`), so a
search costs what it did without them. With no rows, `empty_text` says what to do."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from casevault.casework import outcomes as outcome_rules
from casevault.core.errors import CasevaultError
from casevault.core.model import CaseMatch, CaseSummary, ListCursor, Snippet
from casevault.gui import qt_dates
from casevault.vault.facade import Vault

BLOCK = 200
# Dates are written by qt_dates; many panels import these two from here.
local_date_text = qt_dates.local_date_text
local_datetime_text = qt_dates.local_datetime_text
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
FOUND_COLUMN = len(COLUMNS)  # shown while searching only
FOUND_HEADER = QT_TRANSLATE_NOOP("CaseListModel", "Found in")
FOUND_KEY = "found"  # the sort by "Found in": the search's own best-first order
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1  # the snippet as rich text, the matched words in <b>
SNIPPET_BLOCK = 50  # rows whose snippets are made at once
# Where a search matched, by store.search.SOURCES name.
SOURCE_LABELS = {
    "member": QT_TRANSLATE_NOOP("CaseListModel", "Member's name"),
    "case": QT_TRANSLATE_NOOP("CaseListModel", "Case title"),
    "event": QT_TRANSLATE_NOOP("CaseListModel", "Paper trail"),
    "attachment": QT_TRANSLATE_NOOP("CaseListModel", "Document name"),
    "email": QT_TRANSLATE_NOOP("CaseListModel", "Email"),
    "first-meeting": QT_TRANSLATE_NOOP("CaseListModel", "First meeting"),
    "action": QT_TRANSLATE_NOOP("CaseListModel", "Action point"),
    "party": QT_TRANSLATE_NOOP("CaseListModel", "People"),
}
STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("CaseListModel", "Open"),
    "closed": QT_TRANSLATE_NOOP("CaseListModel", "Closed"),
}


def status_label(status: str) -> str:
    """A case status as the user reads it, translated."""
    label = STATUS_LABELS.get(status)
    return QCoreApplication.translate("CaseListModel", str(label)) if label else status


def source_label(source: str) -> str:
    label = SOURCE_LABELS.get(source)
    return QCoreApplication.translate("CaseListModel", str(label)) if label else source


def snippet_html(snippet: Snippet) -> str:
    """A snippet as rich text: every part escaped, the matched words in bold."""
    return "".join(
        f"<b>{html.escape(text)}</b>" if matched else html.escape(text) for text, matched in snippet.parts
    )


# What an empty list says, by why it is empty (never the words searched for).
NO_MATCH = QT_TRANSLATE_NOOP(
    "CaseListModel", "No case matches this search. Check the spelling, or try fewer or shorter words."
)
FILTERED = QT_TRANSLATE_NOOP(
    "CaseListModel", "Only the cases the Show filter lists are searched: choose All to search every case."
)
NO_CASES = QT_TRANSLATE_NOOP(
    "CaseListModel", "No cases yet. Press New case to record a member's first meeting."
)
NO_OPEN = QT_TRANSLATE_NOOP(
    "CaseListModel", "No open cases. Choose All in Show to see the closed ones, or press New case."
)
NO_CLOSED = QT_TRANSLATE_NOOP("CaseListModel", "No closed cases. A case is listed here once it is closed.")


def _tr(text: object) -> str:
    return QCoreApplication.translate("CaseListModel", str(text))


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
        self._any_cases = False  # whether the vault has a case at all (for the empty list's hint)
        self._query = ""  # the search shown, kept only to make its snippets
        self._matches: dict[str, CaseMatch] = {}
        self._rank: dict[str, int] = {}  # each result's place in the search's best-first order
        self._snippets: dict[int, Snippet] = {}

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
        """Show the cases matching `query` that pass the status filter, best match first, each
        with why it matched."""
        if self._vault is None or not self._vault.is_open:
            return
        matches = self._vault.search_matches(query, status=self._status)
        self.show_search([m.case for m in matches], matches, query)
        if (self._sort, self._descending) != ("updated", True):
            self._sort_search_rows()

    def show_search(
        self, hits: list[CaseSummary], matches: Sequence[CaseMatch] = (), query: str = ""
    ) -> None:
        """Show search results (one row per case, best first) instead of the paged list;
        `matches` and `query` (from Vault.search_matches) say why each matched."""
        self._query = query
        self._matches = {m.case.ref: m for m in matches}
        self._snippets = {}
        seen: set[str] = set()
        unique: list[CaseSummary] = []
        for hit in hits:
            if hit.ref not in seen:
                seen.add(hit.ref)
                unique.append(hit)
        self.beginResetModel()
        self._searching = True
        self._rows = unique
        self._rank = {hit.ref: n for n, hit in enumerate(unique)}
        self._total = len(unique)
        self.endResetModel()

    def reload(self) -> None:
        """Drop the cached rows and start again from the first block."""
        self.beginResetModel()
        self._forget_search()
        self._rows, self._after = [], None
        self._total = 0
        if self._vault is not None and self._vault.is_open:
            self._total = self._vault.count_cases(self._status)
            self._any_cases = self._total > 0 or (
                self._status is not None and self._vault.count_cases(None) > 0
            )
            self._rows.extend(self._fetch_block())
        self.endResetModel()

    def clear(self) -> None:
        """Forget the vault and every cached row (used when locking)."""
        self.beginResetModel()
        self._vault = None
        self._rows, self._after = [], None
        self._total = 0
        self._any_cases = False
        self._forget_search()
        self.endResetModel()

    def _forget_search(self) -> None:
        self._searching = False
        self._query = ""
        self._matches, self._snippets, self._rank = {}, {}, {}
        if self._sort == FOUND_KEY:  # the column goes with the search: back to the list's default
            self._sort, self._descending = "updated", True

    @property
    def searching(self) -> bool:
        return self._searching

    def empty_text(self) -> str:
        """What the view says while it has no rows: what to do next. Never the search's words."""
        if self._rows or self._vault is None:
            return ""
        if self._searching:
            return _tr(NO_MATCH) + (" " + _tr(FILTERED) if self._status is not None else "")
        if not self._any_cases:
            return _tr(NO_CASES)
        return _tr(NO_OPEN) if self._status == "open" else _tr(NO_CLOSED)

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
        if parent.isValid():
            return 0
        return len(COLUMNS) + (1 if self._searching else 0)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("CaseListModel", str(COLUMNS[section][0]))
        if section == FOUND_COLUMN and self._searching:
            return _tr(FOUND_HEADER)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (SNIPPET_ROLE, Qt.ItemDataRole.ToolTipRole) or (
            index.column() == FOUND_COLUMN and role == Qt.ItemDataRole.DisplayRole
        ):
            return self._found(index.row(), role)
        if role != Qt.ItemDataRole.DisplayRole or index.column() >= len(COLUMNS):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][1]
        if key == "ref":
            return row.ref
        if key == "member":
            return row.member_name
        if key == "status":
            return status_label(row.status)
        if key == "type":  # a listed type in words, translated; one typed before the lists, spelled out
            return QCoreApplication.translate(outcome_rules.CONTEXT, outcome_rules.label(row.case_type))
        if key == "due":
            return local_date_text(row.next_due_at) if row.next_due_at else ""
        return local_datetime_text(row.updated_at)

    # ---- why a search matched -------------------------------------------------------------------

    def _found(self, row: int, role: int) -> str | None:
        """The "Found in" cell: where the case matched and the words around the match, as plain
        text (DisplayRole) or rich text (SNIPPET_ROLE; the tooltip, on every cell of the row)."""
        match = self._matches.get(self._rows[row].ref) if self._searching else None
        if match is None:
            return None
        snippet = self._snippet(row, match)
        where = source_label(match.source)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{where}: {snippet.text}" if snippet.parts else where
        return f"<qt>{html.escape(where)}: {snippet_html(snippet)}</qt>"

    def _snippet(self, row: int, match: CaseMatch) -> Snippet:
        if match.entry not in self._snippets and self._vault is not None and self._vault.is_open:
            first = row // SNIPPET_BLOCK * SNIPPET_BLOCK
            block = [self._matches.get(r.ref) for r in self._rows[first : first + SNIPPET_BLOCK]]
            wanted = [m for m in block if m is not None and m.entry not in self._snippets]
            with contextlib.suppress(CasevaultError):  # no snippet: where it matched is still said
                self._snippets.update(self._vault.search_snippets(self._query, wanted))
            for m in wanted:
                self._snippets.setdefault(m.entry, Snippet())  # asked once
        return self._snippets.get(match.entry, Snippet())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column; "Found in" sorts by how well each case matched, best first ascending."""
        if column == FOUND_COLUMN and self._searching:
            self._sort = FOUND_KEY
        elif 0 <= column < len(COLUMNS):
            self._sort = COLUMNS[column][1]
        else:
            return
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._searching:
            self._sort_search_rows()
        else:
            self.reload()

    def _found_rank(self, row: CaseSummary) -> int | None:
        return self._rank.get(row.ref)

    def _sort_search_rows(self) -> None:
        """Search shows at most a few hundred rows, all in hand, so they are sorted here."""
        key = self._found_rank if self._sort == FOUND_KEY else _SEARCH_SORT_KEYS[self._sort]
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
