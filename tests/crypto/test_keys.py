"""Key derivation and wrapping (crypto/keys.py), checked against an independent RFC 5869 HKDF."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casevault.core.errors import AuthenticationError
from casevault.crypto import keys
from casevault.crypto.keys import (
    KEY_LEN,
    NONCE_LEN,
    PURPOSE_CASE_KEK,
    PURPOSE_DB,
    WRAPPED_LEN,
    case_key_aad,
    check_key,
    derive_key,
    file_key_aad,
    random_key,
    unwrap_key,
    wrap_key,
)
from tests.support.key_vectors import AAD, KEK, KEY, MASTER, rfc5869_hkdf_sha256


def test_reference_hkdf_matches_rfc5869_test_case_1() -> None:
    okm = rfc5869_hkdf_sha256(
        bytes.fromhex("0b" * 22),
        bytes.fromhex("000102030405060708090a0b0c"),
        bytes.fromhex("f0f1f2f3f4f5f6f7f8f9"),
        42,
    )
    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_reference_hkdf_matches_rfc5869_test_case_3() -> None:
    """Test case 3 has an empty salt, which RFC 5869 treats as HashLen zero bytes."""
    okm = rfc5869_hkdf_sha256(bytes.fromhex("0b" * 22), None, b"", 42)
    assert okm.hex() == (
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
    )


@pytest.mark.parametrize("purpose", [PURPOSE_DB, PURPOSE_CASE_KEK, "casevault/v1/something-else"])
def test_derive_key_is_rfc5869_hkdf(purpose: str) -> None:
    expected = rfc5869_hkdf_sha256(MASTER, None, purpose.encode(), 32)
    assert derive_key(MASTER, purpose) == expected


def test_derive_key_frozen_vectors() -> None:
    # Frozen so that a change of purpose strings (which would orphan every vault) is noticed.
    assert PURPOSE_DB == "casevault/v1/db"
    assert PURPOSE_CASE_KEK == "casevault/v1/case-kek"
    db = "58474e5547ba58b3d6438233c3a6feb9a28b3f0c89cb902147cbc5f1ab31e425"
    case_kek = "cf041ae5bf3d5348464b3fd3e8276757cf062b2b29dd4b93b6c7ec922f88bf2d"
    assert rfc5869_hkdf_sha256(MASTER, None, b"casevault/v1/db", 32).hex() == db
    assert rfc5869_hkdf_sha256(MASTER, None, b"casevault/v1/case-kek", 32).hex() == case_kek
    assert derive_key(MASTER, PURPOSE_DB).hex() == db
    assert derive_key(MASTER, PURPOSE_CASE_KEK).hex() == case_kek


def test_different_purposes_and_masters_give_different_keys() -> None:
    purposes = [PURPOSE_DB, PURPOSE_CASE_KEK, "casevault/v1/db ", "casevault/v2/db", "casevault/"]
    derived = {derive_key(MASTER, p) for p in purposes}
    assert len(derived) == len(purposes)
    assert derive_key(MASTER, PURPOSE_DB) != derive_key(bytes(32), PURPOSE_DB)
    assert all(len(k) == KEY_LEN for k in derived)
    assert MASTER not in derived


def test_derive_key_is_deterministic() -> None:
    assert derive_key(MASTER, PURPOSE_DB) == derive_key(bytes(MASTER), PURPOSE_DB)


@pytest.mark.parametrize("purpose", ["", "db", "Casevault/v1/db", "casevault", "/casevault/v1/db", "v1/db"])
def test_purpose_without_casevault_prefix_is_refused(purpose: str) -> None:
    with pytest.raises(ValueError, match="purpose"):
        derive_key(MASTER, purpose)


@pytest.mark.parametrize("bad", [b"", bytes(31), bytes(33), bytes(64)])
def test_derive_key_refuses_bad_master(bad: bytes) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        derive_key(bad, PURPOSE_DB)


def test_wrap_unwrap_round_trip() -> None:
    wrapped = wrap_key(KEK, KEY, AAD)
    assert len(wrapped) == WRAPPED_LEN == 60
    assert KEY not in wrapped
    assert unwrap_key(KEK, wrapped, AAD) == KEY


def test_wrap_layout_is_nonce_ciphertext_tag() -> None:
    """nonce || AES-256-GCM(kek, key, aad): openable with AESGCM directly."""
    nonce = bytes(range(12))
    wrapped = wrap_key(KEK, KEY, AAD, nonce=nonce)
    assert wrapped[:NONCE_LEN] == nonce
    assert wrapped[NONCE_LEN:] == AESGCM(KEK).encrypt(nonce, KEY, AAD)
    assert AESGCM(KEK).decrypt(nonce, wrapped[NONCE_LEN:], AAD) == KEY


def test_wrap_uses_a_fresh_nonce() -> None:
    a, b = wrap_key(KEK, KEY, AAD), wrap_key(KEK, KEY, AAD)
    assert a[:NONCE_LEN] != b[:NONCE_LEN]
    assert unwrap_key(KEK, a, AAD) == unwrap_key(KEK, b, AAD) == KEY


def test_wrap_refuses_bad_nonce_and_keys() -> None:
    with pytest.raises(ValueError, match="12 bytes"):
        wrap_key(KEK, KEY, AAD, nonce=bytes(11))
    with pytest.raises(ValueError, match="32 bytes"):
        wrap_key(KEK[:16], KEY, AAD)
    with pytest.raises(ValueError, match="32 bytes"):
        wrap_key(KEK, KEY[:16], AAD)
    with pytest.raises(ValueError, match="32 bytes"):
        unwrap_key(KEK[:16], wrap_key(KEK, KEY, AAD), AAD)


def _flip(data: bytes, index: int) -> bytes:
    out = bytearray(data)
    out[index] ^= 0x01
    return bytes(out)


WRAPPED = wrap_key(KEK, KEY, AAD, nonce=bytes(12))


@pytest.mark.parametrize(
    ("kek", "wrapped", "aad"),
    [
        pytest.param(KEK, WRAPPED, AAD + b"x", id="longer aad"),
        pytest.param(KEK, WRAPPED, b"", id="empty aad"),
        pytest.param(KEK, WRAPPED, _flip(AAD, 5), id="changed aad"),
        pytest.param(bytes(32), WRAPPED, AAD, id="wrong kek"),
        pytest.param(KEY, WRAPPED, AAD, id="key as kek"),
        pytest.param(KEK, _flip(WRAPPED, 0), AAD, id="flipped nonce"),
        pytest.param(KEK, _flip(WRAPPED, 20), AAD, id="flipped ciphertext"),
        pytest.param(KEK, _flip(WRAPPED, 59), AAD, id="flipped tag"),
        pytest.param(KEK, WRAPPED[:-1], AAD, id="one byte short"),
        pytest.param(KEK, WRAPPED + b"\x00", AAD, id="one byte long"),
        pytest.param(KEK, b"", AAD, id="empty"),
        pytest.param(KEK, WRAPPED[NONCE_LEN:], AAD, id="nonce missing"),
    ],
)
def test_unwrap_failures_raise_authentication_error(kek: bytes, wrapped: bytes, aad: bytes) -> None:
    assert unwrap_key(KEK, WRAPPED, AAD) == KEY
    with pytest.raises(AuthenticationError) as info:
        unwrap_key(kek, wrapped, aad)
    assert type(info.value) is AuthenticationError


@pytest.mark.parametrize(
    "bad",
    [b"", bytes(16), bytes(31), bytes(33), bytearray(32), memoryview(bytes(32)), "x" * 32, None, 32],
    ids=["empty", "16", "31", "33", "bytearray", "memoryview", "str", "None", "int"],
)
def test_check_key_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        check_key(bad)  # type: ignore[arg-type]


def test_check_key_accepts_32_bytes() -> None:
    check_key(bytes(32))
    check_key(random_key())


def test_random_key() -> None:
    a, b = random_key(), random_key()
    assert len(a) == len(b) == KEY_LEN
    assert a != b


def test_case_and_file_aads_bind_their_ids() -> None:
    case_a, case_b = b"A" * 16, b"B" * 16
    file_a, file_b = b"a" * 16, b"b" * 16
    assert case_key_aad(case_a) == b"casevault/v1/case-key\x00" + case_a
    assert file_key_aad(case_a, file_a) == b"casevault/v1/file-key\x00" + case_a + file_a
    aads = {
        case_key_aad(case_a),
        case_key_aad(case_b),
        file_key_aad(case_a, file_a),
        file_key_aad(case_a, file_b),
        file_key_aad(case_b, file_a),
    }
    assert len(aads) == 5

    # a case key wrapped for case A does not open as case B's, nor as a file key
    wrapped = wrap_key(KEK, KEY, case_key_aad(case_a))
    assert unwrap_key(KEK, wrapped, case_key_aad(case_a)) == KEY
    for other in (case_key_aad(case_b), file_key_aad(case_a, file_a)):
        with pytest.raises(AuthenticationError):
            unwrap_key(KEK, wrapped, other)

    # a file key moved to another file or another case fails
    wrapped_file = wrap_key(KEY, KEK, file_key_aad(case_a, file_a))
    assert unwrap_key(KEY, wrapped_file, file_key_aad(case_a, file_a)) == KEK
    for other in (file_key_aad(case_a, file_b), file_key_aad(case_b, file_a)):
        with pytest.raises(AuthenticationError):
            unwrap_key(KEY, wrapped_file, other)


def test_constants() -> None:
    assert (keys.KEY_LEN, keys.NONCE_LEN, keys.TAG_LEN, keys.WRAPPED_LEN) == (32, 12, 16, 60)


def test_sync_purposes_frozen_vectors() -> None:
    """The sync key's two purposes (formats/changeset.py): frozen like the others, since a change
    would make every device's change sets unreadable to the rest."""
    assert keys.PURPOSE_SYNC_CHANGESET == "casevault/v1/sync-changeset"
    assert keys.PURPOSE_SYNC_KEY_ID == "casevault/v1/sync-key-id"
    changeset = "b1eb07d25b7ba99e4ea8eb2aea7ef61a25fa89d23f683a27e27244a793ba6baa"
    key_id = "f5a746a31ec28b8da03dd6eae41e2c112702f6692f8eec31c3da9f7687cedf6a"
    assert rfc5869_hkdf_sha256(MASTER, None, b"casevault/v1/sync-changeset", 32).hex() == changeset
    assert derive_key(MASTER, keys.PURPOSE_SYNC_CHANGESET).hex() == changeset
    assert derive_key(MASTER, keys.PURPOSE_SYNC_KEY_ID).hex() == key_id
