"""Finding a table's CHECK constraints in its CREATE TABLE text (store/sql_checks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casevault.store.db import Database
from casevault.store.sql_checks import check_expressions, violations_query


def test_column_and_table_constraints_in_order() -> None:
    sql = (
        "CREATE TABLE t (kind TEXT NOT NULL CHECK (kind IN ('a', 'b')), n INTEGER check(n > (1 + 1)),\n"
        "  CONSTRAINT both CHECK (kind <> 'a' OR n IS NULL)) STRICT"
    )
    assert check_expressions(sql) == ["kind IN ('a', 'b')", "n > (1 + 1)", "kind <> 'a' OR n IS NULL"]


@pytest.mark.parametrize(
    "decoy",
    [
        "DEFAULT 'CHECK (x'",  # a string literal
        "DEFAULT 'it''s CHECK (1)'",  # with an escaped quote
        '"CHECK (odd name"',  # a quoted name
        "-- CHECK (in a comment\n",
        "/* CHECK ( */",
        "[CHECK (bracketed]",
    ],
)
def test_nothing_inside_literals_names_or_comments_is_taken(decoy: str) -> None:
    sql = f"CREATE TABLE t (a TEXT {decoy}, b TEXT CHECK (b IN ('x)', 'y')))"
    assert check_expressions(sql) == ["b IN ('x)', 'y')"]


def test_a_table_without_constraints_has_none() -> None:
    assert check_expressions("CREATE TABLE t (checked INTEGER, rechecks TEXT)") == []


def test_an_unclosed_constraint_is_refused() -> None:
    with pytest.raises(ValueError, match="closing parenthesis"):
        check_expressions("CREATE TABLE t (a TEXT CHECK (a IN ('x')")


def test_every_constraint_of_the_vault_schema_is_found(tmp_path: Path) -> None:
    """Each expression found is valid SQL (its query runs), and each table's text holds as many
    CHECKs as were found."""
    db = Database.open(tmp_path / "v.db", bytes(range(32)), create=True, key_verified=True)
    try:
        tables = db.query(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
        found = written = 0
        for name, sql in tables:
            expressions = check_expressions(str(sql))
            found += len(expressions)
            # The schema has no 'CHECK' inside a literal or comment, so a plain count is exact.
            written += str(sql).upper().replace("CHECK(", "CHECK (").count("CHECK (")
            if expressions:
                assert db.query(violations_query(str(name), expressions), (str(name),)) == []
        assert found == written >= 10
    finally:
        db.close()


def test_the_query_names_the_table_as_sqlite_does(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "v.db", bytes(range(32)), create=True, key_verified=True)
    try:
        db.execute('CREATE TABLE "odd ""name" (a INTEGER)')
        db.execute('INSERT INTO "odd ""name" VALUES (0), (NULL), (2)')
        query = violations_query('odd "name', ["a > 1"])
        assert [r[0] for r in db.query(query, ('odd "name',))] == ['CHECK constraint failed in odd "name']
        assert db.query(violations_query('odd "name', ["a >= 0"]), ('odd "name',)) == []
    finally:
        db.close()
