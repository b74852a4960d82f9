"""Pairing a new device with a synced vault, over the sync folder itself (issue 20): pure bytes.

1. The new device writes a **request** (`pairing/<device id>.request`, canonical JSON, not
   secret): its device id, its Ed25519 public key (which signs its change sets), a fresh age
   X25519 recipient, and a label the rep chose ("office desktop").
2. A paired device reads it and shows the **code**; the rep checks it against the one on the
   new device's screen, and only then does the paired device write the **answer**
   (`pairing/<device id>.answer`): the vault id, the vault master key, the sync keys and the
   paired devices' public keys, signed with the inviter's Ed25519 key and encrypted to the
   request's age recipient.
3. The new device opens the answer with its age identity, checks the signature and shows the
   same code, computed from its own request and the inviter's public key inside the answer.

The code is the SHA-256 of the request's bytes and the inviter's public key, as four groups of
four digits (about 53 bits): a folder writer who swaps the request (to be let in) or the answer
(to have the new device join a vault of theirs) changes one side's code, which the rep sees. The
answer is readable only with the new device's age identity, which never leaves it; the folder
sees that a device is being paired, and nothing of the vault.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Final

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from casevault.crypto import signing

REQUEST_SUFFIX: Final = ".request"
ANSWER_SUFFIX: Final = ".answer"
MAX_REQUEST: Final = 4096
MAX_ANSWER: Final = 1 << 20
MAX_LABEL: Final = 60
_CONTEXT: Final = b"casevault/v1/sync-pairing\x00"
_HEX32 = re.compile(r"[0-9a-f]{32}")


class PairingError(ValueError):
    """A request or answer that is damaged, forged, or not for this device (one sentence)."""


@dataclass(frozen=True)
class Request:
    device: str  # 32 hex digits
    signing_public: bytes  # 32 bytes
    recipient: str  # age1...
    label: str

    def to_bytes(self) -> bytes:
        return _canonical(
            {
                "device": self.device,
                "signing_public": self.signing_public.hex(),
                "recipient": self.recipient,
                "label": self.label,
            }
        )


@dataclass(frozen=True)
class PairedDevice:
    device: str
    signing_public: bytes
    label: str
    recipient: str  # its age recipient, for the sync keys sent to it after a removal


@dataclass(frozen=True)
class Answer:
    vault_id: str
    vmk: bytes
    sync_keys: tuple[bytes, ...]  # newest first; the first is the one to write under
    devices: tuple[PairedDevice, ...]  # the inviter first
    folder_name: str = ""  # informational only: where the inviter keeps the folder

    @property
    def inviter(self) -> PairedDevice:
        return self.devices[0]


def clean_label(label: str) -> str:
    text = " ".join(str(label).split())
    if not text or len(text) > MAX_LABEL or not text.isprintable():
        raise PairingError(f"A device's name is one line of 1 to {MAX_LABEL} characters.")
    return text


def new_request(device: str, signing_public: bytes, label: str) -> tuple[Request, str]:
    """A request and the age identity (secret) that opens its answer."""
    identity = pyrage.x25519.Identity.generate()
    request = Request(device, signing_public, str(identity.to_public()), clean_label(label))
    _check_request(request)
    return request, str(identity)


def parse_request(data: bytes) -> Request:
    if len(data) > MAX_REQUEST:
        raise PairingError("The pairing request is too large to be one.")
    fields = _object(data, {"device", "signing_public", "recipient", "label"}, "pairing request")
    try:
        request = Request(
            fields["device"], bytes.fromhex(fields["signing_public"]), fields["recipient"], fields["label"]
        )
    except (TypeError, ValueError):
        raise PairingError("The pairing request is damaged.") from None
    _check_request(request)
    if request.to_bytes() != data:
        raise PairingError("The pairing request is damaged.")
    return request


def code(request: Request, inviter_public: bytes) -> str:
    """What both screens show: 16 digits in four groups."""
    digest = hashlib.sha256(_CONTEXT + b"code\x00" + request.to_bytes() + inviter_public).digest()
    number = int.from_bytes(digest[:8], "big") % 10**16
    text = f"{number:016d}"
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def seal_answer(answer: Answer, request: Request, inviter_secret: bytes) -> bytes:
    """The answer, signed by the inviter and encrypted to the request's recipient."""
    if signing.public_key(inviter_secret) != answer.inviter.signing_public:
        raise ValueError("the answer's first device is the inviter")
    body = _canonical(
        {
            "vault_id": answer.vault_id,
            "vmk": answer.vmk.hex(),
            "sync_keys": [k.hex() for k in answer.sync_keys],
            "devices": [
                {
                    "device": d.device,
                    "signing_public": d.signing_public.hex(),
                    "label": d.label,
                    "recipient": d.recipient,
                }
                for d in answer.devices
            ],
            "folder_name": answer.folder_name,
        }
    )
    signature = _signer(inviter_secret, _signed(request, body))
    plaintext = _canonical({"body": body.decode("utf-8"), "signature": signature.hex()})
    return bytes(pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(request.recipient)]))


