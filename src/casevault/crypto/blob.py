"""The attachment blob format: a fixed header, then AES-256-GCM in STREAM chunks (as age does).

    header (35 bytes)
      magic        8   b"CVFBLOB\\0"
      version      1   1
      chunk_log2   1   log2 of the plaintext chunk size, 16..24
      reserved     2   zero
      file_id     16   the attachment's id
      prefix       7   random nonce prefix
    chunks
      AES-256-GCM(file_key, nonce_i, plaintext_i, aad) = ciphertext_i || tag_i (16)
      nonce_i = prefix || u32be(i) || (0x01 if last else 0x00)
      aad     = b"casevault/v1/blob\\0" || vault_id(16) || case_id(16) || header

Every chunk but the last holds exactly chunk_size plaintext bytes; the last holds 1..chunk_size
bytes, or 0 only when the whole file is empty. Reordering breaks the counter, truncation at a
chunk boundary breaks the last-chunk flag, extension breaks the flag of the old last chunk, and a
blob moved to another file, case or vault breaks the AAD. All of them raise the same opaque
AuthenticationError.

Both directions stream through two reused buffers, so memory stays flat whatever the size.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casevault.core.errors import AuthenticationError
from casevault.crypto.keys import TAG_LEN, check_key

MAGIC: Final = b"CVFBLOB\x00"
VERSION: Final = 1
PREFIX_LEN: Final = 7
ID_LEN: Final = 16
HEADER = struct.Struct(">8sBBH16s7s")
HEADER_LEN: Final = HEADER.size
DEFAULT_CHUNK_LOG2: Final = 20  # 1 MiB: measured fastest here (see docs/ARCHITECTURE.md)
MIN_CHUNK_LOG2: Final = 16
MAX_CHUNK_LOG2: Final = 24
MAX_CHUNKS: Final = 2**32
AAD_DOMAIN: Final = b"casevault/v1/blob\x00"

Progress = Callable[[int], None]


class Writable(Protocol):
    def write(self, data: bytes | memoryview, /) -> object: ...


class Readable(Protocol):
    """Anything with readinto: files, BytesIO, raw pipes (which may return short reads)."""

    def readinto(self, buffer: memoryview, /) -> int | None: ...


@dataclass(frozen=True)
class BlobBinding:
    """The ids a blob is bound to; a blob only decrypts under the same three."""

    vault_id: bytes
    case_id: bytes
    file_id: bytes

    def __post_init__(self) -> None:
        for value in (self.vault_id, self.case_id, self.file_id):
            if len(value) != ID_LEN:
                raise ValueError("ids must be 16 bytes")


def ciphertext_size(plaintext_size: int, chunk_log2: int = DEFAULT_CHUNK_LOG2) -> int:
    chunk = 1 << chunk_log2
    chunks = max(1, -(-plaintext_size // chunk))
    return HEADER_LEN + plaintext_size + chunks * TAG_LEN


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    if counter >= MAX_CHUNKS:
        raise AuthenticationError()
    return prefix + struct.pack(">IB", counter, 1 if last else 0)


def _aad(binding: BlobBinding, header: bytes) -> bytes:
    return AAD_DOMAIN + binding.vault_id + binding.case_id + header


def _read_full(src: Readable, view: memoryview) -> int:
    """Fill `view` unless the stream ends first; returns the count (pipes give short reads)."""
    got = 0
    while got < len(view):
        n = src.readinto(view[got:])
        if not n:
            break
        got += n
    return got


def make_header(file_id: bytes, chunk_log2: int = DEFAULT_CHUNK_LOG2, prefix: bytes | None = None) -> bytes:
    if not MIN_CHUNK_LOG2 <= chunk_log2 <= MAX_CHUNK_LOG2:
        raise ValueError("chunk size out of range")
    prefix = os.urandom(PREFIX_LEN) if prefix is None else prefix
    if len(prefix) != PREFIX_LEN or len(file_id) != ID_LEN:
        raise ValueError("bad prefix or file id length")
    return HEADER.pack(MAGIC, VERSION, chunk_log2, 0, file_id, prefix)


def parse_header(header: bytes, expected_file_id: bytes) -> tuple[int, bytes]:
    """Returns (chunk_log2, prefix). A header that is not ours, or names another file, fails the
    same way a bad tag does: the caller learns only that the blob is not authentic."""
    if len(header) != HEADER_LEN:
        raise AuthenticationError()
    magic, version, chunk_log2, reserved, file_id, prefix = HEADER.unpack(header)
    if (
        magic != MAGIC
        or version != VERSION
        or reserved != 0
        or not MIN_CHUNK_LOG2 <= chunk_log2 <= MAX_CHUNK_LOG2
        or file_id != expected_file_id
    ):
        raise AuthenticationError()
    return chunk_log2, prefix


def encrypt_stream(
    key: bytes,
    binding: BlobBinding,
    src: Readable,
    dst: Writable,
    *,
    chunk_log2: int = DEFAULT_CHUNK_LOG2,
    prefix: bytes | None = None,
    progress: Progress | None = None,
) -> int:
    """Encrypt all of `src` into `dst`; returns the plaintext size. `progress(done)` may raise to
    cancel (the caller then discards `dst`)."""
    check_key(key)
    header = make_header(binding.file_id, chunk_log2, prefix)
    _, prefix = parse_header(header, binding.file_id)
    aad = _aad(binding, header)
    aead = AESGCM(key)
    chunk = 1 << chunk_log2
    bufs = (bytearray(chunk), bytearray(chunk))
    out = bytearray(chunk + TAG_LEN)
    dst.write(header)

    current = memoryview(bufs[0])
    filled = _read_full(src, current)
    counter = 0
    total = 0
    while True:
        following = memoryview(bufs[(counter + 1) % 2])
        next_filled = _read_full(src, following) if filled == chunk else 0
        last = next_filled == 0
        sealed = memoryview(out)[: filled + TAG_LEN]
        aead.encrypt_into(_nonce(prefix, counter, last), current[:filled], aad, sealed)
        dst.write(sealed)
        total += filled
        if progress is not None:
            progress(total)
        if last:
            return total
        current, filled = following, next_filled
        counter += 1


def decrypt_chunks(key: bytes, binding: BlobBinding, src: Readable) -> Iterator[memoryview]:
    """Yield authenticated plaintext chunk by chunk. Each view is only valid until the next one
    is requested (the buffer is reused); a failure anywhere raises AuthenticationError."""
    check_key(key)
    header_buf = bytearray(HEADER_LEN)
    header = bytes(header_buf[: _read_full(src, memoryview(header_buf))])
    chunk_log2, prefix = parse_header(header, binding.file_id)
    aad = _aad(binding, header)
    aead = AESGCM(key)
    sealed = (1 << chunk_log2) + TAG_LEN
    bufs = (bytearray(sealed), bytearray(sealed))
    plain = bytearray(1 << chunk_log2)

    current = memoryview(bufs[0])
    filled = _read_full(src, current)
    counter = 0
    while True:
        following = memoryview(bufs[(counter + 1) % 2])
        next_filled = _read_full(src, following) if filled == sealed else 0
        last = next_filled == 0
        if filled < TAG_LEN or (last and filled == TAG_LEN and counter > 0):
            raise AuthenticationError()
        opened = memoryview(plain)[: filled - TAG_LEN]
        try:
            aead.decrypt_into(_nonce(prefix, counter, last), current[:filled], aad, opened)
        except InvalidTag:
            raise AuthenticationError() from None
        yield opened
        if last:
            return
        current, filled = following, next_filled
        counter += 1


def decrypt_stream(
    key: bytes,
    binding: BlobBinding,
    src: Readable,
    dst: Writable,
    *,
    progress: Progress | None = None,
) -> int:
    """Decrypt into `dst`. Plaintext reaches `dst` before the final chunk is checked, so `dst`
    must be something the caller discards on error (an anonymous temp file, a buffer)."""
    total = 0
    for piece in decrypt_chunks(key, binding, src):
        dst.write(piece)
        total += len(piece)
        if progress is not None:
            progress(total)
    return total


def verify_stream(key: bytes, binding: BlobBinding, src: Readable) -> int:
    """Authenticate every chunk without keeping any plaintext; returns the plaintext size."""
    return sum(len(piece) for piece in decrypt_chunks(key, binding, src))
