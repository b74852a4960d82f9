"""The vault.keys header and its key slots (crypto/keyslots.py)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casevault.core.errors import AuthenticationError
from casevault.crypto.kdf import KdfParams, derive_kek
from casevault.crypto.keyslots import (
    KEYCHAIN,
    PASSPHRASE,
    KeyHeader,
    Slot,
    make_keychain_slot,
    make_passphrase_slot,
    open_keychain_slot,
    open_passphrase_slot,
    slot_aad,
)
from tests.conftest import FAST_KDF
from tests.conftest import PASSPHRASE as SECRET

VMK = bytes(range(32))
VAULT_ID = bytes.fromhex("00112233445566778899aabbccddeeff")
OTHER_VAULT = bytes.fromhex("ffeeddccbbaa99887766554433221100")
SALT = bytes(range(16))
DEVICE_KEY = bytes(range(64, 96))
BACKEND = "keyring.backends.SecretService.Keyring"


def passphrase_slot(passphrase: str = SECRET, salt: bytes = SALT) -> Slot:
    return make_passphrase_slot(VMK, VAULT_ID, passphrase, FAST_KDF, salt)


def keychain_slot(device_key: bytes = DEVICE_KEY) -> Slot:
    return make_keychain_slot(VMK, VAULT_ID, device_key, BACKEND)


def header() -> KeyHeader:
    return KeyHeader(vault_id=VAULT_ID, slots=(passphrase_slot(), keychain_slot()))


HEADER = header()


def doc() -> dict[str, Any]:
    """A fresh, mutable copy of HEADER's JSON."""
    parsed: dict[str, Any] = json.loads(HEADER.to_bytes())
    return parsed


def raw(d: object) -> bytes:
    return json.dumps(d).encode()


# ---- passphrase slot ------------------------------------------------------------------------


def test_passphrase_slot_round_trip() -> None:
    slot = passphrase_slot()
    assert (slot.id, slot.type, slot.salt, slot.kdf) == (PASSPHRASE, PASSPHRASE, SALT, FAST_KDF)
    assert len(slot.wrapped) == 60
    assert VMK not in slot.wrapped
    assert open_passphrase_slot(slot, VAULT_ID, SECRET) == VMK


def test_passphrase_slot_layout_matches_docstring() -> None:
    """wrapped = nonce || AES-256-GCM(Argon2id(passphrase, salt, kdf), VMK, aad), with
    aad = b"casevault/v1/slot\\0" || vault id || slot id."""
    slot = passphrase_slot()
    kek = derive_kek(SECRET, SALT, FAST_KDF)
    aad = b"casevault/v1/slot\x00" + VAULT_ID + b"passphrase"
    assert slot_aad(VAULT_ID, PASSPHRASE) == aad
    assert AESGCM(kek).decrypt(slot.wrapped[:12], slot.wrapped[12:], aad) == VMK


@pytest.mark.parametrize(
    "guess", ["", "correct horse battery staple", SECRET + " ", SECRET.upper(), SECRET[:-1] + "8"]
)
def test_wrong_passphrase(guess: str) -> None:
    with pytest.raises(AuthenticationError) as info:
        open_passphrase_slot(passphrase_slot(), VAULT_ID, guess)
    assert type(info.value) is AuthenticationError


def test_unicode_passphrase() -> None:
    slot = passphrase_slot("Nguyễn Müller 🔐")
    assert open_passphrase_slot(slot, VAULT_ID, "Nguyễn Müller 🔐") == VMK
    with pytest.raises(AuthenticationError):
        open_passphrase_slot(slot, VAULT_ID, "Nguyen Muller 🔐")


def test_tampered_passphrase_slot_fields() -> None:
    slot = passphrase_slot()
    flipped = bytearray(slot.wrapped)
    flipped[30] ^= 0x80
    tampered = [
        Slot(id=slot.id, type=slot.type, wrapped=bytes(flipped), salt=slot.salt, kdf=slot.kdf),
        Slot(id=slot.id, type=slot.type, wrapped=slot.wrapped, salt=bytes(16), kdf=slot.kdf),
        Slot(id=slot.id, type=slot.type, wrapped=slot.wrapped, salt=slot.salt, kdf=KdfParams(1024, 2, 1)),
        Slot(id=slot.id, type=slot.type, wrapped=slot.wrapped[:-1], salt=slot.salt, kdf=slot.kdf),
    ]
    for bad in tampered:
        with pytest.raises(AuthenticationError):
            open_passphrase_slot(bad, VAULT_ID, SECRET)


