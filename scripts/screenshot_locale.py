#!/usr/bin/env python3
"""A screenshot of the desktop app in French, from the real app on the demo vault, offscreen.

Run: .venv/bin/python scripts/screenshot_locale.py   (writes docs/screenshots/locale-fr.png)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

# Offscreen, with private config and runtime folders so no real settings are read or written.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_scratch = Path(tempfile.mkdtemp(prefix="casevault-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(_scratch / "config")
os.environ["XDG_RUNTIME_DIR"] = str(_scratch / "runtime")
(_scratch / "runtime").mkdir(mode=0o700)

from PySide6.QtWidgets import QApplication  # noqa: E402

from casevault.demo import demo_vault  # noqa: E402
from casevault.gui import translations  # noqa: E402
from casevault.gui.app import App  # noqa: E402
from casevault.gui.case_page import PAPER_TRAIL  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "locale-fr.png"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("casevault")
    app.setOrganizationName("casevault")
    if translations.install("fr") != "fr":
        raise SystemExit("no French translation: run scripts/translations.py")
    with demo_vault() as (paths, passphrase):
        gui = App(paths, keychain=None)
        gui.start()
        settle(app)
        gui.unlock_dialog.passphrase.setText(passphrase)
        gui.unlock_dialog.unlock_button.click()
        settle(app)
        window = gui.main_window
        vault = window.vault
        assert vault is not None
        ref = next(c.ref for c in vault.list_cases(status="open") if c.case_type == "disciplinary")
        window.open_case(ref)
        page = window.case_page
        assert page is not None
        page.tabs.setCurrentIndex(PAPER_TRAIL)
        window.resize(1000, 640)
        settle(app)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(OUT)):
            raise SystemExit(f"could not write {OUT}")
        print(f"wrote {OUT.relative_to(OUT.parents[2])}")
        gui.shutdown()
        window.close()
    translations.uninstall()
    shutil.rmtree(_scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
