"""The FTS5 index over member names, case titles, notes, attachment names and email bodies, and
the snippets that say why a case matched.

A snippet is made when the search runs, from the index's own text (inside the encrypted
database): the entry that matched is read back by its rowid and the words the query matched are
marked, folded the way the index folds them (unicode61, remove_diacritics 2). FTS5's own
snippet() would do the same, but at 50 us an entry it doubled the cost of a search's first page
of 200 cases; reading 200 entries by rowid takes 0.3 ms, and marking them about as much."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import NamedTuple

from casevault.core.model import SearchHit, Snippet
from casevault.store.db import Database

MAX_TERMS = 16
MIN_PREFIX_CHARS = 3
# "email": an imported email's body, under the id of the attachment holding the message.
SOURCES = frozenset({"member", "case", "event", "attachment", "email", "first-meeting", "action", "party"})


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
# return the best 200, and a score costs far more than the match: for a prefix (every word as
# typed is one) bm25 first runs the whole phrase again for its document count, then reads each
# row's sizes, about 0.2 ms a row here with SQLCipher's memory security on. Measured on the
# generator's 10k-case vault (20 notes a case): 20 entries 8.1 ms p95, 25 entries 9.3 ms,
# 40 entries 11.8 ms, 70 entries 11.3 ms, against 1.5-2.5 ms for the unranked first page. 20
# keeps a ranked page under the 10 ms target with room; past it, every matching case is still
# listed (up to the page), most recently updated first.
RANK_CAP = 20


def _more_than(db: Database, expression: str, count: int) -> bool:
    found = db.scalar(
        "SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?)",
        (expression, count + 1),
    )
    return int(found or 0) > count


def _status_join(status: str | None) -> tuple[str, list[str]]:
    return ("JOIN cases c ON c.id = d.case_id AND c.status = ?", [status]) if status else ("", [])


class Match(NamedTuple):
    """A case a search found: its id, the source of the entry that matched (its best entry, or the
    first the index holds) and that entry's rowid, for its snippet."""

    case_id: str
    source: str
    entry: int


def _ranked(db: Database, expression: str, status: str | None, limit: int) -> list[Match]:
    where, params = ("AND c.status = ?", [status]) if status else ("", [])
    # With one min(), SQLite takes the bare columns (the source and the rowid) from the row that
    # holds the minimum: the best entry of each case.
    rows = db.query(
        f"""
        SELECT d.case_id, d.source, min(s.rank) AS best, s.rowid
        FROM search_index s JOIN search_docs d ON d.rowid = s.rowid JOIN cases c ON c.id = d.case_id
        WHERE search_index MATCH ? {where}
        GROUP BY d.case_id
        ORDER BY best, c.ref
        LIMIT ?
        """,  # noqa: S608 - a constant filter; values are bound
        [expression, *params, int(limit)],
    )
    return [Match(str(r[0]), str(r[1]), int(r[3])) for r in rows]


def _first_found(
    db: Database, expression: str, status: str | None, limit: int, *, count_to: int = 0
) -> tuple[list[Match], int]:
    """The first `limit` cases in the index's own order, which FTS5 streams without scoring,
    and how many entries were read: the scan goes on past the page until it has read more than
    `count_to` entries, or every match."""
    join, params = _status_join(status)
    found: dict[str, Match] = {}
    entries = 0

    def keep(row: tuple[object, ...]) -> bool:
        nonlocal entries
        case_id = str(row[0])
        if case_id not in found and len(found) < limit:
            found[case_id] = Match(case_id, str(row[1]), int(str(row[2])))
        elif len(found) == limit and entries > count_to:
            return False
        entries += 1
        return True

    db.first_rows(
        "SELECT d.case_id, d.source, s.rowid "  # noqa: S608 - a constant join; values are bound
        f"FROM search_index s JOIN search_docs d ON d.rowid = s.rowid {join} "
        "WHERE search_index MATCH ?",
        [*params, expression],
        keep,
    )
    return list(found.values()), entries


class Matches(NamedTuple):
    """The first page of cases a search matched, and whether they are ranked best first or, for
    a word in more than RANK_CAP entries, a first page; `prefix`: whether the query's words were
    matched as prefixes (False when a common word was matched whole)."""

    cases: list[Match]
    ranked: bool
    prefix: bool = True


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
        return Matches(_first_found(db, words, status, limit)[0], ranked=False, prefix=False)
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
    """Matching cases with the member's name and a snippet of the entry that matched; best first,
    or for a common word, most recently updated first."""
    matches = matching_cases(db, query, limit=limit)
    if not matches.cases:
        return []
    found = {match.case_id: match for match in matches.cases}
    marks = ", ".join("?" * len(found))
    rows = db.query(
        "SELECT c.id, c.ref, m.name, c.status, c.updated_at "  # noqa: S608 - placeholders only
        f"FROM cases c JOIN members m ON m.id = c.member_id WHERE c.id IN ({marks})",
        list(found),
    )
    if matches.ranked:
        order = {match.case_id: i for i, match in enumerate(matches.cases)}
        rows.sort(key=lambda r: order[str(r[0])])
    else:
        rows.sort(key=lambda r: (str(r[4]), str(r[1])), reverse=True)
    shown = snippets(db, query, [m.entry for m in matches.cases], prefix=matches.prefix)
    hits = []
    for r in rows:
        match = found[str(r[0])]
        hits.append(
            SearchHit(
                ref=r[1],
                member_name=r[2],
                status=r[3],
                source=match.source,
                snippet=shown.get(match.entry, Snippet()),
            )
        )
    return hits


