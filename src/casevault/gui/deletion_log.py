"""The deletion log: every permanently deleted case (reference, type, dates, originals reason),
and "Export…" to a CSV file as proof for the union as data controller. The records hold no
names and no content, so the export is plain text; it never overwrites an existing file."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.core.errors import CasevaultError
from casevault.core.model import Deletion
from casevault.gui.case_list_model import local_datetime_text
from casevault.gui.delete_dialog import originals_reason_label
from casevault.gui.file_dialogs import choose_save_path
from casevault.gui.focus_order import tab_as_laid_out
from casevault.gui.reminders_panel import children
from casevault.vault.facade import Vault

CSV_FIELDS = ("reference", "case_type", "opened_at", "closed_at", "deleted_at", "originals_reason")


def deletions_csv(deletions: list[Deletion]) -> str:
    """The records as CSV, times in UTC ISO 8601 (what a data controller can check and sort)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for d in deletions:
        writer.writerow(
            [
                d.ref,
                d.case_type,
                d.opened_at.isoformat(),
                d.closed_at.isoformat() if d.closed_at else "",
                d.deleted_at.isoformat(),
                d.originals_reason or "",
            ]
        )
    return out.getvalue()


def write_new_file(path: Path, text: str) -> None:
    """Create `path` (never replacing a file that exists) and write `text` to it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # files are private (0600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
        out.write(text)


class DeletionLogDialog(QDialog):
    def __init__(
        self,
        vault: Vault,
        parent: Any = None,
        *,
        choose_path: Callable[[QWidget, str, str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deletion log"))
        self.setAccessibleName(self.tr("Deletion log"))
        self._vault = vault
        self._choose_path = choose_path
        self._deletions: list[Deletion] = []
        intro = QLabel(
            self.tr(
                "Cases deleted permanently from this vault. The records hold no names and no "
                "content; export them as proof for the union as data controller."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About the deletion log"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Deletion records"))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [
                self.tr("Reference"),
                self.tr("Type"),
                self.tr("Opened"),
                self.tr("Closed"),
                self.tr("Deleted"),
                self.tr("Originals"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setAutoDefault(False)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addWidget(tab_as_laid_out(buttons))
        self.resize(760, 420)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        try:
            self._deletions = self._vault.deletions()
        except CasevaultError as err:
            self.message.setText(err.message)
            self._deletions = []
        for d in self._deletions:
            self.tree.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        d.ref,
                        d.case_type,
                        local_datetime_text(d.opened_at),
                        local_datetime_text(d.closed_at) if d.closed_at else "",
                        local_datetime_text(d.deleted_at),
                        originals_reason_label(d.originals_reason),
                    ]
                )
            )
        self.export_button.setEnabled(bool(self._deletions))

    def rows(self) -> list[list[str]]:
        return [[item.text(c) for c in range(6)] for item in children(self.tree.invisibleRootItem())]

    def clear(self) -> None:
        self.tree.clear()
        self._deletions = []

    def export(self) -> None:
        choose = self._choose_path or choose_save_path
        chosen = choose(self, self.tr("Export the deletion log"), "casevault-deletions.csv")
        if not chosen:
            return
        path = Path(chosen)
        try:
            write_new_file(path, deletions_csv(self._deletions))
        except FileExistsError:
            self.message.setText(
                self.tr("%1 already exists; choose a new file name.").replace("%1", path.name)
            )
            return
        except OSError as err:
            self.message.setText(
                self.tr("Could not write %1: %2").replace("%1", path.name).replace("%2", err.strerror or "")
            )
            return
        self.message.setText(self.tr("Exported the deletion log to %1.").replace("%1", path.name))
