"""`python -m casevault.bench`: a benchmark that prints figures, never a pass/fail test.

It measures, on this machine and in one scratch folder on one disk:
  1. attach and get of a large file against a plain and a durable copy of it (ratios);
  2. peak memory of attaching (and getting) a small and a large file, each in a fresh process;
  3. unlock by raw key, by the keychain slot, and by an Argon2id passphrase;
  4. search and list over a generated vault of 10k cases and 200k notes;
  5. encrypt and decrypt throughput at chunk sizes of 64 KiB, 256 KiB and 1 MiB.

Every figure is a median of interleaved runs, next to a baseline measured in the same run.
`--quick` runs the same code with small sizes, as a smoke test. All data is fictional, nothing
that names a member or a file is printed, and the scratch folder is removed at the end (also
after Ctrl-C or SIGTERM). `--gui` measures the desktop app instead (casevault.gui.bench); the
command line is in casevault.bench.__main__.

    python -m casevault.bench _child memory ...   is the fresh process of measurement 2.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import cryptography
from cryptography.hazmat.backends.openssl import backend as openssl_backend

from casevault import __version__
from casevault.bench import backup as benchmarks_backup
from casevault.bench import db as benchmarks_db
from casevault.bench import files as benchmarks_files
from casevault.bench.common import (
    FAST_KDF,
    GIB,
    MIB,
    Settings,
    Table,
    emit,
    fmt_count,
    fmt_size,
    new_vault,
)
from casevault.core.fsutil import DIR_MODE
from casevault.store import bulk


def _filesystem(path: Path) -> str:
    """The file system type and device holding `path`, from /proc/mounts where there is one."""
    best, found = "", "unknown"
    with contextlib.suppress(OSError), open("/proc/mounts", encoding="utf-8") as mounts:
        for line in mounts:
            device, mount, fstype, *_ = line.split()
            if (str(path) + "/").startswith(mount.rstrip("/") + "/") and len(mount) >= len(best):
                best, found = mount, f"{fstype} on {device}"
    return found


@contextlib.contextmanager
def _scratch_folder(parent: Path | None) -> Iterator[Path]:
    """A private (0700) folder for every file of the run, removed with all it holds at the end.
    With --dir, it is made inside that folder (which is made too if missing, and then removed)."""
    made_parent = False
    if parent is not None and not parent.exists():
        parent.mkdir(mode=DIR_MODE, parents=True)
        made_parent = True
    folder = Path(tempfile.mkdtemp(prefix="casevault-bench-", dir=parent))
    os.chmod(folder, DIR_MODE)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if made_parent:
            with contextlib.suppress(OSError):
                parent.rmdir()  # type: ignore[union-attr]


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt while the benchmark runs, so the cleanup runs too."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _parameters(settings: Settings, scratch: Path, info_vault: Path) -> Table:
    with new_vault(info_vault) as vault:
        cipher, sqlite, provider = bulk.engine_versions(vault.db)
    table = Table(
        f"python -m casevault.bench ({'QUICK smoke run' if settings.quick else 'full run'})",
        ("parameter", "value"),
        left=2,
    )
    table.add("casevault", __version__)
    table.add("Python", f"{platform.python_version()} ({platform.python_implementation()})")
    table.add("SQLCipher", f"{cipher} (SQLite {sqlite}, {provider})")
    table.add("cryptography", f"{cryptography.__version__} ({openssl_backend.openssl_version_text()})")
    table.add("machine", f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}")
    table.add("scratch folder", f"{scratch} ({_filesystem(scratch)}); every file of the run is here")
    table.add(
        "attach / get / copy",
        f"{fmt_size(settings.file_size)} file, {settings.file_runs} runs each, interleaved, after a warm-up",
    )
    table.add(
        "peak memory",
        f"{fmt_size(settings.mem_small)} vs {fmt_size(settings.mem_large)}, {settings.mem_runs} fresh "
        "process(es) each",
    )
    table.add(
        "unlock",
        f"{settings.unlock_runs} runs by raw key and keychain slot, {settings.argon_runs} by Argon2id",
    )
    table.add(
        "search / list",
        f"{fmt_count(settings.cases)} cases, {fmt_count(settings.notes)} notes, "
        f"{settings.query_runs} runs per query",
    )
    table.add(
        "chunk sizes",
        f"{', '.join(fmt_size(1 << n) for n in settings.chunk_logs)}; {fmt_size(settings.chunk_size)}, "
        f"{settings.chunk_runs} run(s)",
    )
    table.add(
        "vault KDF",
        f"Argon2id m={FAST_KDF.memory_kib} KiB t={FAST_KDF.iterations} p={FAST_KDF.lanes} "
        "(fast) except where Argon2id is measured",
    )
    table.notes.append("Figures are medians; the machine may be noisy, so read ratios, not absolutes.")
    return table


def run(*, quick: bool, scratch: Path | None) -> int:
    settings = Settings.for_mode(quick)
    start = time.perf_counter()
    with _sigterm_interrupts(), _scratch_folder(scratch) as folder:
        info_vault = folder / "vault-small"
        emit(_parameters(settings, folder, info_vault))
        emit(benchmarks_files.attach_and_get(settings, folder))
        emit(
            benchmarks_backup.backup_and_restore(
                8 * MIB if settings.quick else GIB, folder, runs=1 if settings.quick else 3
            )
        )
        emit(benchmarks_files.peak_memory(settings, folder))
        for table in benchmarks_db.unlock_and_search(settings, folder, info_vault):
            emit(table)
        emit(benchmarks_files.chunk_sizes(settings, folder))
    print(f"Benchmark finished in {time.perf_counter() - start:.0f} s; the scratch folder was removed.")
    return 0


def child_main(argv: list[str]) -> int:
    if argv[:1] == ["memory"]:
        return benchmarks_files.memory_child(argv[1:])
    print("usage: python -m casevault.bench _child memory attach|get VAULT TARGET PATH", file=sys.stderr)
    return 2
