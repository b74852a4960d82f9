"""The password-protected zip casevault sends (WinZip AES-256, which 7-Zip, Keka and The
Unarchiver open), and new files written beside their final name and linked into place.

Every entry is streamed: a document's plaintext goes chunk by chunk from its decrypting iterator
straight into its zip entry, so no plaintext file is ever written. The zip is built in a private
temp file beside `out`, fsynced, then hard-linked to `out`, which never overwrites a file."""

from __future__ import annotations

import hashlib
import os
import secrets
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from casevault.core.errors import CasevaultError
from casevault.core.fsutil import FILE_MODE, PART_SUFFIX, fsync_dir, translate_os_error

if TYPE_CHECKING:
    import pyzipper

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)


@dataclass(frozen=True)
class Streamed:
    """A zip entry whose contents come from `chunks()`, dated `when` (the document's own date)."""

    name: str
    when: datetime
    size: int
    chunks: Callable[[], Iterator[bytes]]


def check_new_file(out: Path) -> Path:
    """The folder `out` goes in; a clear sentence if `out` exists or the folder does not."""
    if out.exists() or out.is_symlink():
        raise CasevaultError(f"{out} already exists; casevault never overwrites a file.")
    folder = out.parent if str(out.parent) else Path()
    if not folder.is_dir():
        raise CasevaultError(f"The folder {folder} does not exist.")
    return folder


def _temp_beside(out: Path) -> tuple[Path, int]:
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}{PART_SUFFIX}")
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    return tmp, fd


def _publish(tmp: Path, out: Path, folder: Path) -> None:
    try:
        os.link(tmp, out)  # fails if `out` appeared meanwhile: never overwrite
    except FileExistsError:
        raise CasevaultError(f"{out} already exists; casevault never overwrites a file.") from None
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(folder)


def write_new_file(out: Path, data: bytes) -> str:
    """`data` in a new 0600 file at `out` (never overwriting), durably; returns its SHA-256."""
    folder = check_new_file(out)
    tmp: Path | None = None
    try:
        tmp, fd = _temp_beside(out)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _publish(tmp, out, folder)
    except OSError as err:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise translate_os_error(err, "writing the file") from None
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise
    return hashlib.sha256(data).hexdigest()


def _sha256_of(f: BinaryIO) -> str:
    f.seek(0)
    digest = hashlib.sha256()
    for piece in iter(lambda: f.read(1 << 20), b""):
        digest.update(piece)
    return digest.hexdigest()


def write_zip(
    out: Path,
    password: str,
    *,
    made_at: datetime,
    extras: Sequence[tuple[str, bytes]],
    streamed: Sequence[Streamed],
    progress: Progress | None = None,
) -> str:
    """Write the zip at `out`: `extras` (small, in memory, dated `made_at`), then each streamed
    entry. Returns the zip's SHA-256. On any failure, or a raise from `progress` (a cancel),
    nothing is left behind."""
    folder = check_new_file(out)
    total = sum(len(data) for _, data in extras) + sum(s.size for s in streamed)
    done = 0
    tmp: Path | None = None

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    # Loaded here: pyzipper brings Cryptodome and cffi, 32 ms of every start of the app.
    import pyzipper  # noqa: PLC0415

    try:
        tmp, fd = _temp_beside(out)
        with os.fdopen(fd, "w+b") as f:
            with pyzipper.AESZipFile(
                f, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
            ) as zf:
                zf.setpassword(password.encode("utf-8"))
                zf.setencryption(pyzipper.WZ_AES, nbits=256)
                for name, data in extras:
                    zf.writestr(_entry(zf, name, made_at), data)
                    step(len(data))
                for item in streamed:
                    with zf.open(_entry(zf, item.name, item.when), "w", force_zip64=True) as entry:
                        for piece in item.chunks():
                            entry.write(piece)
                            step(len(piece))
            f.flush()
            os.fsync(f.fileno())
            sha = _sha256_of(f)
        _publish(tmp, out, folder)
        tmp = None
    except OSError as err:
        raise translate_os_error(err, "writing the zip") from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(total, total)
    return sha


def _entry(zf: pyzipper.AESZipFile, name: str, when: datetime) -> pyzipper.ZipInfo:
    moment = when.astimezone()
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    info = zf.zipinfo_cls(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o600 & 0xFFFF) << 16
    return info
