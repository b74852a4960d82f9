"""A case's history from the audit log: what was done and when, never content.

Every change to a case writes its audit entry (docs/ARCHITECTURE.md, "Audit log"), so the history
is the one list of everything done: opening and closing, documents, the first meeting, each
paper-trail entry, action points, hearings and meetings, people, consent, escalation, originals,
procedures and deadlines, letters and exports. It is read again each time it is shown, so what was
done on another tab since is there when the rep comes back to it."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from casevault.core.errors import CasevaultError
from casevault.gui.case_list_model import local_datetime_text
from casevault.store.timefmt import from_db
from casevault.vault.facade import Vault

ACTION_LABELS: dict[str, object] = {  # QT_TRANSLATE_NOOP is typed as returning object
    "case.created": QT_TRANSLATE_NOOP("CaseHistory", "Case opened"),
    "case.handed-over": QT_TRANSLATE_NOOP("CaseHistory", "Case handed over to a colleague"),
    "case.received": QT_TRANSLATE_NOOP("CaseHistory", "Case received by handover"),
    "case.closed": QT_TRANSLATE_NOOP("CaseHistory", "Case closed"),
    "case.reopened": QT_TRANSLATE_NOOP("CaseHistory", "Case reopened"),
    "document.attached": QT_TRANSLATE_NOOP("CaseHistory", "Document attached"),
    "document.viewed": QT_TRANSLATE_NOOP("CaseHistory", "Document previewed"),
    "document.saved": QT_TRANSLATE_NOOP("CaseHistory", "Decrypted copy saved"),
    "document.exported": QT_TRANSLATE_NOOP("CaseHistory", "Document sent out in an encrypted zip"),
    "case.exported": QT_TRANSLATE_NOOP("CaseHistory", "Encrypted zip made for sending"),
    "summary.saved": QT_TRANSLATE_NOOP("CaseHistory", "Case summary PDF saved"),
    "case.deleted": QT_TRANSLATE_NOOP("CaseHistory", "Case deleted"),
    "party.added": QT_TRANSLATE_NOOP("CaseHistory", "Person added to the case"),
    "party.removed": QT_TRANSLATE_NOOP("CaseHistory", "Person removed from the case"),
    "consent.given": QT_TRANSLATE_NOOP("CaseHistory", "Consent recorded"),
    "consent.withdrawn": QT_TRANSLATE_NOOP("CaseHistory", "Consent withdrawn"),
    "escalation.recorded": QT_TRANSLATE_NOOP("CaseHistory", "Escalation recorded"),
    "note.added": QT_TRANSLATE_NOOP("CaseHistory", "Paper-trail entry added"),
    "note.edited": QT_TRANSLATE_NOOP("CaseHistory", "Paper-trail entry edited (new version)"),
    "first-meeting.saved": QT_TRANSLATE_NOOP("CaseHistory", "First meeting saved"),
    "first-meeting.originals-returned": QT_TRANSLATE_NOOP(
        "CaseHistory", "Originals from the first meeting recorded as returned"
    ),
    "first-meeting.originals-held": QT_TRANSLATE_NOOP(
        "CaseHistory", "Originals from the first meeting recorded as still held"
    ),
    "action.added": QT_TRANSLATE_NOOP("CaseHistory", "Action point added"),
    "action.done": QT_TRANSLATE_NOOP("CaseHistory", "Action point done"),
    "action.reopened": QT_TRANSLATE_NOOP("CaseHistory", "Action point marked as not done"),
    "case-date.added": QT_TRANSLATE_NOOP("CaseHistory", "Hearing or meeting date added"),
    "case-date.removed": QT_TRANSLATE_NOOP("CaseHistory", "Hearing or meeting date removed"),
    "letter.saved": QT_TRANSLATE_NOOP("CaseHistory", "Letter saved as a PDF"),
    "original.received": QT_TRANSLATE_NOOP("CaseHistory", "Original document received"),
    "original.returned": QT_TRANSLATE_NOOP("CaseHistory", "Original document returned"),
    "procedure.started": QT_TRANSLATE_NOOP("CaseHistory", "Procedure started"),
    "deadline.calculated": QT_TRANSLATE_NOOP("CaseHistory", "Deadline counted"),
    "deadline.extended": QT_TRANSLATE_NOOP("CaseHistory", "Deadline extended"),
    "deadline.limit-changed": QT_TRANSLATE_NOOP("CaseHistory", "Stage time limit changed to the policy"),
    "deadline.done": QT_TRANSLATE_NOOP("CaseHistory", "Deadline met: stage recorded as done"),
    "deadline.overdue-explained": QT_TRANSLATE_NOOP(
        "CaseHistory", "Overdue deadline set aside, with a reason"
    ),
    "deadline.removed": QT_TRANSLATE_NOOP("CaseHistory", "Deadline removed"),
}


def rule_of(subject: str) -> str:
    """The rule and version a deadline entry names ("<id> <rule> v<n> <digest>"), or ""."""
    words = subject.split(" ")
    return f"{words[1]} {words[2]}" if len(words) == 4 else ""


class CaseHistory(QTreeWidget):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self.setAccessibleName(self.tr("Case history"))
        self.setRootIsDecorated(False)
        self.setHeaderLabels([self.tr("When"), self.tr("What")])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()  # done on another tab since it was last shown
        super().showEvent(event)

    def reload(self) -> None:
        """Read the case's audit entries again (one indexed query: audit_log_by_ref)."""
        self.clear()
        try:
            entries = self._vault.audit(self._ref)
        except CasevaultError:  # locked or the case deleted meanwhile: nothing to show
            return
        for entry in entries:
            when = local_datetime_text(from_db(entry.fields.at).astimezone(UTC))
            label = ACTION_LABELS.get(entry.fields.action)
            what = QCoreApplication.translate("CaseHistory", str(label)) if label else entry.fields.action
            if entry.fields.action.startswith("deadline."):
                rule = rule_of(entry.fields.subject)
                what = f"{what} ({rule})" if rule else what
            self.addTopLevelItem(QTreeWidgetItem([when, what]))
