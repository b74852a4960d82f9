"""Members, cases, case keys, events and deletion records."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from casevault.casework import rules
from casevault.core.model import CaseMatch, CaseSummary, Deletion, Event, ListCursor, Member
from casevault.store import names, search
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, from_db_opt, to_db

SUMMARY_COLUMNS = """
    c.id, c.ref, m.name, c.case_type, c.status, c.opened_at, c.closed_at, c.retain_until,
    c.updated_at, c.next_due_at
"""
_SORTABLE = {
    "ref": "c.ref",
    "member": "c.member_key COLLATE NOCASE",  # a copy of m.name kept by triggers (schema 3)
    "type": "c.case_type",
    "status": "c.status",
    "opened": "c.opened_at",
    "updated": "c.updated_at",
    "due": "c.next_due_at",
}
# Columns that may be empty: empty rows go last in both directions, as a reader expects.
_NULLABLE = frozenset({"due"})


def summary_of_row(row: Row) -> CaseSummary:
    return CaseSummary(
        id=row[0],
        ref=row[1],
        member_name=row[2],
        case_type=row[3],
        status=row[4],
        opened_at=from_db(row[5]),
        closed_at=from_db_opt(row[6]),
        retain_until=from_db_opt(row[7]),
        updated_at=from_db(row[8]),
        next_due_at=from_db_opt(row[9]),
    )


def next_ref_number(db: Database, year: int) -> int:
    """The next number of the year's reference sequence (call inside a transaction)."""
    db.execute(
        "INSERT INTO ref_counters(year, last) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last = last + 1",
        (year,),
    )
    return int(db.scalar("SELECT last FROM ref_counters WHERE year = ?", (year,)))


def next_free_ref(db: Database, opened: datetime) -> str:
    """The next reference of the year's sequence that no case holds (call inside a transaction):
    on a synced vault, another device's cases arrive with numbers of its own count."""
    while True:
        ref = rules.format_ref(opened, next_ref_number(db, opened.year))
        if db.scalar("SELECT 1 FROM cases WHERE ref = ?", (ref,)) is None:
            return ref


def insert_member(db: Database, member: Member, now: datetime) -> None:
    db.execute(
        "INSERT INTO members(id, name, email, employer_domain, created_at) VALUES (?, ?, ?, ?, ?)",
        (member.id, member.name, member.email, member.employer_domain, to_db(now)),
    )


def insert_case(
    db: Database,
    *,
    case_id: str,
    ref: str,
    member: Member,
    case_type: str,
    wrapped_key: bytes,
    now: datetime,
) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at) "
            "VALUES (?, ?, ?, ?, 'open', ?, ?)",
            (case_id, ref, member.id, case_type, to_db(now), to_db(now)),
        )
        db.execute("INSERT INTO case_keys(case_id, wrapped) VALUES (?, ?)", (case_id, wrapped_key))
        search.index(db, case_id, "member", member.id, member.name)
        names.index_name(db, case_id, names.MEMBER, member.name)


def case_id_for_ref(db: Database, ref: str) -> str | None:
    found = db.scalar("SELECT id FROM cases WHERE ref = ?", (ref,))
    return None if found is None else str(found)


def get_summary(db: Database, case_id: str) -> CaseSummary | None:
    row = db.query_one(
        f"SELECT {SUMMARY_COLUMNS} FROM cases c JOIN members m ON m.id = c.member_id WHERE c.id = ?",  # noqa: S608 - constant columns
        (case_id,),
    )
    return None if row is None else summary_of_row(row)


def get_member(db: Database, case_id: str) -> Member:
    row = db.query_one(
        "SELECT m.id, m.name, m.email, m.employer_domain FROM cases c JOIN members m ON m.id = c.member_id "
        "WHERE c.id = ?",
        (case_id,),
    )
    if row is None:
        raise LookupError("no such case")
    return Member(id=row[0], name=row[1], email=row[2], employer_domain=row[3])


def get_title(db: Database, case_id: str) -> str:
    return str(db.scalar("SELECT title FROM cases WHERE id = ?", (case_id,)) or "")


