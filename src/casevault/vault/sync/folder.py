"""The shared sync folder on disk: each device's change sets and attachment copies, read and
written as files, and nothing else (no SQL, no keys).

```
<folder>/devices/<device id>/<12-digit sequence>.cvsync   change sets (formats/changeset.py)
<folder>/devices/<device id>/blobs/<case id>/<file id>.cvf attachments, as the vault holds them
<folder>/devices/<device id>/library/<file id>.cvf       policy-library documents
<folder>/devices/<device id>/keys/<to device>-<key id>.cvkey  a new sync key for one device
                                                          (after a removal; formats/pairing.py)
<folder>/devices/<device id>/progress.cvread              how far it has read each device
<folder>/devices/<device id>/snapshots/<joiner>/<12-digit part>.cvsnap
                                                          its whole state, for a device it paired
```

Every device writes only under its own `devices/<device id>/`, so a sync engine never sees two
writers for one file. A file is written under a temporary name that no reader takes for a change
set (it does not end in `.cvsync` or `.cvf`), fsynced, renamed into place and its folder fsynced:
another device sees it whole or not at all. The folder is hostile: names are checked with
changeset.parse_name and the id patterns before a path is built from them, links are not
followed, and nothing larger than a change set may be is read into memory.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from casevault.core.fsutil import atomic_writer, make_private_dir
from casevault.formats import changeset

_ID = re.compile(r"[0-9a-f]{32}")
BLOB_SUFFIX = ".cvf"
KEY_SUFFIX = ".cvkey"
PROGRESS_NAME = "progress.cvread"
SNAPSHOT_SUFFIX = ".cvsnap"
MAX_PROGRESS = 64 * 1024  # a read position is about 120 bytes: hundreds of devices
MAX_KEY_FILE = 4096


class SyncFolder:
    """One sync folder, as seen by device `device` (its own files are the ones it writes)."""

    def __init__(self, root: Path, device: str) -> None:
        _check_id(device)
        self.root = root
        self.device = device

    # ---- change sets ----------------------------------------------------------------------

    def own_dir(self) -> Path:
        return self.root / "devices" / self.device

    def make_own_dir(self) -> None:
        for folder in (self.root, self.root / "devices", self.own_dir()):
            make_private_dir(folder)

    def changeset_path(self, device: str, sequence: int) -> Path:
        return self.root / changeset.path_for(device, sequence)

    def write_changeset(self, sequence: int, data: bytes) -> None:
        """This device's change set `sequence`, whole or not at all."""
        self._write(self.changeset_path(self.device, sequence), data)

    def read_changeset(self, device: str, sequence: int) -> bytes | None:
        """The bytes of a device's change set, or None when it has not arrived. A file over the
        size a change set may be is read only that far, and the reader refuses it as too large."""
        return _read_bounded(self.changeset_path(device, sequence), changeset.MAX_FILE + 1)

    def devices(self) -> list[str]:
        """The device ids that have a folder here (anything else under devices/ is ignored)."""
        try:
            found = [p for p in (self.root / "devices").iterdir() if p.is_dir() and not p.is_symlink()]
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(p.name for p in found if _ID.fullmatch(p.name))

    def sequences(self, device: str) -> list[int]:
        """The numbers of the change sets in a device's folder, in order."""
        _check_id(device)
        try:
            names = [p.name for p in (self.root / "devices" / device).iterdir()]
        except (FileNotFoundError, NotADirectoryError):
            return []
        found = (changeset.parse_name(f"devices/{device}/{n}") for n in names)
        return sorted(name.sequence for name in found if name is not None)

    def remove_changeset(self, sequence: int) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.changeset_path(self.device, sequence).unlink()

    # ---- attachments and library documents -----------------------------------------------

    def blob_path(self, device: str, case_id: str, file_id: str) -> Path:
        for value in (device, case_id, file_id):
            _check_id(value)
        return self.root / "devices" / device / "blobs" / case_id / f"{file_id}{BLOB_SUFFIX}"

    def library_path(self, device: str, file_id: str) -> Path:
        for value in (device, file_id):
            _check_id(value)
        return self.root / "devices" / device / "library" / f"{file_id}{BLOB_SUFFIX}"

    def put_file(self, target: Path, source: Path) -> int:
        """Copy an encrypted file of this vault to `target` (under this device's folder) unless it
        is there already (they are written once and never change); returns the bytes copied."""
        if target.exists():
            return 0
        for folder in reversed(target.parents):
            if folder == self.root or self.root in folder.parents:
                make_private_dir(folder)
        with source.open("rb") as src:
            return self._write_stream(target, src)

    def take_file(self, source: Path, target: Path) -> bool:
        """Copy an encrypted file from another device's folder into the vault at `target`, whole
        or not at all; False when it has not arrived (or is not a plain file)."""
        fd = _open_plain_file(source)
        if fd is None:
            return False
        with os.fdopen(fd, "rb") as src:
            make_private_dir(target.parent)
            self._write_stream(target, src)
        return True

    def remove_own_blobs(self) -> int:
        """Every attachment copy of this device's (each paired device has taken them); the bytes freed."""
        return _remove_tree(self.own_dir() / "blobs")

    def changeset_size(self, sequence: int) -> int:
        try:
            return self.changeset_path(self.device, sequence).lstat().st_size
        except FileNotFoundError:
            return 0

    # ---- progress files and snapshots (compaction) ----------------------------------------

    def write_progress(self, data: bytes) -> None:
        self.make_own_dir()
        self._write(self.own_dir() / PROGRESS_NAME, data)

    def progress_time(self) -> float | None:
        """When this device last wrote its progress file (at the end of each sync), or None."""
        try:
            return (self.own_dir() / PROGRESS_NAME).lstat().st_mtime
        except FileNotFoundError:
            return None

    def read_progress(self, device: str) -> bytes | None:
        _check_id(device)
        return _read_bounded(self.root / "devices" / device / PROGRESS_NAME, MAX_PROGRESS)

    def snapshot_part_path(self, writer: str, joiner: str, part: int) -> Path:
        for value in (writer, joiner):
            _check_id(value)
        if isinstance(part, bool) or not isinstance(part, int) or not 1 <= part <= changeset.MAX_SEQUENCE:
            raise ValueError("a snapshot part's number runs from 1 to the 12 digits of its name")
        return self.root / "devices" / writer / "snapshots" / joiner / f"{part:012d}{SNAPSHOT_SUFFIX}"

    def write_snapshot_part(self, joiner: str, part: int, data: bytes) -> None:
        target = self.snapshot_part_path(self.device, joiner, part)
        self.make_own_dir()
        for folder in (target.parent.parent, target.parent):
            make_private_dir(folder)
        self._write(target, data)

    def read_snapshot_part(self, writer: str, joiner: str, part: int) -> bytes | None:
        return _read_bounded(self.snapshot_part_path(writer, joiner, part), changeset.MAX_FILE + 1)

    def snapshots_written(self) -> list[str]:
        """The devices this one has written a snapshot for."""
        try:
            names = [p.name for p in (self.own_dir() / "snapshots").iterdir()]
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(n for n in names if _ID.fullmatch(n))

    def remove_snapshot(self, joiner: str) -> int:
        """This device's snapshot for `joiner`; the bytes freed."""
        _check_id(joiner)
        return _remove_tree(self.own_dir() / "snapshots" / joiner)

    # ---- sync keys sent after a removal -----------------------------------------------------

    def key_path(self, sender: str, to_device: str, key_id: bytes) -> Path:
        for value in (sender, to_device):
            _check_id(value)
        return self.root / "devices" / sender / "keys" / f"{to_device}-{key_id.hex()}{KEY_SUFFIX}"

    def write_key_file(self, to_device: str, key_id: bytes, data: bytes) -> None:
        target = self.key_path(self.device, to_device, key_id)
        make_private_dir(target.parent)
        self._write(target, data)

    def key_files_for_me(self) -> list[tuple[str, bytes]]:
        """(sender, contents) of every key file another device wrote for this one."""
        found = []
        for sender in self.devices():
            if sender == self.device:
                continue
            folder = self.root / "devices" / sender / "keys"
            try:
                names = [p.name for p in folder.iterdir()]
            except (FileNotFoundError, NotADirectoryError):
                continue
            for name in sorted(names):
                if name.startswith(f"{self.device}-") and name.endswith(KEY_SUFFIX):
                    data = _read_bounded(folder / name, MAX_KEY_FILE)
                    if data is not None:
                        found.append((sender, data))
        return found

    def remove_case_blobs(self, case_id: str) -> None:
        """This device's copies of a purged case's attachments."""
        _check_id(case_id)
        shutil.rmtree(self.own_dir() / "blobs" / case_id, ignore_errors=True)

    def own_files(self) -> Iterator[Path]:
        """Every file under this device's folder (for compaction and the size figures)."""
        for folder, _dirs, files in os.walk(self.own_dir()):
            for name in files:
                yield Path(folder) / name

    # ---- writing --------------------------------------------------------------------------

    def _write(self, target: Path, data: bytes) -> None:
        self._write_stream(target, io.BytesIO(data))

    def _write_stream(self, target: Path, src: BinaryIO) -> int:
        copied = 0
        with atomic_writer(target) as out:  # a temp name no reader takes, fsynced, renamed
            while chunk := src.read(1 << 20):
                out.write(chunk)
                copied += len(chunk)
        return copied


