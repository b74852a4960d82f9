"""The App (gui/app.py) started on a file, as `casevault FILE` starts it when a rep opens a backup
or a handover bundle from the file manager: after the unlock, the file's flow opens by itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from casevault.core.paths import VaultPaths
from casevault.gui import backup_dialog
from casevault.gui.backup_dialog import BackupDialog
from casevault.host.desktop import BACKUP, HANDOVER
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock, reopen
from tests.gui.conftest import by_name, window_named
from tests.support.gui_flows import MakeApp, button, line


@pytest.fixture
def mine(tmp_path: Path, clock: FakeClock) -> VaultPaths:
    """The rep's vault, passphrase only (so the app asks for the passphrase), closed."""
    paths = VaultPaths(tmp_path / "mine")
    Vault.create(paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock).close()
    return paths


def unlock(qtbot: QtBot, make_app: MakeApp, paths: VaultPaths, opened: tuple[str, Path]) -> Vault:
    app = make_app(paths=paths)
    app.open_file = opened
    app.start()
    dialog = window_named("Unlock casevault")
    line(dialog, "Passphrase").setText(PASSPHRASE)
    qtbot.mouseClick(button(dialog, "Unlock"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(app.main_window.isVisible)
    assert app.open_file is None  # once: a later unlock opens nothing
    vault = app.main_window.vault
    assert vault is not None
    return vault


def test_a_handover_bundle_receives_the_case_and_opens_it(
    qtbot: QtBot, make_app: MakeApp, mine: VaultPaths, vault: Vault, tmp_path: Path
) -> None:
    with reopen(mine) as receiving:
        key = receiving.identity_public_key()
    ref = vault.new_case("Jan Kowalski")
    vault.give_consent(ref, "share-reps")
    bundle = tmp_path / f"{ref}.age"
    vault.hand_over(ref, key, bundle)

    opened = unlock(qtbot, make_app, mine, (HANDOVER, bundle))
    qtbot.waitUntil(lambda: opened.count_cases() == 1, timeout=30_000)
    [received] = opened.list_cases()
    assert opened.case(received.ref).member.name == "Jan Kowalski"


def test_a_backup_waits_for_its_passphrase_then_verify_checks_that_file(
    qtbot: QtBot, make_app: MakeApp, mine: VaultPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "stick" / "casevault.cvbackup"
    backup.parent.mkdir()
    with reopen(mine) as v:
        v.backup(backup)
    monkeypatch.setattr(backup_dialog, "choose_files", lambda *_a: pytest.fail("asked for the file"))

    opened = unlock(qtbot, make_app, mine, (BACKUP, backup))
    assert opened is not None
    dialog = window_named("Backup")
    assert isinstance(dialog, BackupDialog)
    assert dialog.status.text() == "Type the passphrase the vault had when the backup was made."
    verify = by_name(dialog, "Verify a backup", QPushButton)
    assert verify.isDefault()  # Enter in the passphrase field verifies
    verify.click()  # no passphrase yet: says so again, and keeps the file
    assert dialog.offered == backup
    results: list[list[str]] = []
    dialog.verified.connect(results.append)
    dialog.passphrase.setText(PASSPHRASE)
    verify.click()
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    assert results == [[]]
    assert "good" in dialog.status.text()
    assert dialog.offered is None
    dialog.reject()
