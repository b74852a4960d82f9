"""Work the first screen does not show waits until that screen has painted (issue 15).

`AfterPaint(widget).start(work)` runs `work` once `widget` has painted, on a 0-ms timer started by
the paint, so after the rest of that frame and what it queued. Started before the paint, a 0-ms
timer alone would fire first: the paint is itself a posted event. A widget that never paints
(minimised, or never shown, as in tests) gets the work after `latest_ms`. `cancel()` drops the
work, so a lock before the paint leaves nothing to run.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 1000


class AfterPaint(QObject):
    def __init__(self, widget: QWidget, *, latest_ms: int = LATEST_MS) -> None:
        super().__init__(widget)
        self._widget = widget
        self._latest_ms = latest_ms
        self._work: list[Callable[[], object]] = []
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)

    @property
    def pending(self) -> bool:
        return bool(self._work)

    def start(self, work: Callable[[], object]) -> None:
        """Run `work` after the widget's next paint (after any work still waiting)."""
        self._work.append(work)
        if not self._watching and not self._timer.isActive():
            self._watching = True
            self._widget.installEventFilter(self)
            self._timer.start(self._latest_ms)

    def cancel(self) -> None:
        self._stop_watching()
        self._timer.stop()
        self._work = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint and self._watching:
            self._stop_watching()
            self._timer.start(0)  # runs once this paint, and the frame it is part of, are over
        return False

    def _stop_watching(self) -> None:
        if self._watching:
            self._watching = False
            self._widget.removeEventFilter(self)

    def _run(self) -> None:
        self._stop_watching()  # painted, or `latest_ms` has passed
        work, self._work = self._work, []
        for step in work:
            step()
