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


def test_delete_removes_one_setting_and_prefix_reads_the_rest(db: Database) -> None:
    settings.put(db, "letter-template:grievance", "a")
    settings.put(db, "letter-template:pay", "b")
    settings.put(db, "letter-templates", "not under the prefix")
    settings.delete(db, "letter-template:grievance")
    settings.delete(db, "letter-template:never-there")  # nothing to delete is not an error
    assert settings.get(db, "letter-template:grievance") is None
    assert settings.with_prefix(db, "letter-template:") == {"pay": "b"}
