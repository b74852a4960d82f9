"""How the running app names itself to the desktop: the names in its packaged <APP_ID>.desktop.

On Wayland the shell matches a window to its .desktop file by the app_id, which Qt takes from
desktopFileName; on X11 by WM_CLASS, whose class part Qt 6 takes from applicationName (checked by
hand under Xvfb with xprop: WM_CLASS = "casevault", "casevault"; _GTK_APPLICATION_ID and
_KDE_NET_WM_DESKTOP_FILE = the app id). The offscreen platform the tests use has no window
manager, so these tests run the real `gui_app.run` and check what it tells Qt.
"""

from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
from typing import Any

from casevault.resources import APP_ID, ICON_SIZES, desktop_file

DESKTOP = desktop_file()

# The real `gui_app.run` (the demo vault: no keychain, no vault folder to claim), looked at from
# inside its event loop, then quit. In a process of its own: a run of the whole app leaves
# process-wide Qt state behind that later tests in the same process would inherit.
LOOK = """
import json, sys
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication
from casevault.gui import app as gui_app

seen = {}

def icon_facts(icon):
    sizes = sorted(size.width() for size in icon.availableSizes())
    alpha = [icon.pixmap(QSize(s, s)).toImage().pixelColor(s // 2, s // 2).alpha() for s in sizes]
    return {"null": icon.isNull(), "sizes": sizes, "centre_alpha": alpha}

def look_then_quit():
    try:
        app = QApplication.instance()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        [window] = [w for w in shown if w.accessibleName() == "casevault"]
        seen.update(
            desktop_file=app.desktopFileName(),
            name=app.applicationName(),
            icon=icon_facts(app.windowIcon()),
            window_icon=icon_facts(window.windowIcon()),
        )
    finally:
        QApplication.quit()

QTimer.singleShot(0, look_then_quit)  # runs once run() has entered its event loop
code = gui_app.run(None, demo=True)
print(json.dumps({"code": code, **seen}))
"""


def seen_while_running() -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", LOOK], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert seen["code"] == 0
    return seen


def test_the_app_names_itself_as_the_desktop_file_does() -> None:
    seen = seen_while_running()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    assert seen["desktop_file"] == APP_ID == DESKTOP.name.removesuffix(".desktop")
    assert seen["name"] == entry["Desktop Entry"]["StartupWMClass"]
    assert entry["Desktop Entry"]["Icon"] == APP_ID


def test_the_window_icon_has_every_size() -> None:
    seen = seen_while_running()
    for icon in (seen["icon"], seen["window_icon"]):
        assert not icon["null"]
        assert icon["sizes"] == list(ICON_SIZES)
        assert icon["centre_alpha"] == [255] * len(ICON_SIZES)
