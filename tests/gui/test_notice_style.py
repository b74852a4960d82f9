"""Notice colours (gui/notice_style.py): amber on a light theme, dark amber with light text on a
dark one; the text keeps its contrast both ways."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from casevault.gui.notice_style import DARK, LIGHT, is_dark, notice_css


def _palette(window: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    return palette


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [QColor(colour).redF(), QColor(colour).greenF(), QColor(colour).blueF()]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_theme_picks_the_colours(qapp: QApplication) -> None:
    assert not is_dark(_palette("#efefef")) and is_dark(_palette("#202124"))
    assert LIGHT[0] in notice_css(palette=_palette("#efefef"))
    dark = notice_css("padding: 6px;", palette=_palette("#202124"))
    assert DARK[0] in dark and DARK[1] in dark and "padding: 6px;" in dark


def test_text_on_a_notice_is_readable_in_both() -> None:
    for background, text, _border in (LIGHT, DARK):
        assert _contrast(background, text) >= 7  # WCAG AAA for body text
