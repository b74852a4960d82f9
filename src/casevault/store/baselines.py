"""The raw queries the benchmark compares the API with (casevault.bench.scale): the same page of
SQL, fetched as plain rows, with none of the work the store does to make records of them."""

from __future__ import annotations

from casevault.store import cases, search
from casevault.store.db import Database, Row


def fts_first_rowids(db: Database, query: str, limit: int = 200) -> list[Row]:
    """The first `limit` FTS5 entries matching what was typed: no ranking, no cases."""
    expression = search.to_match_expression(query)
    if expression is None:
        return []
    return db.query("SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?", (expression, limit))


def first_page_rows(db: Database, limit: int = 100) -> list[Row]:
    """The case list's first page by last update, the SQL list_cases runs, as raw rows."""
    sql, params = cases.list_query(status=None, sort="updated", descending=True)
    return db.query(sql, [*params, limit])
