"""Casework > Export deadlines to a calendar…: the running deadlines and hearings of open cases as
an .ics file, written only where the rep chooses, after a warning that the file is not encrypted.

Its events are titled by reference and kind only (Vault.export_calendar), so a calendar program
that syncs it to the cloud learns no names. Exporting again replaces the file with today's dates.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from casevault.core.errors import CasevaultError
from casevault.gui.file_dialogs import choose_save_path
from casevault.vault.facade import Vault

SUGGESTED_NAME = "casevault-deadlines.ics"
Confirm = Callable[[QWidget], bool]
AskPath = Callable[[QWidget, str], str]


def _title() -> str:
    return QCoreApplication.translate("CalendarExport", "Export deadlines to a calendar")


def confirm_unencrypted(parent: QWidget) -> bool:
    answer = QMessageBox.warning(
        parent,
        _title(),
        QCoreApplication.translate(
            "CalendarExport",
            "The calendar file is not encrypted. It holds case references and kinds of date only, "
            "never names, but keep it where only you can read it, and export it again when dates "
            "change. Export it?",
        ),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def ask_path(parent: QWidget, suggested: str) -> str:
    return choose_save_path(parent, _title(), suggested)


def export_calendar(
    parent: QWidget, vault: Vault, *, confirm: Confirm | None = None, ask: AskPath | None = None
) -> str:
    """Ask, write, and say what happened in one sentence (empty when the rep cancelled)."""
    if not (confirm or confirm_unencrypted)(parent):
        return ""
    target = (ask or ask_path)(parent, str(Path.home() / SUGGESTED_NAME))
    if not target:
        return ""
    path = Path(target)
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    try:
        count = vault.export_calendar(path)
    except CasevaultError as err:
        return err.message
    return QCoreApplication.translate("CalendarExport", "%n date(s) written to the calendar file.", "", count)
