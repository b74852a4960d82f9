"""One read of the vault at a time, on a worker thread (issue 15: nothing heavy on the GUI thread).

The screens that show what is due (the reminder watch, Today, the agenda) take a reader from the
vault (`Vault.reminder_page_reader` and the like: its arguments checked at once, the work a
callable that opens a connection of its own) and hand it to `WorkerRead.start`, which runs it
with `tasks.run_task`, so the result comes back on the GUI thread. While a read is on its way no
second one starts: `busy_then(again)` says so and calls `again` once when it ends, however often
it was asked, so a burst of changes costs two reads rather than one each. `reset()` (a lock,
another vault) drops what is on its way: its result is never delivered. A failure is logged by
its type only, since an exception's text can hold a name. On exit `wait_for_reads` lets the reads
still running close their connections before the vault is closed (and the demo's deleted).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from casevault.gui.tasks import CancelledError, Progress, TaskHandle, run_task

log = logging.getLogger(__name__)

T = TypeVar("T")

# How many reads have been started and not yet ended, whichever WorkerRead started them.
_unfinished = 0
_ended = threading.Condition()


def wait_for_reads(timeout_s: float) -> bool:
    """Wait (at most `timeout_s`) until no read is running or waiting to run. False if some still
    are. For exit only: a lock does not wait, as the reads it drops end on their own."""
    with _ended:
        return _ended.wait_for(lambda: _unfinished == 0, timeout_s)


def _count(change: int) -> None:
    global _unfinished  # noqa: PLW0603 - one count for the whole application
    with _ended:
        _unfinished += change
        _ended.notify_all()


class WorkerRead(QObject):
    """`event` names the read in the log (`<event>.failed <type>`)."""

    def __init__(self, event: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._event = event
        self._task: TaskHandle | None = None
        self._again: Callable[[], None] | None = None
        self._round = 0  # moved on by reset(): a result from an earlier round is dropped

    @property
    def busy(self) -> bool:
        """A read is on its way."""
        task = self._task
        return task is not None and task.running and not task.dropped

    def busy_then(self, again: Callable[[], None]) -> bool:
        """True if a read is on its way; `again` is then called once it has ended (only the
        latest `again` asked for, and only once)."""
        if not self.busy:
            return False
        self._again = again
        return True

    def start(
        self,
        read: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run `read()` on a worker; `done(result)` or `failed(error)` on the GUI thread."""
        self._again = None
        round_ = self._round

        def work(progress: Progress) -> T:
            try:
                progress(0)  # a read dropped before it began (a lock) never opens the database
                return read()
            finally:
                _count(-1)

        def delivered(result: Any) -> None:
            if round_ == self._round:
                self._ended(lambda: done(result))

        def went_wrong(error: BaseException) -> None:
            if round_ != self._round:
                return
            if not isinstance(error, CancelledError):
                log.warning("%s.failed %s", self._event, type(error).__name__)
            self._ended(lambda: failed(error) if failed is not None else None)

        _count(+1)
        try:
            self._task = run_task(work, delivered, went_wrong, parent=self)
        except BaseException:
            _count(-1)
            raise

    def _ended(self, then: Callable[[], None]) -> None:
        self._task = None
        again, self._again = self._again, None
        try:
            then()
        finally:
            if again is not None:
                again()

    def reset(self) -> None:
        """Drop the read on its way, if any, and what was to follow it."""
        self._round += 1
        self._again = None
        task, self._task = self._task, None
        if task is not None:
            task.drop()
