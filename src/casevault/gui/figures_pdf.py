"""The branch figures as a PDF, made in memory (gui/pdf_writer.py, as the case summary and
letters are): the period and the rule, both charts as images drawn by gui/figure_charts.py,
and every table. Hidden cells read "hidden", never a number. The bytes go to
Vault.save_figures_pdf, which writes them where the rep chose, 0600, never overwriting."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, QUrl
from PySide6.QtGui import QImage, QTextDocument

from casevault.casework import figures as figure_rules
from casevault.gui import figure_charts as charts
from casevault.gui.pdf_writer import document_pdf, text_font

CONTEXT = "FiguresPdf"
# Each table's heading, in the order the window and the PDF show them.
TITLES: dict[str, object] = {
    "case_type": QT_TRANSLATE_NOOP("FiguresPdf", "Cases by type"),
    "outcome": QT_TRANSLATE_NOOP("FiguresPdf", "Cases by outcome"),
    "stage_reached": QT_TRANSLATE_NOOP("FiguresPdf", "Cases by furthest procedure stage done"),
    "month_opened": QT_TRANSLATE_NOOP("FiguresPdf", "Cases by month opened"),
    "month_closed": QT_TRANSLATE_NOOP("FiguresPdf", "Cases by month closed"),
}
CHART_PIXELS = 2000  # the width of each chart image, shown CHART_WIDTH wide: sharp at 300 dpi
CHART_WIDTH = 640  # in CSS pixels (1/96 inch, as a QTextDocument on a printer counts them): 169 mm


def _t(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def period_text(since: date | None) -> str:
    if since is None:
        return _t(QT_TRANSLATE_NOOP("FiguresPdf", "All cases in this vault, open and closed."))
    return _t(QT_TRANSLATE_NOOP("FiguresPdf", "Cases opened on or after %1, open and closed.")).replace(
        "%1", since.isoformat()
    )


def rule_text(threshold: int) -> str:
    return _t(
        QT_TRANSLATE_NOOP(
            "FiguresPdf",
            "A count under %1 cases is hidden, and so is any count that would let one be worked "
            "out. The figures hold codes and counts only: no names, references or notes.",
        )
    ).replace("%1", str(threshold))


def days_text(days: float | None) -> str:
    return charts.translated(charts.HIDDEN) if days is None else f"{days:g}"


def _order(table_name: str, value: str) -> tuple[bool, str]:
    """Months in time order; the others by name, "open" and "not recorded" last. Never by count:
    the order of hidden cells must say nothing about them."""
    special = value in charts.SPECIAL
    if table_name.startswith("month_"):
        return special, value
    return special, charts.value_label(table_name, value).casefold()


def table_rows(table: figure_rules.Table) -> list[tuple[str, str, str, str]]:
    """(label, cases, share, median days) of each cell, "hidden" where it is withheld."""
    hidden = charts.translated(charts.HIDDEN)
    rows = []
    for cell in sorted(table.cells, key=lambda c: _order(table.name, c.value)):
        median = "" if cell.median_days is None else f"{cell.median_days:g}"
        count = hidden if cell.count is None else str(cell.count)
        share = "" if cell.count is None else charts.share_text(cell.count, table.total).split(" ")[0]
        rows.append((charts.value_label(table.name, cell.value), count, share, median))
    return rows


_TEXT: dict[str, object] = {
    "title": QT_TRANSLATE_NOOP("FiguresPdf", "Branch figures"),
    "made": QT_TRANSLATE_NOOP("FiguresPdf", "Made on %1."),
    "months": QT_TRANSLATE_NOOP("FiguresPdf", "Cases opened per month"),
    "ended": QT_TRANSLATE_NOOP("FiguresPdf", "How cases ended"),
    "tables": QT_TRANSLATE_NOOP("FiguresPdf", "Tables"),
    "median": QT_TRANSLATE_NOOP("FiguresPdf", "Median days to resolution, all closed cases:"),
    "cases": QT_TRANSLATE_NOOP("FiguresPdf", "Cases"),
    "share": QT_TRANSLATE_NOOP("FiguresPdf", "Share"),
    "days": QT_TRANSLATE_NOOP("FiguresPdf", "Median days to resolution"),
    "total": QT_TRANSLATE_NOOP("FiguresPdf", "Total"),
}


def text(key: str) -> str:
    return _t(_TEXT[key])


def title(table_name: str) -> str:
    return _t(TITLES[table_name])


def _table_html(table: figure_rules.Table) -> list[str]:
    parts = [f"<h3>{_e(title(table.name))}</h3>"]
    if table.total is None:
        return [*parts, f"<p>{_e(charts.translated(charts.WITHHELD))}</p>"]
    head = "".join(f"<th align='right'>{_e(text(key))}</th>" for key in ("cases", "share", "days"))
    parts.append(
        "<table cellpadding='3' cellspacing='0' border='1' width='100%' "
        "style='border-collapse: collapse; border-color: #999999'>"
    )
    parts.append(f"<tr><th align='left'></th>{head}</tr>")
    for label, count, share, median in table_rows(table):
        cells = "".join(f"<td align='right'>{_e(v)}</td>" for v in (count, share, median))
        parts.append(f"<tr><td>{_e(label)}</td>{cells}</tr>")
    total = f"<td align='right'><b>{table.total}</b></td><td></td><td></td>"
    parts.append(f"<tr><td><b>{_e(text('total'))}</b></td>{total}</tr>")
    parts.append("</table>")
    return parts


def figures_html(figures: figure_rules.Figures, made_on: date) -> str:
    since = None if figures.since is None else figures.since.date()
    made = text("made").replace("%1", made_on.isoformat())
    parts = [
        f"<h1>{_e(text('title'))}</h1>",
        f"<p>{_e(period_text(since))} {_e(made)}</p>",
        f"<p>{_e(rule_text(figures.threshold))}</p>",
        f"<h2>{_e(text('months'))}</h2>",
        f"<p><img src='figures:months' width='{CHART_WIDTH}'/></p>",
        f"<h2>{_e(text('ended'))}</h2>",
        f"<p><img src='figures:outcomes' width='{CHART_WIDTH}'/></p>",
        f"<h2>{_e(text('tables'))}</h2>",
        f"<p>{_e(text('median'))} {_e(days_text(figures.median_days_to_resolution))}</p>",
    ]
    for table in figures.tables:
        parts += _table_html(table)
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _image(paint: charts.Painter, bars: list[charts.Bar], total: int | None) -> QImage:
    font = text_font(10)
    font.setPixelSize(CHART_PIXELS // 50)  # about the body text's size once shown CHART_WIDTH wide
    size = QSize(CHART_PIXELS, charts.image_height(paint, bars, CHART_PIXELS, font))
    return charts.chart_image(paint, bars, total, size, font)


def figures_document(figures: figure_rules.Figures, made_on: date) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(text_font(10))
    outcomes = figures.table("outcome")
    images = {
        "figures:months": _image(charts.paint_months, charts.month_bars(figures.table("month_opened")), None),
        "figures:outcomes": _image(charts.paint_shares, charts.share_bars(outcomes), outcomes.total),
    }
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(figures_html(figures, made_on))
    return doc


def render_figures(figures: figure_rules.Figures, made_on: date) -> bytes:
    """The figures as PDF bytes, in memory only (a QGuiApplication must exist)."""
    return document_pdf(figures_document(figures, made_on), text("title"))
