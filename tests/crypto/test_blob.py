"""The attachment blob format (crypto/blob.py): known answers, an independent reference
implementation written only from the module docstring, round trips, tamper cases, streaming."""

from __future__ import annotations

import hashlib
import io
import itertools
import random
import struct
import tracemalloc
from pathlib import Path
from typing import BinaryIO, cast

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casevault.core.errors import AuthenticationError
from casevault.crypto import blob
from casevault.crypto.blob import BlobBinding, ciphertext_size, decrypt_chunks, decrypt_stream, encrypt_stream

KEY = bytes(range(32))
PREFIX = bytes.fromhex("a0a1a2a3a4a5a6")
VAULT_ID = bytes(range(0x10, 0x20))
CASE_ID = bytes(range(0x20, 0x30))
FILE_ID = bytes(range(0x30, 0x40))
BINDING = BlobBinding(VAULT_ID, CASE_ID, FILE_ID)
SMALL = 16  # chunk_log2 used by most tests: 64 KiB chunks keep them fast
CHUNK = 1 << SMALL
SEALED = CHUNK + 16
HDR = 35


# --------------------------------------------------------------------------------------------
# An independent reference implementation, written from the format description in blob.py's
# docstring only: it uses AESGCM directly and imports nothing from casevault.crypto.blob.
# --------------------------------------------------------------------------------------------


class RefError(Exception):
    pass


def ref_header(file_id: bytes, chunk_log2: int, prefix: bytes) -> bytes:
    return b"CVFBLOB\x00" + bytes([1, chunk_log2]) + b"\x00\x00" + file_id + prefix


def ref_nonce(prefix: bytes, i: int, last: bool) -> bytes:
    return prefix + i.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def ref_aad(vault_id: bytes, case_id: bytes, header: bytes) -> bytes:
    return b"casevault/v1/blob\x00" + vault_id + case_id + header


def ref_encrypt(
    key: bytes,
    vault_id: bytes,
    case_id: bytes,
    file_id: bytes,
    prefix: bytes,
    chunk_log2: int,
    plaintext: bytes,
) -> bytes:
    header = ref_header(file_id, chunk_log2, prefix)
    aad = ref_aad(vault_id, case_id, header)
    size = 1 << chunk_log2
    pieces = [plaintext[i : i + size] for i in range(0, len(plaintext), size)] or [b""]
    aead = AESGCM(key)
    out = [header]
    for i, piece in enumerate(pieces):
        out.append(aead.encrypt(ref_nonce(prefix, i, i == len(pieces) - 1), piece, aad))
    return b"".join(out)


def ref_decrypt(key: bytes, vault_id: bytes, case_id: bytes, file_id: bytes, data: bytes) -> bytes:
    header, body = data[:35], data[35:]
    if len(header) != 35 or header[:8] != b"CVFBLOB\x00" or header[8] != 1 or header[10:12] != b"\0\0":
        raise RefError("bad header")
    chunk_log2 = header[9]
    if not 16 <= chunk_log2 <= 24 or header[12:28] != file_id:
        raise RefError("bad header")
    prefix = header[28:35]
    sealed = (1 << chunk_log2) + 16
    pieces = [body[i : i + sealed] for i in range(0, len(body), sealed)]
    if not pieces:
        raise RefError("no chunks")
    if len(pieces) > 1 and len(pieces[-1]) == 16:
        raise RefError("an empty last chunk is only allowed for an empty file")
    aead = AESGCM(key)
    aad = ref_aad(vault_id, case_id, header)
    out = []
    for i, piece in enumerate(pieces):
        try:
            out.append(aead.decrypt(ref_nonce(prefix, i, i == len(pieces) - 1), piece, aad))
        except InvalidTag:
            raise RefError("bad tag") from None
    return b"".join(out)


def ref_encrypt_default(plaintext: bytes, chunk_log2: int = SMALL) -> bytes:
    return ref_encrypt(KEY, VAULT_ID, CASE_ID, FILE_ID, PREFIX, chunk_log2, plaintext)


def ref_decrypt_default(data: bytes) -> bytes:
    return ref_decrypt(KEY, VAULT_ID, CASE_ID, FILE_ID, data)


