"""Where copies of vault data can be: the one list, and the sweep of the temporary ones.

`PLACES` names every kind of copy casevault makes (docs/ARCHITECTURE.md, "Where copies of vault
data can exist", is written from it; a test holds the two together). The temporary ones that live
inside the vault folder are matched here by exact name patterns, and `sweep` removes every one
that no live process is writing: `Vault.open` runs it at every open, `purge_case` before every
purge, and `check` reports what it removed. Anything else in the vault folder (another program's
lock file, say) matches no pattern and is never touched.

A writer of a temporary file or snapshot folder holds an exclusive `flock` on it (`hold`) until it
is done; the kernel drops the lock when the process dies, however it dies, so "not locked" proves
"left by a process that is gone". Where flock does not exist (Windows) a file a live process has
open cannot be removed anyway, and a failure to remove is then taken as "in use".
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from casevault.core.fsutil import is_held
from casevault.core.paths import VaultPaths

log = logging.getLogger(__name__)

SNAPSHOT_PREFIX = ".backup-snapshot-"
_SNAPSHOT = re.compile(r"^\.backup-snapshot-[0-9a-f]{16}$")
# fsutil.atomic_writer's temp file beside vault.keys (the one file it writes in the vault).
_KEYS_PART = re.compile(r"^\.vault\.keys\.[0-9a-f]{8}\.part$")
_ZEROS = bytes(1 << 20)


@dataclass(frozen=True)
class Place:
    """One kind of copy of vault data, for the documentation and the tests."""

    name: str
    where: str
    holds: str
    encrypted: str
    purge: str


PLACES: tuple[Place, ...] = (
    Place(
        "database",
        "vault.db",
        "every record: members, cases, paper trail, file names, wrapped case and file keys, search index",
        "yes: SQLCipher, key from the VMK",
        "yes: rows deleted with secure_delete on, FTS5 secure-delete and a rebuild",
    ),
    Place(
        "WAL",
        "vault.db-wal, vault.db-shm",
        "recently written pages (-wal); the WAL index, no records (-shm)",
        "yes: every frame is a SQLCipher page",
        "yes: wal_checkpoint(TRUNCATE) after the purge, and at every close",
    ),
    Place(
        "backup snapshot",
        ".backup-snapshot-<16 hex>/vault.db in the vault folder",
        "a whole copy of vault.db while a backup is written",
        "yes: the same SQLCipher key as vault.db",
        "yes: zeroed and removed when the backup ends, and at every open, before every purge and by check",
    ),
    Place(
        "blobs",
        "cases/<case id>/<file id>.cvf, library/<file id>.cvf",
        "attachments and library documents",
        "yes: AES-256-GCM STREAM under a file key wrapped by the case key",
        "yes: crypto-erase (the case key row is deleted), then the files are unlinked",
    ),
    Place(
        "part and tmp files in the vault folder",
        "<file id>.cvf.part, .vault.keys.<8 hex>.part",
        "an import or key-file write a killed process left half done",
        "yes: ciphertext or wrapped keys only",
        "yes: the key-file temp at every open, before every purge and by check; an import's at the "
        "next open (by its pending row), and check reports one without a row",
    ),
    Place(
        "backup part file",
        ".<backup name>.<8 hex>.part beside the backup's target",
        "a half-written backup (the vault's encrypted files, as they are)",
        "yes: as the vault",
        "no: removed by the next backup into the same folder (checked by its header); else delete it",
    ),
    Place(
        "backups",
        "the .cvbackup files the rep made",
        "vault.keys, vault.db and every blob as they were when it was made",
        "yes: opens with the passphrase the vault had then",
        "no: destroy old backups yourself, or make a new one after the purge and destroy the old",
    ),
    Place(
        "exports",
        "encrypted zips, summary PDFs and decrypted copies the rep saved",
        "documents, notes and names the rep chose to take out of the vault",
        "zip: AES-256 with a separate password; summary PDF and decrypted copies: NO, plaintext",
        "no: they are outside the vault; destroy them yourself",
    ),
    Place(
        "handover bundles",
        "the .age files sent to a colleague",
        "a whole case: records and documents",
        "yes: age, to the colleague's key",
        "no: destroy it yourself once the colleague has it",
    ),
)


@dataclass(frozen=True)
class TempCopy:
    path: Path
    kind: str  # "backup snapshot" or "temporary key file"
    shred: bool  # overwrite before unlinking (a database copy, a key file)


def temp_copies(paths: VaultPaths) -> Iterator[TempCopy]:
    """Every temporary copy in the vault folder, live or not, by exact name pattern. An import's
    `<file id>.cvf.part` is not swept here: it has a pending row, which `Vault.open` acts on
    (so one without a row is not casevault's, and `check` reports it instead)."""
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in paths.root.iterdir():
            if _SNAPSHOT.match(entry.name) and entry.is_dir() and not entry.is_symlink():
                yield TempCopy(entry, "backup snapshot", shred=True)
            elif _KEYS_PART.match(entry.name) and _is_file(entry):
                yield TempCopy(entry, "temporary key file", shred=True)


def _is_file(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


@dataclass
class Sweep:
    removed: list[str] = field(default_factory=list)  # sentences, naming no user data
    failed: list[str] = field(default_factory=list)
    live: int = 0


def sweep(paths: VaultPaths) -> Sweep:
    """Remove every temporary copy no live process is writing. Never raises for a file it cannot
    remove: that goes into `failed` (check reports it)."""
    result = Sweep()
    for copy in list(temp_copies(paths)):
        if is_held(copy.path):
            result.live += 1
            continue
        where = copy.path.relative_to(paths.root)
        try:
            if copy.path.is_dir():
                for inner in sorted(copy.path.rglob("*"), reverse=True):
                    if _is_file(inner):
                        shred_file(inner)
                shutil.rmtree(copy.path)
            elif copy.shred:
                shred_file(copy.path)
            else:
                copy.path.unlink()
        except FileNotFoundError:
            continue  # gone meanwhile
        except OSError as err:
            result.failed.append(f"a leftover {copy.kind} ({where}) could not be removed: {err.strerror}")
            continue
        log.info("copies.removed %s", copy.kind.replace(" ", "-"))
        result.removed.append(f"removed a leftover {copy.kind} that an interrupted casevault left: {where}")
    return result


def shred_file(path: Path) -> None:
    """Overwrite `path` with zeros, make that durable, then unlink it. On a disk that remaps
    writes (SSDs, copy-on-write file systems) the old blocks may survive; this only narrows what
    is left, the guarantee is that no copy stays reachable by name."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return
    try:
        left = os.fstat(fd).st_size
        with contextlib.suppress(OSError):  # e.g. ENOSPC on copy-on-write: still unlink
            while left > 0:
                left -= os.write(fd, _ZEROS[: min(len(_ZEROS), left)])
            os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()
