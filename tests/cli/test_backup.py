"""kill -9 during `casevault backup`, after it has copied (or snapshotted) the database, then
`case purge`: no copy of the purged case may survive anywhere under the vault folder (issue 13,
item 2).

The backup is a real subprocess, frozen (SIGSTOP) as soon as its part file beside the target
holds a header, so the database is copied or its snapshot complete, then killed with SIGKILL.
The scan after the purge is independent of the product's purge: every file under the vault
folder is searched raw, and every file that decrypts as SQLCipher under the vault's database
key (tests/support/sqlcipher_pages.py, which verifies each page's HMAC) is searched page by
page, WAL frames included.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from casevault.crypto import keys, keyslots
from casevault.crypto.keyslots import KeyHeader
from tests.conftest import PASSPHRASE
from tests.support import sqlcipher_pages as sp
from tests.support.cli import Cli, files_under, write_random

pytestmark = pytest.mark.slow
if not sys.platform.startswith("linux"):
    pytest.skip("documented: the kill moment is found with SIGSTOP (Linux)", allow_module_level=True)

PURGED_NAME = "Quentavia Snodgrass-Velloway"
PURGED_EMAIL = "quentavia.brindlecombe@home.example"
PURGED_NOTE = "Quentavia reports the Gallimaufry depot manager docked her pay twice."
PURGED_FILE = "Zumbrotasick-note.pdf"
CANARIES = ["Quentavia", "Snodgrass", "Velloway", "brindlecombe", "Gallimaufry", "Zumbrotasick"]
BIG = 96 * 1024 * 1024  # the kept case's document: the backup takes long enough to catch
TIMEOUT = 120.0


def needles() -> list[bytes]:
    out: list[bytes] = []
    for word in CANARIES:
        for form in (word, word.lower()):
            out += [n for n in sp.spellings(form) if n not in out]
    return out


def db_key(vault: Path) -> bytes:
    header = KeyHeader.from_bytes((vault / "vault.keys").read_bytes())
    slot = header.slot(keyslots.PASSPHRASE)
    assert slot is not None
    vmk = keyslots.open_passphrase_slot(slot, header.vault_id, PASSPHRASE)
    return keys.derive_key(vmk, keys.PURPOSE_DB)


def scan(vault: Path, key: bytes) -> tuple[list[str], list[str]]:
    """(finds of the purged words, the files that decrypted as databases)."""
    finds: list[str] = []
    databases: list[str] = []
    words = needles()
    for path in files_under(vault):
        raw = path.read_bytes()
        finds += [f"{path} (raw): {n!r}" for n in words if n in raw]
        if path.name.endswith("-wal"):
            main = path.with_name(path.name.removesuffix("-wal"))
            frames = sp.decrypt_wal_frames(path, key, sp.file_salt(main)) if raw else []
            finds += [
                f"{path} frame {i}: {n!r}" for i, (_, pg) in enumerate(frames) for n in words if n in pg
            ]
            continue
        if not raw or len(raw) % sp.PAGE_SIZE:
            continue
        try:
            pages = sp.decrypt_db_pages(path, key)
        except sp.PageAuthError:
            continue  # not a database under this key (a blob, say)
        databases.append(str(path.relative_to(vault)))
        finds += [f"{path} page {i + 1}: {n!r}" for i, pg in enumerate(pages) for n in words if n in pg]
    return finds, databases


def make_vault(cli: Cli, work: Path) -> tuple[str, str]:
    cli.ok("init", "--no-keyring")
    kept = cli.ok("case", "new", "--member", "Keeper Ashdown").stdout.strip()
    cli.ok("attach", kept, str(write_random(work / "big-scan.tiff", BIG)))
    purged = cli.ok("case", "new", "--member", PURGED_NAME, "--email", PURGED_EMAIL).stdout.strip()
    cli.ok("note", "add", purged, "--text", PURGED_NOTE)
    doc = work / PURGED_FILE
    doc.write_bytes(b"%PDF-1.4 " + os.urandom(2000))
    cli.ok("attach", purged, str(doc))
    doc.unlink()
    cli.ok("case", "close", purged)
    return kept, purged


@contextlib.contextmanager
def commit_held_in_the_wal(vault: Path, key: bytes) -> Iterator[None]:
    """Another process's view of the vault that keeps a commit in -wal: a reader that began before
    the commit stops any checkpoint from moving it into the file. A backup must then snapshot the
    database through SQLite rather than copy the file (which lacks the commit)."""
    connections = []
    for _ in range(2):
        conn = sqlcipher.connect(str(vault / "vault.db"), isolation_level=None, timeout=0.1)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connections.append(conn)
    reader, writer = connections
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        writer.execute("INSERT INTO settings(key, value) VALUES ('test.held-in-wal', 'x')")
        yield
    finally:
        reader.execute("COMMIT")
        for conn in connections:
            conn.close()


def kill_backup_after_snapshot(cli: Cli, target: Path) -> list[Path]:
    """Run `backup --out target`, SIGKILL it once its part file holds a header (the database is
    then copied or snapshotted); returns the snapshot folders it left in the vault folder."""
    proc = subprocess.Popen(
        cli.argv(["backup", "--out", str(target)]),
        env=cli.environ(),
        cwd=cli.cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            parts = list(target.parent.glob(f".{target.name}.*.part"))
            if parts and parts[0].stat().st_size >= 36:
                os.kill(proc.pid, signal.SIGSTOP)
                break
            assert proc.poll() is None, "the backup finished before it could be killed"
            time.sleep(0.0005)
        else:
            raise AssertionError("the backup never started writing")
        snapshots = sorted(cli.vault.glob(".backup-snapshot-*"))
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert snapshots, "the killed backup made no snapshot folder"
    return snapshots


@pytest.mark.parametrize("copied", ["live file", "snapshot"])
def test_a_killed_backup_leaves_no_copy_that_outlives_a_purge(
    tmp_path: Path, cli_env: dict[str, str], copied: str
) -> None:
    """Usually the backup copies the live file and its snapshot folder stays empty; with a commit
    held in -wal by another process it snapshots, and that copy must not outlive the purge."""
    work = tmp_path / "work"
    work.mkdir()
    cli = Cli(tmp_path / "vault", cli_env, work)
    _kept, purged = make_vault(cli, work)
    usb = tmp_path / "usb"
    usb.mkdir()
    key = db_key(cli.vault)
    if copied == "snapshot":
        with commit_held_in_the_wal(cli.vault, key):
            (snapshot,) = kill_backup_after_snapshot(cli, usb / "vault.cvbackup")
        # The scan finds what is there: the snapshot holds the purged case before the purge.
        before, _ = scan(cli.vault, key)
        assert any(str(snapshot) in f for f in before), before
    else:
        (snapshot,) = kill_backup_after_snapshot(cli, usb / "vault.cvbackup")
        assert list(snapshot.iterdir()) == []  # the live file was copied: no second copy

    cli.ok("case", "purge", purged, "--yes")
    check = cli.run("check")
    assert check.returncode == 0, str(check)

    finds, databases = scan(cli.vault, key)
    assert "vault.db" in databases  # the scan really decrypted the live database
    assert finds == [], "the purged case survives:\n" + "\n".join(finds[:20])
    assert not list(cli.vault.glob(".backup-snapshot-*"))


def test_open_and_check_remove_a_killed_backups_snapshot_and_its_part_file(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    """check says it removed the snapshot (exit 0: nothing was damaged); the next backup into the
    same folder removes the part file the killed one left there, and only that."""
    work = tmp_path / "work"
    work.mkdir()
    cli = Cli(tmp_path / "vault", cli_env, work)
    make_vault(cli, work)
    gui_lock = cli.vault / ".casevault-gui.lock"  # another component's file: never touched
    gui_lock.write_bytes(b"")
    usb = tmp_path / "usb"
    usb.mkdir()
    decoy = usb / ".holiday.mp4.0badc0de.part"  # someone else's part file: never touched
    decoy.write_bytes(os.urandom(100))
    kill_backup_after_snapshot(cli, usb / "first.cvbackup")
    (stale,) = usb.glob(".first.cvbackup.*.part")

    check = cli.run("check")
    assert check.returncode == 0, str(check)
    assert "repaired: removed a leftover backup snapshot" in check.stdout, str(check)
    assert not list(cli.vault.glob(".backup-snapshot-*"))
    again = cli.run("check")
    assert again.returncode == 0 and "repaired" not in again.stdout, str(again)

    assert stale.exists()  # outside the vault: only a backup into that folder looks there
    cli.ok("backup", "--out", str(usb / "second.cvbackup"))
    assert sorted(p.name for p in usb.iterdir()) == [decoy.name, "second.cvbackup"]
    assert gui_lock.exists()