# --------------------------------------------------------------------------------------------
# Helpers around the product API
# --------------------------------------------------------------------------------------------


def pattern(n: int) -> bytes:
    """Deterministic, non-repeating-at-chunk-size plaintext."""
    return bytes(i % 251 for i in range(n))


def encrypt(
    plaintext: bytes,
    *,
    key: bytes = KEY,
    binding: BlobBinding = BINDING,
    chunk_log2: int = SMALL,
    prefix: bytes | None = PREFIX,
) -> bytes:
    out = io.BytesIO()
    n = encrypt_stream(key, binding, io.BytesIO(plaintext), out, chunk_log2=chunk_log2, prefix=prefix)
    assert n == len(plaintext)
    return out.getvalue()


def decrypt(data: bytes, *, key: bytes = KEY, binding: BlobBinding = BINDING) -> bytes:
    out = io.BytesIO()
    n = decrypt_stream(key, binding, io.BytesIO(data), out)
    assert n == len(out.getvalue())
    return out.getvalue()


def assert_rejected(data: bytes, *, key: bytes = KEY, binding: BlobBinding = BINDING) -> None:
    """Every entry point refuses `data` with exactly the one opaque error."""
    with pytest.raises(AuthenticationError) as info:
        decrypt(data, key=key, binding=binding)
    assert type(info.value) is AuthenticationError
    with pytest.raises(AuthenticationError) as info:
        blob.verify_stream(key, binding, io.BytesIO(data))
    assert type(info.value) is AuthenticationError
    with pytest.raises(AuthenticationError):
        for _ in decrypt_chunks(key, binding, io.BytesIO(data)):
            pass


def chunks_of(data: bytes, chunk_log2: int = SMALL) -> tuple[bytes, list[bytes]]:
    sealed = (1 << chunk_log2) + 16
    body = data[HDR:]
    return data[:HDR], [body[i : i + sealed] for i in range(0, len(body), sealed)]


def flip(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


# --------------------------------------------------------------------------------------------
# Known answers
# --------------------------------------------------------------------------------------------

# (plaintext size, chunk_log2, sha256 of the whole blob, first 48 bytes of the blob in hex).
# Frozen from this implementation and cross-checked against the reference encryptor above.
HEADER_HEX = (
    "435646424c4f4200"  # b"CVFBLOB\0"
    "01"  # version
    "10"  # chunk_log2 = 16
    "0000"  # reserved
    "303132333435363738393a3b3c3d3e3f"  # file id
    "a0a1a2a3a4a5a6"  # nonce prefix
)
VECTORS = [
    (
        0,
        SMALL,
        "82b098fffeeb000e6946a663318583d8314b7c5abb1dce63dc967e3cc2eb5a96",
        HEADER_HEX + "cf290068bd481a5ade978e9d46",
    ),
    (
        5,
        SMALL,
        "44584275f7fb5f787304aa6e57af53e6a0c0cd9e628eb90032f82ea51cfa51af",
        HEADER_HEX + "1f042572d7aceb22107bac2912",
    ),
    (
        2 * CHUNK + 3,
        SMALL,
        "20c55500a07b5cfd164dec6b6ef93fbbaa991bb248088714c8fe8f53c19f09b6",
        HEADER_HEX + "0ad01eaa9251433a642ace8b95",
    ),
]

VECTOR_IDS = ["empty", "hello", "2 chunks + 3"]


def vector_plaintext(size: int) -> bytes:
    return b"hello" if size == 5 else pattern(size)


@pytest.mark.parametrize(("size", "chunk_log2", "digest", "head"), VECTORS, ids=VECTOR_IDS)
def test_known_answer(size: int, chunk_log2: int, digest: str, head: str) -> None:
    plaintext = vector_plaintext(size)
    data = encrypt(plaintext, chunk_log2=chunk_log2)
    assert data[:HDR].hex() == HEADER_HEX
    assert data[:48].hex() == head
    assert hashlib.sha256(data).hexdigest() == digest
    assert len(data) == ciphertext_size(size, chunk_log2)
    assert decrypt(data) == plaintext


@pytest.mark.parametrize(("size", "chunk_log2", "digest", "head"), VECTORS, ids=VECTOR_IDS)
def test_reference_implementation_matches(size: int, chunk_log2: int, digest: str, head: str) -> None:
    """The docstring is enough to write a compatible encryptor and decryptor."""
    plaintext = vector_plaintext(size)
    ours = encrypt(plaintext, chunk_log2=chunk_log2)
    theirs = ref_encrypt_default(plaintext, chunk_log2)
    assert theirs == ours
    assert hashlib.sha256(theirs).hexdigest() == digest
    assert ref_decrypt_default(ours) == plaintext
    assert decrypt(theirs) == plaintext


def test_reference_matches_at_default_chunk_size() -> None:
    plaintext = pattern((1 << 20) + 17)
    ours = encrypt(plaintext, chunk_log2=blob.DEFAULT_CHUNK_LOG2)
    assert ours[9] == 20
    assert ours == ref_encrypt_default(plaintext, 20)
    assert ref_decrypt_default(ours) == plaintext


def test_header_layout_constants() -> None:
    assert blob.HEADER_LEN == HDR
    assert blob.DEFAULT_CHUNK_LOG2 == 20
    header = blob.make_header(FILE_ID, SMALL, PREFIX)
    assert header == ref_header(FILE_ID, SMALL, PREFIX)
    assert blob.parse_header(header, FILE_ID) == (SMALL, PREFIX)


def test_random_prefix_differs_between_encryptions() -> None:
    a = encrypt(b"same plaintext", prefix=None)
    b = encrypt(b"same plaintext", prefix=None)
    assert a[28:35] != b[28:35]
    assert a != b
    assert decrypt(a) == decrypt(b) == b"same plaintext"


# --------------------------------------------------------------------------------------------
# Round trips
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 12345], ids=lambda n: f"n={n}"
)
def test_round_trip(size: int) -> None:
    plaintext = random.Random(size).randbytes(size)
    data = encrypt(plaintext)
    assert len(data) == ciphertext_size(size, SMALL)
    assert decrypt(data) == plaintext
    assert blob.verify_stream(KEY, BINDING, io.BytesIO(data)) == size
    assert ref_decrypt_default(data) == plaintext


