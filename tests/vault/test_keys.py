"""Vault lifecycle and key slots: create, open, passphrase changes, keychain enrolment and every
keychain failure falling back to the passphrase. MemoryKeychain stands in for the OS keychain
(gnome-keyring itself is tested in tests/keychain)."""

from __future__ import annotations

import functools
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casevault.core.errors import DamagedError, UnlockError, UsageError, VaultStateError
from casevault.core.paths import VaultPaths
from casevault.crypto import keyslots
from casevault.host.keychain import MemoryKeychain
from casevault.vault import keys as vault_keys
from casevault.vault import unlock as unlock_module
from casevault.vault.facade import Vault
from casevault.vault.keys import read_header
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock, reopen

NEW_PASSPHRASE = "a completely different passphrase 9931"


class Asker:
    """An ask_passphrase callback that records every call."""

    def __init__(self, answer: str | None = PASSPHRASE) -> None:
        self.answer = answer
        self.reasons: list[str | None] = []

    def __call__(self, reason: str | None) -> str | None:
        self.reasons.append(reason)
        return self.answer


def never_ask(reason: str | None) -> str | None:
    raise AssertionError(f"asked for a passphrase ({reason})")


def header_doc(paths: VaultPaths) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(paths.keys_file.read_bytes())
    return doc


def slot_doc(paths: VaultPaths, kind: str) -> dict[str, Any] | None:
    return next((s for s in header_doc(paths)["slots"] if s["type"] == kind), None)


def open_vault(
    paths: VaultPaths, keychain: MemoryKeychain | None, ask: Any, clock: FakeClock, **kw: Any
) -> Vault:
    return Vault.open(paths, keychain=keychain, ask_passphrase=ask, clock=clock, **kw)


@pytest.fixture
def keychain() -> MemoryKeychain:
    return MemoryKeychain()


@pytest.fixture
def kc_vault(vault_paths: VaultPaths, keychain: MemoryKeychain, clock: FakeClock) -> Iterator[VaultPaths]:
    """A closed vault with a passphrase slot and a keychain slot, and one case."""
    with Vault.create(vault_paths, PASSPHRASE, keychain=keychain, kdf_params=FAST_KDF, clock=clock) as v:
        v.new_case("Ada Example")
    yield vault_paths


# ---- create ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("", "too short"),
        ("short", "too short"),
        ("elevenchars", "too short"),
        ("aaaaaaaaaaaaaaaaaaaa", "too few different characters"),
        ("abababababababab", "too few different characters"),
    ],
)
def test_create_refuses_a_weak_passphrase(vault_paths: VaultPaths, passphrase: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason) as caught:
        Vault.create(vault_paths, passphrase, keychain=None, kdf_params=FAST_KDF)
    assert caught.value.exit_code == 2
    if reason == "too short":
        assert "12 characters" in caught.value.message
    assert not vault_paths.root.exists()


def test_create_accepts_twelve_characters(vault_paths: VaultPaths, clock: FakeClock) -> None:
    with Vault.create(vault_paths, "abcdefghijkl", keychain=None, kdf_params=FAST_KDF, clock=clock) as v:
        ref = v.new_case("Ada Example")
    assert [s["type"] for s in header_doc(vault_paths)["slots"]] == ["passphrase"]
    with pytest.raises(UnlockError, match="passphrase is wrong"):
        open_vault(vault_paths, None, Asker("abcdefghijk"), clock)  # one character short
    ask = Asker("abcdefghijkl")
    with open_vault(vault_paths, None, ask, clock) as v:
        assert [(c.ref, c.member_name) for c in v.list_cases()] == [(ref, "Ada Example")]
    assert ask.reasons == [None]


def test_create_refuses_an_existing_vault(vault: Vault, vault_paths: VaultPaths) -> None:
    keys_before = vault_paths.keys_file.read_bytes()
    with pytest.raises(VaultStateError, match="already exists"):
        Vault.create(vault_paths, NEW_PASSPHRASE, keychain=None, kdf_params=FAST_KDF)
    assert vault_paths.keys_file.read_bytes() == keys_before


