"""The conflict check's name index: each member's and party's name tokens, and each token's
deletion keys (casework.conflicts explains the keys), so a check reads the few names that could
match rather than every name in the vault.

A name's rows go when its case goes (ON DELETE CASCADE) or its party is removed, and a trigger
drops a token's keys with its last name: a destroyed member's name does not linger here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from casevault.casework.conflicts import deletion_keys, index_tokens
from casevault.store import schema
from casevault.store.db import Database, batches

MEMBER = "member"  # the source of a case's member; a party's source is its id
_CHUNK = 4000  # values of an IN list per statement: under the bound-value limit


def _known_tokens(db: Database, tokens: Sequence[str]) -> set[str]:
    known: set[str] = set()
    for chunk in batches(tokens, _CHUNK):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT DISTINCT token FROM name_tokens WHERE token IN ({marks})"  # noqa: S608 - placeholders only
        known.update(str(row[0]) for row in db.query(sql, chunk))
    return known


def index_names(db: Database, names: Iterable[tuple[str, str, str]]) -> None:
    """Index (case id, source, name) triples: source is MEMBER or the party's id."""
    rows = sorted({(t, case_id, source) for case_id, source, name in names for t in index_tokens(name)})
    if not rows:
        return
    with db.transaction():
        new_tokens = sorted({token for token, _, _ in rows} - _known_tokens(db, sorted({r[0] for r in rows})))
        db.insert_rows("INSERT OR IGNORE INTO name_tokens(token, case_id, source)", rows)
        keys = sorted({(key, token) for token in new_tokens for key in deletion_keys(token)})
        db.insert_rows("INSERT OR IGNORE INTO name_keys(key, token)", keys)


def index_name(db: Database, case_id: str, source: str, name: str) -> None:
    index_names(db, [(case_id, source, name)])


def unindex_source(db: Database, source: str) -> None:
    """Forget a party's name (the trigger drops keys no other name shares)."""
    db.execute("DELETE FROM name_tokens WHERE source = ?", (source,))


def tokens_with_keys(db: Database, keys: Iterable[str]) -> set[str]:
    """The indexed tokens that have one of these deletion keys."""
    tokens: set[str] = set()
    for chunk in batches(sorted(set(keys)), _CHUNK):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT DISTINCT token FROM name_keys WHERE key IN ({marks})"  # noqa: S608 - placeholders only
        tokens.update(str(row[0]) for row in db.query(sql, chunk))
    return tokens


def candidates(db: Database, tokens: Iterable[str]) -> list[tuple[str, str, str]]:
    """(case reference, role, name) of every member and party with one of these tokens, by
    reference."""
    # One pass along the token index, deduplicated here by (case, source) rather than by a
    # DISTINCT: at 100k cases a common first name has thousands of rows, and the DISTINCT's
    # temporary b-tree and a second pass over it for the parties cost several times the lookup
    # itself (46 -> 5 ms for two common tokens). A name with two of the tokens is one candidate;
    # two parties with the same name and role are two. The LEFT JOIN is NULL for a member.
    found: dict[tuple[str, str], tuple[str, str, str]] = {}
    for chunk in batches(sorted(set(tokens)), _CHUNK):
        marks = ", ".join("?" * len(chunk))
        sql = (
            "SELECT t.case_id, t.source, c.ref, c.member_key, p.role, p.name "  # noqa: S608 - placeholders only
            "FROM name_tokens t JOIN cases c ON c.id = t.case_id "
            f"LEFT JOIN parties p ON p.id = t.source WHERE t.token IN ({marks})"
        )
        for case_id, source, ref, member_name, role, party_name in db.query(sql, chunk):
            if source == MEMBER:
                found[(str(case_id), MEMBER)] = (str(ref), MEMBER, str(member_name))
            elif role is not None:
                found[(str(case_id), str(source))] = (str(ref), str(role), str(party_name))
    return sorted(found.values())


def rebuild(db: Database) -> None:
    """Index every member and party from scratch, as the migration did. After a purge: deleted
    keys are zeroed, but a page split or merge can leave copies in the unallocated gap of a page
    (found by tests/vault/test_purge_pages.py); emptied and refilled, every page is rewritten."""
    with db.transaction():
        db.execute_script(schema.NAME_INDEX)
