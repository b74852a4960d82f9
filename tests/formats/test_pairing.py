"""Pairing a new device over the sync folder (formats/pairing.py): the request's canonical bytes
and every refusal, the code both screens show, and the sealed answer with its forgeries."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import pyrage
import pytest

from casevault.crypto import signing
from casevault.formats import pairing
from casevault.formats.pairing import Answer, PairedDevice, PairingError, Request

NEW_DEVICE = "a0" * 16
INVITER = "b0" * 16
THIRD = "c0" * 16
VAULT_ID = "11" * 16
VMK = bytes(range(32))
SYNC_KEYS = (bytes(range(32, 64)), bytes(range(64, 96)))
CODE = re.compile(r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{4}")


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


RECIPIENT = pairing.new_identity()[1]  # a device's age recipient, as an answer lists it


def make_request(label: str = "office desktop", device: str = NEW_DEVICE) -> tuple[Request, str]:
    return pairing.new_request(device, signing.public_key(signing.new_secret()), label)


def request_fields(request: Request) -> dict[str, Any]:
    fields: dict[str, Any] = json.loads(request.to_bytes())
    return fields


def make_answer(inviter_secret: bytes, *others: PairedDevice) -> Answer:
    inviter = PairedDevice(INVITER, signing.public_key(inviter_secret), "laptop", RECIPIENT)
    return Answer(VAULT_ID, VMK, SYNC_KEYS, (inviter, *others), "Casevault sync")


def reseal(data: bytes, request: Request, identity: str, change: dict[str, Any]) -> bytes:
    """Open a sealed answer, change fields of its signed body, and encrypt it again to the
    request's recipient, as anyone who can write to the folder can (the signature stays)."""
    plaintext = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)])
    outer = json.loads(plaintext)
    body = json.loads(outer["body"])
    body.update(change)
    outer["body"] = canonical(body).decode("utf-8")
    return encrypt_to(request, canonical(outer))


def encrypt_to(request: Request, plaintext: bytes) -> bytes:
    return bytes(pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(request.recipient)]))


# ---- the request ---------------------------------------------------------------------------------


def test_a_request_round_trips_through_its_bytes() -> None:
    public = signing.public_key(signing.new_secret())
    request, identity = pairing.new_request(NEW_DEVICE, public, "office desktop")
    assert request.device == NEW_DEVICE
    assert request.signing_public == public
    assert request.label == "office desktop"
    assert request.recipient.startswith("age1")
    assert str(pyrage.x25519.Identity.from_str(identity).to_public()) == request.recipient
    assert pairing.parse_request(request.to_bytes()) == request
    assert request.to_bytes() == canonical(request_fields(request))
    assert set(request_fields(request)) == {"device", "signing_public", "recipient", "label"}
    longest = make_request("x" * pairing.MAX_LABEL)[0]
    assert pairing.parse_request(longest.to_bytes()) == longest


def test_new_request_tidies_the_label_and_makes_a_fresh_identity_each_time() -> None:
    first, first_identity = make_request("  office \t desktop ")
    second, second_identity = make_request("office desktop")
    assert first.label == "office desktop"
    assert first.recipient != second.recipient
    assert first_identity != second_identity


@pytest.mark.parametrize(
    ("device", "public", "label"),
    [
        ("A0" * 16, bytes(32), "desk"),
        ("a0" * 15, bytes(32), "desk"),
        ("../" * 11, bytes(32), "desk"),
        (NEW_DEVICE, bytes(31), "desk"),
        (NEW_DEVICE, bytes(32), ""),
        (NEW_DEVICE, bytes(32), "x" * (pairing.MAX_LABEL + 1)),
    ],
)
def test_new_request_refuses_what_parse_request_would(device: str, public: bytes, label: str) -> None:
    with pytest.raises(PairingError):
        pairing.new_request(device, public, label)