def test_create_refuses_a_non_empty_folder(vault_paths: VaultPaths) -> None:
    vault_paths.root.mkdir()
    (vault_paths.root / "thesis.docx").write_bytes(b"years of work")
    with pytest.raises(VaultStateError, match="not empty"):
        Vault.create(vault_paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF)
    assert sorted(os.listdir(vault_paths.root)) == ["thesis.docx"]
    assert (vault_paths.root / "thesis.docx").read_bytes() == b"years of work"


def test_create_in_an_existing_empty_folder(vault_paths: VaultPaths) -> None:
    vault_paths.root.mkdir(mode=0o755)
    Vault.create(vault_paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF).close()
    assert stat.S_IMODE(vault_paths.root.stat().st_mode) == 0o700


def test_create_writes_the_documented_layout(vault: Vault, vault_paths: VaultPaths) -> None:
    assert {p.name for p in vault_paths.root.iterdir()} >= {"vault.keys", "vault.db", "cases"}
    doc = header_doc(vault_paths)
    assert doc["format"] == "casevault-keys"
    assert doc["version"] == 1
    assert doc["vault_id"] == vault.vault_id
    [slot] = doc["slots"]
    assert slot["type"] == "passphrase"
    assert slot["kdf"] == {"name": "argon2id", "memory_kib": 1024, "iterations": 1, "lanes": 1}
    assert PASSPHRASE not in vault_paths.keys_file.read_text()


def test_create_with_a_keychain_adds_a_slot(kc_vault: VaultPaths, keychain: MemoryKeychain) -> None:
    doc = header_doc(kc_vault)
    assert sorted(s["type"] for s in doc["slots"]) == ["keychain", "passphrase"]
    slot = slot_doc(kc_vault, "keychain")
    assert slot is not None
    assert slot["backend"] == "casevault.host.keychain.MemoryKeychain"
    assert slot["service"] == "casevault"
    assert slot["username"] == doc["vault_id"]
    assert list(keychain.entries) == [doc["vault_id"]]
    assert len(keychain.entries[doc["vault_id"]]) == 32


def test_create_with_a_broken_keychain_is_passphrase_only(vault_paths: VaultPaths, clock: FakeClock) -> None:
    notices: list[str] = []
    broken = MemoryKeychain(failure="The system keychain is locked")
    with Vault.create(
        vault_paths, PASSPHRASE, keychain=broken, kdf_params=FAST_KDF, notice=notices.append, clock=clock
    ) as v:
        assert [s.type for s in v.key_slots] == ["passphrase"]
    assert len(notices) == 1
    assert "The system keychain is locked" in notices[0]
    assert "passphrase only" in notices[0]
    with reopen(vault_paths, clock=clock) as again:
        assert again.is_open


# ---- open -------------------------------------------------------------------------------------


def test_open_a_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultStateError, match="no vault"):
        Vault.open(VaultPaths(tmp_path / "nothing"), keychain=None, ask_passphrase=never_ask)


def test_open_with_a_missing_database(vault: Vault, vault_paths: VaultPaths) -> None:
    vault.close()
    vault_paths.db_file.unlink()
    with pytest.raises(VaultStateError, match="missing"):
        reopen(vault_paths)


def test_wrong_passphrase_is_an_unlock_error(vault: Vault, vault_paths: VaultPaths) -> None:
    vault.close()
    with pytest.raises(UnlockError, match="passphrase is wrong") as caught:
        reopen(vault_paths, "not the passphrase at all")
    assert caught.value.exit_code == 3


