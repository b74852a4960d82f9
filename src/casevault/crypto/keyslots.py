"""The `vault.keys` header: key slots that each wrap the vault master key (VMK), like LUKS.

    {"format": "casevault-keys", "version": 1, "vault_id": "<32 hex>",
     "slots": [
       {"id": "passphrase", "type": "passphrase", "kdf": {"name": "argon2id", "memory_kib": ...,
        "iterations": ..., "lanes": ...}, "salt": "<b64>", "wrapped": "<b64>"},
       {"id": "keychain", "type": "keychain", "backend": "<keyring class>", "service": "casevault",
        "username": "<vault id>", "wrapped": "<b64>"}]}

`wrapped` = nonce(12) || AES-256-GCM(KEK, VMK, aad) with
aad = b"casevault/v1/slot\\0" || vault_id(16 bytes) || slot id (UTF-8).
The passphrase KEK is Argon2id(passphrase, salt, kdf); the keychain KEK is a random 32-byte
device key kept in the OS keychain. Changing one slot never touches another.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field, replace
from typing import Any, Final

from casevault.crypto.kdf import SALT_LEN, KdfParams, derive_kek
from casevault.crypto.keys import WRAPPED_LEN, unwrap_key, wrap_key

FORMAT: Final = "casevault-keys"
VERSION: Final = 1
PASSPHRASE: Final = "passphrase"
KEYCHAIN: Final = "keychain"
KEYCHAIN_SERVICE: Final = "casevault"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error) as err:
        raise ValueError("bad base64 in the key header") from err


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"key slot field {key!r} is missing or not text")  # noqa: TRY004 - bad data, not a bug
    return value


def slot_aad(vault_id: bytes, slot_id: str) -> bytes:
    return b"casevault/v1/slot\x00" + vault_id + slot_id.encode()


@dataclass(frozen=True)
class Slot:
    id: str
    type: str
    wrapped: bytes
    salt: bytes = b""
    kdf: KdfParams | None = None
    backend: str = ""
    service: str = ""
    username: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.type == PASSPHRASE and self.kdf is not None:
            out |= {"kdf": self.kdf.to_json(), "salt": _b64(self.salt)}
        if self.type == KEYCHAIN:
            out |= {"backend": self.backend, "service": self.service, "username": self.username}
        out["wrapped"] = _b64(self.wrapped)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        """Every field is checked here, so a damaged header fails on reading, as damage, and
        never later as a crash inside the crypto."""
        kind = _text(data, "type")
        if _text(data, "id") != kind:
            raise ValueError("a key slot's id must match its type")
        wrapped = _unb64(_text(data, "wrapped"))
        if len(wrapped) != WRAPPED_LEN:
            raise ValueError("a wrapped key has the wrong length")
        if kind == PASSPHRASE:
            salt = _unb64(_text(data, "salt"))
            if len(salt) != SALT_LEN or not isinstance(data.get("kdf"), dict):
                raise ValueError("the passphrase slot's salt or KDF is malformed")
            return cls(id=kind, type=kind, wrapped=wrapped, salt=salt, kdf=KdfParams.from_json(data["kdf"]))
        if kind == KEYCHAIN:
            return cls(
                id=kind,
                type=kind,
                wrapped=wrapped,
                backend=_text(data, "backend"),
                service=_text(data, "service"),
                username=_text(data, "username"),
            )
        raise ValueError("unknown key slot type")


@dataclass(frozen=True)
class KeyHeader:
    vault_id: bytes
    slots: tuple[Slot, ...] = field(default=())

    @property
    def vault_id_hex(self) -> str:
        return self.vault_id.hex()

    def slot(self, kind: str) -> Slot | None:
        return next((s for s in self.slots if s.type == kind), None)

    def with_slot(self, slot: Slot) -> KeyHeader:
        """Add `slot`, replacing only a slot of the same type."""
        kept = tuple(s for s in self.slots if s.type != slot.type)
        return replace(self, slots=(*kept, slot))

    def without(self, kind: str) -> KeyHeader:
        return replace(self, slots=tuple(s for s in self.slots if s.type != kind))

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id.hex(),
            "slots": [s.to_json() for s in self.slots],
        }
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyHeader:
        """Raises ValueError for anything that is not a well-formed header of a known version."""
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("not a casevault key header")
            if type(doc.get("version")) is not int or doc["version"] != VERSION:
                raise ValueError(f"key header version {doc.get('version')!r} is not supported")
            vault_id = bytes.fromhex(doc["vault_id"])
            if len(vault_id) != 16:
                raise ValueError("bad vault id")
            slots = tuple(Slot.from_json(s) for s in doc["slots"])
            if len({s.type for s in slots}) != len(slots):
                raise ValueError("the key header has two slots of one type")
        except (KeyError, TypeError, AttributeError, UnicodeDecodeError) as err:
            raise ValueError("the key header is malformed") from err
        if not slots:
            raise ValueError("the key header has no key slots")
        return cls(vault_id=vault_id, slots=slots)


def make_passphrase_slot(
    vmk: bytes, vault_id: bytes, passphrase: str, params: KdfParams, salt: bytes
) -> Slot:
    if len(salt) != SALT_LEN:
        raise ValueError("salt must be 16 bytes")
    kek = derive_kek(passphrase, salt, params)
    wrapped = wrap_key(kek, vmk, slot_aad(vault_id, PASSPHRASE))
    return Slot(id=PASSPHRASE, type=PASSPHRASE, wrapped=wrapped, salt=salt, kdf=params)


def open_passphrase_slot(slot: Slot, vault_id: bytes, passphrase: str) -> bytes:
    """Returns the VMK; raises AuthenticationError for a wrong passphrase or a tampered slot."""
    if slot.kdf is None:
        raise ValueError("passphrase slot without KDF parameters")
    kek = derive_kek(passphrase, slot.salt, slot.kdf)
    return unwrap_key(kek, slot.wrapped, slot_aad(vault_id, slot.id))


def make_keychain_slot(vmk: bytes, vault_id: bytes, device_key: bytes, backend: str) -> Slot:
    wrapped = wrap_key(device_key, vmk, slot_aad(vault_id, KEYCHAIN))
    return Slot(
        id=KEYCHAIN,
        type=KEYCHAIN,
        wrapped=wrapped,
        backend=backend,
        service=KEYCHAIN_SERVICE,
        username=vault_id.hex(),
    )


def open_keychain_slot(slot: Slot, vault_id: bytes, device_key: bytes) -> bytes:
    return unwrap_key(device_key, slot.wrapped, slot_aad(vault_id, slot.id))
