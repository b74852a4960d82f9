"""The snapshot an inviter writes for a joining device (issue 20): the joiner starts from it, and
a snapshot that is incomplete, damaged, moved or written for another device is never taken."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from casevault.core.errors import UsageError
from casevault.core.paths import VaultPaths
from casevault.formats.pairing import Answer
from casevault.store import sync_batch as batched
from casevault.store import sync_rows as rows
from casevault.vault.facade import Vault
from casevault.vault.sync import service
from casevault.vault.sync.folder import SyncFolder
from casevault.vault.sync.snapshot import SnapshotRefusedError
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.support.sync_pair import accepted, first_device, join, sync_all, synced_records


@pytest.fixture
def inviter(tmp_path: Path, clock: FakeClock) -> Iterator[Vault]:
    vault = first_device(tmp_path / "a", tmp_path / "shared", clock)
    for n in range(3):
        vault.add_note(vault.new_case(f"Snapshot Member{n}"), f"note {n}")
    clock.advance(minutes=1)
    vault.sync.sync_now()
    yield vault
    vault.close()


def parts(folder: Path, inviter: Vault, joiner: str) -> list[Path]:
    me = rows.get_self(inviter.session.db)
    assert me is not None
    return sorted((folder / "devices" / me.device_id / "snapshots" / joiner).iterdir())


def make(waiting: service.Waiting, answer: Answer, root: Path, clock: FakeClock) -> Vault:
    return Vault.join(
        VaultPaths(root), PASSPHRASE, waiting, answer, keychain=None, kdf_params=FAST_KDF, clock=clock
    )


def test_the_joiner_takes_the_inviters_state_and_reads_on_from_its_positions(
    inviter: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    b = join(inviter, tmp_path / "b", tmp_path / "shared", clock)
    try:
        assert synced_records(b) == synced_records(inviter)
        me = rows.get_self(inviter.session.db)
        assert me is not None
        [seen] = [d for d in rows.devices(b.session.db) if d.device_id == me.device_id]
        assert (seen.last_sequence, seen.last_digest) == (me.sequence, me.last_digest)
        report = b.sync.sync_now()
        assert report.applied == 0  # nothing of the inviter's is read twice
        assert b.sync.status().unsent == 0  # and nothing of it is sent back
        clock.advance(minutes=1)
        ref = inviter.new_case("After The Snapshot")
        sync_all(inviter, b)
        assert ref in {c.ref for c in b.list_cases()}
    finally:
        b.close()


def test_a_snapshot_not_all_arrived_is_waited_for(inviter: Vault, tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "shared"
    waiting, answer = accepted(inviter, folder)
    [*_, last] = parts(folder, inviter, waiting.request.device)
    held = tmp_path / "held"
    shutil.move(last, held)
    assert service.snapshot_ready(waiting, answer) is False
    with pytest.raises(UsageError, match="has not all arrived"):
        make(waiting, answer, tmp_path / "b", clock)
    assert not (tmp_path / "b").exists()  # the half-made vault went again
    shutil.move(held, last)
    assert service.snapshot_ready(waiting, answer) is True
    with make(waiting, answer, tmp_path / "b", clock) as b:  # and joining at the same place works
        assert synced_records(b) == synced_records(inviter)


def test_a_damaged_snapshot_is_refused(inviter: Vault, tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "shared"
    waiting, answer = accepted(inviter, folder)
    [first, *_] = parts(folder, inviter, waiting.request.device)
    data = bytearray(first.read_bytes())
    data[200] ^= 1
    first.write_bytes(bytes(data))
    with pytest.raises(SnapshotRefusedError, match=r"^Part 1 of the snapshot from device .* is damaged"):
        service.snapshot_ready(waiting, answer)
    with pytest.raises(SnapshotRefusedError):
        make(waiting, answer, tmp_path / "b", clock)
    assert not (tmp_path / "b").exists()


def test_a_snapshot_written_for_another_device_is_refused(
    inviter: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "shared"
    first_waiting, _first_answer = accepted(inviter, folder, "desktop")
    waiting, answer = accepted(inviter, folder, "tablet")
    mine = parts(folder, inviter, waiting.request.device)
    theirs = parts(folder, inviter, first_waiting.request.device)
    for path in mine:
        path.unlink()
    for path in theirs:
        shutil.copy(path, mine[0].parent / path.name)
    with pytest.raises(SnapshotRefusedError, match="not a true part of the snapshot written for this device"):
        service.snapshot_ready(waiting, answer)


def test_a_snapshot_part_moved_into_the_inviters_chain_is_refused(
    inviter: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "shared"
    b = join(inviter, tmp_path / "b", folder, clock)
    try:
        waiting, _answer = accepted(inviter, folder, "tablet")
        me = rows.get_self(inviter.session.db)
        assert me is not None
        [first, *_] = parts(folder, inviter, waiting.request.device)
        own = SyncFolder(folder, me.device_id)
        shutil.copy(first, own.changeset_path(me.device_id, me.sequence + 1))
        report = b.sync.sync_now()
        assert any("damaged" in sentence for sentence in report.refused)
    finally:
        b.close()


def test_a_snapshot_record_this_vault_cannot_take_is_refused_in_one_sentence(
    inviter: Vault, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Signed by the inviter, yet a record no column of this vault fits: no traceback, no vault."""
    folder = tmp_path / "shared"
    waiting, answer = accepted(inviter, folder)

    def refuse(*_args: object) -> None:
        raise ValueError("a sync record names a field that is no column of its table")

    monkeypatch.setattr(batched, "insert_records", refuse)
    with pytest.raises(SnapshotRefusedError, match="not a true part of the snapshot"):
        make(waiting, answer, tmp_path / "b", clock)
    assert not (tmp_path / "b").exists()
