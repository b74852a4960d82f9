"""Fixed keys for the crypto tests, and an independent HKDF-SHA256 (RFC 5869, stdlib hmac only)
to check key derivation against (first written for tests/crypto/test_keys.py)."""

from __future__ import annotations

import hashlib
import hmac

MASTER = bytes(range(32))
KEK = bytes(range(100, 132))
KEY = bytes(range(200, 232))
AAD = b"casevault/v1/test\x00" + bytes(16)


def rfc5869_hkdf_sha256(ikm: bytes, salt: bytes | None, info: bytes, length: int) -> bytes:
    """HKDF-SHA256 from RFC 5869 with stdlib hmac only. No salt means HashLen zero bytes."""
    if salt is None:
        salt = bytes(32)
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    okm, block = b"", b""
    for i in range(1, -(-length // 32) + 1):
        block = hmac.new(prk, block + info + bytes([i]), hashlib.sha256).digest()
        okm += block
    return okm[:length]
