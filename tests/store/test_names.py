"""The conflict check's name index (store/names.py) on a real SQLCipher file: what is indexed,
what a lookup returns, and that a name leaves the index with its party or its case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casevault.casework.conflicts import deletion_keys, query_keys
from casevault.core.model import Party
from casevault.store import cases, names, parties
from casevault.store.db import Database
from tests.support.store_rows import T0, add_case, count, new_id, open_db


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_db(tmp_path / "names.db")
    yield database
    database.close()


def _party(db: Database, case_id: str, name: str, role: str = "manager") -> Party:
    party = Party(new_id(), name, role, "", T0)
    parties.insert_party(db, case_id, party)
    return party


def test_a_case_indexes_its_members_tokens_and_their_keys(db: Database) -> None:
    case = add_case(db, "Zoë O'Neill")
    rows = db.query("SELECT token, case_id, source FROM name_tokens ORDER BY token")
    assert [tuple(r) for r in rows] == [("oneill", case.id, names.MEMBER), ("zoe", case.id, names.MEMBER)]
    keys = {str(r[0]) for r in db.query("SELECT key FROM name_keys WHERE token = 'oneill'")}
    assert keys == set(deletion_keys("oneill"))


def _lookup(db: Database, name: str) -> list[tuple[str, str, str]]:
    return names.candidates(db, names.tokens_with_keys(db, query_keys(name)))


def test_tokens_with_keys_are_the_indexed_tokens_sharing_a_key(db: Database) -> None:
    add_case(db, "Zoe Oneill")
    add_case(db, "Priya Raman")
    assert names.tokens_with_keys(db, query_keys("Zoe O'Neil")) == {"zoe", "oneill"}
    assert names.tokens_with_keys(db, deletion_keys("ramen")) == {"raman"}  # each less a letter is "ramn"
    assert names.tokens_with_keys(db, ["nokey"]) == set()
    assert names.tokens_with_keys(db, []) == set()


def test_candidates_are_members_and_parties_with_a_token(db: Database) -> None:
    first = add_case(db, "Zoe Oneill")
    second = add_case(db, "Priya Raman")
    party = _party(db, second.id, "Zoe O'Neil", "witness")
    assert _lookup(db, "Zoe O'Neill") == [
        (first.ref, "member", "Zoe Oneill"),
        (second.ref, "witness", party.name),
    ]
    # A name with two of the tokens is one candidate.
    assert names.candidates(db, ["zoe", "oneill", "oneil"]) == _lookup(db, "Zoe O'Neill")
    assert names.candidates(db, ["raman"]) == [(second.ref, "member", "Priya Raman")]
    assert _lookup(db, "Someone Else") == []
    assert names.candidates(db, []) == []


def test_two_parties_of_one_name_are_two_candidates(db: Database) -> None:
    case = add_case(db, "Member One")
    _party(db, case.id, "Ann Smith", "witness")
    _party(db, case.id, "Ann Smith", "witness")
    assert _lookup(db, "Ann Smith") == [(case.ref, "witness", "Ann Smith")] * 2


def test_a_removed_party_and_an_erased_case_leave_no_token_or_key(db: Database) -> None:
    keep = add_case(db, "Keeper Lindqvist")
    gone = add_case(db, "Zsofia Purgeable")
    party = _party(db, keep.id, "Ottoline Jibberwock")
    _party(db, gone.id, "Fennimore Lindqvist", "witness")
    parties.delete_party(db, party.id)
    assert count(db, "name_tokens", "WHERE source = ?", (party.id,)) == 0
    assert count(db, "name_keys", "WHERE token IN ('ottoline', 'jibberwock')") == 0
    cases.erase_case(db, gone, T0)
    for token in ("zsofia", "purgeable", "fennimore"):
        assert count(db, "name_tokens", "WHERE token = ?", (token,)) == 0, token
        assert count(db, "name_keys", "WHERE token = ?", (token,)) == 0, token
    # A token another name still has keeps its keys.
    assert count(db, "name_keys", "WHERE token = 'lindqvist'") == len(deletion_keys("lindqvist"))
    assert _lookup(db, "Keeper Lindqvist") == [(keep.ref, "member", "Keeper Lindqvist")]


def test_lookups_of_more_keys_and_tokens_than_one_statement_binds(db: Database) -> None:
    made = [add_case(db, f"Bulk{n:05d} Member") for n in range(60)]
    many_keys = [f"nokey{n}" for n in range(9000)] + sorted(query_keys("Bulk00007 Member"))
    tokens = names.tokens_with_keys(db, many_keys)
    assert {"member", "bulk00007"} <= tokens
    many_tokens = [f"notoken{n}" for n in range(9000)] + sorted(tokens)
    found = names.candidates(db, many_tokens)
    assert len(found) == 60  # every case shares "member"
    assert {ref for ref, _, _ in found} == {c.ref for c in made}


def test_rebuild_gives_the_same_index(db: Database) -> None:
    case = add_case(db, "Mary Ann Smith")
    _party(db, case.id, "Joanna Müller")
    before = (
        db.query("SELECT * FROM name_tokens ORDER BY 1, 2, 3"),
        db.query("SELECT * FROM name_keys ORDER BY 1, 2"),
    )
    names.rebuild(db)
    after = (
        db.query("SELECT * FROM name_tokens ORDER BY 1, 2, 3"),
        db.query("SELECT * FROM name_keys ORDER BY 1, 2"),
    )
    assert after == before and before[0]
