"""Walking a window as a keyboard user does (first written for tests/gui/test_keyboard.py): press
Tab from where the window puts the focus until the focus comes back round, and compare that with
the reading order of the controls, with the controls a mouse could use, and each control's look
with and without the focus (`problems` lists all of it).

Reading order is top to bottom, then left to right: control A comes before B when A ends above
B's top, or when the two share a row (their heights overlap) and A starts left of B. The
tolerance is ROW_SLACK pixels: controls on one form row are not the same height (a label-high
check box beside a taller spin box, a push button beside a line edit), and rows set one
layout-spacing apart can touch when rounded, so two controls count as one row only when their
heights overlap by more than ROW_SLACK, and as one above the other when the first ends no more
than ROW_SLACK below the second's top."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QStyle,
    QStyleFactory,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from tests.support.accessibility import INTERACTIVE

ROW_SLACK = 4
TAB_LIMIT = 120  # more Tab presses than any window has controls: a walk that never comes round fails


@dataclass(frozen=True)
class Walk:
    chain: list[QWidget]  # the focus after each Tab, first the focus the window was shown with
    trapped: QWidget | None  # a control Tab does not leave (it typed a tab), or where the walk gave up
    focused_looks: dict[int, QImage] = field(default_factory=dict)  # id(widget): its look with the focus


def describe(widget: QWidget) -> str:
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton | QLabel):
        name = re.sub("<[^>]*>", "", widget.text()).replace("&", "")
    return f"{type(widget).__name__} {name!r}"


def tab_stops(root: QWidget) -> list[QWidget]:
    """The controls Tab can land on in `root`, in its focus chain, by Qt's own rules (the focus
    policy takes Tab, shown, enabled, not handing its focus to a proxy, in this window)."""
    stops = []
    widget = root.nextInFocusChain()
    while widget is not root:
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.window() is root
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusProxy() is None
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def tab_walk(root: QWidget) -> Walk:
    """Press Tab from the window's focus until it comes round again, keeping each control's look
    as Tab lands on it. `root` must be shown. A date edit takes a Tab per part of the date (day,
    month, year) before it lets go, as Qt's do."""
    root.activateWindow()
    QApplication.processEvents()
    start = root.focusWidget()
    assert start is not None, f"{describe(root)}: nothing has the focus"
    chain = [start]
    looks: dict[int, QImage] = {}
    current = start
    sections = 0
    for _ in range(TAB_LIMIT):
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        after = root.focusWidget()
        if after is current and isinstance(current, QDateTimeEdit) and sections < current.sectionCount():
            sections += 1
            continue
        sections = 0
        if after is not None and id(after) not in looks:
            looks[id(after)] = after.grab().toImage()
        if after is None or after is current:
            return Walk(chain, current if len(tab_stops(root)) > 1 else None, looks)
        if after is start:
            return Walk(chain, None, looks)
        chain.append(after)
        current = after
    return Walk(chain, current, looks)


def changed_pixels(a: QImage, b: QImage) -> int:
    if a.size() != b.size():
        return a.width() * a.height()
    first, second = (array("I", _argb(image)) for image in (a, b))
    return sum(x != y for x, y in zip(first, second, strict=True))


def _argb(image: QImage) -> bytes:
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = argb.constBits().tobytes()
    line, width = argb.bytesPerLine(), argb.width() * 4
    return b"".join(rows[y * line : y * line + width] for y in range(argb.height()))


def plain_look(widget: QWidget, elsewhere: QWidget) -> QImage:
    """How `widget` looks with the focus on `elsewhere`. A push button is drawn as neither focused
    nor the default: in Fusion the focused button is drawn as the default one is (Enter presses
    the focused button), so that is how a button shows the focus."""
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    default = isinstance(widget, QPushButton) and widget.isDefault()
    if default:
        widget.setDefault(False)
    try:
        return widget.grab().toImage()
    finally:
        if default:
            widget.setDefault(True)


def focus_hard_to_see(walk: Walk) -> list[str]:
    """The Tab stops whose look hardly changes when they take the focus: fewer pixels change than
    a text cursor would make (a caret alone, one pixel wide and a line high, is easy to miss in a
    large box). Call after `tab_walk`, with the focus back where the walk started."""
    hard = []
    for widget in walk.chain:
        focused = walk.focused_looks.get(id(widget))
        others = [w for w in walk.chain if w is not widget]
        if focused is None or not others:
            continue
        caret = 3 * widget.fontMetrics().height() * max(1, round(widget.devicePixelRatioF()))
        if changed_pixels(plain_look(widget, others[0]), focused) < caret:
            hard.append(describe(widget))
    return hard


def first_read(root: QWidget, widgets: list[QWidget]) -> QWidget:
    """The one of `widgets` a reader meets first."""
    rects = {id(w): rect_in(root, w) for w in widgets}
    for widget in widgets:
        if not any(reads_before(rects[id(o)], rects[id(widget)]) for o in widgets if o is not widget):
            return widget
    return min(widgets, key=lambda w: (rects[id(w)].top(), rects[id(w)].left()))


def from_first_read(root: QWidget, chain: list[QWidget]) -> list[QWidget]:
    """The Tab cycle turned to start at the control a reader meets first (Tab comes round, so a
    window may put the focus anywhere in it; where is checked on its own)."""
    first = chain.index(first_read(root, chain))
    return chain[first:] + chain[:first]


