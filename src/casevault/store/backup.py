"""What a backup needs from the database: an encrypted snapshot and the blobs its rows name."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from casevault.core.errors import CasevaultError
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


@contextlib.contextmanager
def frozen_file(db: Database, path: Path) -> Iterator[int | None]:
    """While this lasts, the first N bytes of the database file at `path` are a consistent copy
    of it, as `snapshot` would make, without decrypting a page: yields N, or None when they are
    not (another connection committed between the checkpoint and the read; then use `snapshot`).

    `db` is a connection of its own. It empties the WAL into the file, then holds a read
    transaction that began with the WAL empty: such a reader reads the main file alone, and
    SQLite copies nothing into that file until the reader ends (a checkpoint must first take the
    WAL's read-lock 0, which the reader holds). New commits go on into the WAL meanwhile. The
    blobs its rows name (`blob_ids`) are read in the same transaction."""
    db.checkpoint_truncate()
    db.execute("BEGIN")
    try:
        db.scalar("SELECT count(*) FROM sqlite_schema")  # the read transaction starts here
        size = int(db.scalar("PRAGMA page_count")) * int(db.scalar("PRAGMA page_size"))
        try:
            waiting = path.with_name(path.name + "-wal").stat().st_size
        except FileNotFoundError:
            waiting = 0
        # An empty -wal now means it was empty when the read began: frames are only added,
        # and removed only once every one is in the file.
        yield size if waiting == 0 else None
    finally:
        with contextlib.suppress(CasevaultError):
            db.execute("COMMIT")


def blob_ids(db: Database) -> tuple[list[tuple[str, str]], list[str]]:
    """(case id, file id) of every attachment, and the id of every library document."""
    attachments = [
        (str(r[0]), str(r[1])) for r in db.query("SELECT case_id, id FROM attachments ORDER BY case_id, id")
    ]
    library = [str(r[0]) for r in db.query("SELECT id FROM library_documents ORDER BY id")]
    return attachments, library
