"""Removing a device (issue 20, done-when 6): a new sync key reaches the devices that stay, and
the removed one can read nothing written afterwards, from any of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from casevault.core.errors import UsageError
from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.support.sync_pair import first_device, join, sync_all


def _names(vault: Vault) -> set[str]:
    return {c.member_name for c in vault.list_cases()}


def test_a_removed_device_reads_nothing_written_after_its_removal(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "shared"
    a = first_device(tmp_path / "a", folder, clock)
    b = join(a, tmp_path / "b", folder, clock)
    c = join(a, tmp_path / "c", folder, clock, label="lost phone")
    try:
        a.new_case("Before Removal")
        sync_all(a, b, c)
        assert _names(c) == {"Before Removal"}
        c_id = c.sync.status().device_id

        assert a.sync.remove_device(c_id) == 1  # the key went to b alone
        a.new_case("After Removal From A")
        clock.advance(seconds=1)
        a.sync.sync_now()
        b_report = b.sync.sync_now()
        assert not b_report.refused
        b.new_case("After Removal From B")
        clock.advance(seconds=1)
        b.sync.sync_now()
        a.sync.sync_now()
        assert _names(a) == _names(b) == {"Before Removal", "After Removal From A", "After Removal From B"}
        assert c_id not in {d.device_id for d in b.sync.status().devices}  # b learnt of it from a

        c_report = c.sync.sync_now()
        assert _names(c) == {"Before Removal"}
        assert c_report.refused and all("sync key this device does not hold" in r for r in c_report.refused)

        c.new_case("Written On The Removed Device")
        clock.advance(seconds=1)
        c.sync.sync_now()
        for vault in (a, b):
            report = vault.sync.sync_now()
            assert "Written On The Removed Device" not in _names(vault)
            assert not any(c_id in r and "not paired" not in r for r in report.refused)
    finally:
        for vault in (a, b, c):
            vault.close()


def test_removing_a_device_that_is_not_paired_says_so(tmp_path: Path, clock: FakeClock) -> None:
    a = first_device(tmp_path / "a", tmp_path / "shared", clock)
    try:
        with pytest.raises(UsageError, match="sync devices"):
            a.sync.remove_device("ab" * 16)
    finally:
        a.close()
