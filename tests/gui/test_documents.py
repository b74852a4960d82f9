"""The Documents panel, offscreen, driven by accessible name, on a real Vault (real SQLCipher file).

Attaching encrypts off the GUI thread (QThreadPool), so the tests wait for the panel to go idle."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMimeData,
    QPointF,
    QRectF,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QTreeWidget
from pytestqt.qtbot import QtBot

from casevault.casework import email_import
from casevault.core.paths import VaultPaths
from casevault.gui.documents import DocumentsPanel
from casevault.gui.preview import pdf_available
from casevault.gui.tasks import CancelledError, run_task
from casevault.store import files as file_rows
from casevault.vault import paper_trail as vault_paper_trail
from casevault.vault.facade import Vault
from tests.conftest import reopen
from tests.gui.conftest import by_name

MiB = 1 << 20


def png_bytes(width: int = 37, height: int = 23) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    holder = QByteArray()
    buffer = QBuffer(holder)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(holder.data())


def pdf_bytes() -> bytes:
    """A one-page A6 PDF with a black box in the middle and nothing in the corners."""
    holder = QByteArray()
    buffer = QBuffer(holder)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.fillRect(QRectF(80, 120, 120, 120), QColor(0, 0, 0))
    painter.end()
    buffer.close()
    data = bytes(holder.data())
    assert data.startswith(b"%PDF-")
    return data


class Dialogs:
    """Stand-ins for the file dialogs and the plaintext warning."""

    def __init__(self) -> None:
        self.open_files: list[str] = []
        self.save_to = ""
        self.confirm = True
        self.warned = 0
        self.asked = 0

    def ask_open_files(self, _parent: object) -> list[str]:
        return self.open_files

    def ask_save_file(self, _parent: object, _suggested: str) -> str:
        self.asked += 1
        return self.save_to

    def confirm_plaintext(self, _parent: object) -> bool:
        self.warned += 1
        return self.confirm


@pytest.fixture
def dialogs() -> Dialogs:
    return Dialogs()


@pytest.fixture
def panel(qtbot: QtBot, vault: Vault, dialogs: Dialogs) -> Iterator[DocumentsPanel]:
    ref = vault.new_case("Nguyễn Thị Müller")
    widget = DocumentsPanel(
        vault,
        ref,
        ask_open_files=dialogs.ask_open_files,
        ask_save_file=dialogs.ask_save_file,
        confirm_plaintext=dialogs.confirm_plaintext,
    )
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    yield widget
    widget.cancel()
    QThreadPool.globalInstance().waitForDone(30_000)


def wait_idle(qtbot: QtBot, panel: DocumentsPanel) -> None:
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)


def leftovers(vault: Vault) -> list[str]:
    return sorted(p.name for p in vault.paths.cases_dir.rglob("*") if p.is_file())


@pytest.fixture
def sources(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "incoming"
    folder.mkdir()
    files = {"letter.pdf": pdf_bytes(), "photo.png": png_bytes(), "notes.txt": "Grievance notes ✓\n".encode()}
    out = {}
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


def test_attach_several_then_preview_each(
    qtbot: QtBot,
    panel: DocumentsPanel,
    dialogs: Dialogs,
    vault: Vault,
    sources: dict[str, Path],
    private_environment: Path,
) -> None:
    dialogs.open_files = [str(p) for p in sources.values()]
    by_name(panel, "Attach documents", QPushButton).click()
    wait_idle(qtbot, panel)

    assert sorted(panel.names()) == ["letter.pdf", "notes.txt", "photo.png"]
    assert by_name(panel, "Document list", QTreeWidget).topLevelItemCount() == 3
    assert by_name(panel, "Documents message", QLabel).text() == ""
    assert not by_name(panel, "Encryption progress", QProgressBar).isVisible()
    assert vault.check() == []

    panel.select("photo.png")
    with qtbot.waitSignal(panel.previewed, timeout=10_000):
        by_name(panel, "Preview document", QPushButton).click()
    assert panel.preview.kind == "image"
    assert (panel.preview.image.width(), panel.preview.image.height()) == (37, 23)
    assert by_name(panel, "Picture preview", QLabel).pixmap().width() == 37

    panel.select("letter.pdf")
    with qtbot.waitSignal(panel.previewed, timeout=10_000):
        by_name(panel, "Preview document", QPushButton).click()
    if not pdf_available():
        assert panel.preview.kind == "none"
        pytest.fail("PySide6-Pdf is not installed: PDF preview is not available")
    assert panel.preview.kind == "pdf"
    page = panel.preview.image
    assert not page.isNull()
    assert page.pixelColor(0, 0) == QColor(255, 255, 255)
    assert page.pixelColor(page.width() // 2, page.height() // 2) == QColor(0, 0, 0)

    panel.select("notes.txt")
    with qtbot.waitSignal(panel.previewed, timeout=10_000):
        by_name(panel, "Preview document", QPushButton).click()
    text = by_name(panel, "Text preview", QPlainTextEdit)
    assert text.isReadOnly()
    assert text.toPlainText() == "Grievance notes ✓\n"

    # Previews are in memory only: nothing under HOME (TMPDIR, caches, config) holds plaintext.
    secrets = [b"Grievance notes", sources["photo.png"].read_bytes()[16:48]]
    for path in private_environment.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(secret in data for secret in secrets), path


def test_cancel_during_a_large_attach_leaves_nothing(
    qtbot: QtBot, panel: DocumentsPanel, vault: Vault, sources: dict[str, Path], tmp_path: Path
) -> None:
    panel.attach_files([sources["photo.png"]])
    wait_idle(qtbot, panel)
    before = panel.names()
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(40 * MiB))

    cancel = by_name(panel, "Cancel attaching", QPushButton)
    bar = by_name(panel, "Encryption progress", QProgressBar)
    bar.valueChanged.connect(lambda value: cancel.click() if value > 0 and cancel.isEnabled() else None)
    panel.attach_files([big, sources["notes.txt"]])
    assert panel.busy
    wait_idle(qtbot, panel)

    assert panel.names() == before
    assert "cancelled" in by_name(panel, "Documents message", QLabel).text()
    assert vault.check() == []
    assert file_rows.pending_imports(vault.db) == []
    assert len(leftovers(vault)) == 1  # the PNG's blob only


def test_save_a_decrypted_copy_warns_writes_identical_bytes_and_never_overwrites(
    qtbot: QtBot, panel: DocumentsPanel, dialogs: Dialogs, sources: dict[str, Path], tmp_path: Path
) -> None:
    panel.attach_files([sources["letter.pdf"]])
    wait_idle(qtbot, panel)
    panel.select("letter.pdf")
    save = by_name(panel, "Save a decrypted copy", QPushButton)
    out = tmp_path / "saved" / "copy.pdf"
    out.parent.mkdir()
    dialogs.save_to = str(out)

    dialogs.confirm = False
    save.click()
    assert (dialogs.warned, dialogs.asked) == (1, 0)
    assert not out.exists()

    dialogs.confirm = True
    with qtbot.waitSignal(panel.saved, timeout=10_000) as saved:
        save.click()
    assert saved.args == [out]
    assert out.read_bytes() == sources["letter.pdf"].read_bytes()
    assert "not protected" in by_name(panel, "Documents message", QLabel).text()

    out.write_bytes(b"the rep's own file")
    with qtbot.waitSignal(panel.saved, timeout=10_000) as saved:
        save.click()
    assert saved.args == [None]
    assert out.read_bytes() == b"the rep's own file"
    assert "never overwrites" in by_name(panel, "Documents message", QLabel).text()


def test_saving_a_large_copy_shows_progress_and_cancel_leaves_no_file(
    qtbot: QtBot, panel: DocumentsPanel, dialogs: Dialogs, tmp_path: Path
) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(40 * MiB))
    panel.attach_files([big])
    wait_idle(qtbot, panel)
    panel.select("big.bin")
    out = tmp_path / "saved" / "big-copy.bin"
    out.parent.mkdir()
    dialogs.save_to = str(out)

    bar = by_name(panel, "Encryption progress", QProgressBar)
    cancel = by_name(panel, "Cancel attaching", QPushButton)
    seen: list[int] = []
    bar.valueChanged.connect(seen.append)
    bar.valueChanged.connect(lambda value: cancel.click() if value > 0 and cancel.isEnabled() else None)
    with qtbot.waitSignal(panel.saved, timeout=30_000) as saved:
        by_name(panel, "Save a decrypted copy", QPushButton).click()
        assert panel.busy  # the save runs on a worker thread; the window is free meanwhile
        assert not by_name(panel, "Attach documents", QPushButton).isEnabled()
    assert saved.args == [None]
    assert any(v > 0 for v in seen)  # progress was shown before the cancel
    assert "cancelled" in by_name(panel, "Documents message", QLabel).text()
    assert list(out.parent.iterdir()) == []  # no partial copy, not even a hidden temp file
    assert by_name(panel, "Attach documents", QPushButton).isEnabled()
    assert not panel.busy


def test_a_newer_preview_replaces_an_older_one_and_clear_drops_it(
    qtbot: QtBot, panel: DocumentsPanel, sources: dict[str, Path]
) -> None:
    panel.attach_files([sources["photo.png"], sources["notes.txt"]])
    wait_idle(qtbot, panel)
    shown: list[str] = []
    panel.previewed.connect(shown.append)
    panel.select("photo.png")
    panel.preview_selected()
    panel.select("notes.txt")
    panel.preview_selected()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()
    assert shown == ["text"]  # only the newest choice is shown
    assert panel.preview.kind == "text"

    panel.select("photo.png")
    panel.preview_selected()
    panel.clear()  # a lock while the preview is being decrypted
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()
    assert panel.preview.kind == ""
    assert panel.preview.image.isNull()
    assert shown == ["text"]


def test_a_file_removed_before_it_is_read_gives_one_sentence(
    qtbot: QtBot, panel: DocumentsPanel, vault: Vault, sources: dict[str, Path]
) -> None:
    gone = sources["notes.txt"]
    gone.unlink()
    panel.attach_files([gone, sources["photo.png"]])
    wait_idle(qtbot, panel)

    assert panel.names() == ["photo.png"]
    assert by_name(panel, "Documents message", QLabel).text() == f"There is no file {gone}."
    assert vault.check() == []
    assert file_rows.pending_imports(vault.db) == []


def test_files_dropped_on_the_panel_are_attached(
    qtbot: QtBot, panel: DocumentsPanel, sources: dict[str, Path]
) -> None:
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(sources["photo.png"])), QUrl.fromLocalFile(str(sources["notes.txt"]))]
    )
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(panel, drop)
    assert drop.isAccepted()
    wait_idle(qtbot, panel)
    assert sorted(panel.names()) == ["notes.txt", "photo.png"]


def test_ctrl_o_opens_the_file_chooser(qtbot: QtBot, panel: DocumentsPanel, dialogs: Dialogs) -> None:
    asked: list[int] = []
    panel._ask_open_files = lambda _parent: asked.append(1) or []  # type: ignore[assignment]
    panel.list.setFocus()
    panel.activateWindow()
    qtbot.waitUntil(panel.list.hasFocus)
    qtbot.keyClick(panel.list, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1]


# ---- run_task: work off the GUI thread, results on it ------------------------------------------


def test_run_task_runs_off_the_gui_thread_and_delivers_on_it(qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def work(progress: Callable[[int], None]) -> int:
        seen["worker"] = threading.current_thread()
        progress(1)
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["delivered"] = threading.current_thread()

    run_task(work, done, lambda err: seen.setdefault("error", err), lambda n: seen.setdefault("progress", n))
    qtbot.waitUntil(lambda: "result" in seen, timeout=10_000)
    assert seen["result"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["delivered"] is threading.main_thread()
    assert "error" not in seen


def test_run_task_reports_errors_and_cancel(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    run_task(lambda _p: 1 // 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    assert isinstance(errors[0], ZeroDivisionError)

    started = threading.Event()

    def spin(progress: Callable[[int], None]) -> None:
        started.set()
        while True:
            progress(0)
            time.sleep(0.001)

    handle = run_task(spin, lambda _r: None, errors.append)
    assert started.wait(10)
    handle.cancel()
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=10_000)
    assert isinstance(errors[1], CancelledError)
    assert not handle.running


def test_closing_the_panel_mid_attach_leaves_nothing_after_the_next_open(
    qtbot: QtBot, vault: Vault, vault_paths: VaultPaths, tmp_path: Path
) -> None:
    ref = vault.new_case("Ada Example")
    panel = DocumentsPanel(vault, ref)
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(40 * MiB))
    panel.attach_files([big])
    assert panel.busy
    panel.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(panel), timeout=10_000)
    QThreadPool.globalInstance().waitForDone(30_000)
    QApplication.processEvents()
    vault.close()

    with reopen(vault_paths) as again:
        assert again.case(ref).attachments == ()
        assert file_rows.pending_imports(again.db) == []
        assert leftovers(again) == []
        assert again.check() == []


def drop_on(panel: DocumentsPanel, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    for kind in (QDragEnterEvent, QDropEvent):
        event = kind(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(panel, event)
        assert event.isAccepted()


def test_a_hostile_email_is_read_off_the_gui_thread_and_imports_cut_short(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: 100,000 encoded words in a Subject once froze (and could kill) the window,
    because the email was parsed on the GUI thread."""
    reading = threading.Event()
    window_ran = threading.Event()
    seen: list[tuple[bool, bool]] = []
    real = email_import.parse_email

    def watched(data: bytes, now: datetime) -> email_import.EmailSummary:
        reading.set()
        # Hold the reading until the GUI thread has run a timer tick: it can only if it is free.
        seen.append((threading.current_thread() is threading.main_thread(), window_ran.wait(10)))
        return real(data, now)

    monkeypatch.setattr(email_import, "parse_email", watched)
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(lambda: reading.is_set() and window_ran.set())
    ticker.start()

    ref = vault.new_case("Ada Member")
    source = tmp_path / "hostile.eml"
    source.write_bytes(
        b"From: HR <hr@employer.example>\r\nDate: Wed, 11 Mar 2026 10:00:00 +0000\r\nSubject: "
        + b" ".join([b"=?utf-8?q?a?="] * 100_000)
        + b"\r\n\r\nThe appeal is on Monday.\r\n"
    )
    panel = DocumentsPanel(vault, ref)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.email_added, timeout=30_000):
        drop_on(panel, [source])
    wait_idle(qtbot, panel)
    ticker.stop()
    QThreadPool.globalInstance().waitForDone(30_000)

    # Read on a worker, while the window's event loop ran: the headers for the entry, and again
    # (email_view) on the way to the body, which the search index holds (issue 18).
    assert seen and set(seen) == {(False, True)}
    (event,) = vault.case(ref).events
    assert event.kind == "email"
    assert event.occurred_at == datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
    lines = event.body.splitlines()
    assert lines[0] == "From: HR <hr@employer.example>"
    assert lines[2] == "Subject: " + "a" * (email_import.MAX_FIELD_CHARS - 1) + "…"
    assert email_import.SUBJECT_CUT in lines
    (stored,) = vault.case(ref).attachments
    assert vault.read_attachment(stored.id) == source.read_bytes()  # the message itself is whole


