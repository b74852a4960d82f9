"""Deleting cases permanently from the GUI: the typed confirmation, the originals reason, the
deletion log and its export, bulk deletion with progress, and locking with dialogs open (issue 4)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui import deletion_log
from casevault.gui.app import App
from casevault.gui.main_window import MainWindow
from casevault.vault.facade import Vault
from tests.gui.conftest import by_name, window_named
from tests.support.gui_flows import MEMBER, add_case, case_list, column, create_vault

MakeApp = Callable[..., App]


def closed_cases(qtbot: QtBot, app: App, names: list[str]) -> tuple[MainWindow, Vault, list[str]]:
    """Cases past their archive period (closed with 0 days), all shown in the list."""
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    for name in names:
        add_case(qtbot, window, name)
    vault = window.vault
    assert vault is not None
    refs = sorted(c.ref for c in vault.list_cases())
    for ref in refs:
        vault.close_case(ref, retain_days=0)
    by_name(window, "Show cases", QComboBox).setCurrentIndex(2)  # All
    app.reminder_watch.check()  # read on a worker: wait for the panel to have them
    qtbot.waitUntil(lambda: set(refs) <= {r.ref for r in app.reminder_watch.due})
    return window, vault, refs


def delete_dialog() -> QWidget:
    return window_named("Delete case permanently")


def test_case_page_shows_when_it_is_due_for_deletion(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    add_case(qtbot, window, MEMBER)
    vault = window.vault
    assert vault is not None
    ref = vault.list_cases()[0].ref
    window.open_case(ref)
    assert by_name(window, "Deletion", QLabel).text() == "Not closed"
    assert not by_name(window, "Delete case permanently", QPushButton).isEnabled()
    window.back_to_cases()
    vault.close_case(ref, retain_days=30)
    window.open_case(ref)
    assert by_name(window, "Deletion", QLabel).text().startswith("Due for deletion on ")
    assert by_name(window, "Delete case permanently", QPushButton).isEnabled()


def test_delete_needs_the_exact_reference_then_log_and_export(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    window, vault, (ref,) = closed_cases(qtbot, app, [MEMBER])
    window.open_case(ref)
    qtbot.mouseClick(by_name(window, "Delete case permanently", QPushButton), Qt.MouseButton.LeftButton)
    dialog = delete_dialog()
    assert MEMBER not in " ".join(label.text() for label in dialog.findChildren(QLabel))
    delete = by_name(dialog, "Delete permanently", QPushButton)
    confirm = by_name(dialog, "Type the reference to confirm", QLineEdit)
    assert not delete.isEnabled()
    confirm.setText(ref[:-1])
    assert not delete.isEnabled()
    confirm.setText(ref.lower() if ref.lower() != ref else ref + "x")
    assert not delete.isEnabled()
    confirm.setText(ref)
    assert delete.isEnabled()
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert "deleted permanently on" in by_name(dialog, "Message", QLabel).text()
    assert window.case_page is None
    assert ref not in column(case_list(window), 0)
    assert [d.ref for d in vault.deletions()] == [ref]
    qtbot.mouseClick(by_name(dialog, "Close", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    qtbot.mouseClick(by_name(window, "Deletion log", QToolButton), Qt.MouseButton.LeftButton)
    log = window_named("Deletion log")
    assert isinstance(log, deletion_log.DeletionLogDialog)
    assert [row[0] for row in log.rows()] == [ref]

    target = tmp_path / "proof.csv"
    monkeypatch.setattr(deletion_log, "choose_save_path", lambda *_args: str(target))
    qtbot.mouseClick(by_name(log, "Export", QPushButton), Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["reference"] for r in rows] == [ref]
    assert MEMBER not in text and "Nguy" not in text
    assert target.stat().st_mode & 0o777 == 0o600
    assert "Exported the deletion log to proof.csv" in by_name(log, "Message", QLabel).text()

    target.write_text("keep me", encoding="utf-8")
    qtbot.mouseClick(by_name(log, "Export", QPushButton), Qt.MouseButton.LeftButton)
    assert "already exists" in by_name(log, "Message", QLabel).text()
    assert target.read_text(encoding="utf-8") == "keep me"


def test_originals_outstanding_need_a_reason(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window, vault, (ref,) = closed_cases(qtbot, app, [MEMBER])
    vault.save_first_meeting(ref, replace(vault.first_meeting(ref), originals_received="Payslips"))
    assert vault.originals_outstanding(ref)
    window.open_case(ref)
    qtbot.mouseClick(by_name(window, "Delete case permanently", QPushButton), Qt.MouseButton.LeftButton)
    dialog = delete_dialog()
    assert by_name(dialog, "Originals warning", QLabel).isVisible()
    reason = by_name(dialog, "Why the originals are not returned", QComboBox)
    delete = by_name(dialog, "Delete permanently", QPushButton)
    by_name(dialog, "Type the reference to confirm", QLineEdit).setText(ref)
    assert not delete.isEnabled()
    reason.setCurrentIndex(reason.findData("member-declined"))
    assert delete.isEnabled()
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert [(d.ref, d.originals_reason) for d in vault.deletions()] == [(ref, "member-declined")]


def test_from_the_reminder_and_no_originals_means_no_reason(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window, _vault, (ref,) = closed_cases(qtbot, app, [MEMBER])
    qtbot.mouseClick(by_name(window, "Reminders", QToolButton), Qt.MouseButton.LeftButton)
    panel = by_name(window, "Reminders panel")
    window.reminders.panel.select(ref, "archive-expired")
    qtbot.mouseClick(by_name(panel, "Delete permanently", QPushButton), Qt.MouseButton.LeftButton)
    dialog = delete_dialog()
    assert not by_name(dialog, "Originals warning", QLabel).isVisible()
    by_name(dialog, "Type the reference to confirm", QLineEdit).setText(ref)
    qtbot.mouseClick(by_name(dialog, "Delete permanently", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reminders.panel.rows() == [])
    assert by_name(window, "Reminders", QToolButton).text() == "Reminders"


def test_bulk_purge_of_three_expired_cases_shows_progress(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window, vault, refs = closed_cases(qtbot, app, ["Aoife Brennan", MEMBER, "Samira Haddad"])
    qtbot.mouseClick(by_name(window, "Reminders", QToolButton), Qt.MouseButton.LeftButton)
    panel = by_name(window, "Reminders panel")
    qtbot.mouseClick(by_name(panel, "Delete all expired", QPushButton), Qt.MouseButton.LeftButton)
    confirm = window_named("Delete all expired cases")
    go = by_name(confirm, "Delete all permanently", QPushButton)
    by_name(confirm, "Type the number of cases to confirm", QLineEdit).setText("2")
    assert not go.isEnabled()
    by_name(confirm, "Type the number of cases to confirm", QLineEdit).setText("3")
    assert go.isEnabled()
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    window_named("Deleting cases")  # shown before the first case is deleted
    bulk = window.reminders._bulk
    assert bulk is not None
    steps: list[tuple[int, int]] = []
    bulk.progressed.connect(lambda done, total: steps.append((done, total)))
    assert vault.deletions() == []  # one case per event-loop turn, none yet
    qtbot.waitUntil(lambda: len(vault.deletions()) == 3)
    qtbot.waitUntil(lambda: window.reminders._bulk is None)
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert not any(
        w.isVisible() and w.accessibleName() == "Deleting cases" for w in window.findChildren(QWidget)
    )
    assert sorted(d.ref for d in vault.deletions()) == refs
    assert column(case_list(window), 0) == []
    assert "Cases deleted permanently: 3." in window.statusBar().currentMessage()


def test_lock_closes_every_dialog_and_clears_the_rows(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window, _vault, (ref,) = closed_cases(qtbot, app, [MEMBER])
    for name in ("Agenda", "Deletion log", "Archive periods"):
        qtbot.mouseClick(by_name(window, name, QToolButton), Qt.MouseButton.LeftButton)
        assert window_named(name).isVisible()
    qtbot.mouseClick(by_name(window, "Reminders", QToolButton), Qt.MouseButton.LeftButton)
    assert window.reminders.panel.rows() != []
    dialog = window.reminders.delete_case(ref)
    assert dialog is not None and dialog.isVisible()
    opened = list(window.reminders.dialogs)
    assert len(opened) == 4

    window.lock()
    assert window.reminders.dialogs == []
    assert all(not d.isVisible() for d in opened)
    assert window.reminders.panel.rows() == []
    assert not window.reminders.dock.isVisible()
    assert not window.reminders.banner.isVisible()
    assert app.reminder_watch.due == []


def test_archive_periods_are_saved_in_the_vault(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    add_case(qtbot, window, MEMBER)
    vault = window.vault
    assert vault is not None
    case_type = vault.list_cases()[0].case_type
    qtbot.mouseClick(by_name(window, "Archive periods", QToolButton), Qt.MouseButton.LeftButton)
    dialog = window_named("Archive periods")
    by_name(dialog, "Archive period for Default", QSpinBox).setValue(200)
    by_name(dialog, f"Archive period for {case_type}", QSpinBox).setValue(30)
    qtbot.mouseClick(by_name(dialog, "Save", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert vault.default_retain_days() == 200
    assert vault.retain_days_for(case_type) == 30
