"""The file chooser leaves no folder or file name behind in Qt's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui.file_dialogs import choose_files


def test_choosing_files_leaves_no_visited_folder_on_disk(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "Nguyen-Zarathustra-case"
    folder.mkdir()
    (folder / "letter.txt").write_text("x")
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QFileDialog] = []

    def browse_then_cancel() -> None:
        # Visiting a folder is enough for Qt to record it, even when the rep then cancels.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog):
                seen.append(widget)
                widget.setDirectory(str(folder))
                widget.selectFile(str(folder / "letter.txt"))
                widget.reject()
                return
        QTimer.singleShot(20, browse_then_cancel)

    QTimer.singleShot(50, browse_then_cancel)
    chosen = choose_files(parent, "Attach documents")

    assert seen, "the dialog never appeared"
    assert chosen == []
    settings_file = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
    written = settings_file.read_text() if settings_file.exists() else ""
    assert "Zarathustra" not in written
