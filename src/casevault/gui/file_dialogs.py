"""File choosers that leave no trace of where the rep looked.

Folder names often carry a member's name ("~/Cases/Nguyen"). Qt's own file dialog writes the
folders it visited to QtProject.conf in plain text, and a native GTK dialog adds files to
recently-used.xbel. So: always Qt's dialog (never the native one), and scrub its history after use.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

_NO_TRACE = QFileDialog.Option.DontUseNativeDialog
_VISITED_KEYS = ("history", "lastVisited")


def forget_visited_folders() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in _VISITED_KEYS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def choose_files(parent: QWidget, title: str) -> list[str]:
    try:
        files, _filter = QFileDialog.getOpenFileNames(parent, title, options=_NO_TRACE)
    finally:
        forget_visited_folders()
    return list(files)


def choose_save_path(parent: QWidget, title: str, suggested: str) -> str:
    try:
        path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, options=_NO_TRACE)
    finally:
        forget_visited_folders()
    return str(path)


def confirm_plaintext_copy(parent: QWidget) -> bool:
    """Ask before a decrypted copy leaves the vault (a case's documents, the policy library)."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("FileDialogs", "Save a decrypted copy"),
        QCoreApplication.translate(
            "FileDialogs",
            "The copy you save is not protected by the vault: anyone who can open that folder "
            "can read it. Keep it only as long as you need it. Save a copy?",
        ),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save
