"""Getting the vault master key out of the key slots: keychain first, then the passphrase.

A keychain that fails in any way is never a lockout: its failure becomes one sentence and the
passphrase slot is tried next.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from casevault.core.errors import AuthenticationError, KeychainError, UnlockError
from casevault.crypto import keyslots
from casevault.crypto.keyslots import KeyHeader
from casevault.host.keychain import Keychain

log = logging.getLogger(__name__)

# Given the reason the keychain did not open the vault (or None), return a passphrase, or None
# when there is nobody to ask.
AskPassphrase = Callable[[str | None], str | None]


class KeychainOutcome(Enum):
    OPENED = "opened"
    NO_SLOT = "no-slot"
    UNAVAILABLE = "unavailable"  # no service, locked, dismissed, timed out
    ENTRY_MISSING = "entry-missing"
    ENTRY_WRONG = "entry-wrong"


@dataclass(frozen=True)
class Unlocked:
    vmk: bytes
    via: str  # "keychain" or "passphrase"
    keychain: KeychainOutcome
    reason: str | None  # why the keychain did not open it, as a sentence


def try_keychain(
    header: KeyHeader, keychain: Keychain | None
) -> tuple[bytes | None, KeychainOutcome, str | None]:
    slot = header.slot(keyslots.KEYCHAIN)
    if slot is None:
        return None, KeychainOutcome.NO_SLOT, None
    if keychain is None:
        return None, KeychainOutcome.UNAVAILABLE, "The system keychain is not in use here"
    try:
        device_key = keychain.get(header.vault_id_hex)
    except KeychainError as err:
        return None, KeychainOutcome.UNAVAILABLE, err.message
    if device_key is None:
        return None, KeychainOutcome.ENTRY_MISSING, "The system keychain has no key for this vault"
    try:
        return (
            keyslots.open_keychain_slot(slot, header.vault_id, device_key),
            KeychainOutcome.OPENED,
            None,
        )
    except (AuthenticationError, ValueError):
        return (
            None,
            KeychainOutcome.ENTRY_WRONG,
            "The key in the system keychain does not open this vault",
        )


WRONG_PASSPHRASE = "The passphrase is wrong."


def retry_delay(failures: int) -> float:
    """A small, growing pause after each wrong passphrase: 1, 2, 4, then 8 s at most."""
    return float(min(8, 2 ** max(0, failures - 1)))


def unlock(
    header: KeyHeader,
    keychain: Keychain | None,
    ask_passphrase: AskPassphrase,
    *,
    attempts: int = 1,
    sleep: Callable[[float], None] = time.sleep,
) -> Unlocked:
    """Keychain first; then up to `attempts` passphrases, with `retry_delay` between them."""
    vmk, outcome, reason = try_keychain(header, keychain)
    if vmk is not None:
        log.info("unlock.keychain")
        return Unlocked(vmk, "keychain", outcome, None)
    slot = header.slot(keyslots.PASSPHRASE)
    if slot is None:
        raise UnlockError(f"{reason or 'The vault has no usable key slot'}, and there is no passphrase slot.")
    prompt_reason = reason
    for failures in range(1, attempts + 1):
        passphrase = ask_passphrase(prompt_reason)
        if passphrase is None:
            lead = f"{reason}, and no" if reason else "No"
            raise UnlockError(
                f"{lead} passphrase was given (set CASEVAULT_PASSPHRASE or run casevault in a terminal)."
            )
        try:
            vmk = keyslots.open_passphrase_slot(slot, header.vault_id, passphrase)
        except AuthenticationError:
            log.info("unlock.wrong-passphrase")
            if failures == attempts:
                break
            sleep(retry_delay(failures))
            prompt_reason = WRONG_PASSPHRASE
            continue
        log.info("unlock.passphrase")
        return Unlocked(vmk, "passphrase", outcome, reason)
    raise UnlockError(WRONG_PASSPHRASE)
