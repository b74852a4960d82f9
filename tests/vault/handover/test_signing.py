"""The sender of a handover bundle is authenticated (issue 13, item 4): age proves who can read a
bundle, not who wrote it, so each vault signs its bundles with its own Ed25519 key and the
receiver verifies before writing anything, then tells the rep whether the signer is new, known
or confirmed by phone. Round trips and tampering; the primitive's known answers are in
tests/crypto/test_signing.py."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest

from casevault.core.errors import DamagedError, NotFoundError, UsageError
from casevault.core.paths import VaultPaths
from casevault.crypto import signing
from casevault.formats import bundle
from casevault.store import handover as handover_rows
from casevault.vault.facade import Vault
from casevault.vault.handover.receive import SENDER_CONFIRMED, SENDER_KNOWN, SENDER_NEW
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.support import bundles as craft
from tests.support.handover_cases import blob_files, full_case

A, B = bytes([1]) * 32, bytes([2]) * 32


@pytest.fixture
def other(tmp_path: Path, clock: FakeClock) -> Iterator[Vault]:
    v = Vault.create(
        VaultPaths(tmp_path / "other"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock
    )
    yield v
    v.close()


# ---- bundles: round trip and tampering ---------------------------------------------------------


def _refused(receiver: Vault, path: Path) -> str:
    before = (receiver.count_cases(), blob_files(receiver), set(receiver.paths.cases_dir.iterdir()))
    with pytest.raises(DamagedError) as err:
        receiver.receive_case(path)
    assert "\n" not in err.value.message and err.value.message.endswith(".")
    assert (receiver.count_cases(), blob_files(receiver), set(receiver.paths.cases_dir.iterdir())) == before
    assert receiver.handover_senders() == []
    assert receiver.check() == []
    return err.value.message


def test_a_real_handover_is_signed_by_the_senders_vault(vault: Vault, other: Vault, tmp_path: Path) -> None:
    ref = full_case(vault)
    out = tmp_path / "case.age"
    vault.hand_over(ref, other.identity_public_key(), out)
    receipt = other.receive(out)
    assert receipt.sender == vault.signing_fingerprint() != other.signing_fingerprint()
    assert receipt.status == SENDER_NEW
    audit = [(e.fields.action, e.fields.subject) for e in other.audit(receipt.ref)]
    assert ("case.received", vault.signing_fingerprint()) in audit


def test_trust_on_first_use_then_known_then_confirmed_by_phone(
    vault: Vault, other: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    ref = full_case(vault)
    out = tmp_path / "case.age"
    vault.hand_over(ref, other.identity_public_key(), out)
    first = other.receive(out)
    assert first.status == SENDER_NEW
    clock.advance(hours=1)
    second = other.receive(out)
    assert second.status == SENDER_KNOWN and second.sender == first.sender
    (known,) = other.handover_senders()
    assert known.received == 2 and known.confirmed_at is None
    assert known.last_received_at > known.first_received_at
    with pytest.raises(UsageError):
        other.confirm_sender("not a fingerprint")
    with pytest.raises(NotFoundError):
        other.confirm_sender(signing.fingerprint(signing.public_key(B)))
    assert other.confirm_sender(first.sender.upper().replace("-", "")) == first.sender
    assert other.handover_senders()[0].confirmed_at == clock.now
    assert other.receive(out).status == SENDER_CONFIRMED
    assert other.check() == []


def test_the_signing_key_is_stable_and_never_in_plaintext(vault: Vault) -> None:
    fp = vault.signing_fingerprint()
    secret = vault.session.signing_secret()
    vault.close()
    with Vault.open(vault.paths, keychain=None, ask_passphrase=lambda _r: PASSPHRASE) as again:
        assert again.signing_fingerprint() == fp
    for path in vault.paths.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret not in data and secret.hex().encode() not in data, path.name


def test_signed_by_a_but_claiming_b_is_refused(vault: Vault, tmp_path: Path) -> None:
    recipient = vault.identity_public_key()
    manifest = craft.base_manifest(B, recipient)  # names B as its signer
    plain = craft.plaintext(manifest, [craft.DOC], secret=A, recipient=recipient)  # signed by A
    assert "different sender" in _refused(vault, craft.seal(plain, recipient, tmp_path / "b.age"))


def test_a_signature_over_another_recipient_is_refused(vault: Vault, other: Vault, tmp_path: Path) -> None:
    recipient = vault.identity_public_key()
    manifest = craft.base_manifest(A, recipient)
    plain = craft.plaintext(
        manifest, [craft.DOC], secret=A, recipient=recipient, signed_for=other.identity_public_key()
    )
    assert _refused(vault, craft.seal(plain, recipient, tmp_path / "b.age")) == bundle.BAD_SIGNATURE


def test_a_bundle_re_encrypted_to_a_third_vault_is_refused(
    vault: Vault, other: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    """`other` received a real bundle; it decrypts it and re-encrypts the same plaintext to a
    third vault, as if `vault` had sent it there."""
    ref = full_case(vault)
    out = tmp_path / "case.age"
    vault.hand_over(ref, other.identity_public_key(), out)
    secret = handover_rows.identity(other.db)  # other's age secret, kept in its database
    assert secret is not None
    plain = pyrage.decrypt(out.read_bytes(), [pyrage.x25519.Identity.from_str(secret)])
    third = Vault.create(
        VaultPaths(tmp_path / "third"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock
    )
    with third:
        moved = craft.seal(plain, third.identity_public_key(), tmp_path / "moved.age")
        assert _refused(third, moved) == bundle.BAD_SIGNATURE


def test_a_flipped_signature_byte_is_refused(vault: Vault, tmp_path: Path) -> None:
    recipient = vault.identity_public_key()
    manifest = craft.base_manifest(A, recipient)
    plain = craft.plaintext(manifest, [craft.DOC], secret=A, recipient=recipient, flip_signature=True)
    assert _refused(vault, craft.seal(plain, recipient, tmp_path / "b.age")) == bundle.BAD_SIGNATURE


def test_a_changed_document_under_a_stale_signature_is_refused(vault: Vault, tmp_path: Path) -> None:
    """The manifest's SHA-256 is updated to the new document, but the signature is the old one."""
    recipient = vault.identity_public_key()
    good = craft.plaintext(craft.base_manifest(A, recipient), [craft.DOC], secret=A, recipient=recipient)
    evil = craft.DOC.replace(b"dismissal", b"promotion")
    manifest = craft.base_manifest(A, recipient)
    manifest["documents"][0]["sha256"] = hashlib.sha256(evil).hexdigest()
    unsigned = craft.plaintext(manifest, [evil], secret=None, recipient=recipient)
    stale = unsigned[: -craft.FRAME.size] + good[-(craft.FRAME.size * 2 + 96) :]
    assert _refused(vault, craft.seal(stale, recipient, tmp_path / "b.age")) == bundle.BAD_SIGNATURE


