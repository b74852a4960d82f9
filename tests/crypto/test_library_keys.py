"""The policy library's key purpose: frozen known answers, round trip and tamper cases."""

from __future__ import annotations

import pytest

from casevault.core.errors import AuthenticationError
from casevault.crypto import keys
from tests.support.key_vectors import KEY, MASTER, rfc5869_hkdf_sha256

FILE_ID = bytes(range(16))
LIBRARY_KEK = "870f5b28967a72cbab670bcdb0045edacfc7ac3a80347f47fef297c8b234affa"
WRAPPED = (
    "000000000000000000000000"
    "54d10a57a396c11195ee3c3591a823f29d6d5ca609d4fa7d24aefeaf6e258ca5"
    "4acc488063374097c5114778e51fa1be"
)


def test_library_kek_known_answer() -> None:
    # Frozen: changing the purpose string would orphan every library document.
    assert keys.PURPOSE_LIBRARY_KEK == "casevault/v1/library-kek"
    assert rfc5869_hkdf_sha256(MASTER, None, b"casevault/v1/library-kek", 32).hex() == LIBRARY_KEK
    assert keys.derive_key(MASTER, keys.PURPOSE_LIBRARY_KEK).hex() == LIBRARY_KEK


def test_library_kek_differs_from_every_other_purpose() -> None:
    others = {keys.PURPOSE_DB, keys.PURPOSE_CASE_KEK, keys.PURPOSE_AUDIT}
    lib = keys.derive_key(MASTER, keys.PURPOSE_LIBRARY_KEK)
    assert all(keys.derive_key(MASTER, p) != lib for p in others)


def test_library_key_aad_layout() -> None:
    assert keys.library_key_aad(FILE_ID) == b"casevault/v1/library-key\x00" + FILE_ID
    # Never equal to a case or file key's AAD, whatever the ids.
    assert keys.library_key_aad(FILE_ID) != keys.file_key_aad(bytes(16), FILE_ID)


def test_wrapped_library_key_known_answer_and_round_trip() -> None:
    kek = bytes.fromhex(LIBRARY_KEK)
    wrapped = keys.wrap_key(kek, KEY, keys.library_key_aad(FILE_ID), nonce=bytes(12))
    assert wrapped.hex() == WRAPPED
    assert keys.unwrap_key(kek, wrapped, keys.library_key_aad(FILE_ID)) == KEY
    fresh = keys.wrap_key(kek, KEY, keys.library_key_aad(FILE_ID))
    assert keys.unwrap_key(kek, fresh, keys.library_key_aad(FILE_ID)) == KEY


@pytest.mark.parametrize("position", [0, 11, 12, 43, 44, 59])
def test_a_flipped_bit_fails(position: int) -> None:
    kek = bytes.fromhex(LIBRARY_KEK)
    wrapped = bytearray.fromhex(WRAPPED)
    wrapped[position] ^= 0x80
    with pytest.raises(AuthenticationError):
        keys.unwrap_key(kek, bytes(wrapped), keys.library_key_aad(FILE_ID))


def test_another_file_id_or_kek_fails() -> None:
    kek = bytes.fromhex(LIBRARY_KEK)
    wrapped = bytes.fromhex(WRAPPED)
    with pytest.raises(AuthenticationError):
        keys.unwrap_key(kek, wrapped, keys.library_key_aad(bytes(16)))
    with pytest.raises(AuthenticationError):
        keys.unwrap_key(
            keys.derive_key(MASTER, keys.PURPOSE_CASE_KEK), wrapped, keys.library_key_aad(FILE_ID)
        )