def rect_in(root: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def reads_before(a: QRect, b: QRect, slack: int = ROW_SLACK) -> bool:
    """Whether a reader meets `a` before `b`: above it, or on its row and to its left."""
    if a.bottom() <= b.top() + slack:
        return True
    if b.bottom() <= a.top() + slack:
        return False
    return a.left() < b.left()


def out_of_order(root: QWidget, chain: list[QWidget]) -> list[str]:
    """Each pair of controls Tab visits in the opposite order to reading."""
    found = []
    rects = [rect_in(root, w) for w in chain]
    for i, earlier in enumerate(chain):
        for j in range(i + 1, len(chain)):
            if reads_before(rects[j], rects[i]) and not reads_before(rects[i], rects[j]):
                found.append(f"{describe(chain[j])} is read before {describe(earlier)}")
    return found


def _part_of_another_control(widget: QWidget, root: QWidget) -> bool:
    """Parts Qt builds inside a control (a spin box's line edit, a combo box's list, a line
    edit's clear button, a tab bar's scroll arrows, a view's scroll bars and header) take the
    keyboard through their owner."""
    if isinstance(widget, QScrollBar | QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not root:
        if isinstance(ancestor, QAbstractSpinBox | QComboBox | QTabBar | QAbstractItemView | QLineEdit):
            return True
        ancestor = ancestor.parentWidget()
    return False


def _has_links(label: QLabel) -> bool:
    return "<a " in label.text() or label.openExternalLinks()


def interactive(root: QWidget) -> list[QWidget]:
    """The controls a mouse could use in `root` now: shown and enabled."""
    found = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root or not widget.isVisibleTo(root) or not widget.isEnabled():
            continue  # (a dialog open over a window is a window of its own)
        if _part_of_another_control(widget, root):
            continue
        if (
            isinstance(widget, (*INTERACTIVE, QTabBar))
            or (isinstance(widget, QLabel) and _has_links(widget))
            or (isinstance(widget, QGroupBox) and widget.isCheckable())
        ):
            found.append(widget)
    return found


def toolbar_button(widget: QWidget) -> bool:
    """A toolbar's buttons take no focus (Qt's toolbars never do): their actions are reached
    through a menu or a shortcut instead (tests/gui/test_keyboard.py checks every one is)."""
    return isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QToolBar)


def unreachable(root: QWidget, chain: list[QWidget]) -> list[str]:
    """Controls a mouse could use that Tab never reaches (a toolbar's buttons aside)."""
    reached = set(map(id, chain))
    missing = []
    for widget in interactive(root):
        if toolbar_button(widget):
            continue
        target = widget.focusProxy() or widget
        if id(target) in reached:
            continue
        if isinstance(widget, QRadioButton) and any(id(r) in reached for r in _radio_group(widget)):
            continue  # one Tab stop for the group; the arrow keys choose within it
        missing.append(describe(widget))
    return missing


def _radio_group(radio: QRadioButton) -> list[QAbstractButton]:
    group = radio.group()
    if group is not None:
        return group.buttons()
    parent = radio.parentWidget()
    if radio.autoExclusive() and parent is not None:
        return [r for r in parent.findChildren(QRadioButton) if r.parentWidget() is parent]
    return [radio]


def default_button(root: QWidget) -> str | None:
    """The text of the button Enter presses in `root`, or None."""
    shown = [b for b in root.findChildren(QPushButton) if b.isDefault() and b.isVisibleTo(root)]
    return shown[0].text() if shown else None


def _types(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox)


def tab_typers(root: QWidget) -> list[QWidget]:
    """Text boxes in `root`, shown or not yet, where Tab types a tab instead of moving on."""
    boxes = root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit)
    return [b for b in boxes if b.window() is root and not b.isReadOnly() and not b.tabChangesFocus()]


def problems(root: QWidget, *, opening: bool = True) -> list[str]:
    """What a keyboard user would trip on in `root`, as it is shown now: Tab sticking in a
    control, going round out of reading order or missing a control, a focus hard to see, a text
    box (shown or not) that would take Tab as text, and (`opening`: `root` was just opened) the
    focus starting elsewhere than the first control a reader meets, which may only be the
    default button of a window with nothing to type in."""
    walk = tab_walk(root)
    found = []
    if walk.trapped is not None:
        found.append(f"Tab does not leave {describe(walk.trapped)}")
    found += out_of_order(root, from_first_read(root, walk.chain))
    found += [f"Tab never reaches {name}" for name in unreachable(root, walk.chain)]
    found += [f"no visible focus on {name}" for name in focus_hard_to_see(walk)]
    found += [f"Tab would type into {describe(box)}" for box in tab_typers(root)]
    if opening:
        start, first = walk.chain[0], first_read(root, walk.chain)
        typing = any(_types(w) for w in walk.chain)
        if start is not first and (typing or not (isinstance(start, QPushButton) and start.isDefault())):
            found.append(f"opens with the focus on {describe(start)}, not on {describe(first)}")
    return found


class ButtonOrder(QProxyStyle):
    """Fusion, with another platform's order of dialog buttons."""

    def __init__(self, layout: QDialogButtonBox.ButtonLayout) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self._layout = layout

    def styleHint(self, hint: QStyle.StyleHint, *args: object) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonLayout:
            return int(self._layout.value)
        return int(super().styleHint(hint, *args))  # type: ignore[arg-type]


@contextmanager
def button_order(layout: QDialogButtonBox.ButtonLayout) -> Iterator[None]:
    """Dialogs made meanwhile lay their buttons out in `layout`'s order."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    name, palette = app.style().name(), QPalette(app.palette())
    app.setStyle(ButtonOrder(layout))
    try:
        yield
    finally:
        app.setStyle(QStyleFactory.create(name))
        app.setPalette(palette)


def focus_chain(root: QWidget) -> list[QWidget]:
    """Every widget in `root`'s focus chain, taking the focus or not, in order."""
    chain, widget = [], root.nextInFocusChain()
    while widget is not root:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain
