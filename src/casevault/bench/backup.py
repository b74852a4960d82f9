"""Backup and restore throughput (issue 6), as a ratio to a plain copy of the vault folder
(shutil.copytree) measured in the same run, interleaved. The vault holds `size` bytes of
documents in 16 MiB attachments (plus one smaller remainder) across a few cases.

    python -m casevault.bench.backup [SIZE_MIB]     runs this section alone (default 1024).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from casevault.bench.common import (
    MIB,
    PASSPHRASE,
    Samples,
    Table,
    emit,
    fmt_rate,
    fmt_seconds,
    fmt_size,
    new_vault,
    progress,
    settle,
    timed,
    write_random_file,
)
from casevault.vault.backup import restore_backup

PIECE = 16 * MIB


def backup_and_restore(size: int, scratch: Path, runs: int = 3) -> Table:
    root = scratch / "backup-vault"
    progress(f"backup and restore: filling a vault with {fmt_size(size)} of documents")
    with new_vault(root) as vault:
        left, n, ref = size, 0, ""
        while left:
            piece = min(PIECE, left)
            src = scratch / "backup-src.bin"
            write_random_file(src, piece)
            if n % 8 == 0:
                ref = vault.new_case(f"Bench Member {n // 8}")
            vault.attach(ref, src)
            src.unlink()
            left -= piece
            n += 1
        copy, backup, restore = Samples(), Samples(), Samples()
        out, into, tree = scratch / "b.cvbackup", scratch / "restored", scratch / "copytree"
        for run in range(runs):
            progress(f"backup and restore: run {run + 1} of {runs}")
            settle(*[p for p in root.rglob("*") if p.is_file()])
            copy.add(timed(lambda: shutil.copytree(root, tree)))
            shutil.rmtree(tree)
            settle()
            backup.add(timed(lambda: vault.backup(out)))
            settle(out)
            restore.add(timed(lambda: restore_backup(out, into, passphrase=PASSPHRASE)))
            shutil.rmtree(into)
            out.unlink()
    shutil.rmtree(root)
    table = Table(
        f"Backup and restore a vault with {fmt_size(size)} of documents ({runs} runs, medians)",
        ("operation", "median", "rate", "vs copytree"),
    )
    table.add(
        "plain copy of the folder (shutil.copytree)",
        fmt_seconds(copy.median),
        fmt_rate(size, copy.median),
        "1.00x",
    )
    for label, samples in (
        ("backup (snapshot + stream + fsync + MAC)", backup),
        ("restore (verify MAC + write + fsync)", restore),
    ):
        table.add(
            label,
            fmt_seconds(samples.median),
            fmt_rate(size, samples.median),
            f"{samples.median / copy.median:.2f}x",
        )
    table.notes.append(
        "ratio > 1 means slower than a plain copy; backup and restore fsync, copytree does not"
    )
    return table


def main(argv: list[str]) -> int:
    size = int(argv[0]) * MIB if argv else 1024 * MIB
    with tempfile.TemporaryDirectory(
        prefix="casevault-bench-backup-", dir=argv[1] if len(argv) > 1 else None
    ) as d:
        emit(backup_and_restore(size, Path(d)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
