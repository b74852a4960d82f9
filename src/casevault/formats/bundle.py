"""The handover bundle: one case, age-encrypted to a colleague's X25519 key (no Qt, no SQL).

The age plaintext is a small framed stream, written and read without holding a document in
memory:

    MAGIC (b"CASEVAULT-HANDOVER\\0" + version byte 0x02)
    frame "M": the manifest, UTF-8 JSON (the case's records and each document's name, size, SHA-256)
    frame "D": one per document, in the manifest's order: the document's bytes
    frame "S": the sender's signing key (32) and Ed25519 signature (64), see crypto/signing.py,
               over the recipient's age key, the format version and SHA-256 of every byte above
    frame "Z": the end (empty)

A frame is a tag byte, the payload length as 8 bytes big-endian, then the payload. Anything after
"Z" is refused. age authenticates every 64 KiB chunk and the end of the stream, so a flipped
byte, a cut-off file or a bundle for another key fails to decrypt; the signature says who made
it. Version 1 bundles carried no signature and are refused.

Anyone can make a bundle for a rep's public key, so the plaintext is hostile: the manifest's
size, nesting depth and number of values are bounded before it is parsed, and every field is
validated (handover_manifest.py) before anything is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import struct
import threading
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any, cast

import pyrage

from casevault.core.errors import DamagedError, UsageError
from casevault.crypto import signing

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

MAGIC_PREFIX = b"CASEVAULT-HANDOVER\x00"
VERSION = 2
MAGIC = MAGIC_PREFIX + bytes([VERSION])
FORMAT = "casevault-handover"
MAX_MANIFEST = 16 * 1024 * 1024  # about 30,000 paper-trail entries of a typical length
MAX_DEPTH = 12  # a real manifest nests 5 deep (manifest, events, entry, versions, version)
MAX_CONTAINERS = 250_000
MAX_VALUES = 1_000_000
MAX_DOCUMENTS = 10_000
MAX_DOCUMENT_BYTES = 1 << 44
_FRAME = struct.Struct(">cQ")
_PIECE = 1 << 20
_SIGNATURE_FRAME = signing.PUBLIC_KEY_BYTES + signing.SIGNATURE_BYTES

Progress = Callable[[int], None]


class BundleError(Exception):
    """The bundle's plaintext is not a well-formed handover (internal; mapped to DamagedError)."""


class BundleRefusedError(DamagedError):
    """A bundle refused for a reason the rep can act on, in one sentence (exit 4)."""


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


def frames(
    manifest: dict[str, Any],
    documents: Iterator[tuple[int, Iterator[bytes]]],
    *,
    secret: bytes,
    recipient: str,
) -> Iterator[bytes]:
    """The plaintext, piece by piece, signed with `secret` for `recipient`. `documents` yields
    (size, chunks) in the manifest's order; a document whose chunks do not add up to its size
    raises BundleError."""
    digest = hashlib.sha256()

    def out(piece: bytes) -> bytes:
        digest.update(piece)
        return piece

    yield out(MAGIC)
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    yield out(_FRAME.pack(b"M", len(body)))
    yield out(body)
    for size, chunks in documents:
        yield out(_FRAME.pack(b"D", size))
        got = 0
        for chunk in chunks:
            got += len(chunk)
            if got > size:
                raise BundleError("document longer than recorded")
            yield out(bytes(chunk))
        if got != size:
            raise BundleError("document shorter than recorded")
    payload = signing.sign(secret, VERSION, recipient, digest.digest())
    yield _FRAME.pack(b"S", len(payload))
    yield payload
    yield _FRAME.pack(b"Z", 0)


class _IterReader(io.RawIOBase):
    """A readable stream over an iterator of byte strings (what pyrage.encrypt_io reads)."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._buf = memoryview(b"")
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        while not self._buf:
            try:
                self._buf = memoryview(next(self._pieces))
            except StopIteration:
                return 0
            except BaseException as err:  # keep the real cause; pyrage turns it into an OSError
                self.error = err
                raise
        n = min(len(view), len(self._buf))
        view[:n] = self._buf[:n]
        # A view, not a slice of bytes: pyrage reads 8 KiB at a time, and copying the rest of a
        # 512 KiB piece on every read was a third of a handover's time.
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
UNSIGNED = (
    "This bundle was made by an older casevault that does not sign its bundles, so its sender "
    "cannot be checked and nothing was imported; ask the sender to update casevault and hand "
    "the case over again."
)
NEWER = "This bundle was made by a newer casevault; update casevault to receive it."
BAD_SIGNATURE = (
    "The bundle's signature does not match its contents, its sender or this vault, so nothing was imported."
)
REFUSED = "The bundle was refused and nothing was imported: "
TOO_LARGE = "The bundle's list of records is too large or too deeply nested, so nothing was imported."


def _widen(fd: int) -> None:
    """A pipe of one piece, where Linux allows it (64 KiB by default): the decrypting thread and
    the reader then hand over the GIL once per MiB, not 16 times (receive took 6x age -d | tar)."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only
    except ImportError:
        return
    with contextlib.suppress(AttributeError, OSError):  # F_SETPIPE_SZ is Linux's, capped by pipe-max-size
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIECE)


