#!/usr/bin/env python3
"""Pairing a second device with a big vault, measured (issue 20; a benchmark, not a test).

    .venv/bin/python scripts/bench_pairing.py VAULT_DIR

VAULT_DIR is a vault made by the generator (`python -m casevault.bench --generate DIR --cases
10000`); it is copied, never changed. On the copy: sync is set up and the first export written
(every record), then a device joins through a plain folder: the inviter's accept (its snapshot)
and the joiner's Vault.join (taking it in). Baseline in the same run: `cp -r` of the vault folder
and of the folder's files. Counts only; nothing names a member.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import FAST_KDF  # noqa: E402

from casevault.bench.common import PASSPHRASE, open_vault  # noqa: E402
from casevault.core.paths import VaultPaths  # noqa: E402
from casevault.vault.facade import Vault  # noqa: E402
from casevault.vault.sync import service  # noqa: E402

MIB = 1 << 20


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _timed_cp(source: Path, target: Path) -> float:
    started = time.monotonic()
    subprocess.run(["cp", "-r", str(source), str(target)], check=True)
    subprocess.run(["sync"], check=True)
    return time.monotonic() - started


def main() -> int:
    source = Path(sys.argv[1])
    root = Path(tempfile.mkdtemp(prefix="cv-bench-pair-"))
    try:
        copy_s = _timed_cp(source, root / "a")
        folder = root / "shared"
        a = open_vault(root / "a")
        started = time.monotonic()
        a.sync.set_up(folder, "laptop")
        first = a.sync.sync_now()
        export_s = time.monotonic() - started
        waiting = service.start_joining(folder, "desktop")
        [(request, _code)] = a.sync.requests()
        started = time.monotonic()
        a.sync.accept(request)
        accept_s = time.monotonic() - started
        answer = service.answer_for(waiting)
        assert answer is not None
        snapshot = _size(folder / "devices" / a.sync.status().device_id / "snapshots")
        started = time.monotonic()
        b = Vault.join(
            VaultPaths(root / "b"), PASSPHRASE, waiting, answer, keychain=None, kdf_params=FAST_KDF
        )
        join_s = time.monotonic() - started
        cases = b.count_cases()
        b.close()
        a.close()
        files_s = _timed_cp(folder, root / "copied")
        print(f"vault {_size(source) / MIB:.0f} MiB; {first.sent} records in {first.written} change sets")
        print(f"  cp -r of the vault                    {copy_s:8.2f} s")
        print(f"  set up + first export                 {export_s:8.2f} s")
        print(f"  accept (snapshot, {snapshot / MIB:.0f} MiB)            {accept_s:8.2f} s")
        print(f"  join (snapshot taken in)              {join_s:8.2f} s   cases there: {cases}")
        print(f"  cp -r of the sync folder              {files_s:8.2f} s")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
