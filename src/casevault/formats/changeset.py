"""The sync change set (`devices/<device id>/<sequence>.cvsync`): pure bytes in, bytes out.

Each device writes only its own folder, one file per change set, numbered 1, 2, 3... without
gaps, so the sync engine never has two writers for one file. A file, all integers big-endian:

```
header, 128 bytes (all of it the AES-GCM AAD):
  magic "CVSYNC" (6) | version 0x01 (1) | kind (1) | vault_id (16) | device_id (16)
  | sequence (8) | key_id (8) | previous (32) | clock (24) | ciphertext_len (4) | nonce (12)
ciphertext: AES-256-GCM(K_cs, nonce, plaintext, aad=header), tag included (ciphertext_len bytes)
signature: Ed25519(device signing key, "casevault/v1/sync-signature\\0" || header || ciphertext) (64)

kind = 0 for a change set; 1 for a device's progress file (how far it has read each device, for
compaction: vault/sync/compaction.py); 2 for a part of a snapshot written for a joining device.
One kind is never read as another, so a snapshot part moved into a device's chain is refused.
K_cs = HKDF(sync key, "casevault/v1/sync-changeset"); key_id = HKDF(sync key, "casevault/v1/sync-key-id")[:8]
previous = SHA-256 of the whole file of the device's change set before (32 zero bytes for number 1)
clock = the writer's HLC when it wrote the file (core/hlc.py, 24 bytes); no stamp inside may exceed it
plaintext = canonical JSON (a list of objects: sorted keys, no spaces, UTF-8) || zero bytes up to
            Padmé's length (so the folder learns a change set's size only to within 12%)
```

Why these choices: AES-256-GCM (not age) because the header must be bound as AAD, the sync key is
one symmetric key every paired device holds, and a fixed nonce makes a known-answer vector
possible; age has no AAD and a random file key. The signature is over the ciphertext, so who wrote
a file is checked with public keys alone, and one device holding the sync key still cannot pass
off a file as another's. `previous` chains each device's files, so a file swapped for another
with the same number is caught. The key id lets a reader hold the keys from before and after a
rotation and say which one a file needs. `.cvsync` is not a file a rep opens; its own extension
lets a reader pass over the sync engine's temporary and conflict copies by name
(`~syncthing~x.tmp`, `x.sync-conflict-20250101-120000-ABCDEFG.cvsync`).

`read_changeset` refuses, each in one sentence naming the device and number but no contents (a
`ChangeSetRefusedError` whose `reason` says which): a file over MAX_FILE; damage or truncation; a
newer format; another vault's file; an unpaired device; a sync key not held; a bad signature; a
file in another device's folder; a number already applied (a replay); a number past the next one
(a gap: refused, because the one before may hold what this one builds on and the chain cannot be
checked without it; `waits` says to try again once it arrives); a file that does not follow the
one before (a fork); records too large or deep (bundle.check_json_shape's bounds, before parsing)
or not canonical. Nothing is decrypted before the header's vault, devices and key are checked,
and nothing is returned before both the AES-GCM tag and the signature verify. Checks made before
authentication only choose the words of a refusal: a flipped header byte is always refused,
named for the field it hit.

Not guaranteed here: that the records make sense or that their stamps are at most `clock` (the
sync service validates them), that a device's newest file is in the folder (a withheld file looks
like nothing new), or any secrecy of sizes beyond Padmé, of how many change sets a device wrote,
or of when.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casevault.core import hlc
from casevault.core.errors import DamagedError
from casevault.crypto import keys, signing
from casevault.formats import bundle

MAGIC: Final = b"CVSYNC"
VERSION: Final = 1
EXTENSION: Final = ".cvsync"
HEADER = struct.Struct(">6sBB16s16sQ8s32s24sI12s")
SIG_CONTEXT: Final = b"casevault/v1/sync-signature\x00"
TAG_LEN: Final = 16
SIG_LEN: Final = signing.SIGNATURE_BYTES
GENESIS: Final = bytes(32)
KEY_ID_LEN: Final = 8
MAX_FILE: Final = 16 * 1024 * 1024  # about 8,000 records of 2 KiB; the writer splits a larger sync
MAX_SEQUENCE: Final = 10**12 - 1  # the 12 digits of the file name
MAX_INT: Final = 2**63 - 1  # what SQLite stores
CHANGESET: Final = 0  # the kinds of file (the header's kind byte)
PROGRESS: Final = 1
SNAPSHOT: Final = 2
_KINDS: Final = (CHANGESET, PROGRESS, SNAPSHOT)

_HEX32 = re.compile(r"[0-9a-f]{32}")
_NAME = re.compile(r"devices/([0-9a-f]{32})/([0-9]{12})\.cvsync")
_MIN_LEN = HEADER.size + TAG_LEN + SIG_LEN

# Why a change set was refused (ChangeSetRefusedError.reason).
DAMAGED: Final = "damaged"
TOO_LARGE: Final = "too-large"
NEWER: Final = "newer"
OTHER_VAULT: Final = "other-vault"
UNKNOWN_DEVICE: Final = "unknown-device"
WRONG_KEY: Final = "wrong-key"
FORGED: Final = "forged"
MOVED: Final = "moved"
REPLAYED: Final = "replayed"
GAP: Final = "gap"
FORKED: Final = "forked"
TOO_COMPLEX: Final = "too-complex"
MALFORMED: Final = "malformed"

_SENTENCES: Final = {
    DAMAGED: "Change set {n} from device {d} is damaged or cut short, so it was not applied.",
    TOO_LARGE: (
        f"Change set {{n}} from device {{d}} is larger than the {MAX_FILE >> 20} MiB a change set "
        "may be, so it was not read."
    ),
    NEWER: (
        "Change set {n} from device {d} was written by a newer casevault; update casevault on "
        "this device to apply it."
    ),
    OTHER_VAULT: "Change set {n} in device {d}'s folder belongs to another vault, so it was not applied.",
    UNKNOWN_DEVICE: (
        "Change set {n} comes from device {d}, which is not paired with this vault, so it was not applied."
    ),
    WRONG_KEY: (
        "Change set {n} from device {d} is under a sync key this device does not hold (written "
        "before it joined or after it was removed), so it was not applied."
    ),
    FORGED: "Change set {n} from device {d} does not carry that device's signature, so it was not applied.",
    MOVED: (
        "Change set {n} in device {d}'s folder was written by device {e} and moved there, so it "
        "was not applied."
    ),
    REPLAYED: (
        "Change set {n} from device {d} was applied before (this device has applied up to "
        "change set {a}), so it was refused as a replay."
    ),
    GAP: (
        "Change set {n} from device {d} cannot be applied yet: change set {next} before it has not arrived."
    ),
    FORKED: (
        "Change set {n} from device {d} does not follow on from the change set {a} applied here, "
        "so it was not applied."
    ),
    TOO_COMPLEX: (
        "Change set {n} from device {d} holds too many or too deeply nested records, so it was not applied."
    ),
    MALFORMED: "Change set {n} from device {d} does not hold a valid list of records, so it was not applied.",
}


class ChangeSetRefusedError(DamagedError):
    """A change set refused, in one sentence naming the device and number (exit 4). `reason` is
    one of the constants above; `waits` is true for a gap, which fills when the file arrives."""

    def __init__(self, reason: str, *, device: str, sequence: int, after: int, writer: str = "") -> None:
        super().__init__(
            _SENTENCES[reason].format(n=sequence, d=device[:8], e=writer[:8], a=after, next=after + 1)
        )
        self.reason = reason
        self.device = device
        self.sequence = sequence
        self.waits = reason == GAP


class ChangeSetTooLargeError(ValueError):
    """The records do not fit in one change set (MAX_FILE): the writer must split them."""


@dataclass(frozen=True)
class ChangeSetName:
    device: str
    sequence: int


@dataclass(frozen=True)
class ChangeSet:
    vault_id: str
    device: str
    sequence: int
    previous: bytes
    clock: hlc.Timestamp
    records: tuple[dict[str, Any], ...]
    digest: bytes  # SHA-256 of the file: the `previous` of the device's next change set


# ---- names ----------------------------------------------------------------------------------


def path_for(device: str, sequence: int) -> str:
    """`devices/<device>/<sequence, 12 digits>.cvsync`, relative to the sync folder, '/'-separated."""
    _check_hex(device, "device")
    _check_sequence(sequence)
    return f"devices/{device}/{sequence:012d}{EXTENSION}"


def parse_name(path: str) -> ChangeSetName | None:
    """The device and number a relative path names, or None for anything else: another folder, a
    sync engine's temporary or conflict copy, upper-case hex, number 0, `..`, a backslash."""
    match = _NAME.fullmatch(path) if isinstance(path, str) else None
    if match is None:
        return None
    sequence = int(match.group(2))
    return ChangeSetName(match.group(1), sequence) if sequence >= 1 else None


