"""Shared parts of `python -m casevault.bench`: run sizes, timing, tables, scratch files and vaults.

Nothing here is a test: figures are printed, never compared against a deadline.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from casevault.core.fsutil import FILE_MODE
from casevault.core.paths import VaultPaths
from casevault.crypto.kdf import KdfParams
from casevault.host.keychain import Keychain
from casevault.vault.facade import Vault

MIB = 1 << 20
GIB = 1 << 30
# A fictional passphrase for the throwaway vaults; the vaults live only in the scratch folder.
PASSPHRASE = "bench vault lantern quarry 8150"
# Real Argon2id with tiny parameters, where Argon2 is not what is measured (as tests do).
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


@dataclass(frozen=True)
class Settings:
    """Sizes and repetitions of one benchmark run."""

    quick: bool
    file_size: int  # attach / get / copy
    file_runs: int
    mem_small: int  # peak memory: attach of this size ...
    mem_large: int  # ... against this one
    mem_runs: int
    unlock_runs: int
    argon_runs: int
    cases: int
    notes: int
    query_runs: int
    deep_offset: int
    chunk_logs: tuple[int, ...]
    chunk_size: int  # bytes per chunk-size run (memory and disk)
    chunk_runs: int

    @classmethod
    def for_mode(cls, quick: bool) -> Settings:
        if quick:
            return cls(
                quick=True,
                file_size=8 * MIB,
                file_runs=2,
                mem_small=1 * MIB,
                mem_large=16 * MIB,
                mem_runs=1,
                unlock_runs=5,
                argon_runs=1,
                cases=1000,
                notes=10_000,
                query_runs=3,
                deep_offset=900,
                chunk_logs=(16, 18, 20),
                chunk_size=8 * MIB,
                chunk_runs=1,
            )
        return cls(
            quick=False,
            file_size=256 * MIB,
            file_runs=7,
            mem_small=1 * MIB,
            mem_large=1 * GIB,
            mem_runs=3,
            unlock_runs=50,
            argon_runs=2,
            cases=10_000,
            notes=200_000,
            query_runs=20,
            deep_offset=9000,
            chunk_logs=(16, 18, 20),
            chunk_size=256 * MIB,
            chunk_runs=3,
        )


def progress(text: str) -> None:
    """What is being measured now, on stderr (the figures go to stdout)."""
    print(f"  ... {text}", file=sys.stderr, flush=True)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


R = TypeVar("R")


def timed_result(action: Callable[[], R]) -> tuple[float, R]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


@dataclass
class Samples:
    """Seconds per run of one measurement."""

    values: list[float] = field(default_factory=list)

    def add(self, seconds: float) -> None:
        self.values.append(seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)


def fmt_seconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def fmt_spread(samples: Samples) -> str:
    if len(samples.values) < 2:
        return "(1 run)"
    return f"{fmt_seconds(samples.low)} .. {fmt_seconds(samples.high)}"


def fmt_rate(size: int, seconds: float) -> str:
    return f"{size / MIB / seconds:,.0f} MiB/s" if seconds > 0 else "-"


def fmt_size(size: int) -> str:
    if size >= GIB and size % GIB == 0:
        return f"{size // GIB} GiB"
    if size >= MIB:
        return f"{size / MIB:g} MiB"
    return f"{size / 1024:g} KiB"


def fmt_count(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


@dataclass
class Table:
    """A titled table of text cells: leading text columns left-aligned, figures right-aligned."""

    title: str
    columns: Sequence[str]
    rows: list[Sequence[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    left: int = 1  # how many leading columns are text (left-aligned)

    def add(self, *cells: str) -> None:
        if len(cells) != len(self.columns):
            raise ValueError("row width does not match the columns")
        self.rows.append(cells)

    def render(self) -> str:
        widths = [max(len(str(r[i])) for r in [self.columns, *self.rows]) for i in range(len(self.columns))]
        lines = [self.title, "-" * len(self.title)]
        for n, row in enumerate([self.columns, *self.rows]):
            cells = [
                str(cell).ljust(widths[i]) if i < self.left else str(cell).rjust(widths[i])
                for i, cell in enumerate(row)
            ]
            lines.append("  " + "  ".join(cells).rstrip())
            if n == 0:
                lines.append("  " + "  ".join("-" * w for w in widths))
        lines += [f"  {note}" for note in self.notes]
        return "\n".join(lines)


def emit(table: Table) -> None:
    print(table.render(), end="\n\n", flush=True)


def write_random_file(path: Path, size: int) -> None:
    """A file of incompressible bytes, written and fsynced before anything is timed. A 4 MiB
    random block is repeated with a varying first word, which is as good as fresh random data for
    AES and for the disk, and quick to make at 1 GiB."""
    block = bytearray(os.urandom(4 * MIB))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    with os.fdopen(fd, "wb") as out:
        left, n = size, 0
        while left:
            block[:8] = n.to_bytes(8, "little")
            piece = memoryview(block)[: min(left, len(block))]
            out.write(piece)
            left -= len(piece)
            n += 1
        out.flush()
        os.fsync(out.fileno())


def drop_file(path: Path) -> None:
    path.unlink(missing_ok=True)


def settle(*inputs: Path) -> None:
    """Before a timed run: write back anything dirty, so no run pays for the one before, and
    read the run's input files once, so every run starts with its input in the page cache.
    (On a VM whose host reclaims the guest's page cache, a file written a minute ago may be
    gone from the cache; without this, random runs would include disk reads and others not.)"""
    os.sync()
    buf = bytearray(MIB)
    for path in inputs:
        with open(path, "rb", buffering=0) as f:
            while f.readinto(buf):
                pass


def new_vault(root: Path, keychain: Keychain | None = None) -> Vault:
    return Vault.create(VaultPaths(root), PASSPHRASE, keychain=keychain, kdf_params=FAST_KDF)


def open_vault(root: Path) -> Vault:
    return Vault.open(VaultPaths(root), keychain=None, ask_passphrase=lambda _reason: PASSPHRASE)