def test_several_attempts(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.close()
    sleeps: list[float] = []
    monkeypatch.setattr(vault_keys, "unlock", functools.partial(unlock_module.unlock, sleep=sleeps.append))
    answers = iter(["wrong one", "wrong two", PASSPHRASE])
    reasons: list[str | None] = []

    def ask(reason: str | None) -> str | None:
        reasons.append(reason)
        return next(answers)

    with open_vault(vault_paths, None, ask, clock, attempts=3) as v:
        assert v.is_open
    assert reasons == [None, "The passphrase is wrong.", "The passphrase is wrong."]
    assert sleeps == [1.0, 2.0]


def test_attempts_run_out(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.close()
    sleeps: list[float] = []
    monkeypatch.setattr(vault_keys, "unlock", functools.partial(unlock_module.unlock, sleep=sleeps.append))
    ask = Asker("always wrong here")
    with pytest.raises(UnlockError, match="passphrase is wrong"):
        open_vault(vault_paths, None, ask, clock, attempts=3)
    assert len(ask.reasons) == 3
    assert sleeps == [1.0, 2.0]  # no pause after the last failure


def test_no_passphrase_given_is_an_unlock_error(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    vault.close()
    ask = Asker(None)
    with pytest.raises(UnlockError, match="No passphrase was given") as caught:
        open_vault(vault_paths, None, ask, clock)
    assert caught.value.exit_code == 3
    assert ask.reasons == [None]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00" * 64,
        b"not json at all",
        b"[]",
        b'{"format": "casevault-keys"}',
        b'{"format": "something-else", "version": 1}',
        b'{"format": "casevault-keys", "version": 99, "vault_id": "00", "slots": []}',
        "half",
        "no-slots",
        "bad-base64",
        "bad-vault-id",
    ],
    ids=[
        "empty",
        "zeros",
        "not-json",
        "list",
        "fields-missing",
        "other-format",
        "future-version",
        "truncated",
        "no-slots",
        "bad-base64",
        "bad-vault-id",
    ],
)
def test_damaged_key_file_is_damage(vault: Vault, vault_paths: VaultPaths, damage: bytes | str) -> None:
    vault.close()
    raw = vault_paths.keys_file.read_bytes()
    doc = json.loads(raw)
    if damage == "half":
        new = raw[: len(raw) // 2]
    elif damage == "no-slots":
        new = json.dumps({**doc, "slots": []}).encode()
    elif damage == "bad-base64":
        doc["slots"][0]["wrapped"] = "!!!not base64!!!"
        new = json.dumps(doc).encode()
    elif damage == "bad-vault-id":
        new = json.dumps({**doc, "vault_id": "xyz"}).encode()
    else:
        assert isinstance(damage, bytes)
        new = damage
    vault_paths.keys_file.write_bytes(new)
    with pytest.raises(DamagedError, match="key file is damaged") as caught:
        reopen(vault_paths)
    assert caught.value.exit_code == 4


def test_tampered_wrapped_key_does_not_open(vault: Vault, vault_paths: VaultPaths) -> None:
    """A slot whose ciphertext was altered authenticates as nothing: it can never open the vault."""
    vault.close()
    doc = header_doc(vault_paths)
    wrapped = bytearray(keyslots._unb64(doc["slots"][0]["wrapped"]))
    wrapped[20] ^= 1
    doc["slots"][0]["wrapped"] = keyslots._b64(bytes(wrapped))
    vault_paths.keys_file.write_text(json.dumps(doc))
    with pytest.raises(UnlockError):
        reopen(vault_paths)


def test_key_file_of_another_vault_does_not_open(tmp_path: Path, clock: FakeClock) -> None:
    a, b = VaultPaths(tmp_path / "a"), VaultPaths(tmp_path / "b")
    for paths in (a, b):
        Vault.create(paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock).close()
    a.keys_file.write_bytes(b.keys_file.read_bytes())
    with pytest.raises(DamagedError, match="damaged"):
        reopen(a)


# ---- change passphrase ------------------------------------------------------------------------


def test_change_passphrase(kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock) -> None:
    keychain_slot_before = slot_doc(kc_vault, "keychain")
    passphrase_slot_before = slot_doc(kc_vault, "passphrase")
    db_before = kc_vault.db_file.read_bytes()
    with open_vault(kc_vault, keychain, never_ask, clock) as v:
        v.change_passphrase(NEW_PASSPHRASE, FAST_KDF)
    assert slot_doc(kc_vault, "keychain") == keychain_slot_before
    after = slot_doc(kc_vault, "passphrase")
    assert after is not None
    assert passphrase_slot_before is not None
    assert after["wrapped"] != passphrase_slot_before["wrapped"]
    assert after["salt"] != passphrase_slot_before["salt"]
    assert kc_vault.db_file.read_bytes() == db_before  # the data is not re-encrypted
    assert stat.S_IMODE(kc_vault.keys_file.stat().st_mode) == 0o600

    with pytest.raises(UnlockError, match="passphrase is wrong"):
        open_vault(kc_vault, None, Asker(PASSPHRASE), clock)
    with open_vault(kc_vault, None, Asker(NEW_PASSPHRASE), clock) as v:
        assert [c.member_name for c in v.list_cases()] == ["Ada Example"]
    with open_vault(kc_vault, keychain, never_ask, clock) as v:
        assert v.count_cases() == 1


def test_change_passphrase_keychain_slot_is_byte_identical(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock
) -> None:
    def keychain_slot_bytes() -> bytes:
        raw = kc_vault.keys_file.read_text()
        doc = json.loads(raw)
        slot = next(s for s in doc["slots"] if s["type"] == "keychain")
        return json.dumps(slot, sort_keys=True).encode() + keyslots._unb64(slot["wrapped"])

    before = keychain_slot_bytes()
    entry_before = dict(keychain.entries)
    with open_vault(kc_vault, keychain, never_ask, clock) as v:
        v.change_passphrase(NEW_PASSPHRASE, FAST_KDF)
    assert keychain_slot_bytes() == before
    assert keychain.entries == entry_before


@pytest.mark.parametrize("weak", ["short", "zzzzzzzzzzzzzzzz"])
def test_change_passphrase_refuses_a_weak_one(vault: Vault, vault_paths: VaultPaths, weak: str) -> None:
    before = vault_paths.keys_file.read_bytes()
    with pytest.raises(UsageError):
        vault.change_passphrase(weak, FAST_KDF)
    assert vault_paths.keys_file.read_bytes() == before
    vault.close()
    reopen(vault_paths).close()


def test_change_passphrase_when_locked(vault: Vault, vault_paths: VaultPaths) -> None:
    vault.close()
    before = vault_paths.keys_file.read_bytes()
    with pytest.raises(VaultStateError, match="locked"):
        vault.change_passphrase(NEW_PASSPHRASE, FAST_KDF)
    assert vault_paths.keys_file.read_bytes() == before


def test_passphrase_is_nfc_normalised(vault_paths: VaultPaths, clock: FakeClock) -> None:
    composed = "Grüße aus Köln 2026!"
    decomposed = "Gru\u0308ße aus Ko\u0308ln 2026!"
    Vault.create(vault_paths, composed, keychain=None, kdf_params=FAST_KDF, clock=clock).close()
    with open_vault(vault_paths, None, Asker(decomposed), clock) as v:
        assert v.is_open


# ---- keychain slot -------------------------------------------------------------------------------


def test_open_with_the_keychain_asks_nothing(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock
) -> None:
    notices: list[str] = []
    with Vault.open(
        kc_vault, keychain=keychain, ask_passphrase=never_ask, notice=notices.append, clock=clock
    ) as v:
        assert v.count_cases() == 1
    assert notices == []


def test_missing_keychain_entry_asks_then_re_enrols(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock
) -> None:
    slot_before = slot_doc(kc_vault, "keychain")
    keychain.entries.clear()
    ask = Asker()
    notices: list[str] = []
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=ask, notice=notices.append, clock=clock) as v:
        assert v.count_cases() == 1
    assert ask.reasons == ["The system keychain has no key for this vault"]
    assert notices == [
        "The system keychain has no key for this vault; the vault was opened with its passphrase.",
        "The system keychain now holds a new key for this vault.",
    ]
    assert len(keychain.entries) == 1
    assert slot_doc(kc_vault, "keychain") != slot_before
    # The next open needs no passphrase.
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=never_ask, clock=clock) as v:
        assert v.count_cases() == 1


