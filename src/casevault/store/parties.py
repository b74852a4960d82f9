"""The people in a case other than its member, and the names the conflict check compares."""

from __future__ import annotations

from casevault.core.model import Party
from casevault.store import names, search
from casevault.store.cases import touch
from casevault.store.db import Database
from casevault.store.timefmt import from_db, to_db


def insert_party(db: Database, case_id: str, party: Party) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO parties(id, case_id, name, role, note, added_at) VALUES (?, ?, ?, ?, ?, ?)",
            (party.id, case_id, party.name, party.role, party.note, to_db(party.added_at)),
        )
        search.index(db, case_id, "party", party.id, party.name)
        names.index_name(db, case_id, party.id, party.name)
        touch(db, case_id, party.added_at)


def parties(db: Database, case_id: str) -> list[Party]:
    rows = db.query(
        "SELECT id, name, role, note, added_at FROM parties WHERE case_id = ? ORDER BY added_at, id",
        (case_id,),
    )
    return [Party(str(r[0]), str(r[1]), str(r[2]), str(r[3]), from_db(r[4])) for r in rows]


def delete_party(db: Database, party_id: str) -> str | None:
    """Remove a party and its search entry; the case id it belonged to, or None if there was none."""
    with db.transaction():
        case_id = db.scalar("SELECT case_id FROM parties WHERE id = ?", (party_id,))
        if case_id is None:
            return None
        db.execute("DELETE FROM parties WHERE id = ?", (party_id,))
        search.unindex(db, "party", party_id)
        names.unindex_source(db, party_id)
    return str(case_id)