@contextlib.contextmanager
def decrypted(bundle: IO[bytes], identity: str) -> Iterator[io.RawIOBase]:
    """The plaintext of `bundle` as a readable stream, decrypted on a helper thread through a
    pipe (memory stays flat). A decryption failure surfaces as DamagedError, when the reader
    reaches the end of the stream or when the block ends."""
    read_fd, write_fd = os.pipe()
    _widen(write_fd)
    failure: list[BaseException] = []
    ident = pyrage.x25519.Identity.from_str(identity)

    def work() -> None:
        try:
            with open(write_fd, "wb", buffering=_PIECE) as sink:
                pyrage.decrypt_io(bundle, sink, [ident])
        except BaseException as err:  # reported to the reader below
            failure.append(err)

    thread = threading.Thread(target=work, name="bundle-decrypt", daemon=True)
    # "rb" with a buffer size gives a BufferedReader; typeshed only says BinaryIO for a non-literal size
    reader = cast(io.BufferedReader, open(read_fd, "rb", buffering=_PIECE))  # noqa: SIM115 - closed below
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

    def __init__(self, reader: io.BufferedReader, thread: threading.Thread, fail: Callable[[], None]) -> None:
        self._reader = reader
        self._thread = thread
        self._fail = fail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        n = self._reader.readinto(buffer)
        if not n:
            self._thread.join()
            self._fail()
            return 0
        return int(n)


class _Hashing:
    """Reads from `src`, hashing every byte (the signature covers the plaintext as framed)."""

    def __init__(self, src: IO[bytes] | io.RawIOBase) -> None:
        self._src = src
        self.sha256 = hashlib.sha256()

    def read(self, n: int) -> bytes:
        piece = self._src.read(n) or b""
        self.sha256.update(piece)
        return piece


Source = IO[bytes] | io.RawIOBase | _Hashing


def _read_exact(src: Source, n: int) -> bytes:
    parts: list[bytes] = []
    left = n
    while left:
        piece = src.read(min(left, _PIECE))
        if not piece:
            raise BundleError("cut short")
        parts.append(piece)
        left -= len(piece)
    return b"".join(parts)


def _frame(src: Source, expected: bytes) -> int:
    tag, size = _FRAME.unpack(_read_exact(src, _FRAME.size))
    if tag != expected:
        raise BundleError("unexpected frame")
    return int(size)


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise BundleError(what)


class DocumentStream(io.RawIOBase):
    """Exactly `size` bytes of one document, hashed as they are read."""

    def __init__(self, src: Source, size: int, progress: Progress | None) -> None:
        self._src = src
        self.left = size
        self.sha256 = hashlib.sha256()
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
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


_ESCAPED = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_EMPTY_PAIR = re.compile(rb"\[\]|\{\}")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def check_json_shape(body: bytes) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH or holding more than MAX_CONTAINERS lists and
    objects or MAX_VALUES values, before the parser sees it: the parser recurses per level and
    allocates per value, so a few megabytes could exhaust the stack or memory. Works on the
    text's skeleton (escapes, then strings, then all but brackets removed) with linear passes."""
    bare = _STRING.sub(b"", _ESCAPED.sub(b"", body))
    if bare.count(b",") > MAX_VALUES:
        raise BundleRefusedError(TOO_LARGE)
    brackets = bare.translate(None, _NOT_BRACKETS)
    if len(brackets) > 2 * MAX_CONTAINERS:
        raise BundleRefusedError(TOO_LARGE)
    for _ in range(MAX_DEPTH):
        if not brackets:
            return
        inner = _EMPTY_PAIR.sub(b"", brackets)
        if inner == brackets:  # unbalanced: not JSON at all, whatever its depth
            raise BundleError("manifest is not JSON")
        brackets = inner
    if brackets:
        raise BundleRefusedError(TOO_LARGE)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_manifest(body: bytes) -> Any:
    check_json_shape(body)
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):  # bad UTF-8, bad JSON, or an integer too long to read
        raise BundleError("manifest is not JSON") from None