def _check_id(value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError("a sync folder path is built only from 32-digit hex ids")


def _remove_tree(top: Path) -> int:
    """Remove a file or folder of this device's, following no link (a link someone put in the
    folder goes, not what it points to); the bytes freed."""
    if top.is_symlink() or top.is_file():
        return _unlink(top)
    if not top.is_dir():
        return 0
    freed = 0
    for folder, dirs, files in os.walk(top, topdown=False):  # links to folders are not walked
        here = Path(folder)
        freed += sum(_unlink(here / name) for name in files)
        for name in dirs:
            if (here / name).is_symlink():
                _unlink(here / name)
            else:
                with contextlib.suppress(OSError):
                    (here / name).rmdir()
    with contextlib.suppress(OSError):
        top.rmdir()
    return freed


def _unlink(path: Path) -> int:
    try:
        size = path.lstat().st_size
        path.unlink()
    except FileNotFoundError:
        return 0
    return size


def _open_plain_file(path: Path) -> int | None:
    """A descriptor for reading `path` if it is a plain file (not a link, a folder, a device or
    a pipe someone put in its place), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:  # missing, a link (ELOOP), or unreadable: there is no such file
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def _read_bounded(path: Path, limit: int) -> bytes | None:
    fd = _open_plain_file(path)
    if fd is None:
        return None
    with os.fdopen(fd, "rb") as src:
        return src.read(limit)


class PairingFiles:
    """`<folder>/pairing/`: a new device's request and the answer written for it (formats/pairing.py)."""

    def __init__(self, root: Path) -> None:
        self.dir = root / "pairing"

    def _path(self, device: str, suffix: str) -> Path:
        _check_id(device)
        return self.dir / f"{device}{suffix}"

    def write(self, device: str, suffix: str, data: bytes) -> None:
        make_private_dir(self.dir)
        SyncFolder(self.dir.parent, device)._write(self._path(device, suffix), data)

    def read(self, device: str, suffix: str, limit: int) -> bytes | None:
        return _read_bounded(self._path(device, suffix), limit)

    def waiting(self, suffix: str) -> list[str]:
        """The devices with a file of this kind here."""
        try:
            names = [p.name for p in self.dir.iterdir()]
        except (FileNotFoundError, NotADirectoryError):
            return []
        found = (n[: -len(suffix)] for n in names if n.endswith(suffix))
        return sorted(d for d in found if _ID.fullmatch(d))

    def remove(self, device: str) -> None:
        for suffix in (".request", ".answer"):
            with contextlib.suppress(FileNotFoundError):
                self._path(device, suffix).unlink()