@pytest.mark.parametrize("damage", ["missing", "wrong"])
def test_repair_keychain_after_a_passphrase_only_open(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock, damage: str
) -> None:
    """The desktop app unlocks by passphrase alone (so a lock stays a lock), then repairs."""
    (vault_id,) = keychain.entries
    if damage == "missing":
        keychain.entries.clear()
    else:
        keychain.entries[vault_id] = os.urandom(32)
    with Vault.open(kc_vault, keychain=None, ask_passphrase=Asker(), clock=clock) as v:
        assert v.repair_keychain(keychain) == "The system keychain now holds a new key for this vault."
        assert v.repair_keychain(keychain) is None  # nothing left to repair
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=never_ask, clock=clock) as v:
        assert v.count_cases() == 1


def test_repair_keychain_leaves_a_locked_keychain_and_a_passphrase_only_vault_alone(
    kc_vault: VaultPaths, tmp_path: Path, keychain: MemoryKeychain, clock: FakeClock
) -> None:
    keychain.entries.clear()
    keychain.failure = "The system keychain is locked"
    with Vault.open(kc_vault, keychain=None, ask_passphrase=Asker(), clock=clock) as v:
        assert v.repair_keychain(keychain) is None
    keychain.failure = None
    assert keychain.entries == {}
    passphrase_only = VaultPaths(tmp_path / "passphrase-only")
    Vault.create(passphrase_only, PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock).close()
    with Vault.open(passphrase_only, keychain=None, ask_passphrase=Asker(), clock=clock) as v:
        assert v.repair_keychain(keychain) is None  # the rep chose passphrase-only: not enrolled
    assert keychain.entries == {}


