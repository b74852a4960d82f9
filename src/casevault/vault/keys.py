"""The vault's key file: making a vault, unlocking it into a Session, and the key slots
(passphrase and keychain) a rep can change while it is open.

Unlocking is keychain first, then the passphrase (unlock.py); a keychain that fails is never a
lockout, and one that works but has lost this vault's key is given a new one."""

from __future__ import annotations

import contextlib
import logging
import os

from casevault.casework import rules
from casevault.core.clock import Clock, utc_now
from casevault.core.errors import DamagedError, KeychainError, UsageError, VaultStateError
from casevault.core.fsutil import atomic_write_bytes, make_private_dir, translate_os_error
from casevault.core.paths import VaultPaths
from casevault.crypto import kdf, keyslots
from casevault.crypto import keys as crypto_keys
from casevault.crypto.keyslots import KeyHeader
from casevault.host.keychain import Keychain
from casevault.store.db import BUSY_TIMEOUT, Database
from casevault.vault.session import Notice, Session
from casevault.vault.unlock import AskPassphrase, KeychainOutcome, try_keychain, unlock

log = logging.getLogger(__name__)

# The keychain works but does not hold this vault's key: a new one can be stored.
REPAIRABLE = frozenset({KeychainOutcome.ENTRY_MISSING, KeychainOutcome.ENTRY_WRONG})


def _ignore(_: str) -> None:
    pass


def read_header(paths: VaultPaths) -> KeyHeader:
    try:
        raw = paths.keys_file.read_bytes()
    except FileNotFoundError:
        raise VaultStateError(
            f"There is no vault at {paths.root}; create one with `casevault init`."
        ) from None
    try:
        return KeyHeader.from_bytes(raw)
    except ValueError as err:
        raise DamagedError(f"The vault key file is damaged or not a casevault key file ({err}).") from None


def create(
    paths: VaultPaths,
    passphrase: str,
    *,
    keychain: Keychain | None,
    kdf_params: kdf.KdfParams | None = None,
    notice: Notice = _ignore,
    clock: Clock = utc_now,
    joining: tuple[bytes, bytes] | None = None,
) -> Session:
    """Make a new vault. With `keychain`, a keychain slot is added when the keychain works;
    when it does not, the vault is made passphrase-only and `notice` says why. `joining`: the
    (vault id, vault master key) of a synced vault this new one is another device of (its
    database and key slots are its own; sync fills it)."""
    problem = rules.passphrase_problem(passphrase)
    if problem:
        raise UsageError(problem)
    if paths.keys_file.exists():
        raise VaultStateError(f"A vault already exists at {paths.root}.")
    if paths.root.exists() and any(paths.root.iterdir()):
        raise VaultStateError(f"{paths.root} is not empty; choose an empty or new folder for a vault.")
    vault_id, vmk = joining if joining is not None else (os.urandom(16), crypto_keys.random_key())
    params = kdf_params or kdf.calibrate()
    header = KeyHeader(vault_id=vault_id).with_slot(
        keyslots.make_passphrase_slot(vmk, vault_id, passphrase, params, os.urandom(kdf.SALT_LEN))
    )
    if keychain is not None:
        try:
            header = header.with_slot(enrol_keychain(keychain, vmk, vault_id))
        except KeychainError as err:
            notice(f"{err.message}, so this vault opens with its passphrase only.")
    try:
        make_private_dir(paths.root)
        make_private_dir(paths.cases_dir)
        db = Database.open(
            paths.db_file, crypto_keys.derive_key(vmk, crypto_keys.PURPOSE_DB), create=True, key_verified=True
        )
        # vault.keys is written last: a vault exists once its key file does.
        atomic_write_bytes(paths.keys_file, header.to_bytes())
    except OSError as err:
        raise translate_os_error(err, "creating the vault") from None
    log.info("vault.created %s", header.vault_id_hex)
    return Session(paths, header, vmk, db, clock=clock, notice=notice)


