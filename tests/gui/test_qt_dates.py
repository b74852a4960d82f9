"""Dates in the GUI (issue 18): written in the user's locale, ISO 8601 in the C locale (no LANG
set), and every date control starting at today, even one that may be left empty, whose calendar
used to open on January 2000."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QPoint, Qt, QTime
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QDateTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from casevault.gui import qt_dates
from casevault.gui.action_points_panel import ActionPointsPanel
from casevault.gui.first_meeting_form import FirstMeetingForm
from casevault.gui.qt_dates import (
    UNSET,
    date_edit,
    datetime_edit,
    edit_format,
    from_qt,
    local_date_text,
    local_datetime_text,
)
from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.gui.conftest import by_name

GUI = Path(qt_dates.__file__).parent
# 4 December 2026, 14:30 in this machine's time zone.
MOMENT = datetime(2026, 12, 4, 14, 30).astimezone().astimezone(UTC)


@pytest.fixture
def locale_as() -> Iterator[object]:
    before = QLocale()

    def set_locale(name: str) -> None:
        QLocale.setDefault(QLocale.c() if name == "C" else QLocale(name))

    yield set_locale
    QLocale.setDefault(before)


def test_the_c_locale_writes_iso_8601(locale_as: object) -> None:
    locale_as("C")  # type: ignore[operator]
    assert local_date_text(MOMENT) == "2026-12-04"  # Qt's own C format: "4 12 2026"
    assert local_datetime_text(MOMENT) == "2026-12-04 14:30"


@pytest.mark.parametrize(
    ("name", "day", "moment"),
    [
        ("en_GB", "04/12/2026", "04/12/2026 14:30"),
        ("fr_FR", "04/12/2026", "04/12/2026 14:30"),
        ("de_DE", "04.12.26", "04.12.26 14:30"),
    ],
)
def test_other_locales_write_their_own_dates(locale_as: object, name: str, day: str, moment: str) -> None:
    locale_as(name)  # type: ignore[operator]
    assert local_date_text(MOMENT) == day
    assert local_datetime_text(MOMENT) == moment


def test_with_no_lang_set_the_app_writes_iso_dates(private_environment: Path) -> None:
    """As the walkthrough ran it: no LANG, LC_* or LANGUAGE at all, so Qt's system locale is C."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    script = (
        "from datetime import UTC, datetime\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from casevault.gui import translations\n"
        "from casevault.gui.qt_dates import date_edit, local_date_text\n"
        "app = QApplication([])\n"
        "translations.install()\n"
        "moment = datetime(2026, 12, 4, 12, tzinfo=UTC)\n"
        "print(local_date_text(moment), date_edit('Date', moment).text())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2026-12-04", "2026-12-04"]


def test_a_date_control_writes_four_digit_years_in_every_locale(qtbot: QtBot, locale_as: object) -> None:
    locale_as("en_US")  # type: ignore[operator]
    assert QLocale().dateFormat(QLocale.FormatType.ShortFormat) == "M/d/yy"
    assert edit_format("M/d/yy") == "M/d/yyyy"  # a control reads a typed "26" as 1926
    assert edit_format("yyyy-MM-dd") == "yyyy-MM-dd"
    edit = date_edit("Date", MOMENT)
    assert edit.displayFormat() == "M/d/yyyy"
    assert edit.text() == "12/4/2026"


def _open_calendar(qtbot: QtBot, edit: QDateEdit | QDateTimeEdit) -> QCalendarWidget:
    """Click the control's drop-down arrow, as a rep opens its calendar."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 5, edit.height() // 2))
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    return calendar


def _close_calendar(calendar: QCalendarWidget) -> None:
    window = calendar.window()
    if window is not None:
        window.hide()


# A calendar popup asks for the keyboard, which the offscreen platform cannot give.
NO_GRAB = pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")


@NO_GRAB
def test_an_empty_due_date_opens_its_calendar_on_today(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Zoë O'Neill")
    panel = ActionPointsPanel(vault, ref)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    due = by_name(panel, "Due date", QDateEdit)
    assert due.text() == "No due date"
    calendar = _open_calendar(qtbot, due)
    try:
        assert (calendar.yearShown(), calendar.monthShown()) == (2026, 3)  # the vault's today, not 2000
    finally:
        _close_calendar(calendar)
    assert due.text() == "No due date"  # opening the calendar chose nothing


@NO_GRAB
def test_an_empty_meeting_date_opens_on_today_and_steps_from_today(
    qtbot: QtBot, vault: Vault, clock: FakeClock
) -> None:
    ref = vault.new_case("Zoë O'Neill")
    form = FirstMeetingForm(vault, ref)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    held = by_name(form, "Date held", QDateTimeEdit)
    assert held.text() == "Not recorded"
    calendar = _open_calendar(qtbot, held)
    try:
        assert (calendar.yearShown(), calendar.monthShown()) == (2026, 3)
    finally:
        _close_calendar(calendar)
    held.setFocus()
    qtbot.keyClick(held, Qt.Key.Key_Up)  # the first step from empty lands on now, not 2 January 2000
    assert from_qt(held.dateTime()) == clock.now


def test_a_control_shows_the_fields_value_or_today(qtbot: QtBot, locale_as: object) -> None:
    locale_as("C")  # type: ignore[operator]
    now = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
    today = date_edit("Day", now)
    assert today.date() == qt_dates.to_qt_date(now)
    assert today.displayFormat() == "yyyy-MM-dd"
    given = date_edit("Day", now, value=QDate(2026, 1, 1))
    assert given.text() == "2026-01-01"
    empty = date_edit("Day", now, unset_text="None")
    assert empty.is_unset() and empty.text() == "None"
    empty.setDate(QDate(2026, 5, 1))
    assert not empty.is_unset()
    empty.clear_value()
    assert empty.is_unset()
    moment = datetime_edit("When", now)
    assert from_qt(moment.dateTime()) == now
    assert moment.displayFormat() == "yyyy-MM-dd HH:mm"
    unset = datetime_edit("When", now, unset_text="Not recorded")
    assert unset.dateTime() == UNSET and from_qt(unset.dateTime()) is None
    at = QDateTime(QDate(2026, 2, 1), QTime(10, 0))
    assert datetime_edit("When", now, value=at).dateTime() == at
    for edit in (today, given, empty, moment, unset):
        assert isinstance(edit, QWidget) and edit.calendarPopup()
        assert edit.accessibleName() in ("Day", "When")


def test_every_date_control_in_the_gui_is_made_by_the_one_helper() -> None:
    """The root of "pickers open on January 2000": each panel made its own QDateEdit. Now only
    qt_dates.py constructs one, so every control starts at today and writes the user's dates."""
    made_here = re.compile(r"\b(QDateEdit|QDateTimeEdit|QCalendarWidget)\(")
    found = [
        f"{path.name}:{number}"
        for path in sorted(GUI.glob("*.py"))
        if path.name != "qt_dates.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if made_here.search(line)
    ]
    assert found == []
