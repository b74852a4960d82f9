"""The policy library's rows. The blobs live in the vault's library folder (formats/blobstore.py)."""

from __future__ import annotations

from datetime import datetime

from casevault.core.model import LibraryDocument
from casevault.store.db import Database, Row
from casevault.store.timefmt import from_db, to_db


def _document(row: Row) -> LibraryDocument:
    return LibraryDocument(
        id=str(row[0]), name=str(row[1]), title=str(row[2]), size=int(row[3]), added_at=from_db(row[4])
    )


def begin_import(db: Database, file_id: str, now: datetime) -> None:
    db.execute("INSERT INTO library_pending(id, started_at) VALUES (?, ?)", (file_id, to_db(now)))


def abandon_import(db: Database, file_id: str) -> None:
    db.execute("DELETE FROM library_pending WHERE id = ?", (file_id,))


def pending_imports(db: Database) -> list[str]:
    """File ids of library imports that never finished."""
    return [str(r[0]) for r in db.query("SELECT id FROM library_pending ORDER BY id")]


def insert(db: Database, document: LibraryDocument, wrapped_key: bytes) -> None:
    """Record a finished import (its blob is already durable) and clear its pending marker.
    The caller holds the transaction."""
    abandon_import(db, document.id)
    db.execute(
        "INSERT INTO library_documents(id, name, title, size, wrapped_key, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (document.id, document.name, document.title, document.size, wrapped_key, to_db(document.added_at)),
    )


def get(db: Database, document_id: str) -> tuple[LibraryDocument, bytes] | None:
    row = db.query_one(
        "SELECT id, name, title, size, added_at, wrapped_key FROM library_documents WHERE id = ?",
        (document_id,),
    )
    return None if row is None else (_document(row), bytes(row[5]))


def documents(db: Database) -> list[LibraryDocument]:
    rows = db.query(
        "SELECT id, name, title, size, added_at FROM library_documents "
        "ORDER BY lower(title || name), added_at"
    )
    return [_document(r) for r in rows]


def all_with_keys(db: Database) -> list[tuple[LibraryDocument, bytes]]:
    rows = db.query("SELECT id, name, title, size, added_at, wrapped_key FROM library_documents ORDER BY id")
    return [(_document(r), bytes(r[5])) for r in rows]


def delete(db: Database, document_id: str) -> bool:
    """Delete the row (and so its wrapped key); the caller holds the transaction."""
    return db.execute("DELETE FROM library_documents WHERE id = ?", (document_id,)) > 0
