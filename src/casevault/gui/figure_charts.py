"""The branch figures' two charts, drawn with QPainter: cases opened per month (bars) and how
cases ended (horizontal bars with their share of the total). The same painting makes the widgets
in the figures window and the images in its PDF.

A hidden cell is drawn as a hatched band with "hidden" and never with a size: its height or
length would give its count away. A withheld table draws a sentence instead of bars. The labels
are the vault's codes in words, months and counts: nothing a rep typed about a case."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from casevault.casework import figures as figure_rules
from casevault.casework import outcomes as outcome_rules

CONTEXT = "FigureCharts"
SPECIAL: dict[str, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    figure_rules.OPEN: QT_TRANSLATE_NOOP("FigureCharts", "Still open"),
    figure_rules.NOT_RECORDED: QT_TRANSLATE_NOOP("FigureCharts", "Not recorded"),
    figure_rules.NO_PROCEDURE: QT_TRANSLATE_NOOP("FigureCharts", "No procedure"),
    "not-started": QT_TRANSLATE_NOOP("FigureCharts", "Procedure not started"),
}
HIDDEN = QT_TRANSLATE_NOOP("FigureCharts", "hidden")
WITHHELD = QT_TRANSLATE_NOOP("FigureCharts", "Not shown: too few cases to count without picking someone out.")


def translated(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def month_text(key: str, *, short: bool = False) -> str:
    """ "March 2026" (or "Mar") for "2026-03", in the app's language."""
    year, month = (int(part) for part in key.split("-"))
    name = QLocale().monthName(
        month, QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    )
    return name if short else f"{name} {year}"


def value_label(table: str, value: str) -> str:
    """How the window, charts and PDF name a cell: a listed code in words, a month, or a stage key."""
    if value in SPECIAL:
        return translated(SPECIAL[value])
    if table in ("month_opened", "month_closed"):
        return month_text(value)
    if table in ("case_type", "outcome"):
        return QCoreApplication.translate(outcome_rules.CONTEXT, outcome_rules.label(value))
    return value  # a procedure's stage key: a fixed code of its rule pack


@dataclass(frozen=True)
class Bar:
    key: str  # the cell's code or month
    label: str
    count: int | None  # None: hidden; 0: a month with no case (not a cell of the table)


def month_bars(table: figure_rules.Table) -> list[Bar]:
    """Every month from the first to the last, so the time axis is even; none when withheld."""
    counts = {c.value: c.count for c in table.cells}
    if table.total is None or not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = (int(p) for p in first.split("-"))
    bars = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        bars.append(Bar(key, month_text(key), counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return bars


def share_bars(table: figure_rules.Table) -> list[Bar]:
    """Largest first; the hidden cells last, in code order (their order must say nothing)."""
    if table.total is None:
        return []
    shown = sorted((c for c in table.cells if c.count is not None), key=lambda c: (-(c.count or 0), c.value))
    hidden = sorted((c for c in table.cells if c.count is None), key=lambda c: c.value)
    return [Bar(c.value, value_label(table.name, c.value), c.count) for c in shown + hidden]


def share_text(count: int | None, total: int | None) -> str:
    if count is None or not total:
        return translated(HIDDEN)
    return f"{round(100 * count / total)}% ({count})"


def describe(bars: Sequence[Bar], total: int | None, *, shares: bool) -> str:
    """The chart in words, for screen readers: label and count (or "hidden") of every bar."""
    if not bars:
        return translated(WITHHELD)
    hidden = translated(HIDDEN)

    def said(bar: Bar) -> str:
        if shares:
            return share_text(bar.count, total)
        return hidden if bar.count is None else str(bar.count)

    return "; ".join(f"{b.label}: {said(b)}" for b in bars)


@dataclass(frozen=True)
class Colours:
    ink: QColor
    bar: QColor
    hidden: QColor
    paper: QColor

    @classmethod
    def of(cls, palette: QPalette) -> Colours:
        return cls(
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.PlaceholderText),
            palette.color(QPalette.ColorRole.Window),
        )


PRINT = Colours(QColor(0, 0, 0), QColor(43, 92, 138), QColor(120, 120, 120), QColor(255, 255, 255))
Painter = Callable[[QPainter, QRectF, Sequence[Bar], int | None, Colours], None]


def _hatched(painter: QPainter, band: QRectF, colours: Colours) -> None:
    """Diagonal lines spaced by the font, not Qt's 8-pixel pattern, so the hatching reads the
    same on screen and in the PDF's large images."""
    spacing = max(4.0, QFontMetricsF(painter.font()).height() / 2)
    painter.save()
    painter.setClipRect(band)
    painter.setPen(QPen(colours.hidden, max(1.0, spacing / 8)))
    x = band.left() - band.height()
    while x < band.right():
        painter.drawLine(QPointF(x, band.bottom()), QPointF(x + band.height(), band.top()))
        x += spacing
    painter.restore()
    painter.setPen(QPen(colours.hidden, max(1.0, spacing / 8)))
    painter.drawRect(band)


def _withheld(painter: QPainter, area: QRectF, colours: Colours) -> None:
    painter.setPen(colours.ink)
    painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, translated(WITHHELD))