def test_round_trip_default_chunk_size() -> None:
    size = 2 * (1 << 20) + 1
    plaintext = random.Random(7).randbytes(size)
    out = io.BytesIO()
    encrypt_stream(KEY, BINDING, io.BytesIO(plaintext), out)
    data = out.getvalue()
    assert data[9] == blob.DEFAULT_CHUNK_LOG2
    assert len(data) == ciphertext_size(size) == HDR + size + 3 * 16
    assert decrypt(data) == plaintext


@pytest.mark.parametrize(
    ("size", "chunk_log2", "expected"),
    [
        (0, 16, 35 + 16),
        (1, 16, 35 + 1 + 16),
        (CHUNK, 16, 35 + CHUNK + 16),
        (CHUNK + 1, 16, 35 + CHUNK + 1 + 32),
        (1 << 20, 20, 35 + (1 << 20) + 16),
        ((1 << 20) + 1, 20, 35 + (1 << 20) + 1 + 32),
    ],
)
def test_ciphertext_size(size: int, chunk_log2: int, expected: int) -> None:
    assert ciphertext_size(size, chunk_log2) == expected


def test_decrypt_chunks_yields_chunk_sized_pieces() -> None:
    plaintext = pattern(2 * CHUNK + 3)
    pieces = [bytes(p) for p in decrypt_chunks(KEY, BINDING, io.BytesIO(encrypt(plaintext)))]
    assert [len(p) for p in pieces] == [CHUNK, CHUNK, 3]
    assert b"".join(pieces) == plaintext


@pytest.mark.parametrize("chunk_log2", [15, 25])
def test_chunk_size_out_of_range_is_refused(chunk_log2: int) -> None:
    with pytest.raises(ValueError, match="chunk size"):
        encrypt(b"x", chunk_log2=chunk_log2)


