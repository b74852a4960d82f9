"""A whole desktop session, offscreen, through the real widgets found by accessible name, then a
scan of every place the session could have written for plaintext of the member's data.

create vault → new case for "Nguyễn Thị Müller" → first meeting saved, an action point, a note →
attach a PDF and an image → preview both → search finds the case → lock → unlock → all still
there → quit. The scan runs twice: while the vault is open (live -wal/-shm files, previews shown)
and after quitting (settings written on close). Qt's own caches count: every QStandardPaths
location the session may write to must lie inside the scanned private HOME."""

from __future__ import annotations

import os
import random
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QPoint, QRectF, QStandardPaths, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casevault.gui import settings
from casevault.gui.app import App
from casevault.gui.case_page import ACTION_POINTS, DOCUMENTS, FIRST_MEETING, PAPER_TRAIL, CasePage
from casevault.gui.documents import DocumentsPanel
from casevault.gui.main_window import MainWindow
from casevault.gui.preview import pdf_available
from tests.conftest import PASSPHRASE
from tests.gui.conftest import by_name, window_named
from tests.support.disk_scan import files_under, inside, listing, needles, new_entries, scan
from tests.support.gui_case_page import open_first_case
from tests.support.gui_flows import column, create_vault

# Every phrase carries an invented word, so a hit can only come from this session, and so a
# leaked search index (which stores single lower-cased, diacritic-folded words) is caught too.
MEMBER = "Nguyễn Thị Müller"
EMAIL = "n.muller.vorkelsted@example.org"
ISSUE = "Overtime at the Grindlewick depot refused"
NARRATIVE = "Warned twice about lateness after the Quenridge rota changed without notice."
ORIGINALS = "Warning letter from Dravenmoor Logistics"
DECISION = "Ich möchte, dass die Gewerkschaft mich gegen Pellingrove vertritt."
ACTION = "Request the Tessaloom rota history"
OWNER = "Odalys Brightwater"
NOTE = "Member disclosed a Vorkelbane sickness absence in confidence."
PDF_TITLE = "Dismissal letter Marblethorpe"
PNG_COMMENT = "Rota photo Corvillane"
PDF_NAME = "Muller-dismissal-letter.pdf"
PNG_NAME = "Muller-rota-photo.png"

TEXT_SECRETS = {
    "member name": MEMBER,
    "surname": "Müller",
    "given name": "Nguyễn",
    "folded surname": "muller",
    "email": EMAIL,
    "issue": ISSUE,
    "issue word": "grindlewick",
    "narrative": NARRATIVE,
    "narrative word": "quenridge",
    "originals": ORIGINALS,
    "originals word": "dravenmoor",
    "decision": DECISION,
    "decision word": "pellingrove",
    "action point": ACTION,
    "action word": "tessaloom",
    "owner": OWNER,
    "owner word": "brightwater",
    "note": NOTE,
    "note word": "vorkelbane",
    "PDF title": PDF_TITLE,
    "PDF word": "marblethorpe",
    "PNG comment": PNG_COMMENT,
    "PNG word": "corvillane",
    "PDF file name": PDF_NAME,
    "PNG file name": PNG_NAME,
}

LONG = 60_000  # ms; generous, for slow CI machines (Argon2id, SQLCipher, encryption threads)


# ---- the documents the member hands over ---------------------------------------------------------


def pdf_bytes() -> bytes:
    """A one-page A6 PDF QtPdf can render: a black box, a line of text, and a title that Qt writes
    both as UTF-8 (XMP) and UTF-16-BE (Info), so the title is a needle for the raw file."""
    holder = QByteArray()
    buffer = QBuffer(holder)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setResolution(72)
    writer.setTitle(PDF_TITLE)
    painter = QPainter(writer)
    painter.fillRect(QRectF(80, 120, 120, 120), QColor(0, 0, 0))
    painter.setFont(QFont("DejaVu Sans", 11))
    painter.drawText(20, 40, "Notice of dismissal hearing")
    painter.end()
    buffer.close()
    data = bytes(holder.data())
    assert data.startswith(b"%PDF-")
    assert PDF_TITLE.encode() in data, "the PDF needle must be in the PDF, or it proves nothing"
    return data


def png_image() -> QImage:
    """Seeded noise (so the compressed pixels are unlike any other file) with a tEXt comment."""
    noise = random.Random(4217)
    image = QImage(48, 32, QImage.Format.Format_RGB32)
    for y in range(image.height()):
        for x in range(image.width()):
            image.setPixelColor(
                x, y, QColor(noise.randrange(256), noise.randrange(256), noise.randrange(256))
            )
    image.setText("Comment", PNG_COMMENT)
    return image


