"""The audit log's rows: appended inside the caller's transaction, read back in order."""

from __future__ import annotations

from datetime import datetime

from casevault.crypto import audit_chain
from casevault.crypto.audit_chain import Entry, Fields
from casevault.store.db import Database
from casevault.store.timefmt import to_db


def append(db: Database, key: bytes, action: str, *, ref: str, subject: str, now: datetime) -> None:
    """Add one entry after the last; call inside the transaction that does what it records."""
    with db.transaction():
        last = db.query_one("SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1")
        seq, prev = (1, audit_chain.GENESIS) if last is None else (int(last[0]) + 1, bytes(last[1]))
        fields = Fields(seq, to_db(now), action, ref, subject)
        db.execute(
            "INSERT INTO audit_log(seq, at, action, ref, subject, mac) VALUES (?, ?, ?, ?, ?, ?)",
            (seq, fields.at, action, ref, subject, audit_chain.mac_for(key, prev, fields)),
        )


def entries(db: Database, ref: str | None = None) -> list[Entry]:
    if ref is None:
        rows = db.query("SELECT seq, at, action, ref, subject, mac FROM audit_log ORDER BY seq")
    else:
        rows = db.query(
            "SELECT seq, at, action, ref, subject, mac FROM audit_log WHERE ref = ? ORDER BY seq", (ref,)
        )
    return [Entry(Fields(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])), bytes(r[5])) for r in rows]
