"""Documents in a case: encrypted into the blob store the moment they arrive, read back into
memory for a preview, or decrypted to a file the rep chose.

An import and a read each come in phases so the slow part (encrypting, decrypting) can run on a
worker thread while the database stays on its own: `begin_*` and `finish_*` on the database's
thread, `write`/`read_all`/`save_to` anywhere. Every reader and pending import is registered
with the Session, so a lock drops their keys whatever the caller is doing."""

from __future__ import annotations

import logging
from pathlib import Path

from casevault.core.clock import new_id
from casevault.core.errors import AuthenticationError, DamagedError, VaultStateError
from casevault.core.model import Attachment
from casevault.crypto import keys
from casevault.crypto.blob import Progress, Readable
from casevault.formats.blobstore import BlobStore
from casevault.store import files as file_rows
from casevault.vault.session import Session, open_for_attach

log = logging.getLogger(__name__)


class Attachments:
    """A case's documents, over the Session."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def attach(self, ref: str, path: Path, progress: Progress | None = None) -> str:
        name, src = open_for_attach(path)
        with src:
            return self.attach_stream(ref, name, src, progress)

    def attach_stream(self, ref: str, name: str, src: Readable, progress: Progress | None = None) -> str:
        """Encrypt `src` into the vault. The blob is durable before its row is committed; a killed
        import leaves a pending marker that the next open cleans up."""
        pending = self.begin_attach(ref, name)
        try:
            pending.write(src, progress)
            return self.finish_attach(pending)
        except BaseException:
            self.abandon_attach(pending)
            raise

    def begin_attach(self, ref: str, name: str) -> PendingAttachment:
        """Phase 1 of an import, on the thread that owns the database: make the file key and
        commit the pending marker. Then `write` (any thread), then `finish_attach` or
        `abandon_attach` (the database's thread again)."""
        case_id = self._s.case_id(ref)
        case_key = self._s.case_key(case_id)
        file_id = new_id()
        file_key = keys.random_key()
        wrapped = keys.wrap_key(
            case_key, file_key, keys.file_key_aad(bytes.fromhex(case_id), bytes.fromhex(file_id))
        )
        file_rows.begin_import(self._s.db, case_id, file_id, self._s.now())
        return self._s.hold(
            PendingAttachment(
                self._s.blobs,
                case_id=case_id,
                file_id=file_id,
                name=name,
                file_key=file_key,
                wrapped_key=wrapped,
            )
        )

    def finish_attach(self, pending: PendingAttachment) -> str:
        """Record a written import; its blob is already durable. Returns the attachment id."""
        if pending.finished or pending.size is None:
            raise VaultStateError("This import is not waiting to be finished.")
        attachment = Attachment(
            id=pending.file_id,
            case_id=pending.case_id,
            name=pending.name,
            size=pending.size,
            added_at=self._s.now(),
        )
        with self._s.db.transaction():
            file_rows.insert(self._s.db, attachment, pending.wrapped_key)
            self._s.audit("document.attached", self._s.ref_of(pending.case_id), attachment.id)
        pending.finished = True
        log.info("attachment.added %s", pending.file_id)
        return pending.file_id

    def abandon_attach(self, pending: PendingAttachment) -> None:
        """Drop an unfinished import: its blob (or temp file) and its pending marker. Does nothing
        once the import is finished."""
        if pending.finished:
            return
        self._s.blobs.remove(pending.case_id, pending.file_id)
        file_rows.abandon_import(self._s.db, pending.file_id)
        pending.size = None
        log.info("attachment.abandoned %s", pending.file_id)

    def attachment(self, attachment_id: str) -> Attachment:
        return self._s.attachment_and_key(attachment_id)[0]

    def open_attachment(self, attachment_id: str, purpose: str = "viewed") -> AttachmentReader:
        """Phase 1 of reading, on the database's thread: look the attachment up and unwrap its
        key, and record it in the audit log as "viewed" or "saved" (a decrypted copy written
        out). The reader's `read_all` and `save_to` touch only files, so they may run on a worker
        thread (the desktop app decrypts there, keeping the window responsive)."""
        if purpose not in ("viewed", "saved", "exported"):
            raise ValueError(f"unknown purpose {purpose!r}")
        attachment, key = self._s.attachment_and_key(attachment_id)
        self._s.audit(f"document.{purpose}", self._s.ref_of(attachment.case_id), attachment.id)
        return self._s.hold(AttachmentReader(self._s.blobs, attachment, key))

    def save_attachment(self, attachment_id: str, out: Path, progress: Progress | None = None) -> int:
        """Write a decrypted copy to `out` (never overwriting); the rep asked for plaintext there."""
        return self.open_attachment(attachment_id, "saved").save_to(out, progress)

    def read_attachment(self, attachment_id: str) -> bytes:
        """The plaintext in memory only, for previews."""
        return self.open_attachment(attachment_id).read_all()


class PendingAttachment:
    """An import between `Vault.begin_attach` and `finish_attach`/`abandon_attach`. Its `write`
    touches only the blob store (files, no database), so it may run on a worker thread."""

    def __init__(
        self, blobs: BlobStore, *, case_id: str, file_id: str, name: str, file_key: bytes, wrapped_key: bytes
    ) -> None:
        self._blobs = blobs
        self.case_id = case_id
        self.file_id = file_id
        self.name = name
        self._file_key: bytes | None = file_key
        self.wrapped_key = wrapped_key
        self.size: int | None = None
        self.finished = False

    def close(self) -> None:
        """The lock: drop the file key, so no more can be written with it. The blob and the
        pending marker are left for `abandon_attach` or the next open, as after a crash."""
        self._file_key = None

    def write(self, src: Readable, progress: Progress | None = None) -> int:
        """Encrypt `src` into the case folder; on any failure (or a raise from `progress`) no blob
        is left, and the pending marker stays for `abandon_attach` or the next open."""
        if self._file_key is None:
            raise VaultStateError("The vault is locked.")
        self.size = self._blobs.write(self.case_id, self.file_id, self._file_key, src, progress)
        return self.size


class AttachmentReader:
    """One attachment's blob and unwrapped key, from `Vault.open_attachment`. Reading touches
    only the blob store (files, no database), so it may run on a worker thread."""

    def __init__(self, blobs: BlobStore, attachment: Attachment, key: bytes) -> None:
        self._blobs = blobs
        self.attachment = attachment
        self._key: bytes | None = key

    def close(self) -> None:
        """The lock, or the caller done with it: drop the key, so nothing more is decrypted."""
        self._key = None

    def _file_key(self) -> bytes:
        if self._key is None:
            raise VaultStateError("The vault is locked.")
        return self._key

    def read_all(self) -> bytes:
        """The plaintext in memory only (for previews); nothing is written anywhere."""
        a = self.attachment
        try:
            return self._blobs.read_all(a.case_id, a.id, self._file_key())
        except AuthenticationError:
            raise DamagedError(f"Attachment {a.id} is damaged or has been tampered with.") from None

    def save_to(self, out: Path, progress: Progress | None = None) -> int:
        """A decrypted copy at `out` (never overwriting); the rep asked for plaintext there."""
        key = self._file_key()
        size = self._blobs.decrypt_to(self.attachment.case_id, self.attachment.id, key, out, progress)
        log.info("attachment.saved %s", self.attachment.id)
        return size
