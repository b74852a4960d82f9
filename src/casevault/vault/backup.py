"""Verified backup and restore (issue 6): one encrypted file holding the whole vault.

`Vault.backup(out)` = `begin_backup` (on the thread that owns the database: an encrypted snapshot
of vault.db through SQLite's backup API into a private 0700 folder inside the vault folder, and the
list of blobs its rows name) + `PendingBackup.write` (any thread: streams vault.keys, the snapshot
and every blob as is, with flat memory and progress, into a temp file beside `out`, then links it to
`out`, never overwriting) + `finish_backup` (records the time for the reminder, and an audit entry).

`restore_backup(backup, into)` rebuilds a vault in an empty or new folder, checking as it reads;
on any failure it removes what it wrote. vault.keys is written last, so an interrupted restore
never looks like a vault. `verify_backup` restores into a private temp folder, opens the copy with
the passphrase, runs `check`, and deletes the copy. The format is in `backup_format`.

A backup opens with the vault's PASSPHRASE: the keychain entry stays on the machine that made it.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from casevault.casework import reminders as reminder_rules
from casevault.core.errors import AuthenticationError, CasevaultError, DamagedError, UnlockError, UsageError
from casevault.core.fsutil import PART_SUFFIX, fsync_dir, hold, is_held, make_private_dir, translate_os_error
from casevault.crypto import keys, keyslots
from casevault.crypto.keyslots import KeyHeader
from casevault.formats import backup_file as fmt
from casevault.store import backup as backup_rows
from casevault.store import reminders as reminder_rows
from casevault.store import settings
from casevault.store.db import Database
from casevault.store.timefmt import from_db, to_db
from casevault.vault import places as copies
from casevault.vault.places import shred_file
from casevault.vault.session import Session

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)
LAST_BACKUP_SETTING = reminder_rules.BACKUP_LAST_SETTING
EVERY_DAYS_SETTING = reminder_rules.BACKUP_EVERY_SETTING
DEFAULT_EVERY_DAYS = reminder_rules.BACKUP_EVERY_DEFAULT
SNAPSHOT_PREFIX = copies.SNAPSHOT_PREFIX
PURGE_WARNING = (
    "A case deleted after this backup can still be read from this backup by anyone with the "
    "passphrase at the time; destroy old backups like the vault, or make a new backup after "
    "deleting and destroy the old one."
)


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int  # bytes in the backup file
    entries: int  # files inside: the key file, the database and every blob
    attachments: int
    library_documents: int
    made_at: datetime


@dataclass
class PendingBackup:
    """A backup about to be written; `write` (on any thread) reads the database through a
    connection of its own and streams everything into the backup file."""

    out: Path
    vault_id: bytes
    made_at: datetime
    keys_bytes: bytes
    db_file: Path
    open_db: Callable[[], Database]  # a second connection, opened on the writing thread
    db_key: bytes  # for a snapshot when the live file cannot be copied as is
    snapshot: Path
    scratch: Path
    mac_key: bytes
    # The backup's names and the paths of the blobs (attachments, library documents) rows name.
    blob_paths: Callable[[list[tuple[str, str]], list[str]], list[tuple[str, Path]]]
    scratch_fd: int | None = None  # held (copies) so no sweep removes the snapshot while we write
    attachments: int = 0
    library_documents: int = 0

    def write(self, progress: Progress | None = None) -> BackupReport:
        try:
            return self._write(progress)
        finally:
            self.discard()

    def _write(self, progress: Progress | None) -> BackupReport:
        tmp = self.out.with_name(f".{self.out.name}.{secrets.token_hex(4)}{PART_SUFFIX}")
        with contextlib.ExitStack() as reading:
            db = self.open_db()
            reading.callback(db.close)
            database, files = self._database(reading, db)
            sizes = [len(self.keys_bytes), database[1]]
            try:
                sizes += [path.stat().st_size for _, path in files]
            except FileNotFoundError as err:
                raise CasevaultError(
                    "An encrypted file vanished while the backup was being made (a case was deleted?); "
                    "nothing was written, try again."
                ) from err
            total, done = sum(sizes), 0
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            except OSError as err:
                raise translate_os_error(err, "writing the backup") from None
            try:
                hold(fd)  # while held, the next backup's clean-up leaves this file alone
                with os.fdopen(fd, "wb", buffering=fmt.CHUNK) as out:
                    sealer = fmt.Sealer(out, self.mac_key)
                    sealer.write(fmt.pack_header(self.vault_id, int(self.made_at.timestamp())))
                    # The header at once: a part file a killed backup leaves is then provably ours.
                    out.flush()
                    sealer.write(fmt.entry_head(fmt.KEYS_NAME, len(self.keys_bytes)))
                    sealer.write(self.keys_bytes)
                    done += len(self.keys_bytes)
                    if progress is not None:
                        progress(done, total)
                    sealer.write(fmt.entry_head(fmt.DB_NAME, database[1]))
                    done = _copy_into(
                        database[0], database[1], sealer, done, total, progress=progress, whole=False
                    )
                    reading.close()  # the database is copied: let SQLite checkpoint again
                    for (name, path), size in zip(files, sizes[2:], strict=True):
                        sealer.write(fmt.entry_head(name, size))
                        done = _copy_into(path, size, sealer, done, total, progress=progress)
                    sealer.write(fmt.end_marker(len(sizes), total))
                    out.write(sealer.trailer())
                    out.flush()
                    os.fsync(out.fileno())
                _publish(tmp, self.out)
            except OSError as err:
                _unlink(tmp)
                raise translate_os_error(err, "writing the backup") from None
            except BaseException:
                _unlink(tmp)
                raise
        size = self.out.stat().st_size
        log.info("backup.written %s", len(sizes))
        return BackupReport(
            self.out, size, len(sizes), self.attachments, self.library_documents, self.made_at
        )

    def _database(
        self, reading: contextlib.ExitStack, db: Database
    ) -> tuple[tuple[Path, int], list[tuple[str, Path]]]:
        """The database to copy (path and bytes) and the blobs its rows name, read together.
        The live file itself while a read transaction keeps it still (backup_rows.frozen_file):
        at 10k cases the snapshot through SQLite's backup API, which decrypts and encrypts
        every page and writes the copy to disk first, was two thirds of a backup (issue 15).
        Otherwise, a snapshot into the scratch folder in the same transaction."""
        try:
            frozen = reading.enter_context(backup_rows.frozen_file(db, self.db_file))
            attachments, library = backup_rows.blob_ids(db)
            if frozen is None:
                log.info("backup.snapshot-needed")
                backup_rows.snapshot(db, self.snapshot, self.db_key)
                database = (self.snapshot, self.snapshot.stat().st_size)
            else:
                database = (self.db_file, frozen)
        except OSError as err:
            raise translate_os_error(err, "making the backup") from None
        self.attachments, self.library_documents = len(attachments), len(library)
        return database, self.blob_paths(attachments, library)

    def discard(self) -> None:
        """Zero and remove the snapshot (a whole copy of the database), then let go of it."""
        _remove_snapshot(self.scratch)
        if self.scratch_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.scratch_fd)
            self.scratch_fd = None

    close = discard  # the lock removes a snapshot a backup still holds


def _remove_snapshot(scratch: Path) -> None:
    for inner in sorted(scratch.rglob("*"), reverse=True) if scratch.is_dir() else []:
        if inner.is_file() and not inner.is_symlink():
            with contextlib.suppress(OSError):
                shred_file(inner)
    shutil.rmtree(scratch, ignore_errors=True)


# `.<backup name>.<8 hex>.part`, as PendingBackup._write names its temp file.
_PART_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.part$")


def remove_stale_parts(folder: Path, vault_id: bytes) -> int:
    """Remove the part files killed backups of this vault left in `folder`: only a file named as
    ours, held by no live process, and either empty or starting with our header for this vault.
    Returns how many."""
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    for entry in entries:
        if not (_PART_NAME.match(entry.name) and entry.is_file() and not entry.is_symlink()):
            continue
        try:
            with open(entry, "rb") as f:
                head = f.read(fmt.HEADER.size)
            # Empty: killed between creating the file and writing its header (one write), so
            # it holds nothing of anyone's; otherwise it must carry this vault's header.
            ours = not head or fmt.parse_header(head).vault_id == vault_id
        except (OSError, DamagedError):
            continue
        if not ours or is_held(entry):
            continue
        with contextlib.suppress(FileNotFoundError):
            entry.unlink()
            removed += 1
            log.info("backup.stale-part-removed")
    return removed


def _copy_into(
    path: Path,
    size: int,
    sealer: fmt.Sealer,
    done: int,
    total: int,
    *,
    progress: Progress | None,
    whole: bool = True,
) -> int:
    """Copy the first `size` bytes of `path`; with `whole`, they must be all of it."""
    left = size
    with open(path, "rb", buffering=0) as src:
        while left:
            piece = src.read(min(fmt.CHUNK, left))
            if not piece:
                raise CasevaultError("An encrypted file changed while the backup was being made; try again.")
            sealer.write(piece)
            left -= len(piece)
            done += len(piece)
            if progress is not None:
                progress(done, total)
        if whole and src.read(1):
            raise CasevaultError("An encrypted file changed while the backup was being made; try again.")
    return done


def _publish(tmp: Path, out: Path) -> None:
    """`tmp` becomes `out`, never replacing a file already there."""
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise CasevaultError(f"{out} already exists; casevault never overwrites a file.") from None
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # FAT and exFAT (most USB sticks) have no hard links: check, then rename.
        if out.exists():
            raise CasevaultError(f"{out} already exists; casevault never overwrites a file.") from None
        os.rename(tmp, out)
    else:
        tmp.unlink()
    fsync_dir(out.parent)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


class Backup:
    def __init__(self, session: Session) -> None:
        self._s = session

    def backup(self, out: Path, progress: Progress | None = None) -> BackupReport:
        """Write one verified, encrypted backup file at `out` (never overwriting)."""
        pending = self.begin_backup(out)
        report = pending.write(progress)
        self.finish_backup(report)
        return report

    def begin_backup(self, out: Path) -> PendingBackup:
        """On the database's thread: snapshot the database and list the blobs it names."""
        out = Path(out)
        if out.exists():
            raise CasevaultError(f"{out} already exists; casevault never overwrites a file.")
        if not out.parent.is_dir():
            raise UsageError(f"{out.parent} is not a folder; choose where to put the backup.")
        with contextlib.suppress(OSError):
            if out.resolve().is_relative_to(self._s.paths.root.resolve()):
                raise UsageError("Put the backup outside the vault folder (on a USB stick, say).")
        self._s.sweep_temp_copies()
        remove_stale_parts(out.parent, self._s.header.vault_id)
        scratch = self._s.paths.root / f"{SNAPSHOT_PREFIX}{secrets.token_hex(8)}"
        scratch_fd: int | None = None
        try:
            scratch.mkdir(mode=0o700)
            scratch_fd = os.open(scratch, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            hold(scratch_fd)
            keys_bytes = self._s.paths.keys_file.read_bytes()
        except BaseException as err:
            _remove_snapshot(scratch)
            if scratch_fd is not None:
                os.close(scratch_fd)
            if isinstance(err, OSError):
                raise translate_os_error(err, "making the backup") from None
            raise
        paths, db_key = self._s.paths, keys.derive_key(self._s.master(), keys.PURPOSE_DB)

        def blob_paths(attachments: list[tuple[str, str]], library: list[str]) -> list[tuple[str, Path]]:
            files = [(f"library/{file_id}.cvf", paths.library_blob(file_id)) for file_id in library]
            return files + [
                (f"cases/{case_id}/{file_id}.cvf", paths.blob(case_id, file_id))
                for case_id, file_id in attachments
            ]

        return self._s.hold(
            PendingBackup(
                out=out,
                vault_id=self._s.header.vault_id,
                made_at=self._s.now(),
                keys_bytes=keys_bytes,
                db_file=paths.db_file,
                open_db=self._s.connection_opener(),
                db_key=db_key,
                snapshot=scratch / fmt.DB_NAME,
                scratch=scratch,
                mac_key=fmt.backup_mac_key(self._s.master()),
                scratch_fd=scratch_fd,
                blob_paths=blob_paths,
            )
        )

    def finish_backup(self, report: BackupReport) -> None:
        """On the database's thread: remember when, for the reminder, and log it (no path)."""
        with self._s.db.transaction():
            settings.put(self._s.db, LAST_BACKUP_SETTING, to_db(report.made_at))
            self._s.audit("backup.made", "", str(report.entries), now=report.made_at)
        log.info("backup.made %s", report.entries)

    def last_backup_at(self) -> datetime | None:
        stored = settings.get(self._s.db, LAST_BACKUP_SETTING)
        return None if stored is None else from_db(stored)

    def backup_every_days(self) -> int:
        stored = settings.get(self._s.db, EVERY_DAYS_SETTING)
        try:
            return DEFAULT_EVERY_DAYS if stored is None else max(0, int(stored))
        except ValueError:
            return DEFAULT_EVERY_DAYS

    def set_backup_every_days(self, days: int) -> None:
        """0 turns the reminder off."""
        if days < 0 or days > 3650:
            raise UsageError("The backup reminder is every 1 to 3650 days, or 0 for never.")
        settings.put(self._s.db, EVERY_DAYS_SETTING, str(int(days)))

    def backup_reminders(self, now: datetime | None = None) -> list[reminder_rules.Reminder]:
        """The vault-wide "time to back up" reminder when due at `now` (default: the clock):
        `backup.every_days` (default 7, 0 = never) after the last backup, or after the vault came
        into use. Kept apart from the case reminders; the GUI's reminders panel shows both."""
        moment = now or self._s.now()
        return reminder_rules.due(
            reminder_rules.backup_reminder(reminder_rows.backup_source(self._s.db)), moment, {}
        )


# ---- restore and verify (no open vault needed) ------------------------------------------------


def _unlock_keys(raw: bytes, passphrase: str, vault_id: bytes) -> bytes:
    try:
        header = KeyHeader.from_bytes(raw)
    except ValueError:
        raise DamagedError("The backup's key file is damaged.") from None
    if header.vault_id != vault_id:
        raise DamagedError(fmt.TAMPERED)
    slot = header.slot(keyslots.PASSPHRASE)
    if slot is None:
        raise UnlockError("The backup's vault has no passphrase slot, so it cannot be opened here.")
    try:
        return keyslots.open_passphrase_slot(slot, header.vault_id, passphrase)
    except AuthenticationError:
        raise UnlockError(
            "The passphrase does not open this backup (it needs the passphrase the vault had when "
            "the backup was made)."
        ) from None


def _check_target(into: Path) -> bool:
    """True when `into` had to be created. Refuses a folder with anything in it."""
    if into.exists():
        if not into.is_dir():
            raise UsageError(f"{into} is a file; restore into an empty or new folder.")
        if any(into.iterdir()):
            raise UsageError(f"{into} is not empty; restore into an empty or new folder.")
        os.chmod(into, 0o700)
        return False
    if not into.parent.is_dir():
        raise UsageError(f"{into.parent} does not exist; restore into an empty or new folder.")
    into.mkdir(mode=0o700)
    return True


def restore_backup(
    backup: Path, into: Path, *, passphrase: str | None = None, progress: Progress | None = None
) -> int:
    """Rebuild a vault from `backup` in the empty or new folder `into`; returns the number of
    files restored. With `passphrase`, the backup's MAC is checked too (and the passphrase proven
    to open it); without, the checksum catches damage and the vault's own authentication the rest.
    All or nothing: on any failure everything written is removed."""
    backup, into = Path(backup), Path(into)
    try:
        source = open(backup, "rb")  # noqa: SIM115 - closed below
    except OSError as err:
        raise CasevaultError(f"The backup cannot be read ({err.strerror}).") from None
    with source:
        created = _check_target(into)
        try:
            count = _restore(source, os.fstat(source.fileno()).st_size, into, passphrase, progress)
        except BaseException as err:
            _clear(into, remove_folder=created)
            if isinstance(err, OSError):
                raise translate_os_error(err, "restoring the backup") from None
            raise
    log.info("backup.restored %s", count)
    return count


def _restore(
    source: BinaryIO, total: int, into: Path, passphrase: str | None, progress: Progress | None
) -> int:
    reader = fmt.Reader(source)
    header = fmt.parse_header(reader.read_exact(fmt.HEADER.size))
    first = reader.next_entry()
    if first is None or first[0] != fmt.KEYS_NAME or first[1] > fmt.MAX_KEYS_FILE:
        raise DamagedError(fmt.DAMAGED)
    keys_bytes = reader.read_exact(first[1])
    if passphrase is None:
        reader.skip_mac()
    else:
        reader.set_mac_key(fmt.backup_mac_key(_unlock_keys(keys_bytes, passphrase, header.vault_id)))
    count, data_total, seen = 1, first[1], {fmt.KEYS_NAME}
    folders = {into}
    while (entry := reader.next_entry()) is not None:
        name, size = entry
        if name in seen or name == fmt.KEYS_NAME:
            raise DamagedError(fmt.DAMAGED)
        seen.add(name)
        target = into / name
        for folder in reversed(target.parents):
            if folder.is_relative_to(into) and folder not in folders:
                make_private_dir(folder)
                folders.add(folder)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "wb") as out:
            left = size
            while left:
                piece = reader.read_exact(min(fmt.CHUNK, left))
                out.write(piece)
                left -= len(piece)
                if progress is not None:
                    progress(reader.offset, total)
            out.flush()
            os.fsync(out.fileno())
        count += 1
        data_total += size
    if fmt.DB_NAME not in seen:
        raise DamagedError(fmt.DAMAGED)
    reader.finish(count, data_total)
    # The key file last: a folder is a vault once its key file exists.
    fd = os.open(into / fmt.KEYS_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(keys_bytes)
        out.flush()
        os.fsync(out.fileno())
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        fsync_dir(folder)
    if progress is not None:
        progress(total, total)
    return count


def _clear(into: Path, *, remove_folder: bool) -> None:
    if remove_folder:
        shutil.rmtree(into, ignore_errors=True)
        return
    for entry in list(into.iterdir()) if into.is_dir() else []:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            _unlink(entry)
