"""Hearings and meetings on the Action points tab, the originals' return on the First meeting
tab, and the paper trail's kinds for written advice and escalation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from casevault.casework import reminders as engine
from casevault.gui.app import App
from casevault.gui.case_page import ACTION_POINTS, FIRST_MEETING, OVERVIEW, PAPER_TRAIL
from tests.gui.conftest import by_name, window_named
from tests.support.gui_case_page import ref_of, started
from tests.support.gui_dialogs import choose_outcome

MakeApp = Callable[..., App]


def click(qtbot: QtBot, button: QPushButton | QCheckBox) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_hearing_is_added_listed_reminded_and_removed(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, page = started(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    page.tabs.setCurrentIndex(ACTION_POINTS)
    kind = by_name(page, "Date kind", QComboBox)
    kind.setCurrentIndex(kind.findData("hearing"))
    by_name(page, "Date and time", QDateTimeEdit).setDateTime(QDateTime.currentDateTime().addDays(1))
    by_name(page, "Date note", QLineEdit).setText("Room 4, with HR")
    click(qtbot, by_name(page, "Add hearing or meeting", QPushButton))
    listed = by_name(page, "Hearings and meetings", QTreeWidget)
    assert listed.topLevelItemCount() == 1
    assert listed.topLevelItem(0).text(2) == "Room 4, with HR"  # type: ignore[union-attr]
    ref = ref_of(app)
    assert [r.kind for r in vault.reminders()] == [engine.HEARING_SOON]  # within two days

    listed.setCurrentItem(listed.topLevelItem(0))
    click(qtbot, by_name(page, "Remove hearing or meeting", QPushButton))
    assert listed.topLevelItemCount() == 0
    assert vault.case_dates(ref) == []


def test_originals_returned_is_recorded_at_once_and_leaves_the_form_clean(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    app, window, page = started(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    ref = ref_of(app)
    page.tabs.setCurrentIndex(FIRST_MEETING)
    returned = by_name(page, "Originals returned to the member", QCheckBox)
    assert not returned.isEnabled()  # nothing received yet
    by_name(page, "Original documents received", QLineEdit).setText("Payslips (originals)")
    click(qtbot, by_name(page, "Save", QPushButton))
    assert returned.isEnabled()
    assert vault.originals_outstanding(ref)
    vault.close_case(ref, retain_days=30)
    assert [r.kind for r in vault.reminders()] == [engine.ORIGINALS_RETURN]

    click(qtbot, returned)
    assert not vault.originals_outstanding(ref)
    assert vault.reminders() == []
    assert not page.has_unsaved_changes()
    click(qtbot, returned)
    assert vault.originals_outstanding(ref)


def test_the_paper_trail_records_written_advice_and_escalation(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, page = started(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    page.tabs.setCurrentIndex(PAPER_TRAIL)
    kind = by_name(page, "Entry kind", QComboBox)
    labels = [kind.itemText(i) for i in range(kind.count())]
    assert "Advice confirmed in writing" in labels
    assert "Escalated (caseworker, regional office)" in labels
    a_week_on = vault.case(ref_of(app)).summary.opened_at + timedelta(days=8)

    def add(code: str) -> None:
        kind.setCurrentIndex(kind.findData(code))
        by_name(page, "Entry text", QPlainTextEdit).setPlainText(f"An entry of kind {code}")
        click(qtbot, by_name(page, "Add entry", QPushButton))

    add("advice")
    assert [r.kind for r in vault.reminders(a_week_on)] == [engine.ADVICE_FOLLOW_UP]
    add("advice-written")
    assert vault.reminders(a_week_on) == []


def test_close_with_the_types_archive_period_then_reopen(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, page = started(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    ref = ref_of(app)
    vault.set_retain_days(90)
    page.tabs.setCurrentIndex(FIRST_MEETING)
    by_name(page, "Original documents received", QLineEdit).setText("Contract (original)")
    click(qtbot, by_name(page, "Save", QPushButton))
    page.tabs.setCurrentIndex(OVERVIEW)
    assert not by_name(page, "Delete case permanently", QPushButton).isEnabled()
    click(qtbot, by_name(page, "Close case", QPushButton))
    qtbot.waitUntil(lambda: window_shown("Close case"))
    dialog = window_named("Close case")
    assert by_name(dialog, "Archive period in days", QSpinBox).value() == 90  # the type's default
    assert by_name(dialog, "Originals warning", QLabel).isVisible()
    by_name(dialog, "Archive period in days", QSpinBox).setValue(30)  # this case's own
    choose_outcome(dialog, "withdrawn")
    click(qtbot, by_name(dialog, "Close case", QPushButton))
    qtbot.waitUntil(lambda: not dialog.isVisible())

    summary = vault.case(ref).summary
    assert summary.status == "closed"
    assert summary.retain_until is not None and summary.closed_at is not None
    assert summary.retain_until - summary.closed_at == timedelta(days=30)
    assert "Due for deletion on" in by_name(page, "Deletion", QLabel).text()
    assert by_name(page, "Delete case permanently", QPushButton).isEnabled()

    click(qtbot, by_name(page, "Reopen case", QPushButton))
    assert vault.case(ref).summary.retain_until is None
    assert by_name(page, "Deletion", QLabel).text() == "Not closed"
    history = by_name(page, "Case history", QTreeWidget)
    shown = [history.topLevelItem(i).text(1) for i in range(history.topLevelItemCount())]  # type: ignore[union-attr]
    # From the audit log: every change (issue 18), the new case's conflict check among them.
    assert shown == [
        "Case opened",
        "Paper-trail entry added",
        "First meeting saved",
        "Case closed",
        "Case reopened",
    ]
    assert [e.kind for e in vault.case(ref).events] == ["conflict-check"]


def window_shown(name: str) -> bool:
    try:
        window_named(name)
    except AssertionError:
        return False
    return True
