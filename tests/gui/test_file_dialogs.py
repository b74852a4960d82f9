"""The file chooser leaves no folder or file name behind in Qt's settings, and inside a Flatpak it
is the native dialog (the file chooser portal), the sandbox's only way to the rep's files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui import file_dialogs
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


# ---- inside a Flatpak: the native dialog, which is the file chooser portal -----------------------


def test_a_flatpak_is_known_by_its_info_file_or_its_app_id(tmp_path: Path) -> None:
    info = tmp_path / ".flatpak-info"
    assert not file_dialogs.in_flatpak({}, info)
    assert file_dialogs.in_flatpak({"FLATPAK_ID": "org.casevault.CaseVault"}, info)
    assert not file_dialogs.in_flatpak({"FLATPAK_ID": ""}, info)
    info.write_text("[Application]\nname=org.casevault.CaseVault\n")
    assert file_dialogs.in_flatpak({}, info)


def test_this_machine_is_no_flatpak_so_the_dialog_is_qts_own() -> None:
    assert not file_dialogs.in_flatpak()
    assert file_dialogs.dialog_options() == QFileDialog.Option.DontUseNativeDialog


@pytest.mark.parametrize(("flatpak", "native"), [(True, True), (False, False)], ids=["flatpak", "elsewhere"])
def test_each_chooser_uses_the_portal_only_inside_a_flatpak_and_scrubs_qts_history_always(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, flatpak: bool, native: bool
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(file_dialogs, "in_flatpak", lambda: flatpak)
    asked: list[QFileDialog.Option] = []

    def open_files(*_args: object, options: QFileDialog.Option) -> tuple[list[str], str]:
        asked.append(options)
        remember_a_folder()
        return ["/run/user/1000/doc/1a2b/letter.pdf"], ""

    def save_file(*_args: object, options: QFileDialog.Option) -> tuple[str, str]:
        asked.append(options)
        remember_a_folder()
        return "/run/user/1000/doc/3c4d/export.zip", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_files)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)

    assert file_dialogs.choose_files(parent, "Attach documents") == ["/run/user/1000/doc/1a2b/letter.pdf"]
    assert not visited_folders_on_disk()
    assert (
        file_dialogs.choose_save_path(parent, "Export", "export.zip") == "/run/user/1000/doc/3c4d/export.zip"
    )
    assert not visited_folders_on_disk()
    wanted = QFileDialog.Option(0) if native else QFileDialog.Option.DontUseNativeDialog
    assert asked == [wanted, wanted]


def remember_a_folder() -> None:
    """What Qt's dialog writes after use (QFileDialogPrivate::saveSettings)."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    settings.setValue("lastVisited", "file:///home/rep/Cases/Nguyen-Zarathustra")
    settings.setValue("history", ["file:///home/rep/Cases/Nguyen-Zarathustra"])
    settings.endGroup()
    settings.sync()


def visited_folders_on_disk() -> bool:
    settings_file = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
    return settings_file.exists() and "Zarathustra" in settings_file.read_text()