@pytest.mark.parametrize(
    "data",
    [b"", b"{", b"not json", b"\xff\xfe", b"[]", b'"a string"', b"null", b"{}"],
    ids=["empty", "truncated", "text", "not-utf8", "list", "string", "null", "empty-object"],
)
def test_parse_request_refuses_damaged_bytes(data: bytes) -> None:
    with pytest.raises(PairingError, match="damaged"):
        pairing.parse_request(data)
    whole = make_request()[0].to_bytes()
    for cut in (1, len(whole) // 2, len(whole) - 1):
        with pytest.raises(PairingError, match="damaged"):
            pairing.parse_request(whole[:cut])


def test_parse_request_refuses_an_extra_or_missing_key() -> None:
    fields = request_fields(make_request()[0])
    with pytest.raises(PairingError, match="damaged"):
        pairing.parse_request(canonical({**fields, "admin": True}))
    for key in fields:
        with pytest.raises(PairingError, match="damaged"):
            pairing.parse_request(canonical({k: v for k, v in fields.items() if k != key}))


def test_parse_request_refuses_a_non_canonical_spelling() -> None:
    request = make_request()[0]
    fields = request_fields(request)
    spellings = [
        json.dumps(fields, sort_keys=True).encode(),  # ", " and ": "
        json.dumps(dict(reversed(fields.items())), separators=(",", ":")).encode(),  # key order
        request.to_bytes() + b"\n",
        b" " + request.to_bytes(),
        request.to_bytes().replace(b"office", b"\\u006fffice"),  # an escape for a plain letter
    ]
    for data in spellings:
        assert json.loads(data) == fields
        with pytest.raises(PairingError, match="damaged"):
            pairing.parse_request(data)


@pytest.mark.parametrize(
    "device", ["A0" * 16, "a0" * 15, "a0" * 17, "g0" * 16, "", "../../../../../../../../../../etc"]
)
def test_parse_request_refuses_a_bad_device_id(device: str) -> None:
    fields = request_fields(make_request()[0])
    with pytest.raises(PairingError, match="damaged"):
        pairing.parse_request(canonical({**fields, "device": device}))


@pytest.mark.parametrize("device", [5, None, ["a0" * 16]], ids=["number", "null", "list"])
def test_parse_request_refuses_a_device_id_that_is_not_text(device: object) -> None:
    # BUG (src/casevault/formats/pairing.py, _check_request): the id is matched against the hex
    # pattern outside any try, so a number or null escapes as TypeError instead of PairingError.
    fields = request_fields(make_request()[0])
    with pytest.raises(PairingError):
        pairing.parse_request(canonical({**fields, "device": device}))


@pytest.mark.parametrize("public", ["00" * 31, "00" * 33, "zz" * 32, "", 7])
def test_parse_request_refuses_a_bad_signing_key(public: object) -> None:
    fields = request_fields(make_request()[0])
    with pytest.raises(PairingError, match="damaged"):
        pairing.parse_request(canonical({**fields, "signing_public": public}))


@pytest.mark.parametrize(
    "recipient",
    [
        "",
        "age1",
        "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG7TOCZQ2rL5Kb3cXUh7F0y0Ne9Dd0aSExQ4bYtbGRyW",
        5,
    ],
)
def test_parse_request_refuses_a_bad_recipient(recipient: object) -> None:
    fields = request_fields(make_request()[0])
    with pytest.raises(PairingError, match="damaged"):
        pairing.parse_request(canonical({**fields, "recipient": recipient}))


@pytest.mark.parametrize(
    "label",
    ["", "   ", "x" * (pairing.MAX_LABEL + 1), "office\ndesktop", "office\r\ndesktop", "a\tb", 5],
    ids=["empty", "blank", "too-long", "two-lines", "crlf", "tab", "number"],
)
def test_parse_request_refuses_a_label_that_is_not_one_clean_line(label: object) -> None:
    # BUG for two-lines, crlf, tab and number (pairing._check_request): clean_label's tidied text
    # is checked and thrown away, so a label with a line break (or a number) is accepted as sent
    # and the inviting device would show "office\ndesktop" (room for a fake second line).
    fields = request_fields(make_request()[0])
    with pytest.raises(PairingError):
        pairing.parse_request(canonical({**fields, "label": label}))


def test_parse_request_refuses_oversize_input_before_reading_it() -> None:
    with pytest.raises(PairingError, match="too large"):
        pairing.parse_request(b"{" + b" " * pairing.MAX_REQUEST)
    request = make_request()[0]
    padded = request.to_bytes() + b" " * (pairing.MAX_REQUEST - len(request.to_bytes()) + 1)
    with pytest.raises(PairingError, match="too large"):
        pairing.parse_request(padded)


# ---- the code ------------------------------------------------------------------------------------


def test_the_code_is_four_groups_of_four_digits_and_repeatable() -> None:
    request = make_request()[0]
    inviter = signing.public_key(signing.new_secret())
    shown = pairing.code(request, inviter)
    assert CODE.fullmatch(shown)
    assert pairing.code(request, inviter) == shown
    assert pairing.code(pairing.parse_request(request.to_bytes()), inviter) == shown


def test_the_code_changes_with_the_inviter_key_and_every_request_field() -> None:
    request = make_request()[0]
    inviter = signing.public_key(signing.new_secret())
    shown = pairing.code(request, inviter)
    assert pairing.code(request, signing.public_key(signing.new_secret())) != shown
    changed = [
        replace(request, device=THIRD),
        replace(request, signing_public=signing.public_key(signing.new_secret())),
        replace(request, recipient=make_request()[0].recipient),
        replace(request, label="office desktop 2"),
    ]
    for other in changed:
        assert pairing.code(other, inviter) != shown


# ---- the answer ----------------------------------------------------------------------------------


def test_an_answer_round_trips_to_the_new_device() -> None:
    request, identity = make_request()
    secret = signing.new_secret()
    third = PairedDevice(THIRD, signing.public_key(signing.new_secret()), "home", RECIPIENT)
    answer = make_answer(secret, third)
    data = pairing.seal_answer(answer, request, secret)
    opened = pairing.open_answer(data, request, identity)
    assert opened == answer
    assert opened.inviter == PairedDevice(INVITER, signing.public_key(secret), "laptop", RECIPIENT)
    assert opened.sync_keys[0] == SYNC_KEYS[0]
    # Both screens show the same code: the new device computes it from the answer's inviter.
    assert pairing.code(request, opened.inviter.signing_public) == pairing.code(
        request, signing.public_key(secret)
    )


def test_the_sealed_answer_shows_nothing_of_the_vault() -> None:
    request, _ = make_request()
    secret = signing.new_secret()
    data = pairing.seal_answer(make_answer(secret), request, secret)
    for secret_part in (VMK, VMK.hex().encode(), SYNC_KEYS[0].hex().encode(), VAULT_ID.encode()):
        assert secret_part not in data
    assert data.startswith(b"age-encryption.org/v1")


def test_seal_answer_refuses_a_secret_that_is_not_the_first_devices() -> None:
    request, _ = make_request()
    answer = make_answer(signing.new_secret())
    with pytest.raises(ValueError, match="first device"):
        pairing.seal_answer(answer, request, signing.new_secret())


def test_open_answer_refuses_an_answer_for_another_request() -> None:
    request, identity = make_request()
    other, _ = make_request(device=THIRD)
    secret = signing.new_secret()
    data = pairing.seal_answer(make_answer(secret), other, secret)
    with pytest.raises(PairingError, match="not written for this device"):
        pairing.open_answer(data, request, identity)


def test_open_answer_refuses_an_answer_signed_for_a_swapped_request() -> None:
    # Same recipient (the folder writer kept it) but another label: the signature covers the
    # whole request, so the answer does not verify against the request the device sent.
    request, identity = make_request()
    secret = signing.new_secret()
    data = pairing.seal_answer(make_answer(secret), replace(request, label="attacker"), secret)
    with pytest.raises(PairingError, match="signature"):
        pairing.open_answer(data, request, identity)


def test_open_answer_refuses_flipped_bytes() -> None:
    request, identity = make_request()
    secret = signing.new_secret()
    data = pairing.seal_answer(make_answer(secret), request, secret)
    for position in (0, 40, len(data) // 2, len(data) - 20, len(data) - 1):
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        with pytest.raises(PairingError):
            pairing.open_answer(bytes(damaged), request, identity)
    with pytest.raises(PairingError):
        pairing.open_answer(data[:-1], request, identity)
    with pytest.raises(PairingError):
        pairing.open_answer(b"not age at all", request, identity)


@pytest.mark.parametrize(
    "change",
    [
        {"vmk": "ee" * 32},
        {"vault_id": "22" * 16},
        {"sync_keys": ["ee" * 32]},
        {"folder_name": "elsewhere"},
    ],
)
def test_open_answer_refuses_a_re_encrypted_tampered_body(change: dict[str, Any]) -> None:
    request, identity = make_request()
    secret = signing.new_secret()
    data = pairing.seal_answer(make_answer(secret), request, secret)
    forged = reseal(data, request, identity, change)
    assert pyrage.decrypt(forged, [pyrage.x25519.Identity.from_str(identity)])  # it is readable
    with pytest.raises(PairingError, match="signature"):
        pairing.open_answer(forged, request, identity)


def test_open_answer_refuses_a_signature_by_a_key_that_is_not_the_first_devices() -> None:
    request, identity = make_request()
    secret = signing.new_secret()
    data = pairing.seal_answer(make_answer(secret), request, secret)
    impostor = signing.public_key(signing.new_secret())
    devices = [
        {"device": INVITER, "signing_public": impostor.hex(), "label": "laptop", "recipient": RECIPIENT}
    ]
    with pytest.raises(PairingError, match="signature"):
        pairing.open_answer(reseal(data, request, identity, {"devices": devices}), request, identity)


def test_an_answer_signed_by_another_vault_shows_another_code() -> None:
    # Anyone can encrypt to the request's recipient and sign with a key of their own: the answer
    # opens, but the code the new device shows is not the one on the real inviter's screen.
    request, identity = make_request()
    real, attacker = signing.new_secret(), signing.new_secret()
    data = pairing.seal_answer(make_answer(attacker), request, attacker)
    opened = pairing.open_answer(data, request, identity)
    assert pairing.code(request, opened.inviter.signing_public) != pairing.code(
        request, signing.public_key(real)
    )


def test_open_answer_refuses_an_answer_that_lists_the_new_device_itself() -> None:
    request, identity = make_request()
    secret = signing.new_secret()
    itself = PairedDevice(NEW_DEVICE, request.signing_public, "office desktop", RECIPIENT)
    data = pairing.seal_answer(make_answer(secret, itself), request, secret)
    with pytest.raises(PairingError, match="damaged"):
        pairing.open_answer(data, request, identity)


@pytest.mark.parametrize(
    "change",
    [
        {"vmk": "00" * 31},
        {"vault_id": "AB" * 16},
        {"sync_keys": []},
        {"sync_keys": ["00" * 33]},
        {"devices": []},
        {"devices": "b0"},
        {"vault_id": 5},
    ],
    ids=[
        "short-vmk",
        "upper-vault-id",
        "no-sync-key",
        "long-sync-key",
        "no-device",
        "devices-text",
        "num-id",
    ],
)
def test_open_answer_refuses_a_malformed_body(change: dict[str, Any]) -> None:
    # BUG for num-id (pairing.open_answer): the vault id is matched against the hex pattern after
    # the try, so a number there (anyone can encrypt to the recipient) escapes as TypeError.
    request, identity = make_request()
    secret = signing.new_secret()
    data = pairing.seal_answer(make_answer(secret), request, secret)
    with pytest.raises(PairingError):
        pairing.open_answer(reseal(data, request, identity, change), request, identity)


def test_open_answer_refuses_a_plaintext_with_extra_keys() -> None:
    request, identity = make_request()
    secret = signing.new_secret()
    data = pairing.seal_answer(make_answer(secret), request, secret)
    outer = json.loads(pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)]))
    with pytest.raises(PairingError, match="damaged"):
        pairing.open_answer(encrypt_to(request, canonical({**outer, "x": 1})), request, identity)


