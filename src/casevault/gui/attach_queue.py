"""Attaching files one after another, each encrypted off the GUI thread.

Each file is an import in phases: `Vault.begin_attach` here on the GUI thread, which owns the
SQLCipher connection; the encryption (`PendingAttachment.write`, files only) on a pool thread;
then `finish_attach` or `abandon_attach` back on the GUI thread. The queue has no widgets: the
documents panel shows its signals as a progress bar, a status line and a message.

An email (.eml or .msg) goes into the paper trail as well: opened on the GUI thread
(`Vault.open_email`, which refuses one too large at once), then read into memory (never copied
to disk in plaintext) and read on the pool thread with the encryption (`email_in.read_email_file`,
the bound every email is read within); once stored, `Vault.record_email` adds its "email" entry
on the GUI thread, and the documents it held join the front of the queue, each encrypted from
memory on the pool thread as any file is.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from casevault.casework.email_import import is_email_file
from casevault.core.errors import CasevaultError, VaultStateError
from casevault.formats.email_in import Contained, IncomingEmail
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.vault.attachments import PendingAttachment
from casevault.vault.facade import Vault
from casevault.vault.paper_trail import EmailFile
from casevault.vault.session import open_for_attach

log = logging.getLogger(__name__)


Source = io.BufferedReader | io.BytesIO | EmailFile


class _Import:
    """One file on its way in: open source (a file, an email still to be read, or a document an
    email held, in memory), pending import, running task."""

    def __init__(self, name: str, src: Source, pending: PendingAttachment) -> None:
        self.name = name
        self.src = src
        self.pending = pending
        self.is_email = isinstance(src, EmailFile)
        if isinstance(src, EmailFile):
            size = src.size
        elif isinstance(src, io.BytesIO):
            size = len(src.getbuffer())
        else:
            size = os.fstat(src.fileno()).st_size
        self.total = max(1, size)
        self.task: TaskHandle | None = None


class AttachQueue(QObject):
    """Files queued for case `ref`, attached in turn."""

    started = Signal(str)  # the status line for the file now being encrypted
    progressed = Signal(int)  # per mille of the current file
    added = Signal()  # one attachment was added
    email_added = Signal()  # an email was added to the paper trail (after `added`)
    failed = Signal(str)  # one sentence: a file was not added, or attaching was cancelled
    idle = Signal()  # the queue has emptied (done, failed or cancelled)

    def __init__(self, vault: Vault, ref: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._queue: list[Path | Contained] = []
        self._current: _Import | None = None
        self._done_in_batch = 0
        self._batch_size = 0

    @property
    def busy(self) -> bool:
        return self._current is not None or bool(self._queue)

    def add(self, paths: Iterable[Path]) -> None:
        new = list(paths)
        if not new:
            return
        if not self.busy:
            self._done_in_batch = 0
            self._batch_size = 0
        self._queue.extend(new)
        self._batch_size += len(new)
        self._next()

    def cancel(self) -> bool:
        """Stop the file being encrypted and drop the rest; True if one was running."""
        self._queue.clear()
        if self._current is not None and self._current.task is not None:
            self._current.task.cancel()
            return True
        return False

    def _next(self) -> None:
        while self._current is None and self._queue:
            item = self._queue.pop(0)
            src: Source
            try:
                if isinstance(item, Contained):
                    name, src = item.name, io.BytesIO(item.data)
                elif is_email_file(item.name):
                    src = self._vault.open_email(item)
                    name = src.name
                else:
                    name, src = open_for_attach(item)
            except CasevaultError as err:
                self.failed.emit(err.message)
                continue
            try:
                pending = self._vault.begin_attach(self._ref, name)
            except CasevaultError as err:
                src.close()
                self.failed.emit(err.message)
                continue
            self._start(_Import(name, src, pending))
        if self._current is None:
            self.idle.emit()

    def _start(self, job: _Import) -> None:
        self._current = job
        if job.is_email:
            line = self.tr("Importing the email {0} into the paper trail ({1} of {2})…")
        else:
            line = self.tr("Encrypting {0} ({1} of {2})…")
        self.started.emit(line.format(job.name, self._done_in_batch + 1, self._batch_size))
        pending, src = job.pending, job.src

        def work(progress: Callable[[int], None]) -> IncomingEmail | None:
            # The source is closed here, on the worker thread, even if the panel is gone.
            if isinstance(src, EmailFile):
                with src:
                    progress(0)  # cancelled before it started: read nothing
                    email = src.read()
                pending.write(io.BytesIO(email.data), progress)
                return email
            with src:
                pending.write(src, progress)
            return None

        job.task = run_task(
            work,
            lambda email: self._written(job, email),
            lambda error: self._not_written(job, error),
            lambda done: self.progressed.emit(min(1000, done * 1000 // job.total)),
            parent=self,
        )

    def _written(self, job: _Import, email: IncomingEmail | None) -> None:
        job.src.close()
        self._current = None
        self._done_in_batch += 1
        try:
            attachment_id = self._vault.finish_attach(job.pending)
        except CasevaultError as err:
            self._abandon(job)
            self.failed.emit(err.message)
        else:
            self.added.emit()
            if email is not None:
                self._record_email(email, attachment_id)
        self._next()

    def _record_email(self, email: IncomingEmail, attachment_id: str) -> None:
        try:
            self._vault.record_email(self._ref, email, attachment_id)
        except CasevaultError as err:
            self.failed.emit(err.message)
            return
        self.email_added.emit()
        # Next, before the files dropped after the email; counted in the batch as files are.
        self._queue[:0] = email.contained
        self._batch_size += len(email.contained)

    def _not_written(self, job: _Import, error: BaseException) -> None:
        job.src.close()
        self._current = None
        self._done_in_batch += 1
        self._abandon(job)
        if isinstance(error, CancelledError):
            self._queue.clear()
            self.failed.emit(self.tr("Attaching was cancelled; that file was not added."))
        elif isinstance(error, CasevaultError):
            self.failed.emit(error.message)
        else:
            log.error("attach.failed %s", type(error).__name__)
            self.failed.emit(self.tr("Something went wrong while encrypting the file; it was not added."))
        self._next()

    def _abandon(self, job: _Import) -> None:
        # Locked meanwhile: the next open drops the unfinished import.
        with contextlib.suppress(VaultStateError):
            self._vault.abandon_attach(job.pending)
