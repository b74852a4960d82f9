"""The desktop app's own settings file (gui/settings.py): the idle-lock minutes stored in gui.ini,
read back safely whatever the file holds."""

from __future__ import annotations

import pytest

from casevault.gui import settings


def write_ini(text: str) -> None:
    settings.settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings.settings_file().write_text(text)


def test_default_is_five_minutes() -> None:
    assert not settings.settings_file().exists()
    assert settings.idle_minutes() == 5


def test_round_trips_through_gui_ini() -> None:
    assert settings.set_idle_minutes(12) == 12
    assert settings.idle_minutes() == 12
    assert "idle_minutes=12" in settings.settings_file().read_text()


@pytest.mark.parametrize(("stored", "read"), [(0, 1), (-3, 1), (241, 240), (10**9, 240)])
def test_out_of_range_is_brought_into_range(stored: int, read: int) -> None:
    write_ini(f"[lock]\nidle_minutes={stored}\n")
    assert settings.idle_minutes() == read
    assert settings.set_idle_minutes(stored) == read
    assert settings.idle_minutes() == read


@pytest.mark.parametrize("value", ["abc", "2.5", "", "@ByteArray(x)", "5 minutes", "true"])
def test_bad_values_fall_back_to_five(value: str) -> None:
    write_ini(f"[lock]\nidle_minutes={value}\n")
    assert settings.idle_minutes() == 5


def test_damaged_file_falls_back_to_five() -> None:
    settings.settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings.settings_file().write_bytes(b"\x00\xff[lock\nidle_minutes\n\x89PNG")
    assert settings.idle_minutes() == 5
