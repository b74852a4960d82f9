"""The sync folder on disk (vault/sync/folder.py): whole private files, bounded reads that follow
no link, only well-formed names listed, ids checked before a path is built, and pairing files."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from casevault.formats import changeset
from casevault.vault.sync.folder import MAX_PROGRESS, PairingFiles, SyncFolder

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


# ---- progress files and snapshots ----------------------------------------------------------------

JOINER = "f0" * 16
OTHER_JOINER = "f1" * 16


def test_a_written_progress_file_reads_back_private_and_whole(folder: SyncFolder) -> None:
    folder.write_progress(b"how far")
    path = folder.own_dir() / "progress.cvread"
    assert path.read_bytes() == b"how far"
    assert mode(path) == 0o600
    assert folder.read_progress(ME) == b"how far"
    folder.write_progress(b"further now")
    assert folder.read_progress(ME) == b"further now"
    assert [p.name for p in folder.own_dir().iterdir()] == ["progress.cvread"]


def test_another_devices_progress_is_read_from_its_folder(folder: SyncFolder) -> None:
    assert folder.read_progress(OTHER) is None  # no folder at all
    theirs = other_device_dir(folder)
    assert folder.read_progress(OTHER) is None
    (theirs / "progress.cvread").write_bytes(b"theirs")
    assert folder.read_progress(OTHER) == b"theirs"
    assert folder.read_progress(ME) is None


def test_read_progress_follows_no_link(folder: SyncFolder, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere.txt"
    secret.write_bytes(b"not for the folder")
    link = other_device_dir(folder) / "progress.cvread"
    os.symlink(secret, link)
    assert link.is_symlink()
    assert folder.read_progress(OTHER) is None
    os.symlink(secret, folder.own_dir() / "progress.cvread")
    assert folder.read_progress(ME) is None


def test_read_progress_is_none_for_a_folder_in_its_place(folder: SyncFolder) -> None:
    (other_device_dir(folder) / "progress.cvread").mkdir()
    assert folder.read_progress(OTHER) is None


def test_read_progress_reads_no_more_than_max_progress(folder: SyncFolder) -> None:
    path = other_device_dir(folder) / "progress.cvread"
    path.write_bytes(bytes(MAX_PROGRESS))
    assert folder.read_progress(OTHER) == bytes(MAX_PROGRESS)
    path.write_bytes(b"\1" * (MAX_PROGRESS + 4096))
    data = folder.read_progress(OTHER)
    assert data is not None and len(data) == MAX_PROGRESS


def test_snapshot_part_paths_are_under_the_writers_folder(folder: SyncFolder) -> None:
    assert folder.snapshot_part_path(OTHER, JOINER, 3) == (
        folder.root / "devices" / OTHER / "snapshots" / JOINER / "000000000003.cvsnap"
    )
    assert folder.snapshot_part_path(ME, JOINER, 10**12 - 1).name == "999999999999.cvsnap"


def test_a_written_snapshot_part_reads_back_private_and_whole(folder: SyncFolder) -> None:
    folder.write_snapshot_part(JOINER, 1, b"part one")
    folder.write_snapshot_part(JOINER, 2, b"part two")
    path = folder.snapshot_part_path(ME, JOINER, 1)
    assert path.read_bytes() == b"part one"
    assert mode(path) == 0o600
    for directory in (folder.own_dir() / "snapshots", path.parent):
        assert mode(directory) == 0o700
    assert folder.read_snapshot_part(ME, JOINER, 1) == b"part one"
    assert folder.read_snapshot_part(ME, JOINER, 2) == b"part two"
    assert folder.read_snapshot_part(ME, JOINER, 3) is None
    assert folder.read_snapshot_part(ME, OTHER_JOINER, 1) is None
    assert sorted(p.name for p in path.parent.iterdir()) == ["000000000001.cvsnap", "000000000002.cvsnap"]
    assert folder.sequences(ME) == []  # a snapshot part is no change set


def test_another_devices_snapshot_part_is_read_from_its_folder(folder: SyncFolder) -> None:
    target = folder.snapshot_part_path(OTHER, ME, 1)
    assert folder.read_snapshot_part(OTHER, ME, 1) is None
    target.parent.mkdir(parents=True)
    target.write_bytes(b"for me")
    assert folder.read_snapshot_part(OTHER, ME, 1) == b"for me"


def test_read_snapshot_part_follows_no_link_and_is_bounded(folder: SyncFolder, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere.txt"
    secret.write_bytes(b"not for the folder")
    link = folder.snapshot_part_path(OTHER, ME, 1)
    link.parent.mkdir(parents=True)
    os.symlink(secret, link)
    assert folder.read_snapshot_part(OTHER, ME, 1) is None
    big = folder.snapshot_part_path(OTHER, ME, 2)
    with big.open("wb") as f:
        f.truncate(changeset.MAX_FILE + 4096)  # sparse
    data = folder.read_snapshot_part(OTHER, ME, 2)
    assert data is not None and len(data) == changeset.MAX_FILE + 1


def test_snapshots_written_lists_only_id_names(folder: SyncFolder) -> None:
    assert folder.snapshots_written() == []
    folder.write_snapshot_part(OTHER_JOINER, 1, b"b")
    folder.write_snapshot_part(JOINER, 1, b"a")
    snapshots = folder.own_dir() / "snapshots"
    for name in (
        "A0" * 16,
        "f0" * 15,
        "f0" * 17,
        "z" * 32,
        ".stfolder",
        f"~syncthing~{JOINER}.tmp",
        f"{JOINER}.old",
    ):
        (snapshots / name).mkdir()
    (snapshots / "notes.txt").write_bytes(b"x")
    assert folder.snapshots_written() == [JOINER, OTHER_JOINER]
    theirs = folder.snapshot_part_path(OTHER, CASE, 1)
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"theirs")
    assert folder.snapshots_written() == [JOINER, OTHER_JOINER]  # another device's are not this one's


def test_snapshots_written_is_empty_when_snapshots_is_a_file(folder: SyncFolder) -> None:
    (folder.own_dir() / "snapshots").write_bytes(b"not a folder")
    assert folder.snapshots_written() == []


def test_remove_snapshot_returns_the_bytes_freed_and_leaves_no_folder(folder: SyncFolder) -> None:
    folder.write_snapshot_part(JOINER, 1, b"x" * 100)
    folder.write_snapshot_part(JOINER, 2, b"y" * 23)
    folder.write_snapshot_part(OTHER_JOINER, 1, b"kept")
    theirs = folder.snapshot_part_path(OTHER, JOINER, 1)
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"their snapshot for the same joiner")
    folder.write_changeset(1, b"change set")
    assert folder.remove_snapshot(JOINER) == 123
    assert not (folder.own_dir() / "snapshots" / JOINER).exists()
    assert folder.snapshots_written() == [OTHER_JOINER]
    assert folder.read_snapshot_part(ME, OTHER_JOINER, 1) == b"kept"
    assert theirs.read_bytes() == b"their snapshot for the same joiner"
    assert folder.sequences(ME) == [1]
    assert folder.remove_snapshot(JOINER) == 0  # already gone
    assert folder.remove_snapshot(CASE) == 0  # never there


def test_remove_own_blobs_returns_the_bytes_freed_and_leaves_no_folder(
    folder: SyncFolder, tmp_path: Path
) -> None:
    source = tmp_path / "blob.cvf"
    source.write_bytes(b"b" * 40)
    folder.put_file(folder.blob_path(ME, CASE, FILE), source)
    folder.put_file(folder.blob_path(ME, OTHER_CASE, FILE), source)
    folder.put_file(folder.blob_path(ME, OTHER_CASE, OTHER), source)
    library = folder.library_path(ME, FILE)
    folder.put_file(library, source)
    theirs = folder.blob_path(OTHER, CASE, FILE)
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"theirs")
    folder.write_changeset(1, b"change set")
    assert folder.remove_own_blobs() == 120
    assert not (folder.own_dir() / "blobs").exists()
    assert library.read_bytes() == b"b" * 40
    assert theirs.read_bytes() == b"theirs"
    assert folder.sequences(ME) == [1]
    assert folder.remove_own_blobs() == 0  # nothing left


def test_changeset_size_is_the_files_size_or_zero(folder: SyncFolder) -> None:
    folder.write_changeset(3, b"twelve bytes")
    assert folder.changeset_size(3) == 12
    assert folder.changeset_size(4) == 0
    (other_device_dir(folder) / "000000000004.cvsync").write_bytes(b"theirs")
    assert folder.changeset_size(4) == 0  # only this device's own


@pytest.mark.parametrize("bad", BAD_IDS)
def test_progress_and_snapshot_paths_refuse_ids_that_are_not_32_lower_case_hex(
    folder: SyncFolder, bad: str
) -> None:
    for build in (
        lambda: folder.read_progress(bad),
        lambda: folder.snapshot_part_path(bad, JOINER, 1),
        lambda: folder.snapshot_part_path(OTHER, bad, 1),
        lambda: folder.write_snapshot_part(bad, 1, b"x"),
        lambda: folder.read_snapshot_part(bad, ME, 1),
        lambda: folder.read_snapshot_part(OTHER, bad, 1),
        lambda: folder.remove_snapshot(bad),
    ):
        with pytest.raises(ValueError, match="32-digit hex"):
            build()
    assert not (folder.own_dir() / "snapshots").exists()


def test_remove_own_blobs_follows_no_link_out_of_the_folder(folder: SyncFolder, tmp_path: Path) -> None:
    # BUG (SyncFolder.remove_own_blobs): os.walk follows a link at its top, so a link put in place
    # of devices/<me>/blobs (a sync engine carries links; any device can write anywhere in the
    # shared folder) has compaction delete every file in the folder it points to.
    outside = tmp_path / "documents"
    outside.mkdir()
    (outside / "precious.txt").write_bytes(b"not the folder's")
    os.symlink(outside, folder.own_dir() / "blobs", target_is_directory=True)
    folder.remove_own_blobs()
    assert (outside / "precious.txt").read_bytes() == b"not the folder's"


def test_remove_snapshot_follows_no_link_out_of_the_folder(folder: SyncFolder, tmp_path: Path) -> None:
    # BUG (SyncFolder.remove_snapshot): folder.is_dir() and iterdir() follow a link put in place of
    # snapshots/<joiner>, and each file in the folder it points to is unlinked.
    outside = tmp_path / "documents"
    outside.mkdir()
    (outside / "precious.txt").write_bytes(b"not the folder's")
    (folder.own_dir() / "snapshots").mkdir()
    os.symlink(outside, folder.own_dir() / "snapshots" / JOINER, target_is_directory=True)
    folder.remove_snapshot(JOINER)
    assert (outside / "precious.txt").read_bytes() == b"not the folder's"


def test_remove_snapshot_removes_a_folder_left_inside_it(folder: SyncFolder) -> None:
    # BUG (SyncFolder.remove_snapshot): _unlink calls Path.unlink on each entry, which raises
    # IsADirectoryError for a folder inside the snapshot's (and compaction stops there).
    folder.write_snapshot_part(JOINER, 1, b"x" * 10)
    (folder.own_dir() / "snapshots" / JOINER / "stray").mkdir()
    assert folder.remove_snapshot(JOINER) >= 10
    assert not (folder.own_dir() / "snapshots" / JOINER).exists()
