"""Toolbar icons from the desktop's icon theme (freedesktop names), each with a fallback Qt's own
style ships, so a desktop without a theme (or with one missing a name) still shows one."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap
# action -> (freedesktop icon name, Qt's fallback)
ICONS: dict[str, tuple[str, QStyle.StandardPixmap]] = {
    "today": ("go-home", SP.SP_DirHomeIcon),
    "cases": ("view-list-details", SP.SP_FileDialogDetailedView),
    "new-case": ("document-new", SP.SP_FileIcon),
    "lock": ("system-lock-screen", SP.SP_DialogNoButton),
    "preferences": ("preferences-system", SP.SP_FileDialogInfoView),
    "reminders": ("appointment-soon", SP.SP_MessageBoxInformation),
    "agenda": ("x-office-calendar", SP.SP_FileDialogListView),
    "deletion-log": ("edit-delete", SP.SP_TrashIcon),
    "archive": ("folder", SP.SP_DirIcon),
}


def icon(action: str) -> QIcon:
    name, fallback = ICONS[action]
    style = QApplication.style()
    return QIcon.fromTheme(name, style.standardIcon(fallback))
