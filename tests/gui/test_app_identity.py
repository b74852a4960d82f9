"""How the running app names itself to the desktop: the names in resources/<APP_ID>.desktop.

On Wayland the shell matches a window to its .desktop file by the app_id, which Qt takes from
desktopFileName; on X11 by WM_CLASS, whose class part Qt 6 takes from applicationName (checked by
hand under Xvfb with xprop: WM_CLASS = "casevault", "casevault"; _GTK_APPLICATION_ID and
_KDE_NET_WM_DESKTOP_FILE = the app id). The offscreen platform the tests use has no window
manager, so these tests check what gui/app.py tells Qt.
"""

from __future__ import annotations

import configparser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from casevault.gui import app as gui_app
from casevault.resources import APP_ID, ICON_SIZES

DESKTOP = Path(__file__).resolve().parents[2] / "resources" / f"{APP_ID}.desktop"


def started_app(monkeypatch: pytest.MonkeyPatch) -> Any:
    """gui_app.run up to its event loop, without building the windows."""
    seen: list[Any] = []
    monkeypatch.setattr(gui_app, "App", lambda *_args, **_kw: None)
    monkeypatch.setattr(gui_app, "OsKeychain", lambda: None)
    monkeypatch.setattr(gui_app, "_loop", lambda app, _controller, _vault: seen.append(app) or 0)
    assert gui_app.run(None, demo=False) == 0
    assert seen == [QApplication.instance()]
    return seen[0]


def test_the_app_names_itself_as_the_desktop_file_does(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = started_app(monkeypatch)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    assert app.desktopFileName() == APP_ID == DESKTOP.name.removesuffix(".desktop")
    assert app.applicationName() == entry["Desktop Entry"]["StartupWMClass"]
    assert entry["Desktop Entry"]["Icon"] == APP_ID


def test_the_window_icon_has_every_size(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    icon = started_app(monkeypatch).windowIcon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == list(ICON_SIZES)
    for size in ICON_SIZES:
        assert icon.pixmap(QSize(size, size)).toImage().pixelColor(size // 2, size // 2).alpha() == 255
