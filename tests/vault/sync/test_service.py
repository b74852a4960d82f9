"""The sync service (vault.sync) and Vault.join: setting up the first device, the pairing
requests and answers in the folder, joining, and a third device learnt through the first."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from casevault.core.errors import UsageError
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.store import sync_rows
from casevault.vault import cases as vault_cases
from casevault.vault.facade import Vault
from casevault.vault.sync import service
from tests.conftest import FakeClock, reopen
from tests.support.sync_pair import first_device, join, sync_all


@pytest.fixture
def inviter(tmp_path: Path, clock: FakeClock) -> Iterator[Vault]:
    vault = first_device(tmp_path / "a", tmp_path / "shared", clock)
    yield vault
    vault.close()


# ---- set_up, status, sync_now -----------------------------------------------------------------


def test_set_up_gives_a_device_id_and_a_private_folder_of_its_own(vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    device = vault.sync.set_up(folder)
    assert re.fullmatch(r"[0-9a-f]{32}", device)
    own = folder / "devices" / device
    assert own.is_dir()
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    assert vault.sync.status().device_id == device
    assert vault.sync.status().folder == str(folder.resolve())


def test_status_says_when_this_device_last_synced_and_where_to_watch(vault: Vault, tmp_path: Path) -> None:
    assert vault.sync.watched_folder() is None
    device = vault.sync.set_up(tmp_path / "shared")
    assert vault.sync.watched_folder() == ((tmp_path / "shared").resolve(), device)
    assert vault.sync.status().last_synced is None
    vault.sync.sync_now()
    last = vault.sync.status().last_synced
    assert last is not None and last.tzinfo is not None
    assert (
        abs(last.timestamp() - (tmp_path / "shared" / "devices" / device / "progress.cvread").stat().st_mtime)
        < 1
    )


def test_a_second_set_up_is_refused_and_points_at_sync_status(vault: Vault, tmp_path: Path) -> None:
    device = vault.sync.set_up(tmp_path / "shared")
    with pytest.raises(UsageError, match="sync status"):
        vault.sync.set_up(tmp_path / "elsewhere")
    assert vault.sync.status().device_id == device
    assert not (tmp_path / "elsewhere").exists()


def test_status_before_set_up_says_to_run_sync_init(vault: Vault) -> None:
    with pytest.raises(UsageError, match="sync init"):
        vault.sync.status()


def test_sync_now_before_set_up_is_refused(vault: Vault) -> None:
    with pytest.raises(UsageError):
        vault.sync.sync_now()


def test_set_up_marks_every_record_for_the_first_export(vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case("Ada Example")
    vault.save_first_meeting(ref, FirstMeeting(issues=("pay", "rota")))
    vault.sync.set_up(tmp_path / "shared")
    status = vault.sync.status()
    # the member, the case, its key, its first meeting and its two issues
    assert status.unsent == 6
    assert {d.tbl for d in sync_rows.dirty(vault.session.db)} == {
        "members",
        "cases",
        "case_keys",
        "first_meetings",
        "case_issues",
    }
    assert status.written == 0
    report = vault.sync.sync_now()
    assert report.sent == 6
    after = vault.sync.status()
    assert after.unsent == 0
    assert after.written == 1
    assert after.conflicts == 0
    assert after.devices == ()


# ---- requests ---------------------------------------------------------------------------------


def test_a_waiting_request_is_listed_with_the_code_the_new_device_shows(
    inviter: Vault, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    waiting = service.start_joining(folder, "desktop")
    [(request, code)] = inviter.sync.requests()
    assert request == waiting.request
    assert request.label == "desktop"
    inviter.sync.accept(request)
    answer = service.answer_for(waiting)
    assert answer is not None
    assert waiting.code(answer) == code


def test_a_damaged_request_or_one_under_another_name_is_not_listed(inviter: Vault, tmp_path: Path) -> None:
    pairing = tmp_path / "shared" / "pairing"
    waiting = service.start_joining(tmp_path / "shared", "desktop")
    genuine = (pairing / f"{waiting.request.device}.request").read_bytes()
    (pairing / f"{os.urandom(16).hex()}.request").write_bytes(b"{not json at all")
    (pairing / f"{os.urandom(16).hex()}.request").write_bytes(genuine)  # not its device id
    (pairing / "not-an-id.request").write_bytes(genuine)
    assert [r.device for r, _code in inviter.sync.requests()] == [waiting.request.device]


def test_a_device_already_paired_is_not_listed_again(inviter: Vault, tmp_path: Path) -> None:
    service.start_joining(tmp_path / "shared", "desktop")
    [(request, _code)] = inviter.sync.requests()
    inviter.sync.accept(request)
    assert (tmp_path / "shared" / "pairing" / f"{request.device}.request").exists()
    assert inviter.sync.requests() == []


# ---- accept and the answer --------------------------------------------------------------------


def test_accept_adds_the_device_and_writes_an_answer_that_hides_the_master_key(
    inviter: Vault, tmp_path: Path
) -> None:
    service.start_joining(tmp_path / "shared", "desktop")
    [(request, _code)] = inviter.sync.requests()
    inviter.sync.accept(request)
    [device] = inviter.sync.status().devices
    assert (device.device_id, device.label, device.last_sequence) == (request.device, "desktop", 0)
    answer_file = tmp_path / "shared" / "pairing" / f"{request.device}.answer"
    data = answer_file.read_bytes()
    master = inviter.session.master()
    assert len(master) >= 16
    assert master not in data
    assert master.hex().encode() not in data
    assert master.hex().upper().encode() not in data


def test_answer_for_is_none_until_accepted_then_carries_the_vault_id(inviter: Vault, tmp_path: Path) -> None:
    waiting = service.start_joining(tmp_path / "shared", "desktop")
    assert service.answer_for(waiting) is None
    [(request, _code)] = inviter.sync.requests()
    inviter.sync.accept(request)
    answer = service.answer_for(waiting)
    assert answer is not None
    assert answer.vault_id == inviter.session.vault_id
    assert answer.devices[0].device == inviter.sync.status().device_id


# ---- Vault.join -------------------------------------------------------------------------------


def test_a_joined_vault_has_the_vault_id_its_own_passphrase_and_key_file(
    inviter: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    joined = join(inviter, tmp_path / "b", tmp_path / "shared", clock)
    assert joined.session.vault_id == inviter.session.vault_id
    device = joined.sync.status().device_id
    assert device != inviter.sync.status().device_id
    assert [d.device_id for d in joined.sync.status().devices] == [inviter.sync.status().device_id]
    joined.close()
    own = VaultPaths(tmp_path / "b")
    assert own.keys_file.read_bytes() != VaultPaths(tmp_path / "a").keys_file.read_bytes()
    again = reopen(own)
    try:
        assert again.session.vault_id == inviter.session.vault_id
        assert again.sync.status().device_id == device
    finally:
        again.close()


def test_join_removes_the_pairing_files(inviter: Vault, tmp_path: Path, clock: FakeClock) -> None:
    joined = join(inviter, tmp_path / "b", tmp_path / "shared", clock)
    try:
        pairing = tmp_path / "shared" / "pairing"
        assert [p.name for p in pairing.iterdir()] == []
        own = tmp_path / "shared" / "devices" / joined.sync.status().device_id
        assert own.is_dir()
    finally:
        joined.close()


def test_a_joined_vault_receives_what_the_inviter_holds(
    inviter: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    ref = inviter.new_case("Wilhelmina Quartz")
    joined = join(inviter, tmp_path / "b", tmp_path / "shared", clock)
    try:
        sync_all(inviter, joined)
        assert [(c.ref, c.member_name) for c in joined.list_cases()] == [(ref, "Wilhelmina Quartz")]
    finally:
        joined.close()


# ---- a third device -----------------------------------------------------------------------------


def test_a_third_device_joined_through_the_first_is_learnt_by_the_second(
    inviter: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "shared"
    second = join(inviter, tmp_path / "b", folder, clock)
    sync_all(inviter, second)
    third = join(inviter, tmp_path / "c", folder, clock, label="tablet")
    try:
        assert len(second.sync.status().devices) == 1
        sync_all(inviter, second, third)
        ids = {v.sync.status().device_id for v in (inviter, second, third)}
        for vault in (inviter, second, third):
            listed = {d.device_id for d in vault.sync.status().devices}
            assert len(listed) == 2
            assert listed == ids - {vault.sync.status().device_id}
        ref = third.new_case("Cecily From-C")
        clock.advance(minutes=1)
        sync_all(third, second)
        assert [(c.ref, c.member_name) for c in second.list_cases()] == [(ref, "Cecily From-C")]
    finally:
        second.close()
        third.close()


# ---- two devices giving out one reference -------------------------------------------------------


def test_a_case_whose_reference_sync_moved_still_opens_by_the_reference_listed(
    inviter: Vault, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = join(inviter, tmp_path / "b", tmp_path / "shared", clock)
    try:
        made = iter(range(1, 100))
        monkeypatch.setattr(vault_cases, "new_id", lambda: f"aaaa{next(made):028x}")
        first_ref = inviter.new_case("Arabella First")
        monkeypatch.setattr(vault_cases, "new_id", lambda: f"bbbb{next(made):028x}")
        second_ref = second.new_case("Barnaby Second")
        assert first_ref == second_ref  # each device counts its own references
        sync_all(inviter, second)
        for vault in (inviter, second):
            listed = {c.ref: c.member_name for c in vault.list_cases()}
            assert len(listed) == 2
            for ref, name in listed.items():  # the greater case id moved: CV-...-bbbb
                assert vault.case(ref).summary.member_name == name
    finally:
        second.close()
