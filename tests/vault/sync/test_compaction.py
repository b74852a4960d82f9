"""Compaction (issue 20): a device removes from the folder what every paired device has read, a
device paired afterwards still gets everything (from its inviter's snapshot), and after a purge
has reached every device and each has compacted, nothing of the case is left in the folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from casevault.core.errors import UsageError
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.store import sync_rows as rows
from casevault.vault.facade import Vault
from casevault.vault.sync.folder import PROGRESS_NAME, SyncFolder
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.support import sqlcipher_pages as sp
from tests.support.sync_files import plaintexts
from tests.support.sync_pair import accepted, first_device, join, sync_all, synced_records


@pytest.fixture
def pair(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Vault, Vault]]:
    folder = tmp_path / "shared"
    a = first_device(tmp_path / "a", folder, clock)
    b = join(a, tmp_path / "b", folder, clock)
    yield a, b
    a.close()
    b.close()


def own_changesets(vault: Vault) -> list[int]:
    me = rows.get_self(vault.session.db)
    assert me is not None and me.folder is not None
    return SyncFolder(Path(me.folder), me.device_id).sequences(me.device_id)


def test_a_device_removes_its_change_sets_once_every_paired_device_has_read_them(
    pair: tuple[Vault, Vault], clock: FakeClock
) -> None:
    a, b = pair
    for n in range(3):
        a.add_note(a.new_case(f"Member Number{n}"), f"note {n}")
        clock.advance(minutes=1)
        sync_all(a, b)
    assert own_changesets(a)
    done = a.sync.compact()
    assert done.removed > 0 and done.kept == 0 and done.freed > 0
    assert own_changesets(a) == []
    # The chain goes on from where it was: the next change set still reaches the other device.
    ref = a.new_case("Late Arrival")
    clock.advance(minutes=1)
    sync_all(a, b)
    assert ref in {c.ref for c in b.list_cases()}
    assert synced_records(a) == synced_records(b)


def test_nothing_a_paired_device_has_not_read_is_removed(pair: tuple[Vault, Vault], clock: FakeClock) -> None:
    a, b = pair
    sync_all(a, b)
    a.sync.compact()  # what b has read goes
    ref = a.new_case("Unread By Desktop")
    a.add_note(ref, "the desktop has not seen this yet")
    clock.advance(minutes=1)
    a.sync.sync_now()  # written, not read by b
    unread = own_changesets(a)
    assert unread
    done = a.sync.compact()
    assert own_changesets(a) == unread and done.removed == 0 and done.kept == len(unread)
    sync_all(b, a)
    assert [e.body for e in b.case(ref).events] == ["the desktop has not seen this yet"]


def test_a_progress_file_that_does_not_verify_counts_as_nothing_read(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: FakeClock
) -> None:
    a, b = pair
    a.new_case("Someone")
    clock.advance(minutes=1)
    sync_all(a, b)
    b_me = rows.get_self(b.session.db)
    a_me = rows.get_self(a.session.db)
    assert a_me is not None and b_me is not None
    devices = tmp_path / "shared" / "devices"
    # b's progress file replaced by a's own (moved between devices): refused, so nothing goes.
    shutil.copy(devices / a_me.device_id / PROGRESS_NAME, devices / b_me.device_id / PROGRESS_NAME)
    before = own_changesets(a)
    assert a.sync.compact().removed == 0
    assert own_changesets(a) == before
    (devices / b_me.device_id / PROGRESS_NAME).write_bytes(os.urandom(300))  # garbage: the same
    assert a.sync.compact().removed == 0


def test_a_device_paired_after_compaction_gets_everything_from_the_snapshot(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: FakeClock
) -> None:
    a, b = pair
    ref = a.new_case("Hyacinth Early")
    a.add_note(ref, "from before the compaction")
    document = tmp_path / "letter.pdf"
    document.write_bytes(b"%PDF-1.7 " + os.urandom(50_000))
    file_id = a.attach(ref, document)
    clock.advance(minutes=1)
    sync_all(a, b)
    a.save_first_meeting(ref, FirstMeeting(narrative="the laptop's account"))
    b.save_first_meeting(ref, FirstMeeting(narrative="the desktop's account"))
    clock.advance(minutes=1)
    sync_all(a, b)
    for vault in (a, b):
        vault.sync.compact()
    assert own_changesets(a) == [] and own_changesets(b) == []
    c = join(a, tmp_path / "c", tmp_path / "shared", clock, label="tablet")
    try:
        clock.advance(minutes=1)
        b.add_note(ref, "written on the desktop after the tablet joined")
        clock.advance(minutes=1)
        sync_all(a, b, c)
        assert synced_records(c) == synced_records(a) == synced_records(b)
        assert c.read_attachment(file_id) == document.read_bytes()
        assert [h.ref for h in c.search("compaction")] == [ref]
        # The conflict kept on the other two came with the snapshot.
        assert c.sync.status().conflicts == a.sync.status().conflicts == 1
        assert c.first_meeting(ref).narrative == a.first_meeting(ref).narrative
        # The joiner's field stamps are the writers', not the snapshot's.
        case_id = a.session.case_id(ref)
        assert rows.field_stamps(c.session.db, "cases", case_id) == rows.field_stamps(
            a.session.db, "cases", case_id
        )
        # Once the tablet has said how far it read, the snapshot for it goes too.
        a_me = rows.get_self(a.session.db)
        assert a_me is not None
        snapshots = tmp_path / "shared" / "devices" / a_me.device_id / "snapshots"
        assert list(snapshots.iterdir())
        a.sync.compact()
        assert list(snapshots.iterdir()) == []
    finally:
        c.close()


def test_after_a_purge_reaches_every_device_and_each_compacts_nothing_of_the_case_is_in_the_folder(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: FakeClock
) -> None:
    """Done-when 3: the page scan on the other device (test_engine) and here the folder, every
    file of it opened with the sync keys."""
    a, b = pair
    words = ("Purgeworthy", "Snickersnee", "Quillery", "Flummoxed")
    ref = a.new_case("Zebedee Purgeworthy")
    a.add_note(ref, "Snickersnee told the member off in the Quillery")
    document = tmp_path / "note.pdf"
    document.write_bytes(b"%PDF-1.7 Flummoxed certificate " + os.urandom(5000))
    a.attach(ref, document)
    a.new_case("Someone Else")
    clock.advance(minutes=1)
    sync_all(a, b)
    case_id = a.session.case_id(ref)
    shared = tmp_path / "shared"
    keys = [k.sync_key for k in rows.sync_keys(a.session.db)]
    needles = [s for word in words for s in sp.spellings(word)]
    assert sp.find_any(list(plaintexts(shared, keys).values()), needles)  # the scan sees them now
    a.close_case(ref, retain_days=0)
    clock.advance(days=1)
    a.purge_case(ref)
    sync_all(a, b)
    for vault in (a, b):
        vault.sync.compact()
    assert not list(shared.rglob(f"*{case_id}*"))
    opened = plaintexts(shared, keys)
    assert sp.find_any(list(opened.values()), needles) == []
    raw = [p.read_bytes() for p in shared.rglob("*") if p.is_file()]
    assert sp.find_any(raw, needles) == []


def test_the_window_timer_sync_compacts(pair: tuple[Vault, Vault], clock: FakeClock) -> None:
    a, b = pair
    a.new_case("Timer Member")
    clock.advance(minutes=1)
    sync_all(a, b)
    assert own_changesets(a)
    report = a.sync_worker()()
    assert report.freed > 0
    assert own_changesets(a) == []


def test_compacting_a_vault_that_does_not_sync_says_so(tmp_path: Path, clock: FakeClock) -> None:
    with (
        Vault.create(
            VaultPaths(tmp_path / "v"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock
        ) as v,
        pytest.raises(UsageError, match="not set up for sync"),
    ):
        v.sync.compact()


def test_a_progress_file_arriving_before_the_change_set_announcing_a_new_device_compacts_nothing(
    pair: tuple[Vault, Vault], tmp_path: Path, clock: FakeClock
) -> None:
    """Through a sync engine, files arrive in any order: b must not compact what a device a
    paired still needs on the word of a's progress file alone."""
    a, b = pair
    shared = tmp_path / "shared"
    sync_all(a, b)
    waiting_for_c = join_started(a, shared)
    ref = b.new_case("Written Before C Reads")
    clock.advance(minutes=1)
    b.sync.sync_now()  # b's change sets that c, from a's snapshot, has still to read
    a.sync.sync_now()  # a announces c, reads b's, and says so in its progress file
    a_me = rows.get_self(a.session.db)
    assert a_me is not None
    announcing = SyncFolder(shared, a_me.device_id).changeset_path(a_me.device_id, a_me.sequence)
    held = tmp_path / "held"
    shutil.move(announcing, held)  # the progress file is here; the announcement is still on its way
    b_before = own_changesets(b)
    assert b.sync.compact().removed == 0
    assert own_changesets(b) == b_before
    shutil.move(held, announcing)
    c = waiting_for_c(tmp_path / "c", clock)
    try:
        sync_all(a, b, c)
        for vault in (a, b, c):
            vault.sync.sync_now(compact=True)
        sync_all(a, b, c)
        assert ref in {s.ref for s in c.list_cases()}
        assert synced_records(c) == synced_records(a) == synced_records(b)
    finally:
        c.close()


def join_started(inviter: Vault, folder: Path) -> Callable[[Path, FakeClock], Vault]:
    """A new device's request accepted by `inviter` now; the returned call makes its vault."""
    waiting, answer = accepted(inviter, folder, "tablet")

    def make(root: Path, clock: FakeClock) -> Vault:
        return Vault.join(
            VaultPaths(root), PASSPHRASE, waiting, answer, keychain=None, kdf_params=FAST_KDF, clock=clock
        )

    return make
