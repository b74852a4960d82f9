"""run_task's contract (gui/tasks.py), on a synchronous pool as Picard's tests do: every outcome
is decided by the order of calls, with no sleeping, polling or thread timing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from casevault.gui import tasks
from casevault.gui.tasks import CancelledError, Progress, SynchronousPool, run_task


class Seen:
    def __init__(self) -> None:
        self.done: list[Any] = []
        self.errors: list[BaseException] = []
        self.progress: list[int] = []

    def run(self, func: Any, pool: SynchronousPool, parent: QObject | None = None) -> tasks.TaskHandle:
        return run_task(
            func, self.done.append, self.errors.append, self.progress.append, parent=parent, pool=pool
        )


@pytest.fixture
def seen(qtbot: QtBot) -> Seen:
    return Seen()


def _counting(progress: Progress) -> str:
    for n in (1, 2, 3):
        progress(n)
    return "result"


def test_a_task_reports_progress_then_its_result(seen: Seen) -> None:
    handle = seen.run(_counting, SynchronousPool())
    assert (seen.progress, seen.done, seen.errors) == ([1, 2, 3], ["result"], [])
    assert not handle.running


def test_a_failing_task_reports_its_error_and_no_result(seen: Seen) -> None:
    def fails(_progress: Progress) -> None:
        raise ValueError("broken file")

    seen.run(fails, SynchronousPool())
    assert seen.done == []
    assert [type(e) for e in seen.errors] == [ValueError]


def test_a_task_cancelled_before_it_runs_stops_at_its_first_progress(seen: Seen) -> None:
    pool = SynchronousPool(immediate=False)
    reached: list[int] = []

    def work(progress: Progress) -> str:
        progress(1)
        reached.append(1)  # never: the cancelled progress call raises
        return "late"

    handle = seen.run(work, pool)
    handle.cancel()
    assert pool.run_all() == 1
    assert reached == [] and seen.done == [] and seen.progress == []
    assert [type(e) for e in seen.errors] == [CancelledError]


def test_a_cancel_accepted_after_the_work_finished_still_wins(seen: Seen) -> None:
    # The worker finished, but its result is not yet delivered when the user cancels.
    pool = SynchronousPool(immediate=False)
    handle = seen.run(lambda _progress: "done anyway", pool)
    handle.cancel()
    pool.run_all()
    assert seen.done == []
    assert [type(e) for e in seen.errors] == [CancelledError]


def test_drop_all_at_the_lock_silences_every_callback(seen: Seen) -> None:
    pool = SynchronousPool(immediate=False)
    seen.run(_counting, pool)
    seen.run(lambda _p: (_ for _ in ()).throw(OSError("disk")), pool)
    assert tasks.drop_all() == 2
    pool.run_all()
    assert (seen.done, seen.errors, seen.progress) == ([], [], [])


def test_a_task_whose_parent_is_destroyed_calls_nothing_back(seen: Seen) -> None:
    pool = SynchronousPool(immediate=False)
    parent = QObject()
    seen.run(_counting, pool, parent)
    shiboken6.delete(parent)  # at once: no event loop needed
    assert not shiboken6.isValid(parent)
    pool.run_all()
    assert (seen.done, seen.errors, seen.progress) == ([], [], [])


@pytest.fixture
def default_pool() -> Iterator[SynchronousPool]:
    pool = SynchronousPool()
    tasks.use_pool(pool)
    yield pool
    tasks.use_pool(None)


def test_use_pool_sets_where_tasks_run_by_default(seen: Seen, default_pool: SynchronousPool) -> None:
    run_task(_counting, seen.done.append, seen.errors.append)
    assert seen.done == ["result"]  # ran on this thread, at once
