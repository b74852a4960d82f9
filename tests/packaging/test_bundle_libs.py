"""packaging/bundle_libs.py: which host libraries the bundle leaves to the system, on made-up
collections of binaries (PyInstaller's (name, source, type) entries) and on real files."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tests.support.packaging_tools import load

libs = load("bundle_libs")

HOST = "/usr/lib/x86_64-linux-gnu"
WHEEL = "/venv/lib/python3.11/site-packages"


@pytest.mark.parametrize(
    ("name", "source", "left"),
    [
        ("libstdc++.so.6", f"{HOST}/libstdc++.so.6", True),
        ("libgcc_s.so.1", "/lib/x86_64-linux-gnu/libgcc_s.so.1", True),
        ("libcups.so.2", f"{HOST}/libcups.so.2", True),
        ("libexpat.so.1", "/lib64/libexpat.so.1", True),  # Fedora's folder
        ("libGL.so.1", f"{HOST}/libGL.so.1", True),
        ("libEGL.so.1", f"{HOST}/libEGL.so.1", True),
        ("libdrm.so.2", f"{HOST}/libdrm.so.2", True),
        ("libgbm.so.1", f"{HOST}/libgbm.so.1", True),
        ("libxcb-cursor.so.0", f"{HOST}/libxcb-cursor.so.0", True),
        ("libxkbcommon-x11.so.0", f"{HOST}/libxkbcommon-x11.so.0", True),
        ("libX11.so.6", f"{HOST}/libX11.so.6", True),
        ("libfontconfig.so.1", f"{HOST}/libfontconfig.so.1", True),
        ("libwayland-client.so.0", f"{HOST}/libwayland-client.so.0", True),
        # What PySide6's wheels carry inside themselves stays, whatever its name.
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", f"{WHEEL}/PySide6/Qt/lib/libQt6XcbQpa.so.6", False),
        ("PySide6/Qt/lib/libicuuc.so.73", f"{WHEEL}/PySide6/Qt/lib/libicuuc.so.73", False),
        ("PySide6/Qt/lib/libstdc++.so.6", f"{WHEEL}/PySide6/Qt/lib/libstdc++.so.6", False),
        # A distribution's Python keeps its modules under /usr/lib/python3.X: never left out.
        ("lib-dynload/libX.so", "/usr/lib/python3.11/lib-dynload/libX.so", False),
        # Host libraries that are not in the list stay.
        ("libglib-2.0.so.0", f"{HOST}/libglib-2.0.so.0", False),
        ("libssl.so.3", f"{HOST}/libssl.so.3", False),
        ("libxcbfoo.so.1", f"{HOST}/libxcbfoo.so.1", False),
    ],
)
def test_left_to_system(name: str, source: str, left: bool) -> None:
    assert libs.left_to_system(name, source) is left


def fake_needs(graph: dict[str, list[str]]) -> Callable[[str], Iterable[str]]:
    def needs(path: str) -> Iterable[str]:
        return graph.get(path, [])

    return needs


def entry(name: str, source: str) -> tuple[str, str, str]:
    return (name, source, "BINARY")


def test_what_only_the_left_out_libraries_needed_goes_too() -> None:
    qt = entry("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", f"{WHEEL}/PySide6/cups.so")
    python_module = entry("_ssl.cpython-311.so", "/python/lib-dynload/_ssl.so")
    cups = entry("libcups.so.2", f"{HOST}/libcups.so.2")
    gnutls = entry("libgnutls.so.30", f"{HOST}/libgnutls.so.30")
    nettle = entry("libnettle.so.8", f"{HOST}/libnettle.so.8")
    ssl = entry("libssl.so.3", f"{HOST}/libssl.so.3")
    crypto = entry("libcrypto.so.3", f"{HOST}/libcrypto.so.3")
    zlib = entry("libz.so.1", f"{HOST}/libz.so.1")  # needed by both libcups and libcrypto
    graph = {
        qt[1]: ["libcups.so.2", "libQt6Gui.so.6"],
        cups[1]: ["libgnutls.so.30", "libz.so.1"],
        gnutls[1]: ["libnettle.so.8"],
        python_module[1]: ["libssl.so.3", "libcrypto.so.3"],
        ssl[1]: ["libcrypto.so.3"],
        crypto[1]: ["libz.so.1"],
    }
    binaries = [qt, python_module, cups, gnutls, nettle, ssl, crypto, zlib]
    kept, system, unneeded = libs.split(binaries, needs=fake_needs(graph))
    assert system == [cups]
    assert unneeded == [gnutls, nettle]
    assert kept == [qt, python_module, ssl, crypto, zlib]


def test_needed_reads_real_dt_needed() -> None:
    true = str(Path(shutil.which("true") or "/bin/true").resolve())
    assert "libc.so.6" in libs.needed(true)


def test_the_host_folders_are_resolved() -> None:
    libc = Path("/lib/x86_64-linux-gnu/libc.so.6")
    if not libc.exists():
        libc = next(Path("/").glob("*lib*/**/libc.so.6"))
    assert libs.is_host_library(str(libc))
    assert not libs.is_host_library(str(Path(__file__)))
