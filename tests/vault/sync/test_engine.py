"""Sync between two vaults through a plain folder: what one device does, the other sees."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from casevault.core.model import FirstMeeting
from casevault.crypto import keys as crypto_keys
from casevault.vault.facade import Vault
from casevault.vault.sync import engine
from casevault.vault.sync.folder import SyncFolder
from tests.conftest import FakeClock
from tests.support import sqlcipher_pages as sp
from tests.support.sync_pair import first_device, join, sync_all, synced_records


@pytest.fixture
def pair(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Vault, Vault]]:
    folder = tmp_path / "shared"
    a = first_device(tmp_path / "a", folder, clock)
    b = join(a, tmp_path / "b", folder, clock)
    yield a, b
    a.close()
    b.close()


def cases_of(vault: Vault) -> list[tuple[str, str, str]]:
    return sorted((c.ref, c.member_name, c.status) for c in vault.list_cases())


def test_a_case_made_on_one_device_arrives_on_the_other(pair: tuple[Vault, Vault], clock: FakeClock) -> None:
    a, b = pair
    ref = a.new_case("Wilhelmina Quartz", case_type="disciplinary")
    a.add_note(ref, "Met the member about the rota")
    clock.advance(minutes=1)
    sync_all(a, b)
    assert cases_of(b) == cases_of(a)
    assert [e.body for e in b.case(ref).events] == [e.body for e in a.case(ref).events]
    assert [h.ref for h in b.search("rota")] == [ref]


def test_edits_on_both_sides_converge(pair: tuple[Vault, Vault], clock: FakeClock) -> None:
    a, b = pair
    ref = a.new_case("Ottoline Brisk")
    sync_all(a, b)
    clock.advance(minutes=1)
    a.add_note(ref, "note from the laptop")
    b.add_note(ref, "note from the desktop")
    b.save_first_meeting(ref, FirstMeeting(issues=("rota",), narrative="told on the desktop"))
    clock.advance(minutes=1)
    sync_all(a, b)
    assert sorted(e.body for e in a.case(ref).events) == sorted(e.body for e in b.case(ref).events)
    assert len(a.case(ref).events) == 2
    assert a.first_meeting(ref).narrative == "told on the desktop"


def test_concurrent_narratives_keep_both_versions(pair: tuple[Vault, Vault], clock: FakeClock) -> None:
    a, b = pair
    ref = a.new_case("Perpetua Vane")
    sync_all(a, b)
    a.save_first_meeting(ref, FirstMeeting(narrative="the laptop's account"))
    clock.advance(seconds=1)
    b.save_first_meeting(ref, FirstMeeting(narrative="the desktop's account"))
    clock.advance(seconds=1)
    sync_all(a, b)
    assert a.first_meeting(ref).narrative == b.first_meeting(ref).narrative == "the desktop's account"
    for vault in (a, b):
        assert vault.sync.status().conflicts == 1


def test_an_attachment_arrives_whole(pair: tuple[Vault, Vault], tmp_path: Path, clock: FakeClock) -> None:
    a, b = pair
    ref = a.new_case("Hortensia Lamb")
    document = tmp_path / "letter.pdf"
    document.write_bytes(b"%PDF-1.7 " + os.urandom(200_000))
    file_id = a.attach(ref, document)
    sync_all(a, b)
    assert b.read_attachment(file_id) == document.read_bytes()


def test_a_purge_erases_the_case_on_the_other_device(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: FakeClock
) -> None:
    a, b = pair
    name, note = "Zebedee Purgeworthy", "Snickersnee told the member off in the Quillery"
    ref = a.new_case(name)
    a.add_note(ref, note)
    document = tmp_path / "note.pdf"
    document.write_bytes(b"%PDF-1.7 Flummoxed certificate " + os.urandom(5000))
    a.attach(ref, document)
    kept = a.new_case("Someone Else")
    sync_all(a, b)
    case_id = b.session.case_id(ref)
    assert b.session.paths.case_dir(case_id).exists()
    a.close_case(ref, retain_days=0)
    clock.advance(days=1)
    a.purge_case(ref)
    sync_all(a, b)
    assert [c.ref for c in b.list_cases()] == [kept]
    assert [d.ref for d in b.deletions()] == [ref]
    assert not b.session.paths.case_dir(case_id).exists()
    assert not list((tmp_path / "shared").rglob(f"*{case_id}*"))  # no attachment copy left
    pages = sp.decrypt_db_pages(b.session.paths.db_file, b.session.key(crypto_keys.PURPOSE_DB))
    wal = b.session.paths.db_file.with_name("vault.db-wal")
    if wal.exists():
        pages += [
            p
            for _, p in sp.decrypt_wal_frames(
                wal, b.session.key(crypto_keys.PURPOSE_DB), sp.file_salt(b.session.paths.db_file)
            )
        ]
    needles = [s for word in ("Purgeworthy", "Snickersnee", "Quillery") for s in sp.spellings(word)]
    assert sp.find_any(pages, needles) == []


def test_a_record_deleted_on_one_device_and_edited_later_on_the_other_comes_back(
    pair: tuple[Vault, Vault], clock: FakeClock
) -> None:
    a, b = pair
    ref = a.new_case("Cornelius Pike")
    party = a.add_party(ref, "Marjorie Stone", "manager")
    sync_all(a, b)
    a.remove_party(party)
    a.sync.sync_now()  # the timer's export: a change is stamped when it goes out
    clock.advance(seconds=5)
    # No screen edits a party's note yet: changed as a later version of casevault would.
    b.session.db.execute("UPDATE parties SET note = ? WHERE id = ?", ("still her line manager", party))
    clock.advance(seconds=5)
    sync_all(b, a)
    assert [p.name for p in a.parties(ref)] == [p.name for p in b.parties(ref)] == ["Marjorie Stone"]


def test_two_devices_giving_out_the_same_reference_keep_both_cases(
    pair: tuple[Vault, Vault], clock: FakeClock
) -> None:
    a, b = pair
    first = a.new_case("Arabella First")
    second = b.new_case("Barnaby Second")
    assert first == second  # each device counts its own references
    sync_all(a, b)
    assert cases_of(a) == cases_of(b)
    refs = [c.ref for c in a.list_cases()]
    assert len(set(refs)) == 2 and first in refs


def test_a_damaged_change_set_is_refused_in_one_sentence_and_the_rest_goes_on(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: FakeClock
) -> None:
    a, b = pair
    c = join(a, tmp_path / "c", tmp_path / "shared", clock, label="tablet")
    sync_all(a, b, c)
    b.new_case("Bertram From-B")
    c.new_case("Cecily From-C")
    sync_all(b, c, rounds=1)
    b_folder = tmp_path / "shared" / "devices" / b.sync.status().device_id
    [latest] = sorted(b_folder.glob("*.cvsync"))[-1:]
    data = bytearray(latest.read_bytes())
    data[-70] ^= 1  # inside the ciphertext
    latest.write_bytes(bytes(data))
    report = a.sync.sync_now()
    assert len(report.refused) == 1
    assert "damaged" in report.refused[0] and "\n" not in report.refused[0]
    assert "Cecily From-C" in [x.member_name for x in a.list_cases()]
    assert "Bertram From-B" not in [x.member_name for x in a.list_cases()]
    c.close()


def test_a_change_set_written_just_before_a_crash_is_taken_up_by_the_next_sync(
    pair: tuple[Vault, Vault], clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = pair
    ref = a.new_case("Desdemona Crash")
    real_write = SyncFolder.write_changeset

    def write_then_die(self: SyncFolder, sequence: int, data: bytes) -> None:
        real_write(self, sequence, data)
        raise KeyboardInterrupt  # as if the process died before its commit

    monkeypatch.setattr(SyncFolder, "write_changeset", write_then_die)
    with pytest.raises(KeyboardInterrupt):
        a.sync.sync_now()
    monkeypatch.undo()
    a.add_note(ref, "after the crash")
    sync_all(a, b)
    assert [e.body for e in b.case(ref).events] == ["after the crash"]
    assert cases_of(a) == cases_of(b)


def test_a_new_case_after_receiving_others_takes_a_reference_nobody_holds(
    pair: tuple[Vault, Vault], clock: FakeClock
) -> None:
    a, b = pair
    received = a.new_case("Ignatius Early")
    sync_all(a, b)
    made = b.new_case("Josephine Later")
    assert made != received
    sync_all(a, b)
    assert cases_of(a) == cases_of(b)


def test_changes_split_over_many_change_sets_arrive_parents_first(
    pair: tuple[Vault, Vault], clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = pair
    monkeypatch.setattr(engine, "BATCH", 3)
    for name in ("Una Split", "Vera Split", "Wynn Split"):
        ref = a.new_case(name)
        a.add_note(ref, f"a note for {name}")
    report = a.sync.sync_now()
    assert report.written >= 4
    assert not b.sync.sync_now().refused
    assert cases_of(b) == cases_of(a)
    assert synced_records(b) == synced_records(a)
