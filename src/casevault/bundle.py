"""The handover bundle: one case, age-encrypted to a colleague's X25519 key (no Qt, no SQL).

The age plaintext is a small framed stream, written and read without holding a document in
memory:

    MAGIC (b"CASEVAULT-HANDOVER\\0" + version byte 0x01)
    frame "M": the manifest, UTF-8 JSON (the case's records and each document's name, size, SHA-256)
    frame "D": one per document, in the manifest's order: the document's bytes
    frame "Z": the end (empty)

A frame is a tag byte, the payload length as 8 bytes big-endian, then the payload. Anything after
"Z" is refused. age authenticates every 64 KiB chunk and the end of the stream, so a flipped
byte, a cut-off file or a bundle for another key fails to decrypt; the manifest's SHA-256 of each
document is checked as well.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import struct
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any

import pyrage

from casevault.errors import DamagedError, UsageError

MAGIC = b"CASEVAULT-HANDOVER\x00\x01"
FORMAT = "casevault-handover"
VERSION = 1
MAX_MANIFEST = 64 * 1024 * 1024
_FRAME = struct.Struct(">cQ")
_PIECE = 1 << 20

Progress = Callable[[int], None]


class BundleError(Exception):
    """The bundle's plaintext is not a well-formed handover (internal; mapped to DamagedError)."""


# ---- keys ---------------------------------------------------------------------------------------


def new_identity() -> str:
    return str(pyrage.x25519.Identity.generate())


def public_key(identity: str) -> str:
    return str(pyrage.x25519.Identity.from_str(identity).to_public())


def check_recipient(key: str) -> str:
    """The key, trimmed, if it is an age X25519 public key; else UsageError in one sentence."""
    text = key.strip()
    try:
        pyrage.x25519.Recipient.from_str(text)
    except Exception:  # pyrage raises RecipientError or ValueError depending on the fault
        raise UsageError(
            "That is not a colleague's handover key: it should be one line starting with 'age1'."
        ) from None
    return text


def fingerprint(key: str) -> str:
    """A short, readable fingerprint of a public key (for audit entries and notes)."""
    digest = hashlib.sha256(key.strip().encode("ascii", "replace")).hexdigest()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


# ---- writing ------------------------------------------------------------------------------------


def frames(manifest: dict[str, Any], documents: Iterator[tuple[int, Iterator[bytes]]]) -> Iterator[bytes]:
    """The plaintext, piece by piece. `documents` yields (size, chunks) in the manifest's order;
    a document whose chunks do not add up to its size raises BundleError."""
    yield MAGIC
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    yield _FRAME.pack(b"M", len(body))
    yield body
    for size, chunks in documents:
        yield _FRAME.pack(b"D", size)
        got = 0
        for chunk in chunks:
            got += len(chunk)
            if got > size:
                raise BundleError("document longer than recorded")
            yield bytes(chunk)
        if got != size:
            raise BundleError("document shorter than recorded")
    yield _FRAME.pack(b"Z", 0)


class _IterReader(io.RawIOBase):
    """A readable stream over an iterator of byte strings (what pyrage.encrypt_io reads)."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._buf = b""
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while not self._buf:
            try:
                self._buf = next(self._pieces)
            except StopIteration:
                return 0
            except BaseException as err:  # keep the real cause; pyrage turns it into an OSError
                self.error = err
                raise
        n = min(len(view), len(self._buf))
        view[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def encrypt(pieces: Iterator[bytes], recipient: str, out: Any) -> None:
    """Encrypt the plaintext `pieces` to `recipient` into `out`, streaming."""
    reader = _IterReader(pieces)
    try:
        pyrage.encrypt_io(reader, out, [pyrage.x25519.Recipient.from_str(recipient)])
    except BaseException:
        if reader.error is not None:
            raise reader.error from None
        raise


# ---- reading ------------------------------------------------------------------------------------

WRONG_KEY = (
    "This bundle was not made for this vault's handover key; ask the sender to hand it over "
    "to the key shown under My handover key."
)
DAMAGED = "The bundle is damaged, cut short or has been changed, so nothing was imported."


@contextlib.contextmanager
def decrypted(bundle: IO[bytes], identity: str) -> Iterator[io.RawIOBase]:
    """The plaintext of `bundle` as a readable stream, decrypted on a helper thread through a
    pipe (memory stays flat). A decryption failure surfaces as DamagedError, when the reader
    reaches the end of the stream or when the block ends."""
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []
    ident = pyrage.x25519.Identity.from_str(identity)

    def work() -> None:
        try:
            with open(write_fd, "wb", buffering=_PIECE) as sink:
                pyrage.decrypt_io(bundle, sink, [ident])
        except BaseException as err:  # reported to the reader below
            failure.append(err)

    thread = threading.Thread(target=work, name="bundle-decrypt", daemon=True)
    reader = open(read_fd, "rb", buffering=_PIECE)  # noqa: SIM115 - closed in the finally below
    thread.start()

    def fail() -> None:
        if failure:
            err = failure[0]
            if isinstance(err, pyrage.DecryptError) and "matching" in str(err).lower():
                raise DamagedError(WRONG_KEY) from None
            raise DamagedError(DAMAGED) from None

    try:
        yield _Checked(reader, thread, fail)
    finally:
        reader.close()  # a writer still going gets a broken pipe and stops
        thread.join()
    fail()


class _Checked(io.RawIOBase):
    """The pipe's read end; at its end, waits for the decryptor and raises its failure."""

    def __init__(self, reader: IO[bytes], thread: threading.Thread, fail: Callable[[], None]) -> None:
        self._reader = reader
        self._thread = thread
        self._fail = fail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self._reader.readinto(buffer)  # type: ignore[attr-defined]
        if not n:
            self._thread.join()
            self._fail()
            return 0
        return int(n)


