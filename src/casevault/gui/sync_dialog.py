"""Settings > Sync (issue 20): this device, the paired devices, Sync now, the devices asking to
join (each accepted once the rep has seen the same code on both screens), and the conflicts to
resolve: a free-text field two devices changed apart, every version shown, the rep keeps one.

The new device asks from the command line (`casevault sync join`). Names appear only inside the
unlocked window, as everywhere."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from casevault.core.errors import CasevaultError
from casevault.core.i18n import QT_TRANSLATE_NOOP
from casevault.gui.busy import busy_cursor
from casevault.gui.focus_order import tab_as_laid_out
from casevault.vault.facade import Vault
from casevault.vault.sync.service import ConflictVersion, SyncConflict

if TYPE_CHECKING:
    from casevault.formats.pairing import Request

_FIELD_NAMES = {  # what the conflicts list calls each free-text field
    "narrative": QT_TRANSLATE_NOOP("SyncDialog", "the first meeting's narrative"),
    "originals_received": QT_TRANSLATE_NOOP("SyncDialog", "the originals received"),
    "member_decision": QT_TRANSLATE_NOOP("SyncDialog", "the member's decision"),
    "remedy": QT_TRANSLATE_NOOP("SyncDialog", "the remedy sought"),
    "text": QT_TRANSLATE_NOOP("SyncDialog", "an issue"),
    "what": QT_TRANSLATE_NOOP("SyncDialog", "an action point"),
    "note": QT_TRANSLATE_NOOP("SyncDialog", "a note"),
    "body": QT_TRANSLATE_NOOP("SyncDialog", "a paper-trail entry"),
    "description": QT_TRANSLATE_NOOP("SyncDialog", "an original's description"),
    "extension_note": QT_TRANSLATE_NOOP("SyncDialog", "a deadline's extension note"),
    "overdue_reason": QT_TRANSLATE_NOOP("SyncDialog", "a deadline's overdue reason"),
    "actions": QT_TRANSLATE_NOOP("SyncDialog", "a breach's actions"),
}


class SyncDialog(QDialog):
    """Over an unlocked vault that syncs (Vault.sync)."""

    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(self.tr("Sync"))
        self.setAccessibleName(self.tr("Sync"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Sync status"))
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.clicked.connect(self.sync_now)
        self.conflicts = QListWidget()
        self.conflicts.setAccessibleName(self.tr("Conflicts to resolve"))
        self.conflicts.currentRowChanged.connect(self._show_versions)
        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Versions"))
        self.versions.currentRowChanged.connect(self._show_text)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The version's text"))
        self.keep_button = QPushButton(self.tr("&Keep this version"))
        self.keep_button.clicked.connect(self.keep_selected)
        self.said = QLabel()
        self.said.setWordWrap(True)
        self.said.setAccessibleName(self.tr("What the last sync said"))
        self.requests = QListWidget()
        self.requests.setAccessibleName(self.tr("Devices asking to join"))
        self.requests.setMaximumHeight(self.fontMetrics().height() * 5)  # seldom more than one
        self.accept_button = QPushButton(self.tr("&Accept the device..."))
        self.accept_button.clicked.connect(self.accept_selected)
        # Asks the rep whether the new device shows the same code; tests replace it.
        self.codes_match: Callable[[str, str], bool] = self._ask_codes_match
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            self.status,
            self.sync_button,
            self.said,
            QLabel(self.tr("Devices asking to join (run `casevault sync join` on the new device):")),
            self.requests,
            self.accept_button,
            QLabel(self.tr("Conflicts: text two devices changed apart. Choose the version to keep:")),
            self.conflicts,
            self.versions,
            self.text,
            self.keep_button,
        ):
            layout.addWidget(widget)
        layout.addWidget(tab_as_laid_out(buttons))
        self._listed: list[SyncConflict] = []
        self._asking: list[tuple[Request, str]] = []
        self._device_names: dict[str, str] = {}
        self.refresh()

    def refresh(self) -> None:
        try:
            status = self._vault.sync.status()
        except CasevaultError as err:
            self.status.setText(err.message)
            self.sync_button.setEnabled(False)
            self._list([])
            self._list_requests([])
            return
        self._device_names = {d.device_id: d.label for d in status.devices}
        self._device_names[status.device_id] = self.tr("this device")
        self.status.setText(
            self.tr("This device syncs through %1 with %2 other device(s); %3 change(s) not sent yet.")
            .replace("%1", status.folder)
            .replace("%2", str(len(status.devices)))
            .replace("%3", str(status.unsent))
            + " "
            + (
                self.tr("Last synced %1.").replace("%1", _when(status.last_synced))
                if status.last_synced
                else self.tr("Not synced yet.")
            )
        )
        self._list(self._vault.sync.conflicts())
        self._list_requests(self._vault.sync.requests())

    def _list_requests(self, asking: list[tuple[Request, str]]) -> None:
        self._asking = asking
        self.requests.clear()
        for request, code in asking:
            self.requests.addItem(QListWidgetItem(f"{request.label} · {code}"))
        self.accept_button.setEnabled(bool(asking))
        if asking:
            self.requests.setCurrentRow(0)

    def accept_selected(self) -> None:
        """Pair the chosen device once the rep says both screens show its code: the answer and
        this device's snapshot go to the folder for it."""
        row = self.requests.currentRow()
        if not 0 <= row < len(self._asking):
            return
        request, code = self._asking[row]
        if not self.codes_match(request.label, code):
            self.said.setText(self.tr("Not accepted: the codes must match on both screens."))
            return
        with busy_cursor():
            try:
                self._vault.sync.accept(request)
            except CasevaultError as err:
                self.said.setText(err.message)
                return
        self.said.setText(self.tr("Accepted. The new device finishes joining once the folder has synced."))
        self.refresh()

    def _ask_codes_match(self, label: str, code: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Accept the device?"),
            self.tr("Does %1 show this code?\n\n%2\n\nAccept it only if every digit is the same.")
            .replace("%1", label)
            .replace("%2", code),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _list(self, conflicts: list[SyncConflict]) -> None:
        self._listed = conflicts
        self.conflicts.clear()
        for conflict in conflicts:
            what = QCoreApplication.translate("SyncDialog", _FIELD_NAMES.get(conflict.field, conflict.field))
            label = f"{conflict.ref} · {what}" if conflict.ref else what
            self.conflicts.addItem(QListWidgetItem(label))
        self.keep_button.setEnabled(bool(conflicts))
        if conflicts:
            self.conflicts.setCurrentRow(0)
        else:
            self.versions.clear()
            self.text.clear()

    def _show_versions(self, row: int) -> None:
        self.versions.clear()
        if not 0 <= row < len(self._listed):
            return
        for version in self._listed[row].versions:
            when = _when(datetime.fromtimestamp(version.stamp_ms / 1000, UTC))
            shown = self.tr(" (shown now)") if version.shown else ""
            device = self._device_names.get(version.device, version.device[:8])
            item = QListWidgetItem(
                self.tr("Sent %1 from %2%3").replace("%1", when).replace("%2", device).replace("%3", shown)
            )
            item.setData(Qt.ItemDataRole.UserRole, version)
            self.versions.addItem(item)
        self.versions.setCurrentRow(0)

    def _show_text(self, row: int) -> None:
        item = self.versions.item(row) if row >= 0 else None
        version = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.text.setPlainText(str(version.value) if isinstance(version, ConflictVersion) else "")

    def keep_selected(self) -> None:
        row = self.conflicts.currentRow()
        item = self.versions.currentItem()
        if not 0 <= row < len(self._listed) or item is None:
            return
        version = item.data(Qt.ItemDataRole.UserRole)
        self._vault.sync.resolve(self._listed[row], version)
        self.said.setText(self.tr("Kept, and written to the sync folder for the other devices."))
        self.refresh()

    def sync_now(self) -> None:
        with busy_cursor():
            try:
                report = self._vault.sync.sync_now()
            except CasevaultError as err:
                self.said.setText(err.message)
                return
        lines = [
            self.tr("Sent %1 change(s); took in %2.")
            .replace("%1", str(report.sent))
            .replace("%2", str(report.received)),
            *report.refused,
            *report.waiting,
        ]
        self.said.setText("\n".join(lines))
        self.refresh()


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %b %Y %H:%M:%S UTC")