def test_wrong_keychain_entry_asks_then_re_enrols(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock
) -> None:
    [vault_id] = keychain.entries
    keychain.entries[vault_id] = os.urandom(32)
    ask = Asker()
    notices: list[str] = []
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=ask, notice=notices.append, clock=clock):
        pass
    assert ask.reasons == ["The key in the system keychain does not open this vault"]
    assert "does not open this vault" in notices[0]
    assert "now holds a new key" in notices[1]
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=never_ask, clock=clock):
        pass


@pytest.mark.parametrize(
    "failure",
    [
        "The system keychain is locked",
        "No system keychain is available (no Secret Service is running)",
        "The system keychain did not answer within 15 seconds",
    ],
)
def test_broken_keychain_falls_back_to_the_passphrase(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock, failure: str
) -> None:
    broken = MemoryKeychain(failure=failure)
    broken.entries = dict(keychain.entries)
    slots_before = kc_vault.keys_file.read_bytes()
    ask = Asker()
    notices: list[str] = []
    with Vault.open(kc_vault, keychain=broken, ask_passphrase=ask, notice=notices.append, clock=clock) as v:
        assert v.count_cases() == 1
    assert ask.reasons == [failure]
    assert notices == [f"{failure}; the vault was opened with its passphrase."]
    # Nothing was re-enrolled into a keychain that does not work.
    assert kc_vault.keys_file.read_bytes() == slots_before


def test_broken_keychain_and_no_passphrase_is_an_unlock_error(kc_vault: VaultPaths, clock: FakeClock) -> None:
    broken = MemoryKeychain(failure="The system keychain is locked")
    with pytest.raises(UnlockError) as caught:
        Vault.open(kc_vault, keychain=broken, ask_passphrase=Asker(None), clock=clock)
    assert "The system keychain is locked" in caught.value.message
    assert "no passphrase was given" in caught.value.message


def test_broken_keychain_and_wrong_passphrase(kc_vault: VaultPaths, clock: FakeClock) -> None:
    broken = MemoryKeychain(failure="The system keychain is locked")
    with pytest.raises(UnlockError, match="passphrase is wrong"):
        Vault.open(kc_vault, keychain=broken, ask_passphrase=Asker("wrong passphrase!!"), clock=clock)


def test_keychain_slot_without_a_keychain_asks(kc_vault: VaultPaths, clock: FakeClock) -> None:
    ask = Asker()
    notices: list[str] = []
    with Vault.open(kc_vault, keychain=None, ask_passphrase=ask, notice=notices.append, clock=clock):
        pass
    assert ask.reasons == ["The system keychain is not in use here"]
    assert notices == ["The system keychain is not in use here; the vault was opened with its passphrase."]


