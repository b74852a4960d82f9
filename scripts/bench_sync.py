#!/usr/bin/env python3
"""Sync through Syncthing, measured (issue 20's figures; a benchmark, not a test).

    .venv/bin/python scripts/bench_sync.py [--records N] [--mib M] [--edits E]

1. Two vaults paired over two real Syncthing instances on loopback (tests/support/syncthing.py).
   Device A changes N records (new notes) and attaches an M MiB file; the time is from A's
   `sync now` to B having applied them all. Baseline, in the same run: Syncthing carrying the
   same bytes (A's change sets and the attachment's encrypted file) as plain files.
2. The size of the sync folder after E edits (first-meeting saves on a few cases), before and
   after both devices compact (B reads everything and says so; then each compacts).
Nothing here names a member: the cases are fictional and no text is printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import FAST_KDF, PASSPHRASE  # noqa: E402
from tests.support.syncthing import SyncthingDevice, syncthing_pair, wait_in_sync  # noqa: E402

from casevault.core.clock import utc_now  # noqa: E402
from casevault.core.model import FirstMeeting  # noqa: E402
from casevault.core.paths import VaultPaths  # noqa: E402
from casevault.vault.facade import Vault  # noqa: E402
from casevault.vault.sync import service  # noqa: E402

MIB = 1 << 20
T = TypeVar("T")


def _until(probe: Callable[[], T | None], timeout: float = 120.0) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.05)
    raise SystemExit("timed out waiting for the other device")


def _pair(a_dev: SyncthingDevice, b_dev: SyncthingDevice, root: Path) -> tuple[Vault, Vault]:
    a = Vault.create(VaultPaths(root / "a"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=utc_now)
    a.sync.set_up(a_dev.folder, "laptop")
    waiting = service.start_joining(b_dev.folder, "desktop")
    [(request, _code)] = _until(a.sync.requests)
    a.sync.accept(request)
    answer = _until(lambda: service.answer_for(waiting))
    b = Vault.join(VaultPaths(root / "b"), PASSPHRASE, waiting, answer, keychain=None, kdf_params=FAST_KDF)
    a.sync.sync_now()
    wait_in_sync(a_dev, b_dev)
    b.sync.sync_now()
    return a, b


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and ".stfolder" not in p.parts)


def _transfer(
    a: Vault, b: Vault, devices: tuple[SyncthingDevice, SyncthingDevice], root: Path, args: argparse.Namespace
) -> None:
    a_dev, b_dev = devices
    ref = a.new_case("Fictional Benchmark")
    for i in range(args.records - 1):
        a.add_note(ref, f"benchmark note {i}")
    document = root / "document.bin"
    with document.open("wb") as out:
        for _ in range(args.mib):
            out.write(os.urandom(MIB))
    file_id = a.attach(ref, document)
    before = {p for p in a_dev.folder.rglob("*") if p.is_file()}

    started = time.monotonic()
    report = a.sync.sync_now()
    exported = time.monotonic() - started
    _until(lambda: b.sync.sync_now().applied or None, timeout=600)
    synced = time.monotonic() - started
    assert b.read_attachment(file_id)[:16] == document.read_bytes()[:16]
    written = [p for p in a_dev.folder.rglob("*") if p.is_file() and p not in before]
    size = sum(p.stat().st_size for p in written)

    # Baseline: the same bytes as plain files, carried by the same Syncthing pair.
    staging = root / "staging"
    staging.mkdir()
    for i, path in enumerate(written):
        shutil.copy(path, staging / f"{i}.bin")
    arrived = b_dev.folder / "plain"
    started = time.monotonic()
    os.replace(staging, a_dev.folder / "plain")
    _until(lambda: (arrived.exists() and _folder_bytes(arrived) >= size) or None, 600)
    copied = time.monotonic() - started
    shutil.rmtree(a_dev.folder / "plain")  # the baseline's files are not the vault's
    wait_in_sync(a_dev, b_dev)

    print(f"sync of {report.sent} records + {args.mib} MiB attachment ({size / MIB:.1f} MiB of files):")
    print(f"  A's export                      {exported:7.2f} s")
    print(f"  A's sync now -> applied on B    {synced:7.2f} s")
    print(f"  Syncthing, same bytes as files  {copied:7.2f} s   ratio {synced / copied:.2f}x")


def _growth(a: Vault, b: Vault, devices: tuple[SyncthingDevice, SyncthingDevice], edits: int) -> None:
    a_dev, b_dev = devices
    cases = [a.new_case(f"Fictional Edits {i}") for i in range(10)]
    a.sync.sync_now()
    start_size = _folder_bytes(a_dev.folder)
    for i in range(edits):
        a.save_first_meeting(cases[i % 10], FirstMeeting(narrative=f"edit {i}"))
        if i % 100 == 99:
            a.sync.sync_now()  # the timer's pace: a sync every hundred edits
    a.sync.sync_now()
    grown = _folder_bytes(a_dev.folder) - start_size
    wait_in_sync(a_dev, b_dev)
    b.sync.sync_now()  # B reads it all and writes its progress
    wait_in_sync(a_dev, b_dev)
    a.sync.sync_now()
    wait_in_sync(a_dev, b_dev)
    before = _folder_bytes(a_dev.folder)
    started = time.monotonic()
    freed = a.sync.compact().freed + b.sync.compact().freed
    took = time.monotonic() - started
    after = _folder_bytes(a_dev.folder)
    print(f"folder after {edits} edits: grew {grown / MIB:.2f} MiB; whole folder {before / MIB:.2f} MiB")
    print("  (the whole folder holds the 100 MiB attachment's copy until every device has read it)")
    print(f"  after compaction on both: {after / MIB:.2f} MiB ({freed / MIB:.2f} MiB freed in {took:.2f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--mib", type=int, default=100)
    parser.add_argument("--edits", type=int, default=10_000)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="cv-bench-sync-"))
    try:
        with syncthing_pair(root / "st") as (a_dev, b_dev):
            a, b = _pair(a_dev, b_dev, root)
            _transfer(a, b, (a_dev, b_dev), root, args)
            _growth(a, b, (a_dev, b_dev), args.edits)
            a.close()
            b.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
