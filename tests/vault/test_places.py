"""Temporary copies of vault data (vault/places.py): found and removed at open, before a purge and by
check; a live one (another process, or this one, still writing it) and anything that is not
casevault's are left alone. The kill -9 version, through the CLI, is tests/cli/test_backup.py.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from casevault.core.errors import CasevaultError
from casevault.core.fsutil import hold
from casevault.core.paths import VaultPaths
from casevault.formats import backup_file as fmt
from casevault.vault import places as copies
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen

NAME = "Ambrosine Tattersall"
ROOT = Path(__file__).resolve().parents[2]


def _leftover_snapshot(paths: VaultPaths) -> Path:
    """What a backup killed after its snapshot leaves: a folder holding a copy of vault.db."""
    folder = paths.root / ".backup-snapshot-0123456789abcdef"
    folder.mkdir(mode=0o700)
    shutil.copyfile(paths.db_file, folder / "vault.db")
    return folder


def test_open_removes_a_leftover_snapshot_and_check_says_so(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    vault.new_case(NAME)
    vault.close()
    snapshot = _leftover_snapshot(vault_paths)
    keys_part = vault_paths.root / ".vault.keys.0badf00d.part"
    keys_part.write_bytes(vault_paths.keys_file.read_bytes())
    with reopen(vault_paths, clock=clock) as again:
        assert not snapshot.exists()
        assert not keys_part.exists()
        assert again.check() == []  # removed, so nothing is damaged ...
        assert sorted(again.repaired) == [  # ... but check can say what was removed
            "removed a leftover backup snapshot that an interrupted casevault left: "
            ".backup-snapshot-0123456789abcdef",
            "removed a leftover temporary key file that an interrupted casevault left: "
            ".vault.keys.0badf00d.part",
        ]
    with reopen(vault_paths, clock=clock) as third:
        assert third.check() == []
        assert third.repaired == []


def test_files_that_are_not_casevaults_are_never_touched(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    vault.close()
    others = [
        vault_paths.root / ".casevault-gui.lock",  # the GUI's single-instance lock
        vault_paths.root / ".backup-snapshot-notours",
        vault_paths.root / ".backup-snapshot-0123456789ABCDEF",
        vault_paths.root / "vault.keys.part",
        vault_paths.root / ".vault.keys.part",
        vault_paths.root / "notes.txt",
    ]
    for path in others:
        path.write_bytes(b"someone else's")
    link = vault_paths.root / ".backup-snapshot-fedcba9876543210"
    target = vault_paths.root.parent / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_bytes(b"keep")
    link.symlink_to(target)
    with reopen(vault_paths, clock=clock) as again:
        again.check()
        assert again.repaired == []
    assert all(p.read_bytes() == b"someone else's" for p in others)
    assert (target / "keep.txt").read_bytes() == b"keep" and link.is_symlink()


def test_a_live_backups_snapshot_is_left_alone(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock, tmp_path: Path
) -> None:
    """A second open (another process, or the same one) while a backup streams must not pull its
    snapshot from under it; the backup still completes and verifies."""
    vault.attach_stream(vault.new_case(NAME), "a.pdf", io.BytesIO(os.urandom(5000)))
    pending = vault.begin_backup(tmp_path / "b.cvbackup")
    with reopen(vault_paths, clock=clock) as other:
        assert pending.scratch.is_dir()
        assert other.check() == [] and other.repaired == []
    report = pending.write()
    vault.finish_backup(report)
    assert not pending.scratch.exists()
    assert not list(vault_paths.root.glob(".backup-snapshot-*"))


def test_a_purge_stops_when_a_leftover_copy_cannot_be_removed(
    vault: Vault, vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The purge would say the case is destroyed while a copy of it stayed: it refuses first."""
    ref = vault.new_case(NAME)
    vault.close_case(ref)
    _leftover_snapshot(vault_paths)

    def refuse(path: object, *args: object, **kw: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(copies.shutil, "rmtree", refuse)
    with pytest.raises(CasevaultError, match="was not deleted"):
        vault.purge_case(ref)
    assert vault.case(ref).summary.status == "closed"  # still there, nothing half done
    problems = vault.check()
    assert problems[0].startswith("a leftover backup snapshot (.backup-snapshot-0123456789abcdef) could not")


def test_a_stale_backup_part_is_removed_only_when_provably_ours(vault: Vault, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    ours = usb / ".old.cvbackup.0a0b0c0d.part"
    ours.write_bytes(fmt.pack_header(bytes.fromhex(vault.vault_id), 1) + os.urandom(500))
    other_vault = usb / ".x.cvbackup.1a1b1c1d.part"
    other_vault.write_bytes(fmt.pack_header(os.urandom(16), 1) + os.urandom(500))
    not_a_backup = usb / ".film.mkv.2a2b2c2d.part"
    not_a_backup.write_bytes(os.urandom(500))
    # Killed between creating the part file and writing its header: it holds nothing.
    empty = usb / ".early.cvbackup.4a4b4c4d.part"
    empty.write_bytes(b"")
    held = usb / ".now.cvbackup.3a3b3c3d.part"
    held.write_bytes(fmt.pack_header(bytes.fromhex(vault.vault_id), 1))
    fd = os.open(held, os.O_RDONLY)
    try:
        hold(fd)  # as a backup still running would
        vault.backup(usb / "new.cvbackup")
    finally:
        os.close(fd)
    assert not ours.exists()
    assert not empty.exists()
    assert other_vault.exists() and not_a_backup.exists() and held.exists()


def test_architecture_names_every_place_copies_lists() -> None:
    """docs/ARCHITECTURE.md's table is written from copies.PLACES: every place is in it."""
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = text.split("## Where copies of vault data can exist", 1)[1].split("\n## ", 1)[0]
    missing = [p.name for p in copies.PLACES if f"| {p.name} |" not in section]
    assert missing == []