def test_passphrase_slot_needs_16_byte_salt() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        passphrase_slot(salt=bytes(8))


def test_passphrase_slot_without_kdf_is_refused() -> None:
    slot = Slot(id=PASSPHRASE, type=PASSPHRASE, wrapped=passphrase_slot().wrapped, salt=SALT)
    with pytest.raises(ValueError, match="KDF"):
        open_passphrase_slot(slot, VAULT_ID, SECRET)


# ---- keychain slot --------------------------------------------------------------------------


def test_keychain_slot_round_trip() -> None:
    slot = keychain_slot()
    assert (slot.id, slot.type, slot.backend) == (KEYCHAIN, KEYCHAIN, BACKEND)
    assert slot.service == "casevault"
    assert slot.username == VAULT_ID.hex()
    assert open_keychain_slot(slot, VAULT_ID, DEVICE_KEY) == VMK


def test_keychain_slot_wrong_device_key() -> None:
    slot = keychain_slot()
    for wrong in (bytes(32), VMK, DEVICE_KEY[:-1] + b"\x00"):
        with pytest.raises(AuthenticationError):
            open_keychain_slot(slot, VAULT_ID, wrong)
    with pytest.raises(ValueError, match="32 bytes"):
        open_keychain_slot(slot, VAULT_ID, DEVICE_KEY[:16])


# ---- binding to the vault and the slot id ---------------------------------------------------


def test_slot_moved_to_another_vault_fails() -> None:
    p, k = passphrase_slot(), keychain_slot()
    with pytest.raises(AuthenticationError):
        open_passphrase_slot(p, OTHER_VAULT, SECRET)
    with pytest.raises(AuthenticationError):
        open_keychain_slot(k, OTHER_VAULT, DEVICE_KEY)
    # the same through the serialised header: copy this vault's slots into another's file
    moved = KeyHeader.from_bytes(KeyHeader(vault_id=OTHER_VAULT, slots=header().slots).to_bytes())
    p2, k2 = moved.slot(PASSPHRASE), moved.slot(KEYCHAIN)
    assert p2 is not None
    assert k2 is not None
    with pytest.raises(AuthenticationError):
        open_passphrase_slot(p2, moved.vault_id, SECRET)
    with pytest.raises(AuthenticationError):
        open_keychain_slot(k2, moved.vault_id, DEVICE_KEY)


def test_slot_id_is_bound() -> None:
    """The AAD names the slot id: a wrapped VMK relabelled as another slot does not open."""
    p = passphrase_slot()
    relabelled = Slot(id="recovery", type=PASSPHRASE, wrapped=p.wrapped, salt=p.salt, kdf=p.kdf)
    with pytest.raises(AuthenticationError):
        open_passphrase_slot(relabelled, VAULT_ID, SECRET)
    # a keychain slot whose device key happens to equal some KEK still needs the right slot id
    kek = derive_kek(SECRET, SALT, FAST_KDF)
    as_keychain = Slot(id=KEYCHAIN, type=KEYCHAIN, wrapped=p.wrapped)
    with pytest.raises(AuthenticationError):
        open_keychain_slot(as_keychain, VAULT_ID, kek)
    assert slot_aad(VAULT_ID, PASSPHRASE) != slot_aad(VAULT_ID, KEYCHAIN)


# ---- KeyHeader ------------------------------------------------------------------------------


def test_header_round_trip() -> None:
    h = header()
    data = h.to_bytes()
    again = KeyHeader.from_bytes(data)
    assert again == h
    assert again.to_bytes() == data
    assert again.vault_id_hex == VAULT_ID.hex()
    p, k = again.slot(PASSPHRASE), again.slot(KEYCHAIN)
    assert p is not None
    assert k is not None
    assert open_passphrase_slot(p, again.vault_id, SECRET) == VMK
    assert open_keychain_slot(k, again.vault_id, DEVICE_KEY) == VMK


