"""Sending a case out (issue 6): the password-protected zip (WinZip AES-256, which 7-Zip, Keka
and The Unarchiver open), the member's subject-access bundle, a saved case summary, and the sent
log.

An export has three phases, like an import: `begin_export` on the database's thread (consent,
keys), `PendingExport.write` on any thread (files only: each document is decrypted chunk by chunk
straight into its zip entry, so no plaintext file is ever written), then `finish_export` on the
database's thread (the sent log and the audit log), or `abandon_export`."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from casevault.casework import exchange, rules
from casevault.core.errors import (
    AuthenticationError,
    CasevaultError,
    ConsentMissingError,
    DamagedError,
    UsageError,
    VaultStateError,
)
from casevault.core.model import Attachment, SentRecord
from casevault.crypto import blob
from casevault.formats import zip_writer
from casevault.formats.blobstore import binding
from casevault.store import cases as case_rows
from casevault.store import files as file_rows
from casevault.store import sent_log as sent_rows

if TYPE_CHECKING:
    from casevault.core.model import CaseSummary
    from casevault.formats.blobstore import BlobStore
    from casevault.vault.session import ConsentCheck, Session

log = logging.getLogger(__name__)

ExportProgress = Callable[[int, int], None]  # (bytes done, bytes in all)
RenderSummary = Callable[[str], bytes]  # a case reference -> the summary PDF


@dataclass
class _Doc:
    inner: str
    attachment: Attachment
    key: bytes
    ref: str


@dataclass
class PendingExport:
    """An export between `begin_export` and `finish_export`/`abandon_export`. `write` touches only
    files (the vault's blobs and the new zip), so it may run on a worker thread."""

    blobs: BlobStore
    vault_id: str
    kind: str
    case_id: str
    ref: str
    out: Path
    password: str
    recipient: str
    docs: list[_Doc]
    extras: list[tuple[str, bytes]] = field(default_factory=list)  # summaries, contents.txt
    case_ids: list[str] = field(default_factory=list)
    sha256: str | None = None
    finished: bool = False
    # The vault's clock when the export began: the zip's own entries (summaries, contents.txt)
    # are dated by it, as each document is by when it was added.
    made_at: datetime = field(kw_only=True)
    closed: bool = False

    def close(self) -> None:
        """The lock: drop the documents' keys, the summaries and the password."""
        self.docs, self.extras, self.password, self.closed = [], [], "", True

    @property
    def total(self) -> int:
        return sum(d.attachment.size for d in self.docs) + sum(len(b) for _, b in self.extras)

    @property
    def contents(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.extras) + tuple(d.inner for d in self.docs)

    def write(self, progress: ExportProgress | None = None) -> str:
        """Write the zip at `out` (never overwriting); returns its SHA-256. On any failure, or a
        raise from `progress` (a cancel), nothing is left behind."""
        if self.closed:
            raise VaultStateError("The vault is locked.")
        self.sha256 = write_zip(self, progress)
        return self.sha256


def write_zip(pending: PendingExport, progress: ExportProgress | None = None) -> str:
    """The export's zip (formats/zip_writer.py), each document decrypted as it is written."""
    streamed = [
        zip_writer.Streamed(doc.inner, doc.attachment.added_at, doc.attachment.size, _chunks(pending, doc))
        for doc in pending.docs
    ]
    sha = zip_writer.write_zip(
        pending.out,
        pending.password,
        made_at=pending.made_at,
        extras=pending.extras,
        streamed=streamed,
        progress=progress,
    )
    log.info("export.written %s", pending.case_id)
    return sha


def _chunks(pending: PendingExport, doc: _Doc) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        a = doc.attachment
        with pending.blobs.open(a.case_id, a.id) as src:
            try:
                for piece in blob.decrypt_chunks(doc.key, binding(pending.vault_id, a.case_id, a.id), src):
                    yield bytes(piece)
            except AuthenticationError:
                raise DamagedError(
                    f"Attachment {a.id} is damaged or has been tampered with; no zip was written."
                ) from None

    return chunks


class Exchange:
    """Sending documents out: the encrypted zip, the subject access export, the sent log."""

    def __init__(self, session: Session, *, sharing_consent_problem: ConsentCheck) -> None:
        self._s = session
        self._consent_problem = sharing_consent_problem

    # ---- checks --------------------------------------------------------------------------------

    def export_problem(self, ref: str, recipient_kind: str) -> str | None:
        """None when the case may be sent to this kind of recipient; otherwise one sentence (the
        member's sharing consent is missing or withdrawn). The member themselves needs none."""
        if recipient_kind not in exchange.RECIPIENT_KINDS:
            raise UsageError(f"A case can be sent to: {', '.join(exchange.RECIPIENT_KINDS)}.")
        if recipient_kind == "member":
            self._s.case_id(ref)
            return None
        return self._consent_problem(ref, recipient_kind)

    def _summary(self, case_id: str) -> CaseSummary:
        summary = case_rows.get_summary(self._s.db, case_id)
        assert summary is not None
        return summary

    # ---- the zip ---------------------------------------------------------------------------

    def begin_export(
        self,
        ref: str,
        attachment_ids: Sequence[str] | None,
        out: Path,
        *,
        password: str,
        recipient: str,
        recipient_kind: str = "reps",
        neutral_names: bool = True,
        summary_pdf: bytes | None = None,
    ) -> PendingExport:
        """Phase 1, on the database's thread: the consent check first, then the documents
        (None: all the case's) and their keys. Nothing is written yet."""
        problem = self.export_problem(ref, recipient_kind)
        if problem:
            raise ConsentMissingError(problem)
        weak = exchange.password_problem(password)
        if weak:
            raise UsageError(weak)
        try:
            to = rules.clean_text(recipient, field="recipient")
        except ValueError as err:
            raise UsageError(str(err)) from None
        zip_writer.check_new_file(out)
        case_id = self._s.case_id(ref)
        case_ref = self._summary(case_id).ref
        attachments = file_rows.for_case(self._s.db, case_id)
        if attachment_ids is not None:
            by_id = {a.id: a for a in attachments}
            wanted = [i.strip().lower() for i in attachment_ids]
            stray = [i for i in wanted if i not in by_id]
            if stray:
                raise UsageError(f"Attachment {stray[0]} is not one of {case_ref}'s documents.")
            attachments = [by_id[i] for i in dict.fromkeys(wanted)]
        if not attachments and summary_pdf is None:
            raise UsageError("There is nothing to export: choose documents or include the case summary.")
        names = exchange.inner_names([a.name for a in attachments], neutral=neutral_names)
        docs = [
            _Doc(n, *self._s.attachment_and_key(a.id), ref=case_ref)
            for n, a in zip(names, attachments, strict=True)
        ]
        extras: list[tuple[str, bytes]] = []
        if summary_pdf is not None:
            extras.append((exchange.SUMMARY_NAME, summary_pdf))
        if neutral_names and docs:
            index = exchange.index_text([(d.inner, d.attachment.name) for d in docs])
            extras.append((exchange.INDEX_NAME, index.encode("utf-8")))
        log.info("export.started %s %s", recipient_kind, case_id)
        return self._s.hold(
            PendingExport(
                self._s.blobs,
                self._s.vault_id,
                "zip",
                case_id,
                case_ref,
                out,
                password,
                to,
                docs,
                extras,
                [case_id],
                made_at=self._s.now(),
            )
        )

    def finish_export(self, pending: PendingExport) -> SentRecord:
        """Phase 3, on the database's thread: the sent log and the audit log."""
        if pending.finished or pending.sha256 is None:
            raise CasevaultError("This export has not been written.")
        now = self._s.now()
        first: SentRecord | None = None
        with self._s.db.transaction():
            for case_id in pending.case_ids:
                ref = self._summary(case_id).ref
                record = SentRecord(
                    secrets.token_hex(16),
                    ref,
                    pending.kind,
                    now,
                    pending.recipient,
                    pending.contents,
                    pending.sha256,
                )
                sent_rows.insert(self._s.db, case_id, record)
                self._s.audit("case.exported", ref, record.id, now=now)
                if case_id == pending.case_id:
                    first = record
            for doc in pending.docs:
                self._s.audit("document.exported", doc.ref, doc.attachment.id, now=now)
        pending.finished = True
        log.info("export.recorded %s %s", pending.kind, pending.case_id)
        assert first is not None
        return first

    def abandon_export(self, pending: PendingExport) -> None:
        """Nothing to undo in the database; the zip's temp file is already gone. Logs the event."""
        pending.finished = True
        log.info("export.abandoned %s", pending.case_id)

    def export_zip(
        self,
        ref: str,
        attachment_ids: Sequence[str] | None,
        out: Path,
        *,
        password: str,
        recipient: str,
        recipient_kind: str = "reps",
        neutral_names: bool = True,
        summary_pdf: bytes | None = None,
        progress: ExportProgress | None = None,
    ) -> SentRecord:
        """A WinZip AES-256 zip of the chosen documents (None: all) at `out`, for `recipient`
        (as typed) of `recipient_kind` ("reps", "regional-office" or "member"). Refused with
        ConsentMissingError, before anything is written, when the member's sharing consent for
        that kind of recipient is not in force."""
        pending = self.begin_export(
            ref,
            attachment_ids,
            out,
            password=password,
            recipient=recipient,
            recipient_kind=recipient_kind,
            neutral_names=neutral_names,
            summary_pdf=summary_pdf,
        )
        try:
            pending.write(progress)
        except BaseException:
            self.abandon_export(pending)
            raise
        return self.finish_export(pending)

    # ---- subject access ------------------------------------------------------------------------

    def begin_subject_access(
        self,
        ref: str,
        out: Path,
        *,
        password: str,
        render_summary: RenderSummary | None = None,
    ) -> PendingExport:
        """Everything held about the member of `ref`, across all their cases: each case's summary
        (from `render_summary`, the GUI's PDF) and all their documents. It goes to the member, so
        no sharing consent is needed."""
        weak = exchange.password_problem(password)
        if weak:
            raise UsageError(weak)
        zip_writer.check_new_file(out)
        case_id = self._s.case_id(ref)
        case_ids = sent_rows.member_case_ids(self._s.db, case_id)
        several = len(case_ids) > 1
        docs: list[_Doc] = []
        extras: list[tuple[str, bytes]] = []
        index: list[tuple[str, str]] = []
        for cid in case_ids:
            case_ref = self._summary(cid).ref
            prefix = f"{case_ref}/" if several else ""
            if render_summary is not None:
                extras.append((prefix + exchange.SUMMARY_NAME, render_summary(case_ref)))
            attachments = file_rows.for_case(self._s.db, cid)
            names = exchange.inner_names([a.name for a in attachments], neutral=True, prefix=prefix)
            for name, a in zip(names, attachments, strict=True):
                docs.append(_Doc(name, *self._s.attachment_and_key(a.id), ref=case_ref))
                index.append((name, a.name))
        if index:
            extras.append((exchange.INDEX_NAME, exchange.index_text(index).encode("utf-8")))
        log.info("subject-access.started %s %s", case_id, len(case_ids))
        return self._s.hold(
            PendingExport(
                self._s.blobs,
                self._s.vault_id,
                "subject-access",
                case_id,
                self._summary(case_id).ref,
                out,
                password,
                "member",
                docs,
                extras,
                case_ids,
                made_at=self._s.now(),
            )
        )

    def export_subject_access(
        self,
        ref: str,
        out: Path,
        *,
        password: str,
        render_summary: RenderSummary | None = None,
        progress: ExportProgress | None = None,
    ) -> SentRecord:
        pending = self.begin_subject_access(ref, out, password=password, render_summary=render_summary)
        try:
            pending.write(progress)
        except BaseException:
            self.abandon_export(pending)
            raise
        return self.finish_export(pending)

    # ---- the summary and the log -----------------------------------------------------------

    def save_summary(self, ref: str, out: Path, pdf: bytes) -> None:
        """The case summary PDF (from the GUI's renderer) in a new 0600 file; never overwrites."""
        case_id = self._s.case_id(ref)
        zip_writer.write_new_file(out, pdf)
        self._s.audit("summary.saved", self._summary(case_id).ref)
        log.info("summary.saved %s", case_id)

    def sent_log(self, ref: str) -> list[SentRecord]:
        return sent_rows.for_case(self._s.db, self._s.case_id(ref))