def unlock_session(
    paths: VaultPaths,
    *,
    keychain: Keychain | None,
    ask_passphrase: AskPassphrase,
    notice: Notice = _ignore,
    attempts: int = 1,
    clock: Clock = utc_now,
    busy_timeout: float = BUSY_TIMEOUT,
) -> tuple[Session, KeychainOutcome]:
    """Unlock the key file and open the database; returns the Session and how the keychain
    answered (the caller repairs a keychain that lost the key, once the vault has recovered)."""
    header = read_header(paths)
    unlocked = unlock(header, keychain, ask_passphrase, attempts=attempts)
    if unlocked.reason:
        notice(f"{unlocked.reason}; the vault was opened with its passphrase.")
    db = Database.open(
        paths.db_file,
        crypto_keys.derive_key(unlocked.vmk, crypto_keys.PURPOSE_DB),
        key_verified=True,
        busy_timeout=busy_timeout,
    )
    return Session(paths, header, unlocked.vmk, db, clock=clock, notice=notice), unlocked.keychain


def enrol_keychain(keychain: Keychain, vmk: bytes, vault_id: bytes) -> keyslots.Slot:
    """A fresh device key in the keychain, and the slot it opens. The key is stored first: if
    writing the header then fails, the old slot still works and the stray entry opens nothing."""
    backend = keychain.backend_name()
    device_key = crypto_keys.random_key()
    keychain.put(vault_id.hex(), device_key)
    return keyslots.make_keychain_slot(vmk, vault_id, device_key, backend)


class KeySlots:
    """The key slots of an open vault: change the passphrase, add or remove the keychain."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def repair_keychain(self, keychain: Keychain) -> str | None:
        """After a passphrase unlock: when this vault is meant to open through the keychain and
        the keychain works but has lost its key (or holds a wrong one), store a new one. Returns
        the sentence to tell the user, or None when there was nothing to repair (or it could not
        be repaired now; the passphrase still works either way)."""
        _, outcome, _ = try_keychain(self._s.header, keychain)
        return self.enrol_again(keychain) if outcome in REPAIRABLE else None

    def enrol_again(self, keychain: Keychain) -> str | None:
        if self._s.db.read_only:
            return None  # a full disk: the passphrase still works, repair at a later open
        try:
            self.enable_keychain(keychain)
        except (KeychainError, OSError):
            # OSError: vault.keys could not be rewritten (a full disk); the old slot still works.
            return None
        return "The system keychain now holds a new key for this vault."

    def change_passphrase(self, new_passphrase: str, kdf_params: kdf.KdfParams | None = None) -> None:
        """Re-wrap the passphrase slot only; the keychain slot and all data are untouched."""
        problem = rules.passphrase_problem(new_passphrase)
        if problem:
            raise UsageError(problem)
        header = self._s.header
        slot = keyslots.make_passphrase_slot(
            self._s.master(),
            header.vault_id,
            new_passphrase,
            kdf_params or kdf.calibrate(),
            os.urandom(kdf.SALT_LEN),
        )
        self._s.write_header(header.with_slot(slot))
        log.info("keys.passphrase-changed")

    def enable_keychain(self, keychain: Keychain) -> None:
        header = self._s.header
        self._s.write_header(header.with_slot(enrol_keychain(keychain, self._s.master(), header.vault_id)))
        log.info("keys.keychain-enrolled")

    def disable_keychain(self, keychain: Keychain | None) -> None:
        self._s.write_header(self._s.header.without(keyslots.KEYCHAIN))
        if keychain is not None:
            # The slot is gone from the header, so a stale entry that cannot be deleted opens nothing.
            with contextlib.suppress(KeychainError):
                keychain.delete(self._s.vault_id)
        log.info("keys.keychain-removed")

    def key_slots(self) -> list[keyslots.Slot]:
        return list(self._s.header.slots)