def test_bad_ids_prefix_and_key_are_refused() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        BlobBinding(VAULT_ID, CASE_ID, FILE_ID[:15])
    with pytest.raises(ValueError, match="16 bytes"):
        BlobBinding(VAULT_ID + b"x", CASE_ID, FILE_ID)
    with pytest.raises(ValueError, match="prefix"):
        encrypt(b"x", prefix=PREFIX[:6])
    with pytest.raises(ValueError, match="32 bytes"):
        encrypt(b"x", key=KEY[:16])
    with pytest.raises(ValueError, match="32 bytes"):
        decrypt(encrypt(b"x"), key=KEY[:16])


# --------------------------------------------------------------------------------------------
# Property tests
# --------------------------------------------------------------------------------------------

BOUNDARIES = sorted({max(0, k * CHUNK + d) for k in range(5) for d in (-1, 0, 1)})
sizes = st.one_of(st.integers(0, 5 * CHUNK), st.sampled_from(BOUNDARIES))
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@PROPERTY
@given(size=sizes, seed=st.integers(0, 2**32), chunk_log2=st.sampled_from([16, 17]))
def test_property_round_trip(size: int, seed: int, chunk_log2: int) -> None:
    plaintext = random.Random(seed).randbytes(size)
    data = encrypt(plaintext, chunk_log2=chunk_log2, prefix=None)
    assert len(data) == ciphertext_size(size, chunk_log2)
    assert decrypt(data) == plaintext
    assert ref_decrypt_default(data) == plaintext


@PROPERTY
@given(size=sizes, chunk_log2=st.sampled_from([16, 17]), data=st.data())
def test_property_any_bit_flip_fails(size: int, chunk_log2: int, data: st.DataObject) -> None:
    blob_bytes = encrypt(pattern(size), chunk_log2=chunk_log2)
    bit = data.draw(st.integers(0, len(blob_bytes) * 8 - 1), label="bit")
    assert_rejected(flip(blob_bytes, bit))


@PROPERTY
@given(size=sizes, chunk_log2=st.sampled_from([16, 17]), data=st.data())
def test_property_any_truncation_fails(size: int, chunk_log2: int, data: st.DataObject) -> None:
    blob_bytes = encrypt(pattern(size), chunk_log2=chunk_log2)
    cut = data.draw(st.integers(0, len(blob_bytes) - 1), label="cut")
    assert_rejected(blob_bytes[:cut])


# --------------------------------------------------------------------------------------------
# Tamper cases: each raises exactly AuthenticationError
# --------------------------------------------------------------------------------------------

THREE = pattern(2 * CHUNK + 3)  # two full chunks and a 3-byte last chunk


@pytest.fixture(scope="module")
def three() -> bytes:
    return encrypt(THREE)


@pytest.mark.parametrize(
    ("field", "bit"),
    [
        ("magic", 0),
        ("magic", 7 * 8),  # the NUL at the end of the magic
        ("version", 8 * 8),
        ("version", 8 * 8 + 1),
        ("chunk_log2 -> 17", 9 * 8),
        ("chunk_log2 -> 24", 9 * 8 + 3),
        ("chunk_log2 -> 0", 9 * 8 + 4),
        ("reserved", 10 * 8),
        ("reserved", 11 * 8 + 7),
        ("file id", 12 * 8),
        ("file id", 27 * 8 + 7),
        ("prefix", 28 * 8),
        ("prefix", 34 * 8 + 7),
    ],
)
def test_header_bit_flip(three: bytes, field: str, bit: int) -> None:
    assert_rejected(flip(three, bit))


@pytest.mark.parametrize(
    "offset",
    [
        HDR,  # first ciphertext byte
        HDR + CHUNK - 1,  # last ciphertext byte of chunk 0
        HDR + CHUNK,  # first tag byte of chunk 0
        HDR + SEALED - 1,  # last tag byte of chunk 0
        HDR + SEALED + 100,  # chunk 1 body
        HDR + 2 * SEALED,  # chunk 2 (last) body
        HDR + 2 * SEALED + 3 + 15,  # last byte of the final tag
    ],
)
def test_body_and_tag_bit_flip(three: bytes, offset: int) -> None:
    assert_rejected(flip(three, offset * 8 + 2))


def test_truncation_at_chunk_boundary(three: bytes) -> None:
    header, chunks = chunks_of(three)
    assert_rejected(header + chunks[0] + chunks[1])
    assert_rejected(header + chunks[0])


