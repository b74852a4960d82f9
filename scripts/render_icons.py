#!/usr/bin/env python3
"""Render the application icon into the hicolor tree that ships inside the Python package, and
into the icon files of the macOS and Windows bundles.

The one hand-made source is resources/icons/<APP_ID>.svg. This script copies it to
src/casevault/resources/icons/hicolor/scalable/apps/ and renders a PNG of every hicolor size
next to it (NxN/apps/<APP_ID>.png) with QtSvg, so the running app (importlib.resources) and
packagers (copy the tree to /usr/share/icons/hicolor) use the same files. It also writes
packaging/macos/casevault.icns and packaging/windows/casevault.ico, which packaging/casevault.spec
gives the .app and the .exe: each size is rendered from the SVG (not scaled down from a large
PNG, which blurs the small sizes) and stored as PNG data in the container, a form macOS 10.7+ and
Windows Vista+ read. The results are committed; run it again after changing the SVG:

    .venv/bin/python scripts/render_icons.py

tests/test_desktop_files.py checks that the copies match the source and every size is there;
tests/scripts/test_render_icons.py checks the .icns and .ico, and that they are what this script
makes from today's SVG.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from casevault.resources import APP_ID, ICON_SIZES, icon_dir  # noqa: E402

SOURCE = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
ICNS = ROOT / "packaging" / "macos" / "casevault.icns"
ICO = ROOT / "packaging" / "windows" / "casevault.ico"

# The .icns element types that hold PNG data, and the pixel size of each (Apple's icns format;
# the @2x types are the Retina variants of the size named, at twice its pixels).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512x512@2x
    (b"ic11", 32),  # 16x16@2x
    (b"ic12", 64),  # 32x32@2x
    (b"ic13", 256),  # 128x128@2x
    (b"ic14", 512),  # 256x256@2x
)
# What Windows asks an .ico for: the shell's list, details and tile views at 100-200% scaling.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def renderer_for(source: Path) -> QSvgRenderer:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if QGuiApplication.instance() is None:
        # Kept on the function so it outlives this call (Qt needs it while rendering).
        renderer_for.app = QGuiApplication([])  # type: ignore[attr-defined]
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {source} is not a valid SVG")
    return renderer


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn at size x size pixels, as 8-bit RGBA PNG data."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise SystemExit(f"render_icons: could not encode the {size}px PNG")
    return bytes(buffer.data().data())


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple icon image: b"icns", the file's length, then one (type, length, PNG) element per
    ICNS_TYPES entry (lengths big-endian and counting their own 8-byte header)."""
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon: the ICONDIR header, one 16-byte ICONDIRENTRY per size (a width or height of
    0 means 256), then the PNG data of each."""
    sizes = sorted(pngs)
    offset = 6 + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size == 256 else size
        # width, height, palette colours, reserved, colour planes, bits per pixel, size, offset
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return struct.pack("<HHH", 0, 1, len(sizes)) + entries + images


def render(source: Path, out_dir: Path) -> list[Path]:
    """The hicolor tree: the SVG itself and a PNG of every ICON_SIZES size."""
    renderer = renderer_for(source)
    written = []
    scalable = out_dir / "scalable" / "apps" / source.name
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    written.append(scalable)
    for size in ICON_SIZES:
        target = out_dir / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render_png(renderer, size))
        written.append(target)
    return written


def render_bundle_icons(source: Path, icns: Path, ico: Path) -> list[Path]:
    """The macOS .icns and the Windows .ico, every size rendered from the SVG."""
    renderer = renderer_for(source)
    sizes = {size for _kind, size in ICNS_TYPES} | set(ICO_SIZES)
    pngs = {size: render_png(renderer, size) for size in sorted(sizes)}
    icns.parent.mkdir(parents=True, exist_ok=True)
    icns.write_bytes(icns_bytes(pngs))
    ico.parent.mkdir(parents=True, exist_ok=True)
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    return [icns, ico]


def main() -> int:
    for path in [*render(SOURCE, icon_dir()), *render_bundle_icons(SOURCE, ICNS, ICO)]:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
