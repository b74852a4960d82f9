"""Encrypted attachment blobs on disk: durable writes, atomic decrypted copies, verification.

This module knows files and the blob format, not the database: the Vault hands it keys.
"""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os
import secrets
import shutil
from pathlib import Path

from casevault.core.errors import AuthenticationError, CasevaultError, DamagedError
from casevault.core.fsutil import (
    FILE_MODE,
    PART_SUFFIX,
    StreamingWriter,
    fsync_dir,
    hold,
    make_private_dir,
    translate_os_error,
)
from casevault.core.paths import BLOB_SUFFIX, VaultPaths, is_opaque_id
from casevault.crypto import blob
from casevault.crypto.blob import BlobBinding, Progress, Readable

log = logging.getLogger(__name__)


def binding(vault_id: str, case_id: str, file_id: str) -> BlobBinding:
    return BlobBinding(bytes.fromhex(vault_id), bytes.fromhex(case_id), bytes.fromhex(file_id))


class BlobStore:
    def __init__(self, paths: VaultPaths, vault_id: str) -> None:
        self._paths = paths
        self._vault_id = vault_id

    def path(self, case_id: str, file_id: str) -> Path:
        return self._paths.blob(case_id, file_id)

    def part_path(self, case_id: str, file_id: str) -> Path:
        return self.path(case_id, file_id).with_name(f"{file_id}{BLOB_SUFFIX}{PART_SUFFIX}")

    def write(
        self,
        case_id: str,
        file_id: str,
        key: bytes,
        src: Readable,
        progress: Progress | None = None,
    ) -> int:
        """Encrypt `src` into the case folder: temp file, fsync, rename, fsync the folder.
        Returns the plaintext size. On any failure nothing is left behind."""
        folder = self.path(case_id, file_id).parent  # the case folder (the library's own folder)
        make_private_dir(folder)
        tmp = self.part_path(case_id, file_id)
        final = self.path(case_id, file_id)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
            try:
                hold(fd)  # a sweep by another process (copies.sweep) leaves a held file alone
                out = StreamingWriter(fd)
                size = blob.encrypt_stream(
                    key, binding(self._vault_id, case_id, file_id), src, out, progress=progress
                )
                out.finish()
            finally:
                os.close(fd)
            os.rename(tmp, final)
            fsync_dir(folder)
        except OSError as err:
            self._discard(tmp, final)
            raise translate_os_error(err, "encrypting the file") from None
        except BaseException:
            self._discard(tmp, final)
            raise
        log.info("blob.written %s", file_id)
        return size

    @staticmethod
    def _discard(*paths: Path) -> None:
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def remove(self, case_id: str, file_id: str) -> None:
        self._discard(self.part_path(case_id, file_id), self.path(case_id, file_id))

    def open(self, case_id: str, file_id: str) -> io.BufferedReader:
        try:
            return open(self.path(case_id, file_id), "rb")
        except FileNotFoundError:
            raise DamagedError(f"Attachment {file_id} is missing from the vault folder.") from None

    def verify(self, case_id: str, file_id: str, key: bytes) -> int:
        """Authenticate the whole blob; returns its plaintext size."""
        with self.open(case_id, file_id) as src:
            return blob.verify_stream(key, binding(self._vault_id, case_id, file_id), src)

    def read_all(self, case_id: str, file_id: str, key: bytes) -> bytes:
        """The whole plaintext in memory (for previews); nothing is written anywhere."""
        parts: list[bytes] = []
        with self.open(case_id, file_id) as src:
            for piece in blob.decrypt_chunks(key, binding(self._vault_id, case_id, file_id), src):
                parts.append(bytes(piece))
        return b"".join(parts)

    def decrypt_to(
        self, case_id: str, file_id: str, key: bytes, out: Path, progress: Progress | None = None
    ) -> int:
        """Decrypt into a new file at `out`, which appears only once every chunk has authenticated.
        Never overwrites: an existing `out` is refused, also if it appears while we work."""
        if out.exists() or out.is_symlink():
            raise CasevaultError(f"{out} already exists; casevault never overwrites a file.")
        folder = out.parent if str(out.parent) else Path()
        if not folder.is_dir():
            raise CasevaultError(f"The folder {folder} does not exist.")
        with self.open(case_id, file_id) as src:
            try:
                writer = _AnonymousFile(folder) if hasattr(os, "O_TMPFILE") else _NamedTemp(folder)
            except OSError as err:
                raise translate_os_error(err, "writing the decrypted copy") from None
            try:
                sink = StreamingWriter(writer.fd)
                size = blob.decrypt_stream(
                    key, binding(self._vault_id, case_id, file_id), src, sink, progress=progress
                )
                sink.finish()
                writer.publish(out)
            except AuthenticationError:
                writer.discard()
                raise DamagedError(
                    f"Attachment {file_id} is damaged or has been tampered with; nothing was written."
                ) from None
            except OSError as err:
                writer.discard()
                if err.errno == errno.EEXIST:
                    raise CasevaultError(
                        f"{out} already exists; casevault never overwrites a file."
                    ) from None
                raise translate_os_error(err, "writing the decrypted copy") from None
            except BaseException:
                writer.discard()
                raise
        fsync_dir(folder)
        return size

    def remove_case(self, case_id: str) -> None:
        folder = self._paths.case_dir(case_id)
        if folder.is_dir():
            shutil.rmtree(folder)
        if self._paths.cases_dir.is_dir():
            fsync_dir(self._paths.cases_dir)

    def inventory(self) -> tuple[dict[str, set[str]], list[str]]:
        """What is on disk: {case id: {file ids}}, plus sentences about anything else found."""
        found: dict[str, set[str]] = {}
        strays: list[str] = []
        root = self._paths.cases_dir
        if not root.is_dir():
            return found, strays
        # scandir: a folder's entry types come with its listing, without a stat per entry or
        # Path objects to sort (a third of a second at 10k cases, most of it pathlib).
        with os.scandir(root) as listing:
            folders = sorted(listing, key=lambda entry: entry.name)
        for folder in folders:
            if not (folder.is_dir() and is_opaque_id(folder.name)):
                strays.append("an unexpected entry is in the cases folder")
                continue
            ids = found.setdefault(folder.name, set())
            with os.scandir(folder.path) as entries:
                for entry in entries:
                    stem = entry.name.removesuffix(BLOB_SUFFIX)
                    if entry.is_file() and entry.name.endswith(BLOB_SUFFIX) and is_opaque_id(stem):
                        ids.add(stem)
                    else:
                        strays.append(f"case folder {folder.name} holds an unexpected entry")
        return found, strays


