"""The first-meeting form: the reps' guide to the first meeting, turned into a form.

Nothing is written until the rep presses Save; the form knows when it has unsaved changes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from casevault.casework.escalation import ESCALATION_ADVICE, escalation_prompted
from casevault.core.errors import CasevaultError
from casevault.core.i18n import CASEWORK
from casevault.core.model import FirstMeeting
from casevault.gui.notice_style import notice_css
from casevault.gui.qt_dates import datetime_edit, from_qt, to_qt
from casevault.gui.steady_layout import FitLabel
from casevault.vault.facade import Vault


def _comparable(meeting: FirstMeeting) -> FirstMeeting:
    held = meeting.held_at.replace(microsecond=0) if meeting.held_at else None
    # The originals' return is recorded at once by its own checkbox, not by Save.
    return replace(meeting, held_at=held, updated_at=None, originals_returned_at=None)


class FirstMeetingForm(QWidget):
    dirty_changed = Signal(bool)

    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._saved = FirstMeeting()
        self._dirty = False
        self._loading = False
        self._build_fields()
        self._build_layout()
        self._connect()
        self.load(vault.first_meeting(ref))

    # ---- building --------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.held_at = datetime_edit(
            self.tr("Date held"), self._vault.now(), unset_text=self.tr("Not recorded")
        )

        self.issues = QListWidget()
        self.issues.setAccessibleName(self.tr("Issues identified and agreed"))
        self.new_issue = QLineEdit()
        self.new_issue.setAccessibleName(self.tr("New issue"))
        self.new_issue.setPlaceholderText(self.tr("Type an issue, then Add issue"))
        self.new_issue.returnPressed.connect(self._add_issue)
        self.add_issue_button = QPushButton(self.tr("Add issue"))
        self.add_issue_button.setAccessibleName(self.tr("Add issue"))
        self.add_issue_button.clicked.connect(self._add_issue)
        self.remove_issue_button = QPushButton(self.tr("Remove issue"))
        self.remove_issue_button.setAccessibleName(self.tr("Remove issue"))
        self.remove_issue_button.clicked.connect(self._remove_issue)
        issue_row = QHBoxLayout()
        issue_row.addWidget(self.new_issue, 1)
        issue_row.addWidget(self.add_issue_button)
        issue_row.addWidget(self.remove_issue_button)
        self._issue_row = issue_row

        self.narrative = QPlainTextEdit()
        self.narrative.setAccessibleName(self.tr("Narrative agreed"))
        self.narrative.setTabChangesFocus(True)  # Tab moves on to the next field (issue 18)

        self.dismissal = QCheckBox(self.tr("Dismissal threatened?"))
        self.dismissal.setAccessibleName(self.tr("Dismissal threatened?"))
        self.discrimination = QCheckBox(self.tr("Discrimination alleged?"))
        self.discrimination.setAccessibleName(self.tr("Discrimination alleged?"))
        self.advice = FitLabel(QCoreApplication.translate(CASEWORK, ESCALATION_ADVICE))
        self.advice.setAccessibleName(self.tr("Escalation advice"))
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet(
            notice_css(
                "border-width: 1px; border-style: solid; border-radius: 4px; padding: 8px; font-weight: bold;"
            )
        )
        self.advice.hide()
        self.confidentiality = QCheckBox(self.tr("Confidentiality explained to the member"))
        self.confidentiality.setAccessibleName(self.tr("Confidentiality explained to the member"))
        self.originals = QLineEdit()
        self.originals.setAccessibleName(self.tr("Original documents received"))
        self.originals_returned = QCheckBox(self.tr("&Returned to the member"))
        self.originals_returned.setAccessibleName(self.tr("Originals returned to the member"))
        self.originals_returned.setToolTip(
            self.tr(
                "Recorded at once. A case cannot be deleted while its originals are held. List each "
                "original, where it is kept and its return on the Originals tab."
            )
        )
        self.originals_returned.clicked.connect(self._originals_returned_clicked)
        self.decision = QPlainTextEdit()
        self.decision.setAccessibleName(self.tr("Member's decision (in the member's own words)"))
        self.decision.setTabChangesFocus(True)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("First meeting status"))
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)

    def _build_layout(self) -> None:
        # Bounded heights, so the checkboxes and the escalation advice stay in view.
        for widget, low, high in (
            (self.issues, 70, 110),
            (self.narrative, 80, 130),
            (self.decision, 60, 100),
        ):
            widget.setMinimumHeight(low)
            widget.setMaximumHeight(high)
        # As tall as its text (FitLabel): the room the form has to spare goes to the stretch below
        # it, never to the banner.
        self.advice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        issues_box = QVBoxLayout()
        issues_box.addWidget(self.issues)
        issues_box.addLayout(self._issue_row)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self._buddy(self.tr("Date &held:"), self.held_at), self.held_at)
        form.addRow(self._buddy(self.tr("&Issues identified and agreed:"), self.issues), issues_box)
        form.addRow(self._buddy(self.tr("&Narrative agreed:"), self.narrative), self.narrative)
        form.addRow("", self.dismissal)
        form.addRow("", self.discrimination)
        form.addRow("", self.advice)
        form.addRow("", self.confidentiality)
        originals_row = QHBoxLayout()
        originals_row.addWidget(self.originals, 1)
        originals_row.addWidget(self.originals_returned)
        form.addRow(self._buddy(self.tr("&Original documents received:"), self.originals), originals_row)
        form.addRow(
            self._buddy(self.tr("Member's &decision\n(in the member's own words):"), self.decision),
            self.decision,
        )
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop of its own: it showed no focus and did nothing, and it scrolls to the
        # field Tab moves to (issue 18).
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(inner)

        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.held_at.dateTimeChanged.connect(self._changed)
        self.issues.itemChanged.connect(self._changed)
        self.issues.model().rowsRemoved.connect(self._changed)
        self.issues.model().rowsInserted.connect(self._changed)
        for edit in (self.narrative, self.decision):
            edit.textChanged.connect(self._changed)
        self.originals.textChanged.connect(self._changed)
        for box in (self.dismissal, self.discrimination, self.confidentiality):
            box.toggled.connect(self._changed)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # ---- values ----------------------------------------------------------------------------

    def load(self, meeting: FirstMeeting) -> None:
        self._loading = True
        try:
            self._saved = meeting
            self.held_at.setDateTime(to_qt(meeting.held_at))
            self.issues.clear()
            for issue in meeting.issues:
                self._append_issue(issue)
            self.narrative.setPlainText(meeting.narrative)
            self.dismissal.setChecked(meeting.dismissal_threatened)
            self.discrimination.setChecked(meeting.discrimination_alleged)
            self.confidentiality.setChecked(meeting.confidentiality_explained)
            self.originals.setText(meeting.originals_received)
            self.originals_returned.setChecked(meeting.originals_returned_at is not None)
            self.originals_returned.setEnabled(bool(meeting.originals_received))
            self.decision.setPlainText(meeting.member_decision)
        finally:
            self._loading = False
        self._changed()

    def value(self) -> FirstMeeting:
        issues = tuple(
            text for i in range(self.issues.count()) if (text := self.issues.item(i).text().strip())
        )
        return FirstMeeting(
            held_at=from_qt(self.held_at.dateTime()),
            issues=issues,
            narrative=self.narrative.toPlainText(),
            dismissal_threatened=self.dismissal.isChecked(),
            discrimination_alleged=self.discrimination.isChecked(),
            confidentiality_explained=self.confidentiality.isChecked(),
            originals_received=self.originals.text(),
            member_decision=self.decision.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self._dirty

    def save(self) -> bool:
        """Write the form to the vault. False (with the reason shown) if the vault refused it."""
        try:
            stored = self._vault.save_first_meeting(self._ref, self.value())
        except CasevaultError as err:
            self.message.setText(err.message)
            return False
        self.load(stored)
        self.message.setText(self.tr("Saved."))
        return True

    def discard(self) -> None:
        self.load(self._saved)

    def _originals_returned_clicked(self, returned: bool) -> None:
        try:
            self._vault.set_originals_returned(self._ref, returned)
        except CasevaultError as err:
            self.originals_returned.setChecked(not returned)
            self.message.setText(err.message)
            return
        self._saved = self._vault.first_meeting(self._ref)
        self.message.setText(
            self.tr("Recorded: the originals were returned.")
            if returned
            else self.tr("Recorded: the originals are still held.")
        )

    # ---- editing ---------------------------------------------------------------------------

    def _append_issue(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.issues.addItem(item)

    def _add_issue(self) -> None:
        text = self.new_issue.text().strip()
        if not text:
            return
        self._append_issue(text)
        self.new_issue.clear()

    def _remove_issue(self) -> None:
        row = self.issues.currentRow()
        if row >= 0:
            self.issues.takeItem(row)

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        current = self.value()
        self.advice.setVisible(escalation_prompted(current))
        dirty = _comparable(current) != _comparable(self._saved)
        self.save_button.setEnabled(dirty)
        if dirty:
            self.message.setText(self.tr("Unsaved changes."))
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
