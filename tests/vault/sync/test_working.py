"""vault/sync/working.py: what one change set works with, read a table at a time."""

from __future__ import annotations

from pathlib import Path

from casevault.casework.merge import Delete, Key, Write
from casevault.core.hlc import Timestamp
from casevault.store import sync_rows as rows
from casevault.vault.facade import Vault
from casevault.vault.sync.working import Known, by_table

DEVICE = "d0" * 16
AT = Timestamp(5_000, 0, DEVICE)


def test_known_holds_the_named_records_their_versions_and_tombstones(vault: Vault, tmp_path: Path) -> None:
    vault.sync.set_up(tmp_path / "shared")
    ref = vault.new_case("Dorothea Known")
    db = vault.session.db
    case_id = vault.session.case_id(ref)
    vault.sync.sync_now()  # versions recorded for every field
    rows.put_tombstone(db, "parties", "aa" * 16, case_id, AT)
    ops = [
        Write(Key("cases", case_id, case_id), AT, {"title": "x"}),
        Delete(Key("parties", "aa" * 16, case_id), AT),
        Write(Key("cases", "bb" * 16, "bb" * 16), AT, {"title": "not here"}),
    ]
    known = Known.load(db, ops)
    assert set(known.records) == {("cases", case_id)}
    assert known.records[("cases", case_id)]["ref"] == ref
    assert "ref" in known.stamps[("cases", case_id)]
    assert known.tombstones == {("parties", "aa" * 16): AT}
    assert known.purged == set() and known.inserts == {} and known.new_versions == []


def test_by_table_keeps_the_order_tables_first_come_in() -> None:
    marks = [rows.Dirty("members", "1", ""), rows.Dirty("cases", "2", ""), rows.Dirty("members", "3", "")]
    assert [(t, [m.pk for m in ms]) for t, ms in by_table(marks)] == [
        ("members", ["1", "3"]),
        ("cases", ["2"]),
    ]
