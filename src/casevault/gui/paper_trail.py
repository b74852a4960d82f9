"""The paper trail: every dated entry on a case (notes, meetings, advice, calls, contact with
management, emails), oldest first, and a small form to add one.

Entries are sealed: "Edit…" adds a new version (the entry is marked as edited) and "History…"
shows every version with its time. Saving oral advice asks whether a written follow-up was sent
(the guide: "If you give any advice orally, follow it up with an email or written note"); a
contact with management records its terms (ordinary, off the record, without prejudice)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.core.errors import CasevaultError
from casevault.core.model import EVENT_KINDS, Event, EventVersion
from casevault.gui.case_list_model import local_datetime_text
from casevault.gui.qt_dates import datetime_edit, from_qt
from casevault.gui.teardown import drop_dialog
from casevault.gui.typed_input import TypedInputDialog
from casevault.vault.facade import Vault

ID_ROLE = Qt.ItemDataRole.UserRole
# Written by their own flows (the conflict check, importing an email), not typed in this form.
NOT_TYPED = frozenset({"conflict-check", "email"})
ADVICE_KINDS = frozenset({"advice", "advice-written"})


class EditEntryDialog(TypedInputDialog):
    """The text of an entry, to save as its next version."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit entry"))
        self.setAccessibleName(self.tr("Edit entry"))
        note = QLabel(
            self.tr("The entry is sealed: saving adds a new version, and every earlier version is kept.")
        )
        note.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName(self.tr("New text"))
        self.text.setTabChangesFocus(True)  # Tab moves on (issue 18); a tab character is not needed
        self.save_button = QPushButton(self.tr("&Save new version"))
        self.save_button.setAccessibleName(self.tr("Save new version"))
        self.primary = self.save_button
        self.save_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)

    def typed_fields(self) -> list[QWidget]:
        return [self.text]

    def new_text(self) -> str:
        return self.text.toPlainText()


