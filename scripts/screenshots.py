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

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from casevault.demo import demo_vault  # noqa: E402
from casevault.gui.app import App  # noqa: E402
from casevault.gui.case_page import FIRST_MEETING  # noqa: E402

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

        window.table.selectRow(0)
        window.open_case(window.model.ref_at(0) or "")
        page = window.case_page
        assert page is not None
        page.tabs.setCurrentIndex(FIRST_MEETING)
        form = page.first_meeting
        for issue in ("Written warning for lateness", "Rota changed without consultation"):
            form.new_issue.setText(issue)
            form.add_issue_button.click()
        form.narrative.setPlainText(
            "The member was warned twice about lateness after the rota changed in March; "
            "the member says nobody was consulted about the change."
        )
        form.dismissal.setChecked(True)
        form.held_at.setDateTime(QDateTime(QDate(2026, 3, 10), QTime(14, 30)))
        form.confidentiality.setChecked(True)
        form.originals.setText("Warning letter of 3 March, old and new rotas")
        form.decision.setPlainText("I want the union to represent me at the hearing.")
        window.resize(960, 760)
        settle(app)
        save(window, "case-page.png")
        gui.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
