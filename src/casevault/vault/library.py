"""The employer's policy library (issue 5): documents every case can cite, held once per vault.

Library documents are encrypted like attachments, under their own keys: a random file key per
document, wrapped by HKDF(VMK, "casevault/v1/library-kek") with AAD "casevault/v1/library-key\\0" ||
file id, and the blob `library/<file id>.cvf` binds blobstore.LIBRARY_SCOPE where an attachment
binds its case id. Imports are crash-safe the same way: a `library_pending` row is committed
before the blob is written and cleared with the document's row; the next open removes the rest.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from casevault.casework import rules
from casevault.core.errors import (
    AuthenticationError,
    DamagedError,
    NotFoundError,
    UsageError,
    VaultStateError,
)
from casevault.core.model import LibraryDocument
from casevault.crypto import keys
from casevault.crypto.blob import Progress, Readable
from casevault.formats.blobstore import LIBRARY_SCOPE, LibraryBlobStore
from casevault.store import library as library_rows
from casevault.vault.session import Session, open_for_attach

log = logging.getLogger(__name__)

MAX_TITLE_CHARS = 200


class Library:
    """The policy library, over the Session."""

    def __init__(self, session: Session) -> None:
        self._s = session

    # ---- the policy library ------------------------------------------------------------------

    def _library_blobs(self) -> LibraryBlobStore:
        return LibraryBlobStore(self._s.paths, self._s.vault_id)

    def _library_kek(self) -> bytes:
        return keys.derive_key(self._s.master(), keys.PURPOSE_LIBRARY_KEK)

    def add_library_document(self, path: Path, *, title: str = "", progress: Progress | None = None) -> str:
        """Encrypt the file at `path` into the policy library; returns the document's id."""
        name, src = open_for_attach(Path(path))
        with src:
            return self.add_library_stream(name, src, title=title, progress=progress)

    def add_library_stream(
        self, name: str, src: Readable, *, title: str = "", progress: Progress | None = None
    ) -> str:
        pending = self.begin_library_document(name, title=title)
        try:
            pending.write(src, progress)
            return self.finish_library_document(pending)
        except BaseException:
            self.abandon_library_document(pending)
            raise

    def begin_library_document(self, name: str, *, title: str = "") -> PendingLibraryDocument:
        """Phase 1 of an import, on the database's thread: make the file key and commit the pending
        marker. Then `write` (any thread), then finish_/abandon_library_document (the database's)."""
        try:
            stored_name = rules.storable_file_name(name)
            clean_title = rules.clean_text(title, field="title", max_chars=MAX_TITLE_CHARS, required=False)
        except ValueError as err:
            raise UsageError(str(err)) from None
        file_id = secrets.token_hex(16)
        file_key = keys.random_key()
        wrapped = keys.wrap_key(self._library_kek(), file_key, keys.library_key_aad(bytes.fromhex(file_id)))
        library_rows.begin_import(self._s.db, file_id, self._s.now())
        return self._s.hold(
            PendingLibraryDocument(
                self._library_blobs(),
                file_id,
                name=stored_name,
                title=clean_title,
                file_key=file_key,
                wrapped_key=wrapped,
            )
        )

    def finish_library_document(self, pending: PendingLibraryDocument) -> str:
        if pending.finished or pending.size is None:
            raise VaultStateError("This import is not waiting to be finished.")
        document = LibraryDocument(pending.file_id, pending.name, pending.title, pending.size, self._s.now())
        with self._s.db.transaction():
            library_rows.insert(self._s.db, document, pending.wrapped_key)
            self._s.audit("library.added", "", document.id)
        pending.finished = True
        log.info("library.added %s", document.id)
        return document.id

    def abandon_library_document(self, pending: PendingLibraryDocument) -> None:
        if pending.finished:
            return
        self._library_blobs().remove(LIBRARY_SCOPE, pending.file_id)
        library_rows.abandon_import(self._s.db, pending.file_id)
        pending.size = None
        log.info("library.abandoned %s", pending.file_id)

    def library_documents(self) -> list[LibraryDocument]:
        return library_rows.documents(self._s.db)

    def _library_document_and_key(self, document_id: str) -> tuple[LibraryDocument, bytes]:
        found = library_rows.get(self._s.db, document_id.strip().lower())
        if found is None:
            raise NotFoundError(f"There is no library document {document_id!r} in this vault.")
        document, wrapped = found
        try:
            key = keys.unwrap_key(
                self._library_kek(), wrapped, keys.library_key_aad(bytes.fromhex(document.id))
            )
        except AuthenticationError:
            raise DamagedError(f"The key of library document {document.id} fails authentication.") from None
        return document, key

    def open_library_document(self, document_id: str, purpose: str = "viewed") -> LibraryReader:
        """Look the document up and unwrap its key (the database's thread), recording
        "library.viewed" or "library.saved"; the reader's read_all/save_to may run on a worker."""
        if purpose not in ("viewed", "saved"):
            raise ValueError(f"unknown purpose {purpose!r}")
        document, key = self._library_document_and_key(document_id)
        self._s.audit(f"library.{purpose}", "", document.id)
        return self._s.hold(LibraryReader(self._library_blobs(), document, key))

    def remove_library_document(self, document_id: str) -> None:
        """Delete the row (and its wrapped key, secure_delete on), then the blob."""
        document = self._library_document_and_key(document_id)[0]
        with self._s.db.transaction():
            library_rows.delete(self._s.db, document.id)
            self._s.audit("library.removed", "", document.id)
        self._library_blobs().remove(LIBRARY_SCOPE, document.id)
        log.info("library.removed %s", document.id)

    def recover(self) -> None:
        """At open: drop what a killed library import left (its blob or .part file, its marker)."""
        blobs = self._library_blobs()
        for file_id in library_rows.pending_imports(self._s.db):
            blobs.remove(LIBRARY_SCOPE, file_id)
            library_rows.abandon_import(self._s.db, file_id)
            log.info("recover.library-import-dropped %s", file_id)

    def check_library(self) -> list[str]:
        """The library's part of `check`: every key unwraps, every blob authenticates in full, and
        no blob or row is without the other. Sentences naming ids only."""
        blobs = self._library_blobs()
        on_disk, problems = blobs.library_inventory()
        recorded = library_rows.all_with_keys(self._s.db)
        kek = self._library_kek()
        for document, wrapped in recorded:
            if document.id not in on_disk:
                problems.append(f"library document {document.id}: its encrypted file is missing")
                continue
            try:
                key = keys.unwrap_key(kek, wrapped, keys.library_key_aad(bytes.fromhex(document.id)))
                size = blobs.verify(LIBRARY_SCOPE, document.id, key)
            except AuthenticationError:
                problems.append(
                    f"library document {document.id}: damaged or tampered with (fails authentication)"
                )
                continue
            except OSError as err:
                problems.append(f"library document {document.id}: cannot be read ({err.strerror})")
                continue
            if size != document.size:
                problems.append(f"library document {document.id}: its size differs from the record")
        known = {d.id for d, _ in recorded}
        problems += [f"library file {file_id} has no record (orphan)" for file_id in sorted(on_disk - known)]
        return problems


