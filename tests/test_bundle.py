"""The PyInstaller bundle (packaging/): build it, then run each smoke check against the frozen
executable, never the code in src/.

Marked `bundle`: a build takes a minute or more, so pyproject's addopts deselects these tests
(they are neither run nor counted as skipped by scripts/test); scripts/nightly builds once and
runs them with CASEVAULT_BUNDLE_REUSE=1, which reuses that build instead of making another.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.packaging_tools import load, xvfb

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parent.parent
EXE = ROOT / "dist" / "casevault" / "casevault"
INTERNAL = EXE.parent / "_internal"


def _smoke_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("smoke_linux", ROOT / "packaging" / "smoke_linux.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("smoke_linux", module)
    spec.loader.exec_module(module)
    return module


smoke = _smoke_module()


@pytest.fixture(scope="module")
def bundle() -> Path:
    """The built executable: reused when scripts/nightly has just built it, else built here."""
    if os.environ.get("CASEVAULT_BUNDLE_REUSE") != "1" or not EXE.exists():
        subprocess.run([str(ROOT / "packaging" / "build-linux.sh")], cwd=ROOT, check=True, timeout=1800)
    assert os.access(EXE, os.X_OK)
    return EXE


@pytest.mark.parametrize("name", list(smoke.CHECKS))
def test_smoke_check(bundle: Path, tmp_path: Path, name: str) -> None:
    check: Callable[[Path, Path], str] = smoke.CHECKS[name]
    check(bundle, tmp_path)


@pytest.mark.parametrize(
    "part",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",  # the real window
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # the smoke test and headless use
        "PySide6/QtPdf.abi3.so",
        "libQt6Pdf.so.6",
        "keyring-*.dist-info",  # keyring finds its backends through these entry points
        "sqlcipher3/_sqlite3.*.so",  # SQLCipher is linked into the extension module
        "pyrage/*.so",
        "casevault/**/*.qm",  # the package's data: translations and icons
        "casevault/**/*.png",
    ],
)
def test_bundle_contains(bundle: Path, part: str) -> None:
    assert list(INTERNAL.glob(part)), f"{part} is missing from {INTERNAL}"


def test_xcb_plugin_finds_its_libraries(bundle: Path) -> None:
    """Every library the xcb platform plugin links against is in the bundle or on this system
    (packaging/README.md lists the Debian packages)."""
    plugin = INTERNAL / "PySide6/Qt/plugins/platforms/libqxcb.so"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{INTERNAL}:{INTERNAL / 'PySide6/Qt/lib'}")
    out = subprocess.run(["ldd", str(plugin)], env=env, capture_output=True, text=True, check=True).stdout
    assert "not found" not in out, out


def test_glibc_floor(bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No bundled file needs a GLIBC_ newer than Ubuntu 22.04's 2.35 (packaging/glibc_floor.py)."""
    status = load("glibc_floor").main([str(bundle.parent)])
    assert status == 0, capsys.readouterr().out


LEFT_OUT = ["libstdc++.so.6", "libgcc_s.so.1", "libcups.so.2", "libexpat.so.1", "libX11.so.6"]
LEFT_OUT += ["libxcb-cursor.so.0", "libxkbcommon.so.0", "libfontconfig.so.1", "libfreetype.so.6"]
LEFT_OUT += ["libgnutls.so.30", "libavahi-client.so.3"]  # only libcups needed these


@pytest.mark.parametrize("name", LEFT_OUT)
def test_system_libraries_are_left_out(bundle: Path, name: str) -> None:
    """packaging/bundle_libs.py: the build machine's C++ runtime, libcups, libexpat, graphics
    stack, and what only they needed (libcups' gnutls and avahi), come from the user's system."""
    assert not (INTERNAL / name).exists()


def test_demo_on_a_real_x_server(bundle: Path, tmp_path: Path) -> None:
    """The xcb platform plugin, with this system's X11, xcb and GL libraries (Xvfb)."""
    with xvfb() as display:
        smoke.check_demo_on_display(bundle, tmp_path, display)
