"""Preview of a decrypted attachment, in memory only.

The plaintext comes from the vault as bytes and never touches the disk: images decoded from
memory (`QImage.loadFromData`, the thread-safe twin of `QPixmap.loadFromData`), text in a
read-only view, PDF through QtPdf's `QPdfDocument` reading a `QBuffer` (a non-sequential device,
so QtPdf reads it in place and makes no temp file), with page 1 rendered to a QImage and
composited onto white (PDF pages are transparent where nothing is drawn). No image is put in
QPixmapCache, and nothing here names a file on disk.

An email (an .eml, or anything whose content opens with a message's headers) is read by
casework/email_view.py, bounded like the paper trail's import: From, To, Cc, Date and Subject in a
small block, the body as plain text (an HTML body turned into text there, never rendered, so
nothing is loaded from anywhere), and its attachments by name and size. Every field is shown as
plain text (`Qt.TextFormat.PlainText`): a subject holding markup is shown as written.

`prepare` does the slow part (decoding, rendering) and touches no widget, so the documents panel
runs it on a worker thread together with the decryption; `PreviewPane.show_prepared` then only displays.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QLocale, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework.email_view import EmailView, is_email, read_email
from casevault.formats.email_in import preview_msg
from casevault.formats.outlook_msg import is_msg
from casevault.gui.case_list_model import local_datetime_text

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
    """A preview ready to show: kind is "image", "pdf", "email", "text" or "none" (then `problem`
    says why)."""

    kind: str
    image: QImage | None = None
    text: str = ""
    problem: str = ""
    email: EmailView | None = None


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
    if is_msg(data):
        return Prepared("email", email=preview_msg(data))
    if is_email(name, data):
        return Prepared("email", email=read_email(data))
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
        self.email = EmailPane()
        for page in (self.message, self.picture_area, self.text, self.email):
            self.addWidget(page)
        self.kind = ""  # "", "image", "pdf", "email", "text" or "none": what is shown
        self.image = QImage()  # the picture shown (image or rendered PDF page), for tests

    def clear(self) -> None:
        """Drop any plaintext shown."""
        self.picture.clear()
        self.text.clear()
        self.email.clear()
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
        elif prepared.email is not None:
            self.email.show_email(prepared.email)
            self.setCurrentWidget(self.email)
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


def _plain_label(accessible_name: str) -> QLabel:
    """A label that shows its text as written, never as rich text (no markup, no images)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(accessible_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class EmailPane(QWidget):
    """An email: its header block, its notes, its body as plain text, its attachments."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Email preview"))
        self.from_label = _plain_label(self.tr("Email sender"))
        self.to_label = _plain_label(self.tr("Email recipients"))
        self.cc_label = _plain_label(self.tr("Email copied to"))
        self.date_label = _plain_label(self.tr("Email date"))
        self.subject_label = _plain_label(self.tr("Email subject"))
        self.header = QFormLayout()
        for label, field in (
            (self.tr("From:"), self.from_label),
            (self.tr("To:"), self.to_label),
            (self.tr("Cc:"), self.cc_label),
            (self.tr("Date:"), self.date_label),
            (self.tr("Subject:"), self.subject_label),
        ):
            self.header.addRow(label, field)
        self.notes = _plain_label(self.tr("Email notes"))
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setUndoRedoEnabled(False)
        self.body.setAccessibleName(self.tr("Email body"))
        self.attachments_label = QLabel(self.tr("Attachments:"))
        self.attachments = QTreeWidget()
        self.attachments.setAccessibleName(self.tr("Email attachments"))
        self.attachments.setRootIsDecorated(False)
        self.attachments.setHeaderLabels([self.tr("Name"), self.tr("Size")])
        self.attachments.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attachments.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.header)
        layout.addWidget(self.notes)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.attachments_label)
        layout.addWidget(self.attachments)
        self.clear()

    def clear(self) -> None:
        for label in (
            self.from_label,
            self.to_label,
            self.cc_label,
            self.date_label,
            self.subject_label,
            self.notes,
        ):
            label.clear()
        self.body.clear()
        self.attachments.clear()
        self.notes.setVisible(False)
        self.attachments_label.setVisible(False)
        self.attachments.setVisible(False)

    def show_email(self, email: EmailView) -> None:
        self.clear()
        missing = self.tr("(none)")
        self.from_label.setText(email.sender or missing)
        self.to_label.setText(email.recipients or missing)
        self.cc_label.setText(email.copied or missing)
        self.header.setRowVisible(self.cc_label, bool(email.copied))
        self.date_label.setText(local_datetime_text(email.sent_at) if email.sent_at else self.tr("Not dated"))
        self.subject_label.setText(email.subject or missing)
        notes = [QCoreApplication.translate("email", note) for note in email.notes]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.body.setPlainText(email.body)
        locale = QLocale()
        for attachment in email.attachments:
            name = attachment.name or self.tr("(no name: %1)").replace("%1", attachment.kind)
            item = QTreeWidgetItem([name, locale.formattedDataSize(attachment.size)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.attachments.addTopLevelItem(item)
        self.attachments_label.setVisible(bool(email.attachments))
        self.attachments.setVisible(bool(email.attachments))

    def header_rows(self) -> dict[str, str]:
        """What the header block shows, by field (for tests and screen readers alike)."""
        return {
            "From": self.from_label.text(),
            "To": self.to_label.text(),
            "Cc": self.cc_label.text() if self.header.isRowVisible(self.cc_label) else "",
            "Date": self.date_label.text(),
            "Subject": self.subject_label.text(),
        }

    def attachment_rows(self) -> list[tuple[str, str]]:
        found = (self.attachments.topLevelItem(i) for i in range(self.attachments.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in found if item is not None]
