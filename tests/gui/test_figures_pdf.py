"""The figures PDF (gui/figures_pdf.py): made in memory, with the period, the rule, both charts
and every table in its text layer, hidden cells as "hidden", withheld tables as a sentence, rows
in an order that says nothing about hidden cells, and text at a readable size on the page."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from casevault.casework import figures as fig
from casevault.casework.figures import Cell, Figures, Table
from casevault.gui import figures_pdf
from tests.support.pdf_text import pdf_text

MADE = date(2026, 2, 20)


def _figures(since: datetime | None = None) -> Figures:
    return Figures(
        5,
        since,
        (
            Table("case_type", 30, (Cell("grievance", 20, 41.0), Cell("pay", None), Cell("sickness", None))),
            Table("outcome", 30, (Cell("open", 10), Cell("upheld", 20, 38.5))),
            Table("stage_reached", None),
            Table("month_opened", 30, (Cell("2026-01", 30),)),
            Table("month_closed", 30, (Cell("2026-02", 20), Cell("open", 10))),
        ),
        40.0,
    )


def test_the_pdf_holds_the_period_the_rule_and_every_table(qapp: QApplication) -> None:
    data = figures_pdf.render_figures(_figures(datetime(2026, 1, 1, tzinfo=UTC)), MADE)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for needle in (
        "Branch figures",
        "Cases opened on or after 2026-01-01, open and closed. Made on 2026-02-20.",
        "A count under 5 cases is hidden",
        "Cases opened per month",
        "How cases ended",
        "Median days to resolution, all closed cases: 40",
        "Grievance 20 67% 41",
        "Pay and conditions hidden",
        "Upheld 20 67% 38.5",
        "Cases by furthest procedure stage done",
        figures_pdf.charts.translated(figures_pdf.charts.WITHHELD),
        "January 2026 30 100%",
    ):
        assert needle in " ".join(text.split()), needle


def test_rows_are_ordered_by_name_or_month_never_by_count() -> None:
    table = Table(
        "outcome", 40, (Cell("open", 9), Cell("upheld", 25), Cell("not-upheld", None), Cell("settled", None))
    )
    assert [r[0] for r in figures_pdf.table_rows(table)] == ["Not upheld", "Settled", "Upheld", "Still open"]
    months = Table("month_closed", 40, (Cell("2026-02", 20), Cell("2025-12", 10), Cell("open", 10)))
    assert [r[0] for r in figures_pdf.table_rows(months)] == ["December 2025", "February 2026", "Still open"]
    assert figures_pdf.table_rows(Table("case_type", 6, (Cell("pay", None),))) == [
        ("Pay and conditions", "hidden", "", "")
    ]


def test_the_period_and_the_rule_in_words() -> None:
    assert figures_pdf.period_text(None) == "All cases in this vault, open and closed."
    assert "2025-04-06" in figures_pdf.period_text(date(2025, 4, 6))
    assert "under 10 cases" in figures_pdf.rule_text(10)
    assert figures_pdf.days_text(None) == "hidden" and figures_pdf.days_text(12.5) == "12.5"


def test_the_text_is_a_readable_size_on_the_page(qapp: QApplication) -> None:
    # Laid out at 300 dpi pixels, 10-point text would come out about 3 points tall.
    data = figures_pdf.render_figures(fig.figures([], threshold=5), MADE)
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    page = doc.pagePointSize(0)
    found = doc.getAllText(0)
    heights = sorted(polygon.boundingRect().height() for polygon in found.bounds())
    doc.close()
    assert page.width() > 500  # A4, in points
    assert heights and heights[-1] > 12  # the title's capitals, in points (4 when laid out too small)