def test_header_json_matches_docstring() -> None:
    d = doc()
    assert d["format"] == "casevault-keys"
    assert d["version"] == 1
    assert d["vault_id"] == VAULT_ID.hex()
    p, k = d["slots"]
    assert set(p) == {"id", "type", "kdf", "salt", "wrapped"}
    assert p["kdf"] == {"name": "argon2id", "memory_kib": 1024, "iterations": 1, "lanes": 1}
    assert base64.b64decode(p["salt"]) == SALT
    assert set(k) == {"id", "type", "backend", "service", "username", "wrapped"}
    assert (k["service"], k["username"], k["backend"]) == ("casevault", VAULT_ID.hex(), BACKEND)
    assert len(base64.b64decode(k["wrapped"])) == 60
    assert header().to_bytes().endswith(b"}\n")


def test_header_keychain_only_round_trip() -> None:
    h = KeyHeader(vault_id=VAULT_ID, slots=(keychain_slot(),))
    assert KeyHeader.from_bytes(h.to_bytes()) == h
    assert h.slot(PASSPHRASE) is None


def test_with_slot_replaces_only_the_same_type() -> None:
    """A passphrase change re-wraps its own slot and leaves the keychain slot byte-identical."""
    before = header()
    new_salt = bytes(range(100, 116))
    changed = before.with_slot(make_passphrase_slot(VMK, VAULT_ID, "a new passphrase", FAST_KDF, new_salt))
    assert [s.type for s in changed.slots].count(PASSPHRASE) == 1
    assert len(changed.slots) == 2
    assert changed.slot(KEYCHAIN) == before.slot(KEYCHAIN)

    old_doc = json.loads(before.to_bytes())
    new_doc = json.loads(changed.to_bytes())
    old_kc = next(s for s in old_doc["slots"] if s["type"] == KEYCHAIN)
    new_kc = next(s for s in new_doc["slots"] if s["type"] == KEYCHAIN)
    assert json.dumps(new_kc, sort_keys=True) == json.dumps(old_kc, sort_keys=True)
    old_p = next(s for s in old_doc["slots"] if s["type"] == PASSPHRASE)
    new_p = next(s for s in new_doc["slots"] if s["type"] == PASSPHRASE)
    assert new_p["wrapped"] != old_p["wrapped"]
    assert new_p["salt"] != old_p["salt"]

    reread = KeyHeader.from_bytes(changed.to_bytes())
    p, k = reread.slot(PASSPHRASE), reread.slot(KEYCHAIN)
    assert p is not None
    assert k is not None
    assert open_passphrase_slot(p, VAULT_ID, "a new passphrase") == VMK
    with pytest.raises(AuthenticationError):
        open_passphrase_slot(p, VAULT_ID, SECRET)
    assert open_keychain_slot(k, VAULT_ID, DEVICE_KEY) == VMK
    # the original header object is unchanged (frozen)
    p_before = before.slot(PASSPHRASE)
    assert p_before is not None
    assert open_passphrase_slot(p_before, VAULT_ID, SECRET) == VMK


def test_with_slot_adds_a_missing_type_and_without_removes() -> None:
    only_pass = KeyHeader(vault_id=VAULT_ID, slots=(passphrase_slot(),))
    both = only_pass.with_slot(keychain_slot())
    assert [s.type for s in both.slots] == [PASSPHRASE, KEYCHAIN]
    assert both.without(KEYCHAIN) == only_pass
    assert both.without(PASSPHRASE).slots == (keychain_slot_from(both),)


def keychain_slot_from(h: KeyHeader) -> Slot:
    slot = h.slot(KEYCHAIN)
    assert slot is not None
    return slot


# ---- malformed headers ----------------------------------------------------------------------


def _mutate(path: tuple[object, ...], value: object) -> bytes:
    d: Any = doc()
    target = d
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return raw(d)


_DELETE = object()

