"""The figures' charts (gui/figure_charts.py): months run without gaps from the first to the last,
hidden cells are listed after the shown ones in code order and drawn without a size, a withheld
table draws its sentence, cells are named in words, and painting copes with a long history, a
narrow chart and a large font."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casevault.casework import figures as fig
from casevault.casework.figures import Cell, Table
from casevault.gui import figure_charts as charts

T0 = datetime(2024, 1, 10, 9, tzinfo=UTC)


def test_months_run_evenly_from_the_first_to_the_last() -> None:
    table = Table("month_opened", 20, (Cell("2025-11", 9), Cell("2026-02", 6), Cell("2026-01", None)))
    bars = charts.month_bars(table)
    assert [(b.key, b.count) for b in bars] == [
        ("2025-11", 9),
        ("2025-12", 0),  # no case that month: not a cell, drawn as an empty slot
        ("2026-01", None),
        ("2026-02", 6),
    ]
    assert bars[0].label == "November 2025"
    assert charts.month_bars(Table("month_opened", None)) == []


def test_shares_list_the_shown_largest_first_and_the_hidden_last_in_code_order() -> None:
    table = Table(
        "outcome",
        40,
        (Cell("open", 20), Cell("settled", None), Cell("upheld", 12), Cell("not-upheld", None)),
    )
    bars = charts.share_bars(table)
    assert [(b.label, b.count) for b in bars] == [
        ("Still open", 20),
        ("Upheld", 12),
        ("Not upheld", None),
        ("Settled", None),
    ]
    assert charts.describe(bars, 40, shares=True) == (
        "Still open: 50% (20); Upheld: 30% (12); Not upheld: hidden; Settled: hidden"
    )
    assert charts.describe([], None, shares=True) == charts.translated(charts.WITHHELD)


@pytest.mark.parametrize(
    ("table", "value", "label"),
    [
        ("outcome", "not-recorded", "Not recorded"),
        ("case_type", "sickness", "Sickness absence"),
        ("case_type", "pensions", "Pensions"),  # a code the rep added: spelled out
        ("stage_reached", "no-procedure", "No procedure"),
        ("stage_reached", "not-started", "Procedure not started"),
        ("stage_reached", "grievance-appeal", "grievance-appeal"),  # a rule pack's own stage key
        ("month_closed", "open", "Still open"),
        ("month_closed", "2026-03", "March 2026"),
    ],
)
def test_cells_are_named_in_words(table: str, value: str, label: str) -> None:
    assert charts.value_label(table, value) == label


def _image(paint: charts.Painter, table: Table, size: QSize, points: int = 10) -> set[int]:
    bars = charts.month_bars(table) if paint is charts.paint_months else charts.share_bars(table)
    font = QFont(QApplication.font())
    font.setPointSize(points)
    image = charts.chart_image(paint, bars, table.total, size, font)
    assert image.size() == size
    return {image.pixel(x, y) for x in range(0, size.width(), 3) for y in range(0, size.height(), 3)}


def test_a_hidden_cell_is_drawn_hatched_never_as_a_bar(qapp: QApplication) -> None:
    # A hidden cell holds no count (casework/figures.py gives None), so nothing can size it: it is
    # the hatching across the whole lane, never the bar colour.
    blue, grey = charts.PRINT.bar.rgb(), charts.PRINT.hidden.rgb()
    shown = Table("outcome", 30, (Cell("upheld", 20), Cell("settled", None), Cell("withdrawn", None)))
    assert blue in _image(charts.paint_shares, shown, QSize(600, 200))
    all_hidden = Table("outcome", 30, (Cell("settled", None), Cell("withdrawn", None)))
    painted = _image(charts.paint_shares, all_hidden, QSize(600, 200))
    assert blue not in painted and grey in painted
    months = Table("month_opened", 30, (Cell("2026-01", None), Cell("2026-02", None)))
    painted = _image(charts.paint_months, months, QSize(600, 300))
    assert blue not in painted and grey in painted


def test_painting_copes_with_long_histories_narrow_charts_and_large_fonts(qapp: QApplication) -> None:
    months = fig.table(
        "month_opened", (fig.month(T0 + timedelta(days=9 * i)) for i in range(400)), fig.DEFAULT_THRESHOLD
    )
    assert months.total == 400 and len(charts.month_bars(months)) > 100
    for points in (8, 28):
        assert len(_image(charts.paint_months, months, QSize(1200, 400), points)) > 2  # drawn
        _image(charts.paint_months, months, QSize(120, 60), points)  # no room: nothing, but no error
    withheld = Table("outcome", None)
    painted = _image(charts.paint_shares, withheld, QSize(500, 80))
    assert QColor(255, 255, 255).rgb() in painted and len(painted) > 1  # the sentence is drawn


def test_the_chart_widget_says_its_bars_in_words(qtbot: QtBot) -> None:
    chart = charts.Chart(charts.paint_months)
    qtbot.addWidget(chart)
    chart.set_bars(
        charts.month_bars(Table("month_opened", 14, (Cell("2026-01", 9), Cell("2026-02", None)))), None
    )
    assert chart.accessibleDescription() == "January 2026: 9; February 2026: hidden"
    chart.resize(400, 200)
    chart.show()
    assert not chart.grab().isNull()
    assert charts.image_height(charts.paint_shares, chart.bars, 400, chart.font()) > 0
