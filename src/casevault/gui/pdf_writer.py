"""A QTextDocument as PDF bytes, in memory only (QPdfWriter on a QBuffer), and the offscreen Qt
application the command line needs to make one. Shared by the case summary and letters."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

FONT_FAMILY = "DejaVu Sans"  # covers the names reps meet (Vietnamese, Polish, Turkish...)


def text_font(points: int) -> QFont:
    font = QFont(FONT_FAMILY if FONT_FAMILY in QFontDatabase.families() else QFont().family())
    font.setPointSize(points)
    return font


def document_pdf(doc: QTextDocument, title: str, margin_mm: float = 15) -> bytes:
    """`doc` laid out on A4 as PDF bytes; nothing is written anywhere (a QGuiApplication must exist)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("casevault")
    margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    # Lay the text out on the writer's 300 dpi, not the screen's: else a point is a screen
    # pixel's worth of the page and 11 pt prints at about a third of its size.
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


_OFFSCREEN: list[QGuiApplication] = []  # the application ensure_application started, kept for good


def ensure_application() -> None:
    """For a process without a Qt application, such as the command line: the first call starts
    one on the offscreen platform (unless QT_QPA_PLATFORM names another), so no display is
    needed or touched; later calls reuse it."""
    if QGuiApplication.instance() is None:
        argv = ["casevault"]
        if not os.environ.get("QT_QPA_PLATFORM"):
            argv += ["-platform", "offscreen"]
        _OFFSCREEN.append(QGuiApplication(argv))
