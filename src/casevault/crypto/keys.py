"""Keys, their derivation and their wrapping.

Every derived key names its purpose (as magic-wormhole's `derive_key` does), so one master key
can never be confused for another use.
"""

from __future__ import annotations

import os
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casevault.core.errors import AuthenticationError

KEY_LEN: Final = 32
NONCE_LEN: Final = 12
TAG_LEN: Final = 16
WRAPPED_LEN: Final = NONCE_LEN + KEY_LEN + TAG_LEN

PURPOSE_DB: Final = "casevault/v1/db"
PURPOSE_CASE_KEK: Final = "casevault/v1/case-kek"
PURPOSE_AUDIT: Final = "casevault/v1/audit"
PURPOSE_LIBRARY_KEK: Final = "casevault/v1/library-kek"
PURPOSE_BACKUP_MAC: Final = "casevault/v1/backup-mac"
# From the sync key (random, shared by paired devices, replaced when one is removed): the AES key
# of change sets, and the public id naming which sync key a change set is under (formats/changeset.py).
PURPOSE_SYNC_CHANGESET: Final = "casevault/v1/sync-changeset"
PURPOSE_SYNC_KEY_ID: Final = "casevault/v1/sync-key-id"


def random_key() -> bytes:
    return os.urandom(KEY_LEN)


def check_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_LEN:
        raise ValueError("a key must be 32 bytes")


def derive_key(master: bytes, purpose: str) -> bytes:
    """HKDF-SHA256(master, salt=none, info=purpose) -> 32 bytes."""
    check_key(master)
    if not purpose.startswith("casevault/"):
        raise ValueError("every derived key needs an explicit casevault purpose")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=None, info=purpose.encode())
    return hkdf.derive(master)


def wrap_key(kek: bytes, key: bytes, aad: bytes, nonce: bytes | None = None) -> bytes:
    """AES-256-GCM(kek) over `key`, returned as nonce || ciphertext || tag (60 bytes)."""
    check_key(kek)
    check_key(key)
    nonce = os.urandom(NONCE_LEN) if nonce is None else nonce
    if len(nonce) != NONCE_LEN:
        raise ValueError("a nonce must be 12 bytes")
    return nonce + AESGCM(kek).encrypt(nonce, key, aad)


def unwrap_key(kek: bytes, wrapped: bytes, aad: bytes) -> bytes:
    check_key(kek)
    if len(wrapped) != WRAPPED_LEN:
        raise AuthenticationError()
    try:
        key = AESGCM(kek).decrypt(wrapped[:NONCE_LEN], wrapped[NONCE_LEN:], aad)
    except InvalidTag:
        raise AuthenticationError() from None
    return key


def case_key_aad(case_id: bytes) -> bytes:
    return b"casevault/v1/case-key\x00" + case_id


def file_key_aad(case_id: bytes, file_id: bytes) -> bytes:
    return b"casevault/v1/file-key\x00" + case_id + file_id


def library_key_aad(file_id: bytes) -> bytes:
    """AAD of a policy-library document's file key (wrapped by the library KEK)."""
    return b"casevault/v1/library-key\x00" + file_id
