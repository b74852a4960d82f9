"""Durable, private file operations.

Everything casevault writes goes through here, so that files are 0600, folders 0700, and
every replacement is atomic: temp file in the same folder, fsync, rename, fsync the folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from casevault.core.errors import CasevaultError, DiskFullError

if sys.platform == "win32":  # pragma: no cover - no fcntl; a platform check mypy understands
    fcntl = None
else:
    import fcntl

PART_SUFFIX = ".part"
FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create `path` (and parents that do not exist) as 0700, and tighten it if it exists."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
        # Only when it differs: a chmod is a change a folder watcher sees (another device's
        # window syncs when the shared folder changes, and would answer every sync with one).
        os.chmod(path, DIR_MODE)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def hold(fd: int) -> None:
    """Mark the open file (or folder) `fd` as being written by this process until it is closed
    (an exclusive flock, which the kernel drops when the process dies). Best effort: where flock
    is refused (some network file systems) the write goes ahead unmarked."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def is_held(path: Path) -> bool:
    """True when a live process holds `path` (see `hold`)."""
    if fcntl is None:  # pragma: no cover - Windows: removal fails on an open file instead
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | (os.O_DIRECTORY if path.is_dir() else 0))
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot look: leave it alone
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True  # held (EWOULDBLOCK), or no flock here: either way, leave it alone
    finally:
        os.close(fd)  # closing drops the lock we may have taken
    return False


def translate_os_error(err: OSError, doing: str) -> CasevaultError:
    """One clear sentence for the OS errors a user can meet while we write."""
    if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFullError(f"The disk is full, so {doing} was stopped and nothing was changed.")
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return CasevaultError(f"Permission denied while {doing}: {err.filename or 'a file'}.")
    return CasevaultError(f"{doing.capitalize()} failed: {err.strerror}.")


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Write `target` atomically: a private temp file beside it becomes `target` only if the
    block completes; on any error the temp file is removed and `target` is untouched.

    Callers only ever write ciphertext or non-sensitive metadata through this.
    """
    tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}{PART_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    try:
        hold(fd)  # so a sweep in another process leaves it alone while we write
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_writer(target) as f:
        f.write(data)


class StreamingWriter:
    """Writes a large file straight to its descriptor and asks the kernel to start writing each
    finished 8 MiB stretch to disk at once (POSIX_FADV_DONTNEED), so disk and CPU overlap and the
    final fsync has little left to do. It also keeps those pages out of the page cache."""

    WINDOW = 8 << 20

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._written = 0
        self._flushed = 0

    def write(self, data: bytes | memoryview) -> int:
        view = memoryview(data)
        while view:
            done = os.write(self.fd, view)
            view = view[done:]
            self._written += done
        if self._written - self._flushed >= self.WINDOW:
            self._advise()
        return len(data)

    def _advise(self) -> None:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(self.fd, self._flushed, self._written - self._flushed, os.POSIX_FADV_DONTNEED)
        self._flushed = self._written

    def finish(self) -> None:
        """Make everything durable."""
        os.fsync(self.fd)
        self._advise()
