"""A second writer waits (issue 13, item 7): while another process holds a write transaction, a
write here waits up to the busy timeout (10 s by default, injectable) and then goes through; only
a transaction held longer than that gives "in use by another casevault process".

The other writer is a real process with its own SQLCipher connection to the same file.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from casevault.core.errors import VaultStateError
from casevault.core.paths import VaultPaths
from casevault.store import db as db_module
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen
from tests.support import vault_keys

HOLDER = """
import sys, time
from sqlcipher3 import dbapi2 as sqlcipher
path, seconds = sys.argv[1], float(sys.argv[2])
key = sys.stdin.readline().strip()
conn = sqlcipher.connect(path, isolation_level=None)
conn.execute("PRAGMA key = \\"x'" + key + "'\\"")
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO settings(key, value) VALUES ('holder', 'x')")
print("held", flush=True)
time.sleep(seconds)
conn.execute("COMMIT")
conn.close()
"""


@contextmanager
def other_writer(vault: Vault, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holding a write transaction on the vault's database for `seconds`."""
    # The test plays the other casevault process, which opens the same vault with the passphrase.
    key = vault_keys.db_key(vault.paths)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(vault.paths.db_file), str(seconds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(key.hex() + "\n")
    proc.stdin.close()
    try:
        assert proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()


def test_a_write_waits_for_another_process_and_then_succeeds(vault: Vault) -> None:
    ref = vault.new_case("Waiting Member")
    with other_writer(vault, 2.0):
        started = time.monotonic()
        vault.add_note(ref, "Written after the other process finished.")
        waited = time.monotonic() - started
    assert waited > 1.0, "the write did not wait for the other transaction"
    assert [e.body for e in vault.case(ref).events] == ["Written after the other process finished."]


def test_only_a_transaction_held_past_the_timeout_says_in_use(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    ref = vault.new_case("Waiting Member")
    vault.close()
    with reopen(vault_paths, clock=clock, busy_timeout=0.5) as impatient, other_writer(impatient, 3.0):
        started = time.monotonic()
        with pytest.raises(VaultStateError, match="in use by another casevault process") as raised:
            impatient.add_note(ref, "This one gives up.")
        waited = time.monotonic() - started
        assert 0.4 < waited < 2.5, waited
        assert "waited 0.5 seconds" in raised.value.message
    with reopen(vault_paths, clock=clock) as again:
        assert again.case(ref).events == ()


@pytest.mark.slow
def test_the_default_wait_outlasts_a_six_second_transaction(vault: Vault) -> None:
    """SQLite's driver waits 5 s by default; a purge or a big receive can hold longer."""
    ref = vault.new_case("Waiting Member")
    with other_writer(vault, 6.0):
        vault.add_note(ref, "Still written.")
    assert len(vault.case(ref).events) == 1


def test_busy_timeout_reaches_the_connection(tmp_path: Path) -> None:
    db = db_module.Database.open(tmp_path / "x.db", bytes(32), create=True, busy_timeout=2.5)
    try:
        assert db.scalar("PRAGMA busy_timeout") == 2500
    finally:
        db.close()
