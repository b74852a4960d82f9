"""File choosers that leave no trace of where the rep looked.

Folder names often carry a member's name ("~/Cases/Nguyen"). Qt's own file dialog writes the
folders it visited to QtProject.conf in plain text, and a native GTK dialog adds files to
recently-used.xbel. So: Qt's dialog (not the native one), and scrub its history after use.

Inside a Flatpak the native dialog instead: the sandbox has no access to the rep's files
(packaging/flatpak/ grants no --filesystem), and only the native dialog goes through the file
chooser portal, which lends the app just the files the rep picks. The portal's dialog is the
desktop's own, outside the sandbox, and keeps whatever history the desktop keeps; Qt's settings
are scrubbed all the same.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

_NO_TRACE = QFileDialog.Option.DontUseNativeDialog
_NATIVE = QFileDialog.Option(0)
_VISITED_KEYS = ("history", "lastVisited")
FLATPAK_INFO = Path("/.flatpak-info")


def in_flatpak(environ: Mapping[str, str] | None = None, info: Path = FLATPAK_INFO) -> bool:
    """True inside a Flatpak sandbox, which has /.flatpak-info and sets FLATPAK_ID."""
    env = os.environ if environ is None else environ
    return bool(env.get("FLATPAK_ID")) or info.is_file()


def dialog_options(flatpak: bool | None = None) -> QFileDialog.Option:
    """Qt's own dialog, or inside a Flatpak the native one (the file chooser portal)."""
    return _NATIVE if (in_flatpak() if flatpak is None else flatpak) else _NO_TRACE


def forget_visited_folders() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in _VISITED_KEYS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def choose_files(parent: QWidget, title: str) -> list[str]:
    try:
        files, _filter = QFileDialog.getOpenFileNames(parent, title, options=dialog_options())
    finally:
        forget_visited_folders()
    return list(files)


def choose_save_path(parent: QWidget, title: str, suggested: str) -> str:
    try:
        path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, options=dialog_options())
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
