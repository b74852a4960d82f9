"""The agenda shows a hearing or meeting on its own day and time, as well as the reminder raised
two days before it (issue 18), in time order with everything else, for every open case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QLocale
from pytestqt.qtbot import QtBot

from casevault.gui.agenda_view import AgendaDialog, local_day
from casevault.vault.facade import Vault
from tests.conftest import FakeClock


def day_title(moment: datetime, today: datetime) -> str:
    title = QLocale().toString(local_day(moment), QLocale.FormatType.LongFormat)
    return f"Today, {title}" if local_day(moment) == local_day(today) else title


def time_text(moment: datetime) -> str:
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)


def test_a_hearing_is_on_its_own_day_and_its_reminder_two_days_before(
    qtbot: QtBot, vault: Vault, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)
    ann = vault.new_case("Ann Example")
    bo = vault.new_case("Bo Example")
    hearing_at = clock.now + timedelta(days=5, hours=2)  # the 21st, 10:00
    meeting_at = clock.now + timedelta(days=1, hours=6)  # the 17th, 14:00
    vault.add_case_date(ann, "hearing", hearing_at, "Room 4")
    vault.add_case_date(bo, "meeting", meeting_at)
    vault.add_action_point(bo, "Chase HR", due_at=clock.now + timedelta(days=4))
    dialog = AgendaDialog(vault, clock)
    qtbot.addWidget(dialog)
    assert dialog.days() == ["Loading…"]  # read on a worker: the rows come when it is in
    qtbot.waitUntil(lambda: not dialog.loading)

    reminder_at = hearing_at - timedelta(days=2)
    meeting_reminder_at = meeting_at - timedelta(days=2)  # yesterday: overdue
    assert dialog.days() == [
        "Overdue",
        day_title(meeting_at, clock.now),
        day_title(reminder_at, clock.now),
        day_title(clock.now + timedelta(days=4), clock.now),
        day_title(hearing_at, clock.now),
    ]
    overdue_at = QDateTime.fromSecsSinceEpoch(int(meeting_reminder_at.timestamp()))
    assert dialog.rows() == [
        [
            QLocale().toString(overdue_at, QLocale.FormatType.ShortFormat),
            bo,
            "Hearing or meeting soon",
            "Bo Example",
        ],
        [time_text(meeting_at), bo, "Meeting", "Bo Example"],
        [time_text(reminder_at), ann, "Hearing or meeting soon", "Ann Example"],
        [time_text(clock.now + timedelta(days=4)), bo, "Action point due", "Bo Example"],
        [time_text(hearing_at), ann, "Hearing", "Ann Example"],
    ]


def test_this_mornings_hearing_is_under_today_and_a_closed_cases_is_not_shown(
    qtbot: QtBot, vault: Vault, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 3, 16, 15, 0, tzinfo=UTC)
    ann = vault.new_case("Ann Example")
    closed = vault.new_case("Cy Closed")
    earlier = clock.now.replace(hour=9)
    vault.add_case_date(ann, "hearing", earlier)
    vault.add_case_date(closed, "hearing", clock.now + timedelta(days=3))
    vault.close_case(closed, retain_days=30)
    dialog = AgendaDialog(vault, clock)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading)
    hearings = [row for row in dialog.rows() if row[2] == "Hearing"]
    assert hearings == [[time_text(earlier), ann, "Hearing", "Ann Example"]]
    assert day_title(earlier, clock.now) in dialog.days()
    assert day_title(earlier, clock.now).startswith("Today, ")