MALFORMED: list[tuple[str, bytes]] = [
    ("empty", b""),
    ("not json", b"this is not json"),
    ("not utf-8", b"\xff\xfe{}"),
    ("truncated json", HEADER.to_bytes()[:-20]),
    ("json list", b"[]"),
    ("json string", b'"casevault-keys"'),
    ("json null", b"null"),
    ("empty object", b"{}"),
    ("wrong format", _mutate(("format",), "luks")),
    ("missing format", _mutate(("format",), _DELETE)),
    ("unknown version", _mutate(("version",), 2)),
    ("version as string", _mutate(("version",), "1")),
    ("missing version", _mutate(("version",), _DELETE)),
    ("missing vault id", _mutate(("vault_id",), _DELETE)),
    ("vault id not hex", _mutate(("vault_id",), "z" * 32)),
    ("vault id too short", _mutate(("vault_id",), "00" * 15)),
    ("vault id too long", _mutate(("vault_id",), "00" * 17)),
    ("vault id a number", _mutate(("vault_id",), 12345)),
    ("missing slots", _mutate(("slots",), _DELETE)),
    ("no slots", _mutate(("slots",), [])),
    ("slots null", _mutate(("slots",), None)),
    ("slots a string", _mutate(("slots",), "passphrase")),
    ("slot a list", _mutate(("slots", 0), [])),
    ("unknown slot type", _mutate(("slots", 0, "type"), "fingerprint")),
    ("missing slot type", _mutate(("slots", 0, "type"), _DELETE)),
    ("bad base64 wrapped", _mutate(("slots", 0, "wrapped"), "!!not base64!!")),
    ("bad base64 salt", _mutate(("slots", 0, "salt"), "abc")),
    ("non-ascii base64", _mutate(("slots", 0, "wrapped"), "ÿÿÿÿ")),
    ("wrapped a number", _mutate(("slots", 0, "wrapped"), 7)),
    ("missing wrapped", _mutate(("slots", 1, "wrapped"), _DELETE)),
    ("missing salt", _mutate(("slots", 0, "salt"), _DELETE)),
    ("missing kdf", _mutate(("slots", 0, "kdf"), _DELETE)),
    ("kdf a list", _mutate(("slots", 0, "kdf"), [])),
    ("unknown kdf", _mutate(("slots", 0, "kdf", "name"), "pbkdf2")),
    ("kdf zero iterations", _mutate(("slots", 0, "kdf", "iterations"), 0)),
    ("kdf memory null", _mutate(("slots", 0, "kdf", "memory_kib"), None)),
    ("kdf missing lanes", _mutate(("slots", 0, "kdf", "lanes"), _DELETE)),
    ("keychain missing backend", _mutate(("slots", 1, "backend"), _DELETE)),
]


@pytest.mark.parametrize("data", [m[1] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_header_raises_value_error(data: bytes) -> None:
    with pytest.raises(ValueError) as info:
        KeyHeader.from_bytes(data)
    assert str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("slots", 0, "id"), 5),
        (("slots", 0, "id"), None),
        (("slots", 1, "id"), ["keychain"]),
        (("slots", 0, "salt"), base64.b64encode(bytes(8)).decode()),
        (("slots", 0, "salt"), ""),
    ],
    ids=["id a number", "id null", "id a list", "salt of 8 bytes", "salt empty"],
)
def test_unusable_slot_fields_are_refused_on_reading(path: tuple[object, ...], value: object) -> None:
    """A slot id that is not a string, or a salt that is not 16 bytes, makes a malformed header:
    it must be refused on reading (ValueError, which the vault reports as a damaged key file),
    not crash later with AttributeError or an unexpected ValueError when the slot is opened."""
    with pytest.raises(ValueError, match=r"malformed|slot|salt"):
        KeyHeader.from_bytes(_mutate(path, value))


def test_well_formed_header_is_not_refused() -> None:
    """The malformed cases above differ from a good header in one field only."""
    assert KeyHeader.from_bytes(raw(doc())) == HEADER
    uppercase = _mutate(("vault_id",), VAULT_ID.hex().upper())
    assert KeyHeader.from_bytes(uppercase).vault_id == VAULT_ID
