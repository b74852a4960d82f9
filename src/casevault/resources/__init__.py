"""What the desktop knows casevault by: its application id and its icons.

The icons here (icons/hicolor/) are rendered from resources/icons/<APP_ID>.svg at the repository
root by scripts/render_icons.py; the .desktop file and AppStream metainfo that name them are in
resources/ too. Importing this module never imports Qt, so the CLI may use it.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# Reverse-DNS id: the .desktop file's name, its Icon=, the AppStream <id>, Qt's desktopFileName
# (the Wayland app_id) and the icon file names all use it.
APP_ID = "org.casevault.CaseVault"

# Qt's QCoreApplication.applicationName. On X11 Qt 6 sets the class part of WM_CLASS to it, so it
# is also the .desktop file's StartupWMClass.
APPLICATION_NAME = "casevault"

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_dir() -> Path:
    """The hicolor icon theme tree (scalable/ and NxN/apps/) shipped in the package."""
    return Path(str(files(__name__).joinpath("icons", "hicolor")))


def icon_pngs() -> list[Path]:
    """The PNG of every hicolor size, smallest first."""
    return [icon_dir() / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES]


def icon_svg() -> Path:
    return icon_dir() / "scalable" / "apps" / f"{APP_ID}.svg"
