"""A busy cursor around slow work on the GUI thread (Argon2id takes about a second)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@contextmanager
def busy_cursor() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QGuiApplication.processEvents()  # let the cursor and any "working" text show before we block
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
