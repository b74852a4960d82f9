"""The FTS5 index over member names, case titles, notes and attachment names."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

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


def _terms(query: str) -> list[str]:
    # Control characters go: FTS5 stops reading an expression at a NUL, losing the closing quote.
    query = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in query)
    return [t for t in query.split() if t.strip('"')][:MAX_TERMS]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def to_match_expression(query: str) -> str | None:
    """Turn what a user typed into a safe FTS5 expression: every word must match, as a prefix
    from MIN_PREFIX_CHARS characters and as a whole word below that. Quoting each word means
    FTS5 operators in the input are just text."""
    terms = _terms(query)
    if not terms:
        return None
    # A 1- or 2-letter prefix matches a large share of every word in the vault and ranking all of
    # them took 0.7 s with 100k cases, on each keystroke; whole short words ("Li", "Wu") stay fast.
    return " ".join(_quoted(t) + ("*" if len(t) >= MIN_PREFIX_CHARS else "") for t in terms)


def _whole_words(query: str) -> str | None:
    terms = _terms(query)
    return " ".join(_quoted(t) for t in terms) if terms else None


# Up to this many matching entries are ranked by bm25. FTS5 scores every match before it can
# return the best 200, about 13 us each at 10k cases ("member" is in 193k entries: 2.4 s) and
# 50 us at 100k, where each score reads its row's sizes from a 2.4 GB file: 200 entries of a rare
# word took 10 ms to rank. 150 keeps any word's first page near 10 ms; past it, every matching
# case is still listed (up to the page), most recently updated first.
RANK_CAP = 150


def _more_than(db: Database, expression: str, count: int) -> bool:
    found = db.scalar(
        "SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?)",
        (expression, count + 1),
    )
    return int(found or 0) > count


def _status_join(status: str | None) -> tuple[str, list[str]]:
    return ("JOIN cases c ON c.id = d.case_id AND c.status = ?", [status]) if status else ("", [])


def _ranked(db: Database, expression: str, status: str | None, limit: int) -> list[tuple[str, str]]:
    where, params = ("AND c.status = ?", [status]) if status else ("", [])
    rows = db.query(
        f"""
        SELECT d.case_id, d.source, min(s.rank) AS best
        FROM search_index s JOIN search_docs d ON d.rowid = s.rowid JOIN cases c ON c.id = d.case_id
        WHERE search_index MATCH ? {where}
        GROUP BY d.case_id
        ORDER BY best, c.ref
        LIMIT ?
        """,  # noqa: S608 - a constant filter; values are bound
        [expression, *params, int(limit)],
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def _first_found(
    db: Database, expression: str, status: str | None, limit: int, *, count_to: int = 0
) -> tuple[list[tuple[str, str]], int]:
    """The first `limit` cases in the index's own order, which FTS5 streams without scoring,
    and how many entries were read: the scan goes on past the page until it has read more than
    `count_to` entries, or every match."""
    join, params = _status_join(status)
    found: dict[str, str] = {}
    entries = 0

    def keep(row: tuple[object, ...]) -> bool:
        nonlocal entries
        case_id = str(row[0])
        if case_id not in found and len(found) < limit:
            found[case_id] = str(row[1])
        elif len(found) == limit and entries > count_to:
            return False
        entries += 1
        return True

    db.first_rows(
        f"SELECT d.case_id, d.source FROM search_index s JOIN search_docs d ON d.rowid = s.rowid {join} "  # noqa: S608
        "WHERE search_index MATCH ?",
        [*params, expression],
        keep,
    )
    return list(found.items()), entries


class Matches(NamedTuple):
    """The first page of cases a search matched: (case id, source of the match), and whether
    they are ranked best first or, for a word in more than RANK_CAP entries, a first page."""

    cases: list[tuple[str, str]]
    ranked: bool


def matching_cases(db: Database, query: str, *, status: str | None = None, limit: int = 200) -> Matches:
    """The cases matching what a user typed, as fast for the commonest word as for a rare one.

    Up to RANK_CAP matching entries: every case, ranked by its best entry (bm25). More than that:
    ranking would score every entry, so the first cases the index holds come instead, unranked
    (the caller orders them and says more may match). A common whole word is tried as typed
    first, since FTS5 builds the whole list of a prefix's matches before it returns one."""
    expression = to_match_expression(query)
    words = _whole_words(query)
    if expression is None or words is None:
        return Matches([], ranked=True)
    if words != expression and _more_than(db, words, RANK_CAP):
        return Matches(_first_found(db, words, status, limit)[0], ranked=False)
    if status is None:
        # One pass for a prefix: FTS5 builds a prefix's whole match list on each query, so the
        # scan for the first page also counts whether there are few enough entries to rank.
        page, entries = _first_found(db, expression, None, limit, count_to=RANK_CAP)
        if entries > RANK_CAP:
            return Matches(page, ranked=False)
        return Matches(_ranked(db, expression, None, limit), ranked=True)
    if _more_than(db, expression, RANK_CAP):
        return Matches(_first_found(db, expression, status, limit)[0], ranked=False)
    return Matches(_ranked(db, expression, status, limit), ranked=True)


def search(db: Database, query: str, limit: int = 200) -> list[SearchHit]:
    """Matching cases with the member's name; best first, or for a common word, most recently
    updated first."""
    matches = matching_cases(db, query, limit=limit)
    if not matches.cases:
        return []
    sources = dict(matches.cases)
    marks = ", ".join("?" * len(sources))
    rows = db.query(
        "SELECT c.id, c.ref, m.name, c.status, c.updated_at "  # noqa: S608 - placeholders only
        f"FROM cases c JOIN members m ON m.id = c.member_id WHERE c.id IN ({marks})",
        list(sources),
    )
    if matches.ranked:
        order = {case_id: i for i, (case_id, _source) in enumerate(matches.cases)}
        rows.sort(key=lambda r: order[str(r[0])])
    else:
        rows.sort(key=lambda r: (str(r[4]), str(r[1])), reverse=True)
    return [SearchHit(ref=r[1], member_name=r[2], status=r[3], source=sources[str(r[0])]) for r in rows]
