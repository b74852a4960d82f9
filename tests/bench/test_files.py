"""bench/files.py's platform branch: the peak memory of a bench child, from /proc where there is
one (Linux), else from getrusage, whose ru_maxrss is KiB on Linux and bytes on macOS."""

from __future__ import annotations

import resource
from pathlib import Path
from types import SimpleNamespace

import pytest

from casevault.bench.files import peak_rss_kib


def test_linux_reads_the_high_water_mark_from_proc(tmp_path: Path) -> None:
    status = tmp_path / "status"
    status.write_text("Name:\tpython3\nVmPeak:\t  999999 kB\nVmHWM:\t   52344 kB\nVmRSS:\t 40000 kB\n")
    assert peak_rss_kib("linux", str(status)) == (52344, "VmHWM")


@pytest.mark.parametrize(("platform", "expected"), [("darwin", 51200), ("linux", 52428800)])
def test_without_proc_getrusage_is_read_in_each_systems_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str, expected: int
) -> None:
    monkeypatch.setattr(resource, "getrusage", lambda _who: SimpleNamespace(ru_maxrss=50 * 1024 * 1024))
    assert peak_rss_kib(platform, str(tmp_path / "no-proc")) == (expected, "ru_maxrss")


def test_this_process_has_a_peak() -> None:
    kib, source = peak_rss_kib()
    assert source == "VmHWM"
    assert kib > 10_000  # a Python with casevault imported is well over 10 MiB
