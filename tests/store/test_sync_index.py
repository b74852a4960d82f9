"""A case's search entries and conflict-check name tokens rebuilt from its rows after sync
(store/sync_index.py), on a real SQLCipher vault."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from casevault.core.model import FirstMeeting
from casevault.store import search
from casevault.store.sync_index import reindex_cases
from casevault.vault.facade import Vault

MEMBER = "Wilhelmina Quartzberg"
PARTY = "Bartholomew Okonkwo"
NOTE = "The rota grievance about xylophone shifts"
NARRATIVE = "Member describes marmalade incident at the depot"
ISSUE = "Unpaid overtime zeppelin"
ACTION = "Request the kumquat policy document"
OWNER = "Priyanka"
DOCUMENT = "tangerine-contract.pdf"
EMAIL_TEXT = "unique email words flamingo"
SOURCES = ("member", "event", "attachment", "first-meeting", "action", "party")


@dataclass(frozen=True)
class Made:
    ref: str
    case_id: str
    note_id: str
    party_id: str
    action_id: str
    attachment_id: str


def make_case(vault: Vault, member: str = MEMBER) -> Made:
    ref = vault.new_case(member)
    note_id = vault.add_note(ref, NOTE)
    party_id = vault.add_party(ref, PARTY, "manager")
    vault.save_first_meeting(ref, FirstMeeting(issues=(ISSUE,), narrative=NARRATIVE))
    action_id = vault.add_action_point(ref, ACTION, owner=OWNER)
    attachment_id = vault.attachments.attach_stream(ref, DOCUMENT, io.BytesIO(b"%PDF-1.4 tiny"))
    return Made(ref, vault.session.case_id(ref), note_id, party_id, action_id, attachment_id)


def forget_indexes(vault: Vault, case_id: str) -> None:
    """What a case received by sync looks like: rows, but none of its derived index entries."""
    db = vault.session.db
    with db.transaction():
        db.execute(
            "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_docs WHERE case_id = ?)",
            (case_id,),
        )
        db.execute("DELETE FROM search_docs WHERE case_id = ?", (case_id,))
        db.execute("DELETE FROM name_tokens WHERE case_id = ?", (case_id,))


def found_refs(vault: Vault, text: str) -> set[str]:
    return {hit.ref for hit in vault.search(text)}


def conflict_roles(vault: Vault, name: str, ref: str) -> set[str]:
    return {match.role for match in vault.conflicts(name) if match.ref == ref}


def docs(vault: Vault, case_id: str) -> list[tuple[str, str]]:
    rows = vault.session.db.query(
        "SELECT source, source_id FROM search_docs WHERE case_id = ? ORDER BY source, source_id", (case_id,)
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def count(vault: Vault, sql: str, *params: object) -> int:
    return int(vault.session.db.scalar(sql, params))


WORDS = [NOTE.split()[-2], "marmalade", "zeppelin", "kumquat", OWNER, "Okonkwo", "Quartzberg", "tangerine"]


def test_the_case_is_unfindable_once_its_indexes_are_gone(vault: Vault) -> None:
    made = make_case(vault)
    for word in WORDS:
        assert found_refs(vault, word) == {made.ref}, word
    forget_indexes(vault, made.case_id)
    for word in WORDS:
        assert found_refs(vault, word) == set(), word
    assert conflict_roles(vault, MEMBER, made.ref) == set()


@pytest.mark.parametrize("word", WORDS)
def test_reindex_makes_every_entry_of_the_case_findable_again(vault: Vault, word: str) -> None:
    made = make_case(vault)
    forget_indexes(vault, made.case_id)
    reindex_cases(vault.session.db, [made.case_id])
    assert found_refs(vault, word) == {made.ref}


def test_reindex_indexes_under_the_same_sources_as_the_writes_did(vault: Vault) -> None:
    made = make_case(vault)
    before = docs(vault, made.case_id)
    forget_indexes(vault, made.case_id)
    reindex_cases(vault.session.db, [made.case_id])
    assert docs(vault, made.case_id) == before
    assert {source for source, _ in before} == set(SOURCES)
    hits = {hit.source for hit in vault.search("kumquat")}
    assert hits == {"action"}


def test_reindex_gives_the_conflict_check_the_member_and_party_names(vault: Vault) -> None:
    made = make_case(vault)
    before = {m.role for m in vault.conflicts(MEMBER)} | {m.role for m in vault.conflicts(PARTY)}
    forget_indexes(vault, made.case_id)
    assert count(vault, "SELECT count(*) FROM name_tokens WHERE case_id = ?", made.case_id) == 0
    reindex_cases(vault.session.db, [made.case_id])
    assert conflict_roles(vault, MEMBER, made.ref) == {"member"}
    assert conflict_roles(vault, PARTY, made.ref) == {"manager"}
    assert conflict_roles(vault, "Quartzberg Wilhelmina", made.ref) == {"member"}  # word order forgiven
    assert {m.role for m in vault.conflicts(MEMBER)} | {m.role for m in vault.conflicts(PARTY)} == before


def test_reindex_indexes_a_notes_latest_version_not_its_first_text(vault: Vault) -> None:
    made = make_case(vault)
    vault.edit_note(made.note_id, "Second wording mentions quokka")
    vault.edit_note(made.note_id, "Final wording mentions wombat")
    forget_indexes(vault, made.case_id)
    reindex_cases(vault.session.db, [made.case_id])
    assert found_refs(vault, "wombat") == {made.ref}
    assert found_refs(vault, "quokka") == set()
    assert found_refs(vault, "xylophone") == set()


def test_reindex_leaves_an_imported_emails_body_as_it_was(vault: Vault) -> None:
    made = make_case(vault)
    db = vault.session.db
    search.index(db, made.case_id, "email", made.attachment_id, EMAIL_TEXT)
    rowid = db.scalar("SELECT rowid FROM search_docs WHERE source = 'email'")
    reindex_cases(db, [made.case_id])
    assert found_refs(vault, "flamingo") == {made.ref}
    assert db.scalar("SELECT rowid FROM search_docs WHERE source = 'email'") == rowid
    assert count(vault, "SELECT count(*) FROM search_docs WHERE source = 'email'") == 1


def test_reindex_leaves_other_cases_alone(vault: Vault) -> None:
    made = make_case(vault)
    other = make_case(vault, "Cornelius Fairweather")
    other_docs = vault.session.db.query(
        "SELECT rowid, source, source_id FROM search_docs WHERE case_id = ? ORDER BY rowid", (other.case_id,)
    )
    other_tokens = count(vault, "SELECT count(*) FROM name_tokens WHERE case_id = ?", other.case_id)
    forget_indexes(vault, made.case_id)
    reindex_cases(vault.session.db, [made.case_id])
    assert (
        vault.session.db.query(
            "SELECT rowid, source, source_id FROM search_docs WHERE case_id = ? ORDER BY rowid",
            (other.case_id,),
        )
        == other_docs
    )
    assert count(vault, "SELECT count(*) FROM name_tokens WHERE case_id = ?", other.case_id) == other_tokens
    assert found_refs(vault, "Fairweather") == {other.ref}
    assert found_refs(vault, "kumquat") == {made.ref, other.ref}


def test_reindex_reflects_a_removed_party(vault: Vault) -> None:
    made = make_case(vault)
    db = vault.session.db
    # Rows changed underneath the index, as an applied change set does: the party is gone.
    db.execute("DELETE FROM parties WHERE id = ?", (made.party_id,))
    reindex_cases(db, [made.case_id])
    assert found_refs(vault, "Okonkwo") == set()
    assert conflict_roles(vault, PARTY, made.ref) == set()
    assert ("party", made.party_id) not in docs(vault, made.case_id)


def test_reindexing_a_case_that_does_not_exist_does_nothing(vault: Vault) -> None:
    made = make_case(vault)
    db = vault.session.db
    before = (
        db.query("SELECT rowid, case_id, source, source_id FROM search_docs ORDER BY rowid"),
        db.query("SELECT token, case_id, source FROM name_tokens ORDER BY token, case_id, source"),
        count(vault, "SELECT count(*) FROM search_index"),
    )
    reindex_cases(db, ["ff" * 16])
    reindex_cases(db, [])
    after = (
        db.query("SELECT rowid, case_id, source, source_id FROM search_docs ORDER BY rowid"),
        db.query("SELECT token, case_id, source FROM name_tokens ORDER BY token, case_id, source"),
        count(vault, "SELECT count(*) FROM search_index"),
    )
    assert after == before
    assert found_refs(vault, "kumquat") == {made.ref}


def test_reindexing_twice_leaves_one_entry_per_source_row(vault: Vault) -> None:
    made = make_case(vault)
    second_note = vault.add_note(made.ref, "Another note about pelicans")
    forget_indexes(vault, made.case_id)
    db = vault.session.db
    reindex_cases(db, [made.case_id, made.case_id])
    reindex_cases(db, [made.case_id])
    expected = sorted(
        [
            ("member", str(db.scalar("SELECT member_id FROM cases WHERE id = ?", (made.case_id,)))),
            ("event", made.note_id),
            ("event", second_note),
            ("attachment", made.attachment_id),
            ("first-meeting", made.case_id),
            ("action", made.action_id),
            ("party", made.party_id),
        ]
    )
    assert docs(vault, made.case_id) == expected
    # Every FTS row belongs to an entry, and no entry has two: nothing orphaned by the deletes.
    assert count(vault, "SELECT count(*) FROM search_index") == count(
        vault, "SELECT count(*) FROM search_docs"
    )
    assert count(vault, "SELECT count(*) FROM search_index WHERE search_index MATCH 'pelicans'") == 1
    assert count(vault, "SELECT count(*) FROM search_index WHERE search_index MATCH 'kumquat'") == 1
    assert [hit.ref for hit in vault.search("pelicans")] == [made.ref]
