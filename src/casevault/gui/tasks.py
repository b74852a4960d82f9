"""Background work for the GUI: `run_task(func, on_done, on_error, on_progress)`.

`func(progress)` runs on a QThreadPool thread. It must not touch the database (the SQLCipher
connection belongs to the GUI thread) or any widget. It calls `progress(done)` as it goes; once
the task is cancelled, that call raises `CancelledError`, which is how the work stops.

The callbacks always run on the GUI thread: the worker emits queued signals on one relay QObject
that lives on the GUI thread for the whole session (so no QObject is ever deleted from a worker
thread), and the relay calls the task's callbacks. A task cancelled before its result is
delivered ends in `on_error(CancelledError())`, so a cancel the user saw accepted always wins.
With a `parent`, the callbacks are dropped once the parent has been destroyed, and the work is
cancelled at its next progress call. On lock, `drop_all()` cancels every task still running and
drops its callbacks, errors included: a result must never be delivered into a closed vault.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


class CancelledError(Exception):
    """The user cancelled the task."""


class TaskHandle:
    """One task: cancel it, or ask whether its result is still to come."""

    def __init__(
        self,
        task_id: int,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int], None] | None,
        parent: QObject | None,
    ) -> None:
        self.task_id = task_id
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._parent = parent
        self._cancel = threading.Event()
        self.running = True
        self.dropped = False

    def cancel(self) -> None:
        self._cancel.set()

    def drop(self) -> None:
        """Cancel, and never call back (the vault the callbacks would use is closed)."""
        self.dropped = True
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def parent_gone(self) -> bool:
        return self._parent is not None and not shiboken6.isValid(self._parent)

    def progressed(self, done: int) -> None:
        if (
            self.running
            and not self.dropped
            and not self.cancelled
            and self._on_progress is not None
            and not self.parent_gone()
        ):
            self._on_progress(done)

    def finished(self, ok: bool, payload: object) -> None:
        self.running = False
        if self.dropped or self.parent_gone():
            return
        if self.cancelled:
            self._on_error(CancelledError())
        elif ok:
            self._on_done(payload)
        else:
            assert isinstance(payload, BaseException)
            self._on_error(payload)


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it and Qt queues the calls here."""

    progressed = Signal(object, object)
    finished = Signal(object, object, object)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.handles: dict[int, TaskHandle] = {}
        self.progressed.connect(self._progressed)
        self.finished.connect(self._finished)

    @Slot(object, object)
    def _progressed(self, task_id: object, done: object) -> None:
        handle = self.handles.get(task_id)  # type: ignore[call-overload]
        if handle is not None:
            handle.progressed(done)

    @Slot(object, object, object)
    def _finished(self, task_id: object, ok: object, payload: object) -> None:
        handle = self.handles.pop(task_id, None)  # type: ignore[call-overload]
        if handle is not None:
            handle.finished(bool(ok), payload)


_relay: _Relay | None = None
_ids = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay  # noqa: PLW0603 - one relay per application, made on first use
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay(QCoreApplication.instance())
    return _relay


class _Job(QRunnable):
    def __init__(self, func: Callable[[Progress], Any], handle: TaskHandle, relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._handle = handle
        self._relay = relay

    def _progress(self, done: int) -> None:
        # A task whose parent is gone stops too (checked under the GIL, which Qt's deletion of a
        # Python-made object also takes to mark its wrapper invalid).
        if self._handle.cancelled or self._handle.parent_gone():
            raise CancelledError
        self._relay.progressed.emit(self._handle.task_id, done)

    def run(self) -> None:
        try:
            result = self._func(self._progress)
        except BaseException as err:
            self._relay.finished.emit(self._handle.task_id, False, err)
        else:
            self._relay.finished.emit(self._handle.task_id, True, result)


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class SynchronousPool:
    """Runs tasks on the calling (GUI) thread, as Picard's tests do: `immediate` runs each at
    `start`; otherwise they wait for `run_all()`, so a test can cancel or drop first. The relay
    then delivers on the same thread, with no sleeping or polling."""

    def __init__(self, *, immediate: bool = True) -> None:
        self.immediate = immediate
        self.waiting: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        if self.immediate:
            runnable.run()
        else:
            self.waiting.append(runnable)

    def run_all(self) -> int:
        ran = 0
        while self.waiting:
            self.waiting.pop(0).run()
            ran += 1
        return ran


_default_pool: Pool | None = None


def use_pool(pool: Pool | None) -> None:
    """Where run_task starts work when not told (None: Qt's global thread pool). For tests."""
    global _default_pool  # noqa: PLW0603 - one default per application, set by tests
    _default_pool = pool


def drop_all() -> int:
    """On lock: cancel every task whose result is still to come and drop its callbacks. Returns
    how many there were."""
    if _relay is None or not shiboken6.isValid(_relay):
        return 0
    handles = list(_relay.handles.values())
    for handle in handles:
        handle.drop()
    return len(handles)


def run_task(
    func: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int], None] | None = None,
    *,
    parent: QObject | None = None,
    pool: Pool | None = None,
) -> TaskHandle:
    """Start `func(progress)` off the GUI thread (call this on the GUI thread); the callbacks run
    on the GUI thread."""
    relay = _the_relay()
    handle = TaskHandle(next(_ids), on_done, on_error, on_progress, parent)
    relay.handles[handle.task_id] = handle
    (pool or _default_pool or QThreadPool.globalInstance()).start(_Job(func, handle, relay))
    return handle