def png_bytes(image: QImage) -> bytes:
    holder = QByteArray()
    buffer = QBuffer(holder)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    data = bytes(holder.data())
    assert PNG_COMMENT.encode() in data
    return data


QT_LOCATIONS = [
    QStandardPaths.StandardLocation.CacheLocation,
    QStandardPaths.StandardLocation.GenericCacheLocation,
    QStandardPaths.StandardLocation.AppDataLocation,
    QStandardPaths.StandardLocation.AppLocalDataLocation,
    QStandardPaths.StandardLocation.GenericDataLocation,
    QStandardPaths.StandardLocation.ConfigLocation,
    QStandardPaths.StandardLocation.AppConfigLocation,
    QStandardPaths.StandardLocation.GenericConfigLocation,
    QStandardPaths.StandardLocation.RuntimeLocation,
    QStandardPaths.StandardLocation.TempLocation,
    *(
        getattr(QStandardPaths.StandardLocation, name)
        for name in ("StateLocation", "GenericStateLocation")  # Qt 6.7 and later
        if hasattr(QStandardPaths.StandardLocation, name)
    ),
]


# ---- driving the widgets ------------------------------------------------------------------------------


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), f"{widget.accessibleName()!r} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown(name: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            window_named(name)
        except AssertionError:
            return False
        return True

    return check


def tree_column(tree: QTreeWidget, col: int) -> list[str]:
    return [tree.topLevelItem(r).text(col) for r in range(tree.topLevelItemCount())]


def new_case(qtbot: QtBot, window: QWidget) -> None:
    click(qtbot, by_name(window, "New case"))
    qtbot.waitUntil(shown("New case"), timeout=LONG)
    dialog = window_named("New case")
    by_name(dialog, "Member name", QLineEdit).setText(MEMBER)  # keyClicks aborts on non-ASCII text
    by_name(dialog, "Email address", QLineEdit).setText(EMAIL)
    click(qtbot, by_name(dialog, "Save", QPushButton))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=LONG)


