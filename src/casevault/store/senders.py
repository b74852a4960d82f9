"""SQL for handover senders: this vault's signing key, and the colleagues it has received from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from casevault.store.db import Database
from casevault.store.timefmt import from_db, from_db_opt, to_db

SIGNING_KEY = "identity.ed25519"


@dataclass(frozen=True)
class Sender:
    fingerprint: str
    public_key: str  # hex of the raw Ed25519 key
    first_received_at: datetime
    last_received_at: datetime
    received: int  # how many bundles
    confirmed_at: datetime | None  # when the rep said they compared it by phone


def signing_secret(db: Database) -> str | None:
    """This vault's Ed25519 signing key (hex), kept only inside the encrypted database."""
    found = db.scalar("SELECT value FROM settings WHERE key = ?", (SIGNING_KEY,))
    return None if found is None else str(found)


def put_signing_secret_if_absent(db: Database, secret_hex: str) -> str:
    """Store `secret_hex` unless a signing key exists already; returns the key in force."""
    with db.transaction():
        db.execute("INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)", (SIGNING_KEY, secret_hex))
        return str(db.scalar("SELECT value FROM settings WHERE key = ?", (SIGNING_KEY,)))


_SELECT = (
    "SELECT fingerprint, public_key, first_received_at, last_received_at, received, confirmed_at "
    "FROM handover_senders"
)


def _sender(row: tuple[object, ...]) -> Sender:
    return Sender(
        fingerprint=str(row[0]),
        public_key=str(row[1]),
        first_received_at=from_db(str(row[2])),
        last_received_at=from_db(str(row[3])),
        received=int(str(row[4])),
        confirmed_at=from_db_opt(None if row[5] is None else str(row[5])),
    )


def get(db: Database, fingerprint: str) -> Sender | None:
    rows = db.query(_SELECT + " WHERE fingerprint = ?", (fingerprint,))
    return _sender(tuple(rows[0])) if rows else None


def all_senders(db: Database) -> list[Sender]:
    rows = db.query(_SELECT + " ORDER BY first_received_at")
    return [_sender(tuple(r)) for r in rows]


def record_receipt(db: Database, fingerprint: str, public_key: str, at: datetime) -> None:
    db.execute(
        "INSERT INTO handover_senders(fingerprint, public_key, first_received_at, last_received_at, "
        "received) VALUES (?, ?, ?, ?, 1) ON CONFLICT(fingerprint) DO UPDATE SET "
        "last_received_at = excluded.last_received_at, received = received + 1",
        (fingerprint, public_key, to_db(at), to_db(at)),
    )


def confirm(db: Database, fingerprint: str, at: datetime) -> bool:
    """Mark a sender as compared by phone; False if this vault never received from it."""
    changed = db.execute(
        "UPDATE handover_senders SET confirmed_at = coalesce(confirmed_at, ?) WHERE fingerprint = ?",
        (to_db(at), fingerprint),
    )
    return changed > 0
