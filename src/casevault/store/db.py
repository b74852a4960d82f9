"""The SQLCipher connection: keying, pragmas, transactions and the one error translator."""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from sqlcipher3 import dbapi2 as sqlcipher

from casevault.casework import conflicts
from casevault.core.errors import (
    CasevaultError,
    DamagedError,
    DiskFullError,
    UnlockError,
    VaultStateError,
)
from casevault.crypto.keys import check_key
from casevault.store import schema, sql_checks

log = logging.getLogger(__name__)

Row = tuple[Any, ...]
Params = Sequence[Any] | dict[str, Any]

# Order matters: logging and memory security must be set before the key is applied.
_PRE_KEY_PRAGMAS = ("cipher_log_level = NONE", "cipher_memory_security = ON")
_PRAGMAS = (
    "foreign_keys = ON",
    "secure_delete = ON",
    # WAL keeps readers and the writer apart; deleted pages live on in -wal until a
    # TRUNCATE checkpoint, which close() and every purge run.
    "journal_mode = WAL",
    "synchronous = FULL",
    # Sorting and temp tables stay in memory: SQLite's temp files would hold plaintext.
    "temp_store = MEMORY",
    # 32 MiB of page cache (default 2 MiB): broad searches join many rows; measured 2.5x faster.
    "cache_size = -32768",
)


# Opened read-only (a full disk): no journal or sync settings, and nothing may change.
_READ_ONLY_PRAGMAS = (
    "foreign_keys = ON",
    "temp_store = MEMORY",
    "cache_size = -32768",
    "query_only = ON",
)

DISK_NEARLY_FULL_BYTES = 1 << 20
# SQLite's default limit on the ? values of one statement.
MAX_BOUND_VALUES = 32766
T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of at most `size`, for statements that bind one value or row each."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _json_list(values: frozenset[str]) -> str:
    return json.dumps(sorted(values), ensure_ascii=False)


def _register_functions(conn: sqlcipher.Connection) -> None:
    """The conflict check's name normalisation, for the SQL that builds its index (schema V10):
    a name's tokens and a token's deletion keys, as JSON arrays for json_each."""
    conn.create_function(
        "casevault_name_tokens",
        1,
        lambda name: _json_list(conflicts.index_tokens(str(name))),
        deterministic=True,
    )
    conn.create_function(
        "casevault_deletion_keys",
        1,
        lambda token: _json_list(conflicts.deletion_keys(str(token))),
        deterministic=True,
    )