def list_cases(
    db: Database,
    *,
    status: str | None = None,
    sort: str = "updated",
    descending: bool = True,
    limit: int = 100,
    after: ListCursor | None = None,
) -> list[CaseSummary]:
    """One page of cases, sorted and filtered in SQL (a proxy model sorting 100k rows in Python
    took 10 s); `after` the cursor of the page before (`list_page`)."""
    return list_page(db, status=status, sort=sort, descending=descending, limit=limit, after=after)[0]


def list_page(
    db: Database,
    *,
    status: str | None = None,
    sort: str = "updated",
    descending: bool = True,
    limit: int = 100,
    after: ListCursor | None = None,
) -> tuple[list[CaseSummary], ListCursor | None]:
    """A page of cases and the cursor the next page starts after (None at the end)."""
    sql, params = list_query(status=status, sort=sort, descending=descending, after=after)
    rows = db.query(sql, [*params, int(limit)])
    if sort in _NULLABLE and len(rows) < limit and (after is None or after.key is not None):
        # The dated cases have run out: the undated ones follow, in reference order.
        undated = ListCursor(None, "\uffff" if descending else "")
        sql, params = list_query(status=status, sort=sort, descending=descending, after=undated)
        rows += db.query(sql, [*params, int(limit) - len(rows)])
    page = [summary_of_row(r) for r in rows]
    if len(rows) < limit:
        return page, None
    last = rows[-1]
    return page, ListCursor(None if last[-1] is None else str(last[-1]), str(last[1]))


def list_query(
    *, status: str | None, sort: str, descending: bool, after: ListCursor | None = None
) -> tuple[str, list[str]]:
    """The SQL of one page of `list_page` (LIMIT left to bind), apart so a test can check that
    every order is served by an index. The last column is the raw sort key, for the cursor.

    A page after a cursor seeks with a row value over the index's own columns. A nullable key
    (due) is two runs: the dated cases, then the undated (a row value holding NULL compares as
    NULL), each by its own index."""
    order = _SORTABLE.get(sort)
    if order is None:
        raise ValueError(f"cannot sort cases by {sort!r}")
    raw = order.removesuffix(" COLLATE NOCASE")
    direction = "DESC" if descending else "ASC"
    before = "<" if descending else ">"
    where, params = (["c.status = ?"], [status]) if status else ([], [])
    if sort in _NULLABLE:
        # Written to match the expression indexes of schema V3 (the first column `key IS NULL`
        # or `key IS NOT NULL`, then key and ref): an equality on that first column, then a row
        # value over the other two, is what makes SQLite seek rather than scan.
        if after is not None and after.key is None:
            where.append(f"({raw} IS NULL) = 1 AND {raw} IS NULL AND c.ref {before} ?")
            params.append(after.ref)
            order, tie_break = "c.ref", ""
        else:
            flag, dated = (f"{raw} IS NOT NULL", 1) if descending else (f"{raw} IS NULL", 0)
            where.append(f"({flag}) = {dated}")
            if after is not None:
                where.append(f"({raw}, c.ref) {before} (?, ?)")
                params += [str(after.key), after.ref]
            order, tie_break = raw, f", c.ref {direction}"
    else:
        # References are unique, so they make the order total; repeating the key would stop
        # SQLite from using the (status, ref) index for the order.
        tie_break = "" if sort == "ref" else f", c.ref {direction}"
        # Filtered by status, the status order is the reference order.
        if after is not None and (sort == "ref" or (sort == "status" and status)):
            where.append(f"c.ref {before} ?")
            params.append(after.ref)
        elif after is not None:
            # The collation goes on the bound value: on the column it would stop the seek.
            collation = order.removeprefix(raw)
            where.append(f"({raw}, c.ref) {before} (?{collation}, ?)")
            params += [str(after.key), after.ref]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    # Only constants and a whitelisted ORDER BY column are interpolated; values are bound.
    sql = (
        f"SELECT {SUMMARY_COLUMNS}, {raw} FROM cases c JOIN members m ON m.id = c.member_id {clause} "  # noqa: S608
        f"ORDER BY {order} {direction}{tie_break} LIMIT ?"
    )
    return sql, params


