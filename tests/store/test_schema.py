"""The schema's migrations, run on vaults made at an old version: each keeps its rows and gains
what its version added. Schema 6: entries of the paper trail become sealed. Schema 8: handover
senders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from casevault.casework.conflicts import deletion_keys, query_keys
from casevault.store import names, schema, senders
from casevault.store.db import Database

KEY = bytes(range(32))
T = "2026-01-02T00:00:00.000000Z"
T0 = datetime(2026, 1, 2, tzinfo=UTC)


# ---- schema 6: a version-5 vault keeps its paper trail, and entries become sealed ---------------


def _version_5_vault(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = schema.MIGRATIONS[:5]
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=old)
    db.execute_script(
        f"""
        INSERT INTO members(id, name, created_at) VALUES ('m', 'Ada', '{T}');
        INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at)
            VALUES ('c', 'CV-2026-0001', 'm', 'other', 'open', '{T}', '{T}');
        INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body)
            VALUES ('e', 'c', 'escalation', '{T}', '{T}', 'kept as written');
        """
    )
    assert db.user_version() == 5
    db.close()


@pytest.fixture
def migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    path = tmp_path / "v5.db"
    _version_5_vault(path, monkeypatch)
    db = Database.open(path, KEY, key_verified=True)
    yield db  # type: ignore[misc]
    db.close()


def test_a_version_5_vault_keeps_its_paper_trail(migrated: Database) -> None:
    assert migrated.user_version() == schema.LATEST >= 6
    assert migrated.query("SELECT id, kind, body, terms FROM events") == [
        ("e", "escalation", "kept as written", "")
    ]
    assert migrated.scalar("SELECT employer_domain FROM members") == ""
    assert migrated.scalar("PRAGMA foreign_key_check") is None
    migrated.execute(
        "INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body, terms) VALUES "
        f"('x', 'c', 'management', '{T}', '{T}', 'y', 'without-prejudice')"
    )


def test_an_entry_is_sealed_and_an_edit_is_a_new_version(migrated: Database) -> None:
    with pytest.raises(sqlcipher.IntegrityError, match="sealed"):
        migrated.execute("UPDATE events SET body = 'rewritten' WHERE id = 'e'")
    with pytest.raises(sqlcipher.IntegrityError, match="sealed"):
        migrated.execute("UPDATE events SET occurred_at = '2020-01-01T00:00:00.000000Z' WHERE id = 'e'")
    migrated.execute(
        f"INSERT INTO event_versions(event_id, version, body, recorded_at) VALUES ('e', 2, 'v2', '{T}')"
    )
    with pytest.raises(sqlcipher.IntegrityError, match="sealed"):
        migrated.execute("UPDATE event_versions SET body = 'rewritten'")
    with pytest.raises(sqlcipher.IntegrityError, match="CHECK"):  # version 1 is the entry itself
        migrated.execute(
            f"INSERT INTO event_versions(event_id, version, body, recorded_at) VALUES ('e', 1, 'v1', '{T}')"
        )
    assert migrated.scalar("SELECT body FROM events WHERE id = 'e'") == "kept as written"
    # Deleting the case (a purge) still takes the entry and its versions with it.
    migrated.execute("DELETE FROM events WHERE case_id = 'c'")
    assert migrated.scalar("SELECT count(*) FROM event_versions") == 0


# ---- schema 8: a version-7 vault gains the senders table and keeps its settings ---------------


def test_a_version_7_vault_gains_the_senders_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v7.db"
    old = schema.MIGRATIONS[:7]
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=old)
    db.execute("INSERT INTO settings(key, value) VALUES ('kept', 'yes')")
    assert db.user_version() == 7
    db.close()
    db = Database.open(path, KEY, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 8
        assert db.scalar("SELECT value FROM settings WHERE key = 'kept'") == "yes"
        assert senders.all_senders(db) == []
        with db.transaction():
            senders.record_receipt(db, "aaaa", "11" * 32, T0)
            senders.record_receipt(db, "aaaa", "11" * 32, T0 + timedelta(days=1))
        (one,) = senders.all_senders(db)
        assert (one.received, one.first_received_at, one.last_received_at) == (2, T0, T0 + timedelta(days=1))
        assert one.confirmed_at is None
        assert senders.confirm(db, "aaaa", T0 + timedelta(days=2))
        assert senders.confirm(db, "aaaa", T0 + timedelta(days=3))  # the first confirmation stays
        assert senders.get(db, "aaaa") is not None
        assert senders.get(db, "aaaa").confirmed_at == T0 + timedelta(days=2)  # type: ignore[union-attr]
        assert not senders.confirm(db, "bbbb", T0)
        with pytest.raises(sqlcipher.IntegrityError):  # one fingerprint per key
            senders.record_receipt(db, "cccc", "11" * 32, T0)
    finally:
        db.close()


# ---- schema 10: a version-9 vault gains the conflict check's name index ------------------------


def test_a_version_9_vault_gains_the_name_index(tmp_path: Path) -> None:
    path = tmp_path / "v9.db"
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=schema.MIGRATIONS[:9])
    db.execute_script(
        f"""
        INSERT INTO members(id, name, created_at) VALUES ('m', 'Zoë O''Neill', '{T}');
        INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at)
            VALUES ('c', 'CV-2026-0001', 'm', 'other', 'open', '{T}', '{T}');
        INSERT INTO parties(id, case_id, name, role, added_at)
            VALUES ('p', 'c', 'Priya Raman', 'manager', '{T}');
        """
    )
    db.close()
    db = Database.open(path, KEY, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 10
        rows = db.query("SELECT token, case_id, source FROM name_tokens ORDER BY token")
        assert [tuple(r) for r in rows] == [
            ("oneill", "c", "member"),
            ("priya", "c", "p"),
            ("raman", "c", "p"),
            ("zoe", "c", "member"),
        ]
        assert names.candidates(db, query_keys("Zoe ONeil")) == [("CV-2026-0001", "member", "Zoë O'Neill")]
        assert names.candidates(db, query_keys("Pryia Raman")) == [("CV-2026-0001", "manager", "Priya Raman")]
        keys = {str(r[0]) for r in db.query("SELECT key FROM name_keys WHERE token = 'raman'")}
        assert keys == set(deletion_keys("raman"))
        # Built again from the rows (names.rebuild), the index is the same.
        before = db.query("SELECT * FROM name_keys ORDER BY 1, 2")
        names.rebuild(db)
        assert db.query("SELECT * FROM name_keys ORDER BY 1, 2") == before
    finally:
        db.close()


# ---- schema 11: oral advice awaiting writing, kept by triggers ---------------------------------


def _event(event_id: str, case_id: str, kind: str, day: int) -> str:
    at = f"2026-01-{day:02d}T09:00:00.000000Z"
    return (
        "INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body) "
        f"VALUES ('{event_id}', '{case_id}', '{kind}', '{at}', '{at}', 'sealed');\n"
    )


def _follow_ups(db: Database) -> list[tuple[object, ...]]:
    return [tuple(r) for r in db.query("SELECT event_id, case_open FROM follow_ups ORDER BY event_id")]


def test_a_version_10_vault_gains_follow_ups_and_triggers_keep_them(tmp_path: Path) -> None:
    path = tmp_path / "v10.db"
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=schema.MIGRATIONS[:10])
    cases = "".join(
        f"INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at) "
        f"VALUES ('{c}', 'CV-2026-000{n}', 'm', 'other', 'open', '{T}', '{T}');\n"
        for n, c in enumerate(("a", "b", "c"), 1)
    )
    db.execute_script(
        f"INSERT INTO members(id, name, created_at) VALUES ('m', 'Ada Example', '{T}');\n"
        + cases
        + _event("a1", "a", "advice", 3)  # confirmed by a2 (later)
        + _event("a2", "a", "advice-written", 4)
        + _event("a3", "a", "advice", 5)  # after the writing: still waits
        + _event("b1", "b", "advice", 3)
        + _event("b2", "b", "advice-written", 3)  # the same moment confirms it
        + _event("c1", "c", "advice", 6)
    )
    db.close()
    db = Database.open(path, KEY, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 11
        assert _follow_ups(db) == [("a3", 1), ("c1", 1)]
        db.execute_script(
            _event("c2", "c", "advice-written", 2)  # written before the oral advice: confirms nothing
            + _event("b3", "b", "advice", 9)
            + _event("b4", "b", "advice-written", 1)  # writing before it: b3 still waits
            + _event("a4", "a", "advice-written", 7)  # confirms a3
        )
        assert _follow_ups(db) == [("b3", 1), ("c1", 1)]
        db.execute("UPDATE cases SET status = 'closed' WHERE id = 'c'")
        assert _follow_ups(db) == [("b3", 1), ("c1", 0)]
        db.execute("UPDATE cases SET status = 'open' WHERE id = 'c'")
        db.execute("DELETE FROM events WHERE id = 'a4'")  # writing gone: a3 waits again
        assert _follow_ups(db) == [("a3", 1), ("b3", 1), ("c1", 1)]
        db.execute("DELETE FROM events WHERE case_id = 'c'")
        db.execute("DELETE FROM events WHERE id = 'b3'")
        assert _follow_ups(db) == [("a3", 1)]
        db.execute("DELETE FROM events WHERE case_id = 'a'")
        db.execute("DELETE FROM cases WHERE id = 'a'")
        assert _follow_ups(db) == []
    finally:
        db.close()


# ---- schema 13: outcomes; a deletion record keeps a listed type, never free text ---------------


def test_a_version_12_vault_gains_outcomes_and_its_deletion_types_become_codes(tmp_path: Path) -> None:
    path = tmp_path / "v12.db"
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=schema.MIGRATIONS[:12])
    db.execute_script(
        f"INSERT INTO members(id, name, created_at) VALUES ('m', 'Ada Example', '{T}');\n"
        f"INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at) "
        f"VALUES ('a', 'CV-2026-0001', 'm', 'Rowan Hester v Acme', 'open', '{T}', '{T}');\n"
        + "".join(
            f"INSERT INTO deletions(case_id, ref, case_type, opened_at, deleted_at) "
            f"VALUES ('{n}', 'CV-2025-000{n}', '{kind}', '{T}', '{T}');\n"
            for n, kind in enumerate(("grievance", "discipline", "Rowan Hester appeal", "pay"), 1)
        )
    )
    db.close()
    db = Database.open(path, KEY, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 13
        kept = [tuple(r) for r in db.query("SELECT case_type, outcome FROM deletions ORDER BY case_id")]
        assert kept == [("grievance", None), ("disciplinary", None), ("other", None), ("pay", None)]
        # A live case keeps what was typed (the rep can see and change it); figures count it as "other".
        assert db.query("SELECT case_type, outcome, remedy FROM cases") == [("Rowan Hester v Acme", None, "")]
    finally:
        db.close()
