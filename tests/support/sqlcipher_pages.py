"""An independent SQLCipher 4 page decryptor, for tests that look at every byte on disk.

It uses `cryptography` only (never sqlcipher3), so a test that relies on it does not trust the
library it is checking. Written from SQLCipher 4's defaults and its source
(sqlcipher/sqlcipher `sqlcipher_cipher_ctx_key_derive`, `sqlcipher_page_cipher`,
`sqlcipher_page_hmac`):

- page size 4096; every page ends in an 80-byte reserve: IV(16) ‖ HMAC-SHA512(64).
- Page 1 starts with the 16-byte KDF salt in clear (it replaces "SQLite format 3\\0"); the
  encrypted part of page 1 is bytes 16..4016. Other pages encrypt bytes 0..4016.
- A raw key (`x'<64 hex>'`) is the AES-256 key itself: no PBKDF2 for the encryption key.
- HMAC key = PBKDF2-HMAC-SHA512(password = encryption key, salt = file salt XOR 0x3a per byte,
  iterations = 2, length = 32).
- HMAC = HMAC-SHA512(HMAC key, ciphertext ‖ IV ‖ uint32_le(page number)).
- In `-wal`, each frame's page is encrypted exactly as in the main file, page 1 included (its
  frame also begins with the salt): the pager runs every WAL frame through the same codec.

Every page's HMAC is verified before it is decrypted, so a wrong key, a wrong offset or a
misread layout fails loudly instead of yielding noise that a search would "pass" on.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
import unicodedata
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
SALT_SIZE = 16
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = 80  # IV + HMAC, already a multiple of the AES block size
HMAC_SALT_MASK = 0x3A
FAST_KDF_ITER = 2
WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24
WAL_MAGIC = (0x377F0682, 0x377F0683)


class PageAuthError(Exception):
    """A page's HMAC does not match: wrong key, wrong layout, or a damaged page."""


def hmac_key(key: bytes, salt: bytes) -> bytes:
    masked = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac("sha512", key, masked, FAST_KDF_ITER, dklen=len(key))


def file_salt(db_path: Path) -> bytes:
    with open(db_path, "rb") as f:
        salt = f.read(SALT_SIZE)
    if len(salt) != SALT_SIZE:
        raise ValueError("the database file is shorter than its salt")
    return salt


def decrypt_page(raw: bytes, pgno: int, key: bytes, mac_key: bytes) -> bytes:
    """One on-disk page → the plaintext SQLite page. For page 1 the first 16 bytes of the result
    are zero (the salt stands where SQLite's magic string would be); the reserve is zeroed too."""
    if len(raw) != PAGE_SIZE:
        raise ValueError(f"page {pgno} is {len(raw)} bytes, not {PAGE_SIZE}")
    start = SALT_SIZE if pgno == 1 else 0
    end = PAGE_SIZE - RESERVE
    ciphertext = raw[start:end]
    iv = raw[end : end + IV_SIZE]
    tag = raw[end + IV_SIZE : end + IV_SIZE + HMAC_SIZE]
    expected = hmac.new(mac_key, ciphertext + iv + struct.pack("<I", pgno), hashlib.sha512).digest()
    if not hmac.compare_digest(tag, expected):
        raise PageAuthError(f"HMAC check failed for page {pgno}")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    body = decryptor.update(ciphertext) + decryptor.finalize()
    return bytes(start) + body + bytes(RESERVE)


