"""Delete a case permanently: one case after typing its reference, or every case past its archive
period after typing how many. The dialogs show references and case types, never content."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casevault.casework.retention import ORIGINALS_REASONS
from casevault.core.errors import CasevaultError
from casevault.core.model import Deletion
from casevault.gui.case_list_model import local_date_text, local_datetime_text
from casevault.gui.focus_order import tab_as_laid_out
from casevault.vault.facade import Vault

log = logging.getLogger(__name__)


def originals_reason_label(code: str | None) -> str:
    for known, label in ORIGINALS_REASONS:
        if known == code:
            return QCoreApplication.translate("casework", label)
    return code or ""


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setAccessibleName(name)
    label.setWordWrap(True)
    return label


class DeleteCaseDialog(QDialog):
    """Typing the exact reference enables "Delete permanently"; originals still held need a reason."""

    deleted = Signal(object)  # the Deletion

    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete case permanently"))
        self.setAccessibleName(self.tr("Delete case permanently"))
        self._vault = vault
        self._ref = ref
        summary = vault.case(ref).summary
        self._outstanding = vault.originals_outstanding(ref)

        explain = _label(
            self.tr(
                "Deleting a case is permanent and cannot be undone. Its notes, first meeting, "
                "action points and documents are erased from this vault, and its key is destroyed. "
                "A deletion record (reference, type and dates, with no name and no content) is "
                "kept in the deletion log."
            ),
            self.tr("What deletion means"),
        )
        details = QFormLayout()
        due = local_date_text(summary.retain_until) if summary.retain_until else self.tr("Not closed")
        for label, value in (
            (self.tr("Reference"), summary.ref),
            (self.tr("Type"), summary.case_type),
            (self.tr("Due for deletion on"), due),
        ):
            details.addRow(self.tr("%1:").replace("%1", label), _label(value, label))

        originals = self._originals_section()
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(self.tr("Type the reference to confirm"))
        self.confirm.setPlaceholderText(ref)
        self.confirm.textChanged.connect(self._update)
        confirm_label = QLabel(self.tr("&Type the reference %1 to confirm:").replace("%1", ref))
        confirm_label.setBuddy(self.confirm)
        self.message = _label("", self.tr("Message"))
        self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(details)
        layout.addWidget(originals)
        layout.addWidget(confirm_label)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)
        layout.addWidget(tab_as_laid_out(self.buttons))
        # Enter deletes only once the reference is typed (the button is disabled until then), as
        # in the bulk deletion; made default here, inside the dialog, or Qt forgets it.
        self.delete_button.setDefault(True)
        self.setMinimumWidth(520)
        self._update()

    def _originals_section(self) -> QWidget:
        """The warning and the reason, shown only while the member's originals are held."""
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("Why the originals are not returned"))
        self.reason.addItem(self.tr("Choose a reason…"), None)
        for code, label in ORIGINALS_REASONS:
            self.reason.addItem(QCoreApplication.translate("casework", label), code)
        self.reason.currentIndexChanged.connect(self._update)
        self.originals_warning = _label(
            self.tr(
                "<b>The member's original documents are not recorded as returned.</b> Return them "
                "first if you can; otherwise choose why they are not being returned."
            ),
            self.tr("Originals warning"),
        )
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        reason_form = QFormLayout()
        reason_form.addRow(reason_label, self.reason)
        section = QWidget()
        box = QVBoxLayout(section)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.originals_warning)
        box.addLayout(reason_form)
        if not self._outstanding:
            section.hide()  # (never show(): without a parent yet, it would be a window)
        return section

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.delete_button = QPushButton(self.tr("&Delete permanently"))
        self.delete_button.setAccessibleName(self.tr("Delete permanently"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.delete_button.clicked.connect(self._delete)
        self.cancel_button.clicked.connect(self.reject)

    @property
    def ref(self) -> str:
        return self._ref

    def _reason_code(self) -> str | None:
        data = self.reason.currentData()
        return str(data) if data else None

    def _update(self, *_args: object) -> None:
        typed = self.confirm.text().strip() == self._ref
        reason_ok = not self._outstanding or self._reason_code() is not None
        self.delete_button.setEnabled(typed and reason_ok)

    def _delete(self) -> None:
        if not self.delete_button.isEnabled():
            return
        try:
            deletion = self._vault.purge_case(
                self._ref, originals_reason=self._reason_code() if self._outstanding else None
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.delete_button.setEnabled(False)
        self.delete_button.hide()
        self.confirm.setEnabled(False)
        self.reason.setEnabled(False)
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setAccessibleName(self.tr("Close"))
        self.message.setText(
            self.tr("Case %1 was deleted permanently on %2.")
            .replace("%1", deletion.ref)
            .replace("%2", local_datetime_text(deletion.deleted_at))
        )
        self.deleted.emit(deletion)


class BulkDeleteDialog(QDialog):
    """One typed confirmation (the number of cases) for deleting every expired case."""

    def __init__(self, refs: list[str], held: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete all expired cases"))
        self.setAccessibleName(self.tr("Delete all expired cases"))
        self.refs = [r for r in refs if r not in held]
        count = len(self.refs)
        text = self.tr(
            "Cases past their archive period: %1. Deleting them is permanent and cannot be undone; "
            "a deletion record of each (no name, no content) is kept in the deletion log."
        ).replace("%1", str(count))
        if held:
            text += " " + self.tr(
                "Cases that still hold the member's originals are left for you to delete one by one: %1"
            ).replace("%1", ", ".join(held))
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(self.tr("Type the number of cases to confirm"))
        self.confirm.textChanged.connect(self._update)
        confirm_label = QLabel(
            self.tr("&Type the number of cases (%1) to confirm:").replace("%1", str(count))
        )
        confirm_label.setBuddy(self.confirm)
        buttons = QDialogButtonBox()
        self.delete_button = QPushButton(self.tr("&Delete all permanently"))
        self.delete_button.setAccessibleName(self.tr("Delete all permanently"))
        self.delete_button.setAutoDefault(False)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(text, self.tr("What will be deleted")))
        layout.addWidget(confirm_label)
        layout.addWidget(self.confirm)
        layout.addWidget(tab_as_laid_out(buttons))
        self.setMinimumWidth(480)
        self._update()

    def _update(self, *_args: object) -> None:
        self.delete_button.setEnabled(bool(self.refs) and self.confirm.text().strip() == str(len(self.refs)))


class BulkPurge(QObject):
    """Purges the cases one per event-loop turn (the database belongs to the GUI thread), with a
    progress dialog; `finished(deletions, failures)` at the end, or when cancelled."""

    finished = Signal(list, list)
    progressed = Signal(int, int)  # done, total

    def __init__(self, vault: Vault, refs: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._refs = list(refs)
        self._done: list[Deletion] = []
        self._failed: list[str] = []
        self.progress = QProgressDialog(self.tr("Deleting cases permanently…"), "", 0, len(refs), parent)
        stop = QPushButton(self.tr("&Stop"))
        stop.setAccessibleName(self.tr("Stop"))
        self.progress.setCancelButton(stop)
        self.progress.setWindowTitle(self.tr("Deleting cases"))
        self.progress.setAccessibleName(self.tr("Deleting cases"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)

    def start(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        QTimer.singleShot(0, self, self._next)

    def stop(self) -> None:
        """On lock: no further case is touched."""
        self._finish_purges()
        self._vault = None
        self.progress.close()
        self.progress.deleteLater()

    def _finish_purges(self) -> None:
        # The search index is rebuilt once for the whole batch (Vault.finish_purges).
        if self._vault is not None and self._vault.is_open and self._done:
            try:
                self._vault.finish_purges()
            except CasevaultError:
                log.warning("bulk-purge.finish-failed")

    def _next(self) -> None:
        vault = self._vault
        if vault is None:
            return
        position = len(self._done) + len(self._failed)
        if position >= len(self._refs) or self.progress.wasCanceled():
            self._finish()
            return
        ref = self._refs[position]
        try:
            self._done.append(vault.purge_case(ref, rebuild_index=False))
        except CasevaultError:
            self._failed.append(ref)
        self.progress.setValue(position + 1)
        self.progressed.emit(position + 1, len(self._refs))
        self.progress.setLabelText(
            self.tr("Deleted %1 of %2 cases…")
            .replace("%1", str(position + 1))
            .replace("%2", str(len(self._refs)))
        )
        QTimer.singleShot(0, self, self._next)

    def _finish(self) -> None:
        self._finish_purges()
        self._vault = None
        self.progress.close()
        self.progress.deleteLater()
        self.finished.emit(list(self._done), list(self._failed))
