"""The derived indexes of a case rebuilt from its rows, after sync applied another device's
records to it: the search entries and the conflict check's name tokens are not synced
(sync_records.NOT_SYNCED), so each device makes its own, as the writes that made the rows do.

An imported email's body is indexed from the message itself when it is imported, not from any
row: it is left as it is (a case received by sync finds its emails by their file names).
"""

from __future__ import annotations

from collections.abc import Iterable

from casevault.store import bulk, names
from casevault.store.db import Database

_OWN_ROWS = ("member", "event", "attachment", "first-meeting", "action", "party")


def reindex_cases(db: Database, case_ids: Iterable[str]) -> None:
    """Rebuild the search entries and name tokens of these cases from their rows (a case that is
    gone has none left to make)."""
    entries: dict[str, list[tuple[str, str, str]]] = {}
    people: list[tuple[str, str, str]] = []
    with db.transaction():
        for case_id in sorted(set(case_ids)):
            _collect(db, case_id, entries, people)
        for source, found in entries.items():
            bulk.index_entries(db, source, found)
        names.index_names(db, people)


def _collect(
    db: Database,
    case_id: str,
    by_source: dict[str, list[tuple[str, str, str]]],
    people: list[tuple[str, str, str]],
) -> None:
    """Drop the case's derived entries and gather what they are to be: search entries by source
    (case, source id, text) and names (case, source, name)."""
    marks = ", ".join("?" * len(_OWN_ROWS))
    db.execute(
        "DELETE FROM search_index WHERE rowid IN "  # noqa: S608 - placeholders only
        f"(SELECT rowid FROM search_docs WHERE case_id = ? AND source IN ({marks}))",
        (case_id, *_OWN_ROWS),
    )
    db.execute(
        f"DELETE FROM search_docs WHERE case_id = ? AND source IN ({marks})",  # noqa: S608 - placeholders only
        (case_id, *_OWN_ROWS),
    )
    db.execute("DELETE FROM name_tokens WHERE case_id = ?", (case_id,))
    entries: list[tuple[str, str, str]] = []
    member = db.query_one(
        "SELECT m.id, m.name FROM cases c JOIN members m ON m.id = c.member_id WHERE c.id = ?", (case_id,)
    )
    if member is None:
        return
    entries.append(("member", str(member[0]), str(member[1])))
    labelled = [
        # The current text of a note is its latest version, else its original body.
        (
            "event",
            "SELECT e.id, coalesce((SELECT v.body FROM event_versions v WHERE v.event_id = e.id "
            "ORDER BY v.version DESC LIMIT 1), e.body) FROM events e WHERE e.case_id = ?",
        ),
        ("attachment", "SELECT id, name FROM attachments WHERE case_id = ?"),
        ("action", "SELECT id, what || char(10) || owner FROM action_points WHERE case_id = ?"),
        ("party", "SELECT id, name FROM parties WHERE case_id = ?"),
    ]
    for source, sql in labelled:
        entries.extend((source, str(r[0]), str(r[1])) for r in db.query(sql, (case_id,)))
    meeting = db.query_one(
        "SELECT narrative, originals_received, member_decision FROM first_meetings WHERE case_id = ?",
        (case_id,),
    )
    if meeting is not None:
        issues = [
            str(r[0])
            for r in db.query("SELECT text FROM case_issues WHERE case_id = ? ORDER BY position", (case_id,))
        ]
        entries.append(("first-meeting", case_id, "\n".join([*issues, *(str(v or "") for v in meeting)])))
    for source, source_id, text in entries:
        by_source.setdefault(source, []).append((case_id, source_id, text))
    people.append((case_id, names.MEMBER, str(member[1])))
    people.extend((case_id, source_id, text) for source, source_id, text in entries if source == "party")
