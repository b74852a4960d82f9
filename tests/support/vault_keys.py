"""A vault's keys, found from the outside: the passphrase and `vault.keys`, as docs/ARCHITECTURE.md
describes them (Argon2id opens the passphrase slot, HKDF with a purpose string derives the rest).

For tests that look at the files as someone holding the key would, without reaching into an
open Vault. If the Vault ever derived a key another way, these would disagree with it and the
tests using them would fail.
"""

from __future__ import annotations

from casevault.core.paths import VaultPaths
from casevault.crypto import keys, keyslots
from tests.conftest import PASSPHRASE


def master_key(paths: VaultPaths, passphrase: str = PASSPHRASE) -> bytes:
    """The vault master key (VMK), unwrapped from the passphrase slot of `paths.keys_file`."""
    header = keyslots.KeyHeader.from_bytes(paths.keys_file.read_bytes())
    slot = header.slot("passphrase")
    assert slot is not None, "the vault has no passphrase slot"
    return keyslots.open_passphrase_slot(slot, header.vault_id, passphrase)


def derived_key(paths: VaultPaths, purpose: str, passphrase: str = PASSPHRASE) -> bytes:
    """A key derived from the master key for `purpose` (one of `keys.PURPOSE_*`)."""
    return keys.derive_key(master_key(paths, passphrase), purpose)


def db_key(paths: VaultPaths, passphrase: str = PASSPHRASE) -> bytes:
    """The SQLCipher raw key of `paths.db_file`."""
    return derived_key(paths, keys.PURPOSE_DB, passphrase)


def case_key(paths: VaultPaths, case_id: str, wrapped: bytes, passphrase: str = PASSPHRASE) -> bytes:
    """A case's key, unwrapped from its `case_keys` row (`wrapped`) with the case KEK."""
    kek = derived_key(paths, keys.PURPOSE_CASE_KEK, passphrase)
    return keys.unwrap_key(kek, wrapped, keys.case_key_aad(bytes.fromhex(case_id)))