def test_truncation_mid_chunk(three: bytes) -> None:
    assert_rejected(three[:-1])
    assert_rejected(three[: HDR + SEALED + 1000])
    assert_rejected(three[: HDR + 10])


def test_truncation_of_a_blob_of_whole_chunks() -> None:
    data = encrypt(pattern(2 * CHUNK))
    header, chunks = chunks_of(data)
    assert len(chunks) == 2
    assert_rejected(header + chunks[0])


def test_reordered_chunks(three: bytes) -> None:
    header, c = chunks_of(three)
    assert_rejected(header + c[1] + c[0] + c[2])


def test_duplicated_chunk(three: bytes) -> None:
    header, c = chunks_of(three)
    assert_rejected(header + c[0] + c[0] + c[1] + c[2])
    assert_rejected(header + c[0] + c[1] + c[1] + c[2])
    assert_rejected(header + c[0] + c[1] + c[2] + c[2])


def test_extension_with_garbage(three: bytes) -> None:
    assert_rejected(three + b"\x00")
    assert_rejected(three + bytes(16))
    assert_rejected(three + random.Random(1).randbytes(SEALED))
    full = encrypt(pattern(CHUNK))
    assert_rejected(full + bytes(16))
    assert_rejected(full + b"garbage")


def test_extension_with_a_valid_looking_extra_chunk(three: bytes) -> None:
    """Chunk 2 of `three` is a genuine last chunk for counter 2 under the same header; appending
    it to a two-chunk blob with the same header must still fail (the old last flag breaks)."""
    shorter = encrypt(THREE[: 2 * CHUNK])
    header, short_chunks = chunks_of(shorter)
    _, long_chunks = chunks_of(three)
    assert header == three[:HDR]
    assert decrypt(shorter) == THREE[: 2 * CHUNK]
    assert_rejected(shorter + long_chunks[2])
    # and the converse: the last chunk of the shorter blob cannot replace a middle chunk
    assert_rejected(header + long_chunks[0] + short_chunks[1] + long_chunks[2])


def test_empty_last_chunk_after_full_chunks_is_refused() -> None:
    """The format allows an empty last chunk only for an empty file. Build, with the key, a blob
    that ends in an authentic empty last chunk: it must still be refused."""
    plaintext = pattern(2 * CHUNK)
    header = ref_header(FILE_ID, SMALL, PREFIX)
    aad = ref_aad(VAULT_ID, CASE_ID, header)
    aead = AESGCM(KEY)
    odd = header + b"".join(
        [
            aead.encrypt(ref_nonce(PREFIX, 0, False), plaintext[:CHUNK], aad),
            aead.encrypt(ref_nonce(PREFIX, 1, False), plaintext[CHUNK:], aad),
            aead.encrypt(ref_nonce(PREFIX, 2, True), b"", aad),
        ]
    )
    assert_rejected(odd)


@pytest.mark.parametrize(
    "other",
    [
        BlobBinding(VAULT_ID, CASE_ID, bytes(16)),
        BlobBinding(VAULT_ID, bytes(16), FILE_ID),
        BlobBinding(bytes(16), CASE_ID, FILE_ID),
    ],
    ids=["other file", "other case", "other vault"],
)
def test_blob_under_another_binding(three: bytes, other: BlobBinding) -> None:
    assert_rejected(three, binding=other)


def test_blob_swapped_between_files_even_with_header_rewritten() -> None:
    """An attacker who also rewrites the file id in the header still fails the AAD check."""
    a = encrypt(b"letter A", binding=BlobBinding(VAULT_ID, CASE_ID, b"A" * 16))
    b_binding = BlobBinding(VAULT_ID, CASE_ID, b"B" * 16)
    assert_rejected(a, binding=b_binding)
    rewritten = a[:12] + b"B" * 16 + a[28:]
    assert_rejected(rewritten, binding=b_binding)


@pytest.mark.parametrize(
    "target",
    [BlobBinding(VAULT_ID, b"c" * 16, FILE_ID), BlobBinding(b"v" * 16, CASE_ID, FILE_ID)],
    ids=["case swap", "vault swap"],
)
def test_blob_swapped_between_cases_and_vaults(target: BlobBinding) -> None:
    data = encrypt(pattern(CHUNK + 5))
    # same key, same file id, same header: only the vault/case ids in the AAD differ
    assert decrypt(data) == pattern(CHUNK + 5)
    assert_rejected(data, binding=target)


