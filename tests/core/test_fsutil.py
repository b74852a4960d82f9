"""core/fsutil.py's platform branch: Windows has no fcntl, so there a file is never marked as
being written (`hold` does nothing) and never reported held (`is_held` is False; removing an open
file fails there instead). Run here by loading the module as Windows would and by taking fcntl
away; the Linux side is checked beside it."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from casevault.core import fsutil


def test_on_windows_the_module_loads_without_fcntl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    spec = importlib.util.find_spec("casevault.core.fsutil")
    assert spec is not None and spec.loader is not None
    as_on_windows = importlib.util.module_from_spec(spec)  # a fresh copy: sys.modules is untouched
    spec.loader.exec_module(as_on_windows)
    assert as_on_windows.fcntl is None
    assert fsutil.fcntl is not None  # the module everyone uses is the Linux one


def test_a_held_file_is_reported_held_until_it_is_closed(tmp_path: Path) -> None:
    path = tmp_path / "blob.part"
    path.write_bytes(b"x")
    fd = os.open(path, os.O_RDONLY)
    try:
        fsutil.hold(fd)
        assert fsutil.is_held(path)
    finally:
        os.close(fd)
    assert not fsutil.is_held(path)
    assert not fsutil.is_held(tmp_path / "missing.part")


def test_without_fcntl_nothing_is_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fsutil, "fcntl", None)
    path = tmp_path / "blob.part"
    path.write_bytes(b"x")
    fd = os.open(path, os.O_RDONLY)
    try:
        fsutil.hold(fd)  # does nothing, and does not fail
        assert not fsutil.is_held(path)
    finally:
        os.close(fd)
    with fsutil.atomic_writer(tmp_path / "out.bin") as out:  # the writer holds its temp file
        out.write(b"data")
    assert (tmp_path / "out.bin").read_bytes() == b"data"


def test_a_private_folder_is_tightened_only_when_it_is_not_private_already(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    os.chmod(loose, 0o755)
    fsutil.make_private_dir(loose)
    assert loose.stat().st_mode & 0o777 == 0o700
    # Already private: no chmod, so no change a folder watcher would see (the sync folder's
    # watchers would answer every sync with another).
    before = loose.stat().st_ctime_ns
    os.utime(loose, ns=(loose.stat().st_atime_ns, loose.stat().st_mtime_ns))  # ctime moves now
    moved = loose.stat().st_ctime_ns
    assert moved >= before
    fsutil.make_private_dir(loose)
    assert loose.stat().st_ctime_ns == moved
    fsutil.make_private_dir(tmp_path / "new" / "deep")
    assert (tmp_path / "new" / "deep").stat().st_mode & 0o777 == 0o700
