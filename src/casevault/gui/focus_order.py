"""Tab through a dialog's buttons in the order they are on screen (issue 18: Tab goes in
reading order).

Qt's Tab order is the order widgets joined the window. A QDialogButtonBox lays its buttons out
in the platform's order (Save left of Cancel on Windows and KDE, Cancel left of Save on GNOME,
others on macOS) but Tab went through them in the order they were added, so on one platform or
another Tab went right to left. `tab_as_laid_out(box)` makes Tab follow the layout, now and each
time the box is shown (a button added later, or a change of style, moves them)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDialogButtonBox, QWidget


def laid_out_buttons(box: QDialogButtonBox) -> list[QWidget]:
    """The box's buttons left to right (top to bottom in a vertical box), as the layout places them."""
    layout = box.layout()
    if layout is None:
        return []
    # By their place in the layout; its items are not read, since a stale wrapper of a spacer Qt
    # has deleted could stand for a widget made later at the same address.
    placed = [(layout.indexOf(button), button) for button in box.buttons()]
    return [button for at, button in sorted(placed, key=lambda pair: pair[0]) if at >= 0]


def _follow_layout(box: QDialogButtonBox) -> None:
    buttons = laid_out_buttons(box)
    for first, second in pairwise(buttons):
        QWidget.setTabOrder(first, second)


class _FollowLayout(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialogButtonBox):
            _follow_layout(watched)
        return False


def tab_as_laid_out(box: QDialogButtonBox) -> QDialogButtonBox:
    """Tab through `box`'s buttons in the order they appear, now and whenever it is shown."""
    _follow_layout(box)
    box.installEventFilter(_FollowLayout(box))
    return box