def fill_first_meeting(qtbot: QtBot, page: CasePage) -> None:
    page.tabs.setCurrentIndex(FIRST_MEETING)
    by_name(page, "New issue", QLineEdit).setText(ISSUE)
    click(qtbot, by_name(page, "Add issue", QPushButton))
    by_name(page, "Narrative agreed", QPlainTextEdit).setPlainText(NARRATIVE)
    dismissal = by_name(page, "Dismissal threatened?", QCheckBox)
    # On the box itself: the middle of a stretched check box is outside its clickable part.
    qtbot.mouseClick(dismissal, Qt.MouseButton.LeftButton, pos=QPoint(8, dismissal.height() // 2))
    assert dismissal.isChecked()
    by_name(page, "Original documents received", QLineEdit).setText(ORIGINALS)
    by_name(page, "Member's decision (in the member's own words)", QPlainTextEdit).setPlainText(DECISION)
    save = by_name(page, "Save", QPushButton)
    click(qtbot, save)
    assert by_name(page, "First meeting status", QLabel).text() == "Saved."
    assert not save.isEnabled()
    assert not page.has_unsaved_changes()


def add_action_point(qtbot: QtBot, page: CasePage) -> None:
    page.tabs.setCurrentIndex(ACTION_POINTS)
    by_name(page, "Action point", QLineEdit).setText(ACTION)
    by_name(page, "Owner", QLineEdit).setText(OWNER)
    by_name(page, "Due date", QDateEdit).setDate(QDate(2026, 12, 1))
    click(qtbot, by_name(page, "Add action point", QPushButton))
    assert tree_column(by_name(page, "Action points", QTreeWidget), 0) == [ACTION]


def add_note(qtbot: QtBot, page: CasePage) -> None:
    page.tabs.setCurrentIndex(PAPER_TRAIL)
    kind = by_name(page, "Entry kind", QComboBox)
    kind.setCurrentIndex(kind.findData("meeting"))
    by_name(page, "Entry text", QPlainTextEdit).setPlainText(NOTE)
    click(qtbot, by_name(page, "Add entry", QPushButton))
    assert NOTE in tree_column(by_name(page, "Paper trail", QTreeWidget), 2)


def documents(page: CasePage) -> DocumentsPanel:
    page.tabs.setCurrentIndex(DOCUMENTS)
    panel = page.documents_widget()
    assert isinstance(panel, DocumentsPanel)
    return panel


def preview(qtbot: QtBot, page: CasePage, name: str) -> DocumentsPanel:
    panel = documents(page)
    listed = by_name(page, "Document list", QTreeWidget)
    [item] = [
        listed.topLevelItem(r)
        for r in range(listed.topLevelItemCount())
        if listed.topLevelItem(r).text(0) == name
    ]
    listed.setCurrentItem(item)
    # Decrypting and rendering run on a worker thread; `previewed` says the preview is shown.
    with qtbot.waitSignal(panel.previewed, timeout=LONG):
        click(qtbot, by_name(page, "Preview document", QPushButton))
    return panel


def check_previews(qtbot: QtBot, page: CasePage, png: QImage) -> None:
    if not pdf_available():
        pytest.fail("PySide6-Pdf is not installed: PDF preview is not available")
    panel = preview(qtbot, page, PDF_NAME)
    assert panel.preview.kind == "pdf", by_name(page, "Documents message", QLabel).text()
    picture = by_name(page, "Picture preview", QLabel).pixmap()
    assert not picture.isNull()
    page_image = panel.preview.image
    assert page_image.pixelColor(page_image.width() // 2, page_image.height() // 2) == QColor(0, 0, 0)

    panel = preview(qtbot, page, PNG_NAME)
    assert panel.preview.kind == "image"
    picture = by_name(page, "Picture preview", QLabel).pixmap()
    assert not picture.isNull()
    assert (picture.width(), picture.height()) == (png.width(), png.height())
    assert panel.preview.image.pixelColor(5, 7) == png.pixelColor(5, 7)


def check_case_page(qtbot: QtBot, page: CasePage, png: QImage) -> None:
    """Everything entered in the session, read back through the widgets."""
    assert by_name(page, "Member name", QLabel).text() == MEMBER
    assert by_name(page, "Preferred contact address", QLabel).text() == EMAIL
    page.tabs.setCurrentIndex(FIRST_MEETING)
    issues = by_name(page, "Issues identified and agreed", QListWidget)
    assert [issues.item(i).text() for i in range(issues.count())] == [ISSUE]
    assert by_name(page, "Narrative agreed", QPlainTextEdit).toPlainText() == NARRATIVE
    assert by_name(page, "Dismissal threatened?", QCheckBox).isChecked()
    assert by_name(page, "Escalation advice", QLabel).isVisible()
    assert by_name(page, "Original documents received", QLineEdit).text() == ORIGINALS
    assert (
        by_name(page, "Member's decision (in the member's own words)", QPlainTextEdit).toPlainText()
        == DECISION
    )
    assert not page.has_unsaved_changes()

    page.tabs.setCurrentIndex(ACTION_POINTS)
    actions = by_name(page, "Action points", QTreeWidget)
    assert tree_column(actions, 0) == [ACTION]
    assert tree_column(actions, 1) == [OWNER]
    assert tree_column(actions, 2) != [""]

    page.tabs.setCurrentIndex(PAPER_TRAIL)
    assert NOTE in tree_column(by_name(page, "Paper trail", QTreeWidget), 2)

    panel = documents(page)
    assert sorted(panel.names()) == sorted([PDF_NAME, PNG_NAME])
    check_previews(qtbot, page, png)


# ---- the session ----------------------------------------------------------------------------------------


def test_whole_gui_session_leaves_no_plaintext_on_disk(
    qtbot: QtBot,
    make_app: Callable[..., App],
    private_environment: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = private_environment
    # Python caches the temp folder from the first call in the process (the conftest calls it at
    # import, before HOME is private). A real app process computes it from its own TMPDIR, so
    # forget the cache: anything written through `tempfile` then lands inside the scanned HOME.
    monkeypatch.setattr(tempfile, "tempdir", None)
    system_temp = [Path(p) for p in ("/tmp", "/var/tmp", "/dev/shm") if Path(p).is_dir()]
    before = {folder: set(listing(folder)) for folder in system_temp}

    # The member's originals, as the rep received them: plaintext by nature, so they live in a
    # folder outside every scanned root (tmp_path is not under HOME) and the scan skips it.
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    png = png_image()
    pdf_data, png_data = pdf_bytes(), png_bytes(png)
    (incoming / PDF_NAME).write_bytes(pdf_data)
    (incoming / PNG_NAME).write_bytes(png_data)
    pixels = bytes(png.constBits())[: 4 * png.width()]  # one decoded row: a raw pixel dump
    wanted = needles(
        TEXT_SECRETS,
        {
            "PNG file bytes": png_data[len(png_data) // 2 : len(png_data) // 2 + 64],
            "PNG decoded pixels": pixels[:64],
        },
    )
    names = {text: label for label, text in TEXT_SECRETS.items()}
    names |= {unicodedata.normalize("NFD", text): f"{label} (NFD)" for label, text in TEXT_SECRETS.items()}

    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    vault_dir = app.paths.root
    assert inside(vault_dir, tmp_path) and not inside(incoming, vault_dir)

    # ---- new case, first meeting, action point, note
    new_case(qtbot, window)
    table = by_name(window, "Case list", QTableView)
    qtbot.waitUntil(lambda: column(table, 1) == [MEMBER], timeout=LONG)
    page = open_first_case(qtbot, window)
    fill_first_meeting(qtbot, page)
    add_action_point(qtbot, page)
    add_note(qtbot, page)

    # ---- documents: the file dialog cannot be driven offscreen, so hand its answer to the same
    # method the dialog's result feeds (DocumentsPanel.choose_files → attach_files).
    panel = documents(page)
    panel.attach_files([incoming / PDF_NAME, incoming / PNG_NAME])
    qtbot.waitUntil(lambda: not panel.busy, timeout=LONG)
    assert by_name(page, "Documents message", QLabel).text() == ""
    assert sorted(panel.names()) == sorted([PDF_NAME, PNG_NAME])
    check_previews(qtbot, page, png)

    # ---- back to the list; search finds the case by part of the name and by a word of the note
    click(qtbot, by_name(page, "Back to cases", QPushButton))
    assert window.case_page is None
    search = by_name(window, "Search cases", QLineEdit)
    for query in ("müller", "Vorkelbane"):
        search.setText("")
        qtbot.waitUntil(lambda: column(table, 1) == [MEMBER], timeout=LONG)
        search.setText(query)  # setText: keyClicks aborts on non-ASCII text
        qtbot.waitUntil(lambda: window.model.rowCount() == 1 and column(table, 1) == [MEMBER], timeout=LONG)
    search.setText("Zyxwvutsr")  # and finds nothing for a word that is nowhere
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=LONG)
    search.setText("")
    qtbot.waitUntil(lambda: column(table, 1) == [MEMBER], timeout=LONG)

    # ---- lock, unlock: the data is still there
    click(qtbot, by_name(window, "Lock now"))
    qtbot.waitUntil(app.unlock_dialog.isVisible, timeout=LONG)
    assert window.vault is None
    assert window.model.rowCount() == 0
    assert not window.isVisible()
    dialog = window_named("Unlock casevault")
    by_name(dialog, "Passphrase", QLineEdit).setText(PASSPHRASE)
    click(qtbot, by_name(dialog, "Unlock", QPushButton))
    qtbot.waitUntil(window.isVisible, timeout=LONG)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: column(table, 1) == [MEMBER], timeout=LONG)
    page = open_first_case(qtbot, window)
    check_case_page(qtbot, page, png)

    # ---- where the session may have written, and the proof that the scan can fail
    roots = [home, tmp_path]
    for variable in ("TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        assert inside(os.environ[variable], home), variable
    assert inside(tempfile.gettempdir(), home)
    assert inside(settings.settings_file(), home)
    for location in QT_LOCATIONS:
        where = QStandardPaths.writableLocation(location)
        # A Qt cache or config outside the scanned roots would escape the scan: fail instead.
        assert where and inside(where, home), f"{location.name} is {where!r}, outside {home}"

    planted = Path(os.environ["XDG_CACHE_HOME"]) / "planted" / "cache.bin"
    planted.parent.mkdir()
    planted.write_bytes(b"\x00junk" + unicodedata.normalize("NFD", MEMBER).encode("utf-16-le") + b"junk")
    hits = scan(files_under(roots, skip=incoming), wanted, names)
    assert f"member name (NFD, utf-16-le) in {planted}" in hits, hits
    assert all(hit.endswith(f" in {planted}") for hit in hits), hits
    planted.unlink()
    planted.parent.rmdir()

    def scan_everything() -> list[str]:
        files = list(files_under(roots, skip=incoming))
        assert any(inside(f, vault_dir) for f in files) and any(inside(f, home) for f in files)
        outside = new_entries(before, skip=[tmp_path.parent])
        files += list(files_under([p for p in outside if p.is_dir()], skip=incoming))
        files += [p for p in outside if p.is_file() and not p.is_symlink()]
        return scan(files, wanted, names)

    # ---- scan while the vault is open (live WAL, previews on screen) ...
    assert scan_everything() == []

    # ---- ... and after quitting as the app's own loop does (closing writes gui.ini)
    app.shutdown()
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=LONG)
    assert settings.settings_file().exists()
    assert scan_everything() == []

    # ---- the vault's files are the owner's alone
    loose = []
    for path in [vault_dir, *vault_dir.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        expected = 0o700 if path.is_dir() else 0o600
        if mode != expected:
            loose.append(f"{path} is {oct(mode)}, not {oct(expected)}")
    assert loose == []
    assert any(p.suffix == ".cvf" for p in vault_dir.rglob("*")), "the documents' blobs were checked"
