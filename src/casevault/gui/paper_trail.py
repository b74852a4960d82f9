"""The paper trail: every dated entry on a case (notes, meetings, advice, calls, contact with
management), oldest first, and a small form to add one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.errors import CasevaultError
from casevault.gui.case_list_model import local_datetime_text
from casevault.gui.qt_dates import from_qt, now_qt
from casevault.model import EVENT_KINDS, Event
from casevault.vault import Vault


class PaperTrail(QWidget):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._labels = {
            "note": self.tr("Note"),
            "meeting": self.tr("Meeting"),
            "advice": self.tr("Advice given orally"),
            "advice-written": self.tr("Advice confirmed in writing"),
            "call": self.tr("Phone call"),
            "management": self.tr("Contact with management"),
            "escalation": self.tr("Escalated (caseworker, regional office)"),
        }
        self._build()
        self.reload()

    def _build(self) -> None:
        self.entries = QTreeWidget()
        self.entries.setAccessibleName(self.tr("Paper trail"))
        self.entries.setRootIsDecorated(False)
        self.entries.setAlternatingRowColors(True)
        self.entries.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Entry")])
        header = self.entries.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Entry kind"))
        for kind in EVENT_KINDS:
            self.kind.addItem(self._labels.get(kind, kind), kind)
        self.when = QDateTimeEdit(now_qt())
        self.when.setAccessibleName(self.tr("Entry date"))
        self.when.setCalendarPopup(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Entry text"))
        self.text.setMaximumHeight(80)
        self.add_button = QPushButton(self.tr("&Add entry"))
        self.add_button.setAccessibleName(self.tr("Add entry"))
        self.add_button.clicked.connect(self.add_entry)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Paper trail status"))

        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.when)
        top.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("New entry:"), top)
        form.addRow(self.tr("Text:"), self.text)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entries, 1)
        layout.addLayout(form)
        layout.addLayout(bottom)

    def reload(self) -> None:
        self.entries.clear()
        events = sorted(self._vault.case(self._ref).events, key=lambda e: e.occurred_at)
        for event in events:
            self.entries.addTopLevelItem(self._item(event))

    def _item(self, event: Event) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [local_datetime_text(event.occurred_at), self._labels.get(event.kind, event.kind), event.body]
        )
        item.setToolTip(2, event.body)
        return item

    def add_entry(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self.message.setText(self.tr("Write the entry first."))
            return
        try:
            self._vault.add_note(
                self._ref, text, kind=self.kind.currentData(), occurred_at=from_qt(self.when.dateTime())
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.text.clear()
        self.message.setText(self.tr("Entry added."))
        self.reload()
