"""A letter as a PDF, made in memory from the text the rep finished: plain text, so nothing in
it is read as markup, in DejaVu Sans so the text layer holds every name as typed."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument, QTextOption

from casevault.gui.pdf_writer import document_pdf, ensure_application, text_font


def letter_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(text_font(11))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setPlainText(text)
    return doc


def render_letter(title: str, text: str) -> bytes:
    """The letter as PDF bytes (a QGuiApplication must exist); nothing is written anywhere."""
    return document_pdf(letter_document(text), title, margin_mm=25)


def render_letter_offscreen(title: str, text: str) -> bytes:
    """`render_letter` for the command line, which has no Qt application of its own."""
    ensure_application()
    return render_letter(title, text)
