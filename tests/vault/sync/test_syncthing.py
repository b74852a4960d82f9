"""Sync through two real Syncthing instances on loopback (issue 20, done-when 1): two vaults
paired over the folder itself, edited offline and online on both sides, converge; `check` and
the audit log verify on both; Syncthing never makes a conflict copy."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from casevault.vault.sync import service
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.support.sync_pair import first_device
from tests.support.syncthing import SyncthingDevice, syncthing_pair, wait_in_sync

pytestmark = pytest.mark.slow

T = TypeVar("T")
WAIT = 60.0


def _until(what: str, probe: Callable[[], T | None]) -> T:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"{what} did not happen within {WAIT:.0f} s")


def _pair_over_syncthing(
    a_dev: SyncthingDevice, b_dev: SyncthingDevice, root: Path, clock: FakeClock
) -> tuple[Vault, Vault]:
    a = first_device(root / "vault-a", a_dev.folder, clock)
    waiting = service.start_joining(b_dev.folder, "desktop")  # written on B, carried to A
    [(request, code)] = _until("the pairing request reaching A", a.sync.requests)
    a.sync.accept(request)
    answer = _until("the answer reaching B", lambda: service.answer_for(waiting))
    assert waiting.code(answer) == code
    b = Vault.join(
        VaultPaths(root / "vault-b"),
        PASSPHRASE,
        waiting,
        answer,
        keychain=None,
        kdf_params=FAST_KDF,
        clock=clock,
    )
    return a, b


def _sync_through(a: Vault, b: Vault, a_dev: SyncthingDevice, b_dev: SyncthingDevice) -> None:
    for _ in range(2):
        for vault in (a, b):
            report = vault.sync.sync_now()
            assert not report.refused, report.refused
            wait_in_sync(a_dev, b_dev)


def _state(vault: Vault) -> list[tuple[object, ...]]:
    rows = []
    for summary in vault.list_cases():
        case = vault.case(summary.ref)
        rows.append(
            (
                summary.ref,
                summary.member_name,
                summary.status,
                tuple(sorted(e.body for e in case.events)),
                vault.first_meeting(summary.ref).narrative,
                tuple(sorted(a.name for a in case.attachments)),
            )
        )
    return sorted(rows)


def test_two_vaults_converge_through_syncthing_offline_and_online(tmp_path: Path, clock: FakeClock) -> None:
    with syncthing_pair(tmp_path / "st") as (a_dev, b_dev):
        a, b = _pair_over_syncthing(a_dev, b_dev, tmp_path, clock)
        try:
            ref = a.new_case("Rosalind Twoplace", case_type="disciplinary")
            a.add_note(ref, "first meeting booked")
            letter = tmp_path / "letter.pdf"
            letter.write_bytes(b"%PDF-1.7 " + os.urandom(300_000))
            file_id = a.attach(ref, letter)
            clock.advance(minutes=1)
            _sync_through(a, b, a_dev, b_dev)
            assert _state(a) == _state(b)
            assert b.read_attachment(file_id) == letter.read_bytes()

            # Offline: each side edits and exports into its own copy of the folder.
            a_dev.pause(b_dev)
            b_dev.pause(a_dev)
            a.add_note(ref, "written on the laptop while apart")
            other = b.new_case("Sebastian Desk")
            b.save_first_meeting(ref, FirstMeeting(issues=("rota",), narrative="agreed on the desktop"))
            clock.advance(minutes=1)
            a.sync.sync_now()
            b.sync.sync_now()
            a_dev.resume(b_dev)
            b_dev.resume(a_dev)
            clock.advance(minutes=1)
            _sync_through(a, b, a_dev, b_dev)
            assert _state(a) == _state(b)
            assert {c.ref for c in a.list_cases()} == {ref, other}
            for vault in (a, b):
                assert vault.check() == []
                assert vault.verify_audit() == []
            assert a_dev.conflicts() == [] and b_dev.conflicts() == []
        finally:
            a.close()
            b.close()
