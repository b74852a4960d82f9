"""SQL for case handover: the sent-log row of a handover and the received case's title."""

from __future__ import annotations

from datetime import datetime

from casevault.store import settings
from casevault.store.db import Database
from casevault.store.timefmt import to_db

IDENTITY_KEY = "identity.age"


def identity(db: Database) -> str | None:
    """This vault's age identity (its secret key), kept only inside the encrypted database."""
    return settings.get(db, IDENTITY_KEY)


def put_identity_if_absent(db: Database, secret: str) -> str:
    """Store `secret` unless an identity exists already; returns the identity in force."""
    with db.transaction():
        db.execute("INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)", (IDENTITY_KEY, secret))
        return str(db.scalar("SELECT value FROM settings WHERE key = ?", (IDENTITY_KEY,)))


def record_handover(
    db: Database,
    *,
    row_id: str,
    case_id: str,
    sent_at: datetime,
    recipient: str,
    contents: list[str],
    sha256: str,
) -> None:
    db.execute(
        "INSERT INTO sent_log(id, case_id, kind, sent_at, recipient, contents, sha256) "
        "VALUES (?, ?, 'handover', ?, ?, ?, ?)",
        (row_id, case_id, to_db(sent_at), recipient, "\n".join(contents), sha256),
    )


def handovers(db: Database, case_id: str) -> list[tuple[str, str, str]]:
    """(sent_at, recipient, sha256) of each handover of a case, oldest first."""
    rows = db.query(
        "SELECT sent_at, recipient, sha256 FROM sent_log WHERE case_id = ? AND kind = 'handover' "
        "ORDER BY sent_at",
        (case_id,),
    )
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def set_title(db: Database, case_id: str, title: str) -> None:
    db.execute("UPDATE cases SET title = ? WHERE id = ?", (title, case_id))
