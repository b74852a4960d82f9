"""One read at a time on a worker (gui/worker_read.py, issue 15): the read runs off the GUI thread
and its result comes back on it; a read asked for while one is on its way waits and runs once;
a reset drops what is on its way, and a read it drops before it began never runs; a failure is
logged by its type only; on exit, the reads still running can be waited for."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from casevault.core.errors import CasevaultError
from casevault.gui import tasks
from casevault.gui.tasks import SynchronousPool
from casevault.gui.worker_read import WorkerRead, wait_for_reads


@pytest.fixture
def held_pool() -> Iterator[SynchronousPool]:
    pool = SynchronousPool(immediate=False)
    tasks.use_pool(pool)
    try:
        yield pool
    finally:
        tasks.use_pool(None)


@pytest.fixture
def reads(qapp: object) -> Iterator[WorkerRead]:
    owner = QObject()
    yield WorkerRead("test-read", owner)
    owner.deleteLater()


def test_the_read_runs_on_a_worker_and_its_result_comes_back_on_the_gui_thread(
    qtbot: QtBot, reads: WorkerRead
) -> None:
    where: dict[str, threading.Thread] = {}

    def read() -> int:
        where["read"] = threading.current_thread()
        return 42

    results: list[int] = []

    def done(result: int) -> None:
        where["done"] = threading.current_thread()
        results.append(result)

    reads.start(read, done)
    qtbot.waitUntil(lambda: results == [42])
    assert where["read"] is not threading.main_thread()
    assert where["done"] is threading.main_thread()
    assert not reads.busy


def test_a_read_asked_for_while_one_is_on_its_way_runs_once_after_it(
    reads: WorkerRead, held_pool: SynchronousPool
) -> None:
    results: list[str] = []
    again: list[str] = []
    reads.start(lambda: "first", results.append)
    assert reads.busy
    assert reads.busy_then(lambda: again.append("early"))
    assert reads.busy_then(lambda: again.append("latest"))  # only the latest is kept
    assert len(held_pool.waiting) == 1
    held_pool.run_all()
    assert results == ["first"] and again == ["latest"]
    assert not reads.busy and not reads.busy_then(lambda: again.append("never"))
    assert again == ["latest"]


def test_a_reset_drops_the_result_and_a_read_not_yet_begun_never_runs(
    reads: WorkerRead, held_pool: SynchronousPool
) -> None:
    ran: list[str] = []
    results: list[str] = []
    failures: list[BaseException] = []
    again: list[str] = []

    def read() -> str:
        ran.append("read")
        return "stale"

    reads.start(read, results.append, failures.append)
    reads.busy_then(lambda: again.append("again"))
    reads.reset()  # a lock, or another vault
    assert not reads.busy
    held_pool.run_all()
    assert ran == [] and results == [] and failures == [] and again == []


def test_a_failure_is_logged_by_its_type_only(
    qtbot: QtBot, reads: WorkerRead, caplog: pytest.LogCaptureFixture
) -> None:
    failures: list[BaseException] = []

    def read() -> None:
        raise CasevaultError("Nguyễn Thị Müller's case CV-2026-0001 could not be read.")

    with caplog.at_level(logging.WARNING, logger="casevault.gui.worker_read"):
        reads.start(read, lambda _result: None, failures.append)
        qtbot.waitUntil(lambda: len(failures) == 1)
    assert isinstance(failures[0], CasevaultError)
    assert [r.getMessage() for r in caplog.records] == ["test-read.failed CasevaultError"]
    assert not reads.busy


def test_exit_can_wait_for_the_reads_still_running(qtbot: QtBot, reads: WorkerRead) -> None:
    started, release, results = threading.Event(), threading.Event(), []

    def read() -> str:
        started.set()
        assert release.wait(10)
        return "read"

    reads.start(read, results.append)
    assert started.wait(10)
    reads.reset()  # dropped, as on exit: begun, it still runs to its end on the worker
    assert not wait_for_reads(0.05)
    release.set()
    assert wait_for_reads(10)
    qtbot.wait(20)
    assert results == []