def _centred(painter: QPainter, area: QRectF, centre_x: float, top: float, text: str) -> None:
    """`text` centred on `centre_x`, moved in where it would run past the chart's edge."""
    fm = QFontMetricsF(painter.font())
    width = fm.horizontalAdvance(text) + 2
    left = min(max(centre_x - width / 2, area.left()), area.right() - width)
    painter.drawText(QRectF(left, top, width, fm.height()), Qt.AlignmentFlag.AlignCenter, text)


def _hidden_month(painter: QPainter, band: QRectF, colours: Colours) -> None:
    _hatched(painter, band, colours)
    fm = QFontMetricsF(painter.font())
    hidden, line = translated(HIDDEN), fm.height()
    if band.width() < line or fm.horizontalAdvance(hidden) > band.height():
        return  # no room to say it: the hatching says it, and the table does
    painter.save()
    painter.setPen(colours.ink)
    painter.translate(band.center())
    painter.rotate(-90)
    room = fm.horizontalAdvance(hidden) + fm.averageCharWidth()
    painter.fillRect(QRectF(-room / 2, -line / 2, room, line), colours.paper)  # over the hatching
    painter.drawText(QRectF(-room / 2, -line / 2, room, line), Qt.AlignmentFlag.AlignCenter, hidden)
    painter.restore()


def paint_months(
    painter: QPainter, area: QRectF, bars: Sequence[Bar], _total: int | None, colours: Colours
) -> None:
    if not bars:
        _withheld(painter, area, colours)
        return
    fm = QFontMetricsF(painter.font())
    line = fm.height()
    plot = QRectF(area.left(), area.top() + line + 2, area.width(), max(0.0, area.height() - 3 * line - 8))
    slot = plot.width() / len(bars)
    width = max(1.0, slot * 0.72)
    peak = max((b.count or 0 for b in bars), default=0) or 1
    widest = max(fm.horizontalAdvance(month_text(b.key, short=True)) for b in bars) + fm.averageCharWidth()
    step = max(1, math.ceil(widest / slot))  # label every step-th month, so labels never overlap
    year_shown = ""
    for i, bar in enumerate(bars):
        centre = plot.left() + (i + 0.5) * slot
        if bar.count is None:
            _hidden_month(painter, QRectF(centre - width / 2, plot.top(), width, plot.height()), colours)
        elif bar.count:
            height = plot.height() * bar.count / peak
            painter.fillRect(QRectF(centre - width / 2, plot.bottom() - height, width, height), colours.bar)
            if fm.horizontalAdvance(str(bar.count)) <= slot:
                painter.setPen(colours.ink)
                _centred(painter, area, centre, plot.bottom() - height - line - 1, str(bar.count))
        if i % step == 0:
            painter.setPen(colours.ink)
            _centred(painter, area, centre, plot.bottom() + 4, month_text(bar.key, short=True))
            year = bar.key.split("-")[0]
            if year != year_shown:  # the year under its first labelled month
                year_shown = year
                _centred(painter, area, centre, plot.bottom() + 4 + line, year)
    painter.setPen(QPen(colours.ink, 1))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())


