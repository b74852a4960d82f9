"""Rows written through the store functions only, on a real encrypted database: for the tests of
each store module (tests/store/)."""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casevault.casework import rules
from casevault.core.model import Attachment, CaseSummary, Event, Member
from casevault.store import cases, files
from casevault.store.db import Database

T0 = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def open_db(path: Path) -> Database:
    """A real encrypted database. These tests are about queries, not durability, so commits are
    not fsynced (test_db covers the pragmas the product sets); it keeps the suite fast on a busy
    disk."""
    database = Database.open(path, os.urandom(32), create=True, key_verified=True)
    database.execute("PRAGMA synchronous = OFF")
    return database


def new_id() -> str:
    return secrets.token_hex(16)


def add_case(
    db: Database,
    name: str,
    *,
    when: datetime = T0,
    case_type: str = "general",
    member: Member | None = None,
) -> CaseSummary:
    """A case as Vault.new_case writes it, through the store functions only."""
    case_id = new_id()
    with db.transaction():
        ref = rules.format_ref(when, cases.next_ref_number(db, when.year))
        if member is None:
            member = Member(id=new_id(), name=name, email="")
            cases.insert_member(db, member, when)
        cases.insert_case(
            db,
            case_id=case_id,
            ref=ref,
            member=member,
            case_type=case_type,
            wrapped_key=os.urandom(60),
            now=when,
        )
    summary = cases.get_summary(db, case_id)
    assert summary is not None
    return summary


def add_event(db: Database, case_id: str, body: str, when: datetime = T0, kind: str = "note") -> Event:
    event = Event(id=new_id(), kind=kind, occurred_at=when, recorded_at=when, body=body)
    cases.insert_event(db, case_id, event)
    return event


def add_attachment(db: Database, case_id: str, name: str, when: datetime = T0, size: int = 10) -> Attachment:
    attachment = Attachment(id=new_id(), case_id=case_id, name=name, size=size, added_at=when)
    files.begin_import(db, case_id, attachment.id, when)
    files.insert(db, attachment, os.urandom(60))
    return attachment


def count(db: Database, table: str, where: str = "", params: tuple[Any, ...] = ()) -> int:
    return int(db.scalar(f"SELECT count(*) FROM {table} {where}", params))
