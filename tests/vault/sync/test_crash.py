"""kill -9 during `casevault sync now`, on either side (issue 20, done-when 5): nothing is lost,
and the next sync completes with both devices holding the same records."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from casevault.bench.common import PASSPHRASE as BENCH_PASSPHRASE
from casevault.bench.db import generate
from casevault.core.clock import utc_now
from casevault.core.paths import VaultPaths
from tests.conftest import CASEVAULT, reopen
from tests.support.sync_pair import first_device, join, sync_all, synced_records

pytestmark = pytest.mark.slow


def _killed_sync(env: dict[str, str], root: Path, after: float) -> int | None:
    """`casevault sync now` killed with SIGKILL after `after` seconds; its exit code if it ended first."""
    child = subprocess.Popen(
        [*CASEVAULT, "--vault", str(root), "sync", "now"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after)
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        return None
    return child.returncode


def test_kill_9_during_sync_now_on_either_side_loses_nothing(tmp_path: Path, cli_env: dict[str, str]) -> None:
    # The real clock on both sides: the killed syncs run as `casevault`, which reads the real time,
    # and a device whose stamps are months ahead of another's is refused (hlc.MAX_DRIFT_MS).
    clock = utc_now
    folder = tmp_path / "shared"
    # The generator opens the vault's key slot with the benchmark's passphrase.
    a = first_device(tmp_path / "a", folder, clock, passphrase=BENCH_PASSPHRASE)
    b = join(a, tmp_path / "b", folder, clock, passphrase=BENCH_PASSPHRASE)
    env = {**cli_env, "CASEVAULT_PASSPHRASE": BENCH_PASSPHRASE}
    generate(a, 300, 3000)  # a first export of about 3,600 records: two change sets
    generate(b, 100, 1000)
    a.close()
    b.close()
    rng = random.Random(20)
    killed = 0
    for root in (tmp_path / "a", tmp_path / "b", tmp_path / "a", tmp_path / "b"):
        if _killed_sync(env, root, rng.uniform(0.4, 1.6)) is None:
            killed += 1
    assert killed >= 2, "the syncs ended before they could be killed: the test proves nothing"
    a = reopen(VaultPaths(tmp_path / "a"), BENCH_PASSPHRASE, clock=clock)
    b = reopen(VaultPaths(tmp_path / "b"), BENCH_PASSPHRASE, clock=clock)
    try:
        sync_all(a, b, rounds=3)
        for vault in (a, b):
            report = vault.sync.sync_now()
            assert not report.refused and not report.waiting
        assert synced_records(a) == synced_records(b)
        assert a.count_cases() == b.count_cases() == 400
        for vault in (a, b):
            assert vault.sync.status().unsent == 0
            assert vault.check() == []
    finally:
        a.close()
        b.close()
