"""The .deb (packaging/deb/build-deb.sh), built from the bundle, then linted, installed with
apt-get, run (--version, the demo on Xvfb, a CLI vault), and purged, as root.

Marked `bundle` like tests/test_bundle.py: scripts/nightly builds the bundle and the .deb once and
runs these with CASEVAULT_BUNDLE_REUSE=1; without it they build both first. lintian and Xvfb
come from Debian's lintian and xvfb packages (scripts/nightly installs them).
"""

from __future__ import annotations

import gzip
import io
import os
import re
import shutil
import stat
import subprocess
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.packaging_tools import ROOT, load, xvfb

pytestmark = pytest.mark.bundle

smoke = load("smoke_linux")
floor = load("glibc_floor")

BUNDLE = ROOT / "dist" / "casevault"
APP_ID = "org.casevault.CaseVault"
ICON_SIZES = ("16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")
# The system libraries the bundle leaves out must be among the Depends.
MUST_DEPEND = (
    "libstdc++6",
    "libgcc-s1",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libx11-6",
    "libxcb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libcups2",
)


def tool(name: str) -> str:
    return shutil.which(name) or pytest.fail(f"{name} is missing: scripts/nightly installs it")


def run(*argv: str, timeout: float = 900, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=timeout, check=False, env={**os.environ, **env}
    )


@pytest.fixture(scope="module")
def deb() -> Path:
    """The .deb: reused when scripts/nightly has just built it (and the bundle), else built here."""
    reuse = os.environ.get("CASEVAULT_BUNDLE_REUSE") == "1"
    if not (reuse and (BUNDLE / "casevault").exists()):
        subprocess.run([str(ROOT / "packaging" / "build-linux.sh")], cwd=ROOT, check=True, timeout=1800)
        reuse = False
    if not (reuse and list((ROOT / "dist").glob("casevault_*.deb"))):
        subprocess.run([str(ROOT / "packaging" / "deb" / "build-deb.sh")], cwd=ROOT, check=True, timeout=1800)
    return max((ROOT / "dist").glob("casevault_*.deb"), key=lambda p: p.stat().st_mtime)


def field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def members(deb: Path) -> dict[str, tarfile.TarInfo]:
    tar_data = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(tar_data)) as tar:
        return {member.name.removeprefix("./").rstrip("/"): member for member in tar.getmembers()}


@pytest.fixture(scope="module")
def contents(deb: Path) -> dict[str, tarfile.TarInfo]:
    return members(deb)


def test_lintian_passes_with_the_bundle_overrides(deb: Path) -> None:
    """Every tag at warning or error level fails, but those packaging/deb/lintian-overrides
    explains (a bundle in /opt); informational tags are printed, not failed."""
    result = run(tool("lintian"), "--tag-display-limit", "0", "--fail-on", "error,warning", str(deb))
    tags = [line for line in result.stdout.splitlines() if re.match(r"^[EW]: ", line)]
    assert result.returncode == 0 and not tags, result.stdout + result.stderr


