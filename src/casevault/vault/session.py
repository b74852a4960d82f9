"""What every capability shares while the vault is unlocked, and the one way to lock it.

A `Session` holds the paths, the key header, the vault master key, the database, the blob store
and the clock. It offers what the services are written against, with `db.transaction()` as the
unit of work: `audit`, and the lookups from a case reference to its id and from a case id to its
key. It also keeps the registry of everything that holds key material or plaintext for the lifetime of the
unlock (readers, previews, pending imports and exports, snapshots): `close()` tears every one of
them down, newest first, and then closes the database and drops the master key, carrying on
past any step that fails, so a lock never stops half-way with something left open.
"""

from __future__ import annotations

import io
import itertools
import logging
import weakref
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol, TypeVar

from casevault.casework import rules
from casevault.core.clock import Clock
from casevault.core.errors import (
    AuthenticationError,
    CasevaultError,
    DamagedError,
    NotFoundError,
    UsageError,
    VaultStateError,
)
from casevault.core.fsutil import atomic_write_bytes
from casevault.core.model import Attachment
from casevault.core.paths import VaultPaths
from casevault.crypto import keys, signing
from casevault.crypto.blob import Progress, Readable
from casevault.crypto.keyslots import KeyHeader
from casevault.formats import bundle
from casevault.formats.blobstore import BlobStore
from casevault.store import audit as audit_rows
from casevault.store import cases as case_rows
from casevault.store import files as file_rows
from casevault.store import handover as handover_rows
from casevault.store import senders as sender_rows
from casevault.store.db import Database
from casevault.vault import places

log = logging.getLogger(__name__)

Notice = Callable[[str], None]

READ_ONLY_NOTICE = (
    "The disk is full, so the vault is open for reading only and this was not recorded in the "
    "audit log; free some space so that it can be again."
)


class Held(Protocol):
    """Something that holds key material or plaintext until it is closed."""

    def close(self) -> None: ...


H = TypeVar("H", bound=Held)
T = TypeVar("T")


ConsentCheck = Callable[[str, str], "str | None"]
"""(ref, recipient kind) -> why sharing with them needs consent first, or None."""


class NoteWriter(Protocol):
    def __call__(
        self, ref: str, text: str, *, kind: str = "note", occurred_at: datetime | None = None, terms: str = ""
    ) -> str: ...


class StreamAttacher(Protocol):
    def __call__(self, ref: str, name: str, src: Readable, progress: Progress | None = None) -> str: ...


def _ignore(_: str) -> None:
    pass


def open_for_attach(path: Path) -> tuple[str, io.BufferedReader]:
    """The name a document from `path` is stored under, and the file open for reading; user
    errors (missing, a folder, unreadable) as one clear sentence. Every door a file comes in by
    (attach, the library, email) opens it here."""
    try:
        src = open(path, "rb")  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise NotFoundError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder; attach the files inside it instead.") from None
    except OSError as err:
        raise CasevaultError(f"{path} cannot be read: {err.strerror}.") from None
    return rules.storable_file_name(path.name), src


