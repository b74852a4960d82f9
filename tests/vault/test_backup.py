"""Backup, restore and verify on a real SQLCipher vault with real files (issue 6)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from casevault.core.errors import CasevaultError, DamagedError, UnlockError, UsageError
from casevault.core.paths import VaultPaths
from casevault.crypto import keys
from casevault.formats import backup_file as fmt
from casevault.store import backup as backup_rows
from casevault.store.db import Database
from casevault.vault.backup import restore_backup
from casevault.vault.facade import Vault, verify_backup
from tests.conftest import PASSPHRASE, FakeClock, reopen

NEEDLE = "Zanzibar-needle-8841"


def _fill(vault: Vault, tmp_path: Path) -> dict[str, bytes]:
    """Two cases with attachments and a library document; returns every plaintext by id."""
    plain: dict[str, bytes] = {}
    for n in range(2):
        ref = vault.new_case(f"Member {NEEDLE} {n}")
        vault.add_note(ref, f"note with {NEEDLE} number {n}")
        for size in (0, 70_000, 1_500_000):
            data = os.urandom(size) + NEEDLE.encode()
            src = tmp_path / f"doc-{n}-{size}.bin"
            src.write_bytes(data)
            plain[vault.attach(ref, src)] = data
            src.unlink()
    lib = tmp_path / "policy.txt"
    lib.write_bytes(b"policy " + NEEDLE.encode() * 100)
    plain["library:" + vault.add_library_document(lib, title="Policy")] = lib.read_bytes()
    lib.unlink()
    return plain


@pytest.fixture
def made(vault: Vault, tmp_path: Path) -> tuple[Vault, Path, dict[str, bytes]]:
    plain = _fill(vault, tmp_path)
    out = tmp_path / "usb" / "vault.cvbackup"
    out.parent.mkdir()
    seen: list[tuple[int, int]] = []
    report = vault.backup(out, progress=lambda d, t: seen.append((d, t)))
    assert report.path == out and report.attachments == 6 and report.library_documents == 1
    assert seen and seen[-1][0] == seen[-1][1]
    return vault, out, plain


def _assert_restored(into: Path, plain: dict[str, bytes]) -> None:
    with reopen(VaultPaths(into)) as copy:
        assert copy.check() == []
        for file_id, data in plain.items():
            if file_id.startswith("library:"):
                got = copy.open_library_document(file_id.removeprefix("library:")).read_all()
            else:
                got = copy.read_attachment(file_id)
            assert got == data


def test_backup_restore_round_trip(made: tuple[Vault, Path, dict[str, bytes]], tmp_path: Path) -> None:
    vault, out, plain = made
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not list(out.parent.glob(".*"))  # no temp file left beside it
    assert not list(vault.paths.root.glob(".backup-*"))  # the snapshot folder is gone
    into = tmp_path / "restored"
    assert restore_backup(out, into, passphrase=PASSPHRASE) == 2 + len(plain)
    assert stat.S_IMODE(into.stat().st_mode) == 0o700
    for path in into.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600)
    _assert_restored(into, plain)
    # Without a passphrase the checksum still guards it.
    into2 = tmp_path / "restored2"
    into2.mkdir()
    restore_backup(out, into2)
    _assert_restored(into2, plain)


def test_cli_check_passes_on_restored_vault(
    made: tuple[Vault, Path, dict[str, bytes]], tmp_path: Path, cli_env: dict[str, str]
) -> None:
    _, out, _ = made
    into = tmp_path / "cli-restored"
    run = [sys.executable, "-m", "casevault"]
    done = subprocess.run(
        [*run, "restore", str(out), "--into", str(into)], env=cli_env, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [*run, "--vault", str(into), "check"], env=cli_env, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run([*run, "backup", "verify", str(out)], env=cli_env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    second = tmp_path / "second.cvbackup"
    done = subprocess.run(
        [*run, "--vault", str(into), "backup", "--out", str(second)],
        env=cli_env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert second.is_file()
    done = subprocess.run(
        [*run, "--vault", str(into), "backup", "--out", str(second)],
        env=cli_env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1 and b"never overwrites" in done.stderr


def test_verify_good_backup(made: tuple[Vault, Path, dict[str, bytes]], tmp_path: Path) -> None:
    _, out, _ = made
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert verify_backup(out, PASSPHRASE, scratch=scratch) == []
    assert list(scratch.iterdir()) == []
    with pytest.raises(UnlockError):
        verify_backup(out, "not the passphrase at all", scratch=scratch)
    assert list(scratch.iterdir()) == []


def test_restore_refuses_non_empty_folder(made: tuple[Vault, Path, dict[str, bytes]], tmp_path: Path) -> None:
    _, out, _ = made
    into = tmp_path / "busy"
    into.mkdir()
    (into / "keep.txt").write_text("mine")
    with pytest.raises(UsageError, match="not empty"):
        restore_backup(out, into, passphrase=PASSPHRASE)
    assert [p.name for p in into.iterdir()] == ["keep.txt"]


def test_backup_never_overwrites(made: tuple[Vault, Path, dict[str, bytes]]) -> None:
    vault, out, _ = made
    before = out.read_bytes()
    with pytest.raises(CasevaultError, match="never overwrites"):
        vault.backup(out)
    assert out.read_bytes() == before


def _regions(data: bytes) -> dict[str, int]:
    """An offset inside each region of a backup file."""
    keys_at = data.index(b'"casevault-keys"')
    db_at = data.index(b"vault.db") + len(b"vault.db") + 8 + 100
    blob_at = data.index(b"cases/") + 80 + 8 + 200
    return {
        "header": 3,
        "keys": keys_at,
        "db": db_at,
        "blob": blob_at,
        "end": len(data) - fmt.TRAILER_LEN - 4,
        "trailer-sha": len(data) - 40,
        "trailer-mac": len(data) - 5,
    }


@pytest.mark.parametrize("region", ["header", "keys", "db", "blob", "end", "trailer-sha", "trailer-mac"])
def test_corrupted_byte_fails_clearly(
    made: tuple[Vault, Path, dict[str, bytes]], tmp_path: Path, region: str
) -> None:
    _, out, _ = made
    data = bytearray(out.read_bytes())
    data[_regions(bytes(data))[region]] ^= 0x01
    bad = tmp_path / "bad.cvbackup"
    bad.write_bytes(bytes(data))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    problems = verify_backup(bad, PASSPHRASE, scratch=scratch)
    assert len(problems) == 1 and problems[0].startswith(("The backup", "This is not")), problems
    assert list(scratch.iterdir()) == []
    into = tmp_path / "into"
    with pytest.raises(DamagedError):
        restore_backup(bad, into, passphrase=PASSPHRASE)
    assert not into.exists()


@pytest.mark.parametrize("keep", [10, 200, 5000, -65, -1])
def test_truncated_backup_fails_clearly(
    made: tuple[Vault, Path, dict[str, bytes]], tmp_path: Path, keep: int
) -> None:
    _, out, _ = made
    data = out.read_bytes()
    bad = tmp_path / "short.cvbackup"
    bad.write_bytes(data[:keep])
    problems = verify_backup(bad, PASSPHRASE, scratch=tmp_path)
    assert problems == [fmt.TRUNCATED]
    into = tmp_path / "empty"
    into.mkdir()
    with pytest.raises(DamagedError, match="cut short"):
        restore_backup(bad, into)
    assert list(into.iterdir()) == []  # the empty folder stays, empty


def test_extended_backup_fails(made: tuple[Vault, Path, dict[str, bytes]], tmp_path: Path) -> None:
    _, out, _ = made
    bad = tmp_path / "long.cvbackup"
    bad.write_bytes(out.read_bytes() + b"\0")
    assert verify_backup(bad, PASSPHRASE, scratch=tmp_path) == [
        "The backup is damaged: unexpected bytes follow its end."
    ]


def test_no_plaintext_in_backup_or_temp_folders(
    made: tuple[Vault, Path, dict[str, bytes]], private_environment: Path, tmp_path: Path
) -> None:
    _, out, _ = made
    needle = NEEDLE.encode()
    assert needle not in out.read_bytes()
    assert verify_backup(out, PASSPHRASE) == []  # in the private TMPDIR
    for folder in (private_environment, tmp_path):
        for path in folder.rglob("*"):
            if path.is_file():
                assert needle not in path.read_bytes(), path


def test_backup_of_damaged_blob_is_caught_by_verify(vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case("Someone")
    src = tmp_path / "a.bin"
    src.write_bytes(os.urandom(5000))
    file_id = vault.attach(ref, src)
    blob = vault.paths.blob(vault.case(ref).summary.id, file_id)
    raw = bytearray(blob.read_bytes())
    raw[100] ^= 1
    blob.write_bytes(bytes(raw))
    out = tmp_path / "b.cvbackup"
    vault.backup(out)
    problems = verify_backup(out, PASSPHRASE, scratch=tmp_path)
    assert problems and file_id in problems[0]


def test_hostile_entry_name_is_refused(made: tuple[Vault, Path, dict[str, bytes]], tmp_path: Path) -> None:
    assert not fmt.valid_name("../vault.db")
    assert not fmt.valid_name("cases/../../x.cvf")
    assert fmt.valid_name("cases/" + "a" * 32 + "/" + "b" * 32 + ".cvf")


def test_backup_mac_key_known_answer() -> None:
    vmk = bytes(range(32))
    assert keys.PURPOSE_BACKUP_MAC == "casevault/v1/backup-mac"
    assert fmt.backup_mac_key(vmk).hex() == KAT_BACKUP_MAC


KAT_BACKUP_MAC = "cd9d832399138900471d48685fdd9a810d608aee3c177c71d4016365aa667e5b"  # RFC 5869 by hand


def test_last_backup_recorded(made: tuple[Vault, Path, dict[str, bytes]], clock: FakeClock) -> None:
    vault, _, _ = made
    assert vault.last_backup_at() == clock.now
    assert vault.audit()[-1].fields.action == "backup.made"
    clock.advance(days=1)
    assert clock.now - timedelta(days=1) == vault.last_backup_at()


# ---- the database copied as it is on disk, held still by a read transaction (issue 15) ---------


def _restored_notes(backup: Path, into: Path) -> list[str]:
    restore_backup(backup, into, passphrase=PASSPHRASE)
    with reopen(VaultPaths(into)) as copy:
        assert copy.check() == []
        return sorted(e.body for c in copy.list_cases() for e in copy.case(c.ref).events if e.kind == "note")


def test_commits_while_the_database_is_copied_stay_out_and_leave_it_whole(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The vault goes on working while the backup streams: what is committed meanwhile, even with
    a checkpoint asked for, does not reach the file being copied (it would tear the copy)."""
    ref = vault.new_case("Ada Example")
    for n in range(60):
        vault.add_note(ref, f"before {n} " + "x" * 3000)
    monkeypatch.setattr(fmt, "CHUNK", 4096)  # progress after every page, so we act mid-copy
    pending = vault.begin_backup(tmp_path / "b.cvbackup")
    acted: list[int] = []

    file_states: list[bytes] = []

    def meanwhile(done: int, total: int) -> None:
        if not acted and done > 64 * 1024:
            acted.append(done)
            file_states.append(vault.paths.db_file.read_bytes())
            vault.add_note(ref, "during the copy")
            vault.session.db.query("PRAGMA wal_checkpoint(PASSIVE)")
            vault.add_note(ref, "during the copy, after a checkpoint")
            file_states.append(vault.paths.db_file.read_bytes())

    report = pending.write(meanwhile)
    vault.finish_backup(report)
    assert acted and acted[0] < report.size // 2
    before, after = file_states
    assert before == after  # nothing reached the file while it was being copied
    notes = _restored_notes(report.path, tmp_path / "restored")
    assert len(notes) == 60 and not any("during" in n for n in notes)
    assert "during the copy" in {e.body for e in vault.case(ref).events}
    assert vault.check() == []


def test_a_wal_the_checkpoint_could_not_empty_means_a_snapshot(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commits still in -wal (another process kept the checkpoint from finishing): the file alone
    is not the database, so the backup takes a snapshot through SQLite instead, and loses nothing."""
    ref = vault.new_case("Ada Example")
    vault.add_note(ref, "in the WAL only")
    monkeypatch.setattr(Database, "checkpoint_truncate", lambda self: False)
    assert (vault.paths.db_file.with_name("vault.db-wal")).stat().st_size > 0
    snapshots: list[Path] = []
    real_snapshot = backup_rows.snapshot

    def snapshot(db: Database, target: Path, key: bytes) -> None:
        snapshots.append(target)
        real_snapshot(db, target, key)

    monkeypatch.setattr(backup_rows, "snapshot", snapshot)
    report = vault.backup(tmp_path / "b.cvbackup")
    assert len(snapshots) == 1 and not snapshots[0].exists()  # taken, then shredded
    assert _restored_notes(report.path, tmp_path / "restored") == ["in the WAL only"]
