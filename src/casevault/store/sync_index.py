"""The derived indexes of a case rebuilt from its rows, after sync applied another device's
records to it: the search entries and the conflict check's name tokens are not synced
(sync_records.NOT_SYNCED), so each device makes its own, as the writes that made the rows do.

An imported email's body is indexed from the message itself when it is imported, not from any
row: it is left as it is (a case received by sync finds its emails by their file names).
"""

from __future__ import annotations

from collections.abc import Iterable

from casevault.store import bulk, names
from casevault.store.db import Database, batches

_OWN_ROWS = ("member", "event", "attachment", "first-meeting", "action", "party")


_CHUNK = 500  # cases in one IN list


def reindex_cases(db: Database, case_ids: Iterable[str]) -> None:
    """Rebuild the search entries and name tokens of these cases from their rows (a case that is
    gone has none left to make), a few statements for each 500 cases: a device joining from a
    snapshot indexes every case it has."""
    entries: dict[str, list[tuple[str, str, str]]] = {}
    people: list[tuple[str, str, str]] = []
    with db.transaction():
        for chunk in batches(sorted(set(case_ids)), _CHUNK):
            _collect(db, chunk, entries, people)
        for source, found in entries.items():
            bulk.index_entries(db, source, found)
        names.index_names(db, people)


def _collect(
    db: Database,
    case_ids: list[str],
    by_source: dict[str, list[tuple[str, str, str]]],
    people: list[tuple[str, str, str]],
) -> None:
    """Drop the cases' derived entries and gather what they are to be: search entries by source
    (case, source id, text) and names (case, source, name)."""
    cases = ", ".join("?" * len(case_ids))
    sources = ", ".join("?" * len(_OWN_ROWS))
    db.execute(
        "DELETE FROM search_index WHERE rowid IN "  # noqa: S608 - placeholders only
        f"(SELECT rowid FROM search_docs WHERE case_id IN ({cases}) AND source IN ({sources}))",
        (*case_ids, *_OWN_ROWS),
    )
    db.execute(
        f"DELETE FROM search_docs WHERE case_id IN ({cases}) AND source IN ({sources})",  # noqa: S608 - placeholders only
        (*case_ids, *_OWN_ROWS),
    )
    db.execute(f"DELETE FROM name_tokens WHERE case_id IN ({cases})", case_ids)  # noqa: S608 - placeholders only
    members = {
        str(r[0]): (str(r[1]), str(r[2]))
        for r in db.query(
            "SELECT c.id, m.id, m.name FROM cases c JOIN members m ON m.id = c.member_id "  # noqa: S608 - placeholders only
            f"WHERE c.id IN ({cases})",
            case_ids,
        )
    }
    found: list[tuple[str, str, str, str]] = [  # (case, source, source id, text)
        (case_id, "member", member_id, name) for case_id, (member_id, name) in members.items()
    ]
    labelled = [
        # The current text of a note is its latest version, else its original body.
        (
            "event",
            "SELECT e.case_id, e.id, coalesce((SELECT v.body FROM event_versions v WHERE v.event_id = e.id "
            "ORDER BY v.version DESC LIMIT 1), e.body) FROM events e WHERE e.case_id IN ",
        ),
        ("attachment", "SELECT case_id, id, name FROM attachments WHERE case_id IN "),
        ("action", "SELECT case_id, id, what || char(10) || owner FROM action_points WHERE case_id IN "),
        ("party", "SELECT case_id, id, name FROM parties WHERE case_id IN "),
    ]
    for source, sql in labelled:
        rows = db.query(f"{sql}({cases}) ORDER BY 1, 2", case_ids)
        found.extend((str(r[0]), source, str(r[1]), str(r[2])) for r in rows)
    issues: dict[str, list[str]] = {}
    for case_id, text in db.query(
        f"SELECT case_id, text FROM case_issues WHERE case_id IN ({cases}) ORDER BY case_id, position",  # noqa: S608 - placeholders only
        case_ids,
    ):
        issues.setdefault(str(case_id), []).append(str(text))
    for case_id, *meeting in db.query(
        "SELECT case_id, narrative, originals_received, member_decision FROM first_meetings "  # noqa: S608 - placeholders only
        f"WHERE case_id IN ({cases}) ORDER BY case_id",
        case_ids,
    ):
        text = "\n".join([*issues.get(str(case_id), []), *(str(v or "") for v in meeting)])
        found.append((str(case_id), "first-meeting", str(case_id), text))
    for case_id, source, source_id, text in found:
        if case_id not in members:  # no member: the case is gone, or not whole yet
            continue
        by_source.setdefault(source, []).append((case_id, source_id, text))
        if source in ("member", "party"):
            people.append((case_id, names.MEMBER if source == "member" else source_id, text))
