"""One case, opened from the case list: an overview, the first meeting, the paper trail, action
points and (plugged in by the documents panel) the case's documents.

The page reads and writes only through the Vault API. Its only unsaved state is the first-meeting
form (entries and action points are written as soon as they are added)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import outcomes as outcome_rules
from casevault.casework.contact import bcc_mailto
from casevault.casework.exchange import HANDED_OVER_REASON
from casevault.core.errors import CasevaultError
from casevault.core.model import CaseDetail
from casevault.gui.action_points_panel import ActionPointsPanel
from casevault.gui.case_header import CaseHeader
from casevault.gui.case_history import CaseHistory
from casevault.gui.case_list_model import status_label
from casevault.gui.close_case_dialog import CloseCaseDialog
from casevault.gui.export_dialog import ExportDialog
from casevault.gui.first_meeting_form import FirstMeetingForm
from casevault.gui.handover_dialog import HandoverDialog
from casevault.gui.letter_dialog import LetterDialog
from casevault.gui.originals_panel import OriginalsPanel
from casevault.gui.paper_trail import PaperTrail
from casevault.gui.parties_panel import PartiesPanel, work_email_text
from casevault.gui.procedure_panel import ProcedurePanel
from casevault.gui.qt_dates import local_date_text, local_datetime_text
from casevault.gui.review_view import ReviewView
from casevault.gui.teardown import DialogSet, guarded
from casevault.vault.facade import Vault

OVERVIEW, FIRST_MEETING, PAPER_TRAIL, ACTION_POINTS, DOCUMENTS = range(5)


class CasePage(QWidget):
    back_requested = Signal()
    delete_requested = Signal(str)
    status_changed = Signal(str)  # closed or reopened: the case list may show it differently

    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Case"))
        self._ref = ref
        self._vault = vault
        # Every dialog this page opens goes through here, so a lock reaches all of them.
        self.dialogs = DialogSet(self)
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl  # replaced in tests
        detail = vault.case(ref)
        self.back_button = QPushButton(self.tr("← &Back to cases"))
        self.back_button.setAccessibleName(self.tr("Back to cases"))
        self.back_button.clicked.connect(self.back_requested)
        self.header = CaseHeader(vault, ref)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.header, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Case sections"))
        self.first_meeting = FirstMeetingForm(vault, ref)
        self.paper_trail = PaperTrail(vault, ref)
        self.action_points = ActionPointsPanel(vault, ref)
        self._documents: QWidget = QLabel(self.tr("Documents will appear here."))
        self._documents.setAccessibleName(self.tr("Documents"))
        self.tabs.addTab(self._overview(detail), self.tr("&Overview"))
        self.tabs.addTab(self.first_meeting, self.tr("&First meeting"))
        self.tabs.addTab(self.paper_trail, self.tr("&Paper trail"))
        self.tabs.addTab(self.action_points, self.tr("&Action points"))
        self.tabs.addTab(self._documents, self.tr("&Documents"))
        self.people = PartiesPanel(vault, ref)
        self.people.changed.connect(self.paper_trail.reload)
        self.tabs.addTab(self.people, self.tr("P&eople"))
        # Issue 5: review against the first meeting, and the originals register (after Documents,
        # so the tab indexes above stay put).
        self.review = ReviewView(vault, ref)
        self.originals = OriginalsPanel(vault, ref)
        self.tabs.addTab(self.review, self.tr("Re&view"))
        self.tabs.addTab(self.originals, self.tr("O&riginals"))
        # Issue 16: the casework clock.
        self.procedure = ProcedurePanel(vault, ref)
        self.tabs.addTab(self.procedure, self.tr("Proced&ure"))

        self.tabs.currentChanged.connect(
            lambda _index: self.header.reload()
        )  # a stage recorded, a case closed
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    @property
    def ref(self) -> str:
        return self._ref

    def _overview(self, detail: CaseDetail) -> QWidget:
        summary = detail.summary
        page = QWidget()
        form = QFormLayout(page)
        closed = local_datetime_text(summary.closed_at) if summary.closed_at else self.tr("Still open")
        if summary.status == "closed" and summary.retain_until is not None:
            deletion = self.tr("Due for deletion on %1").replace("%1", local_date_text(summary.retain_until))
        else:
            deletion = self.tr("Not closed")
        rows = (
            (self.tr("Reference"), summary.ref),
            (self.tr("Member name"), summary.member_name),
            (
                self.tr("Type"),
                QCoreApplication.translate(outcome_rules.CONTEXT, outcome_rules.label(summary.case_type)),
            ),
            (self.tr("Status"), status_label(summary.status)),
            (self.tr("Opened"), local_datetime_text(summary.opened_at)),
            (self.tr("Closed"), closed),
            (self.tr("Deletion"), deletion),
            (self.tr("Preferred contact address"), detail.member.email or self.tr("Not recorded")),
        )
        for label, value in rows:
            field = QLabel(value)
            field.setAccessibleName(label)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.tr("%1:").replace("%1", label), field)
        work_email = work_email_text(detail.member)
        if work_email:
            warning = QLabel(work_email)
            warning.setAccessibleName(self.tr("Work email warning"))
            warning.setWordWrap(True)
            form.addRow("", warning)
        self.delete_button = QPushButton(self.tr("Delete case &permanently…"))
        self.delete_button.setAccessibleName(self.tr("Delete case permanently"))
        self.delete_button.setEnabled(summary.status == "closed")
        self.delete_button.setToolTip(
            self.tr("Erase this case and its documents for good; only closed cases can be deleted.")
        )
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self._ref))
        if summary.status == "closed":
            self.status_button = QPushButton(self.tr("&Reopen case"))
            self.status_button.setAccessibleName(self.tr("Reopen case"))
            self.status_button.clicked.connect(self.reopen_case)
        else:
            self.status_button = QPushButton(self.tr("C&lose case…"))
            self.status_button.setAccessibleName(self.tr("Close case"))
            self.status_button.clicked.connect(self.ask_close_case)
        self.email_button = QPushButton(self.tr("&Write to the member…"))
        self.email_button.setAccessibleName(self.tr("Write to the member"))
        self.email_button.setToolTip(
            self.tr(
                "Opens a draft in your email program with the address in Bcc and no attachment: "
                "send documents as an encrypted zip instead."
            )
        )
        self.email_button.setEnabled(bool(detail.member.email))
        self.email_button.clicked.connect(lambda: self.write_to_member(detail.member.email))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.email_button)
        buttons.addWidget(self._make_letter_button())
        buttons.addWidget(self._make_export_button())
        buttons.addWidget(self._make_handover_button())
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.history = CaseHistory(self._vault, self._ref)
        history_label = QLabel(self.tr("&History:"))
        history_label.setBuddy(self.history)
        form.addRow(history_label, self.history)
        return page

    def write_to_member(self, address: str) -> None:
        """A mail draft with the address in Bcc (the guide's advice for personal addresses) and
        the case reference as its subject: never a name, never an attachment."""
        try:
            url = bcc_mailto([address], subject=self._ref)
        except ValueError:
            return
        self.open_url(QUrl(url))

    def refresh_overview(self) -> None:
        current = self.tabs.currentIndex()
        old = self.tabs.widget(OVERVIEW)
        self.tabs.removeTab(OVERVIEW)
        self.tabs.insertTab(OVERVIEW, self._overview(self._vault.case(self._ref)), self.tr("&Overview"))
        self.tabs.setCurrentIndex(current)
        if old is not None:
            old.deleteLater()

    @property
    def export_dialog(self) -> ExportDialog | None:
        return self.dialogs.get("export")  # type: ignore[return-value]

    @property
    def handover_dialog(self) -> HandoverDialog | None:
        return self.dialogs.get("handover")  # type: ignore[return-value]

    @property
    def close_dialog(self) -> CloseCaseDialog | None:
        return self.dialogs.get("close")  # type: ignore[return-value]

    def ask_close_case(self) -> None:
        def make() -> CloseCaseDialog:
            dialog = CloseCaseDialog(self._vault, self._ref, self)
            dialog.accepted.connect(self._status_changed)
            return dialog

        self.dialogs.open("close", make)

    def reopen_case(self) -> None:
        try:
            self._vault.reopen_case(self._ref)
        except CasevaultError:
            return
        self._status_changed()

    def _status_changed(self) -> None:
        self.header.reload()
        self.refresh_overview()
        self.status_changed.emit(self._ref)

    def _make_letter_button(self) -> QPushButton:
        self.letter_button = QPushButton(self.tr("Write a le&tter…"))
        self.letter_button.setAccessibleName(self.tr("Write a letter"))
        self.letter_button.setToolTip(
            self.tr("A letter from a template, filled in from this case, to edit, file, save or email.")
        )
        self.letter_button.clicked.connect(self.open_letter_dialog)
        return self.letter_button

    @property
    def letter_dialog(self) -> LetterDialog | None:
        return self.dialogs.get("letter")  # type: ignore[return-value]

    def open_letter_dialog(self) -> None:
        def make() -> LetterDialog:
            dialog = LetterDialog(self._vault, self._ref, self)
            dialog.open_url = self.open_url
            dialog.filed.connect(self._letter_filed)
            return dialog

        self.dialogs.open("letter", make)

    def _letter_filed(self) -> None:
        self.paper_trail.reload()
        refresh = getattr(self._documents, "refresh", None)
        if callable(refresh):
            refresh()

    def _make_export_button(self) -> QPushButton:
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export as an encrypted zip"))
        self.export_button.clicked.connect(self.open_export_dialog)
        return self.export_button

    def open_export_dialog(self) -> None:
        self.dialogs.open(
            "export", lambda: ExportDialog(self._vault, self._ref, self), on_finished=self._export_finished
        )

    def _export_finished(self, _dialog: object = None, _result: int = 0) -> None:
        if self._vault.is_open:  # the history shows the export
            self.refresh_overview()

    def _make_handover_button(self) -> QPushButton:
        self.handover_button = QPushButton(self.tr("&Hand over…"))
        self.handover_button.setAccessibleName(self.tr("Hand over to a colleague"))
        self.handover_button.clicked.connect(self.open_handover_dialog)
        return self.handover_button

    def open_handover_dialog(self) -> None:
        def make() -> HandoverDialog:
            dialog = HandoverDialog(self._vault, self, self._ref)
            dialog.delete_copy_requested.connect(self._delete_copy_after_handover)
            return dialog

        # the history shows the handover
        self.dialogs.open("handover", make, on_finished=self._export_finished)

    def _delete_copy_after_handover(self) -> None:
        """The colleague holds the case now: close it here (a prompted escalation is theirs to
        record, which the closing note says) and ask for the usual typed confirmation."""
        try:
            if self._vault.case(self._ref).summary.status == "open":
                reason = HANDED_OVER_REASON if self._vault.escalation_unrecorded(self._ref) else None
                self._vault.close_case(self._ref, retain_days=0, escalation_reason=reason)
                self._status_changed()
        except CasevaultError:
            return
        self.delete_requested.emit(self._ref)

    def close_dialogs(self) -> None:
        """On lock: no dialog of this page or its panels outlives it (each panel's own list
        first, then every QDialog under the page; see teardown.DialogSet)."""
        guarded("paper-trail-dialogs", self.paper_trail.close_dialogs)
        guarded("originals-dialogs", self.originals.close_dialogs)
        guarded("people-dialogs", self.people.close_dialogs)
        self.dialogs.close_all()

    # ---- documents -------------------------------------------------------------------------

    def set_documents_widget(self, widget: QWidget) -> None:
        """Replace the Documents placeholder with the documents panel."""
        current = self.tabs.currentIndex()
        old = self._documents
        self.tabs.removeTab(DOCUMENTS)
        self.tabs.insertTab(DOCUMENTS, widget, self.tr("&Documents"))
        self.tabs.setCurrentIndex(current)
        self._documents = widget
        old.deleteLater()

    def documents_widget(self) -> QWidget:
        return self._documents

    # ---- unsaved changes -------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.first_meeting.is_dirty()

    def save(self) -> bool:
        return self.first_meeting.save()

    def discard(self) -> None:
        self.first_meeting.discard()
