"""Is there a display for the window? Checked before Qt is started, because without one Qt's xcb
plugin aborts the process (exit 134) with a message about plugins that tells a rep nothing.

Only Linux and the other X11/Wayland systems are checked: macOS and Windows always have their
own platform plugin. An explicit QT_QPA_PLATFORM (offscreen, vnc, eglfs...) is the user's
choice and is trusted."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from casevault.core.errors import CasevaultError

NO_DISPLAY = (
    "No display was found, so the casevault window cannot open here; use the command line instead "
    "(see `casevault --help`)."
)


class NoDisplayError(CasevaultError):
    """The desktop app was asked for where no window can be shown (an SSH session, a server)."""


def has_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if system.startswith(("darwin", "win", "cygwin")):
        return True
    return any(env.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def require_display() -> None:
    if not has_display():
        raise NoDisplayError(NO_DISPLAY)
