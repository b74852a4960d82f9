"""store/sync_merge.py over a real vault's database: kept conflict versions one by one, the two
unique values two devices can both give out (a case reference, an issue's place), a record sent
whole again, whether fields make a whole record, and a device to announce."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from casevault.core.hlc import Timestamp
from casevault.core.model import FirstMeeting
from casevault.crypto import signing
from casevault.formats import changeset
from casevault.store import sync_merge, sync_rows
from casevault.store.db import Database
from casevault.vault.facade import Vault

DEVICE = "ab" * 16
OTHER = "cd" * 16


@pytest.fixture
def synced(vault: Vault, tmp_path: Path) -> Vault:
    """The vault, set up as the first device of a sync folder."""
    vault.sync.set_up(tmp_path / "shared")
    return vault


def stamp(wall_ms: int, counter: int = 0, device: str = DEVICE) -> Timestamp:
    return Timestamp(wall_ms, counter, device)


def kept(db: Database) -> list[tuple[str, str, str, Timestamp, Any]]:
    return [(k.tbl, k.pk, k.field, k.stamp, k.value) for k in sync_rows.conflicts(db)]


def a_case(vault: Vault, name: str = "Ada Example", issues: tuple[str, ...] = ()) -> tuple[str, str]:
    """A new case (with these issues in its first meeting): its ref and its id."""
    ref = vault.new_case(name)
    if issues:
        vault.save_first_meeting(ref, FirstMeeting(issues=issues))
    return ref, vault.session.case_id(ref)


def issue_ids(db: Database, case_id: str) -> list[str]:
    return [
        str(r[0])
        for r in db.query("SELECT id FROM case_issues WHERE case_id = ? ORDER BY position", (case_id,))
    ]


# ---- kept conflict versions -------------------------------------------------------------------


def test_drop_conflict_version_removes_exactly_that_version(vault: Vault) -> None:
    db = vault.session.db
    _ref, case_id = a_case(vault)
    older, newer = stamp(1_000), stamp(2_000, device=OTHER)
    sync_rows.put_conflict(db, "first_meetings", case_id, "narrative", stamp=older, value="the older")
    sync_rows.put_conflict(db, "first_meetings", case_id, "narrative", stamp=newer, value="the newer")
    sync_rows.put_conflict(db, "first_meetings", case_id, "originals_received", stamp=older, value="payslips")
    sync_merge.drop_conflict_version(db, "first_meetings", case_id, "narrative", older)
    assert kept(db) == [
        ("first_meetings", case_id, "narrative", newer, "the newer"),
        ("first_meetings", case_id, "originals_received", older, "payslips"),
    ]


def test_drop_conflict_version_of_a_stamp_not_kept_changes_nothing(vault: Vault) -> None:
    db = vault.session.db
    _ref, case_id = a_case(vault)
    sync_rows.put_conflict(db, "first_meetings", case_id, "narrative", stamp=stamp(1_000), value="kept")
    before = kept(db)
    sync_merge.drop_conflict_version(db, "first_meetings", case_id, "narrative", stamp(1_000, 1))
    sync_merge.drop_conflict_version(db, "first_meetings", "0" * 32, "narrative", stamp(1_000))
    assert kept(db) == before
    assert len(before) == 1


def test_conflicts_of_lists_one_fields_versions_newest_first(vault: Vault) -> None:
    db = vault.session.db
    _ref, case_id = a_case(vault)
    _other_ref, other_case = a_case(vault, "Bea Other")
    versions = [(stamp(2_000), "middle"), (stamp(3_000, device=OTHER), "newest"), (stamp(1_000), "oldest")]
    for at, value in versions:
        sync_rows.put_conflict(db, "first_meetings", case_id, "narrative", stamp=at, value=value)
    sync_rows.put_conflict(db, "first_meetings", case_id, "member_decision", stamp=stamp(9_000), value="x")
    sync_rows.put_conflict(db, "first_meetings", other_case, "narrative", stamp=stamp(9_000), value="y")
    found = sync_merge.conflicts_of(db, "first_meetings", case_id, "narrative")
    assert [(k.stamp, k.value) for k in found] == [
        (stamp(3_000, device=OTHER), "newest"),
        (stamp(2_000), "middle"),
        (stamp(1_000), "oldest"),
    ]
    assert {(k.tbl, k.pk, k.field) for k in found} == {("first_meetings", case_id, "narrative")}
    assert sync_merge.conflicts_of(db, "first_meetings", case_id, "held_at") == []


def test_conflicts_of_orders_by_counter_within_one_millisecond(vault: Vault) -> None:
    db = vault.session.db
    _ref, case_id = a_case(vault)
    for counter in (1, 10, 2):
        sync_rows.put_conflict(
            db, "first_meetings", case_id, "narrative", stamp=stamp(5_000, counter), value=str(counter)
        )
    found = sync_merge.conflicts_of(db, "first_meetings", case_id, "narrative")
    assert [k.value for k in found] == ["10", "2", "1"]


# ---- case references --------------------------------------------------------------------------


def test_case_with_ref_finds_the_case_holding_a_reference(vault: Vault) -> None:
    db = vault.session.db
    ref, case_id = a_case(vault)
    other_ref, other_id = a_case(vault, "Bea Other")
    assert sync_merge.case_with_ref(db, ref) == case_id
    assert sync_merge.case_with_ref(db, other_ref) == other_id
    assert sync_merge.case_with_ref(db, "CV-1999-9999") is None


def test_set_case_ref_gives_the_case_another_reference(vault: Vault) -> None:
    db = vault.session.db
    ref, case_id = a_case(vault)
    other_ref, other_id = a_case(vault, "Bea Other")
    moved = f"{ref}-B2"
    sync_merge.set_case_ref(db, case_id, moved)
    assert sync_merge.case_with_ref(db, moved) == case_id
    assert sync_merge.case_with_ref(db, ref) is None
    assert sync_merge.case_with_ref(db, other_ref) == other_id
    assert vault.session.case_id(moved) == case_id


# ---- places in a case's list of issues --------------------------------------------------------


def test_issue_at_gives_the_issue_in_each_place(vault: Vault) -> None:
    db = vault.session.db
    _ref, case_id = a_case(vault, issues=("a", "b"))
    _other, other_case = a_case(vault, "Bea Other", issues=("c",))
    first, second = issue_ids(db, case_id)
    assert sync_merge.issue_at(db, case_id, 0) == first
    assert sync_merge.issue_at(db, case_id, 1) == second
    assert sync_merge.issue_at(db, case_id, 2) is None
    assert sync_merge.issue_at(db, other_case, 1) is None
    assert sync_merge.issue_at(db, other_case, 0) == issue_ids(db, other_case)[0]


def test_set_issue_position_moves_one_issue(vault: Vault) -> None:
    db = vault.session.db
    ref, case_id = a_case(vault, issues=("a", "b"))
    first, second = issue_ids(db, case_id)
    sync_merge.set_issue_position(db, first, 1_000_000)
    assert sync_merge.issue_at(db, case_id, 0) is None
    assert sync_merge.issue_at(db, case_id, 1_000_000) == first
    assert sync_merge.issue_at(db, case_id, 1) == second
    assert vault.first_meeting(ref).issues == ("b", "a")


def test_case_of_issue_gives_the_issues_case(vault: Vault) -> None:
    db = vault.session.db
    _ref, case_id = a_case(vault, issues=("a",))
    _other, other_case = a_case(vault, "Bea Other", issues=("c",))
    [issue] = issue_ids(db, case_id)
    [other_issue] = issue_ids(db, other_case)
    assert sync_merge.case_of_issue(db, issue) == case_id
    assert sync_merge.case_of_issue(db, other_issue) == other_case
    assert sync_merge.case_of_issue(db, "0" * 32) is None


# ---- a record sent whole again ------------------------------------------------------------------


def last_changeset_records(vault: Vault) -> list[dict[str, Any]]:
    """The records of this device's latest change set, read and verified as another device would."""
    db = vault.session.db
    me = sync_rows.get_self(db)
    assert me is not None and me.folder is not None
    own = Path(me.folder) / "devices" / me.device_id
    previous = changeset.GENESIS
    found: changeset.ChangeSet | None = None
    for sequence in range(1, me.sequence + 1):
        data = (own / f"{sequence:012d}.cvsync").read_bytes()
        found = changeset.read_changeset(
            data,
            expected_device=me.device_id,
            expected_sequence_after=sequence - 1,
            expected_previous=previous,
            known_devices={me.device_id: signing.public_key(me.signing_key)},
            sync_key=[k.sync_key for k in sync_rows.sync_keys(db)],
            vault_id=vault.session.vault_id,
        )
        previous = found.digest
    assert found is not None
    return list(found.records)