def search_cases(
    db: Database, query: str, *, status: str | None = None, limit: int = 200
) -> list[CaseSummary]:
    """Cases matching what a user typed, best match first (for a word in very many entries, a
    first page, most recently updated first: see search.matching_cases), optionally only open or
    closed ones. The status filter is applied before the limit, so a filter never hides matches
    that fit it."""
    return [
        summary
        for summary, _match in _matched(db, search.matching_cases(db, query, status=status, limit=limit))
    ]


def search_matches(
    db: Database, query: str, *, status: str | None = None, limit: int = 200
) -> list[CaseMatch]:
    """`search_cases`, each case with where it matched and what its snippet is made from
    (search.snippets makes it, for the rows shown)."""
    matches = search.matching_cases(db, query, status=status, limit=limit)
    return [
        CaseMatch(summary, match.source, match.entry, matches.prefix)
        for summary, match in _matched(db, matches)
    ]


def _matched(db: Database, matches: search.Matches) -> list[tuple[CaseSummary, search.Match]]:
    if not matches.cases:
        return []
    ids = [match.case_id for match in matches.cases]
    marks = ", ".join("?" * len(ids))
    found = {
        summary.id: summary
        for summary in map(
            summary_of_row,
            db.query(
                f"SELECT {SUMMARY_COLUMNS} FROM cases c JOIN members m ON m.id = c.member_id "  # noqa: S608
                f"WHERE c.id IN ({marks})",
                ids,
            ),
        )
    }
    rows = [(found[match.case_id], match) for match in matches.cases if match.case_id in found]
    if not matches.ranked:
        rows.sort(key=lambda row: (row[0].updated_at, row[0].ref), reverse=True)
    return rows


def count_cases(db: Database, status: str | None = None) -> int:
    if status:
        return int(db.scalar("SELECT count(*) FROM cases WHERE status = ?", (status,)))
    return int(db.scalar("SELECT count(*) FROM cases"))


def all_case_ids(db: Database) -> set[str]:
    return {str(r[0]) for r in db.query("SELECT id FROM cases")}


def wrapped_case_key(db: Database, case_id: str) -> bytes | None:
    found = db.scalar("SELECT wrapped FROM case_keys WHERE case_id = ?", (case_id,))
    return None if found is None else bytes(found)


def touch(db: Database, case_id: str, now: datetime) -> None:
    db.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (to_db(now), case_id))


def insert_event(db: Database, case_id: str, event: Event) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body, terms) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event.id,
                case_id,
                event.kind,
                to_db(event.occurred_at),
                to_db(event.recorded_at),
                event.body,
                event.terms,
            ),
        )
        search.index(db, case_id, "event", event.id, event.body)
        touch(db, case_id, event.recorded_at)


def events(db: Database, case_id: str) -> list[Event]:
    rows = db.query(
        # The current text is the latest version (event_versions, issue 5), else the original body.
        "SELECT e.id, e.kind, e.occurred_at, e.recorded_at, coalesce(v.body, e.body), e.terms, "
        "v.recorded_at FROM events e LEFT JOIN event_versions v ON v.event_id = e.id AND v.version = "
        "(SELECT max(version) FROM event_versions WHERE event_id = e.id) WHERE e.case_id = ? "
        "ORDER BY e.occurred_at, e.recorded_at",
        (case_id,),
    )
    return [Event(r[0], r[1], from_db(r[2]), from_db(r[3]), r[4], r[5], from_db_opt(r[6])) for r in rows]


def set_closed(db: Database, case_id: str, closed_at: datetime, retain_until: datetime) -> None:
    db.execute(
        "UPDATE cases SET status = 'closed', closed_at = ?, retain_until = ?, updated_at = ? WHERE id = ?",
        (to_db(closed_at), to_db(retain_until), to_db(closed_at), case_id),
    )


def set_reopened(db: Database, case_id: str, now: datetime) -> None:
    """Open again; the outcome goes with the closing it belonged to."""
    db.execute(
        "UPDATE cases SET status = 'open', closed_at = NULL, retain_until = NULL, outcome = NULL, "
        "remedy = '', updated_at = ? WHERE id = ?",
        (to_db(now), case_id),
    )


