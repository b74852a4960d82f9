"""What the desktop knows casevault by: its application id, its icons and its desktop files.

The folders here are laid out as under share/ (XDG_DATA_HOME or /usr/share), so installing is
copying: applications/<APP_ID>.desktop, metainfo/<APP_ID>.metainfo.xml (AppStream),
mime/packages/<APP_ID>.xml (shared-mime-info: casevault's file types) and icons/hicolor/, the
icons rendered from resources/icons/<APP_ID>.svg at the repository root by
scripts/render_icons.py. `casevault desktop install` (host/desktop.py) copies them into the
user's data folder; packagers copy them as they are. Importing this module never imports Qt, so
the CLI may use it.
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

# casevault's own file types (mime/packages/<APP_ID>.xml): opening one starts its flow.
BACKUP_MIME_TYPE = "application/x-casevault-backup"  # *.cvbackup: verify the backup
HANDOVER_MIME_TYPE = "application/x-casevault-handover"  # *.age: receive the case
MIME_TYPES = (BACKUP_MIME_TYPE, HANDOVER_MIME_TYPE)


def data_dir() -> Path:
    """The share/-shaped tree shipped in the package (applications/, metainfo/, mime/, icons/)."""
    return Path(str(files(__name__)))


def desktop_file() -> Path:
    return data_dir() / "applications" / f"{APP_ID}.desktop"


def metainfo_file() -> Path:
    return data_dir() / "metainfo" / f"{APP_ID}.metainfo.xml"


def mime_file() -> Path:
    return data_dir() / "mime" / "packages" / f"{APP_ID}.xml"


def icon_dir() -> Path:
    """The hicolor icon theme tree (scalable/ and NxN/apps/) shipped in the package."""
    return data_dir() / "icons" / "hicolor"


def icon_pngs() -> list[Path]:
    """The PNG of every hicolor size, smallest first."""
    return [icon_dir() / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES]


def icon_svg() -> Path:
    return icon_dir() / "scalable" / "apps" / f"{APP_ID}.svg"
