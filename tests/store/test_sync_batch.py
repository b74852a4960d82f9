"""store/sync_batch.py: a change set's reads and writes a table at a time give what the one-record
functions of store/sync_rows.py give, and refuse what they refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from casevault.core.hlc import Timestamp
from casevault.store import sync_batch as batched
from casevault.store import sync_rows as rows
from casevault.vault.facade import Vault

DEVICE = "d0" * 16


def _synced(vault: Vault, tmp_path: Path) -> None:
    vault.sync.set_up(tmp_path / "shared")


def test_read_records_gives_what_read_record_gives(vault: Vault, tmp_path: Path) -> None:
    _synced(vault, tmp_path)
    ref = vault.new_case("Agatha Batch")
    vault.add_note(ref, "one")
    vault.add_note(ref, "two")
    db = vault.session.db
    for tbl in ("cases", "members", "events", "case_keys"):
        pks = [m.pk for m in rows.dirty(db, tbl=tbl)]
        assert pks
        found = batched.read_records(db, tbl, [*pks, "ff" * 16])  # one that is not there
        assert found == {pk: rows.read_record(db, tbl, pk) for pk in pks}


def test_versions_tombstones_and_kept_versions_are_read_by_table(vault: Vault, tmp_path: Path) -> None:
    _synced(vault, tmp_path)
    db = vault.session.db
    stamp = Timestamp(1_000, 0, DEVICE)
    record = {"name": "Ann", "email": ""}
    rows.record_versions(db, "members", "aa" * 16, {"name": stamp}, record)
    rows.put_tombstone(db, "members", "bb" * 16, "", stamp)
    rows.put_conflict(db, "first_meetings", "cc" * 16, "narrative", stamp=stamp, value="kept")
    versions = batched.versions_of(db, "members", ["aa" * 16, "bb" * 16])
    assert list(versions) == ["aa" * 16] and versions["aa" * 16]["name"][0] == stamp
    assert batched.tombstones_of(db, "members", ["aa" * 16, "bb" * 16]) == {"bb" * 16: stamp}
    kept = batched.kept_by_field(db)
    assert [k.value for k in kept[("first_meetings", "cc" * 16, "narrative")]] == ["kept"]


def test_record_versions_many_writes_what_record_versions_writes(vault: Vault, tmp_path: Path) -> None:
    _synced(vault, tmp_path)
    db = vault.session.db
    first, later = Timestamp(1_000, 0, DEVICE), Timestamp(2_000, 0, DEVICE)
    batched.record_versions_many(db, [("members", "aa" * 16, "name", first, "Ann")])
    batched.record_versions_many(
        db, [("members", "aa" * 16, "name", later, "Anne"), ("members", "aa" * 16, "email", first, "")]
    )
    assert rows.field_stamps(db, "members", "aa" * 16) == {"name": later, "email": first}
    assert rows.changed_fields(db, "members", "aa" * 16, {"name": "Anne", "email": ""}) == {}


def test_clear_dirty_many_unmarks_only_those_records(vault: Vault, tmp_path: Path) -> None:
    _synced(vault, tmp_path)
    vault.new_case("Bertha Marked")
    db = vault.session.db
    marked = rows.dirty(db)
    batched.clear_dirty_many(db, [(m.tbl, m.pk) for m in marked[:-1]])
    assert rows.dirty(db) == marked[-1:]


def test_insert_records_inserts_checked_rows_in_one_go(vault: Vault, tmp_path: Path) -> None:
    _synced(vault, tmp_path)
    ref = vault.new_case("Cecil Parent")
    db = vault.session.db
    case_id = vault.session.case_id(ref)
    parties = [
        (
            f"{n:032x}",
            {
                "case_id": case_id,
                "name": f"Witness {n}",
                "role": "witness",
                "note": "",
                "added_at": "2026-03-14T09:30:00.000000Z",
            },
        )
        for n in range(1, 4)
    ]
    batched.insert_records(db, "parties", parties)
    assert sorted(p.name for p in vault.parties(ref)) == ["Witness 1", "Witness 2", "Witness 3"]
    with pytest.raises(ValueError, match="does not have"):
        batched.insert_records(db, "parties", [("ee" * 16, {"case_id": case_id, "no_such_column": 1})])
    with pytest.raises(ValueError, match="belongs to one device"):
        batched.insert_records(db, "settings", [("identity.age", {"value": "x"})])


def test_the_counts_say_how_many_marks_and_conflicting_fields(vault: Vault, tmp_path: Path) -> None:
    _synced(vault, tmp_path)
    db = vault.session.db
    vault.new_case("Edwina Counted")
    assert batched.dirty_count(db) == len(rows.dirty(db)) > 0
    first, later = Timestamp(1_000, 0, DEVICE), Timestamp(2_000, 0, DEVICE)
    rows.put_conflict(db, "first_meetings", "cc" * 16, "narrative", stamp=first, value="a")
    rows.put_conflict(db, "first_meetings", "cc" * 16, "narrative", stamp=later, value="b")
    rows.put_conflict(db, "first_meetings", "cc" * 16, "member_decision", stamp=first, value="c")
    assert batched.conflict_count(db) == 2  # fields, not versions
    tables = [m.tbl for m in batched.dirty_in_order(db, 1000)]
    assert tables.index("members") < tables.index("cases") < tables.index("case_keys")  # parents first
    assert len(batched.dirty_in_order(db, 2)) == 2
