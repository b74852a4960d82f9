"""The macOS .icns and the Windows .ico that scripts/render_icons.py writes from the SVG (issue 19,
item 6): each container is read back by hand (its header, every entry's size and PNG data), by
Qt's own icns and ico readers, and compared with a fresh render of today's SVG, so a changed
icon without a re-run fails here. packaging/casevault.spec names both files."""

from __future__ import annotations

import importlib.util
import os
import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImageReader

# As in tests/gui/conftest.py: pytest-qt's QApplication comes up without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "casevault.spec"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "scripts" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_icons = load_script()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not PNG data"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert data[24:26] == b"\x08\x06", "expected 8-bit RGBA"
    return width, height


def icns_entries(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    entries, offset = [], 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        assert length > 8 and offset + length <= len(data), f"{kind!r} runs past the end"
        entries.append((kind, data[offset + 8 : offset + length]))
        offset += length
    assert offset == len(data)
    return entries


def ico_entries(data: bytes) -> list[tuple[int, int, bytes]]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an icon (type 1) file"
    entries = []
    for index in range(count):
        width, height, colours, zero, planes, bits, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert (colours, zero, planes, bits) == (0, 0, 1, 32)
        entries.append((width or 256, height or 256, data[offset : offset + size]))
    return entries


def test_the_icns_has_every_macos_size_as_png() -> None:
    entries = icns_entries(render_icons.ICNS.read_bytes())
    assert [kind for kind, _ in entries] == [kind for kind, _ in render_icons.ICNS_TYPES]
    for (kind, data), (_kind, size) in zip(entries, render_icons.ICNS_TYPES, strict=True):
        assert png_size(data) == (size, size), kind
    sizes = {size for _, size in render_icons.ICNS_TYPES}
    assert {16, 32, 128, 256, 512, 1024} <= sizes  # the iconset sizes Finder and the Dock use


def test_the_ico_has_every_windows_size_as_png() -> None:
    entries = ico_entries(render_icons.ICO.read_bytes())
    assert [width for width, _h, _d in entries] == list(render_icons.ICO_SIZES)
    for width, height, data in entries:
        assert width == height
        assert png_size(data) == (width, height)
    assert {16, 32, 48, 256} <= set(render_icons.ICO_SIZES)  # Explorer's small to extra-large views


@pytest.mark.parametrize("path", [render_icons.ICNS, render_icons.ICO], ids=["icns", "ico"])
def test_qt_reads_every_image_of_the_file(qapp: object, path: Path) -> None:
    reader = QImageReader(str(path))
    assert reader.canRead(), reader.errorString()
    widths = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"image {index}: {reader.errorString()}"
        assert image.width() == image.height()
        # Not blank: the middle of the icon is drawn (a broken SVG renders fully transparent).
        assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 255
        widths.append(image.width())
    expected = [s for _, s in render_icons.ICNS_TYPES] if path.suffix == ".icns" else render_icons.ICO_SIZES
    assert widths == list(expected)


def test_the_committed_files_are_what_the_script_makes_from_todays_svg(qapp: object, tmp_path: Path) -> None:
    icns, ico = tmp_path / "casevault.icns", tmp_path / "casevault.ico"
    render_icons.render_bundle_icons(render_icons.SOURCE, icns, ico)
    assert icns.read_bytes() == render_icons.ICNS.read_bytes(), "run scripts/render_icons.py"
    assert ico.read_bytes() == render_icons.ICO.read_bytes(), "run scripts/render_icons.py"


def test_the_spec_gives_the_exe_and_the_app_their_icons() -> None:
    text = SPEC.read_text(encoding="utf-8")
    # casevault.exe (windowed) and casevault-cli.exe take the .ico; the .app its .icns.
    exe_icon = (
        'icon=str(ROOT / "packaging" / "windows" / "casevault.ico") if sys.platform == "win32" else None'
    )
    assert exe_icon in text
    assert text.count('icon=str(ROOT / "packaging" / "windows" / "casevault.ico")') == 2
    assert text.count('icon=str(ROOT / "packaging" / "macos" / "casevault.icns")') == 1
    assert "icon=None" not in text
