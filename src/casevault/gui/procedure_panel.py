"""The Procedure tab: a case's stages as a timeline with their deadlines, the next deadline
prominent, extensions and outcomes, and the tribunal time limit. Every date is counted by
casework/ through the Vault; the panel only shows it and says how it was reached."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import time_limits
from casevault.casework.procedure import CALENDAR, MAX_LIMIT_DAYS, TEMPLATES, WORKING
from casevault.casework.rule_pack import uk_pack
from casevault.casework.working_days import JURISDICTION_LABELS
from casevault.core.errors import CasevaultError
from casevault.core.model import CaseDeadline
from casevault.gui.qt_dates import DateEdit, date_edit, date_text, to_qt_date
from casevault.vault.facade import Vault

ID_ROLE = Qt.ItemDataRole.UserRole


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ProcedurePanel(QWidget):
    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._rows: dict[str, CaseDeadline] = {}
        self._build()
        self.reload()

    # ---- layout ------------------------------------------------------------------------------

    def _date_edit(self, name: str) -> DateEdit:
        return date_edit(name, self._vault.now())  # every date control starts at today

    def _today(self) -> QDate:
        return to_qt_date(self._vault.now())

    def _build(self) -> None:  # noqa: PLR0915 - the widgets of one tab, in reading order
        self.next_deadline = QLabel()
        self.next_deadline.setAccessibleName(self.tr("Next deadline"))
        self.next_deadline.setTextFormat(Qt.TextFormat.PlainText)
        self.next_deadline.setWordWrap(True)
        font = self.next_deadline.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.next_deadline.setFont(font)

        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Procedure template"))
        for template in TEMPLATES.values():
            self.template.addItem(template.name, template.id)
        self.start_button = QPushButton(self.tr("&Start procedure"))
        self.start_button.setAccessibleName(self.tr("Start procedure"))
        self.start_button.clicked.connect(self.start_procedure)
        self.policy = QComboBox()
        self.policy.setAccessibleName(self.tr("Employer's policy"))
        self.policy.setToolTip(self.tr("The employer's policy from the policy library, to follow beside it."))
        self.policy.addItem(self.tr("No policy linked"), None)
        for document in self._vault.library_documents():
            self.policy.addItem(document.title or document.name, document.id)
        self.case_jurisdiction = QComboBox()
        self.case_jurisdiction.setAccessibleName(self.tr("Jurisdiction of the case"))
        for code, label in JURISDICTION_LABELS:
            self.case_jurisdiction.addItem(QCoreApplication.translate("casework", label), code)
        start_row = QHBoxLayout()
        start_row.addWidget(self.template, 1)
        start_row.addWidget(self.case_jurisdiction)
        start_row.addWidget(self.policy, 1)
        start_row.addWidget(self.start_button)

        self.stages = QTreeWidget()
        self.stages.setAccessibleName(self.tr("Stages and deadlines"))
        self.stages.setRootIsDecorated(False)
        self.stages.setHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Time limit"),
                self.tr("Started"),
                self.tr("Deadline"),
                self.tr("State"),
            ]
        )
        header = self.stages.header()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.stages.itemSelectionChanged.connect(self._selection_changed)

        self.explanation = QLabel()
        self.explanation.setAccessibleName(self.tr("How the date was reached"))
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.on_date = self._date_edit(self.tr("Date"))
        self.event_button = QPushButton(self.tr("Its &event happened on this date"))
        self.event_button.setAccessibleName(self.tr("Record the event that starts the stage"))
        self.event_button.clicked.connect(self.record_event)
        self.outcome = QLineEdit()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.setPlaceholderText(self.tr("Outcome (optional)"))
        self.done_button = QPushButton(self.tr("&Done on this date"))
        self.done_button.setAccessibleName(self.tr("Record the stage as done"))
        self.done_button.clicked.connect(self.mark_done)
        self.agreed_with = QLineEdit()
        self.agreed_with.setAccessibleName(self.tr("Extension agreed with"))
        self.agreed_with.setPlaceholderText(self.tr("Agreed with (for an extension)"))
        self.extend_button = QPushButton(self.tr("E&xtend to this date"))
        self.extend_button.setAccessibleName(self.tr("Extend the deadline"))
        self.extend_button.clicked.connect(self.extend)
        actions = QHBoxLayout()
        for widget, stretch in (
            (self.on_date, 0),
            (self.event_button, 0),
            (self.outcome, 1),
            (self.done_button, 0),
            (self.agreed_with, 1),
            (self.extend_button, 0),
        ):
            actions.addWidget(widget, stretch)

        limit_row = self._limit_row()

        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Procedure status"))
        self.message.setWordWrap(True)
        caution = QLabel(
            self.tr(
                "casevault helps you count; it is not legal advice. "
                "Refer the case to the regional office early."
            )
        )
        caution.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.next_deadline)
        layout.addLayout(start_row)
        layout.addWidget(self.stages, 1)
        layout.addWidget(self.explanation)
        layout.addLayout(actions)
        layout.addLayout(limit_row)
        boxes = QHBoxLayout()
        boxes.addWidget(self._tribunal_box(), 3)
        boxes.addWidget(self._companion_box(), 2)
        layout.addLayout(boxes)
        layout.addWidget(self.message)
        layout.addWidget(caution)

    def _limit_row(self) -> QHBoxLayout:
        """The chosen stage's time limit, to change it to the employer's policy."""
        self.limit_days = QSpinBox()
        self.limit_days.setAccessibleName(self.tr("Stage time limit in days"))
        self.limit_days.setRange(0, MAX_LIMIT_DAYS)
        self.limit_days.setSpecialValueText(self.tr("No set limit"))
        self.limit_unit = QComboBox()
        self.limit_unit.setAccessibleName(self.tr("Days counted"))
        self.limit_unit.addItem(self.tr("working days"), WORKING)
        self.limit_unit.addItem(self.tr("calendar days"), CALENDAR)
        self.limit_button = QPushButton(self.tr("Set the stage's &limit"))
        self.limit_button.setAccessibleName(self.tr("Set the stage's time limit"))
        self.limit_button.setToolTip(self.tr("Follow the employer's own policy where it sets other limits."))
        self.limit_button.clicked.connect(self.set_limit)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Time limit:")))
        row.addWidget(self.limit_days)
        row.addWidget(self.limit_unit)
        row.addWidget(self.limit_button)
        row.addStretch(1)
        return row

    def _tribunal_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tribunal time limit"))
        self.claim = QComboBox()
        self.claim.setAccessibleName(self.tr("Claim"))
        for claim in uk_pack().claims():
            self.claim.addItem(claim.replace("-", " ").capitalize(), claim)
        self.tribunal_event = self._date_edit(self.tr("Act or dismissal date"))
        self.with_acas = QCheckBox(self.tr("ACAS early conciliation"))
        self.with_acas.setAccessibleName(self.tr("ACAS early conciliation"))
        self.acas_start = self._date_edit(self.tr("ACAS contacted (Day A)"))
        self.acas_certificate = self._date_edit(self.tr("Certificate received (Day B)"))
        self.with_acas.toggled.connect(self.acas_start.setEnabled)
        self.with_acas.toggled.connect(self.acas_certificate.setEnabled)
        self.acas_start.setEnabled(False)
        self.acas_certificate.setEnabled(False)
        self.tribunal_button = QPushButton(self.tr("Count the &tribunal limit"))
        self.tribunal_button.setAccessibleName(self.tr("Count the tribunal time limit"))
        self.tribunal_button.clicked.connect(self.add_tribunal)
        form = QFormLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.claim)
        row.addWidget(QLabel(self.tr("from")))
        row.addWidget(self.tribunal_event)
        row.addStretch(1)
        form.addRow(self.tr("Claim:"), row)
        acas = QHBoxLayout()
        for widget in (self.with_acas, self.acas_start, self.acas_certificate, self.tribunal_button):
            acas.addWidget(widget)
        acas.addStretch(1)
        form.addRow("", acas)
        return box

    def _companion_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Right to be accompanied"))
        card = QLabel(
            self.tr(
                "The companion may put and sum up the member's case, respond on their behalf to any view "
                "put at the hearing, and confer with them during it. The companion may not answer "
                "questions for the member. (Employment Relations Act 1999 s.10)"
            )
        )
        card.setAccessibleName(self.tr("What the companion may do"))
        card.setWordWrap(True)
        self.companion_button = QPushButton(self.tr("Companion cannot come: latest &other date"))
        self.companion_button.setAccessibleName(self.tr("Latest alternative hearing date"))
        self.companion_button.setToolTip(self.tr("From the hearing date chosen in the date box above."))
        self.companion_button.clicked.connect(self.companion_postponement)
        layout = QVBoxLayout(box)
        layout.addWidget(card)
        layout.addWidget(self.companion_button)
        return box

    # ---- showing -----------------------------------------------------------------------------

    def _state(self, deadline: CaseDeadline, today: date) -> str:
        if deadline.done_on is not None:
            done = self.tr("Done %1").replace("%1", self._day(deadline.done_on))
            return f"{done}: {deadline.outcome}" if deadline.outcome else done
        if deadline.due_on is None:
            return (
                self.tr("No time limit") if deadline.limit_days is None else self.tr("Waiting for its event")
            )
        if deadline.due_on < today:
            return self.tr("Overdue")
        if deadline.extended_to is not None:
            return self.tr("Running (extended, agreed with %1)").replace("%1", deadline.extension_with)
        return self.tr("Running")

    def _day(self, day: date) -> str:
        return date_text(to_qdate(day))

    def _limit(self, deadline: CaseDeadline) -> str:
        if deadline.kind != "stage":
            return self.tr("By law")
        if deadline.limit_days is None:
            return self.tr("None")
        unit = self.tr("working days") if deadline.unit == "working" else self.tr("days")
        return f"{deadline.limit_days} {unit}"

    def reload(self) -> None:
        selected = self._selected_id()
        self.stages.clear()
        self._rows.clear()
        today = from_qdate(self._today())
        deadlines = self._vault.deadlines(self._ref)
        for deadline in deadlines:
            started = self._day(deadline.event_on) if deadline.event_on else ""
            due = self._day(deadline.due_on) if deadline.due_on else ""
            item = QTreeWidgetItem(
                [deadline.name, self._limit(deadline), started, due, self._state(deadline, today)]
            )
            item.setData(0, ID_ROLE, deadline.id)
            if deadline.due_on is not None and deadline.done_on is None and deadline.due_on < today:
                item.setForeground(4, Qt.GlobalColor.red)
            self.stages.addTopLevelItem(item)
            self._rows[deadline.id] = deadline
            if deadline.id == selected:
                item.setSelected(True)
        self.start_button.setEnabled(not self._vault.procedures(self._ref))
        self.template.setEnabled(self.start_button.isEnabled())
        self.policy.setEnabled(self.start_button.isEnabled())
        self.case_jurisdiction.setEnabled(self.start_button.isEnabled())
        where = self._vault.case_jurisdiction(self._ref)
        self.case_jurisdiction.setCurrentIndex(max(0, self.case_jurisdiction.findData(where)))
        self._show_next(deadlines, today)
        self._selection_changed()

    def _show_next(self, deadlines: list[CaseDeadline], today: date) -> None:
        running = sorted(
            (d for d in deadlines if d.due_on is not None and d.done_on is None),
            key=lambda d: d.due_on or today,
        )
        if not running:
            self.next_deadline.setText(self.tr("No deadline is running."))
            return
        first = running[0]
        assert first.due_on is not None
        days = (first.due_on - today).days
        if days < 0:
            when = self.tr("overdue by %n day(s)", "", -days)
        elif days == 0:
            when = self.tr("today")
        else:
            when = self.tr("in %n day(s)", "", days)
        text = self.tr("Next deadline: %1, %2 (%3)")
        self.next_deadline.setText(
            text.replace("%1", first.name).replace("%2", self._day(first.due_on)).replace("%3", when)
        )

    def _selected_id(self) -> str | None:
        items = self.stages.selectedItems()
        return str(items[0].data(0, ID_ROLE)) if items else None

    def selected(self) -> CaseDeadline | None:
        wanted = self._selected_id()
        return None if wanted is None else self._rows.get(wanted)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        running = chosen is not None and chosen.done_on is None
        self.event_button.setEnabled(running and chosen is not None and chosen.kind == "stage")
        self.done_button.setEnabled(running)
        self.extend_button.setEnabled(running and chosen is not None and chosen.due_on is not None)
        is_stage = chosen is not None and chosen.kind == "stage"
        for widget in (self.limit_days, self.limit_unit, self.limit_button):
            widget.setEnabled(running and is_stage)
        if chosen is not None and is_stage:
            self.limit_days.setValue(chosen.limit_days or 0)
            self.limit_unit.setCurrentIndex(max(0, self.limit_unit.findData(chosen.unit)))
        if chosen is None:
            self.explanation.setText(self.tr("Choose a stage to see how its deadline was reached."))
        elif chosen.explanation:
            rule = f"({chosen.rule} v{chosen.rule_version})"
            self.explanation.setText(f"{chosen.explanation} {rule}")
        else:
            self.explanation.setText(
                chosen.event and self.tr("Its clock starts with %1.").replace("%1", chosen.event)
            )

    # ---- actions -----------------------------------------------------------------------------

    def _run(self, action: Any, done_text: str) -> None:
        try:
            action()
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.message.setText(done_text)
        self.reload()

    def start_procedure(self) -> None:
        template_id = str(self.template.currentData())
        policy = self.policy.currentData()
        policy_id = None if policy is None else str(policy)
        where = str(self.case_jurisdiction.currentData())
        self._run(
            lambda: self._vault.start_procedure(
                self._ref, template_id, jurisdiction=where, policy_id=policy_id
            ),
            self.tr("The procedure has started."),
        )

    def set_limit(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            days = self.limit_days.value() or None
            unit = str(self.limit_unit.currentData())
            self._run(
                lambda: self._vault.set_stage_limit(chosen.id, days, unit),
                self.tr("The stage's time limit is changed; its deadline is counted again."),
            )

    def record_event(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            on = from_qdate(self.on_date.date())
            self._run(
                lambda: self._vault.record_stage_event(chosen.id, on), self.tr("Its deadline is counted.")
            )

    def mark_done(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            on, outcome = from_qdate(self.on_date.date()), self.outcome.text()
            self._run(
                lambda: self._vault.complete_deadline(chosen.id, on, outcome), self.tr("Recorded as done.")
            )
            self.outcome.clear()

    def extend(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            to, who = from_qdate(self.on_date.date()), self.agreed_with.text()
            self._run(
                lambda: self._vault.extend_deadline(chosen.id, to, who), self.tr("The extension is recorded.")
            )

    def companion_postponement(self) -> None:
        proposed = from_qdate(self.on_date.date())
        try:
            result = time_limits.accompaniment_postponement(
                proposed, jurisdiction=self._vault.case_jurisdiction(self._ref)
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        assert isinstance(result.deadline, date)
        text = self.tr("The member may propose another time up to %1 (%2).")
        self.message.setText(text.replace("%1", self._day(result.deadline)).replace("%2", result.explanation))

    def add_tribunal(self) -> None:
        event = from_qdate(self.tribunal_event.date())
        claim = str(self.claim.currentData())
        start = from_qdate(self.acas_start.date()) if self.with_acas.isChecked() else None
        certificate = from_qdate(self.acas_certificate.date()) if self.with_acas.isChecked() else None
        self._run(
            lambda: self._vault.add_tribunal_limit(
                self._ref, event, claim, acas_start=start, acas_certificate=certificate
            ),
            self.tr(
                "The tribunal time limit is counted; refer the case to the regional office well before it."
            ),
        )