def test_enable_keychain_on_a_passphrase_vault(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    keychain = MemoryKeychain()
    passphrase_slot = slot_doc(vault_paths, "passphrase")
    vault.enable_keychain(keychain)
    assert slot_doc(vault_paths, "keychain") is not None
    assert slot_doc(vault_paths, "passphrase") == passphrase_slot
    assert sorted(s.type for s in vault.key_slots) == ["keychain", "passphrase"]
    assert list(keychain.entries) == [vault.vault_id]
    vault.close()
    with Vault.open(vault_paths, keychain=keychain, ask_passphrase=never_ask, clock=clock):
        pass


def test_enable_keychain_twice_replaces_the_slot(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock
) -> None:
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=never_ask, clock=clock) as v:
        old_entry = dict(keychain.entries)
        v.enable_keychain(keychain)
        assert [s.type for s in v.key_slots].count("keychain") == 1
    assert keychain.entries != old_entry
    assert [s["type"] for s in header_doc(kc_vault)["slots"]].count("keychain") == 1
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=never_ask, clock=clock):
        pass


def test_enable_a_broken_keychain_changes_nothing(vault: Vault, vault_paths: VaultPaths) -> None:
    before = vault_paths.keys_file.read_bytes()
    with pytest.raises(Exception, match="locked"):
        vault.enable_keychain(MemoryKeychain(failure="The system keychain is locked"))
    assert vault_paths.keys_file.read_bytes() == before
    assert [s.type for s in vault.key_slots] == ["passphrase"]


def test_disable_keychain(kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock) -> None:
    passphrase_slot = slot_doc(kc_vault, "passphrase")
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=never_ask, clock=clock) as v:
        v.disable_keychain(keychain)
        assert [s.type for s in v.key_slots] == ["passphrase"]
    assert slot_doc(kc_vault, "keychain") is None
    assert slot_doc(kc_vault, "passphrase") == passphrase_slot
    assert keychain.entries == {}
    ask = Asker()
    notices: list[str] = []
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=ask, notice=notices.append, clock=clock):
        pass
    assert ask.reasons == [None]  # no slot: a plain passphrase prompt, with nothing to explain
    assert notices == []
    assert keychain.entries == {}  # and it is not silently re-enrolled


def test_disable_keychain_when_the_keychain_is_broken(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock
) -> None:
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=never_ask, clock=clock) as v:
        v.disable_keychain(MemoryKeychain(failure="The system keychain is locked"))
    assert slot_doc(kc_vault, "keychain") is None
    # The stale entry left in the keychain opens nothing any more.
    ask = Asker()
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=ask, clock=clock):
        pass
    assert ask.reasons == [None]


def test_stolen_keychain_entry_alone_does_not_open_another_vault(
    kc_vault: VaultPaths, keychain: MemoryKeychain, tmp_path: Path, clock: FakeClock
) -> None:
    other_paths = VaultPaths(tmp_path / "other")
    other_keychain = MemoryKeychain()
    Vault.create(
        other_paths, NEW_PASSPHRASE, keychain=other_keychain, kdf_params=FAST_KDF, clock=clock
    ).close()
    # Put the first vault's device key under the second vault's id.
    [(_, device_key)] = keychain.entries.items()
    [other_id] = other_keychain.entries
    other_keychain.entries[other_id] = device_key
    ask = Asker(None)
    with pytest.raises(UnlockError):
        Vault.open(other_paths, keychain=other_keychain, ask_passphrase=ask, clock=clock)
    assert ask.reasons == ["The key in the system keychain does not open this vault"]


def test_read_header_matches_the_open_vault(
    kc_vault: VaultPaths, keychain: MemoryKeychain, clock: FakeClock
) -> None:
    header = read_header(kc_vault)
    with Vault.open(kc_vault, keychain=keychain, ask_passphrase=never_ask, clock=clock) as v:
        assert header.vault_id_hex == v.vault_id
        assert [s.type for s in header.slots] == [s.type for s in v.key_slots]
