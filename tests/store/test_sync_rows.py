"""Sync's store rows (schema 16) on real SQLCipher files: every synced table's inserts, updates
and deletes are captured once sync is set up, never while remote changes are applied, never for
derived columns or tables; records read and written by table and id; field versions; and a purge
leaves no sync row, digest or kept text of the case behind."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casevault.casework import sync_records
from casevault.core.hlc import Timestamp
from casevault.store import sync_rows
from casevault.store.db import Database
from tests.support.store_rows import T0, count, open_db

DEVICE = "ab" * 16
OTHER = "cd" * 16
T = "2026-01-02T00:00:00.000000Z"


def stamp(wall: int, device: str = DEVICE) -> Timestamp:
    return Timestamp(wall, 0, device)


BASE = f"""
INSERT INTO members(id, name, created_at) VALUES ('m1', 'Ada Example', '{T}');
INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at)
    VALUES ('c1', 'CV-2026-0001', 'm1', 'general', 'open', '{T}', '{T}');
INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body)
    VALUES ('e1', 'c1', 'note', '{T}', '{T}', 'b');
INSERT INTO procedures(id, case_id, template_id, template_version, name, jurisdiction, started_at)
    VALUES ('p1', 'c1', 'acas', 1, 'Discipline', 'england', '{T}');