# ---- keys and sizes -------------------------------------------------------------------------


def key_id(sync_key: bytes) -> bytes:
    """The public id of a sync key, as a change set's header carries it."""
    return keys.derive_key(sync_key, keys.PURPOSE_SYNC_KEY_ID)[:KEY_ID_LEN]


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def padded_length(n: int) -> int:
    """Padmé (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files", 2019): at most 12%
    longer, and a length reveals O(log log n) bits instead of all of them."""
    if n < 2:
        return n
    exponent = n.bit_length() - 1
    mask = (1 << (exponent - exponent.bit_length())) - 1
    return (n + mask) & ~mask


def canonical(records: Sequence[Mapping[str, Any]]) -> bytes:
    """The payload's JSON: a list of objects, sorted keys, no spaces, UTF-8. ValueError or
    TypeError for what is not JSON-able records (a float, a non-string key, a lone surrogate)."""
    if not isinstance(records, Sequence) or isinstance(records, str | bytes):
        raise TypeError("the records are a list of objects")
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError("the records are a list of objects")
        _check_value(record, 0)
    text = json.dumps(
        list(records), ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("a string holds an unpaired surrogate") from None


def _check_value(value: Any, depth: int) -> None:
    """JSON values with one spelling each: no floats (1.0 and 1 would be two), integers SQLite
    holds, string keys, and no deeper than bundle.MAX_DEPTH with the list around the records."""
    if value is None or isinstance(value, bool | str):
        return
    if isinstance(value, int):
        if not -MAX_INT - 1 <= value <= MAX_INT:
            raise ValueError("an integer is out of range")
        return
    if isinstance(value, Mapping | list | tuple) and depth > bundle.MAX_DEPTH - 2:
        raise ValueError("the records are nested too deeply")
    if isinstance(value, Mapping):
        for name, item in value.items():
            if not isinstance(name, str):
                raise TypeError("a key is not a string")
            _check_value(item, depth + 1)
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check_value(item, depth + 1)
        return
    raise TypeError(f"a {type(value).__name__} is not a record value")


def file_size(body_len: int) -> int:
    """The size of a change set whose canonical JSON is `body_len` bytes."""
    return HEADER.size + padded_length(body_len) + TAG_LEN + SIG_LEN


# ---- writing --------------------------------------------------------------------------------


def write_changeset(
    *,
    vault_id: str,
    device: str,
    sequence: int,
    previous: bytes,
    clock: hlc.Timestamp,
    records: Sequence[Mapping[str, Any]],
    sync_key: bytes,
    signing_secret: bytes,
    nonce: bytes | None = None,
    kind: int = CHANGESET,
) -> bytes:
    """The file for change set `sequence` of `device`. `previous` is the digest of the device's
    change set before (GENESIS for number 1); `nonce` is for known-answer tests only (a random
    96-bit nonce per file: all devices share the key, so no counter could be kept in step).
    ValueError for bad arguments, ChangeSetTooLargeError when the records need splitting."""
    _check_hex(vault_id, "vault id")
    _check_hex(device, "device")
    _check_sequence(sequence)
    if not isinstance(previous, bytes) or len(previous) != 32 or (previous == GENESIS) != (sequence == 1):
        raise ValueError("previous is the 32-byte digest of the change set before (zeros for number 1)")
    if clock.device != device:
        raise ValueError("the clock is the writing device's")
    keys.check_key(sync_key)
    keys.check_key(signing_secret)
    if isinstance(kind, bool) or kind not in _KINDS:
        raise ValueError("a sync file's kind is a change set, a progress file or a snapshot part")
    nonce = os.urandom(keys.NONCE_LEN) if nonce is None else nonce
    if len(nonce) != keys.NONCE_LEN:
        raise ValueError("a nonce must be 12 bytes")
    body = canonical(records)
    try:
        bundle.check_json_shape(body)
    except (bundle.BundleRefusedError, bundle.BundleError):
        raise ChangeSetTooLargeError("the records are too many for one change set") from None
    if file_size(len(body)) > MAX_FILE:
        raise ChangeSetTooLargeError("the records are too large for one change set")
    plaintext = body + bytes(padded_length(len(body)) - len(body))
    header = HEADER.pack(
        MAGIC,
        VERSION,
        kind,
        bytes.fromhex(vault_id),
        bytes.fromhex(device),
        sequence,
        key_id(sync_key),
        previous,
        clock.to_bytes(),
        len(plaintext) + TAG_LEN,
        nonce,
    )
    ciphertext = AESGCM(keys.derive_key(sync_key, keys.PURPOSE_SYNC_CHANGESET)).encrypt(
        nonce, plaintext, header
    )
    signature = Ed25519PrivateKey.from_private_bytes(signing_secret).sign(SIG_CONTEXT + header + ciphertext)
    return header + ciphertext + signature


# ---- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    version: int
    kind: int
    vault_id: str
    device: str
    sequence: int
    key_id: bytes
    previous: bytes
    clock: bytes
    ciphertext_len: int
    nonce: bytes


def _parse_header(data: bytes) -> _Header:
    _magic, version, kind, vault, device, sequence, kid, previous, clock, length, nonce = HEADER.unpack_from(
        data
    )
    return _Header(version, kind, vault.hex(), device.hex(), sequence, kid, previous, clock, length, nonce)


def read_changeset(
    data: bytes,
    *,
    expected_device: str,
    expected_sequence_after: int,
    known_devices: Mapping[str, bytes],
    sync_key: bytes | Collection[bytes],
    vault_id: str,
    expected_previous: bytes = GENESIS,
    kind: int = CHANGESET,
) -> ChangeSet:
    """Verify and open the change set read from `expected_device`'s folder, where this device has
    applied up to `expected_sequence_after` (0: none yet), the last of them with digest
    `expected_previous`. `known_devices` maps each paired device to its Ed25519 public key;
    `sync_key` is one key or every key still held (the current one and those before a rotation).
    Raises ChangeSetRefusedError in one sentence; never returns anything unauthenticated."""
    _check_hex(expected_device, "device")
    _check_hex(vault_id, "vault id")
    if expected_sequence_after < 0 or (expected_sequence_after > 0 and expected_previous == GENESIS):
        raise ValueError("past number 0, the digest of the change set applied last is needed")
    refuse = _Refusal(expected_device, expected_sequence_after)
    head, plaintext, n = _open(data, refuse, vault_id, known_devices, sync_key, kind=kind)
    if head.device != expected_device:
        raise refuse(MOVED, n, writer=head.device)
    # Authenticated from here on: whatever is wrong now, a paired device wrote it so.
    clock = hlc.from_bytes(head.clock)
    if not 1 <= head.sequence <= MAX_SEQUENCE or clock.device != head.device:
        raise refuse(MALFORMED, n)
    if head.sequence <= expected_sequence_after:
        raise refuse(REPLAYED, n)
    if head.sequence > expected_sequence_after + 1:
        raise refuse(GAP, n)
    if head.previous != expected_previous:
        raise refuse(FORKED, n)
    try:
        records = _records(plaintext)
    except ChangeSetRefusedError as err:
        raise refuse(err.reason, n) from None
    return ChangeSet(head.vault_id, head.device, head.sequence, head.previous, clock, records, digest(data))


@dataclass(frozen=True)
class _Refusal:
    """Makes the refusals of one read: of the folder's device, numbered as the header says once
    it has been parsed (else as the next one expected)."""

    device: str
    after: int

    def __call__(
        self, reason: str, sequence: int = 0, device: str = "", writer: str = ""
    ) -> ChangeSetRefusedError:
        return ChangeSetRefusedError(
            reason,
            device=device or self.device,
            sequence=sequence or self.after + 1,
            after=self.after,
            writer=writer,
        )


def _open(
    data: bytes,
    refuse: _Refusal,
    vault_id: str,
    known_devices: Mapping[str, bytes],
    sync_key: bytes | Collection[bytes],
    *,
    kind: int,
) -> tuple[_Header, bytes, int]:
    """The header, the plaintext and the number to name it by, once the tag and the signature
    verify. The checks before them only choose the words: each still refuses."""
    if len(data) > MAX_FILE:
        raise refuse(TOO_LARGE)
    if len(data) < len(MAGIC) + 1 or data[: len(MAGIC)] != MAGIC:
        raise refuse(DAMAGED)
    if data[len(MAGIC)] > VERSION:
        raise refuse(NEWER)
    if len(data) < _MIN_LEN:
        raise refuse(DAMAGED)
    head = _parse_header(data)
    n = head.sequence if 1 <= head.sequence <= MAX_SEQUENCE else 0
    if (
        head.version != VERSION
        or head.kind != kind
        or head.ciphertext_len != len(data) - HEADER.size - SIG_LEN
    ):
        raise refuse(DAMAGED, n)
    if head.vault_id != vault_id:
        raise refuse(OTHER_VAULT, n)
    for device in (refuse.device, head.device):
        if device not in known_devices:
            raise refuse(UNKNOWN_DEVICE, n, device)
    held = [sync_key] if isinstance(sync_key, bytes) else list(sync_key)
    key = next((k for k in held if key_id(k) == head.key_id), None)
    if key is None:
        raise refuse(WRONG_KEY, n)
    header, ciphertext = data[: HEADER.size], data[HEADER.size : len(data) - SIG_LEN]
    try:
        aead = AESGCM(keys.derive_key(key, keys.PURPOSE_SYNC_CHANGESET))
        plaintext = aead.decrypt(head.nonce, ciphertext, header)
    except InvalidTag:
        raise refuse(DAMAGED, n) from None
    try:
        Ed25519PublicKey.from_public_bytes(known_devices[head.device]).verify(
            data[len(data) - SIG_LEN :], SIG_CONTEXT + header + ciphertext
        )
    except (InvalidSignature, ValueError):
        raise refuse(FORGED, n, head.device) from None
    return head, plaintext, n


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _records(plaintext: bytes) -> tuple[dict[str, Any], ...]:
    """The records of an authenticated plaintext (ChangeSetRefusedError with a placeholder label)."""

    def refused(reason: str) -> ChangeSetRefusedError:
        return ChangeSetRefusedError(reason, device="", sequence=0, after=0)

    body = plaintext.rstrip(b"\x00")  # canonical JSON ends in "]", never in a zero byte
    if len(plaintext) != padded_length(len(body)):
        raise refused(MALFORMED)
    try:
        bundle.check_json_shape(body)
    except bundle.BundleRefusedError:
        raise refused(TOO_COMPLEX) from None
    except bundle.BundleError:
        raise refused(MALFORMED) from None
    try:
        parsed = json.loads(body.decode("utf-8"), parse_constant=_no_constant)
        # One spelling only: a duplicate key, a float, a space or an escape json.dumps would not
        # write all re-encode differently (two parsers must never read two meanings).
        if not isinstance(parsed, list) or canonical(parsed) != body:
            raise refused(MALFORMED)
    except (ValueError, TypeError, RecursionError):  # bad UTF-8 or JSON, a float, a long integer
        raise refused(MALFORMED) from None
    return tuple(parsed)


def _check_hex(value: str, what: str) -> None:
    if not isinstance(value, str) or _HEX32.fullmatch(value) is None:
        raise ValueError(f"a {what} is 32 lower-case hex digits")


def _check_sequence(sequence: int) -> None:
    if isinstance(sequence, bool) or not isinstance(sequence, int) or not 1 <= sequence <= MAX_SEQUENCE:
        raise ValueError(f"a change set's number runs from 1 to {MAX_SEQUENCE}")
