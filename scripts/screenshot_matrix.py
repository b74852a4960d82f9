"""Make the screenshots in docs/screenshots/matrix/ (issue 18): Today, the case header, the first
meeting, an email preview, search results with snippets, the history and the summary PDF's first
page, at 100% and 200% scale, in light and dark, in English and French, from the demo vault.

    .venv/bin/python scripts/screenshot_matrix.py [OUT_DIR]      (default docs/screenshots/matrix)

Each variant runs in its own offscreen process, since the scale factor and the language are
fixed when Qt starts. Dark is Fusion with a dark palette, as a desktop's dark theme gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCREENS = ("today", "case-header", "first-meeting", "email-preview", "search", "history", "summary-pdf")
VARIANTS = [(lang, scale, theme) for lang in ("en", "fr") for scale in (1, 2) for theme in ("light", "dark")]
SIZE = (1100, 700)  # logical pixels: 2200 x 1400 at 200%


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "docs/screenshots/matrix")
    out.mkdir(parents=True, exist_ok=True)
    for lang, scale, theme in VARIANTS:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QT_SCALE_FACTOR": str(scale),
            "CASEVAULT_LANG": {"en": "en_GB", "fr": "fr_FR"}[lang],  # QLocale("en") is the US
            "LANG": "fr_FR.UTF-8" if lang == "fr" else "en_GB.UTF-8",
        }
        args = [sys.executable, __file__, "--child", str(out), lang, str(scale), theme]
        done = subprocess.run(args, env=env, check=False)
        if done.returncode:
            print(f"{lang} {scale}x {theme}: failed ({done.returncode})", file=sys.stderr)
            return done.returncode
        print(f"{lang} {scale}x {theme}: {len(SCREENS)} screenshots")
    return 0


def _dark_palette() -> object:
    from PySide6.QtGui import QColor, QPalette  # noqa: PLC0415

    palette = QPalette()
    role = QPalette.ColorRole
    for which, colour in (
        (role.Window, "#202124"),
        (role.WindowText, "#e8eaed"),
        (role.Base, "#17181a"),
        (role.AlternateBase, "#26282b"),
        (role.Text, "#e8eaed"),
        (role.Button, "#2d2f33"),
        (role.ButtonText, "#e8eaed"),
        (role.Highlight, "#3d6fb6"),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#2d2f33"),
        (role.ToolTipText, "#e8eaed"),
        (role.Link, "#8ab4f8"),
        (role.PlaceholderText, "#9aa0a6"),
    ):
        palette.setColor(which, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7f8389"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7f8389"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#7f8389"))
    return palette


def child(out: Path, lang: str, scale: str, theme: str) -> int:  # noqa: PLR0915 - one screen after another
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize  # noqa: PLC0415
    from PySide6.QtPdf import QPdfDocument  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: PLC0415

    from casevault.demo import demo_vault  # noqa: PLC0415
    from casevault.gui import translations  # noqa: PLC0415
    from casevault.gui.app import App  # noqa: PLC0415
    from casevault.gui.case_page import DOCUMENTS, FIRST_MEETING  # noqa: PLC0415
    from casevault.gui.letter_pdf import render_letter  # noqa: PLC0415
    from casevault.gui.summary_pdf import render_summary  # noqa: PLC0415
    from casevault.vault.facade import Vault  # noqa: PLC0415

    app = QApplication(["casevault"])
    if theme == "dark":
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())  # type: ignore[arg-type]
    translations.install()
    suffix = f"{lang}-{scale}x-{theme}"

    def settle(ms: int = 150) -> None:
        from PySide6.QtCore import QDeadlineTimer, QEventLoop  # noqa: PLC0415

        deadline = QDeadlineTimer(ms)
        while not deadline.hasExpired():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def shot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}-{suffix}.png"), "PNG", 0)  # 0: the smallest file

    with demo_vault(render_pdf=render_letter) as (paths, passphrase):
        vault = Vault.open(paths, keychain=None, ask_passphrase=lambda _reason: passphrase)
        controller = App(paths, keychain=None)
        controller.start(vault)
        window = controller.main_window
        window.resize(*SIZE)
        window.show_today()
        window.today.reload()
        shot(window, "today")
        ref = _case_with_email(vault)
        window.open_case(ref)
        page = window.case_page
        assert page is not None
        shot(window, "case-header")
        shot(window, "history")
        page.tabs.setCurrentIndex(FIRST_MEETING)
        shot(window, "first-meeting")
        page.tabs.setCurrentIndex(DOCUMENTS)
        documents = page.documents_widget()
        name = next(n for n in documents.names() if n.endswith(".eml"))  # type: ignore[attr-defined]
        documents.select(name)  # type: ignore[attr-defined]
        documents.preview_selected()  # type: ignore[attr-defined]
        settle(1500)  # decrypted and parsed on a worker thread
        shot(window, "email-preview")
        window.back_to_cases()
        window.show_cases()
        window.search.setText("hearing")
        settle(800)  # the search waits for typing to pause
        shot(window, "search")
        data = render_summary(vault, ref)
        array = QByteArray(data)
        buffer = QBuffer(array)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        pdf = QPdfDocument()
        pdf.load(buffer)
        width = 800 * int(scale)
        pdf.render(0, QSize(width, int(width * 297 / 210))).save(
            str(out / f"summary-pdf-{suffix}.png"), "PNG", 0
        )
        pdf.close()
        controller.shutdown()
        window.close()
    return 0


def _case_with_email(vault: object) -> str:
    for summary in vault.list_cases():  # type: ignore[attr-defined]
        if any(a.name.endswith(".eml") for a in vault.case(summary.ref).attachments):  # type: ignore[attr-defined]
            return str(summary.ref)
    raise SystemExit("the demo vault has no email")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.exit(child(Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]))
    sys.exit(main(sys.argv))
