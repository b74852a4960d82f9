"""Layouts that hold still: text is never clipped, a box is as tall as its text, and a line that
comes and goes keeps its room, so no control moves under the cursor (issue 18).

- `FitLabel`: a word-wrapped label whose size hint is the height of its text at its width. Qt's
  QLabel hints the height its text takes at a made-up width, so a form (QFormLayout) either
  squeezes a long sentence into one line or gives a short one a tall, mostly empty box.
- `grow_to_fit`, `keep_text_whole`: after a window's text changes, make the window tall enough
  to show all of it. A dialog with a minimum width set never grows by itself, so a message that
  wraps onto a second line after the dialog was shown is cut in half.
- `SlotLabel`: a one-line label that keeps its height whether it has something to say or not.
- `EmptyHint`: a hint painted in the middle of an empty list or table ("No cases yet…").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

HINT_MARGIN = 24  # around an empty view's hint


_ONE_LINE = "Ag"  # a probe for one line's height (an ascender and a descender), never shown


class FitLabel(QLabel):
    """A word-wrapped QLabel that asks for exactly the height its text needs at its width."""

    def __init__(self, text: str = "", parent: Any = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def _fitted(self, hint: QSize) -> QSize:
        if self.wordWrap() and self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def sizeHint(self) -> QSize:
        return self._fitted(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._fitted(super().minimumSizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # a new width: a new height for the text


def grow_to_fit(window: QWidget) -> None:
    """Make `window` tall enough for its layout at its present width (never shorter)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    )
    if needed > window.height():
        window.resize(width, needed)


class _KeepWhole(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and isinstance(watched, QWidget):
            grow_to_fit(watched)
        return False


def keep_text_whole(window: QWidget) -> None:
    """From now on, whenever a text in `window` changes, let the window grow to show it all."""
    window.installEventFilter(_KeepWhole(window))


class SlotLabel(QLabel):
    """A label one line tall (with its style's padding), whether or not it has text: showing or
    clearing it never moves what is laid out below it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)
        self._fix_height()

    def _fix_height(self) -> None:
        # The height of one line of this font, with the margins and padding a style sheet adds
        # (QLabel's own hint for empty text leaves the line out).
        text = self.text()
        self.setText(_ONE_LINE)
        height = super().sizeHint().height()
        self.setText(text)
        self.setFixedHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fix_height()


class EmptyHint(QObject):
    """Paints `text_for()` in the middle of `view`'s viewport while its model has no rows, and
    gives it to screen readers as the view's description. Asked again whenever the rows change,
    so it follows a search or a filter."""

    def __init__(self, view: QAbstractItemView, text_for: Callable[[], str]) -> None:
        super().__init__(view)
        self._view = view
        self._text_for = text_for
        self._text = ""
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        return self._text

    def refresh(self, *_args: object) -> None:
        model = self._view.model()
        self._text = "" if model is None or model.rowCount() > 0 else str(self._text_for())
        self._view.setAccessibleDescription(self._text)
        self._view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._view.viewport() and self._text:
            viewport = self._view.viewport()
            painter = QPainter(viewport)
            try:
                painter.setPen(viewport.palette().color(QPalette.ColorRole.PlaceholderText))
                area = viewport.rect().adjusted(HINT_MARGIN, HINT_MARGIN, -HINT_MARGIN, -HINT_MARGIN)
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(area, int(flags), self._text)
            finally:
                painter.end()
        return False
