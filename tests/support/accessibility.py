"""The accessibility audit the GUI tests share: every control a screen reader can land on has an
accessible name (first written for tests/gui/test_accessibility.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
)


def _inside_a_compound_control(widget: QWidget) -> bool:
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QAbstractSpinBox | QComboBox | QTabBar | QAbstractItemView | QLineEdit):
            return True
        ancestor = ancestor.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive controls a screen reader could land on that have no accessible name. Parts Qt
    builds inside a named control (a spin box's line edit, a line edit's clear button, a scroll
    area's bars, a tab bar's scroll arrows) are announced through their owner, so they are left
    out."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.accessibleName():
            continue
        owner = widget.parentWidget()
        if isinstance(widget, QAbstractSlider) or _inside_a_compound_control(widget):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts, e.g. a toolbar's overflow button
            continue
        label = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
        missing.append(f"{type(widget).__name__} {label!r} in {type(owner).__name__}")
    return missing
