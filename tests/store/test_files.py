"""The attachment rows (casevault.store.files) on a real encrypted database: the import
lifecycle and the rows of each case."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from casevault.core.model import Attachment
from casevault.store import cases, files
from casevault.store.db import Database
from tests.support.store_rows import T0, add_attachment, add_case, count, new_id


def test_import_lifecycle_rows(db: Database) -> None:
    summary = add_case(db, "Ada")
    file_id = new_id()
    files.begin_import(db, summary.id, file_id, T0)
    assert files.pending_imports(db) == [(summary.id, file_id)]
    attachment = Attachment(id=file_id, case_id=summary.id, name="a.pdf", size=3, added_at=T0)
    wrapped = os.urandom(60)
    files.insert(db, attachment, wrapped)
    assert files.pending_imports(db) == []
    assert files.get(db, file_id) == (attachment, wrapped)
    assert files.get(db, new_id()) is None


def test_abandon_import(db: Database) -> None:
    summary = add_case(db, "Ada")
    file_id = new_id()
    files.begin_import(db, summary.id, file_id, T0)
    files.abandon_import(db, file_id)
    assert files.pending_imports(db) == []
    assert files.for_case(db, summary.id) == []


def test_attachment_rows_per_case(db: Database) -> None:
    a, b = add_case(db, "A"), add_case(db, "B")
    late = add_attachment(db, a.id, "a-late.pdf", T0 + timedelta(hours=2))
    early_z = add_attachment(db, a.id, "z.pdf", T0 + timedelta(hours=1))
    early_b = add_attachment(db, a.id, "b.pdf", T0 + timedelta(hours=1))
    other = add_attachment(db, b.id, "other.pdf")
    assert [x.id for x in files.for_case(db, a.id)] == [early_b.id, early_z.id, late.id]
    assert [x.id for x in files.for_case(db, b.id)] == [other.id]
    assert files.ids_by_case(db) == {a.id: {late.id, early_z.id, early_b.id}, b.id: {other.id}}
    assert sorted(x.id for x, _ in files.all_with_keys(db)) == sorted(
        [late.id, early_z.id, early_b.id, other.id]
    )
    touched = cases.get_summary(db, a.id)
    assert touched is not None
    assert touched.updated_at == T0 + timedelta(hours=1)  # the last insert's added_at


def test_attachment_needs_an_existing_case(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        add_attachment(db, new_id(), "x.pdf")
    assert count(db, "attachments") == 0
    assert files.pending_imports(db) != []  # begin_import is its own statement; insert failed
