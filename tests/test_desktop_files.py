"""The files that make casevault a desktop app: the .desktop entry, the AppStream metainfo, the
shared-mime-info file types and the icons, all package data in casevault.resources (installed by
`casevault desktop install`: tests/host/test_desktop.py). The freedesktop validators run for real
(scripts/test installs `appstream` and `desktop-file-utils`), and the names that must agree across
the files are checked against casevault.resources, which the running app uses too.
"""

from __future__ import annotations

import configparser
import filecmp
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

from casevault import __version__
from casevault.resources import (
    APP_ID,
    APPLICATION_NAME,
    ICON_SIZES,
    MIME_TYPES,
    desktop_file,
    icon_dir,
    icon_pngs,
    icon_svg,
    metainfo_file,
    mime_file,
)

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = desktop_file()
METAINFO = metainfo_file()
MIME = mime_file()
SVG_SOURCE = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
SCREENSHOTS = ROOT / "docs" / "screenshots"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

# What `appstreamcli validate --pedantic` may say, and why each is deliberate:
ALLOWED_APPSTREAM = {  # tag: what its details must say
    # Mixed case follows the D-Bus / reverse-DNS convention that many desktop apps use
    # (org.gnome.TextEditor, org.kde.Kate); only the pedantic level mentions it.
    "cid-contains-uppercase-letter": APP_ID,
    # <developer> is the AppStream 1.0 element (it replaced <developer_name>); AppStream 0.16, as in
    # Debian 12, does not know it yet and says so as an info.
    "unknown-tag": "developer",
}


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, (
        f"{name} is missing: scripts/test installs it (apt: appstream, desktop-file-utils, shared-mime-info)"
    )
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert header[12:16] == b"IHDR"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


# ---- the validators -------------------------------------------------------------------------


def test_desktop_file_validates() -> None:
    result = subprocess.run(
        [tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # not even a hint or a warning


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_validates_pedantic_with_only_known_notes() -> None:
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", "--pedantic", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Each issue is a line "X: component-id:line: tag-name details" (X: E error, W warning,
    # I info, P pedantic).
    issues = re.findall(r"^([EWIP]): \S+ (\S+) ?(.*)$", result.stdout, re.MULTILINE)
    assert "Validation was successful" in result.stdout, result.stdout
    assert [kind for kind, _tag, _details in issues if kind in "EW"] == [], result.stdout
    unexpected = [
        (tag, details) for _kind, tag, details in issues if ALLOWED_APPSTREAM.get(tag) != details.strip()
    ]
    assert not unexpected, result.stdout


# ---- the names agree ------------------------------------------------------------------------


def test_desktop_entry_names_the_app_id_icon_and_wm_class() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    # The [project.scripts] entry point, on the file opened (a system package's PATH finds it;
    # `casevault desktop install` writes the absolute path instead).
    assert entry["Exec"] == "casevault %f"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupNotify"] == "true"
    # Qt 6 on X11 sets WM_CLASS to (argv[0]'s base name, applicationName): gui/app.py sets the
    # application name to APPLICATION_NAME, and the entry point is called casevault too.
    assert entry["StartupWMClass"] == APPLICATION_NAME
    assert "Office" in entry["Categories"].split(";")
    assert DESKTOP.name == f"{APP_ID}.desktop"  # Qt's desktopFileName is the Wayland app_id


def test_metainfo_names_agree_with_the_desktop_file_and_package() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == "casevault"
    assert tuple(m.text for m in root.iterfind("provides/mediatype")) == MIME_TYPES
    assert root.findtext("metadata_license") == "CC0-1.0"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    license_ = re.search(r'^license = "([^"]+)"', pyproject, re.MULTILINE)
    assert license_ is not None
    assert root.findtext("project_license") == license_.group(1)
    releases = root.findall("releases/release")
    assert releases, "no release in the metainfo"
    assert releases[0].get("version") == __version__, "the newest release must be the package version"
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]


def test_every_screenshot_in_the_metainfo_is_in_docs() -> None:
    images = [image.text or "" for image in metainfo().iter("image")]
    assert images
    for url in images:
        assert url.startswith("https://"), url
        assert (SCREENSHOTS / url.rsplit("/", 1)[-1]).is_file(), f"{url} is not in docs/screenshots/"
    defaults = [s for s in metainfo().iter("screenshot") if s.get("type") == "default"]
    assert len(defaults) == 1


def test_the_file_types_agree_across_the_mime_xml_desktop_file_and_package() -> None:
    root = ET.parse(MIME).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    types = root.findall(f"{MIME_NS}mime-type")
    assert tuple(t.get("type") for t in types) == MIME_TYPES
    assert tuple(desktop_entry()["MimeType"].split(";")) == (*MIME_TYPES, "")
    globs = {t.get("type"): [g.get("pattern") for g in t.iter(f"{MIME_NS}glob")] for t in types}
    assert globs == {MIME_TYPES[0]: ["*.cvbackup"], MIME_TYPES[1]: ["*.cvcase.age"]}
    for each in types:
        assert each.findtext(f"{MIME_NS}comment"), "every type needs a comment: file managers show it"
        assert each.find(f"{MIME_NS}icon").get("name") == APP_ID  # type: ignore[union-attr]


def test_the_mime_xml_is_a_database_update_mime_database_accepts(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    result = subprocess.run(
        [tool("update-mime-database"), "-V", str(tmp_path / "mime")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Unknown" not in result.stderr and "Error" not in result.stderr, result.stderr
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert f"50:{MIME_TYPES[0]}:*.cvbackup" in globs and f"50:{MIME_TYPES[1]}:*.cvcase.age" in globs
    assert (tmp_path / "mime" / "magic").read_bytes().count(b"CVBACKUP") == 1


# ---- the icons ------------------------------------------------------------------------------


def test_every_hicolor_png_is_there_at_its_size() -> None:
    pngs = icon_pngs()
    assert [int(p.parent.parent.name.split("x")[0]) for p in pngs] == list(ICON_SIZES)
    for size, png in zip(ICON_SIZES, pngs, strict=True):
        assert png.is_file(), f"{png} is missing: run scripts/render_icons.py"
        assert png_size(png) == (size, size), png
    on_disk = sorted(p.relative_to(icon_dir()) for p in icon_dir().rglob("*") if p.is_file())
    assert on_disk == sorted(p.relative_to(icon_dir()) for p in [*pngs, icon_svg()])


def test_the_shipped_svg_is_the_source_svg() -> None:
    # One source of truth: resources/icons/ holds the SVG; the package has a copy made by
    # scripts/render_icons.py, together with the PNGs rendered from it.
    assert filecmp.cmp(SVG_SOURCE, icon_svg(), shallow=False), "run scripts/render_icons.py"
    root = ET.parse(SVG_SOURCE).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 128 128"  # square, as icon themes expect


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icons_are_not_blank(size: int) -> None:
    # A broken SVG renders as a fully transparent image: some pixel must have been drawn. With
    # 8-bit RGBA, a blank image's filtered scanlines are all zero bytes whatever the filter.
    data = icon_pngs()[ICON_SIZES.index(size)].read_bytes()
    assert data[24:26] == b"\x08\x06", "expected 8-bit RGBA"  # bit depth, colour type
    idat, offset = b"", 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if kind == b"IDAT":
            idat += data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + 4 * size
    assert len(raw) == stride * size
    assert any(raw[row * stride + 1 : (row + 1) * stride].strip(b"\0") for row in range(size))