def share_row_height(font: QFont) -> float:
    return QFontMetricsF(font).height() * 1.6


def paint_shares(
    painter: QPainter, area: QRectF, bars: Sequence[Bar], total: int | None, colours: Colours
) -> None:
    if not bars:
        _withheld(painter, area, colours)
        return
    fm = QFontMetricsF(painter.font())
    row = share_row_height(painter.font())
    gap = fm.averageCharWidth() * 1.5
    label_width = min(max(fm.horizontalAdvance(b.label) for b in bars), area.width() * 0.4)
    value_width = max(fm.horizontalAdvance(share_text(b.count, total)) for b in bars)
    lane = QRectF(area.left() + label_width + gap, 0, area.width() - label_width - value_width - 2 * gap, row)
    for i, bar in enumerate(bars):
        top = area.top() + i * row
        painter.setPen(colours.ink)
        label = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(area.left(), top, label_width, row), left, label)
        band = QRectF(lane.left(), top + row * 0.2, lane.width(), row * 0.6)
        if bar.count is None:
            _hatched(painter, band, colours)
        elif total:
            painter.fillRect(
                QRectF(band.left(), band.top(), band.width() * bar.count / total, band.height()), colours.bar
            )
        painter.setPen(colours.ink)
        painter.drawText(
            QRectF(lane.right() + gap, top, value_width, row), left, share_text(bar.count, total)
        )


class Chart(QWidget):
    """One chart of the window; `set_bars` redraws it and says it in words to screen readers."""

    def __init__(self, paint: Painter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paint = paint
        self._shares = paint is paint_shares
        self.bars: tuple[Bar, ...] = ()
        self.total: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(self._minimum())

    def _minimum(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        rows = max(len(self.bars), 2) if self._shares else 8
        return QSize(
            int(line * 16), int(share_row_height(self.font()) * rows + line if self._shares else line * rows)
        )

    def sizeHint(self) -> QSize:
        size = self._minimum()
        return QSize(size.width() * 2, size.height())

    def set_bars(self, bars: Sequence[Bar], total: int | None) -> None:
        self.bars, self.total = tuple(bars), total
        self.setAccessibleDescription(describe(self.bars, total, shares=self._shares))
        self.setMinimumSize(self._minimum())
        self.updateGeometry()
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = QFontMetricsF(self.font()).averageCharWidth()
        area = QRectF(self.rect()).adjusted(margin, margin / 2, -margin, -margin / 2)
        self._paint(painter, area, self.bars, self.total, Colours.of(self.palette()))
        painter.end()


def image_height(paint: Painter, bars: Sequence[Bar], width: int, font: QFont) -> int:
    """As tall as the chart needs: a row a bar for the shares, a fixed shape for the months."""
    line = QFontMetricsF(font).height()
    if not bars:
        return int(line * 4)
    if paint is paint_shares:
        return int(share_row_height(font) * len(bars) + line)
    return int(width * 0.38)


def chart_image(paint: Painter, bars: Sequence[Bar], total: int | None, size: QSize, font: QFont) -> QImage:
    """A chart on white, for the PDF (printed in black and blue, whatever the desktop theme)."""
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    margin = QFontMetricsF(font).averageCharWidth()
    paint(
        painter,
        QRectF(0, 0, size.width(), size.height()).adjusted(margin, margin, -margin, -margin),
        bars,
        total,
        PRINT,
    )
    painter.end()
    return image
