"""The Backup dialog: back up on a worker, verify with the passphrase, the backup reminder."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from casevault.casework import reminders as kinds
from casevault.gui.backup_dialog import BackupDialog
from casevault.gui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.support.gui_flows import create_vault


def test_backup_then_verify_in_the_dialog(qtbot: QtBot, make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    window.open_backup()
    dialog = window.backup_dialog
    assert isinstance(dialog, BackupDialog)
    out = tmp_path / "stick" / "vault.cvbackup"
    out.parent.mkdir()
    reports: list[object] = []
    dialog.finished_backup.connect(reports.append)
    dialog.start_backup(out)
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert out.is_file() and dialog.backup_button.isEnabled()
    results: list[list[str]] = []
    dialog.verified.connect(results.append)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.start_verify(out)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    assert results == [[]]
    assert "good" in dialog.status.text()
    dialog.start_backup(out)  # never overwrites: one sentence in the dialog
    assert "never overwrites" in dialog.status.text()
    dialog.reject()


def test_backup_reminder_row_has_no_case_buttons(qtbot: QtBot, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    panel = window.reminders.panel
    vault = window.vault
    assert vault is not None
    vault.new_case("Someone")
    panel.show_reminders([])
    assert not [r for r in panel.rows() if r[2] == "Time to back up"]  # a new vault: not yet due
    later = vault.now() + timedelta(days=8)
    app.reminder_watch.clock = lambda: later  # the reminders' clock, which the panel reads
    panel.show_reminders([])
    assert [r for r in panel.rows() if r[2] == "Time to back up"]
    panel.select("", kinds.BACKUP_DUE)
    assert not panel.dismiss_button.isEnabled() and not panel.open_button.isEnabled()