def set_outcome(db: Database, case_id: str, outcome: str | None, remedy: str) -> None:
    db.execute("UPDATE cases SET outcome = ?, remedy = ? WHERE id = ?", (outcome, remedy, case_id))


def outcome(db: Database, case_id: str) -> tuple[str | None, str]:
    """(outcome code or None, remedy) of a case."""
    row = db.query_one("SELECT outcome, remedy FROM cases WHERE id = ?", (case_id,))
    return (None, "") if row is None else (row[0], str(row[1]))


def closed_cases(db: Database, *, retained_until: datetime | None = None) -> list[CaseSummary]:
    """Closed cases by end of archive period; with `retained_until`, only those whose period ends
    by then (through the retain_until index: a vault of ten years' closed cases reads the few due)."""
    bound, params = ("AND c.retain_until <= ? ", (to_db(retained_until),)) if retained_until else ("", ())
    rows = db.query(
        f"SELECT {SUMMARY_COLUMNS} FROM cases c JOIN members m ON m.id = c.member_id "  # noqa: S608
        # "+c.status": no index on status, so the retain_until index is the one used.
        f"WHERE +c.status = 'closed' {bound}ORDER BY c.retain_until",
        params,
    )
    return [summary_of_row(r) for r in rows]


def erase_case(
    db: Database, summary: CaseSummary, now: datetime, originals_reason: str | None = None
) -> None:
    """Delete every row of the case, its search entries and its key, and leave a deletion record.
    Runs in one transaction with secure_delete on, so freed pages are zeroed."""
    with db.transaction():
        search.erase_case(db, summary.id)
        db.execute("DELETE FROM case_keys WHERE case_id = ?", (summary.id,))
        db.execute("DELETE FROM attachments WHERE case_id = ?", (summary.id,))
        db.execute("DELETE FROM events WHERE case_id = ?", (summary.id,))
        member_id = db.scalar("SELECT member_id FROM cases WHERE id = ?", (summary.id,))
        ended = db.scalar("SELECT outcome FROM cases WHERE id = ?", (summary.id,))
        db.execute("DELETE FROM cases WHERE id = ?", (summary.id,))
        db.execute(
            "DELETE FROM members WHERE id = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE member_id = ?)",
            (member_id, member_id),
        )
        db.execute(
            "INSERT INTO deletions(case_id, ref, case_type, opened_at, closed_at, deleted_at, "
            "originals_reason, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                summary.id,
                summary.ref,
                summary.case_type,
                to_db(summary.opened_at),
                None if summary.closed_at is None else to_db(summary.closed_at),
                to_db(now),
                originals_reason,
                ended,
            ),
        )


def deleted_case_ids(db: Database) -> set[str]:
    return {str(r[0]) for r in db.query("SELECT case_id FROM deletions")}


def deletions(db: Database) -> list[Deletion]:
    rows = db.query(
        "SELECT ref, case_type, opened_at, closed_at, deleted_at, originals_reason, outcome "
        "FROM deletions ORDER BY deleted_at"
    )
    return [Deletion(r[0], r[1], from_db(r[2]), from_db_opt(r[3]), from_db(r[4]), r[5], r[6]) for r in rows]


def case_types(db: Database) -> list[str]:
    return [str(r[0]) for r in db.query("SELECT DISTINCT case_type FROM cases ORDER BY case_type")]


def member_names_by_ref(db: Database, refs: Iterable[str]) -> dict[str, str]:
    """The member's name for each of these case references that exists, in one query per 500
    (through the unique index on ref), not a whole case each."""
    wanted = sorted(set(refs))
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        batch = wanted[start : start + 500]
        marks = ", ".join("?" * len(batch))
        sql = (
            f"SELECT c.ref, m.name FROM cases c JOIN members m ON m.id = c.member_id WHERE c.ref IN ({marks})"  # noqa: S608 - placeholders only
        )
        for ref, name in db.query(sql, batch):
            names[str(ref)] = str(name)
    return names