class PendingLibraryDocument:
    """A library import between begin_ and finish_/abandon_library_document. `write` touches only
    files, so it may run on a worker thread."""

    def __init__(
        self,
        blobs: LibraryBlobStore,
        file_id: str,
        *,
        name: str,
        title: str,
        file_key: bytes,
        wrapped_key: bytes,
    ) -> None:
        self._blobs = blobs
        self.file_id = file_id
        self.name = name
        self.title = title
        self._file_key: bytes | None = file_key
        self.wrapped_key = wrapped_key
        self.size: int | None = None
        self.finished = False

    def close(self) -> None:
        """The lock: drop the key; the next open drops what was half written."""
        self._file_key = None

    def write(self, src: Readable, progress: Progress | None = None) -> int:
        if self._file_key is None:
            raise VaultStateError("The vault is locked.")
        self.size = self._blobs.write(LIBRARY_SCOPE, self.file_id, self._file_key, src, progress)
        return self.size


class LibraryReader:
    """One library document's blob and key; reading touches only files (any thread)."""

    def __init__(self, blobs: LibraryBlobStore, document: LibraryDocument, key: bytes) -> None:
        self._blobs = blobs
        self.document = document
        self._key: bytes | None = key

    def close(self) -> None:
        """The lock, or the caller done with it: drop the key."""
        self._key = None

    def _document_key(self) -> bytes:
        if self._key is None:
            raise VaultStateError("The vault is locked.")
        return self._key

    def read_all(self) -> bytes:
        """The plaintext in memory only (for previews); nothing is written anywhere."""
        try:
            return self._blobs.read_all(LIBRARY_SCOPE, self.document.id, self._document_key())
        except AuthenticationError:
            raise DamagedError(
                f"Library document {self.document.id} is damaged or has been tampered with."
            ) from None

    def save_to(self, out: Path, progress: Progress | None = None) -> int:
        """A decrypted copy at `out` (never overwriting)."""
        try:
            key = self._document_key()
            size = self._blobs.decrypt_to(LIBRARY_SCOPE, self.document.id, key, out, progress)
        except DamagedError:
            raise DamagedError(
                f"Library document {self.document.id} is damaged or missing; nothing was written."
            ) from None
        log.info("library.saved %s", self.document.id)
        return size
