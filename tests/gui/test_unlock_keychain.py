"""The unlock dialog and the keychain: a passphrase unlock puts a lost keychain key back, and
after a lock only the passphrase opens the vault."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.host.keychain import MemoryKeychain
from tests.conftest import PASSPHRASE
from tests.gui.conftest import by_name, window_named
from tests.support.gui_flows import MEMBER, add_case, button, case_list, column, create_vault, line

MakeApp = Callable[..., App]


def test_a_passphrase_unlock_repairs_a_keychain_that_lost_its_key(
    qtbot: QtBot, make_app: MakeApp, keychain: MemoryKeychain
) -> None:
    first = make_app()
    add_case(qtbot, create_vault(qtbot, first), MEMBER)
    first.shutdown()
    first.main_window.hide()
    keychain.entries.clear()  # e.g. the login keyring was reset

    second = make_app(paths=first.paths)
    second.start()
    dialog = window_named("Unlock casevault")
    assert "no key for this vault" in by_name(dialog, "Why the passphrase is needed", QLabel).text()
    line(dialog, "Passphrase").setText(PASSPHRASE)
    qtbot.mouseClick(button(dialog, "Unlock"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(second.main_window.isVisible)
    assert "new key" in second.main_window.statusBar().currentMessage()
    assert len(keychain.entries) == 1
    second.shutdown()
    second.main_window.hide()

    third = make_app(paths=first.paths)
    third.start()  # silent again
    qtbot.waitUntil(third.main_window.isVisible)
    assert not third.unlock_dialog.isVisible()
    assert column(case_list(third.main_window), 1) == [MEMBER]


def test_after_a_lock_the_keychain_does_not_stand_in_for_the_passphrase(
    qtbot: QtBot, make_app: MakeApp, keychain: MemoryKeychain
) -> None:
    app = make_app()
    create_vault(qtbot, app)
    assert keychain.entries  # the keychain could open the vault
    app.main_window.lock()
    dialog = window_named("Unlock casevault")
    line(dialog, "Passphrase").setText("not the passphrase at all")
    qtbot.mouseClick(button(dialog, "Unlock"), Qt.MouseButton.LeftButton)
    assert "did not open the vault" in by_name(dialog, "Message", QLabel).text()
    assert app.main_window.vault is None
    assert not app.main_window.isVisible()
