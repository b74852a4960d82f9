"""What a backup needs from the database: an encrypted snapshot and the blobs its rows name."""

from __future__ import annotations

import contextlib
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from casevault.crypto.keys import check_key
from casevault.store.db import Database


def snapshot(db: Database, target: Path, key: bytes) -> None:
    """A consistent copy of the live database into a new SQLCipher file at `target`, keyed with
    the same raw key (SQLite's online backup API copies page by page; SQLCipher encrypts each page
    as it is written, so no plaintext page reaches the disk). `target` must not exist."""
    check_key(key)
    conn = sqlcipher.connect(str(target), isolation_level=None, check_same_thread=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            db._conn.execute("SELECT 1").fetchone()
            db._conn.backup(conn)
        except sqlcipher.Error as err:
            raise db._translate(err) from None
        # One self-contained file: no -wal beside it.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        with contextlib.suppress(sqlcipher.Error):
            conn.close()


def blob_ids(db: Database) -> tuple[list[tuple[str, str]], list[str]]:
    """(case id, file id) of every attachment, and the id of every library document."""
    attachments = [
        (str(r[0]), str(r[1])) for r in db.query("SELECT case_id, id FROM attachments ORDER BY case_id, id")
    ]
    library = [str(r[0]) for r in db.query("SELECT id FROM library_documents ORDER BY id")]
    return attachments, library
