"""Preview of a decrypted attachment, in memory only.

The plaintext comes from `Vault.read_attachment` as bytes and never touches the disk: images
through `QPixmap.loadFromData`, text in a read-only view, PDF through QtPdf's `QPdfDocument`
reading a `QBuffer` (a non-sequential device, so QtPdf reads it in place and makes no temp file),
with page 1 rendered to a QImage and composited onto white (PDF pages are transparent where
nothing is drawn). No image is put in QPixmapCache, and nothing here names a file on disk.
"""

from __future__ import annotations

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
        """Preview `data` (the plaintext of attachment `name`); returns the kind shown."""
        self.clear()
        if data.startswith(b"%PDF-") or name.lower().endswith(".pdf"):
            if not pdf_available():
                self.kind = "none"
                self._say(self.tr("PDF preview is not available on this computer."))
                return self.kind
            image = render_pdf_first_page(data)
            if image is None:
                self.kind = "none"
                self._say(self.tr("This PDF cannot be previewed; it may be damaged."))
                return self.kind
            self._show_image(image, "pdf")
            return self.kind
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            self._show_image(pixmap.toImage(), "image", pixmap)
            return self.kind
        text = looks_like_text(data)
        if text is not None:
            self.text.setPlainText(text[:MAX_TEXT_CHARS])
            self.kind = "text"
            self.setCurrentWidget(self.text)
            return self.kind
        self.kind = "none"
        self._say(self.tr("There is no preview for this kind of file."))
        return self.kind

    def _show_image(self, image: QImage, kind: str, pixmap: QPixmap | None = None) -> None:
        self.image = image
        self.picture.setPixmap(pixmap if pixmap is not None else QPixmap.fromImage(image))
        self.kind = kind
        self.setCurrentWidget(self.picture_area)
