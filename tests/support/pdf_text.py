"""The text layer and page count of a PDF made in memory, read back with QtPdf (first written
for tests/gui/test_figures_window.py)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument


@contextmanager
def loaded(data: bytes) -> Iterator[QPdfDocument]:
    array = QByteArray(data)  # held until the document is closed: the buffer does not own it
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    assert doc.status() == QPdfDocument.Status.Ready
    try:
        yield doc
    finally:
        doc.close()


def pdf_text(data: bytes) -> str:
    with loaded(data) as doc:
        text = "\n".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    return unicodedata.normalize("NFC", text)


def pdf_pages(data: bytes) -> int:
    with loaded(data) as doc:
        return doc.pageCount()