def _check_magic(head: bytes) -> None:
    _require(head[: len(MAGIC_PREFIX)] == MAGIC_PREFIX, "not a handover bundle")
    if head[-1] < VERSION:
        raise BundleRefusedError(UNSIGNED)
    if head[-1] > VERSION:
        raise BundleRefusedError(NEWER)


def read_bundle(
    src: IO[bytes] | io.RawIOBase,
    on_document: Callable[[dict[str, Any], DocumentStream], None] | None = None,
    *,
    recipient: str,
    on_manifest: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[dict[str, Any], bytes]:
    """Parse the plaintext: check the magic and the manifest (`on_manifest` validates its
    records), hand each document's stream to `on_document` (which may read it; the rest is
    drained), check every document against its size and SHA-256, then the signature over it all
    for `recipient`, and that the end marker is last. Returns the manifest and the signer's
    public key. Any fault raises DamagedError with one sentence."""
    hashed = _Hashing(src)
    try:
        _check_magic(_read_exact(hashed, len(MAGIC)))
        size = _frame(hashed, b"M")
        if size > MAX_MANIFEST:
            raise BundleRefusedError(TOO_LARGE)
        manifest = parse_manifest(_read_exact(hashed, size))
        check_manifest(manifest)
        if on_manifest is not None:
            on_manifest(manifest)
        for doc in manifest["documents"]:
            _require(_frame(hashed, b"D") == doc["size"], "document size differs")
            stream = DocumentStream(hashed, doc["size"], None)
            if on_document is not None:
                on_document(doc, stream)
            stream.drain()
            if stream.sha256.hexdigest() != doc["sha256"]:
                raise DamagedError(
                    "A document in the bundle does not match its recorded fingerprint, so nothing "
                    "was imported."
                )
        digest = hashed.sha256.digest()
        tag, length = _FRAME.unpack(_read_exact(src, _FRAME.size))
        if tag != b"S" or length != _SIGNATURE_FRAME:
            raise BundleRefusedError(BAD_SIGNATURE)
        try:
            signer = signing.verify(_read_exact(src, _SIGNATURE_FRAME), VERSION, recipient, digest)
        except signing.SignatureError:
            raise BundleRefusedError(BAD_SIGNATURE) from None
        if manifest["signing_key"] != signer.hex():
            raise BundleRefusedError(
                "The bundle names a different sender from the key that signed it, so nothing was imported."
            )
        _require(_frame(src, b"Z") == 0 and not src.read(1), "data after the end")
    except (BundleError, KeyError, TypeError, struct.error):
        raise DamagedError(DAMAGED) from None
    return dict(manifest), signer


_HEX = re.compile(r"[0-9a-f]+")


def _hex(value: Any, length: int) -> bool:
    return isinstance(value, str) and len(value) == length and _HEX.fullmatch(value) is not None


def check_manifest(manifest: Any) -> None:
    """The manifest's frame-level shape: format and version, the signer it names, and each
    document's size and SHA-256 (what reading the frames relies on). The records themselves are
    checked by handover_manifest.validate."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError("not a handover manifest")
    version = manifest.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise BundleRefusedError(NEWER)
    if version != VERSION:
        raise BundleRefusedError(REFUSED + "its format version is not valid.")
    if not _hex(manifest.get("signing_key"), 2 * signing.PUBLIC_KEY_BYTES):
        raise BundleRefusedError(BAD_SIGNATURE)
    docs = manifest.get("documents")
    if not isinstance(docs, list) or len(docs) > MAX_DOCUMENTS:
        raise BundleRefusedError(REFUSED + "its list of documents is not valid.")
    for n, doc in enumerate(docs, 1):
        if not (
            isinstance(doc, dict)
            and isinstance(doc.get("size"), int)
            and not isinstance(doc["size"], bool)
            and 0 <= doc["size"] <= MAX_DOCUMENT_BYTES
            and _hex(doc.get("sha256"), 64)
        ):
            raise BundleRefusedError(REFUSED + f"the size or fingerprint of document {n} is not valid.")
