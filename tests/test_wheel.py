"""Issue 19's done-when test: the wheel, installed into a clean virtual environment, carries the
desktop. `casevault desktop install` from that environment, into a temporary XDG home, gives a
menu entry that desktop-file-validate passes, makes casevault the default for `.cvbackup` (as
`xdg-mime query default` says) and puts the icon at every size; `desktop uninstall` leaves nothing.

What is clean and what is not, so the test says what it proves:
- the wheel is built here, from a copy of the sources (pyproject.toml, MANIFEST.in, src/), so the
  test checks what the build puts in it, not the work tree;
- the venv is new, without system site-packages and without pip, and gets casevault from the wheel
  alone (`pip --python VENV install --no-deps --no-index WHEEL`): the test asserts that casevault is
  imported from the venv and its commands are the wheel's entry points;
- its dependencies are not downloaded again (about 200 MB, and no network is promised here): a
  .pth line adds .venv's site-packages, which hold exactly the locked versions
  (requirements/test.lock). Only casevault's own editable install there is not picked up (its
  .pth file is processed only in a site folder, and a .pth line adds a plain path).
The sdist's own install with its dependencies resolved by pip is checked by scripts/nightly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from casevault import __version__
from casevault.resources import APP_ID, ICON_SIZES, MIME_TYPES

ROOT = Path(__file__).resolve().parent.parent
DESKTOP_ID = f"{APP_ID}.desktop"

pytestmark = pytest.mark.slow  # builds a wheel and a venv: about ten seconds


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, (
        f"{name} is missing: scripts/test installs it (apt: desktop-file-utils, shared-mime-info, xdg-utils)"
    )
    return path


def build_wheel(out: Path, work: Path) -> Path:
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "MANIFEST.in", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    )
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    [wheel] = out.glob("casevault-*.whl")
    return wheel


def clean_venv(venv: Path, wheel: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
         "--disable-pip-version-check", str(wheel)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "casevault-test-dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    return venv


def test_the_wheel_carries_the_desktop_files(tmp_path: Path) -> None:
    # What the build must put in the wheel, by name.
    info = f"casevault-{__version__}.dist-info"
    with zipfile.ZipFile(build_wheel(tmp_path / "dist", tmp_path)) as whl:
        names = set(whl.namelist())
        entry_points = whl.read(f"{info}/entry_points.txt").decode()
    data = "casevault/resources"
    expected = {
        f"{data}/applications/{DESKTOP_ID}",
        f"{data}/metainfo/{APP_ID}.metainfo.xml",
        f"{data}/mime/packages/{APP_ID}.xml",
        f"{data}/icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"{data}/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES),
        f"{info}/licenses/LICENSE",
    }
    assert expected <= names, sorted(expected - names)
    assert "[console_scripts]\ncasevault = casevault.cli:main" in entry_points
    assert "[gui_scripts]\ncasevault-gui = casevault.cli:main" in entry_points


def test_the_wheel_in_a_clean_venv_installs_the_desktop_into_an_xdg_home(tmp_path: Path) -> None:
    venv = clean_venv(tmp_path / "venv", build_wheel(tmp_path / "dist", tmp_path))
    casevault = venv / "bin" / "casevault"
    assert (venv / "bin" / "casevault-gui").is_file()
    (tmp_path / "system").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KDE_", "DESKTOP_SESSION"))}
    env.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_DIRS=str(tmp_path / "system"),
        XDG_CONFIG_DIRS=str(tmp_path / "system"),
        LANG="C.UTF-8",
    )
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import casevault; print(casevault.__file__)"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert where.startswith(str(venv)), f"casevault came from {where}, not the wheel"

    def casevault_run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(casevault), *args], env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    installed = casevault_run("desktop", "install")
    assert installed.stderr == "", installed.stderr  # every tool was there and ran
    data = tmp_path / "data"
    entry = data / "applications" / DESKTOP_ID
    valid = subprocess.run(
        [tool("desktop-file-validate"), str(entry)], capture_output=True, text=True, check=False
    )
    assert valid.returncode == 0 and valid.stdout.strip() == "", valid.stdout + valid.stderr
    assert f"Exec={casevault} %f" in entry.read_text().splitlines()
    for mime_type in MIME_TYPES:
        query = subprocess.run(
            [tool("xdg-mime"), "query", "default", mime_type],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert query.stdout.strip() == DESKTOP_ID, mime_type
    for size in ICON_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file(), size
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()

    casevault_run("desktop", "uninstall")
    left = sorted(
        p.relative_to(tmp_path)
        for root in (data, tmp_path / "config")
        if root.exists()
        for p in root.rglob("*")
    )
    assert left == [], left
