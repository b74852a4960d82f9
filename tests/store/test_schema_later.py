"""Schema 15 (issue 15): each action point, hearing or meeting, and deadline carries whether its
case is open, kept by triggers through every insert, close and reopen, so the reminder counts
never read a case; and the rep's own action points are indexed in their due order.

Schema 16 (issue 20): sync's tables and capture triggers (their behaviour row by row is
test_sync_rows.py's): an old vault gains them, they stay frozen, and a purge empties them of the
case."""

from __future__ import annotations

import hashlib
from pathlib import Path

from casevault.casework import sync_records
from casevault.core.hlc import Timestamp
from casevault.core.model import Party
from casevault.store import cases, paper_trail, parties, schema, schema_later, sync_rows
from casevault.store import today as today_rows
from casevault.store.db import Database
from tests.support import sqlcipher_pages as sp
from tests.support.store_rows import T0, add_case, add_event

KEY = bytes(range(32))
T = "2026-01-02T00:00:00.000000Z"


def _records(case_id: str, n: int) -> str:
    return (
        f"INSERT INTO action_points(id, case_id, what, due_at, created_at) "
        f"VALUES ('a{n}', '{case_id}', 'Ring the member', '{T}', '{T}');\n"
        f"INSERT INTO case_dates(id, case_id, kind, at, note, created_at) "
        f"VALUES ('d{n}', '{case_id}', 'hearing', '{T}', '', '{T}');\n"
        f"INSERT INTO deadlines(id, case_id, kind, name, due_on, due_at, created_at) "
        f"VALUES ('t{n}', '{case_id}', 'tribunal', 'Claim', '2026-01-02', '{T}', '{T}');\n"
    )


def _open_flags(db: Database) -> dict[str, int]:
    rows = db.query(
        "SELECT id, case_open FROM action_points UNION ALL SELECT id, case_open FROM case_dates "
        "UNION ALL SELECT id, case_open FROM deadlines"
    )
    return {str(r[0]): int(r[1]) for r in rows}


