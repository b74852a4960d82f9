"""A letter's PDF (gui/letter_pdf.py, on gui/pdf_writer.py): made in memory, with every line of
the rep's text, markup and non-Latin names as typed, in its text layer; the offscreen entry
point for the command line uses the running application where there is one."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from casevault.gui.letter_pdf import letter_document, render_letter
from tests.support.pdf_text import pdf_pages, pdf_text

TEXT = (
    "4 December 2026\n\nDear Nguyễn Thị Müller,\n\n<b>not bold</b> & {{ not a field }}\n\nYours sincerely,\n"
)


def test_the_letter_pdf_holds_the_text_as_typed(qapp: QApplication) -> None:
    data = render_letter("Confirmation of advice given", TEXT)
    assert data.startswith(b"%PDF-")
    pages, text = pdf_pages(data), pdf_text(data)
    assert pages == 1
    for line in ("Dear Nguyễn Thị Müller,", "<b>not bold</b> & {{ not a field }}", "Yours sincerely,"):
        assert line in text
    assert letter_document(TEXT).toPlainText() == TEXT  # plain text: the markup is not read


def test_a_long_letter_runs_onto_more_pages(qapp: QApplication) -> None:
    data = render_letter("Long", "\n".join(f"Line {i}" for i in range(200)))
    pages, text = pdf_pages(data), pdf_text(data)
    # At 11 pt an A4 page with 25 mm margins takes about 50 lines; text laid out at the screen's
    # dpi instead of the writer's would print a third the size and fit 200 lines on two pages.
    assert 3 <= pages <= 5 and "Line 0" in text and "Line 199" in text
