"""casevault.store.db and schema, against a real SQLCipher file on disk."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from casevault.core.errors import (
    CasevaultError,
    DamagedError,
    DiskFullError,
    UnlockError,
    VaultStateError,
)
from casevault.store import schema, settings
from casevault.store.db import Database, translate_error

PAGE = 4096
CANARY = "canary-Quetzalcoatl-7f3e"


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def db(db_path: Path, key: bytes) -> Iterator[Database]:
    database = Database.open(db_path, key, create=True, key_verified=True)
    yield database
    database.close()


def make_filled_db(path: Path, key: bytes, rows: int = 60) -> None:
    """A closed database with a table big enough to span many pages."""
    database = Database.open(path, key, create=True, key_verified=True)
    database.execute("CREATE TABLE filler (body TEXT NOT NULL)")
    with database.transaction():
        for i in range(rows):
            database.execute("INSERT INTO filler VALUES (?)", (f"row {i} " + "x" * 1500,))
    database.close()


def raw_connection(path: Path, key: bytes, **kw: object) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), isolation_level=None, **kw)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


# ---- opening, pragmas, encryption at rest ---------------------------------------------------


def test_create_makes_a_private_file(db: Database, db_path: Path) -> None:
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_create_is_private_even_with_a_permissive_umask(db_path: Path, key: bytes) -> None:
    old = os.umask(0)
    try:
        database = Database.open(db_path, key, create=True)
        database.execute("CREATE TABLE t (x)")
        database.execute("INSERT INTO t VALUES (1)")
        for suffix in ("", "-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            assert side.exists(), suffix
            assert stat.S_IMODE(side.stat().st_mode) == 0o600, suffix
        database.close()
    finally:
        os.umask(old)


@pytest.mark.parametrize("reopen", [False, True], ids=["created", "reopened"])
def test_pragmas_are_in_effect(db_path: Path, key: bytes, reopen: bool) -> None:
    database = Database.open(db_path, key, create=True)
    if reopen:
        database.close()
        database = Database.open(db_path, key)
    try:
        assert database.scalar("PRAGMA foreign_keys") == 1
        assert database.scalar("PRAGMA secure_delete") == 1
        assert database.scalar("PRAGMA journal_mode") == "wal"
        assert database.scalar("PRAGMA temp_store") == 2
        assert str(database.scalar("PRAGMA cipher_memory_security")) == "1"
        assert database.scalar("PRAGMA synchronous") == 2  # FULL
    finally:
        database.close()


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(sqlcipher.IntegrityError):
        db.execute(
            "INSERT INTO events(id, case_id, kind, occurred_at, recorded_at, body) "
            "VALUES ('e', 'no-such-case', 'note', 'x', 'x', 'body')"
        )


def test_file_is_not_plaintext_sqlite_and_canary_is_not_on_disk(db: Database, db_path: Path) -> None:
    settings.put(db, "probe", CANARY)
    db.execute("CREATE TABLE notes (body TEXT)")
    for _ in range(20):
        db.execute("INSERT INTO notes VALUES (?)", (CANARY * 10,))
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0, "the canary should be sitting in the WAL right now"
    assert settings.get(db, "probe") == CANARY
    for path in (db_path, wal):
        raw = path.read_bytes()
        assert not raw.startswith(b"SQLite format 3\x00")
        assert CANARY.encode() not in raw, path.name
    db.checkpoint_truncate()
    raw = db_path.read_bytes()
    assert raw[:16] != b"SQLite format 3\x00"
    assert CANARY.encode() not in raw
    assert b"CREATE TABLE" not in raw  # the schema is encrypted too


def test_close_truncates_the_wal(db_path: Path, key: bytes) -> None:
    database = Database.open(db_path, key, create=True)
    database.execute("CREATE TABLE t (x)")
    database.execute("INSERT INTO t VALUES (randomblob(20000))")
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0
    database.close()
    assert not wal.exists() or wal.stat().st_size == 0


def test_missing_database_is_a_state_error(tmp_path: Path, key: bytes) -> None:
    with pytest.raises(VaultStateError, match="missing"):
        Database.open(tmp_path / "absent.db", key)
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("bad", [b"", b"\x00" * 31, b"\x00" * 33])
def test_key_must_be_32_bytes(tmp_path: Path, bad: bytes) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        Database.open(tmp_path / "x.db", bad, create=True)
    assert not (tmp_path / "x.db").exists()


def test_data_survives_close_and_reopen(db_path: Path, key: bytes) -> None:
    database = Database.open(db_path, key, create=True)
    settings.put(database, "k", "v")
    database.close()
    again = Database.open(db_path, key)
    try:
        assert settings.get(again, "k") == "v"
    finally:
        again.close()


# ---- wrong keys and damage --------------------------------------------------------------------


def test_wrong_key_unverified_is_an_unlock_error(db_path: Path, key: bytes) -> None:
    make_filled_db(db_path, key)
    with pytest.raises(UnlockError) as caught:
        Database.open(db_path, os.urandom(32), key_verified=False)
    assert caught.value.exit_code == 3
    assert "key does not open" in caught.value.message


def test_wrong_key_verified_is_damage(db_path: Path, key: bytes) -> None:
    make_filled_db(db_path, key)
    with pytest.raises(DamagedError) as caught:
        Database.open(db_path, os.urandom(32), key_verified=True)
    assert caught.value.exit_code == 4
    assert "damaged" in caught.value.message


@pytest.mark.parametrize(
    ("key_verified", "expected", "code"),
    [(False, UnlockError, 3), (True, DamagedError, 4)],
)
def test_overwritten_header_is_reported_clearly(
    db_path: Path, key: bytes, key_verified: bool, expected: type[CasevaultError], code: int
) -> None:
    make_filled_db(db_path, key)
    with open(db_path, "r+b") as f:
        f.write(b"\x00" * 64)  # the salt and the start of page 1
    with pytest.raises(expected) as caught:
        Database.open(db_path, key, key_verified=key_verified)
    assert type(caught.value) is expected
    assert caught.value.exit_code == code
    assert not isinstance(caught.value, sqlcipher.Error)
    assert caught.value.message.endswith(".")


def test_overwritten_header_does_not_open_even_with_the_right_key(db_path: Path, key: bytes) -> None:
    make_filled_db(db_path, key)
    with open(db_path, "r+b") as f:
        f.seek(200)
        f.write(os.urandom(32))  # inside page 1's ciphertext: fails its HMAC
    with pytest.raises(DamagedError, match="damaged"):
        Database.open(db_path, key, key_verified=True)


@pytest.mark.parametrize("key_verified", [False, True])
def test_truncated_to_half_is_damage(db_path: Path, key: bytes, key_verified: bool) -> None:
    make_filled_db(db_path, key)
    size = db_path.stat().st_size
    assert size > 8 * PAGE
    os.truncate(db_path, size // 2)
    # The key still opens page 1, so this is damage, not a wrong key, either way.
    with pytest.raises(DamagedError) as caught:
        database = Database.open(db_path, key, key_verified=key_verified)
        try:
            database.query("SELECT count(*) FROM filler")
        finally:
            database.close()
    assert caught.value.message == "The vault database is damaged."


def test_truncated_to_zero_is_refused_not_silently_recreated(db_path: Path, key: bytes) -> None:
    """An empty vault.db (a failed copy, a crash in the filesystem) must not open as a brand-new,
    empty database: everything would look deleted and new data would be written over it."""
    make_filled_db(db_path, key)
    os.truncate(db_path, 0)
    with pytest.raises(DamagedError):
        database = Database.open(db_path, key, key_verified=True)
        database.close()


def test_damaged_page_makes_queries_raise_damaged_error(db_path: Path, key: bytes) -> None:
    make_filled_db(db_path, key)
    database = Database.open(db_path, key)
    root = int(database.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'filler'"))
    database.close()
    with open(db_path, "r+b") as f:
        f.seek((root - 1) * PAGE + 1000)
        f.write(b"\xff" * 8)
    database = Database.open(db_path, key, key_verified=True)
    try:
        with pytest.raises(DamagedError, match="damaged"):
            database.query("SELECT count(*) FROM filler")
    finally:
        database.close()


# The checks run alone, or shared with a second connection (vault.check passes one); a helper
# that cannot open leaves every job to the first connection.
HELPERS = ["alone", "shared", "helper-fails"]


def _helper(kind: str, path: Path, key: bytes, opened: list[Database]) -> Callable[[], Database] | None:
    def second() -> Database:
        if kind == "helper-fails":
            raise DamagedError("The second connection could not open.")
        opened.append(Database.open(path, key, key_verified=True))
        return opened[-1]

    return None if kind == "alone" else second


@pytest.mark.parametrize("helper", HELPERS)
def test_integrity_problems_is_empty_when_healthy(db_path: Path, key: bytes, helper: str) -> None:
    make_filled_db(db_path, key)
    database = Database.open(db_path, key, key_verified=True)
    opened: list[Database] = []
    try:
        assert database.integrity_problems(helper=_helper(helper, db_path, key, opened)) == []
    finally:
        database.close()
    assert len(opened) == (helper == "shared")


@pytest.mark.parametrize("helper", HELPERS)
def test_integrity_problems_reports_a_damaged_page(db_path: Path, key: bytes, helper: str) -> None:
    """The check must report page damage as a list, not raise: `casevault check` is how the user
    learns what is damaged."""
    make_filled_db(db_path, key)
    database = Database.open(db_path, key)
    root = int(database.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'filler'"))
    database.close()
    with open(db_path, "r+b") as f:
        f.seek((root - 1) * PAGE + 1000)
        f.write(b"\xff" * 8)
    database = Database.open(db_path, key, key_verified=True)
    try:
        problems = database.integrity_problems(helper=_helper(helper, db_path, key, []))
    finally:
        database.close()
    assert problems
    assert any(f"page {root}" in p for p in problems)


def _authentic_but_broken(path: Path, key: bytes) -> None:
    """A database whose every page authenticates, yet whose structure is wrong: SQLCipher wrote
    the pages, but a table's schema row points at its index's root page (so only SQLite's own
    check can tell)."""
    make_filled_db(path, key)
    conn = raw_connection(path, key)
    conn.execute("CREATE INDEX filler_by_body ON filler(body)")
    query = "SELECT rootpage FROM sqlite_master WHERE name = 'filler_by_body'"
    (index_root,) = conn.execute(query).fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'filler'", (index_root,))
    conn.close()


@pytest.mark.parametrize("helper", HELPERS)
@pytest.mark.parametrize("thorough", [False, True], ids=["quick", "thorough"])
def test_integrity_problems_find_a_broken_structure_that_authenticates(
    db_path: Path, key: bytes, thorough: bool, helper: str
) -> None:
    _authentic_but_broken(db_path, key)
    database = Database.open(db_path, key, key_verified=True)
    try:
        assert database.query("PRAGMA cipher_integrity_check") == []  # every page authenticates
        problems = database.integrity_problems(thorough=thorough, helper=_helper(helper, db_path, key, []))
    finally:
        database.close()
    assert problems and all(p != "ok" for p in problems)


@pytest.mark.parametrize("helper", HELPERS)
@pytest.mark.parametrize("thorough", [False, True], ids=["quick", "thorough"])
def test_integrity_problems_find_a_row_that_breaks_a_check_constraint(
    db_path: Path, key: bytes, thorough: bool, helper: str
) -> None:
    """The quick check leaves CHECK constraints out of quick_check and tests them in one query
    per table (store/sql_checks.py): a row written past them is still found, and neither
    connection is left ignoring them (a helper connection is closed in its own thread)."""
    make_filled_db(db_path, key)
    conn = raw_connection(db_path, key)
    conn.execute(
        "CREATE TABLE marks (kind TEXT NOT NULL CHECK (kind IN ('a', 'b', 'c')), "
        "n INTEGER CHECK (n > 0), CONSTRAINT pair CHECK (kind <> 'c' OR n IS NULL)) STRICT"
    )
    conn.executemany("INSERT INTO marks VALUES (?, ?)", [("a", 1), ("b", None), ("c", None)])
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("INSERT INTO marks VALUES ('c', 5)")  # breaks the table constraint only
    conn.close()
    database = Database.open(db_path, key, key_verified=True)
    try:
        problems = database.integrity_problems(thorough=thorough, helper=_helper(helper, db_path, key, []))
        assert database.scalar("PRAGMA ignore_check_constraints") == 0
        with pytest.raises(sqlcipher.IntegrityError, match="CHECK"):
            database.execute("INSERT INTO marks VALUES ('z', 1)")
    finally:
        database.close()
    assert problems == ["CHECK constraint failed in marks"]


@pytest.mark.parametrize("helper", HELPERS)
def test_integrity_problems_pass_rows_that_keep_their_check_constraints(
    db_path: Path, key: bytes, helper: str
) -> None:
    """NULL passes a CHECK, as in SQLite: only a false expression is a problem."""
    make_filled_db(db_path, key)
    conn = raw_connection(db_path, key)
    conn.execute("CREATE TABLE marks (kind TEXT CHECK (kind IN ('a', 'b')), n INTEGER CHECK (n > 0))")
    conn.executemany("INSERT INTO marks VALUES (?, ?)", [("a", 1), (None, None), ("b", None)])
    conn.close()
    database = Database.open(db_path, key, key_verified=True)
    try:
        assert database.integrity_problems(helper=_helper(helper, db_path, key, [])) == []
    finally:
        database.close()


# ---- translate_error -----------------------------------------------------------------------


def _named(cls: type[sqlcipher.Error], text: str, name: str) -> sqlcipher.Error:
    err = cls(text)
    err.sqlite_errorname = name
    return err


@pytest.mark.parametrize(
    ("err", "verified", "expected", "code"),
    [
        (_named(sqlcipher.DatabaseError, "file is not a database", "SQLITE_NOTADB"), False, UnlockError, 3),
        (_named(sqlcipher.DatabaseError, "file is not a database", "SQLITE_NOTADB"), True, DamagedError, 4),
        (sqlcipher.DatabaseError("file is not a database"), False, UnlockError, 3),
        (sqlcipher.DatabaseError("file is not a database"), True, DamagedError, 4),
        (
            _named(sqlcipher.DatabaseError, "database disk image is malformed", "SQLITE_CORRUPT"),
            False,
            DamagedError,
            4,
        ),
        (sqlcipher.DatabaseError("database disk image is malformed"), True, DamagedError, 4),
        (
            _named(sqlcipher.OperationalError, "database or disk is full", "SQLITE_FULL"),
            True,
            DiskFullError,
            1,
        ),
        (sqlcipher.OperationalError("database or disk is full"), True, DiskFullError, 1),
        (_named(sqlcipher.OperationalError, "database is locked", "SQLITE_BUSY"), True, VaultStateError, 1),
        (sqlcipher.OperationalError("database is locked"), True, VaultStateError, 1),
        (_named(sqlcipher.OperationalError, "unable to open", "SQLITE_CANTOPEN"), True, CasevaultError, 1),
        (_named(sqlcipher.OperationalError, "readonly", "SQLITE_READONLY"), True, CasevaultError, 1),
        (_named(sqlcipher.OperationalError, "perm", "SQLITE_PERM"), True, CasevaultError, 1),
        (_named(sqlcipher.OperationalError, "disk I/O error", "SQLITE_IOERR"), True, CasevaultError, 1),
    ],
)
def test_translate_error_maps_known_conditions(
    err: sqlcipher.Error, verified: bool, expected: type[CasevaultError], code: int
) -> None:
    out = translate_error(err, key_verified=verified)
    assert type(out) is expected
    assert isinstance(out, CasevaultError)
    assert out.exit_code == code
    assert out.message.endswith(".")
    assert str(err) not in out.message  # one clear sentence of our own, not SQLite's text


@pytest.mark.parametrize(
    "err",
    [
        sqlcipher.OperationalError('near "selec": syntax error'),
        _named(sqlcipher.IntegrityError, "UNIQUE constraint failed: t.x", "SQLITE_CONSTRAINT_UNIQUE"),
        sqlcipher.ProgrammingError("Incorrect number of bindings supplied."),
    ],
)
def test_translate_error_returns_unknown_errors_unchanged(err: sqlcipher.Error) -> None:
    assert translate_error(err, key_verified=True) is err


def test_real_syntax_error_raises_as_a_bug(db: Database) -> None:
    with pytest.raises(sqlcipher.OperationalError, match="syntax error"):
        db.query("SELEC 1")


def test_real_disk_full_is_a_disk_full_error(db: Database) -> None:
    db.execute("CREATE TABLE big (x BLOB)")
    pages = int(db.scalar("PRAGMA page_count"))
    db.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFullError, match="disk is full"):
        db.execute("INSERT INTO big VALUES (randomblob(100000))")
    assert db.scalar("SELECT count(*) FROM big") == 0


def test_real_busy_database_is_a_state_error(db: Database, db_path: Path, key: bytes) -> None:
    other = raw_connection(db_path, key, timeout=0)
    try:
        with db.transaction():
            settings.put(db, "k", "v")
            with pytest.raises(sqlcipher.OperationalError) as caught:
                other.execute("BEGIN IMMEDIATE")
        out = translate_error(caught.value, key_verified=True)
        assert type(out) is VaultStateError
        assert "in use by another casevault process" in out.message
    finally:
        other.close()


def test_real_read_only_and_cant_open_errors(db: Database, db_path: Path, key: bytes, tmp_path: Path) -> None:
    readonly = sqlcipher.connect(f"file:{db_path}?mode=ro", uri=True, isolation_level=None)
    try:
        readonly.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        with pytest.raises(sqlcipher.OperationalError) as caught:
            readonly.execute("INSERT INTO settings VALUES ('a', 'b')")
    finally:
        readonly.close()
    assert type(translate_error(caught.value, key_verified=True)) is CasevaultError

    with pytest.raises(sqlcipher.OperationalError) as cant:
        sqlcipher.connect(str(tmp_path / "no-such-folder" / "x.db"))
    out = translate_error(cant.value, key_verified=True)
    assert type(out) is CasevaultError
    assert out.message == "The vault database cannot be read or written."


# ---- migrations -------------------------------------------------------------------------------


def _tables(database: Database) -> set[str]:
    return {r[0] for r in database.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_fresh_database_ends_at_latest(db: Database) -> None:
    assert len(schema.MIGRATIONS) == schema.LATEST
    assert db.user_version() == schema.LATEST
    assert {
        "settings",
        "members",
        "cases",
        "case_keys",
        "events",
        "attachments",
        "pending_imports",
        "deletions",
        "search_docs",
        "search_index",
    } <= _tables(db)


def test_reopening_is_a_no_op(db_path: Path, key: bytes) -> None:
    database = Database.open(db_path, key, create=True)
    settings.put(database, "kept", "yes")
    before = database.query("SELECT type, name, sql FROM sqlite_master ORDER BY name")
    database.close()
    for _ in range(2):
        again = Database.open(db_path, key)
        try:
            assert again.user_version() == schema.LATEST
            assert again.query("SELECT type, name, sql FROM sqlite_master ORDER BY name") == before
            assert settings.get(again, "kept") == "yes"
        finally:
            again.close()


def test_newer_format_is_refused(db_path: Path, key: bytes) -> None:
    database = Database.open(db_path, key, create=True)
    database.set_user_version(schema.LATEST + 1)
    database.close()
    with pytest.raises(VaultStateError, match="newer casevault") as caught:
        Database.open(db_path, key)
    assert str(schema.LATEST + 1) in caught.value.message
    # Refusing did not change it.
    conn = raw_connection(db_path, key)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST + 1
    finally:
        conn.close()


BAD_MIGRATION = """
CREATE TABLE extra (x INTEGER) STRICT;
INSERT INTO settings(key, value) VALUES ('from-bad-migration', 'x');
INSERT INTO no_such_table VALUES (1);
"""


def test_failed_migration_rolls_back(db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    Database.open(db_path, key, create=True).close()
    old = (*schema.MIGRATIONS, BAD_MIGRATION)
    with pytest.raises(sqlcipher.OperationalError, match="no such table"):
        Database.open(db_path, key, migrations=old)
    database = Database.open(db_path, key)
    try:
        assert database.user_version() == schema.LATEST
        assert "extra" not in _tables(database)
        assert settings.get(database, "from-bad-migration") is None
    finally:
        database.close()


def test_failed_migration_on_a_new_database_keeps_the_earlier_ones(
    db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = (*schema.MIGRATIONS, BAD_MIGRATION)
    with pytest.raises(sqlcipher.OperationalError):
        Database.open(db_path, key, create=True, migrations=old)
    database = Database.open(db_path, key)
    try:
        assert database.user_version() == schema.LATEST
        assert "extra" not in _tables(database)
        assert "cases" in _tables(database)
    finally:
        database.close()


def test_a_good_extra_migration_runs_once(db_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    Database.open(db_path, key, create=True).close()
    extra = "CREATE TABLE extra (x INTEGER) STRICT;\nINSERT INTO extra VALUES (1);\n"
    old = (*schema.MIGRATIONS, extra)
    for _ in range(2):
        database = Database.open(db_path, key, migrations=old)
        try:
            assert database.user_version() == len(old) == schema.LATEST + 1
            assert database.scalar("SELECT count(*) FROM extra") == 1
        finally:
            database.close()


def test_execute_script_refuses_an_incomplete_statement(db: Database) -> None:
    with pytest.raises(ValueError, match="incomplete"):
        db.execute_script("CREATE TABLE a (x);\nCREATE TABLE b (x)")
    assert "a" in _tables(db)  # statements run one by one, in the caller's transaction


# ---- transactions -------------------------------------------------------------------------------


@pytest.fixture
def tdb(db: Database) -> Database:
    db.execute("CREATE TABLE t (x INTEGER)")
    return db


def _values(database: Database) -> list[int]:
    return [r[0] for r in database.query("SELECT x FROM t ORDER BY x")]


def test_transaction_commits_on_success(tdb: Database, db_path: Path, key: bytes) -> None:
    with tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (1)")
        tdb.execute("INSERT INTO t VALUES (2)")
    # Another connection sees the committed rows.
    other = raw_connection(db_path, key)
    try:
        assert [r[0] for r in other.execute("SELECT x FROM t ORDER BY x")] == [1, 2]
    finally:
        other.close()


def test_transaction_is_not_visible_to_others_before_commit(tdb: Database, db_path: Path, key: bytes) -> None:
    other = raw_connection(db_path, key)
    try:
        with tdb.transaction():
            tdb.execute("INSERT INTO t VALUES (1)")
            assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 0
        assert other.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    finally:
        other.close()


def test_transaction_rolls_back_on_exception(tdb: Database) -> None:
    class BoomError(Exception):
        pass

    with pytest.raises(BoomError), tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (1)")
        raise BoomError
    assert _values(tdb) == []
    # The connection is usable again, with a fresh transaction.
    with tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (5)")
    assert _values(tdb) == [5]


def test_transaction_rolls_back_on_keyboard_interrupt(tdb: Database) -> None:
    with pytest.raises(KeyboardInterrupt), tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (1)")
        raise KeyboardInterrupt
    assert _values(tdb) == []


def test_nested_transactions_commit_together(tdb: Database) -> None:
    with tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (1)")
        with tdb.transaction():
            tdb.execute("INSERT INTO t VALUES (2)")
        assert _values(tdb) == [1, 2]
    assert _values(tdb) == [1, 2]


def test_inner_exception_rolls_back_the_outer_transaction(tdb: Database) -> None:
    with pytest.raises(RuntimeError), tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (1)")
        with tdb.transaction():
            tdb.execute("INSERT INTO t VALUES (2)")
            raise RuntimeError("inner")
    assert _values(tdb) == []
    with tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (3)")
    assert _values(tdb) == [3]


def test_failed_inner_transaction_is_rolled_back_to_its_savepoint(tdb: Database) -> None:
    """Nested use is a savepoint: an inner failure that the outer block swallows undoes the inner
    block's writes only, and the outer block still commits its own."""
    with tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(RuntimeError), tdb.transaction():
            tdb.execute("INSERT INTO t VALUES (2)")
            raise RuntimeError("inner")
        tdb.execute("INSERT INTO t VALUES (3)")
    assert _values(tdb) == [1, 3]


def test_failed_statement_inside_transaction_rolls_back_everything(tdb: Database) -> None:
    with pytest.raises(sqlcipher.OperationalError), tdb.transaction():
        tdb.execute("INSERT INTO t VALUES (1)")
        tdb.execute("INSERT INTO no_such_table VALUES (1)")
    assert _values(tdb) == []


def test_insert_rows_splits_what_one_statement_cannot_bind(db_path: Path, key: bytes) -> None:
    database = Database.open(db_path, key, create=True, key_verified=True)
    try:
        database.execute("CREATE TABLE t (a INTEGER, b TEXT, c TEXT)")
        rows = [(n, f"b{n}", f"c{n}") for n in range(12_000)]  # 36,000 values: two statements
        with database.transaction():
            database.insert_rows("INSERT INTO t(a, b, c)", rows)
            database.insert_rows("INSERT INTO t(a, b, c)", [])  # nothing to do, no error
        assert [tuple(r) for r in database.query("SELECT a, b, c FROM t ORDER BY a")] == rows
    finally:
        database.close()
