"""The sync timer (issue 20): a background sync on a worker thread brings the other device's
changes in and says so in counts; a vault that does not sync is not watched; a lock stops it and
drops a sync on its way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from casevault.gui.sync_watch import FIRST_SYNC_MS, SyncWatch
from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.support.sync_pair import first_device, join, sync_all


@pytest.fixture
def pair(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Vault, Vault]]:
    folder = tmp_path / "shared"
    a = first_device(tmp_path / "a", folder, clock)
    b = join(a, tmp_path / "b", folder, clock)
    sync_all(a, b)
    yield a, b
    a.close()
    b.close()


def test_a_background_sync_brings_the_other_devices_changes_in(
    qtbot: QtBot, pair: tuple[Vault, Vault]
) -> None:
    a, b = pair
    a.new_case("Winifred Background")
    a.sync.sync_now()
    watch = SyncWatch()
    watch.set_vault(b)
    assert watch.watching
    with qtbot.waitSignal(watch.synced, timeout=20_000) as blocker:
        watch.sync()
    report = blocker.args[0]
    assert report.received >= 1 and not report.refused
    assert [c.member_name for c in b.list_cases()] == ["Winifred Background"]
    said = watch.summary(report)
    assert "Synced" in said and "Winifred" not in said
    watch.stop()


def test_a_vault_that_does_not_sync_is_not_watched(qtbot: QtBot, vault: Vault) -> None:
    watch = SyncWatch()
    watch.set_vault(vault)
    assert not watch.watching
    watch.sync()  # nothing to do, and nothing raised


def test_a_lock_drops_the_sync_on_its_way(qtbot: QtBot, pair: tuple[Vault, Vault]) -> None:
    _a, b = pair
    watch = SyncWatch()
    watch.set_vault(b)
    seen: list[object] = []
    watch.synced.connect(seen.append)
    watch.sync()
    watch.stop()  # as MainWindow.lock does
    qtbot.wait(1500)
    assert seen == [] and not watch.watching


def test_another_devices_change_set_arriving_starts_a_sync(
    qtbot: QtBot, pair: tuple[Vault, Vault], tmp_path: Path
) -> None:
    a, b = pair
    watch = SyncWatch(interval_ms=3_600_000)  # the timer alone would not come in this test
    watch.set_vault(b)
    a_me, b_me = a.sync.status().device_id, b.sync.status().device_id
    devices = tmp_path / "shared" / "devices"
    assert watch.watched == sorted([str(devices), str(devices / a_me)])  # never its own folder
    qtbot.wait(FIRST_SYNC_MS + 500)  # the sync after unlocking, out of the way
    a.new_case("Frederica Folder")
    with qtbot.waitSignal(watch.synced, timeout=20_000) as blocker:
        a.sync.sync_now()  # a's change set lands in its folder: b syncs a moment later
    assert blocker.args[0].received >= 1
    assert [c.member_name for c in b.list_cases()] == ["Frederica Folder"]
    assert str(devices / b_me) not in watch.watched
    watch.stop()
    assert watch.watched == []
