"""Schema 8: handover senders. A version-7 vault gains the table and keeps its cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from casevault.store import schema, senders
from casevault.store.db import Database

KEY = bytes(range(32))
T0 = datetime(2026, 1, 2, tzinfo=UTC)


def test_a_version_7_vault_gains_the_senders_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v7.db"
    old = schema.MIGRATIONS[:7]
    db = Database.open(path, KEY, create=True, key_verified=True, migrations=old)
    db.execute("INSERT INTO settings(key, value) VALUES ('kept', 'yes')")
    assert db.user_version() == 7
    db.close()
    db = Database.open(path, KEY, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 8
        assert db.scalar("SELECT value FROM settings WHERE key = 'kept'") == "yes"
        assert senders.all_senders(db) == []
        with db.transaction():
            senders.record_receipt(db, "aaaa", "11" * 32, T0)
            senders.record_receipt(db, "aaaa", "11" * 32, T0 + timedelta(days=1))
        (one,) = senders.all_senders(db)
        assert (one.received, one.first_received_at, one.last_received_at) == (2, T0, T0 + timedelta(days=1))
        assert one.confirmed_at is None
        assert senders.confirm(db, "aaaa", T0 + timedelta(days=2))
        assert senders.confirm(db, "aaaa", T0 + timedelta(days=3))  # the first confirmation stays
        assert senders.get(db, "aaaa") is not None
        assert senders.get(db, "aaaa").confirmed_at == T0 + timedelta(days=2)  # type: ignore[union-attr]
        assert not senders.confirm(db, "bbbb", T0)
        with pytest.raises(sqlcipher.IntegrityError):  # one fingerprint per key
            senders.record_receipt(db, "cccc", "11" * 32, T0)
    finally:
        db.close()