def test_a_missing_signature_frame_is_refused(vault: Vault, tmp_path: Path) -> None:
    recipient = vault.identity_public_key()
    plain = craft.plaintext(craft.base_manifest(A, recipient), [craft.DOC], secret=None, recipient=recipient)
    assert _refused(vault, craft.seal(plain, recipient, tmp_path / "b.age")) == bundle.BAD_SIGNATURE


def test_an_unsigned_old_format_bundle_asks_the_sender_to_update(vault: Vault, tmp_path: Path) -> None:
    recipient = vault.identity_public_key()
    manifest = craft.base_manifest(A, recipient)
    manifest["version"] = 1
    del manifest["signing_key"]
    plain = craft.plaintext(
        manifest, [craft.DOC], secret=None, recipient=recipient, magic=bundle.MAGIC_PREFIX + b"\x01"
    )
    message = _refused(vault, craft.seal(plain, recipient, tmp_path / "b.age"))
    assert message == bundle.UNSIGNED and "update casevault" in message


def test_a_bundle_from_a_newer_casevault_says_so(vault: Vault, tmp_path: Path) -> None:
    recipient = vault.identity_public_key()
    plain = craft.plaintext(
        craft.base_manifest(A, recipient),
        [],
        secret=A,
        recipient=recipient,
        magic=bundle.MAGIC_PREFIX + b"\x03",
    )
    assert _refused(vault, craft.seal(plain, recipient, tmp_path / "b.age")) == bundle.NEWER


def test_anything_after_the_end_or_a_truncated_signature_is_refused(vault: Vault, tmp_path: Path) -> None:
    recipient = vault.identity_public_key()
    plain = craft.plaintext(craft.base_manifest(A, recipient), [craft.DOC], secret=A, recipient=recipient)
    assert _refused(vault, craft.seal(plain + b"x", recipient, tmp_path / "extra.age")) == bundle.DAMAGED
    cut = plain[: -craft.FRAME.size - 10]
    assert _refused(vault, craft.seal(cut, recipient, tmp_path / "cut.age")) == bundle.DAMAGED


def test_a_received_email_is_found_by_the_words_of_its_body(
    vault: Vault, other: Vault, tmp_path: Path
) -> None:
    """The sender's search index is not in the bundle: the receiver indexes an email's body as
    its own import would, so search finds a received email by what it says."""
    ref = full_case(vault)
    source = tmp_path / "from-hr.eml"
    source.write_bytes(
        b"From: HR <hr@employer.example>\r\nTo: anna@home.example\r\nSubject: Outcome\r\n"
        b"Date: Mon, 9 Mar 2026 10:00:00 +0000\r\n\r\nThe panel upheld the zygomorphic warning.\r\n"
    )
    vault.import_email(ref, source)
    (tmp_path / "not-an-email.txt").write_bytes(b"zygomorphic notes in a plain document")
    vault.attach(ref, tmp_path / "not-an-email.txt")
    assert [h.ref for h in vault.search("zygomorphic")] == [ref]
    out = tmp_path / "case.age"
    vault.hand_over(ref, other.identity_public_key(), out)
    received = other.receive(out).ref
    matches = other.search_matches("zygomorphic")
    assert [(m.case.ref, m.source) for m in matches] == [(received, "email")]
    assert other.check() == []
