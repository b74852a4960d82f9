"""Previews decrypted and rendered on a worker thread, for a case's Documents panel and the
policy library: the newest choice wins, and a failure becomes one calm sentence."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from casevault.core.errors import CasevaultError
from casevault.gui.preview import Prepared, PreviewPane, prepare
from casevault.gui.tasks import CancelledError, TaskHandle, run_task

log = logging.getLogger(__name__)

# Larger documents are not decrypted into memory for a preview; the rep can save a copy.
MAX_PREVIEW_BYTES = 64 << 20


def failure_sentence(error: BaseException, fallback: str, *, where: str) -> str:
    """One sentence for a failure on a worker thread: the vault's own, or a calm fallback (the
    exception's type, never its text, goes to the log)."""
    if isinstance(error, CasevaultError):
        return error.message
    log.error("%s.failed %s", where, type(error).__name__)
    return fallback


class BackgroundPreview:
    """The running preview of one pane. `shown(kind)` follows a rendered preview; `refused(sentence)`
    a preview that cannot be shown. Starting another, or `cancel`, drops the one running."""

    def __init__(
        self,
        parent: QObject,
        pane: PreviewPane,
        shown: Callable[[str], None],
        refused: Callable[[str], None],
        *,
        where: str,
    ) -> None:
        self._parent = parent
        self._pane = pane
        self._shown = shown
        self._refused = refused
        self._where = where
        self._running: TaskHandle | None = None

    def start(
        self, name: str, size: int, read_all: Callable[[], bytes], *, too_large: str, unreadable: str
    ) -> None:
        self.cancel()
        if size > MAX_PREVIEW_BYTES:
            self._refused(too_large)
            return
        self._pane.show_waiting()
        handle: TaskHandle | None = None

        def done(prepared: Prepared) -> None:
            if self._running is handle:
                self._running = None
                self._shown(self._pane.show_prepared(prepared))

        def failed(error: BaseException) -> None:
            if self._running is handle and not isinstance(error, CancelledError):
                self._running = None
                self._refused(failure_sentence(error, unreadable, where=self._where))

        handle = run_task(lambda _progress: prepare(name, read_all()), done, failed, parent=self._parent)
        self._running = handle

    def cancel(self) -> None:
        if self._running is not None:
            self._running.cancel()
            self._running = None
