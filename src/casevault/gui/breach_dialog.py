"""Report a confidentiality breach, and the list of breaches recorded.

The union's policy: "Any breach of confidentiality must be reported immediately to the General
Secretary or Executive Committee." The form records when it happened and was discovered, what
kind of breach it was, what happened, the affected case references (references only), who was
informed and when, and the actions taken. It refuses to save, in one sentence and losing nothing
typed, while the text names a member or party, or a reference is not one of this vault's cases
(casework/breach.py). The exported report holds references, dates, category, who was informed and
actions: no member content.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import breach as breach_rules
from casevault.casework.breach import BreachInput
from casevault.core.errors import CasevaultError
from casevault.core.fsutil import atomic_write_bytes, translate_os_error
from casevault.gui.file_dialogs import choose_save_path
from casevault.gui.qt_dates import datetime_edit, from_qt, local_datetime_text, to_qt
from casevault.gui.typed_input import TypedInputDialog
from casevault.vault.facade import Vault

AskSaveFile = Callable[[QWidget, str], str]
ID_ROLE = Qt.ItemDataRole.UserRole


def _ask_save_file(parent: QWidget, suggested: str) -> str:
    return choose_save_path(
        parent,
        QCoreApplication.translate("BreachDialog", "Export the breach report"),
        str(Path.home() / suggested),
    )


def casework_text(text: str) -> str:
    return QCoreApplication.translate(breach_rules.CONTEXT, text)


def export_report(vault: Vault, breach_id: str, target: str) -> Path:
    """Write the plain-text report (0600, atomically) to `target`."""
    out = Path(target)
    try:
        atomic_write_bytes(out, vault.breach_report(breach_id).encode("utf-8"))
    except OSError as err:
        raise translate_os_error(err, "writing the report") from None
    return out


class BreachDialog(TypedInputDialog):
    """The form. `recorded(id)` once saved; then "Export report…" writes the plain-text report."""

    recorded = Signal(str)
    exported = Signal(object)  # the Path written, or None

    def __init__(
        self, vault: Vault, parent: Any = None, *, ask_save_file: AskSaveFile = _ask_save_file
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ask_save_file = ask_save_file
        self.breach_id: str | None = None
        self.setWindowTitle(self.tr("Report a confidentiality breach"))
        self.setAccessibleName(self.tr("Report a confidentiality breach"))
        self._build_fields()
        self._build_layout()
        self.resize(640, 640)

    def _build_fields(self) -> None:
        self.policy = policy = QLabel(casework_text(breach_rules.POLICY))
        policy.setWordWrap(True)
        policy.setAccessibleName(self.tr("The union's policy"))
        self.guidance = guidance = QLabel(
            self.tr(
                "Describe what happened by case reference only: no names or details of members "
                "or anyone else in a case."
            )
        )
        guidance.setWordWrap(True)
        guidance.setAccessibleName(self.tr("How to fill in this form"))

        now = self._vault.now()  # the vault's clock, which dates the record too
        self.occurred = datetime_edit(self.tr("When it happened"), now)
        self.discovered = datetime_edit(self.tr("When it was discovered"), now)
        for edit in (self.occurred, self.discovered):
            edit.setMaximumDateTime(to_qt(now).addSecs(60))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Kind of breach"))
        for code, label in breach_rules.CATEGORIES:
            self.category.addItem(casework_text(label), code)
        self.what = QPlainTextEdit()
        self.what.setAccessibleName(self.tr("What happened"))
        self.what.setTabChangesFocus(True)
        self.refs = QLineEdit()
        self.refs.setAccessibleName(self.tr("Cases affected"))
        self.refs.setPlaceholderText(self.tr("Case references, e.g. CV-2026-0001, CV-2026-0002"))
        self.informed: dict[str, QCheckBox] = {}
        self.informed_row = informed_row = QHBoxLayout()
        for code, label in breach_rules.INFORMED:
            box = QCheckBox(casework_text(label))
            box.setAccessibleName(casework_text(label))
            box.toggled.connect(self._informed_changed)
            informed_row.addWidget(box)
            self.informed[code] = box
        informed_row.addStretch(1)
        self.informed_at = datetime_edit(self.tr("When they were informed"), now)
        self.informed_at.setEnabled(False)
        self.actions_taken = QPlainTextEdit()
        self.actions_taken.setAccessibleName(self.tr("Actions taken"))
        self.actions_taken.setTabChangesFocus(True)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Happened:"), self.occurred), self.occurred)
        form.addRow(self._label(self.tr("&Discovered:"), self.discovered), self.discovered)
        form.addRow(self._label(self.tr("&Kind:"), self.category), self.category)
        form.addRow(self._label(self.tr("&What happened:"), self.what), self.what)
        form.addRow(self._label(self.tr("&Cases affected:"), self.refs), self.refs)
        form.addRow(QLabel(self.tr("Informed:")), self.informed_row)
        form.addRow(self._label(self.tr("Informed &on:"), self.informed_at), self.informed_at)
        form.addRow(self._label(self.tr("&Actions taken:"), self.actions_taken), self.actions_taken)

        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Record the breach"))
        self.save_button.setAccessibleName(self.tr("Record the breach"))
        self.primary = self.save_button
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(self.tr("&Export report…"))
        self.export_button.setAccessibleName(self.tr("Export report"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.policy)
        layout.addWidget(self.guidance)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def typed_fields(self) -> list[QWidget]:
        return [self.what, self.refs, self.actions_taken]

    def has_typed_input(self) -> bool:
        return self.breach_id is None and super().has_typed_input()  # once recorded, nothing is lost

    def _informed_changed(self, _checked: bool) -> None:
        self.informed_at.setEnabled(any(box.isChecked() for box in self.informed.values()))

    def entry(self) -> BreachInput:
        occurred = from_qt(self.occurred.dateTime())
        discovered = from_qt(self.discovered.dateTime())
        assert occurred is not None and discovered is not None
        informed = tuple(code for code, box in self.informed.items() if box.isChecked())
        return BreachInput(
            occurred_at=occurred,
            discovered_at=discovered,
            category=str(self.category.currentData()),
            what=self.what.toPlainText().strip(),
            case_refs=breach_rules.parse_refs(self.refs.text()),
            informed=informed,
            informed_at=from_qt(self.informed_at.dateTime()) if informed else None,
            actions=self.actions_taken.toPlainText().strip(),
        )

    def save(self) -> bool:
        """Record the breach, or say in one sentence why not (nothing typed is cleared)."""
        if self.breach_id is not None:
            return True
        entry = self.entry()
        problems = self._vault.breach_problems(entry)
        if problems:
            self.message.setText(casework_text(problems[0]))
            return False
        try:
            self.breach_id = self._vault.record_breach(
                occurred_at=entry.occurred_at,
                discovered_at=entry.discovered_at,
                category=entry.category,
                what=entry.what,
                case_refs=entry.case_refs,
                informed=entry.informed,
                informed_at=entry.informed_at,
                actions=entry.actions,
            )
        except CasevaultError as err:
            self.message.setText(casework_text(err.message))
            return False
        for widget in (self.occurred, self.discovered, self.category, self.refs, self.informed_at):
            widget.setEnabled(False)
        for box in self.informed.values():
            box.setEnabled(False)
        self.what.setReadOnly(True)
        self.actions_taken.setReadOnly(True)
        self.save_button.setEnabled(False)
        self.export_button.setEnabled(True)
        self.message.setText(
            self.tr("The breach is recorded. Export the report to send it on; it holds case references only.")
        )
        self.recorded.emit(self.breach_id)
        return True

    def export(self) -> None:
        if self.breach_id is None:
            return
        target = self._ask_save_file(self, f"breach-report-{self.breach_id[:8]}.txt")
        if not target:
            self.exported.emit(None)
            return
        try:
            out = export_report(self._vault, self.breach_id, target)
        except CasevaultError as err:
            self.message.setText(err.message)
            self.exported.emit(None)
            return
        self.message.setText(self.tr("The report was exported."))
        self.exported.emit(out)


class BreachLogDialog(QDialog):
    """The breaches recorded in this vault, newest first, with "Export report…"."""

    exported = Signal(object)

    def __init__(
        self, vault: Vault, parent: Any = None, *, ask_save_file: AskSaveFile = _ask_save_file
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ask_save_file = ask_save_file
        self.setWindowTitle(self.tr("Breach records"))
        self.setAccessibleName(self.tr("Breach records"))
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Breaches recorded"))
        self.list.setHeaderLabels(
            [self.tr("Discovered"), self.tr("Kind"), self.tr("Cases"), self.tr("72 hours end")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self._set_buttons)
        self.export_button = QPushButton(self.tr("&Export report…"))
        self.export_button.setAccessibleName(self.tr("Export report"))
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 360)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for record in self._vault.breaches():
            item = QTreeWidgetItem(
                [
                    local_datetime_text(record.discovered_at),
                    casework_text(breach_rules.category_label(record.category)),
                    ", ".join(record.case_refs),
                    self._clock_text(record.discovered_at),
                ]
            )
            item.setData(0, ID_ROLE, record.id)
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._set_buttons()

    def _clock_text(self, discovered_at: datetime) -> str:
        """When the 72 hours to tell the ICO end, with the hours left while they run."""
        due, left = breach_rules.report_clock(discovered_at, self._vault.now())
        when = local_datetime_text(due)
        if left <= 0:
            return self.tr("%1 (passed)").replace("%1", when)
        return self.tr("%1 (%n hour(s) left)", "", math.ceil(left)).replace("%1", when)

    def selected_id(self) -> str | None:
        items = self.list.selectedItems()
        return str(items[0].data(0, ID_ROLE)) if items else None

    def _set_buttons(self) -> None:
        self.export_button.setEnabled(self.selected_id() is not None)

    def export(self) -> None:
        breach_id = self.selected_id()
        if breach_id is None:
            return
        target = self._ask_save_file(self, f"breach-report-{breach_id[:8]}.txt")
        if not target:
            self.exported.emit(None)
            return
        try:
            out = export_report(self._vault, breach_id, target)
        except CasevaultError as err:
            self.message.setText(err.message)
            self.exported.emit(None)
            return
        self.message.setText(self.tr("The report was exported."))
        self.exported.emit(out)
