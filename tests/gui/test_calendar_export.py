"""Casework > Export deadlines to a calendar… (gui/calendar_export.py): nothing is written unless
the rep accepts the warning and picks a place; the file holds references and kinds, never a name;
a name without .ics gets it; and a failure is one sentence in the status bar, not a crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casevault.gui import calendar_export
from casevault.gui.app import App
from casevault.gui.main_window import MainWindow
from tests.support.gui_flows import MEMBER, add_case, create_vault

MakeApp = Callable[..., App]


def one_written() -> str:
    """What the export says for one date, in the language the test runs in."""
    return QCoreApplication.translate("CalendarExport", "%n date(s) written to the calendar file.", "", 1)


def _window_with_a_deadline(qtbot: QtBot, make_app: MakeApp) -> tuple[MainWindow, str]:
    window = create_vault(qtbot, make_app())
    assert isinstance(window, MainWindow)
    add_case(qtbot, window, MEMBER)
    vault = window.vault
    assert vault is not None
    ref = vault.list_cases()[0].ref
    vault.add_tribunal_limit(ref, vault.now().date(), "unfair-dismissal")
    return window, ref


def test_the_export_writes_references_and_kinds_only_after_the_warning(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path
) -> None:
    window, ref = _window_with_a_deadline(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []

    def ask(_parent: QWidget, suggested: str) -> str:
        asked.append(suggested)
        return str(out / "my-deadlines")

    said = calendar_export.export_calendar(window, vault, confirm=lambda _p: False, ask=ask)
    assert (said, asked) == ("", [])  # declined the warning: not even asked where
    said = calendar_export.export_calendar(window, vault, confirm=lambda _p: True, ask=lambda _p, _s: "")
    assert said == "" and list(out.iterdir()) == []  # cancelled the file chooser
    said = calendar_export.export_calendar(window, vault, confirm=lambda _p: True, ask=ask)
    assert said == one_written()
    assert asked[-1].endswith(calendar_export.SUGGESTED_NAME)
    written = out / "my-deadlines.ics"
    text = written.read_text(encoding="utf-8")
    assert ref in text and "tribunal time limit" in text
    assert MEMBER not in text and MEMBER.split()[-1] not in text
    assert written.stat().st_mode & 0o777 == 0o600


def test_a_place_that_cannot_be_written_is_said_in_one_sentence(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path
) -> None:
    window, _ref = _window_with_a_deadline(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    missing = tmp_path / "no-such-folder" / "deadlines.ics"
    said = calendar_export.export_calendar(
        window, vault, confirm=lambda _p: True, ask=lambda _p, _s: str(missing)
    )
    assert said.endswith(".") and said.count(". ") == 0 and said
    assert not missing.exists()


def test_the_menu_entry_exports_and_tells_the_status_bar(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ref = _window_with_a_deadline(qtbot, make_app)
    target = tmp_path / "from-the-menu.ics"
    monkeypatch.setattr(calendar_export, "confirm_unencrypted", lambda _p: True)
    monkeypatch.setattr(calendar_export, "ask_path", lambda _p, _s: str(target))
    window.calendar_action.trigger()
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert window.statusBar().currentMessage() == one_written()