def test_wrong_key(three: bytes) -> None:
    assert_rejected(three, key=bytes(32))
    assert_rejected(encrypt(b""), key=KEY[:31] + b"\xff")


def test_empty_input_and_header_only() -> None:
    assert_rejected(b"")
    assert_rejected(encrypt(b"")[:HDR])
    assert_rejected(encrypt(b"")[:HDR] + bytes(15))


def test_not_a_blob_at_all() -> None:
    assert_rejected(b"%PDF-1.7\n" + bytes(100))


def test_decrypt_stream_fails_even_after_yielding_earlier_chunks(three: bytes) -> None:
    """decrypt_chunks yields chunk 0 before it can see that chunk 2 is damaged; the overall
    operation must still raise, and what was yielded is only the authentic first chunk."""
    damaged = flip(three, (len(three) - 1) * 8)
    seen: list[bytes] = []
    with pytest.raises(AuthenticationError):
        for piece in decrypt_chunks(KEY, BINDING, io.BytesIO(damaged)):
            seen.append(bytes(piece))
    assert seen == [THREE[:CHUNK], THREE[CHUNK : 2 * CHUNK]]
    sink = io.BytesIO()
    with pytest.raises(AuthenticationError):
        decrypt_stream(KEY, BINDING, io.BytesIO(damaged), sink)
    with pytest.raises(AuthenticationError):
        blob.verify_stream(KEY, BINDING, io.BytesIO(damaged))


def test_authentication_error_is_opaque(three: bytes) -> None:
    """A wrong key, a flipped bit and a truncation give the same message."""
    messages = set()
    for data, key in ((three, bytes(32)), (flip(three, 9000), KEY), (three[:-20], KEY)):
        with pytest.raises(AuthenticationError) as info:
            decrypt(data, key=key)
        messages.add(str(info.value))
    assert len(messages) == 1


# --------------------------------------------------------------------------------------------
# Streaming and memory
# --------------------------------------------------------------------------------------------


class GeneratedSource(io.RawIOBase):
    """Produces `size` deterministic bytes on the fly, without holding them."""

    def __init__(self, size: int, *, max_read: int | None = None) -> None:
        self.remaining = size
        self.offset = 0
        self.max_read = max_read
        self.hash = hashlib.sha256()
        self.block = random.Random(99).randbytes(65521)  # a prime length: misaligned with chunks
        self.calls = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self.calls += 1
        view = memoryview(buffer).cast("B")
        n = min(len(view), self.remaining)
        if self.max_read is not None:
            n = min(n, self.max_read)
        done = 0
        while done < n:
            start = (self.offset + done) % len(self.block)
            take = min(n - done, len(self.block) - start)
            view[done : done + take] = self.block[start : start + take]
            done += take
        self.hash.update(view[:n])
        self.offset += n
        self.remaining -= n
        return n


def as_binary(stream: io.RawIOBase) -> BinaryIO:
    """The API is typed BinaryIO but only needs read/readinto; raw streams are what pipes give."""
    return cast(BinaryIO, stream)


class HashSink:
    def __init__(self) -> None:
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes | memoryview) -> int:
        self.hash.update(data)
        self.size += len(data)
        return len(data)