class _AnonymousFile:
    """Linux O_TMPFILE: a file with no name until it is linked in, so a crash or a failed
    authentication leaves nothing behind, and linking fails rather than overwriting."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            self.fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, FILE_MODE)
            self.fallback: _NamedTemp | None = None
        except OSError as err:
            if err.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
            self.fallback = _NamedTemp(folder)
            self.fd = self.fallback.fd

    def publish(self, out: Path) -> None:
        if self.fallback is not None:
            self.fallback.publish(out)
            return
        # A src_dir_fd makes CPython use linkat(AT_SYMLINK_FOLLOW), which links the open file
        # itself; plain link() would try to link the /proc symlink and fail with EXDEV.
        root = os.open("/", os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.link(f"/proc/self/fd/{self.fd}", out, src_dir_fd=root, follow_symlinks=True)
        finally:
            os.close(root)
        os.close(self.fd)

    def discard(self) -> None:
        if self.fallback is not None:
            self.fallback.discard()
            return
        with contextlib.suppress(OSError):
            os.close(self.fd)


class _NamedTemp:
    """Where O_TMPFILE is missing: a private hidden temp file beside the output, removed on failure."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f".casevault-{secrets.token_hex(8)}{PART_SUFFIX}"
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)

    def publish(self, out: Path) -> None:
        os.close(self.fd)
        try:
            os.link(self.path, out)  # fails if `out` exists: never overwrite
        finally:
            self.path.unlink(missing_ok=True)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self.path.unlink(missing_ok=True)


# The policy library's documents have no case: their blobs bind this fixed id where an
# attachment's bind its case id (case ids are random, so never all zeros).
LIBRARY_SCOPE = "0" * 32


class LibraryBlobStore(BlobStore):
    """The policy library's blobs, `library/<file id>.cvf`: the attachments' format, writes and
    decrypted copies, with LIBRARY_SCOPE in place of a case id (pass it as `case_id`)."""

    def path(self, case_id: str, file_id: str) -> Path:
        if case_id != LIBRARY_SCOPE:
            raise ValueError("library blobs belong to no case")
        return self._paths.library_blob(file_id)

    def open(self, case_id: str, file_id: str) -> io.BufferedReader:
        try:
            return open(self.path(case_id, file_id), "rb")
        except FileNotFoundError:
            raise DamagedError(f"Library document {file_id} is missing from the vault folder.") from None

    def remove_case(self, case_id: str) -> None:
        raise ValueError("the library is not a case")

    def library_inventory(self) -> tuple[set[str], list[str]]:
        """File ids of the library's blobs on disk, plus sentences about anything else found."""
        found: set[str] = set()
        strays: list[str] = []
        root = self._paths.library_dir
        if not root.is_dir():
            return found, strays
        for entry in sorted(root.iterdir()):
            stem = entry.name.removesuffix(BLOB_SUFFIX)
            if entry.is_file() and entry.name.endswith(BLOB_SUFFIX) and is_opaque_id(stem):
                found.add(stem)
            else:
                strays.append("the library folder holds an unexpected entry")
        return found, strays
