"""The FTS5 index over member names, case titles, notes and attachment names."""

from __future__ import annotations

import unicodedata

from casevault.core.model import SearchHit
from casevault.store.db import Database

MAX_TERMS = 16
MIN_PREFIX_CHARS = 3
SOURCES = frozenset({"member", "case", "event", "attachment", "first-meeting", "action", "party"})


def index(db: Database, case_id: str, source: str, source_id: str, text: str) -> None:
    if source not in SOURCES:
        raise ValueError(f"unknown search source {source!r}")
    with db.transaction():
        rowid = db.scalar(
            "INSERT INTO search_docs(case_id, source, source_id) VALUES (?, ?, ?) "
            "ON CONFLICT(source, source_id) DO UPDATE SET case_id = excluded.case_id "
            "RETURNING rowid",
            (case_id, source, source_id),
        )
        db.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
        db.execute("INSERT INTO search_index(rowid, text) VALUES (?, ?)", (rowid, text))


def unindex(db: Database, source: str, source_id: str) -> None:
    with db.transaction():
        rowid = db.scalar(
            "SELECT rowid FROM search_docs WHERE source = ? AND source_id = ?", (source, source_id)
        )
        if rowid is not None:
            db.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
            db.execute("DELETE FROM search_docs WHERE rowid = ?", (rowid,))


def erase_case(db: Database, case_id: str) -> None:
    with db.transaction():
        db.execute(
            "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_docs WHERE case_id = ?)",
            (case_id,),
        )
        db.execute("DELETE FROM search_docs WHERE case_id = ?", (case_id,))


def rebuild(db: Database) -> None:
    """Rebuild the whole index from its rows. After a purge: FTS5's secure-delete zeroes a
    deleted row's entries, but the index's own page directory (search_index_idx) can keep the
    first letters of a term that began an index page; a rebuild rewrites it from what is left."""
    db.execute("INSERT INTO search_index(search_index) VALUES ('rebuild')")


def to_match_expression(query: str) -> str | None:
    """Turn what a user typed into a safe FTS5 expression: every word must match, as a prefix
    from MIN_PREFIX_CHARS characters and as a whole word below that. Quoting each word means
    FTS5 operators in the input are just text."""
    # Control characters go: FTS5 stops reading an expression at a NUL, losing the closing quote.
    query = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in query)
    terms = [t for t in query.split() if t.strip('"')][:MAX_TERMS]
    if not terms:
        return None
    # A 1- or 2-letter prefix matches a large share of every word in the vault and ranking all of
    # them took 0.7 s with 100k cases, on each keystroke; whole short words ("Li", "Wu") stay fast.
    return " ".join(
        f'"{t.replace(chr(34), chr(34) * 2)}"' + ("*" if len(t) >= MIN_PREFIX_CHARS else "") for t in terms
    )


def search(db: Database, query: str, limit: int = 200) -> list[SearchHit]:
    expression = to_match_expression(query)
    if expression is None:
        return []
    rows = db.query(
        """
        SELECT c.ref, m.name, c.status, d.source, min(s.rank)
        FROM search_index s
        JOIN search_docs d ON d.rowid = s.rowid
        JOIN cases c ON c.id = d.case_id
        JOIN members m ON m.id = c.member_id
        WHERE search_index MATCH ?
        GROUP BY c.id
        ORDER BY min(s.rank)
        LIMIT ?
        """,
        (expression, int(limit)),
    )
    return [SearchHit(ref=r[0], member_name=r[1], status=r[2], source=r[3]) for r in rows]
