#!/usr/bin/env python3
"""Render the application icon into the hicolor tree that ships inside the Python package.

The one hand-made source is resources/icons/<APP_ID>.svg. This script copies it to
src/casevault/resources/icons/hicolor/scalable/apps/ and renders a PNG of every hicolor size
next to it (NxN/apps/<APP_ID>.png) with QtSvg, so the running app (importlib.resources) and
packagers (copy the tree to /usr/share/icons/hicolor) use the same files. The results are
committed; run it again after changing the SVG:

    .venv/bin/python scripts/render_icons.py

tests/test_desktop_files.py checks that the copies match the source and every size is there.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from casevault.resources import APP_ID, ICON_SIZES, icon_dir  # noqa: E402

SOURCE = ROOT / "resources" / "icons" / f"{APP_ID}.svg"


def render(source: Path, out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {source} is not a valid SVG")
    written = []
    scalable = out_dir / "scalable" / "apps" / source.name
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    written.append(scalable)
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    return written


def main() -> int:
    for path in render(SOURCE, icon_dir()):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