def open_answer(data: bytes, request: Request, identity: str) -> Answer:
    """The answer to our request, once its signature verifies; PairingError otherwise."""
    if len(data) > MAX_ANSWER:
        raise PairingError("The pairing answer is too large to be one.")
    body, signature = _open_signed(data, identity, "pairing answer")
    try:
        fields = _object(body, {"vault_id", "vmk", "sync_keys", "devices", "folder_name"}, "pairing answer")
        devices = tuple(
            PairedDevice(d["device"], bytes.fromhex(d["signing_public"]), d["label"], d["recipient"])
            for d in fields["devices"]
            if set(d) == {"device", "signing_public", "label", "recipient"}
        )
        if len(devices) != len(fields["devices"]):
            raise PairingError("The pairing answer is damaged.")

        answer = Answer(
            fields["vault_id"],
            bytes.fromhex(fields["vmk"]),
            tuple(bytes.fromhex(k) for k in fields["sync_keys"]),
            devices,
            str(fields["folder_name"]),
        )
    except (TypeError, ValueError, KeyError):
        raise PairingError("The pairing answer is damaged.") from None
    if (
        not isinstance(answer.vault_id, str)
        or not _HEX32.fullmatch(answer.vault_id)
        or not all(_is_label(d.label) for d in answer.devices)
        or not all(isinstance(d.device, str) for d in answer.devices)
        or not all(_is_recipient(d.recipient) for d in answer.devices)
        or len(answer.vmk) != 32
        or not answer.sync_keys
        or any(len(k) != 32 for k in answer.sync_keys)
        or not answer.devices
        or any(not _HEX32.fullmatch(d.device) or len(d.signing_public) != 32 for d in answer.devices)
        or request.device in {d.device for d in answer.devices}
    ):
        raise PairingError("The pairing answer is damaged.")
    if not _verifies(answer.inviter.signing_public, signature, _signed(request, body)):
        raise PairingError("The pairing answer does not carry the inviting device's signature.")
    return answer


def _is_recipient(text: object) -> bool:
    try:
        pyrage.x25519.Recipient.from_str(text)
    except Exception:  # pyrage raises RecipientError or ValueError depending on the fault
        return False
    return isinstance(text, str)


def _is_label(label: object) -> bool:
    try:
        return isinstance(label, str) and clean_label(label) == label
    except PairingError:
        return False


def _open_signed(data: bytes, identity: str, what: str) -> tuple[bytes, bytes]:
    """The signed body and its signature inside an age file for `identity`, unverified."""
    try:
        plaintext = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)])
    except Exception:  # pyrage's DecryptError, or a header it cannot parse
        raise PairingError(f"The {what} is damaged or was not written for this device.") from None
    outer = _object(plaintext, {"body", "signature"}, what)
    try:
        return str(outer["body"]).encode("utf-8"), bytes.fromhex(outer["signature"])
    except (TypeError, ValueError):
        raise PairingError(f"The {what} is damaged.") from None


def _signed(request: Request, body: bytes) -> bytes:
    return _CONTEXT + hashlib.sha256(request.to_bytes()).digest() + body


def _signer(secret: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(secret).sign(message)


def _verifies(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def _check_request(request: Request) -> None:
    try:
        pyrage.x25519.Recipient.from_str(request.recipient)
    except Exception:  # pyrage raises RecipientError or ValueError depending on the fault
        raise PairingError("The pairing request is damaged.") from None
    if (
        not isinstance(request.device, str)
        or not _HEX32.fullmatch(request.device)
        or len(request.signing_public) != 32
        or not isinstance(request.label, str)
        or clean_label(request.label) != request.label
    ):
        raise PairingError("The pairing request is damaged.")


def _object(data: bytes, keys: set[str], what: str) -> dict[str, Any]:
    try:
        found = json.load(io.BytesIO(data))
    except (ValueError, UnicodeDecodeError):
        raise PairingError(f"The {what} is damaged.") from None
    if not isinstance(found, dict) or set(found) != keys:
        raise PairingError(f"The {what} is damaged.")
    return found


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


# ---- sync keys for the devices that stay, after a removal -------------------------------------

KEY_SUFFIX: Final = ".cvkey"
_KEY_CONTEXT: Final = b"casevault/v1/sync-key-delivery\x00"


def recipient_of(identity: str) -> str:
    return str(pyrage.x25519.Identity.from_str(identity).to_public())


def new_identity() -> tuple[str, str]:
    """A device's age X25519 identity and its recipient."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def seal_sync_key(
    sync_key: bytes, *, sender: str, sender_secret: bytes, to_device: str, recipient: str
) -> bytes:
    """A new sync key for one device: signed by the sender, encrypted to that device alone."""
    body = _canonical({"from": sender, "to": to_device, "key": sync_key.hex()})
    signature = _signer(sender_secret, _KEY_CONTEXT + body)
    plaintext = _canonical({"body": body.decode("utf-8"), "signature": signature.hex()})
    return bytes(pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(recipient)]))


def open_sync_key(data: bytes, *, identity: str, me: str, sender: str, sender_public: bytes) -> bytes:
    """The sync key in a file another device wrote for this one; PairingError unless it opens
    with our identity, names both devices as the file's place does, and carries the sender's
    signature."""
    if len(data) > MAX_REQUEST:
        raise PairingError("A sync key file is too large to be one.")
    body, signature = _open_signed(data, identity, "sync key file")
    try:
        fields = _object(body, {"from", "to", "key"}, "sync key file")
        key = bytes.fromhex(fields["key"])
    except (TypeError, ValueError, KeyError):
        raise PairingError("A sync key file is damaged.") from None
    if fields["from"] != sender or fields["to"] != me or len(key) != 32:
        raise PairingError("A sync key file is damaged or was moved from another device's folder.")
    if not _verifies(sender_public, signature, _KEY_CONTEXT + body):
        raise PairingError("A sync key file does not carry its device's signature.")
    return key