def test_mark_for_resend_marks_the_record_and_forgets_its_versions(synced: Vault) -> None:
    db = synced.session.db
    ref, case_id = a_case(synced)
    _other_ref, other_id = a_case(synced, "Bea Other")
    synced.sync.sync_now()
    assert sync_rows.dirty(db) == []
    assert sync_rows.field_stamps(db, "cases", case_id)
    sync_merge.mark_for_resend(db, "cases", case_id, case_id)
    assert sync_rows.dirty(db) == [sync_rows.Dirty("cases", case_id, case_id)]
    assert sync_rows.field_stamps(db, "cases", case_id) == {}
    assert sync_rows.field_stamps(db, "cases", other_id)  # only that record's versions go
    report = synced.sync.sync_now()
    assert (report.written, report.sent) == (1, 1)
    [record] = last_changeset_records(synced)
    assert (record["op"], record["t"], record["k"]) == ("w", "cases", case_id)
    assert set(record["f"]) == set(sync_rows.field_names(db, "cases"))
    assert record["f"]["ref"] == ref
    assert set(sync_rows.field_stamps(db, "cases", case_id)) == set(sync_rows.field_names(db, "cases"))
    assert sync_rows.dirty(db) == []


def test_mark_for_resend_of_a_record_marked_already_keeps_one_mark(synced: Vault) -> None:
    db = synced.session.db
    _ref, case_id = a_case(synced)
    assert sync_rows.Dirty("cases", case_id, case_id) in sync_rows.dirty(db)
    before = len(sync_rows.dirty(db))
    sync_merge.mark_for_resend(db, "cases", case_id, case_id)
    assert len(sync_rows.dirty(db)) == before


