"""Settings kept inside the vault (so they are encrypted and travel with it)."""

from __future__ import annotations

from casevault.store.db import Database


def get(db: Database, key: str) -> str | None:
    found = db.scalar("SELECT value FROM settings WHERE key = ?", (key,))
    return None if found is None else str(found)


def put(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def delete(db: Database, key: str) -> None:
    db.execute("DELETE FROM settings WHERE key = ?", (key,))


def with_prefix(db: Database, prefix: str) -> dict[str, str]:
    """Every setting whose key starts with `prefix`, keyed by the rest of the key."""
    rows = db.query("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))
    return {str(r[0])[len(prefix) :]: str(r[1]) for r in rows}