def test_open_answer_refuses_oversize_input() -> None:
    request, identity = make_request()
    with pytest.raises(PairingError, match="too large"):
        pairing.open_answer(b"\0" * (pairing.MAX_ANSWER + 1), request, identity)
    big = encrypt_to(request, b" " * pairing.MAX_ANSWER)
    assert len(big) > pairing.MAX_ANSWER
    with pytest.raises(PairingError, match="too large"):
        pairing.open_answer(big, request, identity)


# ---- sync keys sent after a removal ----------------------------------------------------------


def _sealed_key(secret: bytes, recipient: str, to_device: str = NEW_DEVICE) -> bytes:
    return pairing.seal_sync_key(
        b"K" * 32, sender=INVITER, sender_secret=secret, to_device=to_device, recipient=recipient
    )


def test_a_sync_key_opens_only_for_its_device_and_from_its_sender() -> None:
    identity, recipient = pairing.new_identity()
    assert pairing.recipient_of(identity) == recipient
    secret = signing.new_secret()
    public = signing.public_key(secret)
    data = _sealed_key(secret, recipient)
    assert b"K" * 32 not in data
    assert pairing.open_sync_key(
        data, identity=identity, me=NEW_DEVICE, sender=INVITER, sender_public=public
    ) == (b"K" * 32)
    with pytest.raises(PairingError, match="moved"):  # found in another sender's folder
        pairing.open_sync_key(data, identity=identity, me=NEW_DEVICE, sender=THIRD, sender_public=public)
    with pytest.raises(PairingError, match="moved"):  # written for another device
        pairing.open_sync_key(
            _sealed_key(secret, recipient, THIRD),
            identity=identity,
            me=NEW_DEVICE,
            sender=INVITER,
            sender_public=public,
        )
    with pytest.raises(PairingError, match="signature"):
        pairing.open_sync_key(
            data,
            identity=identity,
            me=NEW_DEVICE,
            sender=INVITER,
            sender_public=signing.public_key(signing.new_secret()),
        )
    other_identity, _ = pairing.new_identity()
    with pytest.raises(PairingError, match="not written for this device"):
        pairing.open_sync_key(
            data, identity=other_identity, me=NEW_DEVICE, sender=INVITER, sender_public=public
        )
    with pytest.raises(PairingError, match="too large"):
        pairing.open_sync_key(
            b"x" * 5000, identity=identity, me=NEW_DEVICE, sender=INVITER, sender_public=public
        )
