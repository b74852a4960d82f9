"""Settings > Sync (issue 20): this device, the paired devices, Sync now, and the conflicts to
resolve: a free-text field two devices changed apart, every version shown, the rep keeps one.

Pairing a new device runs from the command line for now (`casevault sync join` there, `sync pair`
here); this dialog says so. Names appear only inside the unlocked window, as everywhere."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            self.status,
            self.sync_button,
            self.said,
            QLabel(self.tr("Conflicts: text two devices changed apart. Choose the version to keep:")),
            self.conflicts,
            self.versions,
            self.text,
            self.keep_button,
        ):
            layout.addWidget(widget)
        layout.addWidget(tab_as_laid_out(buttons))
        self._listed: list[SyncConflict] = []
        self._device_names: dict[str, str] = {}
        self.refresh()

    def refresh(self) -> None:
        try:
            status = self._vault.sync.status()
        except CasevaultError as err:
            self.status.setText(err.message)
            self.sync_button.setEnabled(False)
            self._list([])
            return
        self._device_names = {d.device_id: d.label for d in status.devices}
        self._device_names[status.device_id] = self.tr("this device")
        self.status.setText(
            self.tr(
                "This device syncs through %1 with %2 other device(s); %3 change(s) not sent yet. "
                "To add a device, run `casevault sync join` on it and `casevault sync pair` here."
            )
            .replace("%1", status.folder)
            .replace("%2", str(len(status.devices)))
            .replace("%3", str(status.unsent))
        )
        self._list(self._vault.sync.conflicts())

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
            when = datetime.fromtimestamp(version.stamp_ms / 1000, UTC).strftime("%d %b %Y %H:%M:%S UTC")
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