def _wal_is_empty(path: Path) -> bool:
    """No committed page waits in `<db>-wal` (so the main file alone is the whole database)."""
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def disk_nearly_full(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < DISK_NEARLY_FULL_BYTES


BUSY_TIMEOUT = 10.0  # seconds a write waits behind another process's transaction
DISK_FULL_OPEN = "The disk is full, so the vault cannot be opened or changed; free some space and try again."
DISK_FULL_WRITE = (
    "The disk is full, so the vault is open for reading only and the change was not saved; "
    "free some space and try again."
)


def in_use_sentence(timeout: float) -> str:
    return (
        f"The vault is in use by another casevault process (waited {timeout:g} seconds for it); "
        "try again when it has finished."
    )


def translate_error(
    err: sqlcipher.Error,
    *,
    key_verified: bool,
    folder: Path | None = None,
    read_only: bool = False,
    busy_timeout: float = BUSY_TIMEOUT,
) -> Exception:
    """Map an SQLite error to the error the user should see; anything unknown is a bug and is
    returned unchanged so that it raises with its traceback. `folder` is where the database
    lives: on a full disk SQLite often reports a generic I/O or open error (creating -shm fails),
    so those are checked against the free space there. `read_only`: the database was opened
    read-only because the disk is full, so any refused write is the full disk's doing."""
    name = getattr(err, "sqlite_errorname", "") or ""
    text = str(err)
    if read_only and (name.startswith("SQLITE_READONLY") or "readonly database" in text):
        return DiskFullError(DISK_FULL_WRITE)
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_FULL")) and disk_nearly_full(folder):
        return DiskFullError(DISK_FULL_OPEN)
    if name == "SQLITE_NOTADB" or "file is not a database" in text:
        if key_verified:
            return DamagedError("The vault database is damaged: it fails authentication.")
        return UnlockError("The key does not open this vault database.")
    if name == "SQLITE_CORRUPT" or "malformed" in text:
        return DamagedError("The vault database is damaged.")
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return DiskFullError("The disk is full, so the change was not saved.")
    if name == "SQLITE_BUSY" or "database is locked" in text:
        return VaultStateError(in_use_sentence(busy_timeout))
    if name in ("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_IOERR"):
        return CasevaultError("The vault database cannot be read or written.")
    result: Exception = err
    return result


class Database:
    """One thread-bound connection to the encrypted database."""

    def __init__(
        self,
        conn: sqlcipher.Connection,
        *,
        key_verified: bool,
        folder: Path | None = None,
        read_only: bool = False,
        busy_timeout: float = BUSY_TIMEOUT,
    ) -> None:
        self._conn = conn
        self._key_verified = key_verified
        self._folder = folder
        self._depth = 0
        self.read_only = read_only
        self.busy_timeout = busy_timeout

    @classmethod
    def open(
        cls,
        path: Path,
        key: bytes,
        *,
        create: bool = False,
        key_verified: bool = False,
        busy_timeout: float = BUSY_TIMEOUT,
        migrations: Sequence[str] = schema.MIGRATIONS,
    ) -> Database:
        """Open (or create) the database with a raw 32-byte key. `key_verified` says the key came
        from an authenticated key slot, so a failure to read is damage rather than a wrong key.
        `busy_timeout`: how long a statement waits for another process's write transaction.
        `migrations`: the schema's SQL, one script per version (schema.MIGRATIONS; a test of an
        upgrade passes the first few to make an old vault).

        On a disk too full for SQLite to make its -shm (WAL index) file, the database is opened
        read-only instead, when that is safe (see `_open_read_only`): the rep can still read,
        and every write is refused with the disk-full sentence."""
        check_key(key)
        if create:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            os.close(fd)
        elif not path.is_file():
            raise VaultStateError("The vault database is missing.")
        elif path.stat().st_size == 0:
            # SQLite would happily treat an empty file as a new database and write over the loss.
            raise DamagedError("The vault database is empty: it has been damaged or truncated.")
        try:
            return cls._connect(
                path,
                key,
                create=create,
                key_verified=key_verified,
                busy_timeout=busy_timeout,
                migrations=migrations,
            )
        except DiskFullError:
            if create or not _wal_is_empty(path):
                raise
            log.info("db.read-only-disk-full")
            return cls._connect(
                path,
                key,
                create=False,
                key_verified=key_verified,
                busy_timeout=busy_timeout,
                migrations=migrations,
                read_only=True,
            )

    @classmethod
    def _connect(
        cls,
        path: Path,
        key: bytes,
        *,
        create: bool,
        key_verified: bool,
        busy_timeout: float,
        migrations: Sequence[str],
        read_only: bool = False,
    ) -> Database:
        # Read-only is SQLite's `immutable`: no -shm, no locks, no writes. That is only safe when
        # every committed page is in the main file (the -wal is empty, checked by the caller) and
        # nobody else can be writing, which a disk too full to create -shm makes so.
        target = f"{path.resolve().as_uri()}?immutable=1" if read_only else str(path)
        try:
            conn = sqlcipher.connect(
                target,
                isolation_level=None,
                check_same_thread=True,
                timeout=busy_timeout,
                uri=read_only,
            )
        except sqlcipher.Error as err:
            raise translate_error(err, key_verified=key_verified, folder=path.parent) from None
        db = cls(
            conn,
            key_verified=key_verified,
            folder=path.parent,
            read_only=read_only,
            busy_timeout=busy_timeout,
        )
        try:
            for pragma in _PRE_KEY_PRAGMAS:
                conn.execute(f"PRAGMA {pragma}")
            # The key is hex digits we produced from bytes, never user text.
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            for pragma in _READ_ONLY_PRAGMAS if read_only else _PRAGMAS:
                conn.execute(f"PRAGMA {pragma}")
            _register_functions(conn)
            db.migrate(migrations, creating=create)
        except sqlcipher.Error as err:
            conn.close()
            translated = db._translate(err)
            if read_only and isinstance(translated, DiskFullError):
                translated = DiskFullError(DISK_FULL_OPEN)  # e.g. a migration that cannot be written
            raise translated from None
        except BaseException:
            conn.close()
            raise
        return db

    def _translate(self, err: sqlcipher.Error) -> Exception:
        return translate_error(
            err,
            key_verified=self._key_verified,
            folder=self._folder,
            read_only=self.read_only,
            busy_timeout=self.busy_timeout,
        )

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; returns the number of rows changed."""
        try:
            return int(self._conn.execute(sql, params).rowcount)
        except sqlcipher.Error as err:
            raise self._translate(err) from None

    def insert_rows(self, head: str, rows: Sequence[Sequence[Any]]) -> None:
        """`head` VALUES (?, ...), (?, ...), ... with one group of placeholders per row, in as
        few statements as the bound-value limit allows: several times faster than a statement
        per row (with cipher_memory_security on, every SQLite allocation costs an mlock)."""
        if not rows:
            return
        width = len(rows[0])
        group = "(" + ", ".join("?" * width) + ")"
        for batch in batches(rows, MAX_BOUND_VALUES // width):
            self.execute(
                f"{head} VALUES {', '.join([group] * len(batch))}", [v for row in batch for v in row]
            )

    def execute_script(self, sql: str) -> None:
        """Run several statements one by one, inside the caller's transaction (the driver's own
        executescript would commit first)."""
        statement = ""
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlcipher.complete_statement(statement):
                self.execute(statement)
                statement = ""
        if statement.strip():
            raise ValueError("incomplete SQL statement at the end of a script")

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        try:
            return [tuple(r) for r in self._conn.execute(sql, params).fetchall()]
        except sqlcipher.Error as err:
            raise self._translate(err) from None

    def first_rows(self, sql: str, params: Params, keep: Callable[[Row], bool]) -> list[Row]:
        """Rows in the statement's order until `keep` says stop (returns False), then the
        statement is reset: for a scan whose stopping point SQL cannot say (the first 200
        distinct cases of a word's matches), without fetching the rest."""
        found: list[Row] = []
        cursor = self._conn.cursor()
        try:
            for row in cursor.execute(sql, params):
                if not keep(tuple(row)):
                    break
                found.append(tuple(row))
        except sqlcipher.Error as err:
            raise self._translate(err) from None
        finally:
            cursor.close()
        return found

    def query_one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.query_one(sql, params)
        return row[0] if row else None

    def migrate(self, migrations: Sequence[str], *, creating: bool) -> None:
        """Bring the schema up to `len(migrations)`, keyed on PRAGMA user_version, one transaction
        per version. A database newer than the last migration was written by a newer casevault
        and is refused rather than guessed at."""
        current = self.user_version()
        latest = len(migrations)
        if current == 0 and not creating:
            raise DamagedError("The vault database has no schema: it has been damaged or replaced.")
        if current > latest:
            raise VaultStateError(
                f"This vault was written by a newer casevault (format {current}); "
                f"update casevault to open it (this one reads up to format {latest})."
            )
        for version in range(current + 1, latest + 1):
            with self.transaction():
                self.execute_script(migrations[version - 1])
                self.set_user_version(version)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception. A nested block is a
        SAVEPOINT: if it fails, its own writes are undone even when an outer block carries on."""
        if self._depth:
            savepoint = f"nested_{self._depth}"
            self.execute(f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield self
            except BaseException:
                with contextlib.suppress(sqlcipher.Error):
                    self._conn.execute(f"ROLLBACK TO {savepoint}")
                    self._conn.execute(f"RELEASE {savepoint}")
                raise
            finally:
                self._depth -= 1
            self.execute(f"RELEASE {savepoint}")
            return
        self.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            with contextlib.suppress(sqlcipher.Error):
                self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.execute("COMMIT")

    def checkpoint_truncate(self) -> bool:
        """Move everything out of -wal and truncate it, so deleted pages do not linger there.
        False when another process kept it from finishing within the busy timeout (SQLite
        reports that in the result row, not as an error); the next checkpoint, at the latest
        when the last connection closes, finishes it."""
        if self.read_only:
            return True
        row = self.query_one("PRAGMA wal_checkpoint(TRUNCATE)")
        done = row is None or int(row[0]) == 0
        if not done:
            log.info("db.checkpoint-busy")
        return done

    def integrity_problems(
        self, *, thorough: bool = False, helper: Callable[[], Database] | None = None
    ) -> list[str]:
        """SQLCipher's page authentication, then SQLite's structural check table by table.

        Authentication proves every page of the file is exactly as SQLCipher wrote it (an HMAC
        over its bytes and its page number), so damage and tampering stop there. `quick_check`
        then proves each table's b-tree and records well formed (page links, cell bounds, types
        of STRICT columns, NOT NULL), and one query per table its CHECK constraints. Left to
        `thorough` (`integrity_check`): every index entry against its row, and the FTS5 index
        against its text. With authenticated pages only a
        SQLite bug could break those, and they were most of the time (at 10k cases: quick_check
        of the tables 1.8 s, the FTS5 index 1.7 s, index entries 1.1 s more).

        `helper` opens a second connection to this database: the work is then shared between
        the two, each reading in SQLite's C code with the GIL released, so the check takes the
        time of the larger share (issue 15: 3.1 s of work at 10k cases). A problem of
        authentication is reported alone, as before: SQLite's own check stops at the first page
        that fails it."""
        jobs: list[Job] = [Job("PRAGMA cipher_integrity_check")]
        if thorough:
            jobs.append(Job("PRAGMA integrity_check"))
        else:
            tables = self.query(
                "SELECT t.name, t.sql FROM sqlite_schema t "
                "WHERE t.type = 'table' AND t.sql NOT LIKE 'CREATE VIRTUAL%' "
                # The paper trail first: by far the biggest table, so the other connection
                # checks the page HMACs and the rest meanwhile.
                "ORDER BY t.name = 'events' DESC, t.name"
            )
            for name, sql in tables:
                # The structure with CHECK constraints left out, then those in one query
                # (store/sql_checks.py says why): together what quick_check proves.
                jobs.append(Job("SELECT * FROM pragma_quick_check(?)", (str(name),), skip_checks=True))
                if expressions := sql_checks.check_expressions(str(sql)):
                    jobs.append(Job(sql_checks.violations_query(str(name), expressions), (str(name),)))
        results = _share(self, helper, jobs)
        authentication, structure = results[0], [row for rows in results[1:] for row in rows]
        if authentication:
            return authentication
        return [p for p in structure if p != "ok"]

    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def set_user_version(self, version: int) -> None:
        self.execute(f"PRAGMA user_version = {int(version)}")

    def close(self) -> None:
        with contextlib.suppress(sqlcipher.Error):
            self.checkpoint_truncate()
        self._conn.close()


@dataclass(frozen=True)
class Job:
    """One statement of the integrity check; `skip_checks` runs it with CHECK constraints
    ignored (the connection is put back as it was, whatever happens)."""

    sql: str
    params: tuple[str, ...] = ()
    skip_checks: bool = False


def _run_job(db: Database, job: Job) -> list[str]:
    try:
        if not job.skip_checks:
            return [str(r[0]) for r in db.query(job.sql, job.params)]
        db.execute("PRAGMA ignore_check_constraints = ON")
        try:
            return [str(r[0]) for r in db.query(job.sql, job.params)]
        finally:
            db.execute("PRAGMA ignore_check_constraints = OFF")
    except DamagedError as err:
        return [err.message]


def _share(db: Database, helper: Callable[[], Database] | None, jobs: list[Job]) -> list[list[str]]:
    """Each job's rows, in job order: run here, or shared with a helper connection in a thread
    (each takes the next job when it is free). A connection belongs to the thread that made it,
    so the helper is opened, used and closed in its thread."""
    results: list[list[str] | None] = [None] * len(jobs)
    if helper is None:
        return [_run_job(db, job) for job in jobs]
    queue = iter(list(enumerate(jobs)))
    lock = threading.Lock()

    def take() -> tuple[int, Job] | None:
        with lock:
            return next(queue, None)

    def work(conn: Database) -> None:
        while (job := take()) is not None:
            index, taken = job
            results[index] = _run_job(conn, taken)

    def helper_work() -> None:
        try:
            second = helper()
        except CasevaultError as err:  # then this thread does every job
            log.info("db.check-helper-unavailable %s", type(err).__name__)
            return
        try:
            work(second)
        finally:
            second.close()

    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="integrity") as pool:
        helping = pool.submit(helper_work)
        work(db)
        helping.result()
    return [rows if rows is not None else [] for rows in results]
