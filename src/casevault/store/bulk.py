"""Bulk inserts, for generated vaults (the benchmark, and tests that need many rows).

The rows written are exactly what the one-at-a-time functions in `cases` and `search` write:
per case a member, the case, its wrapped key and the member's search entry; per note an event,
its search entry and the case's updated_at. Rows go in as multi-row `INSERT ... VALUES`
statements of a few thousand rows each (`Database.insert_rows`). Only `?` placeholders are
ever put into the SQL text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from casevault.core.model import ActionPoint, CaseDate, Event, Member
from casevault.store import names
from casevault.store.db import Database, batches
from casevault.store.timefmt import to_db

# Rows per batch: one statement each (4000 rows of at most 6 columns stay under the bound-value
# limit), and memory bounded.
BATCH_ROWS = 4000


@dataclass(frozen=True)
class NewCase:
    """A case as `cases.insert_case` stores it; the caller wraps the case key and picks the ref."""

    case_id: str
    ref: str
    member: Member
    case_type: str
    wrapped_key: bytes
    opened_at: datetime


def reserve_ref_numbers(db: Database, year: int, count: int) -> int:
    """Take `count` consecutive numbers of the year's reference sequence; returns the first, so
    cases made later with `cases.next_ref_number` continue after them."""
    if count < 1:
        raise ValueError("reserve at least one reference number")
    with db.transaction():
        db.execute(
            "INSERT INTO ref_counters(year, last) VALUES (?, ?) "
            "ON CONFLICT(year) DO UPDATE SET last = last + excluded.last",
            (year, count),
        )
        last = int(db.scalar("SELECT last FROM ref_counters WHERE year = ?", (year,)))
    return last - count + 1


def index_entries(db: Database, source: str, entries: Sequence[tuple[str, str, str]]) -> None:
    """Search entries for (case id, source id, text) of one source. The search_docs rowids are
    given explicitly (we hold the write lock), so the FTS rows need no lookup to match them."""
    first = int(db.scalar("SELECT coalesce(max(rowid), 0) + 1 FROM search_docs"))
    db.insert_rows(
        "INSERT INTO search_docs(rowid, case_id, source, source_id)",
        [(first + n, case_id, source, source_id) for n, (case_id, source_id, _) in enumerate(entries)],
    )
    db.insert_rows(
        "INSERT INTO search_index(rowid, text)",
        [(first + n, text) for n, (_, _, text) in enumerate(entries)],
    )


def add_cases(db: Database, cases: Iterable[NewCase]) -> int:
    """Insert open cases with their members, keys and search entries; returns how many."""
    count = 0
    with db.transaction():
        for batch in batches(cases, BATCH_ROWS):
            db.insert_rows(
                "INSERT INTO members(id, name, email, created_at)",
                [(c.member.id, c.member.name, c.member.email, to_db(c.opened_at)) for c in batch],
            )
            db.insert_rows(
                "INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at)",
                [
                    (
                        c.case_id,
                        c.ref,
                        c.member.id,
                        c.case_type,
                        "open",
                        to_db(c.opened_at),
                        to_db(c.opened_at),
                    )
                    for c in batch
                ],
            )
            db.insert_rows(
                "INSERT INTO case_keys(case_id, wrapped)",
                [(c.case_id, c.wrapped_key) for c in batch],
            )
            index_entries(db, "member", [(c.case_id, c.member.id, c.member.name) for c in batch])
            names.index_names(db, [(c.case_id, names.MEMBER, c.member.name) for c in batch])
            count += len(batch)
    return count


def add_events(db: Database, events: Iterable[tuple[str, Event]]) -> int:
    """Insert (case id, event) pairs with their search entries, and move each case's updated_at
    to its latest recorded event, as `cases.insert_event` does; returns how many. Events in id
    order go in fastest (the primary key is then appended to, not split)."""
    count = 0
    latest: dict[str, str] = {}
    with db.transaction():
        for batch in batches(events, BATCH_ROWS):
            db.insert_rows(
                "INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body)",
                [
                    (e.id, case_id, e.kind, to_db(e.occurred_at), to_db(e.recorded_at), e.body)
                    for case_id, e in batch
                ],
            )
            index_entries(db, "event", [(case_id, e.id, e.body) for case_id, e in batch])
            for case_id, e in batch:
                latest[case_id] = max(latest.get(case_id, ""), to_db(e.recorded_at))
            count += len(batch)
        for touched in batches(sorted(latest.items()), BATCH_ROWS):
            groups = ", ".join(["(?, ?)"] * len(touched))
            db.execute(
                f"WITH t(id, at) AS (VALUES {groups}) "  # noqa: S608 - placeholders only
                "UPDATE cases SET updated_at = max(cases.updated_at, t.at) FROM t WHERE cases.id = t.id",
                [v for pair in touched for v in pair],
            )
    return count


def add_action_points(db: Database, actions: Iterable[tuple[str, ActionPoint]]) -> int:
    """Insert (case id, action point) pairs as `meetings.insert_action` does; returns how many."""
    count = 0
    with db.transaction():
        for batch in batches(actions, BATCH_ROWS):
            db.insert_rows(
                "INSERT INTO action_points(id, case_id, what, owner, due_at, done_at, created_at)",
                [
                    (a.id, case_id, a.what, a.owner, _opt(a.due_at), _opt(a.done_at), to_db(a.created_at))
                    for case_id, a in batch
                ],
            )
            count += len(batch)
    return count


def add_case_dates(db: Database, dates: Iterable[tuple[str, CaseDate, datetime]]) -> int:
    """Insert (case id, hearing or meeting, when it was recorded) as `reminders.insert_case_date`
    does, but leave each case's updated_at alone: a generated case was last touched when its
    notes were, not when the vault was made. Returns how many."""
    count = 0
    with db.transaction():
        for batch in batches(dates, BATCH_ROWS):
            db.insert_rows(
                "INSERT INTO case_dates(id, case_id, kind, at, note, created_at)",
                [(d.id, case_id, d.kind, to_db(d.at), d.note, to_db(made)) for case_id, d, made in batch],
            )
            count += len(batch)
    return count


def _opt(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)


def engine_versions(db: Database) -> tuple[str, str, str]:
    """(SQLCipher version, the SQLite it is built on, its crypto provider and version), for
    reports."""
    cipher = str(db.scalar("PRAGMA cipher_version") or "unknown")
    sqlite = str(db.scalar("SELECT sqlite_version()") or "unknown")
    provider = str(db.scalar("PRAGMA cipher_provider") or "unknown")
    provider_version = str(db.scalar("PRAGMA cipher_provider_version") or "")
    return cipher, sqlite, f"{provider} {provider_version}".strip()
