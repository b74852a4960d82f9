"""PDF bytes from a QTextDocument (gui/pdf_writer.py): A4 with the margins asked for, text at
its real size in points (laid out on the writer's dpi, not the screen's), the title set, and
the offscreen application for processes without one."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from casevault.gui.letter_pdf import letter_document, render_letter_offscreen
from casevault.gui.pdf_writer import document_pdf, ensure_application, text_font
from tests.support.pdf_text import loaded, pdf_text


def _first_line_box(data: bytes) -> tuple[float, float, float]:
    """(left, top, height) in points of the first page's first line of text."""
    with loaded(data) as doc:
        assert doc.pagePointSize(0).toSize().width() == 595  # A4
        box = doc.getAllText(0).boundingRectangle()
    return box.left(), box.top(), box.height()


def test_text_prints_at_its_size_inside_the_margins(qapp: QApplication) -> None:
    doc = QTextDocument()
    doc.setDefaultFont(text_font(20))
    doc.setPlainText("Twenty points")
    left, top, height = _first_line_box(document_pdf(doc, "Size", margin_mm=25))
    assert 18 <= height <= 30  # 20 pt type, not a third of it
    assert 70 <= left <= 80 and 70 <= top <= 85  # 25 mm is 70.9 pt


def test_the_offscreen_entry_uses_the_running_application(qapp: QApplication) -> None:
    ensure_application()
    assert QApplication.instance() is qapp
    assert pdf_text(render_letter_offscreen("T", "Plain words")).strip() == "Plain words"


def test_document_pdf_sets_the_title_and_the_font(qapp: QApplication) -> None:
    doc = letter_document("x")
    assert doc.defaultFont().pointSize() == 11
    assert text_font(10).pointSize() == 10
    data = document_pdf(doc, "A title here")
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
