#!/usr/bin/env python3
"""Screenshots of the desktop app's main screens, from the real app on the demo vault, offscreen.

Run: .venv/bin/python scripts/screenshots.py   (writes docs/screenshots/*.png)
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

# Offscreen, with private config and runtime folders so no real settings are read or written.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_scratch = Path(tempfile.mkdtemp(prefix="casevault-shots-"))
os.environ["XDG_CONFIG_HOME"] = str(_scratch / "config")
os.environ["XDG_RUNTIME_DIR"] = str(_scratch / "runtime")
(_scratch / "runtime").mkdir(mode=0o700)

import pyrage  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QDate, QDateTime, QIODevice, QLocale, QRectF, Qt, QTime  # noqa: E402
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter  # noqa: E402
from PySide6.QtWidgets import QApplication, QSplitter, QWidget  # noqa: E402

from casevault.core.clock import utc_now  # noqa: E402
from casevault.demo import demo_vault  # noqa: E402
from casevault.gui.app import App  # noqa: E402
from casevault.gui.case_page import DOCUMENTS, FIRST_MEETING, OVERVIEW, CasePage  # noqa: E402
from casevault.gui.documents import DocumentsPanel  # noqa: E402
from casevault.gui.main_window import MainWindow  # noqa: E402

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


LETTER_NAME = "hearing-invitation.pdf"
LETTER = (
    "Invitation to a disciplinary hearing",
    "",
    "Dear {member},",
    "",
    "You are invited to a hearing on 24 March at 10:00",
    "to discuss the lateness recorded on 3 and 10 March.",
    "",
    "You may be accompanied by a trade union",
    "representative or a colleague.",
    "",
    "Yours sincerely,",
    "R. Example, HR Manager",
)


def fictional_letter(member: str) -> bytes:
    """A one-page PDF letter from an invented employer, made in memory (nothing on disk)."""
    holder = QByteArray()
    buffer = QBuffer(holder)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QPageLayout().margins())
    writer.setResolution(72)
    writer.setTitle("Fictional letter (casevault demo)")
    painter = QPainter(writer)
    painter.fillRect(QRectF(0, 0, 420, 46), QColor(32, 74, 135))
    painter.setPen(QColor(Qt.GlobalColor.white))
    painter.setFont(QFont("DejaVu Sans", 13, QFont.Weight.Bold))
    painter.drawText(QRectF(24, 0, 380, 46), Qt.AlignmentFlag.AlignVCenter, "Northgate Logistics (fictional)")
    painter.setPen(QColor(Qt.GlobalColor.black))
    for row, line in enumerate(LETTER):
        bold = row == 0
        painter.setFont(QFont("DejaVu Sans", 11 if bold else 10, QFont.Weight.Bold if bold else -1))
        painter.drawText(24, 84 + row * 18, line.format(member=member))
    painter.end()
    buffer.close()
    return bytes(holder.data())


def wait_for_preview(app: QApplication, panel: DocumentsPanel) -> None:
    """Previews are decrypted and rendered on a worker thread: wait until one is shown."""
    deadline = time.monotonic() + 30
    while panel.preview.kind == "" and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if panel.preview.kind != "pdf":
        raise SystemExit(f"the PDF preview did not appear (shown: {panel.preview.kind!r})")


def shoot_preview(app: QApplication, window: MainWindow, page: CasePage) -> None:
    """The Documents tab with a PDF previewed. The demo's own attachments are text files, so a
    fictional letter is attached through the Vault API, straight from memory."""
    vault = window.vault
    assert vault is not None
    member = vault.case(page.ref).summary.member_name
    vault.attach_stream(page.ref, LETTER_NAME, io.BytesIO(fictional_letter(member)))
    panel = page.documents_widget()
    assert isinstance(panel, DocumentsPanel)
    panel.refresh()
    page.tabs.setCurrentIndex(DOCUMENTS)
    window.resize(1180, 760)
    settle(app)
    panel.findChild(QSplitter).setSizes([430, 750])
    panel.select(LETTER_NAME)
    panel.preview_selected()
    wait_for_preview(app, panel)
    settle(app)
    save(window, "preview.png")


def shoot_conflict_check(app: QApplication, window: MainWindow, page: CasePage) -> None:
    """The People tab after "Add person…" with a name that is a manager in another demo case,
    typed another way round: the conflict dialog shows that case by reference and role only."""
    page.tabs.setCurrentWidget(page.people)
    people = page.people
    people.name.setText("okonkwo dee")
    people.role.setCurrentIndex(people.role.findData("witness"))
    window.resize(1000, 700)
    settle(app)
    people.add_person()
    dialog = people.conflict_dialog
    if dialog is None:
        raise SystemExit("the conflict check found no match in the demo vault")
    dialog.adjustSize()
    dialog.resize(max(dialog.width(), 560), dialog.height())
    settle(app)
    save(dialog, "conflict-check.png")
    dialog.refer_on.click()
    dialog.ok_button.click()
    settle(app)


def shoot_audit_history(app: QApplication, window: MainWindow, page: CasePage) -> None:
    """The Overview with the case's history from the audit log: actions and times, no content."""
    page.refresh_overview()
    page.tabs.setCurrentIndex(OVERVIEW)
    window.resize(960, 820)
    settle(app)
    save(window, "audit-history.png")