def test_a_version_14_vault_gains_case_open_and_the_triggers_keep_it(tmp_path: Path) -> None:
    path = tmp_path / "v14.db"
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=schema.MIGRATIONS[:14])
    db.execute_script(
        f"INSERT INTO members(id, name, created_at) VALUES ('m', 'Ada Example', '{T}');\n"
        + "".join(
            f"INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at) "
            f"VALUES ('{c}', 'CV-2026-000{n}', 'm', 'other', '{status}', '{T}', '{T}');\n"
            for n, (c, status) in enumerate((("o", "open"), ("x", "closed")), 1)
        )
        + _records("o", 1)
        + _records("x", 2)
    )
    db.close()
    db = Database.open(path, KEY, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 15
        assert _open_flags(db) == {"a1": 1, "d1": 1, "t1": 1, "a2": 0, "d2": 0, "t2": 0}
        db.execute_script(_records("x", 3))  # added to a closed case (a handover of one)
        assert {k: v for k, v in _open_flags(db).items() if k.endswith("3")} == {"a3": 0, "d3": 0, "t3": 0}
        db.execute("UPDATE cases SET status = 'open' WHERE id = 'x'")
        db.execute("UPDATE cases SET status = 'closed' WHERE id = 'o'")
        assert _open_flags(db) == {
            "a1": 0,
            "d1": 0,
            "t1": 0,
            "a2": 1,
            "d2": 1,
            "t2": 1,
            "a3": 1,
            "d3": 1,
            "t3": 1,
        }
    finally:
        db.close()


def test_the_rep_index_is_the_expression_today_queries_with() -> None:
    """Changing the rep's words (casework/today.REP_OWNERS) fails here: the index would no
    longer match the query, so it needs a new migration, not an edit of schema 15."""
    assert today_rows.rep_owner_test() == schema_later.OWNER_IS_REP
    assert today_rows.rep_owner_test() in schema_later.V15


# ---- schema 16: sync's capture and field versions ------------------------------------------

DEVICE = "ab" * 16
V16_SHA256 = "42c4c1e22ac15b48c17212b8b7d46f8e7c732b089d62d7249ead261c7f96eff6"


def test_schema_16_is_frozen() -> None:
    """V16 is generated from constants in schema_later.py (_SYNC_CAPTURE and its helpers). A
    vault already at 16 never runs it again, so changing what it makes means a new migration,
    never an edit of these constants: this digest fails first."""
    assert hashlib.sha256(schema_later.V16.encode()).hexdigest() == V16_SHA256


def test_a_version_15_vault_gains_sync_tables_that_capture_only_once_set_up(tmp_path: Path) -> None:
    path = tmp_path / "v15.db"
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=schema.MIGRATIONS[:15])
    db.execute_script(
        f"INSERT INTO members(id, name, created_at) VALUES ('m', 'Ada Example', '{T}');\n"
        "INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at) "
        f"VALUES ('o', 'CV-2026-0001', 'm', 'other', 'open', '{T}', '{T}');\n" + _records("o", 1)
    )
    db.close()
    db = Database.open(path, KEY, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 16
        for table in (
            "sync_dirty",
            "sync_versions",
            "sync_self",
            "sync_devices",
            "sync_keys",
            "sync_conflicts",
        ):
            assert db.scalar(f"SELECT count(*) FROM {table}") == 0
        db.execute("UPDATE action_points SET owner = 'rep' WHERE id = 'a1'")
        assert db.scalar("SELECT count(*) FROM sync_dirty") == 0  # not a sync device yet
        sync_rows.set_up_self(db, DEVICE, bytes(32))
        db.execute("UPDATE action_points SET owner = 'me' WHERE id = 'a1'")
        assert sync_rows.dirty(db) == [sync_rows.Dirty("action_points", "a1", "o")]
        assert db.integrity_problems() == []  # `check` reads the new tables' CHECKs too
    finally:
        db.close()


def _export(db: Database, at: int) -> None:
    """What an export records: every marked record's fields at a version, and no marks left."""
    for mark in sync_rows.dirty(db):
        record = sync_rows.read_record(db, mark.tbl, mark.pk)
        if record is not None:
            stamps = dict.fromkeys(record, Timestamp(at, 0, DEVICE))
            sync_rows.record_versions(db, mark.tbl, mark.pk, stamps, record)
    sync_rows.clear_dirty(db, [(m.tbl, m.pk) for m in sync_rows.dirty(db)])


def test_a_purge_leaves_no_sync_row_digest_or_kept_text_of_the_case(tmp_path: Path) -> None:
    """Field digests of short values can be guessed and a kept conflict is the text itself, so
    the purge's deletes (secure_delete) must reach them: checked on the decrypted pages."""
    path = tmp_path / "p.db"
    db = Database.open(path, KEY, create=True, key_verified=True)
    sync_rows.set_up_self(db, DEVICE, bytes(32))
    kept = add_case(db, "Kept Member")
    gone = add_case(db, "Quorvath Snellibrand")
    event = add_event(db, gone.id, "Snellibrand says the Vexillarium shift lead shouted")
    paper_trail.add_version(db, event.id, "Snellibrand second version", T0)
    parties.insert_party(db, gone.id, Party("pa", "Wigglethorpe Dunmore", "witness", "", T0))
    _export(db, 1)
    secret = "Agreed narrative: the Flumpington incident, as the member tells it"
    sync_rows.put_conflict(
        db, "event_versions", f'["{event.id}",2]', "body", stamp=Timestamp(2, 0, DEVICE), value=secret
    )
    sync_rows.put_tombstone(db, "parties", "old", gone.id, Timestamp(3, 0, DEVICE))
    db.execute("UPDATE parties SET note = 'still unexported' WHERE id = 'pa'")
    words = (
        "Quorvath Snellibrand",
        "Snellibrand says the Vexillarium shift lead shouted",
        "Wigglethorpe Dunmore",
    )
    needles = [sync_records.digest(w) for w in words] + sp.spellings(secret)
    db.checkpoint_truncate()
    found = {needle for _, needle in sp.find_any(sp.decrypt_db_pages(path, KEY), needles)}
    assert found >= {*needles[:3], secret.encode()}  # the scan finds what is there

    summary = cases.get_summary(db, gone.id)
    assert summary is not None
    cases.erase_case(db, summary, T0)
    assert sync_rows.dirty(db) == [sync_rows.Dirty("deletions", gone.id, "")]  # the one record left
    assert sync_rows.tombstones(db) == [] and sync_rows.conflicts(db) == []
    versions = {str(r[0]) for r in db.query("SELECT DISTINCT pk FROM sync_versions")}
    assert versions == {kept.id, str(db.scalar("SELECT member_id FROM cases WHERE id = ?", (kept.id,)))}
    db.close()
    pages = sp.decrypt_db_pages(path, KEY)
    wal = Path(f"{path}-wal")
    frames = [page for _, page in sp.decrypt_wal_frames(wal, KEY, sp.file_salt(path))] if wal.exists() else []
    assert sp.find_any(pages + frames, needles) == []