class HistoryDialog(QDialog):
    """Every version of an entry, the original first, each with the time it was recorded."""

    def __init__(self, versions: list[EventVersion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Entry history"))
        self.setAccessibleName(self.tr("Entry history"))
        self.versions = QTreeWidget()
        self.versions.setAccessibleName(self.tr("Versions"))
        self.versions.setRootIsDecorated(False)
        self.versions.setHeaderLabels([self.tr("Version"), self.tr("Recorded"), self.tr("Text")])
        self.versions.header().setStretchLastSection(True)
        for version in versions:
            if version.version == 1:
                label = self.tr("Original")
            else:
                label = self.tr("Version %1").replace("%1", str(version.version))
            item = QTreeWidgetItem([label, local_datetime_text(version.recorded_at), version.body])
            item.setToolTip(2, version.body)
            self.versions.addTopLevelItem(item)
        close = QPushButton(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.versions, 1)
        layout.addLayout(buttons)
        self.resize(640, 320)


class PaperTrail(QWidget):
    changed = Signal()  # an entry was added or edited

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
            "conflict-check": self.tr("Conflict of interest check"),
            "email": self.tr("Email"),
        }
        self._terms = {
            "": self.tr("Ordinary"),
            "off-the-record": self.tr("Off the record"),
            "without-prejudice": self.tr("Without prejudice"),
        }
        self.edit_dialog: EditEntryDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.follow_up_question: QMessageBox | None = None
        self._build()
        self.reload()

    def _build_list(self) -> QHBoxLayout:
        self.entries = QTreeWidget()
        self.entries.setAccessibleName(self.tr("Paper trail"))
        self.entries.setRootIsDecorated(False)
        self.entries.setAlternatingRowColors(True)
        self.entries.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Entry")])
        header = self.entries.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.entries.itemSelectionChanged.connect(self._selection_changed)

        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit entry"))
        self.edit_button.setToolTip(self.tr("Add a new version of the selected entry; the original is kept."))
        self.edit_button.clicked.connect(self.edit_selected)
        self.history_button = QPushButton(self.tr("Histor&y…"))
        self.history_button.setAccessibleName(self.tr("Entry history"))
        self.history_button.clicked.connect(self.show_history)
        entry_buttons = QHBoxLayout()
        entry_buttons.addStretch(1)
        entry_buttons.addWidget(self.edit_button)
        entry_buttons.addWidget(self.history_button)
        return entry_buttons

    def _build(self) -> None:
        entry_buttons = self._build_list()

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Entry kind"))
        for kind in EVENT_KINDS:
            if kind not in NOT_TYPED:
                self.kind.addItem(self._labels.get(kind, kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.terms = QComboBox()
        self.terms.setAccessibleName(self.tr("Terms of the conversation"))
        self.terms.setToolTip(
            self.tr(
                "Off the record or without prejudice: tell the member beforehand and get their "
                "agreement, and tell the manager that what they say will be reported back."
            )
        )
        for code, label in self._terms.items():
            self.terms.addItem(label, code)
        self.when = datetime_edit(self.tr("Entry date"), self._vault.now())
        self.hint = QLabel(
            self.tr(
                "Look it up before advising: the employer's policy, the guide, ACAS, or your "
                "regional office. Don't advise from a hazy recollection."
            )
        )
        self.hint.setAccessibleName(self.tr("Advice hint"))
        self.hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Entry text"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(80)
        self.add_button = QPushButton(self.tr("&Add entry"))
        self.add_button.setAccessibleName(self.tr("Add entry"))
        self.add_button.clicked.connect(self.add_entry)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Paper trail status"))
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.terms)
        top.addWidget(self.when)
        top.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("New entry:"), top)
        form.addRow("", self.hint)
        form.addRow(self.tr("Text:"), self.text)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entries, 1)
        layout.addLayout(entry_buttons)
        layout.addLayout(form)
        layout.addLayout(bottom)
        self._kind_changed()
        self._selection_changed()

    def showEvent(self, event: QShowEvent) -> None:
        # Entries can arrive from elsewhere (an email dropped on Documents): show them.
        self.reload()
        super().showEvent(event)

    # ---- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.entries.clear()
        events = sorted(self._vault.case(self._ref).events, key=lambda e: e.occurred_at)
        for event in events:
            self.entries.addTopLevelItem(self._item(event))
        self._selection_changed()

    def _kind_text(self, event: Event) -> str:
        text = self._labels.get(event.kind, event.kind)
        if event.terms:
            text = (
                self.tr("%1, %2").replace("%1", text).replace("%2", self._terms.get(event.terms, event.terms))
            )
        if event.edited_at is not None:
            text = self.tr("%1 (edited)").replace("%1", text)
        return text

    def _item(self, event: Event) -> QTreeWidgetItem:
        item = QTreeWidgetItem([local_datetime_text(event.occurred_at), self._kind_text(event), event.body])
        item.setData(0, ID_ROLE, event.id)
        item.setData(2, ID_ROLE, event.body)
        if event.edited_at is not None:
            tip = self.tr("Edited %1").replace("%1", local_datetime_text(event.edited_at))
            item.setToolTip(1, tip)
        item.setToolTip(2, event.body)
        return item

    def select_entry(self, event_id: str) -> None:
        for row in range(self.entries.topLevelItemCount()):
            item = self.entries.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == event_id:
                self.entries.setCurrentItem(item)
                return

    def selected_id(self) -> str | None:
        item = self.entries.currentItem()
        return None if item is None or not item.isSelected() else str(item.data(0, ID_ROLE))

    def _selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.history_button.setEnabled(chosen)

    # ---- editing and history ---------------------------------------------------------------------

    def edit_selected(self) -> None:
        item = self.entries.currentItem()
        event_id = self.selected_id()
        if item is None or event_id is None:
            return
        dialog = EditEntryDialog(str(item.data(2, ID_ROLE)), self)
        dialog.accepted.connect(lambda: self._save_edit(event_id, dialog.new_text()))
        dialog.finished.connect(self._edit_closed)
        self.edit_dialog = dialog
        dialog.open()

    def _edit_closed(self) -> None:
        if self.edit_dialog is not None:
            self.edit_dialog.deleteLater()
            self.edit_dialog = None

    def _save_edit(self, event_id: str, text: str) -> None:
        try:
            self._vault.edit_note(event_id, text)
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.message.setText(self.tr("Entry edited; the earlier version is kept in its history."))
        self.reload()
        self.select_entry(event_id)
        self.changed.emit()

    def show_history(self) -> None:
        event_id = self.selected_id()
        if event_id is None:
            return
        try:
            versions = self._vault.note_versions(event_id)
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        dialog = HistoryDialog(versions, self)
        dialog.finished.connect(self._history_closed)
        self.history_dialog = dialog
        dialog.open()

    def _history_closed(self) -> None:
        if self.history_dialog is not None:
            self.history_dialog.deleteLater()
            self.history_dialog = None

    def close_dialogs(self) -> None:
        """On lock: no dialog of this panel outlives it (an unanswered follow-up question leaves
        the reminder to do its work)."""
        for dialog in (self.edit_dialog, self.history_dialog, self.follow_up_question):
            if dialog is not None:
                drop_dialog(dialog)

    # ---- adding --------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.hint.setVisible(kind in ADVICE_KINDS)
        self.terms.setVisible(kind == "management")

    def add_entry(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self.message.setText(self.tr("Write the entry first."))
            return
        kind = self.kind.currentData()
        when = from_qt(self.when.dateTime())
        terms = self.terms.currentData() if kind == "management" else ""
        try:
            self._vault.add_note(self._ref, text, kind=kind, occurred_at=when, terms=terms)
        except CasevaultError as err:  # ConsentMissingError among them: the text stays in the form
            self.message.setText(err.message)
            return
        self.text.clear()
        self.message.setText(self.tr("Entry added."))
        self.reload()
        self.changed.emit()
        if kind == "advice":
            self._ask_follow_up(when)

    def _ask_follow_up(self, when: datetime | None) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Written follow-up"))
        box.setAccessibleName(self.tr("Written follow-up"))
        box.setText(self.tr("Was a written follow-up sent?"))
        box.setInformativeText(
            self.tr("Advice given orally should be followed up with an email or a written note.")
        )
        yes = box.addButton(self.tr("&Yes, record it"), QMessageBox.ButtonRole.YesRole)
        yes.setAccessibleName(self.tr("Yes"))
        no = box.addButton(self.tr("&No, not yet"), QMessageBox.ButtonRole.NoRole)
        no.setAccessibleName(self.tr("No"))
        box.setDefaultButton(no)
        box.finished.connect(lambda _result: self._follow_up_answered(box.clickedButton() is yes, when))
        self.follow_up_question = box
        box.open()

    def _follow_up_answered(self, sent: bool, when: datetime | None) -> None:
        box, self.follow_up_question = self.follow_up_question, None
        if box is not None:
            box.deleteLater()
        if not sent:
            self.message.setText(
                self.tr(
                    "A reminder to send a written follow-up will appear if none is recorded within a week."
                )
            )
            return
        try:
            self._vault.add_note(
                self._ref,
                self.tr("Written follow-up sent for the advice given orally."),
                kind="advice-written",
                occurred_at=when,
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.message.setText(self.tr("Entry added, with its written follow-up."))
        self.reload()
        self.changed.emit()
