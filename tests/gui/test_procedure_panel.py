"""The Procedure tab (issue 16), driven as a rep drives it: start the ACAS disciplinary procedure,
record the events that start each stage's clock, mark stages done, extend the appeal, count a
tribunal limit; the dates shown are the ones casework/ counts, and they reach the reminders and
the agenda. The vault's clock is fixed, so "today" in every date box is known."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from casevault.casework import reminders as engine
from casevault.gui.app import App
from casevault.gui.procedure_panel import ProcedurePanel
from tests.conftest import FakeClock
from tests.gui.conftest import by_name
from tests.support.gui_case_page import ref_of, started

MakeApp = Callable[..., App]
NOW = datetime(2026, 12, 21, 10, 0, tzinfo=UTC)  # a Monday


def click(qtbot: QtBot, button: QPushButton | QCheckBox) -> None:
    assert button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _row(stages: QTreeWidget, name: str) -> int:
    for i in range(stages.topLevelItemCount()):
        item = stages.topLevelItem(i)
        if item is not None and item.text(0) == name:
            return i
    raise AssertionError(f"no row {name!r}")


def _choose(stages: QTreeWidget, name: str) -> None:
    stages.setCurrentItem(stages.topLevelItem(_row(stages, name)))


def _set(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def test_a_case_goes_through_the_acas_procedure_to_appeal(qtbot: QtBot, make_app: MakeApp) -> None:
    clock = FakeClock(NOW)
    app, window, page = started(qtbot, make_app, clock=clock)
    vault = window.vault
    assert vault is not None
    ref = ref_of(app)
    page.tabs.setCurrentWidget(page.procedure)
    panel = page.procedure
    assert isinstance(panel, ProcedurePanel)
    on_date = by_name(panel, "Date", QDateEdit)
    assert on_date.date() == QDate(2026, 12, 21)  # every date box starts at today, not at 2000
    assert by_name(panel, "Next deadline", QLabel).text() == "No deadline is running."

    click(qtbot, by_name(panel, "Start procedure", QPushButton))
    stages = by_name(panel, "Stages and deadlines", QTreeWidget)
    assert stages.topLevelItemCount() == 8
    assert not by_name(panel, "Start procedure", QPushButton).isEnabled()  # one procedure per case here

    # The hearing's clock starts with the written notification, received Tuesday 22 December:
    # 5 working days skip Christmas, the weekend and the substitute Boxing Day holiday.
    _choose(stages, "Disciplinary meeting")
    _set(on_date, date(2026, 12, 22))
    click(qtbot, by_name(panel, "Record the event that starts the stage", QPushButton))
    row = stages.topLevelItem(_row(stages, "Disciplinary meeting"))
    assert row is not None and row.text(3) == panel._day(date(2026, 12, 31))
    assert "Thursday 31 December 2026" in by_name(panel, "How the date was reached", QLabel).text()
    assert "Disciplinary meeting" in by_name(panel, "Next deadline", QLabel).text()

    # Done, with its outcome; then the outcome letter, and the appeal counted from it.
    _set(on_date, date(2026, 12, 30))
    by_name(panel, "Outcome", QLineEdit).setText("Heard, member accompanied")
    click(qtbot, by_name(panel, "Record the stage as done", QPushButton))
    _choose(stages, "Appeal lodged")
    _set(on_date, date(2027, 1, 4))
    click(qtbot, by_name(panel, "Record the event that starts the stage", QPushButton))
    appeal = next(d for d in vault.deadlines(ref) if d.stage_key == "appeal")
    assert appeal.due_on == date(2027, 1, 11)
    assert appeal.rule == "procedure:acas-disciplinary:appeal"

    # An extension needs who agreed it; with it, the deadline moves and says so.
    _choose(stages, "Appeal lodged")
    _set(on_date, date(2027, 1, 18))
    click(qtbot, by_name(panel, "Extend the deadline", QPushButton))
    assert "Say who agreed" in by_name(panel, "Procedure status", QLabel).text()
    by_name(panel, "Extension agreed with", QLineEdit).setText("HR manager")
    click(qtbot, by_name(panel, "Extend the deadline", QPushButton))
    appeal = next(d for d in vault.deadlines(ref) if d.stage_key == "appeal")
    assert (appeal.due_on, appeal.extension_with) == (date(2027, 1, 18), "HR manager")

    # The deadlines reach the reminders and the agenda.
    clock.now = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
    due = [r for r in vault.reminders() if r.kind in engine.DEADLINE_KINDS]
    assert [r.kind for r in due] == [engine.DEADLINE_WARNING]  # the 7-day warning for 18 January
    coming = [r for r in vault.agenda(days=30) if r.kind in engine.DEADLINE_KINDS]
    assert [r.kind for r in coming] == [engine.DEADLINE_DAY]

    # Every calculation is in the audit log, by id and digest only.
    counted = [e.fields for e in vault.audit(ref) if e.fields.action == "deadline.calculated"]
    assert len(counted) >= 3 and all("2027" not in f.subject for f in counted)


def test_the_tribunal_limit_is_counted_with_early_conciliation(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, page = started(qtbot, make_app, clock=FakeClock(NOW))
    vault = window.vault
    assert vault is not None
    panel = page.procedure
    page.tabs.setCurrentWidget(panel)
    claim = by_name(panel, "Claim", QComboBox)
    claim.setCurrentIndex(claim.findData("unfair-dismissal"))
    _set(by_name(panel, "Act or dismissal date", QDateEdit), date(2026, 1, 10))
    acas = panel.findChild(QCheckBox)
    assert acas is not None
    click(qtbot, acas)
    _set(by_name(panel, "ACAS contacted (Day A)", QDateEdit), date(2026, 4, 1))
    _set(by_name(panel, "Certificate received (Day B)", QDateEdit), date(2026, 5, 20))
    click(qtbot, by_name(panel, "Count the tribunal time limit", QPushButton))
    (limit,) = vault.deadlines(ref_of(app))
    # 9 April + 49 days is 28 May, inside a month after Day B, so 20 June (s.207B(4)).
    assert limit.due_on == date(2026, 6, 20)
    stages = by_name(panel, "Stages and deadlines", QTreeWidget)
    _choose(stages, "Tribunal claim (unfair-dismissal)")
    assert "one month after Day B" in by_name(panel, "How the date was reached", QLabel).text()


def test_the_companion_card_counts_the_postponement(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, _window, page = started(qtbot, make_app, clock=FakeClock(NOW - timedelta(days=0)))
    panel = page.procedure
    page.tabs.setCurrentWidget(panel)
    assert "may not answer" in by_name(panel, "What the companion may do", QLabel).text()
    _set(by_name(panel, "Date", QDateEdit), date(2026, 12, 22))
    click(qtbot, by_name(panel, "Latest alternative hearing date", QPushButton))
    assert "Thursday 31 December 2026" in by_name(panel, "Procedure status", QLabel).text()


def test_a_stage_s_limit_is_set_to_the_employer_s_policy_and_the_policy_linked(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path
) -> None:
    clock = FakeClock(NOW)
    app, window, _page = started(qtbot, make_app, clock=clock)
    vault = window.vault
    assert vault is not None
    policy = tmp_path / "policy.txt"
    policy.write_text("Appeals within 10 calendar days of the outcome letter.", encoding="utf-8")
    doc_id = vault.add_library_document(policy, title="Disciplinary policy 2026")
    # The tab reads the library when it is built: open the case again to see the new document.
    panel = ProcedurePanel(vault, ref_of(app))
    qtbot.addWidget(panel)
    chooser = by_name(panel, "Employer's policy", QComboBox)
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "No policy linked",
        "Disciplinary policy 2026",
    ]
    chooser.setCurrentIndex(1)
    click(qtbot, by_name(panel, "Start procedure", QPushButton))
    (proc,) = vault.procedures(ref_of(app))
    assert proc.policy_id == doc_id
    assert not chooser.isEnabled()

    stages = by_name(panel, "Stages and deadlines", QTreeWidget)
    _choose(stages, "Appeal lodged")
    days = by_name(panel, "Stage time limit in days", QSpinBox)
    unit = by_name(panel, "Days counted", QComboBox)
    assert (days.value(), unit.currentData()) == (5, "working")  # the template's default, shown
    days.setValue(10)
    unit.setCurrentIndex(unit.findData("calendar"))
    click(qtbot, by_name(panel, "Set the stage's time limit", QPushButton))
    _choose(stages, "Appeal lodged")
    _set(by_name(panel, "Date", QDateEdit), date(2026, 12, 21))
    click(qtbot, by_name(panel, "Record the event that starts the stage", QPushButton))
    appeal = next(d for d in vault.deadlines(ref_of(app)) if d.stage_key == "appeal")
    assert (appeal.limit_days, appeal.unit, appeal.due_on) == (10, "calendar", date(2026, 12, 31))
    row = stages.topLevelItem(_row(stages, "Appeal lodged"))
    assert row is not None and row.text(1) == "10 days"


def test_a_case_can_follow_another_nation_s_law_than_the_vault(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, page = started(qtbot, make_app, clock=FakeClock(NOW))
    vault = window.vault
    assert vault is not None
    panel = page.procedure
    assert isinstance(panel, ProcedurePanel)
    where = by_name(panel, "Jurisdiction of the case", QComboBox)
    assert where.currentData() == "england-wales"  # the vault's, until chosen
    where.setCurrentIndex(where.findData("scotland"))
    click(qtbot, by_name(panel, "Start procedure", QPushButton))
    ref = ref_of(app)
    assert vault.procedures(ref)[0].jurisdiction == "scotland"
    assert vault.jurisdiction() == "england-wales"  # the vault's own setting is untouched
    assert where.currentData() == "scotland" and not where.isEnabled()
    click(qtbot, by_name(panel, "Count the tribunal time limit", QPushButton))
    (limit,) = [d for d in vault.deadlines(ref) if d.kind == "tribunal"]
    assert limit.inputs["jurisdiction"] == "scotland"  # the law counts where the case is
