"""Preview of a decrypted attachment, in memory only.

The plaintext comes from the vault as bytes and never touches the disk: images decoded from
memory (`QImage.loadFromData`, the thread-safe twin of `QPixmap.loadFromData`), text in a
read-only view, PDF through QtPdf's `QPdfDocument` reading a `QBuffer` (a non-sequential device,
so QtPdf reads it in place and makes no temp file), with page 1 rendered to a QImage and
composited onto white (PDF pages are transparent where nothing is drawn). No image is put in
QPixmapCache, and nothing here names a file on disk.

`prepare` does the slow part (decoding, rendering) and touches no widget, so the documents panel
runs it on a worker thread together with the decryption; `PreviewPane.show_prepared` then only displays.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QStackedWidget, QWidget

try:
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # PySide6-Pdf missing: previews of PDFs say so
    QPdfDocument = None  # type: ignore[assignment,misc]

PDF_WIDTH = 800  # pixels across for page 1
MAX_TEXT_CHARS = 2_000_000


def pdf_available() -> bool:
    return QPdfDocument is not None


def render_pdf_first_page(data: bytes, width: int = PDF_WIDTH) -> QImage | None:
    """Page 1 of the PDF in `data`, on white, `width` pixels across; None if it will not load."""
    if QPdfDocument is None:
        return None
    holder = QByteArray(data)
    buffer = QBuffer(holder)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return None
        points = document.pagePointSize(0)
        if points.width() <= 0 or points.height() <= 0:
            return None
        size = QSize(width, max(1, round(width * points.height() / points.width())))
        page = document.render(0, size)
        if page.isNull():
            return None
        white = QImage(size, QImage.Format.Format_RGB32)
        white.fill(QColor(Qt.GlobalColor.white))
        painter = QPainter(white)
        painter.drawImage(0, 0, page)
        painter.end()
        return white
    finally:
        document.close()  # detaches the buffer before either goes away
        buffer.close()


def looks_like_text(data: bytes) -> str | None:
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


# Why a document has no preview (the pane says it in words, translated on the GUI thread).
NO_PDF_SUPPORT, BAD_PDF, UNKNOWN_KIND = "no-pdf-support", "bad-pdf", "unknown-kind"


@dataclass(frozen=True)
class Prepared:
    """A preview ready to show: kind is "image", "pdf", "text" or "none" (then `problem` says why)."""

    kind: str
    image: QImage | None = None
    text: str = ""
    problem: str = ""


def prepare(name: str, data: bytes) -> Prepared:
    """Decode or render `data` (the plaintext of attachment `name`). Safe on a worker thread: it
    makes QImages, never QPixmaps or widgets."""
    if data.startswith(b"%PDF-") or name.lower().endswith(".pdf"):
        if not pdf_available():
            return Prepared("none", problem=NO_PDF_SUPPORT)
        page = render_pdf_first_page(data)
        return Prepared("none", problem=BAD_PDF) if page is None else Prepared("pdf", image=page)
    image = QImage()
    if image.loadFromData(data):
        return Prepared("image", image=image)
    text = looks_like_text(data)
    if text is not None:
        return Prepared("text", text=text[:MAX_TEXT_CHARS])
    return Prepared("none", problem=UNKNOWN_KIND)


class PreviewPane(QStackedWidget):
    """Shows one attachment's plaintext, or a sentence saying why it cannot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Document preview"))
        self.message = QLabel(self.tr("Choose a document to preview it."))
        self.message.setAccessibleName(self.tr("Preview message"))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture = QLabel()
        self.picture.setAccessibleName(self.tr("Picture preview"))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture_area = QScrollArea()
        self.picture_area.setWidget(self.picture)
        self.picture_area.setWidgetResizable(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.text.setAccessibleName(self.tr("Text preview"))
        for page in (self.message, self.picture_area, self.text):
            self.addWidget(page)
        self.kind = ""  # "", "image", "pdf", "text" or "none": what is shown
        self.image = QImage()  # the picture shown (image or rendered PDF page), for tests

    def clear(self) -> None:
        """Drop any plaintext shown."""
        self.picture.clear()
        self.text.clear()
        self.image = QImage()
        self.kind = ""
        self._say(self.tr("Choose a document to preview it."))

    def _say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.setCurrentWidget(self.message)

    def show_data(self, name: str, data: bytes) -> str:
        """Preview `data` (the plaintext of attachment `name`) here and now; returns the kind."""
        return self.show_prepared(prepare(name, data))

    def show_waiting(self) -> None:
        """While the document is decrypted and rendered."""
        self.clear()
        self._say(self.tr("Opening the preview…"))

    def show_prepared(self, prepared: Prepared) -> str:
        """Show a prepared preview; returns the kind shown."""
        self.clear()
        self.kind = prepared.kind
        if prepared.image is not None:
            self._show_image(prepared.image, prepared.kind)
        elif prepared.kind == "text":
            self.text.setPlainText(prepared.text)
            self.setCurrentWidget(self.text)
        elif prepared.problem == NO_PDF_SUPPORT:
            self._say(self.tr("PDF preview is not available on this computer."))
        elif prepared.problem == BAD_PDF:
            self._say(self.tr("This PDF cannot be previewed; it may be damaged."))
        else:
            self._say(self.tr("There is no preview for this kind of file."))
        return self.kind

    def _show_image(self, image: QImage, kind: str) -> None:
        self.image = image
        self.picture.setPixmap(QPixmap.fromImage(image))
        self.kind = kind
        self.setCurrentWidget(self.picture_area)