# ---- whole records ----------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["cases", "members", "case_issues", "first_meetings", "parties"])
def test_is_whole_needs_every_field_of_the_table(vault: Vault, table: str) -> None:
    db = vault.session.db
    fields = sync_rows.field_names(db, table)
    assert len(fields) >= 2
    assert sync_merge.is_whole(db, table, fields)
    assert sync_merge.is_whole(db, table, iter(fields))
    assert sync_merge.is_whole(db, table, [*fields, "id"])
    for missing in fields:
        assert not sync_merge.is_whole(db, table, [f for f in fields if f != missing])
    assert not sync_merge.is_whole(db, table, [])


# ---- devices to announce ----------------------------------------------------------------------


def test_mark_announce_puts_one_mark_for_the_device(synced: Vault) -> None:
    db = synced.session.db
    synced.sync.sync_now()
    device = os.urandom(16).hex()
    sync_merge.mark_announce(db, device)
    assert sync_rows.dirty(db) == [sync_rows.Dirty("sync_devices", device, "")]
    sync_merge.mark_announce(db, device)
    assert sync_rows.dirty(db) == [sync_rows.Dirty("sync_devices", device, "")]
    other = os.urandom(16).hex()
    sync_merge.mark_announce(db, other)
    assert sorted(d.pk for d in sync_rows.dirty(db)) == sorted([device, other])
