"""The settings rows (casevault.store.settings) on a real encrypted database."""

from __future__ import annotations

from casevault.store import settings
from casevault.store.db import Database
from tests.support.store_rows import count


def test_settings_get_put_overwrite(db: Database) -> None:
    assert settings.get(db, "retention.default_days") is None
    settings.put(db, "retention.default_days", "30")
    assert settings.get(db, "retention.default_days") == "30"
    settings.put(db, "retention.default_days", "90")
    assert settings.get(db, "retention.default_days") == "90"
    settings.put(db, "other", "Ünïcode ✓")
    assert settings.get(db, "other") == "Ünïcode ✓"
    assert count(db, "settings") == 2