def _read_exact(src: IO[bytes] | io.RawIOBase, n: int) -> bytes:
    parts: list[bytes] = []
    left = n
    while left:
        piece = src.read(min(left, _PIECE))
        if not piece:
            raise BundleError("cut short")
        parts.append(piece)
        left -= len(piece)
    return b"".join(parts)


def _frame(src: IO[bytes] | io.RawIOBase, expected: bytes) -> int:
    tag, size = _FRAME.unpack(_read_exact(src, _FRAME.size))
    if tag != expected:
        raise BundleError("unexpected frame")
    return int(size)


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise BundleError(what)


class DocumentStream(io.RawIOBase):
    """Exactly `size` bytes of one document, hashed as they are read."""

    def __init__(self, src: IO[bytes] | io.RawIOBase, size: int, progress: Progress | None) -> None:
        self._src = src
        self.left = size
        self.sha256 = hashlib.sha256()
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self.left:
            return 0
        view = memoryview(buffer).cast("B")
        piece = self._src.read(min(len(view), self.left, _PIECE))
        if not piece:
            raise BundleError("cut short")
        view[: len(piece)] = piece
        self.left -= len(piece)
        self.sha256.update(piece)
        if self._progress is not None:
            self._progress(len(piece))
        return len(piece)

    def drain(self) -> None:
        while self.left:
            self.read(_PIECE)


def read_bundle(
    src: IO[bytes] | io.RawIOBase, on_document: Callable[[dict[str, Any], DocumentStream], None] | None = None
) -> dict[str, Any]:
    """Parse the plaintext: check the magic and the manifest, hand each document's stream to
    `on_document` (which may read it; the rest is drained), check every document against its
    size and SHA-256 in the manifest, and that the end marker is last. Returns the manifest.
    Any fault raises DamagedError with one sentence."""
    try:
        _require(_read_exact(src, len(MAGIC)) == MAGIC, "not a handover bundle")
        size = _frame(src, b"M")
        _require(size <= MAX_MANIFEST, "manifest too large")
        try:
            manifest = json.loads(_read_exact(src, size).decode("utf-8"))
        except ValueError:
            raise BundleError("manifest is not JSON") from None
        check_manifest(manifest)
        for doc in manifest["documents"]:
            _require(_frame(src, b"D") == doc["size"], "document size differs")
            stream = DocumentStream(src, doc["size"], None)
            if on_document is not None:
                on_document(doc, stream)
            stream.drain()
            if stream.sha256.hexdigest() != doc["sha256"]:
                raise DamagedError(
                    "A document in the bundle does not match its recorded fingerprint, so nothing "
                    "was imported."
                )
        _require(_frame(src, b"Z") == 0 and not src.read(1), "data after the end")
    except (BundleError, KeyError, TypeError, struct.error):
        raise DamagedError(DAMAGED) from None
    return dict(manifest)


def check_manifest(manifest: Any) -> None:
    """The manifest's shape: format and version, and the lists a receiver reads."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError("not a handover manifest")
    if manifest.get("version") != VERSION:
        raise DamagedError("This bundle was made by a newer casevault; update casevault to receive it.")
    for name in ("case", "member", "first_meeting"):
        if not isinstance(manifest.get(name), dict):
            raise BundleError(f"missing {name}")
    for name in (
        "action_points",
        "case_dates",
        "events",
        "parties",
        "consents",
        "originals",
        "escalations",
        "audit",
        "documents",
    ):
        if not isinstance(manifest.get(name), list):
            raise BundleError(f"missing {name}")
    for doc in manifest["documents"]:
        if not (
            isinstance(doc, dict)
            and isinstance(doc.get("name"), str)
            and isinstance(doc.get("size"), int)
            and doc["size"] >= 0
            and isinstance(doc.get("sha256"), str)
        ):
            raise BundleError("bad document entry")
    if not isinstance(manifest.get("source_key"), str):
        raise BundleError("no source key")