class Session:
    """One unlock of one vault (see the module docstring)."""

    def __init__(
        self,
        paths: VaultPaths,
        header: KeyHeader,
        vmk: bytes,
        db: Database,
        *,
        clock: Clock,
        notice: Notice = _ignore,
    ) -> None:
        self.paths = paths
        self._header = header
        self._vmk: bytes | None = vmk
        self._db: Database | None = db
        self._clock = clock
        self.notice = notice
        self.blobs = BlobStore(paths, header.vault_id_hex)
        # Weak: a reader the caller has finished with and dropped needs no teardown; insertion
        # order is kept, so close() can go newest first.
        self._held: weakref.WeakValueDictionary[int, Held] = weakref.WeakValueDictionary()
        self._numbers = itertools.count()
        self._told_read_only = False
        # What open and check repaired on their own (leftover temporary copies removed), one
        # sentence each, and what they could not; check reports both.
        self.repaired: list[str] = []
        self.unrepaired: list[str] = []

    # ---- what every service reads ------------------------------------------------------------

    def now(self) -> datetime:
        """The vault's clock: the moment every record and default date is taken from."""
        return self._clock()

    @property
    def header(self) -> KeyHeader:
        return self._header

    def write_header(self, header: KeyHeader) -> None:
        atomic_write_bytes(self.paths.keys_file, header.to_bytes())
        self._header = header

    @property
    def vault_id(self) -> str:
        return self._header.vault_id_hex

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def db(self) -> Database:
        if self._db is None:
            raise VaultStateError("The vault is locked.")
        return self._db

    def master(self) -> bytes:
        if self._vmk is None:
            raise VaultStateError("The vault is locked.")
        return self._vmk

    def key(self, purpose: str) -> bytes:
        """A key derived from the master key for one purpose (crypto/keys.py's PURPOSE_*)."""
        return keys.derive_key(self.master(), purpose)

    def connection_opener(self) -> Callable[[], Database]:
        """Opens another connection to this vault's database, on whichever thread calls it (a
        connection belongs to the thread that made it): work too long for the GUI thread reads
        there, while this session's own connection stays free. The caller closes it."""
        path, key = self.paths.db_file, self.key(keys.PURPOSE_DB)
        return lambda: Database.open(path, key, key_verified=True)

    def on_own_connection(self, read: Callable[[Database], T]) -> Callable[[], T]:
        """`read` as work for another thread: it opens its own connection there (a connection
        belongs to the thread that made it) and closes it after, whatever happens. Work that only
        gets its turn after a lock does not open the database at all."""
        open_db = self.connection_opener()

        def run() -> T:
            if not self.is_open:
                raise VaultStateError("The vault is locked.")
            db = open_db()
            try:
                return read(db)
            finally:
                db.close()

        return run

    # ---- the unit of work ------------------------------------------------------------------

    def audit(self, action: str, ref: str, subject: str = "", *, now: datetime | None = None) -> None:
        """Append to the audit chain: an action and opaque ids only."""
        if self.db.read_only:
            # A full disk: a change fails on its own write; a read (a view, a decrypted copy)
            # goes ahead unrecorded, and the rep is told so once.
            log.info("audit.not-recorded-read-only %s", action)
            if not self._told_read_only:
                self._told_read_only = True
                self.notice(READ_ONLY_NOTICE)
            return
        key = self.key(keys.PURPOSE_AUDIT)
        audit_rows.append(self.db, key, action, ref=ref, subject=subject, now=now or self._clock())

    def case_id(self, ref: str) -> str:
        case_id = case_rows.case_id_for_ref(self.db, rules.normalise_ref(ref))
        if case_id is None:
            raise NotFoundError(f"There is no case {rules.normalise_ref(ref)!r} in this vault.")
        return case_id

    def ref_of(self, case_id: str) -> str:
        summary = case_rows.get_summary(self.db, case_id)
        return "" if summary is None else summary.ref

    def case_key(self, case_id: str) -> bytes:
        wrapped = case_rows.wrapped_case_key(self.db, case_id)
        if wrapped is None:
            raise DamagedError("The case key is missing from the vault.")
        try:
            return keys.unwrap_key(
                self.key(keys.PURPOSE_CASE_KEK), wrapped, keys.case_key_aad(bytes.fromhex(case_id))
            )
        except AuthenticationError:
            raise DamagedError("The case key fails authentication.") from None

    def attachment_and_key(self, attachment_id: str) -> tuple[Attachment, bytes]:
        found = file_rows.get(self.db, attachment_id.strip().lower())
        if found is None:
            raise NotFoundError(f"There is no attachment {attachment_id!r} in this vault.")
        attachment, wrapped = found
        case_key = self.case_key(attachment.case_id)
        aad = keys.file_key_aad(bytes.fromhex(attachment.case_id), bytes.fromhex(attachment.id))
        try:
            return attachment, keys.unwrap_key(case_key, wrapped, aad)
        except AuthenticationError:
            raise DamagedError(f"The key of attachment {attachment.id} fails authentication.") from None

    def handover_identity(self) -> str:
        """This vault's age identity for receiving handovers, made on first use."""
        found = handover_rows.identity(self.db)
        if found is None:
            found = handover_rows.put_identity_if_absent(self.db, bundle.new_identity())
            log.info("identity.created")
        return found

    def signing_secret(self) -> bytes:
        """This vault's Ed25519 secret for signing handovers, made on first use."""
        found = sender_rows.signing_secret(self.db)
        if found is None:
            found = sender_rows.put_signing_secret_if_absent(self.db, signing.new_secret().hex())
            log.info("signing-key.created")
        return bytes.fromhex(found)

    # ---- where copies live -----------------------------------------------------------------

    def sweep_temp_copies(self) -> list[str]:
        """Remove the temporary copies of vault data (places.py) no live process is writing;
        remember what was removed and what could not be, for `check`. Returns the removals."""
        swept = places.sweep(self.paths)
        self.repaired += [s for s in swept.removed if s not in self.repaired]
        self.unrepaired = swept.failed
        return swept.removed

    # ---- the registry, and the lock ----------------------------------------------------------

    def hold(self, thing: H) -> H:
        """Register something that holds keys or plaintext; the lock closes it if its owner has
        not. Returns `thing`, so a service can write `return self._s.hold(Reader(...))`."""
        if not self.is_open:
            thing.close()
            raise VaultStateError("The vault is locked.")
        self._held[next(self._numbers)] = thing
        return thing

    def held(self) -> list[Held]:
        """What the lock would close now, oldest first."""
        return list(self._held.values())

    def close(self) -> None:
        """Lock: close everything registered (newest first), then the database, then drop the
        master key. A step that fails is logged by its kind and the rest still run. (Python
        cannot wipe the key's bytes; they become unreachable.)"""
        for number in sorted(self._held.keys(), reverse=True):
            thing = self._held.pop(number, None)
            if thing is None:
                continue
            try:
                thing.close()
            except Exception:
                log.warning("session.teardown-failed %s", type(thing).__name__)
        try:
            if self._db is not None:
                self._db.close()
        except Exception:
            log.warning("session.teardown-failed Database")
        finally:
            self._db = None
            self._vmk = None
        log.info("vault.locked")