def test_an_email_too_large_is_refused_before_anything_is_read(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_paper_trail, "MAX_EMAIL_BYTES", 10)
    ref = vault.new_case("Ada Member")
    source = tmp_path / "big.eml"
    source.write_bytes(b"Subject: more than ten bytes\r\n\r\n")
    panel = DocumentsPanel(vault, ref)
    qtbot.addWidget(panel)
    drop_on(panel, [source])
    wait_idle(qtbot, panel)
    assert "too large to import as an email" in by_name(panel, "Documents message", QLabel).text()
    assert vault.case(ref).attachments == ()
    assert file_rows.pending_imports(vault.db) == []


def test_cancelling_while_an_email_is_read_leaves_nothing(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = threading.Event()
    go_on = threading.Event()
    real = email_import.parse_email

    def held(data: bytes, now: datetime) -> email_import.EmailSummary:
        reading.set()
        go_on.wait(10)
        return real(data, now)

    monkeypatch.setattr(email_import, "parse_email", held)
    ref = vault.new_case("Ada Member")
    source = tmp_path / "slow.eml"
    source.write_bytes(b"Subject: " + b" ".join([b"=?utf-8?q?a?="] * 100_000) + b"\r\n\r\nbody")
    panel = DocumentsPanel(vault, ref)
    qtbot.addWidget(panel)
    drop_on(panel, [source])
    qtbot.waitUntil(reading.is_set, timeout=10_000)
    panel.cancel()
    go_on.set()
    wait_idle(qtbot, panel)
    QThreadPool.globalInstance().waitForDone(30_000)
    assert "cancelled" in by_name(panel, "Documents message", QLabel).text()
    assert vault.case(ref).attachments == ()
    assert vault.case(ref).events == ()
    assert file_rows.pending_imports(vault.db) == []
    assert vault.check() == []
