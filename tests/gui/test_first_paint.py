"""Work deferred past the first paint (gui/first_paint.py, issue 15): it runs only after the
widget has painted and the frame is over, in the order it was asked for; a widget that never
paints still gets it after the latest time; a cancel drops it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui.first_paint import AfterPaint


@pytest.fixture
def widget(qtbot: QtBot) -> Iterator[QWidget]:
    label = QLabel("first screen")
    qtbot.addWidget(label)
    yield label


def test_the_work_waits_for_the_paint_and_then_runs_once_in_order(qtbot: QtBot, widget: QWidget) -> None:
    done: list[str] = []
    later = AfterPaint(widget, latest_ms=60_000)
    later.start(lambda: done.append("first"))
    later.start(lambda: done.append("second"))
    QApplication.processEvents()
    assert done == [] and later.pending  # not shown, so not painted
    widget.show()
    qtbot.waitUntil(lambda: done == ["first", "second"])
    assert not later.pending
    widget.repaint()
    QApplication.processEvents()
    assert done == ["first", "second"]  # once only


def test_the_work_runs_after_what_the_paint_itself_queued(qtbot: QtBot, widget: QWidget) -> None:
    order: list[str] = []

    class AtPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is widget and event.type() == QEvent.Type.Paint and not order:
                order.append("paint")
                QTimer.singleShot(0, lambda: order.append("after the frame"))
            return False

    at_paint = AtPaint()
    widget.installEventFilter(at_paint)  # before AfterPaint's, so it sees the paint after it does
    later = AfterPaint(widget, latest_ms=60_000)
    later.start(lambda: order.append("deferred"))
    widget.show()
    qtbot.waitUntil(lambda: "deferred" in order)
    assert order == ["paint", "after the frame", "deferred"]
    widget.removeEventFilter(at_paint)


def test_a_widget_that_never_paints_gets_the_work_after_the_latest_time(
    qtbot: QtBot, widget: QWidget
) -> None:
    done: list[bool] = []
    AfterPaint(widget, latest_ms=20).start(lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True])


def test_a_cancel_drops_the_work(qtbot: QtBot, widget: QWidget) -> None:
    done: list[bool] = []
    later = AfterPaint(widget, latest_ms=20)
    later.start(lambda: done.append(True))
    later.cancel()
    assert not later.pending
    widget.show()
    qtbot.wait(100)
    assert done == []
    later.start(lambda: done.append(True))  # and it can be started again
    widget.update()
    qtbot.waitUntil(lambda: done == [True])
