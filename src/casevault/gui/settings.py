"""Window geometry in a QSettings INI file under the config dir. Never case data."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from casevault.paths import APP_NAME


def settings_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "gui.ini"


def _settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def save_geometry(widget: QWidget, key: str) -> None:
    settings = _settings()
    settings.setValue(f"geometry/{key}", widget.saveGeometry())
    settings.sync()


def restore_geometry(widget: QWidget, key: str) -> bool:
    value = _settings().value(f"geometry/{key}")
    return isinstance(value, QByteArray) and widget.restoreGeometry(value)