"""

# (table, record id, its case, columns, values, an update of a real field or "" for a sealed table)
_ROWS = [
    ("settings", "casework.jurisdiction", "", "key, value", "'casework.jurisdiction', 'x'", "value = 'y'"),
    ("members", "m2", "", "id, name, created_at", "'m2', 'Bea', '{T}'", "email = 'bea@home.example'"),
    ("cases", "c2", "c2", "id, ref, member_id, case_type, status, opened_at, updated_at",
     "'c2', 'CV-2026-0002', 'm1', 'general', 'open', '{T}', '{T}'", "title = 'Pay'"),
    ("case_keys", "c1", "c1", "case_id, wrapped", "'c1', x'00ff'", "wrapped = x'01'"),
    ("events", "e2", "c1", "id, case_id, kind, occurred_at, recorded_at, body",
     "'e2', 'c1', 'call', '{T}', '{T}', 'x'", ""),
    ("event_versions", '["e1",2]', "c1", "event_id, version, body, recorded_at", "'e1', 2, 'v2', '{T}'", ""),
    ("attachments", "a1", "c1", "id, case_id, name, size, wrapped_key, added_at",
     "'a1', 'c1', 'f.pdf', 9, x'00', '{T}'", "name = 'g.pdf'"),
    ("first_meetings", "c1", "c1", "case_id, updated_at", "'c1', '{T}'", "narrative = 'n'"),
    ("case_issues", "i1", "c1", "id, case_id, position, text", "'i1', 'c1', 0, 'Pay'", "text = 'Overtime'"),
    ("action_points", "ap1", "c1", "id, case_id, what, due_at, created_at",
     "'ap1', 'c1', 'Ring', '{T}', '{T}'", "done_at = '{T}'"),
    ("case_dates", "d1", "c1", "id, case_id, kind, at, created_at", "'d1', 'c1', 'hearing', '{T}', '{T}'",
     "note = 'Room 4'"),
    ("reminder_states", "k1", "c1", "key, case_id", "'k1', 'c1'", "dismissed_at = '{T}'"),
    ("parties", "pa1", "c1", "id, case_id, name, role, added_at", "'pa1', 'c1', 'Cy', 'witness', '{T}'",
     "note = 'saw it'"),
    ("consents", "co1", "c1", "id, case_id, scope, given_at, recorded_at",
     "'co1', 'c1', 'keep-data', '{T}', '{T}'", "withdrawn_at = '{T}'"),
    ("originals", "o1", "c1", "id, case_id, description, received_at, recorded_at",
     "'o1', 'c1', 'Payslips', '{T}', '{T}'", "returned_at = '{T}'"),
    ("escalations", "es1", "c1",
     "id, case_id, event_id, escalated_to, escalated_at, how, regional_office_notified, recorded_at",
     "'es1', 'c1', 'e1', 'RO', '{T}', 'phone', 1, '{T}'", "how = 'email'"),
    ("procedures", "p2", "c1", "id, case_id, template_id, template_version, name, jurisdiction, started_at",
     "'p2', 'c1', 'acas', 1, 'Grievance', 'england', '{T}'", "name = 'Appeal'"),
    ("deadlines", "t1", "c1", "id, case_id, procedure_id, kind, name, due_at, created_at",
     "'t1', 'c1', 'p1', 'stage', 'Appeal', '{T}', '{T}'", "outcome = 'met'"),
    ("library_documents", "l1", "", "id, name, size, wrapped_key, added_at", "'l1', 'p.pdf', 3, x'00', '{T}'",
     "title = 'Policy'"),
    ("breaches", "b1", "", "id, occurred_at, discovered_at, category, what, recorded_at",
     "'b1', '{T}', '{T}', 'other', 'Lost', '{T}'", "actions = 'Told'"),
    ("sent_log", "s1", "c1", "id, case_id, kind, sent_at, recipient, contents, sha256",
     "'s1', 'c1', 'zip', '{T}', 'hr', 'a.pdf', '00'", "recipient = 'rep'"),
    ("deletions", "gone", "", "case_id, ref, case_type, opened_at, deleted_at",
     "'gone', 'CV-2025-0009', 'general', '{T}', '{T}'", "case_type = 'pay'"),
]  # fmt: skip


def _where(tbl: str, pk: str) -> str:
    key = sync_records.decode_pk(sync_records.BY_NAME[tbl], pk)
    return " AND ".join(f"{c} = {v!r}" for c, v in zip(sync_records.BY_NAME[tbl].pk, key, strict=True))


# (table, insert, record id, its case, an update of a real field or None for a sealed table)
SAMPLES: list[tuple[str, str, str, str, str | None]] = [
    (
        tbl,
        f"INSERT INTO {tbl}({columns}) VALUES ({values.format(T=T)})",
        pk,
        case,
        f"UPDATE {tbl} SET {update.format(T=T)} WHERE {_where(tbl, pk)}" if update else None,
    )
    for tbl, pk, case, columns, values, update in _ROWS
]
SAMPLE_IDS = [s[0] for s in SAMPLES]
_ROWS_SQL = {s[0]: s[1] for s in SAMPLES}


def _delete(tbl: str, pk: str) -> str:
    return f"DELETE FROM {tbl} WHERE {_where(tbl, pk)}"


def _synced(path: Path) -> Database:
    db = open_db(path)
    db.execute_script(BASE)
    sync_rows.set_up_self(db, DEVICE, os.urandom(32))
    return db


@pytest.fixture
def synced(tmp_path: Path) -> Iterator[Database]:
    db = _synced(tmp_path / "s.db")
    yield db
    db.close()


def _marks(db: Database) -> set[tuple[str, str, str]]:
    return {tuple(d) for d in sync_rows.dirty(db)}  # type: ignore[misc]


def _clear(db: Database) -> None:
    sync_rows.clear_dirty(db, [(d.tbl, d.pk) for d in sync_rows.dirty(db)])


# ---- the schema ------------------------------------------------------------------------------


def test_every_table_of_the_schema_is_decided_on(db: Database) -> None:
    tables = {
        str(r[0])
        for r in db.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
        if not str(r[0]).startswith("search_index_")  # FTS5's own shadow tables
    }
    assert tables == {t.name for t in sync_records.TABLES} | set(sync_records.NOT_SYNCED)
    assert sorted(SAMPLE_IDS) == sorted(t.name for t in sync_records.TABLES)


def test_capture_triggers_are_on_the_synced_tables_only(db: Database) -> None:
    rows = db.query("SELECT tbl_name, name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync%'")
    captured = {str(t) for t, name in rows if re.fullmatch(r"sync_\w+_(inserted|updated|deleted)", str(name))}
    assert captured == {t.name for t in sync_records.TABLES}


def test_an_update_counts_when_it_sets_a_field_and_not_a_derived_column(db: Database) -> None:
    """The UPDATE OF lists are the table's columns less its derived ones: a migration that adds a
    column to one of these tables fails here until it recreates the trigger."""
    for tbl in sync_records.TABLES:
        sql = str(db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?", (f"sync_{tbl.name}_updated",)))
        columns = [str(r[0]) for r in db.query("SELECT name FROM pragma_table_info(?)", (tbl.name,))]
        listed = re.search(r"AFTER UPDATE OF (.*?) ON ", sql)
        if tbl.derived:
            assert listed is not None, tbl.name
            assert [c.strip() for c in listed.group(1).split(",")] == [
                c for c in columns if c not in tbl.derived
            ]
        else:
            assert listed is None, tbl.name


def test_the_local_settings_of_the_trigger_are_the_casework_list(db: Database) -> None:
    sql = str(db.scalar("SELECT sql FROM sqlite_schema WHERE name = 'sync_settings_inserted'"))
    quoted = ", ".join(f"'{k}'" for k in sorted(sync_records.LOCAL_SETTINGS))
    assert f"NEW.key NOT IN ({quoted})" in sql
    assert f"'{sync_records.DEVICE_PREFIX}'" in sql


# ---- capture ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_an_insert_update_and_delete_each_mark_the_record(
    synced: Database, sample: tuple[str, str, str, str, str | None]
) -> None:
    tbl, insert, pk, case, update = sample
    assert sync_rows.dirty(synced) == []
    synced.execute(insert)
    assert _marks(synced) == {(tbl, pk, case)}
    _clear(synced)
    if update is not None:
        assert synced.execute(update) == 1
        assert _marks(synced) == {(tbl, pk, case)}
        _clear(synced)
    assert synced.execute(_delete(tbl, pk)) == 1
    assert _marks(synced) == {(tbl, pk, case)}


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_nothing_is_marked_while_applying(
    synced: Database, sample: tuple[str, str, str, str, str | None]
) -> None:
    tbl, insert, pk, _case, update = sample
    with sync_rows.applying(synced):
        synced.execute(insert)
        if update is not None:
            synced.execute(update)
        synced.execute(_delete(tbl, pk))
    assert sync_rows.dirty(synced) == []
    assert count(synced, "sync_applying") == 0
    synced.execute(insert)  # and capture is back
    assert len(sync_rows.dirty(synced)) == 1


def test_applying_does_not_nest(synced: Database) -> None:
    with sync_rows.applying(synced), pytest.raises(ValueError, match="already"), sync_rows.applying(synced):
        pass
    assert count(synced, "sync_applying") == 0


def test_a_failed_apply_takes_the_flag_and_its_writes_with_it(synced: Database) -> None:
    with pytest.raises(RuntimeError), synced.transaction():
        synced.execute(SAMPLES[0][1])
        with sync_rows.applying(synced):
            synced.execute(SAMPLES[1][1])
            raise RuntimeError
    assert count(synced, "sync_applying") == 0
    assert count(synced, "members", "WHERE id = 'm2'") == 0
    with synced.transaction():
        with pytest.raises(RuntimeError), sync_rows.applying(synced):
            synced.execute(SAMPLES[1][1])
            raise RuntimeError
        synced.execute(SAMPLES[0][1])  # the outer transaction goes on, capturing
    assert _marks(synced) == {("settings", "casework.jurisdiction", "")}


def test_nothing_is_marked_before_sync_is_set_up(db: Database) -> None:
    db.execute_script(BASE)
    for _tbl, insert, _pk, _case, update in SAMPLES:
        db.execute(insert)
        if update is not None:
            db.execute(update)
    assert count(db, "sync_dirty") == 0


def test_derived_columns_do_not_mark_their_rows(synced: Database) -> None:
    synced.execute(SAMPLES[9][1])  # an action point: the case's next-due date and its case_open follow
    synced.execute(SAMPLES[10][1])
    synced.execute(SAMPLES[17][1])
    assert {(t, pk) for t, pk, _ in _marks(synced)} == {
        ("action_points", "ap1"),
        ("case_dates", "d1"),
        ("deadlines", "t1"),
    }
    assert synced.scalar("SELECT next_due_at FROM cases WHERE id = 'c1'") == T
    _clear(synced)
    synced.execute("UPDATE cases SET status = 'closed' WHERE id = 'c1'")  # the records' case_open follow
    assert synced.scalar("SELECT count(*) FROM action_points WHERE case_open = 0") == 1
    assert _marks(synced) == {("cases", "c1", "c1")}
    _clear(synced)
    synced.execute("UPDATE members SET name = 'Ada Renamed' WHERE id = 'm1'")  # cases.member_key follows
    assert synced.scalar("SELECT member_key FROM cases WHERE id = 'c1'") == "Ada Renamed"
    assert _marks(synced) == {("members", "m1", "c1")}


def test_derived_tables_and_local_settings_do_not_mark(synced: Database) -> None:
    synced.execute(
        "INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body) "
        f"VALUES ('e9', 'c1', 'advice', '{T}', '{T}', 'a')"
    )
    assert count(synced, "follow_ups") == 1  # derived from the advice, by its own trigger
    synced.execute("INSERT INTO search_docs(case_id, source, source_id) VALUES ('c1', 'event', 'e9')")
    synced.execute("INSERT INTO ref_counters(year, last) VALUES (2026, 1)")
    for key in ("identity.age", "identity.ed25519", "device.folder"):
        synced.execute("INSERT INTO settings(key, value) VALUES (?, 'secret')", (key,))
        synced.execute("UPDATE settings SET value = 'other' WHERE key = ?", (key,))
        synced.execute("DELETE FROM settings WHERE key = ?", (key,))
    assert _marks(synced) == {("events", "e9", "c1")}


def test_a_new_member_mark_learns_its_case_when_the_case_is_written(synced: Database) -> None:
    with synced.transaction():
        synced.execute(f"INSERT INTO members(id, name, created_at) VALUES ('m3', 'Cy', '{T}')")
        assert _marks(synced) == {("members", "m3", "")}
        synced.execute(
            "INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at) "
            f"VALUES ('c3', 'CV-2026-0003', 'm3', 'general', 'open', '{T}', '{T}')"
        )
    assert _marks(synced) == {("members", "m3", "c3"), ("cases", "c3", "c3")}


def test_mark_all_dirty_marks_every_record_with_its_case(synced: Database) -> None:
    for _tbl, insert, _pk, _case, _update in SAMPLES:
        synced.execute(insert)
    synced.execute("INSERT INTO settings(key, value) VALUES ('identity.age', 'secret')")
    _clear(synced)
    total = sync_rows.mark_all_dirty(synced)
    expected = {(tbl, pk, case) for tbl, _i, pk, case, _u in SAMPLES}
    expected |= {
        ("members", "m1", "c1"),
        ("cases", "c1", "c1"),
        ("events", "e1", "c1"),
        ("procedures", "p1", "c1"),
    }
    assert _marks(synced) == expected
    assert total == len(expected)


# ---- records --------------------------------------------------------------------------------


def _row(db: Database, tbl: str, pk: str) -> tuple[object, ...] | None:
    key = sync_records.decode_pk(sync_records.BY_NAME[tbl], pk)
    where = " AND ".join(f"{c} = ?" for c in sync_records.BY_NAME[tbl].pk)
    return db.query_one(f"SELECT * FROM {tbl} WHERE {where}", key)


def test_a_record_read_here_and_written_there_is_the_same_row(tmp_path: Path) -> None:
    here, there = _synced(tmp_path / "a.db"), _synced(tmp_path / "b.db")
    try:
        for _tbl, insert, _pk, _case, update in SAMPLES:
            here.execute(insert)
            if update is not None:
                here.execute(update)
        with sync_rows.applying(there):
            for tbl, _i, pk, _case, _u in SAMPLES:
                record = sync_rows.read_record(here, tbl, pk)
                assert record is not None
                assert not set(record) & (
                    set(sync_records.BY_NAME[tbl].pk) | sync_records.BY_NAME[tbl].derived
                )
                sync_rows.write_record(there, tbl, pk, record)
        for tbl, _i, pk, _case, _u in SAMPLES:
            assert _row(there, tbl, pk) == _row(here, tbl, pk), tbl
        assert sync_rows.dirty(there) == []
        assert sync_rows.read_record(here, "case_keys", "c1") == {"wrapped": "01"}
    finally:
        here.close()
        there.close()


def test_a_write_sets_only_the_named_fields_and_a_missing_record_reads_as_none(synced: Database) -> None:
    assert sync_rows.read_record(synced, "cases", "nope") is None
    before = _row(synced, "cases", "c1")
    sync_rows.write_record(synced, "cases", "c1", {"title": "Overtime", "id": "c1"})
    after = _row(synced, "cases", "c1")
    assert before is not None and after is not None
    assert [a for a, b in zip(after, before, strict=True) if a != b] == ["Overtime"]
    assert _marks(synced) == {("cases", "c1", "c1")}  # a write outside `applying` is a local edit
    _clear(synced)
    sync_rows.write_record(synced, "cases", "c1", {"title": "Overtime"})  # unchanged: no statement
    sync_rows.write_record(synced, "events", "e1", {"body": "b"})  # sealed, but unchanged
    assert sync_rows.dirty(synced) == []


def test_a_case_arriving_closed_gets_its_next_due_date(synced: Database) -> None:
    with sync_rows.applying(synced):
        sync_rows.write_record(
            synced,
            "cases",
            "c7",
            {
                "ref": "CV-2026-0007",
                "member_id": "m1",
                "case_type": "general",
                "status": "closed",
                "opened_at": T,
                "closed_at": T,
                "retain_until": "2032-01-02T00:00:00.000000Z",
                "updated_at": T,
            },
        )
    assert synced.scalar("SELECT next_due_at FROM cases WHERE id = 'c7'") == "2032-01-02T00:00:00.000000Z"


@pytest.mark.parametrize(
    ("tbl", "pk", "fields", "message"),
    [
        ("cases", "c1", {"nonsense": 1}, "does not have"),
        ("cases", "c1", {'title" = 1; --': "x"}, "does not have"),
        ("cases", "c1", {"next_due_at": T}, "does not have"),
        ("action_points", "ap1", {"case_open": 1}, "does not have"),
        ("cases", "c1", {"id": "c2"}, "another record"),
        ("cases", "c1", {"title": 3}, "not a valid"),
        ("case_keys", "c1", {"wrapped": "ZZ"}, "not a valid"),
        ("audit_log", "1", {"action": "x"}, "does not sync"),
        ("event_versions", '["e1", 2]', {"body": "x"}, "not a key"),
        ("events", "e1", {"body": "rewritten"}, "sealed"),
        ("settings", "identity.age", {"value": "AGE-SECRET-KEY-1"}, "one device"),
    ],
)
def test_a_bad_write_is_refused(
    synced: Database, tbl: str, pk: str, fields: dict[str, object], message: str
) -> None:
    before = synced.query("SELECT * FROM cases")
    with pytest.raises(ValueError, match=message):
        sync_rows.write_record(synced, tbl, pk, fields)
    assert synced.query("SELECT * FROM cases") == before


def test_delete_record_deletes_the_row_and_its_children(synced: Database) -> None:
    synced.execute(SAMPLES[5][1])  # a version of e1
    assert sync_rows.delete_record(synced, "events", "e1")
    assert not sync_rows.delete_record(synced, "events", "e1")
    assert count(synced, "event_versions") == 0
    assert ("events", "e1", "c1") in _marks(synced)


# ---- field versions ---------------------------------------------------------------------------


def test_changed_fields_are_exactly_those_whose_value_moved_on(synced: Database) -> None:
    synced.execute(SAMPLES[12][1])  # a party
    record = sync_rows.read_record(synced, "parties", "pa1")
    assert record is not None
    assert sync_rows.changed_fields(synced, "parties", "pa1", record) == record  # never exported
    sync_rows.record_versions(synced, "parties", "pa1", dict.fromkeys(record, stamp(5)), record)
    assert sync_rows.changed_fields(synced, "parties", "pa1", record) == {}
    synced.execute("UPDATE parties SET note = 'saw it', role = 'colleague' WHERE id = 'pa1'")
    now = sync_rows.read_record(synced, "parties", "pa1")
    assert now is not None
    assert sync_rows.changed_fields(synced, "parties", "pa1", now) == {"note": "saw it", "role": "colleague"}
    sync_rows.record_versions(synced, "parties", "pa1", {"note": stamp(9)}, now)
    assert sync_rows.changed_fields(synced, "parties", "pa1", now) == {"role": "colleague"}
    assert sync_rows.field_stamp(synced, "parties", "pa1", "note") == stamp(9)
    assert sync_rows.field_stamp(synced, "parties", "pa1", "name") == stamp(5)
    assert sync_rows.field_stamp(synced, "parties", "pa1", "nothing") is None
    assert sync_rows.field_stamps(synced, "parties", "pa1")["role"] == stamp(5)


def test_a_deleted_row_takes_its_versions_and_kept_conflicts_with_it(synced: Database) -> None:
    synced.execute(SAMPLES[12][1])
    record = sync_rows.read_record(synced, "parties", "pa1")
    assert record is not None
    sync_rows.record_versions(synced, "parties", "pa1", dict.fromkeys(record, stamp(5)), record)
    sync_rows.put_conflict(synced, "parties", "pa1", "note", stamp=stamp(6, OTHER), value="theirs")
    with sync_rows.applying(synced):  # whoever deletes it
        sync_rows.delete_record(synced, "parties", "pa1")
    assert count(synced, "sync_versions") == 0
    assert count(synced, "sync_conflicts") == 0


# (statement, its table, the ids it may name): a record is touched when a row changed.
_EDITS = [
    ("INSERT INTO settings(key, value) VALUES (?, 'v') ON CONFLICT(key) DO UPDATE SET value = value || 'x'",
     "settings", ("casework.a", "identity.age", "device.x")),
    ("DELETE FROM settings WHERE key = ?", "settings", ("casework.a", "identity.age")),
    ("INSERT OR IGNORE INTO parties(id, case_id, name, role, added_at) "
     f"VALUES (?, 'c1', 'Cy', 'other', '{T}')", "parties", ("p1", "p2")),
    ("UPDATE parties SET note = note || 'x' WHERE id = ?", "parties", ("p1", "p2")),
    ("DELETE FROM parties WHERE id = ?", "parties", ("p1", "p2")),
    ("INSERT OR IGNORE INTO action_points(id, case_id, what, due_at, created_at) "
     f"VALUES (?, 'c1', 'Do', '{T}', '{T}')", "action_points", ("x1", "x2")),
    (f"UPDATE action_points SET done_at = CASE WHEN done_at IS NULL THEN '{T}' END WHERE id = ?",
     "action_points", ("x1", "x2")),
    ("DELETE FROM action_points WHERE id = ?", "action_points", ("x1", "x2")),
    ("UPDATE cases SET status = CASE status WHEN 'open' THEN 'closed' ELSE 'open' END WHERE id = ?",
     "cases", ("c1",)),
    ("UPDATE members SET name = name || 'x' WHERE id = ?", "members", ("m1",)),
    ("INSERT INTO event_versions(event_id, version, body, recorded_at) "
     f"SELECT ?, coalesce(max(version), 1) + 1, 'v', '{T}' FROM event_versions WHERE event_id = 'e1'",
     "event_versions", ("e1",)),
]  # fmt: skip


def _edit(db: Database, index: int, pick: int) -> set[tuple[str, str]]:
    """Run one edit; the records it touched."""
    sql, tbl, ids = _EDITS[index]
    name = ids[pick % len(ids)]
    if not db.execute(sql, (name,)) or (tbl == "settings" and not sync_records.setting_syncs(name)):
        return set()
    if tbl == "event_versions":
        return {(tbl, sync_records.encode_pk([name, db.scalar("SELECT max(version) FROM event_versions")]))}
    return {(tbl, name)}


def test_the_marks_are_exactly_the_records_touched(tmp_path: Path) -> None:
    db = _synced(tmp_path / "h.db")

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.integers(0, len(_EDITS) - 1), st.integers(0, 2)), max_size=16))
    def run(edits: list[tuple[int, int]]) -> None:
        db.execute("BEGIN")  # each example starts from the same rows
        try:
            touched: set[tuple[str, str]] = set()
            for index, pick in edits:
                touched |= _edit(db, index, pick)
            assert {(d.tbl, d.pk) for d in sync_rows.dirty(db)} == touched
            assert all(d.case == ("" if d.tbl == "settings" else "c1") for d in sync_rows.dirty(db))
        finally:
            db.execute("ROLLBACK")

    try:
        run()
    finally:
        db.close()


# ---- tombstones, purges, kept conflicts, this device and the others -------------------------


def test_tombstones_keep_the_latest_and_purges_the_earliest(synced: Database) -> None:
    sync_rows.put_tombstone(synced, "parties", "pa1", "c1", stamp(7))
    sync_rows.put_tombstone(synced, "parties", "pa1", "c1", stamp(3))
    sync_rows.put_tombstone(synced, "breaches", "b1", "", stamp(2))
    assert sync_rows.tombstone(synced, "parties", "pa1") == stamp(7)
    assert [t.tbl for t in sync_rows.tombstones(synced)] == ["breaches", "parties"]
    sync_rows.drop_tombstone(synced, "breaches", "b1")
    assert sync_rows.tombstone(synced, "breaches", "b1") is None
    synced.execute(_ROWS_SQL["parties"])
    sync_rows.put_purged(synced, "c1", stamp(9))
    sync_rows.put_purged(synced, "c1", stamp(8, OTHER))
    assert sync_rows.purged_stamp(synced, "c1") == stamp(8, OTHER)
    assert sync_rows.purged(synced) == {"c1": stamp(8, OTHER)}
    assert sync_rows.purged_stamp(synced, "c2") is None
    assert sync_rows.tombstones(synced) == []
    assert sync_rows.dirty(synced) == []  # the purge supersedes the case's unexported edits


def test_kept_conflicts_list_newest_first_and_clear_by_field(synced: Database) -> None:
    sync_rows.put_conflict(synced, "first_meetings", "c1", "narrative", stamp=stamp(1), value="ours")
    sync_rows.put_conflict(synced, "first_meetings", "c1", "narrative", stamp=stamp(2, OTHER), value="theirs")
    kept = sync_rows.conflicts(synced)
    assert [(k.stamp, k.value) for k in kept] == [(stamp(2, OTHER), "theirs"), (stamp(1), "ours")]
    sync_rows.clear_conflict(synced, "first_meetings", "c1", "narrative")
    assert sync_rows.conflicts(synced) == []


def test_this_device_is_set_up_once_and_moves_on(synced: Database) -> None:
    me = sync_rows.get_self(synced)
    assert me is not None
    assert (me.device_id, me.sequence, me.last_digest, me.clock, me.folder) == (DEVICE, 0, None, None, None)
    with pytest.raises(ValueError, match="already set up"):
        sync_rows.set_up_self(synced, OTHER, b"k")
    sync_rows.wrote_changeset(synced, 1, b"\x01" * 32, stamp(4))
    sync_rows.set_clock(synced, stamp(5))
    sync_rows.set_folder(synced, "/home/rep/Sync/casevault")
    me = sync_rows.get_self(synced)
    assert me is not None
    assert (me.sequence, me.last_digest, me.clock, me.folder) == (
        1,
        b"\x01" * 32,
        stamp(5),
        "/home/rep/Sync/casevault",
    )


def test_other_devices_are_added_read_and_removed(synced: Database) -> None:
    sync_rows.add_device(synced, OTHER, b"\x02" * 32, "Office desktop", T0)
    for again in (OTHER, DEVICE):
        with pytest.raises(ValueError, match="already known"):
            sync_rows.add_device(synced, again, b"\x02" * 32, "", T0)
    sync_rows.read_from(synced, OTHER, 3, b"\x03" * 32)
    found = sync_rows.device(synced, OTHER)
    assert found is not None
    assert (found.label, found.added_at, found.last_sequence, found.last_digest) == (
        "Office desktop",
        T0,
        3,
        b"\x03" * 32,
    )
    sync_rows.remove_device(synced, OTHER, T0)
    assert sync_rows.devices(synced) == []
    assert [d.removed_at for d in sync_rows.devices(synced, removed=True)] == [T0]
    assert sync_rows.device(synced, "ef" * 16) is None


def test_the_newest_unretired_key_is_current(synced: Database) -> None:
    assert sync_rows.current_key(synced) is None
    sync_rows.add_key(synced, b"old", b"\x01" * 32, T0)
    sync_rows.add_key(synced, b"new", b"\x02" * 32, T0 + timedelta(days=1))
    sync_rows.retire_key(synced, b"new", T0 + timedelta(days=2))
    current = sync_rows.current_key(synced)
    assert current is not None and current.key_id == b"old"
    assert [k.key_id for k in sync_rows.sync_keys(synced)] == [b"new", b"old"]


def test_leaving_sync_forgets_every_sync_row_and_stops_capture(synced: Database) -> None:
    synced.execute(_ROWS_SQL["parties"])
    sync_rows.add_key(synced, b"id", b"\x01" * 32, T0)
    sync_rows.leave_sync(synced)
    assert sync_rows.get_self(synced) is None
    assert sync_rows.dirty(synced) == [] and sync_rows.sync_keys(synced) == []
    synced.execute("UPDATE parties SET note = 'x'")
    assert sync_rows.dirty(synced) == []
