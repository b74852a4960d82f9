"""Later versions of sealed paper-trail entries (events is sealed by a trigger: an edit is a new
row in event_versions; version 1 is the entry's own body)."""

from __future__ import annotations

from datetime import datetime

from casevault.core.model import EventVersion
from casevault.store import search
from casevault.store.cases import touch
from casevault.store.db import Database
from casevault.store.timefmt import from_db, to_db


def event_case(db: Database, event_id: str) -> str | None:
    """The case an entry belongs to, or None if there is no such entry."""
    found = db.scalar("SELECT case_id FROM events WHERE id = ?", (event_id,))
    return None if found is None else str(found)


def add_version(db: Database, event_id: str, body: str, now: datetime) -> int | None:
    """Add the next version of an entry and point the search index at it; returns the version
    number, or None if there is no such entry."""
    with db.transaction():
        case_id = event_case(db, event_id)
        if case_id is None:
            return None
        latest = db.scalar("SELECT max(version) FROM event_versions WHERE event_id = ?", (event_id,))
        version = 2 if latest is None else int(latest) + 1
        db.execute(
            "INSERT INTO event_versions(event_id, version, body, recorded_at) VALUES (?, ?, ?, ?)",
            (event_id, version, body, to_db(now)),
        )
        search.index(db, case_id, "event", event_id, body)
        touch(db, case_id, now)
        return version


def versions(db: Database, event_id: str) -> list[EventVersion] | None:
    """Every version of an entry, the original first; None if there is no such entry."""
    first = db.query_one("SELECT body, recorded_at FROM events WHERE id = ?", (event_id,))
    if first is None:
        return None
    later = db.query(
        "SELECT version, body, recorded_at FROM event_versions WHERE event_id = ? ORDER BY version",
        (event_id,),
    )
    return [
        EventVersion(1, str(first[0]), from_db(first[1])),
        *(EventVersion(int(r[0]), str(r[1]), from_db(r[2])) for r in later),
    ]
