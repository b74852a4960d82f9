"""The desktop app's first flows, driven by accessible name: create, new case, search, lock, unlock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from casevault.gui import main_window
from casevault.gui.main_window import MainWindow
from casevault.host.keychain import MemoryKeychain
from casevault.vault.facade import Vault
from tests.conftest import PASSPHRASE
from tests.gui.conftest import by_name, window_named
from tests.support.gui_flows import MEMBER, MakeApp, add_case, button, case_list, column, create_vault, line


def test_create_vault_then_empty_list_with_plain_title(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert app.paths.keys_file.exists()
    assert case_list(window).model().rowCount() == 0
    assert window.windowTitle() == "casevault"


def test_create_refuses_short_or_mismatched_passphrase(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    app.start()
    dialog = window_named("Create vault")
    line(dialog, "Passphrase").setText("short")
    assert "too short" in by_name(dialog, "Passphrase strength", QLabel).text()
    line(dialog, "Repeat passphrase").setText("short")
    qtbot.mouseClick(button(dialog, "Create vault"), Qt.MouseButton.LeftButton)
    # Said once, under the field (issue 18: it was said there and again in the message).
    assert "too short" in by_name(dialog, "Passphrase strength", QLabel).text()
    assert by_name(dialog, "Message", QLabel).text() == ""
    line(dialog, "Passphrase").setText(PASSPHRASE)
    line(dialog, "Repeat passphrase").setText(PASSPHRASE + "x")
    qtbot.mouseClick(button(dialog, "Create vault"), Qt.MouseButton.LeftButton)
    assert "differ" in by_name(dialog, "Message", QLabel).text()
    assert not app.paths.keys_file.exists()
    assert not app.main_window.isVisible()


def test_new_case_appears_and_search_finds_it(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    add_case(qtbot, window, "Aoife Brennan")
    add_case(qtbot, window, MEMBER)
    table = case_list(window)
    qtbot.waitUntil(lambda: MEMBER in column(table, 1))
    assert sorted(column(table, 1)) == sorted(["Aoife Brennan", MEMBER])
    assert window.windowTitle() == "casevault"

    line(window, "Search cases").setText("muller")  # diacritics folded by the FTS index
    qtbot.waitUntil(lambda: column(table, 1) == [MEMBER])
    line(window, "Search cases").clear()
    qtbot.waitUntil(lambda: len(column(table, 1)) == 2)


def test_lock_clears_model_and_unlock_shows_case_again(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    table = case_list(window)
    qtbot.waitUntil(lambda: column(table, 1) == [MEMBER])
    vault = app.main_window.vault
    assert isinstance(vault, Vault)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(app.unlock_dialog.isVisible)
    assert table.model().rowCount() == 0
    assert not vault.is_open
    assert not window.isVisible()
    # The keychain still works, but a lock is not undone silently: the passphrase is asked for.
    dialog = window_named("Unlock casevault")
    assert "locked" in by_name(dialog, "Why the passphrase is needed", QLabel).text()

    line(dialog, "Passphrase").setText(PASSPHRASE)
    qtbot.mouseClick(button(dialog, "Unlock"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isVisible)
    assert not dialog.isVisible()
    assert column(case_list(window), 1) == [MEMBER]


def test_lock_now_button_locks(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    qtbot.mouseClick(by_name(window, "Lock now"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(app.unlock_dialog.isVisible)
    assert app.main_window.vault is None
    assert app.main_window.model.rowCount() == 0


def test_start_unlocks_silently_through_keychain(qtbot: QtBot, make_app: MakeApp) -> None:
    first = make_app()
    add_case(qtbot, create_vault(qtbot, first), MEMBER)
    first.shutdown()
    first.main_window.hide()
    second = make_app(paths=first.paths)
    second.start()
    qtbot.waitUntil(second.main_window.isVisible)
    assert not second.unlock_dialog.isVisible()
    assert column(case_list(second.main_window), 1) == [MEMBER]


def test_start_with_locked_keychain_says_why(
    qtbot: QtBot, make_app: MakeApp, keychain: MemoryKeychain
) -> None:
    first = make_app()
    add_case(qtbot, create_vault(qtbot, first), MEMBER)
    first.shutdown()
    first.main_window.hide()
    keychain.failure = "The system keychain is locked"
    second = make_app(paths=first.paths)
    second.start()
    dialog = window_named("Unlock casevault")
    reason = by_name(dialog, "Why the passphrase is needed", QLabel).text()
    assert reason.startswith("The system keychain is locked")
    assert not second.main_window.isVisible()
    line(dialog, "Passphrase").setText(PASSPHRASE)
    qtbot.mouseClick(button(dialog, "Unlock"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(second.main_window.isVisible)
    assert column(case_list(second.main_window), 1) == [MEMBER]


def test_wrong_passphrase_gives_calm_message_and_retry(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    create_vault(qtbot, app)
    app.main_window.lock()
    dialog = window_named("Unlock casevault")
    unlock = button(dialog, "Unlock")
    line(dialog, "Passphrase").setText("not the passphrase at all")
    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)
    message = by_name(dialog, "Message", QLabel)
    assert "did not open the vault" in message.text()
    assert not unlock.isEnabled()  # a short pause before the next try
    assert dialog.isVisible()
    assert app.main_window.vault is None
    qtbot.waitUntil(unlock.isEnabled)
    line(dialog, "Passphrase").setText(PASSPHRASE)
    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(app.main_window.isVisible)
    assert isinstance(app.main_window.vault, Vault)


def test_idle_lock_fires_and_clears_the_model(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app(idle_ms=300)
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    add_case(qtbot, window, MEMBER)
    assert window.model.rowCount() == 1
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert window.model.rowCount() == 0
    assert window.vault is None
    assert app.unlock_dialog.isVisible()


def test_a_search_that_fills_the_page_says_more_may_match(
    qtbot: QtBot, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "SEARCH_PAGE", 2)  # a page of two, to fill it with three cases
    app = make_app()
    window = create_vault(qtbot, app)
    for name in ("Aoife Brennan", "Ciaran Brennan", MEMBER):
        add_case(qtbot, window, name)
    table = case_list(window)
    line(window, "Search cases").setText("muller")
    qtbot.waitUntil(lambda: column(table, 1) == [MEMBER])
    assert "narrow" not in app.main_window.statusBar().currentMessage()
    line(window, "Search cases").setText("brennan")
    qtbot.waitUntil(lambda: len(column(table, 1)) == 2)
    assert "add a word to narrow the search" in app.main_window.statusBar().currentMessage()
