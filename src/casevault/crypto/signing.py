"""Who sent a handover bundle: an Ed25519 signing key per vault (no Qt, no SQL).

age proves who can read a bundle, never who wrote it: a rep's handover key is public, so anyone
can encrypt a bundle to it. Each vault therefore also has an Ed25519 signing key, made on first
use and kept only inside the encrypted database (like the age identity), and signs

    CONTEXT ‖ format version (1) ‖ len(recipient) (2, BE) ‖ recipient's age key (ASCII)
            ‖ signer's public key (32) ‖ SHA-256 of the framed plaintext before the signature (32)

Binding the recipient stops a colleague from re-encrypting a bundle they received to a third
vault as if it had been sent there; binding the plaintext's hash covers the manifest and every
document byte. The receiver shows the signer's fingerprint to compare by phone.
"""

from __future__ import annotations

import hashlib
import struct

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

CONTEXT = b"casevault/v2/handover-signature\x00"
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
DIGEST_BYTES = 32
FINGERPRINT_HEX = 32  # 128 bits: second preimages stay out of reach; 8 groups read over a phone


class SignatureError(Exception):
    """The signature does not verify (internal; the bundle layer words it for the rep)."""


def new_secret() -> bytes:
    """32 random bytes: an Ed25519 private key (seed)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_key(secret: bytes) -> bytes:
    return (
        Ed25519PrivateKey.from_private_bytes(secret)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def fingerprint(public: bytes) -> str:
    """`abcd-ef01-...`: the first 128 bits of SHA-256 of the raw public key, in groups of four."""
    digest = hashlib.sha256(public).hexdigest()[:FINGERPRINT_HEX]
    return "-".join(digest[i : i + 4] for i in range(0, FINGERPRINT_HEX, 4))


def normalise_fingerprint(text: str) -> str | None:
    """A fingerprint as typed (any case, with or without dashes or spaces) in canonical form,
    or None if it is not one."""
    bare = "".join(ch for ch in text.strip().lower() if ch not in "- ")
    if len(bare) != FINGERPRINT_HEX or any(ch not in "0123456789abcdef" for ch in bare):
        return None
    return "-".join(bare[i : i + 4] for i in range(0, FINGERPRINT_HEX, 4))


def message(version: int, recipient: str, signer: bytes, digest: bytes) -> bytes:
    rcpt = recipient.encode("ascii")
    if len(signer) != PUBLIC_KEY_BYTES or len(digest) != DIGEST_BYTES or not 0 <= version < 256:
        raise ValueError("bad signature input")
    return CONTEXT + bytes([version]) + struct.pack(">H", len(rcpt)) + rcpt + signer + digest


def sign(secret: bytes, version: int, recipient: str, digest: bytes) -> bytes:
    """The signature frame's payload: signer's public key (32) ‖ signature (64)."""
    signer = public_key(secret)
    sig = Ed25519PrivateKey.from_private_bytes(secret).sign(message(version, recipient, signer, digest))
    return signer + sig


def verify(payload: bytes, version: int, recipient: str, digest: bytes) -> bytes:
    """Check a signature frame's payload over this bundle; returns the signer's public key."""
    if len(payload) != PUBLIC_KEY_BYTES + SIGNATURE_BYTES:
        raise SignatureError("bad signature frame")
    signer, sig = payload[:PUBLIC_KEY_BYTES], payload[PUBLIC_KEY_BYTES:]
    try:
        Ed25519PublicKey.from_public_bytes(signer).verify(sig, message(version, recipient, signer, digest))
    except (InvalidSignature, ValueError):
        raise SignatureError("signature does not verify") from None
    return signer
