#!/usr/bin/env python3
"""Screenshots of the desktop app's main screens, from the real app on the demo vault, offscreen.

Run: .venv/bin/python scripts/screenshots.py   (writes docs/screenshots/*.png)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Offscreen, with private config and runtime folders so no real settings are read or written.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_scratch = Path(tempfile.mkdtemp(prefix="casevault-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(_scratch / "config")
os.environ["XDG_RUNTIME_DIR"] = str(_scratch / "runtime")
(_scratch / "runtime").mkdir(mode=0o700)

from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from casevault.demo import demo_vault  # noqa: E402
from casevault.gui.app import App  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(OUT.parent.parent)}")


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = QApplication(sys.argv[:1])
    app.setApplicationName("casevault")
    app.setOrganizationName("casevault")
    with demo_vault() as (paths, passphrase):
        gui = App(paths, keychain=None)
        gui.start()
        settle(app)
        dialog = gui.unlock_dialog
        save(dialog, "unlock.png")

        dialog.passphrase.setText(passphrase)
        dialog.unlock_button.click()
        settle(app)
        window = gui.main_window
        window.filter.setCurrentIndex(2)  # All, so the closed demo case shows too
        window.resize(960, 420)
        settle(app)
        save(window, "case-list.png")
        gui.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
