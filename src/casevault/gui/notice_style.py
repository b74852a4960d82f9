"""The colours of a notice (the reminders banner, the first meeting's escalation advice): amber
on the desktop's light theme, a dark amber with light text on a dark one, so a late-night rep
is not dazzled and the text keeps its contrast either way."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

LIGHT = ("#fff4ce", "#3b2f00", "#c9a400")  # background, text, border
DARK = ("#4a3c0b", "#fff4ce", "#8a6d00")


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def notice_css(extra: str = "", palette: QPalette | None = None) -> str:
    background, text, border = DARK if is_dark(palette) else LIGHT
    return f"QLabel {{ background: {background}; color: {text}; border-color: {border}; {extra} }}"
