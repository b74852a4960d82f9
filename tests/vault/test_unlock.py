"""The unlock policy (vault/unlock.py) on a real key header: keychain first, every keychain fault
a sentence and a fall back to the passphrase, a growing pause between wrong passphrases."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from casevault.core.errors import UnlockError
from casevault.core.paths import VaultPaths
from casevault.crypto.keyslots import KeyHeader
from casevault.host.keychain import MemoryKeychain
from casevault.vault import unlock
from casevault.vault.facade import Vault
from casevault.vault.keys import read_header
from casevault.vault.unlock import KeychainOutcome
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock

WRONG = "not the passphrase at all 0000"


@pytest.fixture
def keychain() -> MemoryKeychain:
    return MemoryKeychain()


@pytest.fixture
def both(tmp_path: Path, keychain: MemoryKeychain, clock: FakeClock) -> KeyHeader:
    """The header of a closed vault with a keychain slot and a passphrase slot."""
    paths = VaultPaths(tmp_path / "both")
    Vault.create(paths, PASSPHRASE, keychain=keychain, kdf_params=FAST_KDF, clock=clock).close()
    return read_header(paths)


@pytest.fixture
def passphrase_only(vault: Vault, vault_paths: VaultPaths) -> KeyHeader:
    return read_header(vault_paths)


def answers(*given: str | None) -> tuple[list[str | None], unlock.AskPassphrase]:
    """An asker that replies in turn and records the reason it was given each time."""
    reasons: list[str | None] = []
    replies = iter(given)

    def ask(reason: str | None) -> str | None:
        reasons.append(reason)
        return next(replies)

    return reasons, ask


@pytest.mark.parametrize(("failures", "delay"), [(0, 1.0), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (50, 8.0)])
def test_the_pause_grows_and_stops_at_eight_seconds(failures: int, delay: float) -> None:
    assert unlock.retry_delay(failures) == delay


def test_a_vault_without_a_keychain_slot_never_asks_the_keychain(passphrase_only: KeyHeader) -> None:
    broken = MemoryKeychain(failure="would have been asked")
    assert unlock.try_keychain(passphrase_only, broken) == (None, KeychainOutcome.NO_SLOT, None)


def test_the_keychain_opens_a_vault_enrolled_in_it(both: KeyHeader, keychain: MemoryKeychain) -> None:
    reasons, ask = answers()
    opened = unlock.unlock(both, keychain, ask)
    assert (opened.via, opened.keychain, opened.reason) == ("keychain", KeychainOutcome.OPENED, None)
    assert reasons == []
    by_passphrase = unlock.unlock(both, None, answers(PASSPHRASE)[1])
    assert by_passphrase.vmk == opened.vmk and len(opened.vmk) == 32


def _no_keychain(keychain: MemoryKeychain) -> MemoryKeychain | None:
    return None


def _failing(keychain: MemoryKeychain) -> MemoryKeychain | None:
    keychain.failure = "The keychain is locked"
    return keychain


def _missing(keychain: MemoryKeychain) -> MemoryKeychain | None:
    keychain.entries.clear()
    return keychain


def _wrong(keychain: MemoryKeychain) -> MemoryKeychain | None:
    [vault_id] = keychain.entries
    keychain.entries[vault_id] = os.urandom(len(keychain.entries[vault_id]))
    return keychain


@pytest.mark.parametrize(
    ("spoil", "outcome", "reason"),
    [
        (_no_keychain, KeychainOutcome.UNAVAILABLE, "The system keychain is not in use here"),
        (_failing, KeychainOutcome.UNAVAILABLE, "The keychain is locked"),
        (_missing, KeychainOutcome.ENTRY_MISSING, "The system keychain has no key for this vault"),
        (_wrong, KeychainOutcome.ENTRY_WRONG, "The key in the system keychain does not open this vault"),
    ],
    ids=["no-keychain", "failing", "missing", "wrong"],
)
def test_each_keychain_fault_is_a_reason_and_the_passphrase_opens(
    both: KeyHeader,
    keychain: MemoryKeychain,
    spoil: Callable[[MemoryKeychain], MemoryKeychain | None],
    outcome: KeychainOutcome,
    reason: str,
) -> None:
    kc = spoil(keychain)
    assert unlock.try_keychain(both, kc) == (None, outcome, reason)
    reasons, ask = answers(PASSPHRASE)
    opened = unlock.unlock(both, kc, ask)
    assert (opened.via, opened.keychain, opened.reason) == ("passphrase", outcome, reason)
    assert reasons == [reason]  # the rep is told why the passphrase is needed


def test_wrong_passphrases_pause_between_attempts_then_fail(passphrase_only: KeyHeader) -> None:
    slept: list[float] = []
    reasons, ask = answers(WRONG, WRONG, WRONG)
    with pytest.raises(UnlockError) as err:
        unlock.unlock(passphrase_only, None, ask, attempts=3, sleep=slept.append)
    assert err.value.message == unlock.WRONG_PASSPHRASE
    assert slept == [1.0, 2.0]  # none after the last attempt
    assert reasons == [None, unlock.WRONG_PASSPHRASE, unlock.WRONG_PASSPHRASE]


def test_the_right_passphrase_on_a_later_attempt_opens(passphrase_only: KeyHeader) -> None:
    slept: list[float] = []
    opened = unlock.unlock(
        passphrase_only, None, answers(WRONG, PASSPHRASE)[1], attempts=3, sleep=slept.append
    )
    assert (opened.via, opened.keychain, opened.reason) == ("passphrase", KeychainOutcome.NO_SLOT, None)
    assert slept == [1.0]


def test_no_passphrase_given_says_how_to_give_one(both: KeyHeader, passphrase_only: KeyHeader) -> None:
    with pytest.raises(UnlockError) as err:
        unlock.unlock(passphrase_only, None, answers(None)[1])
    assert err.value.message.startswith("No passphrase was given (set CASEVAULT_PASSPHRASE")
    with pytest.raises(UnlockError) as err:
        unlock.unlock(both, None, answers(None)[1])
    assert err.value.message.startswith("The system keychain is not in use here, and no passphrase was given")
