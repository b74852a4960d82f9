"""Settings > Deadlines and working days… (gui/clock_settings_dialog.py), driven as a rep would:
the vault's jurisdiction, the Christmas shutdown as closure days, the refer-by weeks and the
warning lead times are saved and then used by the next count; a bad lead time is one sentence,
saves nothing and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from casevault.gui.app import App
from casevault.gui.clock_settings_dialog import ClockSettingsDialog
from casevault.gui.main_window import MainWindow
from tests.conftest import FakeClock
from tests.gui.conftest import by_name
from tests.support.gui_case_page import ref_of, started

MakeApp = Callable[..., App]
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def _open(qtbot: QtBot, make_app: MakeApp) -> tuple[App, MainWindow, ClockSettingsDialog]:
    app, window, _page = started(qtbot, make_app, clock=FakeClock(NOW))
    window.clock_action.trigger()
    dialog = window.clock_settings
    assert isinstance(dialog, ClockSettingsDialog)
    return app, window, dialog


def _add_closure(dialog: ClockSettingsDialog, day: date) -> None:
    by_name(dialog, "Closure day to add", QDateEdit).setDate(QDate(day.year, day.month, day.day))
    by_name(dialog, "Add closure day", QPushButton).click()


def test_the_settings_are_saved_and_the_next_count_follows_them(qtbot: QtBot, make_app: MakeApp) -> None:
    app, window, dialog = _open(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    jurisdiction = by_name(dialog, "Jurisdiction", QComboBox)
    assert jurisdiction.currentData() == "england-wales"
    assert by_name(dialog, "Deadline warnings, days before", QLineEdit).text() == "28, 14, 7, 2, 1"
    assert by_name(dialog, "Closure day to add", QDateEdit).date() == QDate(2026, 12, 7)  # today
    jurisdiction.setCurrentIndex(jurisdiction.findData("scotland"))
    by_name(dialog, "Refer tribunal cases, weeks before the limit", QSpinBox).setValue(6)
    by_name(dialog, "Deadline warnings, days before", QLineEdit).setText("21, 7 ,1")
    for day in (date(2026, 12, 30), date(2026, 12, 29), date(2026, 12, 29)):
        _add_closure(dialog, day)
    closures = by_name(dialog, "Employer closure days", QListWidget)
    assert closures.count() == 2  # once each, in date order
    assert dialog.closure_days() == [date(2026, 12, 29), date(2026, 12, 30)]
    by_name(dialog, "OK", QPushButton).click()
    assert not dialog.isVisible()
    assert (vault.jurisdiction(), vault.refer_weeks(), vault.deadline_leads()) == ("scotland", 6, (21, 7, 1))
    assert vault.closure_days() == [date(2026, 12, 29), date(2026, 12, 30)]

    ref = ref_of(app)
    vault.start_procedure(ref, "acas-disciplinary")
    assert vault.procedures(ref)[0].jurisdiction == "scotland"
    # From Tuesday 22 December in Scotland: 23, 24, then past Christmas, the substitute Boxing
    # Day, the two closure days, New Year and the substitute for 2 January: 31, 5, 6.
    appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 12, 22))
    assert appeal.due_on == date(2027, 1, 6)

    # Opened again, it shows what was saved; a day removed is no longer a closure day.
    window.clock_action.trigger()
    again = window.clock_settings
    assert isinstance(again, ClockSettingsDialog)
    assert by_name(again, "Jurisdiction", QComboBox).currentData() == "scotland"
    listed = by_name(again, "Employer closure days", QListWidget)
    listed.setCurrentRow(0)
    by_name(again, "Remove closure day", QPushButton).click()
    by_name(again, "OK", QPushButton).click()
    assert vault.closure_days() == [date(2026, 12, 30)]


def test_a_bad_lead_time_is_one_sentence_and_saves_nothing(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, dialog = _open(qtbot, make_app)
    vault = window.vault
    assert vault is not None
    jurisdiction = by_name(dialog, "Jurisdiction", QComboBox)
    jurisdiction.setCurrentIndex(jurisdiction.findData("northern-ireland"))
    leads = by_name(dialog, "Deadline warnings, days before", QLineEdit)
    message = by_name(dialog, "Message", QLabel)
    for typed, said in (
        ("soon", "whole days, such as 28, 14, 7, 2, 1."),
        ("0, 7", "Lead times are whole days from 1 to 366"),
        ("", "Lead times are whole days from 1 to 366"),
    ):
        leads.setText(typed)
        by_name(dialog, "OK", QPushButton).click()
        assert said in message.text() and message.text().count(". ") == 0, message.text()
        assert dialog.isVisible() and leads.text() == typed  # kept, to be corrected
    assert (vault.jurisdiction(), vault.deadline_leads()) == ("england-wales", (28, 14, 7, 2, 1))
