"""The main window's menus (gui/window_menus.py): File first with Today, the case list, the
reminders, the agenda, New case, Lock and Quit; the archive periods and deletion log under
Settings; one mnemonic per letter in each menu, the Help links' given one each; the shortcut list
read from the actions, each shortcut once."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from casevault.gui.main_window import MainWindow
from casevault.gui.window_menus import mnemonic, shortcut_rows, with_mnemonic


def _entries(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_file_menu_and_mnemonics(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["&File", "&Casework", "&Settings", "&Help"]
    files = menus["&File"]
    assert isinstance(files, QMenu)
    assert _entries(files) == [
        "&Today",
        "&All cases",
        "&Reminders",
        "A&genda",
        "&New case",
        "&Lock now",
        "&Quit",
    ]
    settings = menus["&Settings"]
    assert isinstance(settings, QMenu)
    assert _entries(settings)[-2:] == ["A&rchive periods…", "Deletion &log"]
    for menu in menus.values():
        assert isinstance(menu, QMenu)
        keys = [t[t.index("&") + 1].lower() for t in _entries(menu) if "&" in t]
        assert len(keys) == len(set(keys)), _entries(menu)
    top = [t[t.index("&") + 1].lower() for t in menus]
    assert len(top) == len(set(top))


def test_every_shortcut_is_listed_once(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    rows = shortcut_rows(window)
    names = [what for what, _keys in rows]
    assert len(names) == len(set(names))
    keys = dict(rows)
    assert keys["New case"] == "Ctrl+N" and keys["All cases"] == "Ctrl+2"
    assert keys["Lock now"] == "Ctrl+L"


def test_a_title_gets_the_first_free_letter() -> None:
    taken = {"a", "k"}
    assert with_mnemonic("ACAS", taken) == "A&CAS"
    assert with_mnemonic("Tom & Jerry", taken) == "&Tom && Jerry"
    assert with_mnemonic("act", taken) == "act"  # every letter taken: no mnemonic
    assert taken == {"a", "k", "c", "t"}
    assert [mnemonic(t) for t in ("A&CAS", "&Tom && Jerry", "Tom && Jerry", "act&")] == ["c", "t", None, None]