def shoot_exchange(app: QApplication, window: MainWindow, page: CasePage) -> None:
    """The export dialog ready to send to another rep (the member's consent to share is recorded
    first, as the dialog requires), then the handover dialog with a colleague's key pasted."""
    vault = window.vault
    assert vault is not None
    vault.give_consent(page.ref, "share-reps", note="Agreed at the first meeting")
    page.open_export_dialog()
    dialog = page.export_dialog
    assert dialog is not None
    dialog.recipient.setText("Alex, branch caseworker")
    dialog.include_summary.setChecked(True)
    dialog.generate_password()
    dialog.path.setText("/media/usb/CV-2026-0001-documents.zip")
    dialog.resize(640, dialog.sizeHint().height())
    settle(app)
    save(dialog, "export.png")
    dialog.reject()
    settle(app)

    page.open_handover_dialog()
    handover = page.handover_dialog
    assert handover is not None
    handover.recipient_field.setText(str(pyrage.x25519.Identity.generate().to_public()))
    handover.resize(640, handover.sizeHint().height())
    settle(app)
    save(handover, "handover.png")
    handover.reject()
    settle(app)


def shoot_reminders(app: QApplication, window: MainWindow) -> None:
    """The reminders panel with a few things due, then the delete confirmation of the demo's
    closed case (its archive period has ended), with the reference half typed. Overdue action
    points are added here through the Vault API; the closed case is given originals not yet
    returned, so the dialog shows the warning and asks for a reason."""
    vault = window.vault
    assert vault is not None
    if window.case_page is not None:
        window.case_page.discard()  # the first meeting typed for case-page.png: not asked about
    window.back_to_cases()
    open_cases = vault.list_cases(status="open", sort="ref", descending=False)
    for case, what, hours in zip(
        open_cases,
        ("Send the written grievance to the line manager", "Ask HR for the attendance policy"),
        (26, 3),
        strict=False,
    ):
        vault.add_action_point(case.ref, what, owner="Rep", due_at=utc_now() - timedelta(hours=hours))
    closed = vault.list_cases(status="closed")[0].ref
    meeting = vault.first_meeting(closed)
    vault.save_first_meeting(closed, replace(meeting, originals_received="Original payslips"))
    window.reminders.watch.check()
    window.reminders.show_panel()
    window.reminders.panel.select(closed, "archive-expired")
    window.resize(1000, 640)
    settle(app)
    window.reminders.dock.setMinimumHeight(230)
    settle(app)
    save(window, "reminders.png")

    dialog = window.reminders.delete_case(closed)
    assert dialog is not None
    dialog.confirm.setText(closed[: len(closed) // 2 + 2])
    dialog.adjustSize()
    settle(app)
    save(dialog, "delete-confirmation.png")
    dialog.reject()


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

        # The open disciplinary case: the lateness story below and the hearing letter fit it.
        vault = window.vault
        assert vault is not None
        ref = next(c.ref for c in vault.list_cases(status="open") if c.case_type == "disciplinary")
        window.open_case(ref)
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

        shoot_preview(app, window, page)
        shoot_conflict_check(app, window, page)
        shoot_audit_history(app, window, page)
        shoot_exchange(app, window, page)
        shoot_reminders(app, window)
        gui.shutdown()
    return 0


if __name__ == "__main__":
    try:
        code = main()
    finally:
        shutil.rmtree(_scratch, ignore_errors=True)  # its settings file is of no further use
    sys.exit(code)
