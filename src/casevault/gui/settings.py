"""Window geometry and preferences in a QSettings INI file under the config dir. Never case data."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from casevault.core.paths import APP_NAME

DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240
_IDLE_KEY = "lock/idle_minutes"


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


def idle_minutes() -> int:
    """Minutes without input before the vault locks. A value that is not a whole number (a hand-edited
    or damaged file) gives the default; one out of range is brought into range."""
    value = _settings().value(_IDLE_KEY)
    try:
        minutes = int(str(value).strip())
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return _clamp(minutes)


def set_idle_minutes(minutes: int) -> int:
    """Store the idle time, brought into range, and return what was stored."""
    minutes = _clamp(int(minutes))
    settings = _settings()
    settings.setValue(_IDLE_KEY, minutes)
    settings.sync()
    return minutes


def _clamp(minutes: int) -> int:
    return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))