def decrypt_db_pages(path: Path, key: bytes) -> list[bytes]:
    """Every 4096-byte block of the main file, decrypted: live, free-list and overflow pages alike
    (SQLCipher encrypts each page the same whatever SQLite uses it for). Index i is page i + 1."""
    raw = Path(path).read_bytes()
    if len(raw) % PAGE_SIZE:
        raise ValueError(f"{path} is {len(raw)} bytes, not a whole number of pages")
    salt = raw[:SALT_SIZE]
    mac_key = hmac_key(key, salt)
    return [
        decrypt_page(raw[offset : offset + PAGE_SIZE], offset // PAGE_SIZE + 1, key, mac_key)
        for offset in range(0, len(raw), PAGE_SIZE)
    ]


def decrypt_wal_frames(path: Path, key: bytes, salt: bytes) -> list[tuple[int, bytes]]:
    """Every whole frame of a `-wal` file as (page number, plaintext page), old and superseded
    frames included: SQLite does not erase a frame when a checkpoint copies it back, it only
    resets the header salts, so whatever is still in the file is what an attacker reads. `salt` is
    the main file's KDF salt (the WAL has none of its own). A partial frame at the end is ignored
    the way SQLite ignores it; an empty file gives no frames."""
    raw = Path(path).read_bytes()
    if not raw:
        return []
    if len(raw) < WAL_HEADER_SIZE:
        raise ValueError(f"{path} is shorter than a WAL header")
    magic, _version, page_size = struct.unpack(">III", raw[:12])
    if magic not in WAL_MAGIC:
        raise ValueError(f"{path} is not a WAL file")
    if page_size != PAGE_SIZE:
        raise ValueError(f"{path} has page size {page_size}, not {PAGE_SIZE}")
    mac_key = hmac_key(key, salt)
    frames: list[tuple[int, bytes]] = []
    frame_size = WAL_FRAME_HEADER_SIZE + PAGE_SIZE
    for offset in range(WAL_HEADER_SIZE, len(raw) - frame_size + 1, frame_size):
        (pgno,) = struct.unpack(">I", raw[offset : offset + 4])
        page = raw[offset + WAL_FRAME_HEADER_SIZE : offset + frame_size]
        frames.append((pgno, decrypt_page(page, pgno, key, mac_key)))
    return frames


def spellings(text: str) -> list[bytes]:
    """The byte strings `text` could be stored as: UTF-8 and UTF-16-LE (SQLite's encodings; the
    vault uses UTF-8, but a search that only knew one would miss the other), NFC and NFD."""
    forms = {unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text), text}
    out: list[bytes] = []
    for form in sorted(forms):
        for encoding in ("utf-8", "utf-16-le"):
            encoded = form.encode(encoding)
            if encoded not in out:
                out.append(encoded)
    return out


def find_any(haystacks: list[bytes], needles: list[bytes]) -> list[tuple[int, bytes]]:
    """(index of haystack, needle) for every needle found anywhere."""
    return [(i, n) for i, hay in enumerate(haystacks) for n in needles if n in hay]


# ---- diagnosis: where in the file a find is ------------------------------------------------


def free_pages(pages: list[bytes]) -> set[int]:
    """Page numbers on the free list (trunk and leaf pages), read from decrypted pages."""
    trunk = struct.unpack(">I", pages[0][32:36])[0]
    found: set[int] = set()
    while trunk and trunk not in found and trunk <= len(pages):
        found.add(trunk)
        page = pages[trunk - 1]
        next_trunk, count = struct.unpack(">II", page[:8])
        found.update(struct.unpack(f">{count}I", page[8 : 8 + 4 * count]))
        trunk = next_trunk
    return found


def btree_pages(pages: list[bytes], roots: dict[int, str]) -> dict[int, str]:
    """{page number: owning table or index} for b-tree pages reachable from `roots` (overflow
    pages are not followed: a find on an unlabelled page is on an overflow or pointer-map page)."""
    owner: dict[int, str] = {}
    for root, name in roots.items():
        stack = [root]
        while stack:
            pgno = stack.pop()
            if pgno in owner or not 0 < pgno <= len(pages):
                continue
            owner[pgno] = name
            page = pages[pgno - 1]
            hdr = 100 if pgno == 1 else 0
            kind = page[hdr]
            if kind in (0x02, 0x05):  # interior index / table page
                ncells = struct.unpack(">H", page[hdr + 3 : hdr + 5])[0]
                stack.append(struct.unpack(">I", page[hdr + 8 : hdr + 12])[0])
                for i in range(ncells):
                    cell = struct.unpack(">H", page[hdr + 12 + 2 * i : hdr + 14 + 2 * i])[0]
                    stack.append(struct.unpack(">I", page[cell : cell + 4])[0])
    return owner


def region(page: bytes, pgno: int, offset: int) -> str:
    """Which part of a b-tree page `offset` falls in: live cell content, a freeblock, or the
    unallocated gap between the cell pointers and the content area."""
    hdr = 100 if pgno == 1 else 0
    kind = page[hdr]
    if kind not in (0x02, 0x05, 0x0A, 0x0D):
        return "not a b-tree page"
    header_size = 12 if kind in (0x02, 0x05) else 8
    first_free, ncells, content = struct.unpack(">HHH", page[hdr + 1 : hdr + 7])
    content = content or 65536
    pointers_end = hdr + header_size + 2 * ncells
    if pointers_end <= offset < content:
        return "unallocated gap"
    block = first_free
    while block:
        next_block, size = struct.unpack(">HH", page[block : block + 4])
        if block <= offset < block + size:
            return "freeblock"
        block = next_block
    return "cell content (live)"
