"""The sync folder on disk (vault/sync/folder.py): whole private files, bounded reads that follow
no link, only well-formed names listed, ids checked before a path is built, and pairing files."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from casevault.formats import changeset
from casevault.vault.sync.folder import PairingFiles, SyncFolder

ME = "a0" * 16
OTHER = "b0" * 16
CASE = "c0" * 16
OTHER_CASE = "d0" * 16
FILE = "e0" * 16
BAD_IDS = ["..", "../" + "a" * 29, "a0" * 8 + "/" + "a" * 15, "A0" * 16, "a0" * 15, "a0" * 17, "", "g" * 32]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> SyncFolder:
    sync = SyncFolder(tmp_path / "shared", ME)
    sync.make_own_dir()
    return sync


def other_device_dir(folder: SyncFolder, device: str = OTHER) -> Path:
    path = folder.root / "devices" / device
    path.mkdir(parents=True)
    return path


# ---- change sets ----------------------------------------------------------------------------------


def test_make_own_dir_makes_private_folders(folder: SyncFolder) -> None:
    for path in (folder.root, folder.root / "devices", folder.own_dir()):
        assert path.is_dir()
        assert mode(path) == 0o700
    assert folder.own_dir() == folder.root / "devices" / ME


def test_make_own_dir_tightens_a_folder_that_was_open(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir(mode=0o755)
    os.chmod(tmp_path / "shared", 0o755)
    SyncFolder(tmp_path / "shared", ME).make_own_dir()
    assert mode(tmp_path / "shared") == 0o700


def test_a_written_change_set_reads_back_private_and_whole(folder: SyncFolder) -> None:
    folder.write_changeset(1, b"first change set")
    path = folder.own_dir() / "000000000001.cvsync"
    assert path == folder.changeset_path(ME, 1)
    assert path.read_bytes() == b"first change set"
    assert mode(path) == 0o600
    assert folder.read_changeset(ME, 1) == b"first change set"
    assert sorted(p.name for p in folder.own_dir().iterdir()) == ["000000000001.cvsync"]
    assert not [p for p in folder.root.rglob("*") if p.name.endswith(".part")]


def test_rewriting_a_change_set_replaces_it(folder: SyncFolder) -> None:
    folder.write_changeset(7, b"old")
    folder.write_changeset(7, b"new and longer")
    assert folder.read_changeset(ME, 7) == b"new and longer"
    assert [p.name for p in folder.own_dir().iterdir()] == ["000000000007.cvsync"]


def test_another_devices_change_set_is_read_from_its_folder(folder: SyncFolder) -> None:
    (other_device_dir(folder) / "000000000003.cvsync").write_bytes(b"theirs")
    assert folder.read_changeset(OTHER, 3) == b"theirs"
    assert folder.read_changeset(ME, 3) is None


def test_read_changeset_is_none_for_a_missing_file(folder: SyncFolder) -> None:
    assert folder.read_changeset(ME, 1) is None
    assert folder.read_changeset(OTHER, 1) is None  # not even the device's folder


def test_read_changeset_follows_no_link(folder: SyncFolder, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere.txt"
    secret.write_bytes(b"not for the folder")
    os.symlink(secret, folder.changeset_path(ME, 1))
    assert folder.changeset_path(ME, 1).is_symlink()
    assert folder.read_changeset(ME, 1) is None


def test_read_changeset_is_none_for_a_folder_in_its_place(folder: SyncFolder) -> None:
    # BUG (folder._read_bounded): os.open succeeds on a folder and os.fdopen then raises
    # IsADirectoryError before the S_ISREG check, so a folder another device's writer (or a sync
    # engine) leaves where a change set should be stops the reader instead of reading as None.
    folder.changeset_path(ME, 2).mkdir()
    assert folder.read_changeset(ME, 2) is None


def test_read_changeset_reads_an_oversize_file_only_one_byte_past_the_limit(folder: SyncFolder) -> None:
    path = folder.changeset_path(ME, 1)
    with path.open("wb") as f:
        f.truncate(changeset.MAX_FILE + 4096)  # sparse: no 16 MiB written
    data = folder.read_changeset(ME, 1)
    assert data is not None
    assert len(data) == changeset.MAX_FILE + 1


def test_a_change_set_of_exactly_the_limit_is_read_whole(folder: SyncFolder) -> None:
    with folder.changeset_path(ME, 1).open("wb") as f:
        f.truncate(changeset.MAX_FILE)
    data = folder.read_changeset(ME, 1)
    assert data is not None
    assert len(data) == changeset.MAX_FILE


def test_sequences_lists_only_well_formed_names_in_order(folder: SyncFolder) -> None:
    theirs = other_device_dir(folder)
    for name in (
        "000000000010.cvsync",
        "000000000002.cvsync",
        "000000000001.cvsync",
        "~syncthing~000000000004.cvsync.tmp",
        "000000000005.sync-conflict-20250101-120000-ABCDEFG.cvsync",
        "000000000006.CVSYNC",
        "000000000000.cvsync",
        "00000000007.cvsync",
        "0000000000008.cvsync",
        "000000000009.cvsync.part",
        ".000000000011.cvsync.1a2b3c4d.part",
        "notes.txt",
    ):
        (theirs / name).write_bytes(b"x")
    (theirs / "blobs").mkdir()
    assert folder.sequences(OTHER) == [1, 2, 10]


def test_sequences_of_an_unknown_device_is_empty(folder: SyncFolder) -> None:
    assert folder.sequences(OTHER) == []
    (folder.root / "devices" / OTHER).write_bytes(b"a file, not a folder")
    assert folder.sequences(OTHER) == []


def test_sequences_refuses_a_bad_device_id(folder: SyncFolder) -> None:
    for bad in BAD_IDS:
        with pytest.raises(ValueError, match="32-digit hex"):
            folder.sequences(bad)


def test_devices_lists_only_32_lower_case_hex_names(folder: SyncFolder) -> None:
    devices = folder.root / "devices"
    for name in ("A0" * 16, "b0" * 15, "b0" * 17, "z" * 32, ".stfolder", "~syncthing~x.tmp", OTHER):
        (devices / name).mkdir()
    assert folder.devices() == [ME, OTHER]


def test_devices_is_empty_without_a_devices_folder(tmp_path: Path) -> None:
    assert SyncFolder(tmp_path / "nothing", ME).devices() == []
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "devices").write_bytes(b"")
    assert SyncFolder(tmp_path / "flat", ME).devices() == []


def test_remove_changeset_removes_only_that_one(folder: SyncFolder) -> None:
    folder.write_changeset(1, b"one")
    folder.write_changeset(2, b"two")
    folder.remove_changeset(1)
    folder.remove_changeset(99)  # not there: nothing happens
    assert folder.sequences(ME) == [2]


# ---- attachments and library documents -----------------------------------------------------------


def test_blob_and_library_paths_are_under_the_devices_folder(folder: SyncFolder) -> None:
    assert folder.blob_path(OTHER, CASE, FILE) == folder.root / "devices" / OTHER / "blobs" / CASE / (
        FILE + ".cvf"
    )
    assert folder.library_path(ME, FILE) == folder.own_dir() / "library" / (FILE + ".cvf")


@pytest.mark.parametrize("bad", BAD_IDS)
def test_paths_refuse_ids_that_are_not_32_lower_case_hex(
    folder: SyncFolder, bad: str, tmp_path: Path
) -> None:
    for build in (
        lambda: folder.blob_path(bad, CASE, FILE),
        lambda: folder.blob_path(OTHER, bad, FILE),
        lambda: folder.blob_path(OTHER, CASE, bad),
        lambda: folder.library_path(bad, FILE),
        lambda: folder.library_path(OTHER, bad),
        lambda: SyncFolder(tmp_path, bad),
        lambda: folder.remove_case_blobs(bad),
    ):
        with pytest.raises(ValueError, match="32-digit hex"):
            build()


def test_paths_refuse_an_id_that_is_not_text(folder: SyncFolder) -> None:
    not_text: Any = 5
    with pytest.raises(ValueError, match="32-digit hex"):
        folder.blob_path(OTHER, CASE, not_text)


def test_put_file_copies_once(folder: SyncFolder, tmp_path: Path) -> None:
    source = tmp_path / "blob.cvf"
    source.write_bytes(b"encrypted bytes")
    target = folder.blob_path(ME, CASE, FILE)
    assert folder.put_file(target, source) == len(b"encrypted bytes")
    assert target.read_bytes() == b"encrypted bytes"
    assert mode(target) == 0o600
    for path in (folder.own_dir() / "blobs", target.parent):
        assert mode(path) == 0o700
    source.write_bytes(b"changed since")
    assert folder.put_file(target, source) == 0
    assert target.read_bytes() == b"encrypted bytes"
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".part")]


def test_put_file_of_a_missing_source_leaves_nothing(folder: SyncFolder, tmp_path: Path) -> None:
    target = folder.library_path(ME, FILE)
    with pytest.raises(FileNotFoundError):
        folder.put_file(target, tmp_path / "gone.cvf")
    assert not target.exists()


def test_take_file_copies_into_the_vault(folder: SyncFolder, tmp_path: Path) -> None:
    source = folder.blob_path(OTHER, CASE, FILE)
    source.parent.mkdir(parents=True)
    source.write_bytes(b"their copy")
    target = tmp_path / "vault" / "cases" / CASE / "file.cvf"
    assert folder.take_file(source, target)
    assert target.read_bytes() == b"their copy"
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["file.cvf"]


def test_take_file_is_false_for_a_missing_source(folder: SyncFolder, tmp_path: Path) -> None:
    target = tmp_path / "vault" / "file.cvf"
    assert folder.take_file(folder.blob_path(OTHER, CASE, FILE), target) is False
    assert not target.exists()


def test_take_file_follows_no_link(folder: SyncFolder, tmp_path: Path) -> None:
    real = tmp_path / "real.cvf"
    real.write_bytes(b"somewhere else")
    source = folder.blob_path(OTHER, CASE, FILE)
    source.parent.mkdir(parents=True)
    os.symlink(real, source)
    target = tmp_path / "vault" / "file.cvf"
    assert folder.take_file(source, target) is False
    assert not target.exists()


def test_take_file_is_false_for_a_folder_in_the_files_place(folder: SyncFolder, tmp_path: Path) -> None:
    # BUG (SyncFolder.take_file): as for read_changeset, os.fdopen raises IsADirectoryError.
    source = folder.blob_path(OTHER, CASE, FILE)
    source.mkdir(parents=True)
    target = tmp_path / "vault" / "file.cvf"
    assert folder.take_file(source, target) is False
    assert not target.exists()


def test_remove_case_blobs_removes_only_that_cases_folder_of_this_device(
    folder: SyncFolder, tmp_path: Path
) -> None:
    source = tmp_path / "blob.cvf"
    source.write_bytes(b"b")
    mine = folder.blob_path(ME, CASE, FILE)
    kept = [folder.blob_path(ME, OTHER_CASE, FILE), folder.blob_path(OTHER, CASE, FILE)]
    kept.append(folder.library_path(ME, FILE))
    for target in (mine, *kept):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"b")
    folder.write_changeset(1, b"change set")
    folder.remove_case_blobs(CASE)
    assert not mine.parent.exists()
    assert all(path.exists() for path in kept)
    assert folder.sequences(ME) == [1]
    folder.remove_case_blobs(CASE)  # already gone: nothing happens


def test_own_files_lists_every_file_of_this_device_only(folder: SyncFolder) -> None:
    folder.write_changeset(1, b"c")
    mine = folder.blob_path(ME, CASE, FILE)
    mine.parent.mkdir(parents=True)
    mine.write_bytes(b"b")
    (other_device_dir(folder) / "000000000001.cvsync").write_bytes(b"theirs")
    assert sorted(folder.own_files()) == sorted([folder.changeset_path(ME, 1), mine])


# ---- pairing files -------------------------------------------------------------------------------


def test_pairing_files_write_and_read_back(tmp_path: Path) -> None:
    files = PairingFiles(tmp_path / "shared")
    files.write(OTHER, ".request", b"request bytes")
    path = tmp_path / "shared" / "pairing" / f"{OTHER}.request"
    assert path.read_bytes() == b"request bytes"
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert files.read(OTHER, ".request", 4096) == b"request bytes"
    assert files.read(OTHER, ".request", 7) == b"request"
    assert files.read(OTHER, ".answer", 4096) is None
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_pairing_files_read_follows_no_link(tmp_path: Path) -> None:
    files = PairingFiles(tmp_path / "shared")
    files.write(OTHER, ".request", b"r")
    real = tmp_path / "real"
    real.write_bytes(b"elsewhere")
    os.symlink(real, files.dir / f"{OTHER}.answer")
    assert files.read(OTHER, ".answer", 4096) is None


def test_pairing_files_read_is_none_for_a_folder_in_the_files_place(tmp_path: Path) -> None:
    # BUG (folder._read_bounded): os.fdopen raises IsADirectoryError before the S_ISREG check,
    # so a folder named like a request, which waiting() lists, stops the reader with an error.
    files = PairingFiles(tmp_path / "shared")
    (files.dir / f"{OTHER}.request").mkdir(parents=True)
    assert files.waiting(".request") == [OTHER]
    assert files.read(OTHER, ".request", 4096) is None


def test_pairing_files_waiting_lists_valid_device_ids_with_that_suffix(tmp_path: Path) -> None:
    files = PairingFiles(tmp_path / "shared")
    assert files.waiting(".request") == []
    files.write(OTHER, ".request", b"r")
    files.write(ME, ".request", b"r")
    files.write(CASE, ".answer", b"a")
    for name in (
        "A0" * 16 + ".request",
        "b0" * 15 + ".request",
        ".request",
        f".{OTHER}.request.1a2b3c4d.part",
        f"~syncthing~{CASE}.request.tmp",
        f"{CASE}.request.sync-conflict-20250101-120000-ABCDEFG",
        "notes.txt",
    ):
        (files.dir / name).write_bytes(b"x")
    assert files.waiting(".request") == [ME, OTHER]
    assert files.waiting(".answer") == [CASE]


def test_pairing_files_remove_takes_both_files_of_that_device_only(tmp_path: Path) -> None:
    files = PairingFiles(tmp_path / "shared")
    files.write(OTHER, ".request", b"r")
    files.write(OTHER, ".answer", b"a")
    files.write(ME, ".request", b"mine")
    files.remove(OTHER)
    files.remove(CASE)  # nothing there: nothing happens
    assert files.waiting(".request") == [ME]
    assert files.waiting(".answer") == []
    assert files.read(ME, ".request", 100) == b"mine"


def test_pairing_files_refuse_a_bad_device_id(tmp_path: Path) -> None:
    files = PairingFiles(tmp_path / "shared")
    for bad in BAD_IDS:
        with pytest.raises(ValueError, match="32-digit hex"):
            files.write(bad, ".request", b"r")
        with pytest.raises(ValueError, match="32-digit hex"):
            files.read(bad, ".request", 100)
        with pytest.raises(ValueError, match="32-digit hex"):
            files.remove(bad)
    assert [p for p in tmp_path.rglob("*") if not p.is_dir()] == []
