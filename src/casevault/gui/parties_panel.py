"""The People tab of a case: the parties (everyone in the case other than its member) with their
roles, the conflict-of-interest check run on each one added, the member's consents, and the
escalation record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import rules
from casevault.casework.conflicts import Match
from casevault.casework.contact import work_email_warning
from casevault.casework.people import employer_domains
from casevault.core.errors import CasevaultError
from casevault.core.model import PARTY_ROLES, Member, Party
from casevault.gui.conflict_dialog import ConflictDialog, casework_text, role_label
from casevault.gui.consent_panel import ConsentPanel
from casevault.gui.escalation_dialog import EscalationDialog
from casevault.gui.teardown import drop_dialog
from casevault.vault.facade import Vault

ID_ROLE = Qt.ItemDataRole.UserRole


class PartiesPanel(QWidget):
    changed = Signal()  # a party, consent or escalation was recorded: the paper trail grew

    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self.conflict_dialog: ConflictDialog | None = None
        self.escalation_dialog: EscalationDialog | None = None
        self.setAccessibleName(self.tr("People"))

        people = self._build_people()
        self.consent = ConsentPanel(vault, ref)
        self.consent.changed.connect(self.changed)

        escalation = QGroupBox(self.tr("Escalation"))
        self.escalation_status = QLabel()
        self.escalation_status.setAccessibleName(self.tr("Escalation status"))
        self.escalation_status.setWordWrap(True)
        self.escalate_button = QPushButton(self.tr("Record &escalation…"))
        self.escalate_button.setAccessibleName(self.tr("Record escalation"))
        self.escalate_button.clicked.connect(self.ask_escalation)
        escalation_layout = QHBoxLayout(escalation)
        escalation_layout.addWidget(self.escalation_status, 1)
        escalation_layout.addWidget(self.escalate_button)

        layout = QVBoxLayout(self)
        layout.addWidget(people, 2)
        layout.addWidget(self.consent, 2)
        layout.addWidget(escalation)
        self.reload()

    def _build_people(self) -> QGroupBox:
        people = QGroupBox(self.tr("People in this case"))
        self.party_list = QTreeWidget()
        self.party_list.setAccessibleName(self.tr("People in this case"))
        self.party_list.setRootIsDecorated(False)
        self.party_list.setHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Note")])
        self.party_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.party_list.currentItemChanged.connect(self._selection_changed)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Person's name"))
        self.name.setPlaceholderText(self.tr("Name"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Person's role"))
        for code in PARTY_ROLES:
            self.role.addItem(role_label(code), code)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Person note"))
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.add_button = QPushButton(self.tr("Add &person…"))
        self.add_button.setAccessibleName(self.tr("Add person"))
        self.add_button.setToolTip(
            self.tr("Adds the person after checking other cases for a conflict of interest.")
        )
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton(self.tr("&Remove person"))
        self.remove_button.setAccessibleName(self.tr("Remove person"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("People message"))
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(self.role, 1)
        row.addWidget(self.note, 2)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(self.party_list)
        people_layout.addLayout(row)
        people_layout.addWidget(self.message)

        return people

    # ---- parties -------------------------------------------------------------------------

    def reload(self) -> None:
        self.party_list.clear()
        for party in self._vault.parties(self._ref):
            self.party_list.addTopLevelItem(self._item(party))
        self.remove_button.setEnabled(False)
        self._show_escalations()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.party_list.currentItem() is not None)

    def _item(self, party: Party) -> QTreeWidgetItem:
        item = QTreeWidgetItem([party.name, role_label(party.role), party.note])
        item.setData(0, ID_ROLE, party.id)
        return item

    def add_person(self) -> None:
        """Check other cases for the name first; with matches the rep decides in the conflict
        dialog, without any "no conflict found" is recorded so the paper trail shows the check."""
        try:
            rules.clean_text(self.name.text(), field="person's name")
        except ValueError:
            self.message.setText(self.tr("Enter the person's name first."))
            return
        role = str(self.role.currentData())
        try:
            matches = self._vault.conflicts(self.name.text(), except_ref=self._ref)
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        if not matches:
            self._add(role, "no-conflict", [])
            return
        dialog = ConflictDialog(matches, self)
        dialog.decided.connect(lambda decision: self._add(role, decision, matches))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._conflict_dialog_closed)
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_dialog_closed(self) -> None:
        self.conflict_dialog = None

    def _add(self, role: str, decision: str, matches: list[Match]) -> None:
        try:
            self._vault.add_party(self._ref, self.name.text(), role, self.note.text())
            self._vault.record_conflict_decision(self._ref, decision, checked_role=role, matches=matches)
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.name.clear()
        self.note.clear()
        if matches:
            self.message.setText(self.tr("Person added; your decision is recorded in the paper trail."))
        else:
            self.message.setText(self.tr("Person added; no conflict found in other cases."))
        self.reload()
        self.changed.emit()

    def remove_selected(self) -> None:
        item = self.party_list.currentItem()
        if item is None:
            return
        try:
            self._vault.remove_party(str(item.data(0, ID_ROLE)))
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.message.setText(self.tr("Person removed."))
        self.reload()

    # ---- escalation ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # An escalation entry added on the Paper trail tab counts: show it on coming back.
        self._show_escalations()
        super().showEvent(event)

    def _show_escalations(self) -> None:
        try:
            count = self._vault.escalation_count(self._ref)  # records and entries typed by hand
            prompted = count == 0 and self._vault.escalation_unrecorded(self._ref)
        except CasevaultError:  # locked meanwhile
            return
        if count:
            self.escalation_status.setText(self.tr("%n escalation(s) recorded.", "", count))
        elif prompted:
            self.escalation_status.setText(
                self.tr("The first meeting prompted an escalation and none is recorded yet.")
            )
        else:
            self.escalation_status.setText(self.tr("No escalation recorded."))

    def ask_escalation(self) -> None:
        dialog = EscalationDialog(self._vault, self._ref, self)
        dialog.recorded.connect(self._escalation_recorded)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._escalation_dialog_closed)
        self.escalation_dialog = dialog
        dialog.open()

    def _escalation_dialog_closed(self) -> None:
        self.escalation_dialog = None

    def _escalation_recorded(self) -> None:
        self._show_escalations()
        self.changed.emit()

    def close_dialogs(self) -> None:
        """On lock: no dialog of this panel outlives it."""
        for dialog in (self.conflict_dialog, self.escalation_dialog):
            if dialog is not None:
                drop_dialog(dialog)
        self.conflict_dialog = self.escalation_dialog = None


def work_email_text(member: Member) -> str | None:
    """The work-email warning for the member's preferred address, translated; None when it does
    not apply (no address, or no employer domain recorded)."""
    warning = work_email_warning(member.email, employer_domains(member.employer_domain))
    return None if warning is None else casework_text(warning)
