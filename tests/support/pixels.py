"""What a view shows, read off its pixels (for the empty-list hints and the snippet painter)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView


def ink(view: QAbstractItemView, band: int = 8) -> int:
    """Pixels in the band of `band` rows either side of the viewport's middle that are not its
    background colour: zero when nothing is drawn there."""
    viewport = view.viewport()
    image = viewport.grab().toImage()
    background = viewport.palette().color(QPalette.ColorRole.Base).rgb()
    middle = image.height() // 2
    return sum(
        1
        for y in range(middle - band, middle + band)
        for x in range(image.width())
        if image.pixel(x, y) != background
    )
