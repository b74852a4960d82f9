"""The `db` fixture of the store module tests: a fresh encrypted database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casevault.store.db import Database
from tests.support.store_rows import open_db


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_db(tmp_path / "q.db")
    yield database
    database.close()
