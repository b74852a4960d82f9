"""Ed25519 signatures over a handover bundle (crypto/signing.py): the RFC 8032 known answer, the
signed message's layout, a signature verifying for nothing else, and fingerprints as typed."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from casevault.crypto import signing

RFC8032_SECRET = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
RFC8032_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
RFC8032_EMPTY_SIG = bytes.fromhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
)
A = bytes([1]) * 32
SECRET = bytes(range(32))


def test_ed25519_known_answer_rfc8032_test_1() -> None:
    assert signing.public_key(RFC8032_SECRET) == RFC8032_PUBLIC
    Ed25519PublicKey.from_public_bytes(RFC8032_PUBLIC).verify(RFC8032_EMPTY_SIG, b"")


def test_signed_message_layout_and_signature_known_answer() -> None:
    msg = signing.message(2, "age1x", RFC8032_PUBLIC, bytes(32))
    assert (
        msg
        == b"casevault/v2/handover-signature\x00" + b"\x02" + b"\x00\x05age1x" + RFC8032_PUBLIC + bytes(32)
    )
    recipient = "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqzzzzzz"
    payload = signing.sign(RFC8032_SECRET, 2, recipient, bytes(32))
    assert payload[:32] == RFC8032_PUBLIC
    assert payload[32:].hex() == (
        "12b458b9639e571ef9d9451335b67582cae9112c14711311e4645a85dee6dc41"
        "17047948157523fb599995cfef2973e80678406c9f9df4c1e9f797e202372d05"
    )
    assert signing.verify(payload, 2, recipient, bytes(32)) == RFC8032_PUBLIC
    assert signing.fingerprint(RFC8032_PUBLIC) == "21fe-31df-a154-a261-626b-f854-046f-d227"


@pytest.mark.parametrize(
    ("version", "recipient", "digest"),
    [(1, "age1x", bytes(32)), (2, "age1y", bytes(32)), (2, "age1x", bytes(31) + b"\x01")],
    ids=["other-version", "other-recipient", "other-contents"],
)
def test_a_signature_does_not_verify_for_anything_else(version: int, recipient: str, digest: bytes) -> None:
    payload = signing.sign(A, 2, "age1x", bytes(32))
    with pytest.raises(signing.SignatureError):
        signing.verify(payload, version, recipient, digest)
    flipped = bytearray(payload)
    flipped[40] ^= 0x80
    with pytest.raises(signing.SignatureError):
        signing.verify(bytes(flipped), 2, "age1x", bytes(32))


def test_fingerprints_are_read_back_however_they_are_typed() -> None:
    fp = signing.fingerprint(RFC8032_PUBLIC)
    assert signing.normalise_fingerprint(fp.upper().replace("-", " ")) == fp
    assert signing.normalise_fingerprint(fp[:-1]) is None
    assert signing.normalise_fingerprint(fp[:-1] + "g") is None


def test_a_fingerprint_typed_in_capitals_is_read_back() -> None:
    assert signing.normalise_fingerprint(signing.fingerprint(signing.public_key(SECRET)).upper()) == (
        signing.fingerprint(signing.public_key(SECRET))
    )