class ShortReader(io.RawIOBase):
    """A pipe-like reader: at most `max_read` bytes per call, from an in-memory buffer."""

    def __init__(self, data: bytes, max_read: int) -> None:
        self.data = memoryview(data)
        self.pos = 0
        self.max_read = max_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        n = min(len(view), self.max_read, len(self.data) - self.pos)
        view[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n


def test_streaming_memory_is_flat(tmp_path: Path) -> None:
    size = 64 * 1024 * 1024 + 12345
    source = GeneratedSource(size)
    path = tmp_path / "big.cvf"
    # encrypt with the default 1 MiB chunks, straight to a file
    tracemalloc.start()
    try:
        with path.open("wb", buffering=0) as fh:
            assert encrypt_stream(KEY, BINDING, as_binary(source), fh) == size
        _, enc_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        sink = HashSink()
        with path.open("rb", buffering=0) as fh:
            assert decrypt_stream(KEY, BINDING, fh, sink) == size
        _, dec_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert path.stat().st_size == ciphertext_size(size)
    assert sink.size == size
    assert sink.hash.digest() == source.hash.digest()
    assert enc_peak < 8 * 1024 * 1024, enc_peak
    assert dec_peak < 8 * 1024 * 1024, dec_peak


def test_short_reads_round_trip() -> None:
    plaintext = pattern(3 * CHUNK + 777)
    source = as_binary(ShortReader(plaintext, 1000))
    out = io.BytesIO()
    assert encrypt_stream(KEY, BINDING, source, out, chunk_log2=SMALL, prefix=PREFIX) == len(plaintext)
    data = out.getvalue()
    assert data == encrypt(plaintext)  # short reads do not change the chunking
    sink = io.BytesIO()
    assert decrypt_stream(KEY, BINDING, as_binary(ShortReader(data, 1000)), sink) == len(plaintext)
    assert sink.getvalue() == plaintext


def test_tiny_reads_round_trip() -> None:
    """A raw stream may return fewer bytes than asked for anywhere, including in the header."""
    plaintext = pattern(CHUNK + 5)
    data = encrypt(plaintext)
    out = io.BytesIO()
    encrypt_stream(KEY, BINDING, as_binary(ShortReader(plaintext, 7)), out, chunk_log2=SMALL, prefix=PREFIX)
    assert out.getvalue() == data
    sink = io.BytesIO()
    decrypt_stream(KEY, BINDING, as_binary(ShortReader(data, 7)), sink)
    assert sink.getvalue() == plaintext


# --------------------------------------------------------------------------------------------
# Progress and cancellation
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 5, CHUNK, 3 * CHUNK + 1])
def test_progress_is_monotonic_and_ends_at_size(size: int) -> None:
    plaintext = pattern(size)
    seen: list[int] = []
    out = io.BytesIO()
    encrypt_stream(KEY, BINDING, io.BytesIO(plaintext), out, chunk_log2=SMALL, progress=seen.append)
    assert seen
    assert seen == sorted(seen)
    assert seen[-1] == size
    assert len(seen) == max(1, -(-size // CHUNK))
    assert all(b > a for a, b in itertools.pairwise(seen))

    back: list[int] = []
    decrypt_stream(KEY, BINDING, io.BytesIO(out.getvalue()), io.BytesIO(), progress=back.append)
    assert back == seen


class CancelledError(Exception):
    pass


def test_progress_exception_cancels_encryption() -> None:
    plaintext = pattern(4 * CHUNK)
    out = io.BytesIO()
    calls: list[int] = []

    def progress(done: int) -> None:
        calls.append(done)
        if done >= 2 * CHUNK:
            raise CancelledError

    with pytest.raises(CancelledError):
        encrypt_stream(KEY, BINDING, io.BytesIO(plaintext), out, chunk_log2=SMALL, progress=progress)
    assert calls == [CHUNK, 2 * CHUNK]
    # nothing past the cancelled chunk was written
    assert len(out.getvalue()) == HDR + 2 * SEALED


def test_progress_exception_cancels_decryption() -> None:
    data = encrypt(pattern(4 * CHUNK))

    def progress(done: int) -> None:
        if done >= CHUNK:
            raise CancelledError

    sink = io.BytesIO()
    with pytest.raises(CancelledError):
        decrypt_stream(KEY, BINDING, io.BytesIO(data), sink, progress=progress)
    assert len(sink.getvalue()) == CHUNK


def test_nonce_layout() -> None:
    """The per-chunk nonce is prefix || u32be(counter) || last flag, as documented."""
    data = encrypt(pattern(CHUNK + 1))
    header, (c0, c1) = chunks_of(data)
    aad = ref_aad(VAULT_ID, CASE_ID, header)
    aead = AESGCM(KEY)
    assert aead.decrypt(PREFIX + struct.pack(">IB", 0, 0), c0, aad) == pattern(CHUNK)
    assert aead.decrypt(PREFIX + struct.pack(">IB", 1, 1), c1, aad) == pattern(CHUNK + 1)[CHUNK:]