def test_control_fields(deb: Path) -> None:
    assert field(deb, "Package") == "casevault"
    assert (
        field(deb, "Architecture")
        == subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    version = subprocess.run(
        [str(BUNDLE / "casevault"), "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.split()[1].startswith(field(deb, "Version").split("~")[0])
    assert re.fullmatch(r".+ <[^@\s]+@[^@\s]+>", field(deb, "Maintainer"))
    assert int(field(deb, "Installed-Size")) > 100_000  # KiB
    depends = [entry.strip() for entry in field(deb, "Depends").split(",")]
    names = {entry.split()[0] for entry in depends}
    missing = [name for name in MUST_DEPEND if name not in names]
    assert not missing, depends
    # The glibc floor, as packaging/glibc_floor.py reads it off the bundle.
    highest, _ = floor.highest(floor.scan([BUNDLE]), "GLIBC")
    assert f"libc6 (>= {highest})" in depends
    assert floor.version_key(highest) <= (2, 35)


def test_file_modes_and_owners(contents: dict[str, tarfile.TarInfo]) -> None:
    """Directories 0755, files 0644, the executable 0755, everything root:root."""
    wrong = []
    for name, member in contents.items():
        mode = stat.S_IMODE(member.mode)
        if (member.uid, member.gid, member.uname, member.gname) != (0, 0, "root", "root"):
            wrong.append(f"{name}: owner {member.uname}:{member.gname}")
        if member.isdir() and mode != 0o755:
            wrong.append(f"{name}: directory {oct(mode)}")
        elif member.isfile():
            want = 0o755 if name == "opt/casevault/casevault" else 0o644
            if mode != want:
                wrong.append(f"{name}: file {oct(mode)}, want {oct(want)}")
    assert not wrong, wrong[:20]


def test_layout(contents: dict[str, tarfile.TarInfo]) -> None:
    link = contents["usr/bin/casevault"]
    assert link.issym() and link.linkname == "/opt/casevault/casevault"
    assert contents["opt/casevault/casevault"].isfile()
    assert contents["opt/casevault/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"].isfile()
    for name in (
        f"usr/share/applications/{APP_ID}.desktop",
        f"usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"usr/share/mime/packages/{APP_ID}.xml",
        f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"usr/share/icons/hicolor/{size}/apps/{APP_ID}.png" for size in ICON_SIZES),
        "usr/share/doc/casevault/copyright",
        "usr/share/doc/casevault/changelog.gz",
        "usr/share/man/man1/casevault.1.gz",
        "usr/share/lintian/overrides/casevault",
    ):
        assert name in contents and contents[name].isfile(), name
    tops = {name.split("/")[0] for name in contents if name and name != "."}
    assert tops == {"opt", "usr"}, tops
    # Nothing the bundle leaves to the system came along.
    internal = [
        n.rsplit("/", 1)[-1]
        for n in contents
        if n.startswith("opt/casevault/_internal/") and n.count("/") == 3
    ]
    for name in (
        "libstdc++.so.6",
        "libgcc_s.so.1",
        "libcups.so.2",
        "libexpat.so.1",
        "libX11.so.6",
        "libxcb-cursor.so.0",
    ):
        assert name not in internal


def extract(deb: Path, tmp_path: Path) -> Path:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    return tmp_path


def test_copyright_is_machine_readable(deb: Path, tmp_path: Path) -> None:
    text = (extract(deb, tmp_path) / "usr/share/doc/casevault/copyright").read_text()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert paragraphs[0].startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    )
    files = [p for p in paragraphs if p.startswith("Files:")]
    assert files[0].startswith("Files: *\n") and "License: GPL-3+" in files[0]
    standalone = {
        p.split("\n", 1)[0].removeprefix("License: ") for p in paragraphs if p.startswith("License:")
    }
    for paragraph in files:
        short = re.search(r"^License: (.+)$", paragraph, re.MULTILINE)
        assert short, paragraph
        # A short name either has its text in the paragraph (indented lines after it) or its own.
        has_text = paragraph.split(short.group(0), 1)[1].startswith("\n ")
        assert has_text or short.group(1) in standalone, paragraph
    assert "/usr/share/common-licenses/GPL-3" in text
    for paragraph in paragraphs:  # continuation lines start with a space; fields with a name
        for line in paragraph.splitlines():
            assert line.startswith(" ") or re.match(r"^[A-Z][\w-]*: ", line), line


def test_changelog_and_manual(deb: Path, tmp_path: Path) -> None:
    root = extract(deb, tmp_path)
    changelog = root / "usr/share/doc/casevault/changelog.gz"
    head = changelog.read_bytes()[:10]
    assert head[:2] == b"\x1f\x8b" and head[4:8] == b"\0\0\0\0" and head[8] == 2  # no time, -9
    text = gzip.decompress(changelog.read_bytes()).decode()
    version = field(deb, "Version")
    assert text.startswith(f"casevault ({version}) unstable; urgency=medium\n")
    assert re.search(r"^ -- .+ <.+>  \w{3}, \d{2} \w{3} \d{4} \d\d:\d\d:\d\d \+0000$", text, re.MULTILINE)
    assert all(len(line) <= 80 for line in text.splitlines() if not line.startswith(" -- "))  # as lintian
    manual = gzip.decompress((root / "usr/share/man/man1/casevault.1.gz").read_bytes()).decode()
    assert manual.startswith(".TH CASEVAULT 1")


def test_desktop_file_validates(deb: Path, tmp_path: Path) -> None:
    root = extract(deb, tmp_path)
    desktop = root / f"usr/share/applications/{APP_ID}.desktop"
    result = run(tool("desktop-file-validate"), str(desktop))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    assert re.search(r"^Exec=casevault( %[fFuU])?$", desktop.read_text(), re.MULTILINE)


def test_md5sums_match(deb: Path, tmp_path: Path) -> None:
    root = extract(deb, tmp_path / "root")
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    for name in ("postinst", "postrm"):
        assert stat.S_IMODE((control / name).stat().st_mode) == 0o755
    result = subprocess.run(["md5sum", "--check", "--quiet", str(control / "md5sums")], cwd=root, check=False)
    assert result.returncode == 0
    listed = {line.split("  ", 1)[1] for line in (control / "md5sums").read_text().splitlines()}
    files = {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and not p.is_symlink()}
    assert listed == files


# --- Installed with apt-get, run, purged ------------------------------------------------------


def mime_cache_names_casevault() -> bool:
    cache = Path("/usr/share/applications/mimeinfo.cache")
    return cache.exists() and f"{APP_ID}.desktop" in cache.read_text(errors="replace")


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[dict[str, float]]:
    if os.geteuid() != 0:
        pytest.fail("installing the .deb needs root (scripts/nightly runs as root)")
    if Path("/opt/casevault").exists() or run("dpkg", "-s", "casevault").returncode == 0:
        run("apt-get", "purge", "-y", "casevault", DEBIAN_FRONTEND="noninteractive")
    started = time.monotonic()
    result = run(
        tool("apt-get"),
        "install",
        "-y",
        "--no-install-recommends",
        str(deb),
        DEBIAN_FRONTEND="noninteractive",
    )
    timing = {"install": time.monotonic() - started}
    assert result.returncode == 0, result.stdout + result.stderr
    try:
        yield timing
    finally:
        if run("dpkg", "-s", "casevault").returncode == 0:
            run("apt-get", "purge", "-y", "casevault", DEBIAN_FRONTEND="noninteractive")


def test_installed_version(installed: dict[str, float], tmp_path: Path) -> None:
    assert shutil.which("casevault") == "/usr/bin/casevault"
    assert smoke.check_version(Path("/usr/bin/casevault"), tmp_path).startswith("casevault ")
    print(f"apt-get install took {installed['install']:.1f}s")


def test_installed_caches_know_the_app(installed: dict[str, float]) -> None:
    """postinst (or dpkg's triggers) ran update-desktop-database and update-mime-database."""
    if shutil.which("update-desktop-database"):
        assert mime_cache_names_casevault()
    if shutil.which("update-mime-database"):
        assert Path("/usr/share/mime/application/x-casevault-backup.xml").exists()


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb() as name:
        yield name


def test_installed_demo_on_xvfb(installed: dict[str, float], display: str, tmp_path: Path) -> None:
    print(smoke.check_demo_on_display(Path("/usr/bin/casevault"), tmp_path, display))


def test_installed_cli_round_trip(installed: dict[str, float], tmp_path: Path) -> None:
    print(smoke.check_cli_vault(Path("/usr/bin/casevault"), tmp_path))


def test_purge_leaves_nothing(installed: dict[str, float]) -> None:
    started = time.monotonic()
    result = run(tool("apt-get"), "purge", "-y", "casevault", DEBIAN_FRONTEND="noninteractive")
    assert result.returncode == 0, result.stdout + result.stderr
    print(f"apt-get purge took {time.monotonic() - started:.1f}s")
    assert run("dpkg", "-s", "casevault").returncode != 0
    assert not Path("/opt/casevault").exists()
    assert not Path("/usr/bin/casevault").exists() and not Path("/usr/bin/casevault").is_symlink()
    assert not Path(f"/usr/share/applications/{APP_ID}.desktop").exists()
    assert not Path(f"/usr/share/mime/packages/{APP_ID}.xml").exists()
    assert not list(Path("/usr/share/icons/hicolor").glob(f"*/apps/{APP_ID}.*"))
    assert not Path("/usr/share/doc/casevault").exists()
    # postrm (or the triggers) refreshed the caches: no menu entry or file type points at it.
    assert not mime_cache_names_casevault()
    assert not Path("/usr/share/mime/application/x-casevault-backup.xml").exists()
