"""The backup file format (`.cvbackup`): pure framing, hashing and names; no Qt, no SQL.

```
header, 36 bytes:
  magic "CVBACKUP" (8) | version 0x01 (1) | reserved 0x000000 (3) | vault_id (16)
  | made_at (8, uint64_be seconds)
entries, in order: vault.keys, vault.db, library/<id>.cvf..., cases/<case id>/<id>.cvf...
  0x45 'E' (1) | name_len (2, uint16_be) | name (UTF-8) | size (8, uint64_be) | size bytes, as is
end: 0x5A 'Z' (1) | entry count (4, uint32_be) | total entry bytes (8, uint64_be)
trailer, 64 bytes:
  SHA-256(every byte before the trailer) (32) | HMAC-SHA256(K_backup, every byte before the trailer) (32)
  K_backup = HKDF(VMK, "casevault/v1/backup-mac")
```

Every entry is already encrypted (the database by SQLCipher, blobs by their file keys, the key file
by the passphrase or keychain), so the file's confidentiality is the vault's own; the trailer gives
integrity: the SHA-256 catches accidental damage without any key, the HMAC catches deliberate change
by anyone who does not know the passphrase. Nothing may follow the trailer.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
from dataclasses import dataclass
from typing import BinaryIO, Final

from casevault.core.errors import DamagedError
from casevault.crypto import keys

MAGIC: Final = b"CVBACKUP"
VERSION: Final = 1
HEADER = struct.Struct(">8sB3s16sQ")
ENTRY_TAG: Final = b"E"
END_TAG: Final = b"Z"
ENTRY_HEAD = struct.Struct(">HQ")  # after the tag: name length, then (after the name) size
END = struct.Struct(">IQ")
TRAILER_LEN: Final = 64
CHUNK: Final = 1 << 20
MAX_NAME: Final = 200

KEYS_NAME: Final = "vault.keys"
DB_NAME: Final = "vault.db"
_HEX = "[0-9a-f]{32}"
_NAMES = re.compile(rf"^(vault\.keys|vault\.db|library/{_HEX}\.cvf|cases/{_HEX}/{_HEX}\.cvf)$")
MAX_KEYS_FILE: Final = 1 << 20

TRUNCATED = "The backup is incomplete: the file was cut short (copy it again from where it was made)."
DAMAGED = "The backup is damaged: its checksum does not match, so at least one byte has changed."
TAMPERED = "The backup fails authentication: it was changed, or not made by this vault."


def valid_name(name: str) -> bool:
    """Only the vault's own files, with opaque ids: never `..`, absolute paths or odd names."""
    return bool(_NAMES.match(name))


def backup_mac_key(vmk: bytes) -> bytes:
    return keys.derive_key(vmk, keys.PURPOSE_BACKUP_MAC)


def pack_header(vault_id: bytes, made_at: int) -> bytes:
    return HEADER.pack(MAGIC, VERSION, b"\0\0\0", vault_id, made_at)


def entry_head(name: str, size: int) -> bytes:
    raw = name.encode()
    return ENTRY_TAG + struct.pack(">H", len(raw)) + raw + struct.pack(">Q", size)


def end_marker(count: int, total: int) -> bytes:
    return END_TAG + END.pack(count, total)


@dataclass(frozen=True)
class Header:
    vault_id: bytes
    made_at: int


def parse_header(raw: bytes) -> Header:
    if len(raw) < HEADER.size:
        raise DamagedError(
            TRUNCATED if raw[:8] == MAGIC[: len(raw[:8])] else "This is not a casevault backup."
        )
    magic, version, reserved, vault_id, made_at = HEADER.unpack(raw)
    if magic != MAGIC:
        raise DamagedError("This is not a casevault backup (or its first bytes are damaged).")
    if version != VERSION or reserved != b"\0\0\0":
        raise DamagedError("The backup's header is damaged or from a newer casevault.")
    return Header(vault_id, made_at)


class Sealer:
    """Hashes everything written through it; `trailer()` gives the 64 closing bytes."""

    def __init__(self, out: BinaryIO, mac_key: bytes) -> None:
        self._out = out
        self._sha = hashlib.sha256()
        self._mac = hmac.new(mac_key, digestmod=hashlib.sha256)

    def write(self, data: bytes | memoryview) -> None:
        self._sha.update(data)
        self._mac.update(data)
        self._out.write(data)

    def trailer(self) -> bytes:
        return self._sha.digest() + self._mac.digest()


class Reader:
    """Reads a backup front to back, hashing as it goes. The HMAC key is known only once the key
    file (the first entry) is unlocked, so the bytes before it are kept (they are small) and fed
    to the MAC when `set_mac_key` is called."""

    def __init__(self, source: BinaryIO) -> None:
        self._src = source
        self._sha = hashlib.sha256()
        self._mac: hmac.HMAC | None = None
        self._early: bytearray | None = bytearray()
        self.offset = 0

    def read_exact(self, size: int) -> bytes:
        data = self._src.read(size)
        if len(data) != size:
            raise DamagedError(TRUNCATED)
        self._sha.update(data)
        if self._mac is not None:
            self._mac.update(data)
        elif self._early is not None:
            self._early += data
        self.offset += size
        return data

    def set_mac_key(self, key: bytes) -> None:
        self._mac = hmac.new(key, bytes(self._early or b""), digestmod=hashlib.sha256)
        self._early = None

    def skip_mac(self) -> None:
        """No passphrase: only the checksum is checked (the vault's own authentication remains)."""
        self._early = None

    def next_entry(self) -> tuple[str, int] | None:
        """The next entry's name and size, or None at the end marker (then call `finish`)."""
        tag = self.read_exact(1)
        if tag == END_TAG:
            return None
        if tag != ENTRY_TAG:
            raise DamagedError(DAMAGED)
        (length,) = struct.unpack(">H", self.read_exact(2))
        if length == 0 or length > MAX_NAME:
            raise DamagedError(DAMAGED)
        try:
            name = self.read_exact(length).decode()
        except UnicodeDecodeError:
            raise DamagedError(DAMAGED) from None
        (size,) = struct.unpack(">Q", self.read_exact(8))
        if not valid_name(name):
            raise DamagedError(DAMAGED)
        return name, size

    def finish(self, count: int, total: int) -> None:
        """Check the end marker and trailer, and that nothing follows."""
        end_count, end_total = END.unpack(self.read_exact(END.size))
        sha, mac = self._sha.digest(), None if self._mac is None else self._mac.digest()
        trailer = self._src.read(TRAILER_LEN)
        if len(trailer) != TRAILER_LEN:
            raise DamagedError(TRUNCATED)
        if self._src.read(1):
            raise DamagedError("The backup is damaged: unexpected bytes follow its end.")
        if not hmac.compare_digest(trailer[:32], sha) or (end_count, end_total) != (count, total):
            raise DamagedError(DAMAGED)
        if mac is not None and not hmac.compare_digest(trailer[32:], mac):
            raise DamagedError(TAMPERED)
