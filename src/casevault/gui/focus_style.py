"""A focus the rep can see (issue 18), whatever the desktop's theme.

Qt's styles show the focus on most controls themselves (Fusion outlines a field, a button, a
check box or a tab in the highlight colour once the keyboard is used), but not on all: a list or
a tree with no rows shows nothing, and a multi-line text box only its caret, one pixel wide.
`FOCUS_CSS` outlines a focused list, tree or text box in the palette's highlight colour, so it
follows a light or a dark theme, with a one-pixel border as wide as the frame it stands in for,
so nothing inside moves when the focus comes. The App installs it for as long as it runs.

`keyboard_links(label)` lets Tab reach a label's links, shown selected, and Enter follow them:
Qt's labels take links from the mouse only, and one that takes them from the keyboard too needs
a second Tab to get from the label onto its link and a second Shift+Tab to leave it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

FOCUS_CSS = (
    "\n/* casevault: a visible focus */\n"
    "QAbstractScrollArea:focus { border: 1px solid palette(highlight); }\n"
)


def install(app: QApplication) -> None:
    if FOCUS_CSS not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + FOCUS_CSS)


def uninstall(app: QApplication) -> None:
    if FOCUS_CSS in app.styleSheet():
        app.setStyleSheet(app.styleSheet().replace(FOCUS_CSS, ""))


class _OntoTheLink(QObject):
    """Tab onto the label lands on its first link (Shift+Tab on its last); a label showing no link
    passes the focus on, so it is never a stop with nothing to do."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QLabel):
            return False
        if isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusIn and event.reason() in _TABS:
            watched.event(event)  # the label's own focus handling first
            watched.focusNextPrevChild(event.reason() == Qt.FocusReason.TabFocusReason)
            return True
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and _back(event):
            before = (watched.selectionStart(), watched.selectedText())
            watched.focusNextPrevChild(False)  # the link before, if there is one
            if watched.hasFocus() and (watched.selectionStart(), watched.selectedText()) == before:
                QWidget.focusNextPrevChild(watched, False)  # none (Qt stays on the first): out
            return True
        return False


def _back(event: QKeyEvent) -> bool:
    shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
    return event.key() == Qt.Key.Key_Backtab or (event.key() == Qt.Key.Key_Tab and bool(shift))


_TABS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)


def keyboard_links(label: QLabel) -> QLabel:
    """Tab reaches `label`'s links and Enter follows the focused one."""
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.installEventFilter(_OntoTheLink(label))
    return label