# ---- snippets ------------------------------------------------------------------------------------

SNIPPET_CHARS = 160  # about one line of the case list
SNIPPET_BEFORE = 24  # of them, before the first match: a few words, so the match is in view
MARK = "\x01"  # a combining mark in folded text: inside its word, skipped when words are compared
_FOLD_CACHE = 1 << 16


class _Fold(dict[int, str]):
    """A str.translate table that folds text as the index's tokenizer does (unicode61 with
    remove_diacritics 2): a letter or digit becomes its lower-case letter without its accents, a
    combining mark becomes MARK, anything else a blank. One character for one, so a match's
    place in the folded text is its place in the text."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        category = unicodedata.category(ch)
        if category[0] in "LN" or category == "Co":
            parts = unicodedata.normalize("NFD", ch)
            base = parts[0] if all(unicodedata.combining(c) for c in parts[1:]) else ch
            folded = base.lower()[:1] or ch
        elif category == "Mn":
            folded = MARK
        else:
            folded = " "
        if len(self) < _FOLD_CACHE:  # every character a hostile text holds is not kept forever
            self[code] = folded
        return folded


_FOLD = _Fold()


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _word_pattern(word: str) -> str:
    return (MARK + "*").join(re.escape(ch) for ch in word) + MARK + "*"


def _highlighter(query: str, prefix: bool) -> re.Pattern[str] | None:
    """The words of `query` as the index matched them: each a phrase of folded words, the last a
    prefix from MIN_PREFIX_CHARS characters (as to_match_expression asks FTS5)."""
    phrases = []
    for term in _terms(query):
        words = _fold(term).replace(MARK, "").split()
        if not words:
            continue
        body = " +".join(_word_pattern(w) for w in words)
        tail = "[^ ]*" if prefix and len(term) >= MIN_PREFIX_CHARS else "(?![^ ])"
        phrases.append(f"(?<![^ ]){body}{tail}")
    return re.compile("|".join(phrases)) if phrases else None


_BLANKS = re.compile(r"\s+")


def snippet(text: str, pattern: re.Pattern[str] | None) -> Snippet:
    """The part of `text` around the first match of `pattern`, about SNIPPET_CHARS long, cut at
    word boundaries, "…" where it was cut, every match in it marked; on one line."""
    folded = _fold(text)
    size = len(text)
    found = pattern.finditer(folded) if pattern is not None else iter(())
    first = next(found, None)
    # A few words before the match; more when the text ends soon after it (a short note whole).
    start = 0 if first is None else max(0, min(first.start() - SNIPPET_BEFORE, size - SNIPPET_CHARS))
    if start and folded[start - 1] != " ":  # start at a word
        blank = folded.find(" ", start, first.start() if first else start)
        start = blank + 1 if blank >= 0 else start
    end = min(size, start + SNIPPET_CHARS)
    if first is not None:
        end = max(end, first.end())
    if end < size:  # end at a word
        blank = folded.rfind(" ", first.end() if first else start, end)
        end = blank if blank > start else end
    one_line = (lambda part: part) if text.isprintable() and "  " not in text else _one_line
    parts: list[tuple[str, bool]] = []
    position = start
    match = first
    while match is not None and match.start() < end:
        if match.start() > position:
            parts.append((one_line(text[position : match.start()]), False))
        position = min(match.end(), end)
        parts.append((one_line(text[match.start() : position]), True))
        match = next(found, None)
    if position < end:
        parts.append((one_line(text[position:end]), False))
    if parts and not parts[0][1]:
        parts[0] = (parts[0][0].lstrip(), False)
    if parts and not parts[-1][1]:
        parts[-1] = (parts[-1][0].rstrip(), False)
    if start:
        parts.insert(0, ("…", False))
    if end < size:
        parts.append(("…", False))
    return Snippet(tuple(part for part in parts if part[0]))


def _one_line(text: str) -> str:
    return _BLANKS.sub(" ", text)


def snippets(db: Database, query: str, entries: list[int], *, prefix: bool = True) -> dict[int, Snippet]:
    """The snippet of each entry (search_docs rowid) for `query`, read back from the index."""
    if not entries:
        return {}
    pattern = _highlighter(query, prefix)
    # The index's own copy of each entry's text, by rowid: FTS5 keeps it in its content table,
    # where 200 rows are read in 0.3 ms (through the FTS5 table itself, 8 ms).
    rows = db.query(
        "SELECT id, c0 FROM search_index_content WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(entries),),
    )
    return {int(r[0]): snippet(str(r[1]), pattern) for r in rows}
