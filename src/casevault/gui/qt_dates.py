"""Dates in the GUI: conversions between the vault's UTC datetimes and Qt's local QDateTime, the
one way a date is written for the user, and the one way a date control is made.

There is no "now" here: the controls start at the vault's clock (`vault.now()`), the clock that
dates what the vault records, passed in by the caller.

Dates are written in the user's locale (QLocale's default, which translations.install sets), and
in ISO 8601 (2026-12-04, 2026-12-04 14:30) when that locale is C or POSIX: Qt's C locale writes
"4 12 2026", with no separators, which is what a machine with no LANG set shows otherwise.

Every date control is made by `date_edit` or `datetime_edit`: it starts at today (or at the
field's value), and a control that may be left empty ("Not recorded") still opens its calendar
on today's month, and steps from today, instead of from its empty value in January 2000."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QDateTimeEdit, QWidget

# A date control showing this value shows its "special value text" instead: "not recorded".
UNSET = QDateTime(QDate(2000, 1, 1), QTime(0, 0))

ISO_DATE = "yyyy-MM-dd"
ISO_TIME = "HH:mm"
ISO_DATETIME = f"{ISO_DATE} {ISO_TIME}"
_SHORT = QLocale.FormatType.ShortFormat
_TWO_DIGIT_YEAR = re.compile(r"(?<!y)yy(?!y)")


def to_qt(moment: datetime | None) -> QDateTime:
    if moment is None:
        return QDateTime(UNSET)
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qt(value: QDateTime) -> datetime | None:
    if not value.isValid() or value <= UNSET:
        return None
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC)


def to_qt_date(moment: datetime) -> QDate:
    """The local calendar day of `moment`."""
    return to_qt(moment).date()


# ---- writing dates -------------------------------------------------------------------------------


def is_c_locale(locale: QLocale | None = None) -> bool:
    """The C (or POSIX) locale: no language chosen, so no convention to follow but ISO 8601."""
    return (locale or QLocale()).language() == QLocale.Language.C


def date_format(locale: QLocale | None = None) -> str:
    """The Qt format of a short date in `locale` (default: the user's), ISO 8601 in C."""
    locale = locale or QLocale()
    return ISO_DATE if is_c_locale(locale) else locale.dateFormat(_SHORT)


def time_format(locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return ISO_TIME if is_c_locale(locale) else locale.timeFormat(_SHORT)


def datetime_format(locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return ISO_DATETIME if is_c_locale(locale) else locale.dateTimeFormat(_SHORT)


def date_text(day: QDate) -> str:
    """A calendar day as the user reads it."""
    locale = QLocale()
    return locale.toString(day, date_format(locale))


def time_text(moment: QTime) -> str:
    locale = QLocale()
    return locale.toString(moment, time_format(locale))


def datetime_text(moment: QDateTime) -> str:
    """A local date and time as the user reads it."""
    locale = QLocale()
    return locale.toString(moment, datetime_format(locale))


def local_datetime_text(moment: datetime) -> str:
    """A UTC moment in the user's local time, in the user's locale."""
    return datetime_text(to_qt(moment))


def local_date_text(moment: datetime) -> str:
    """The local calendar date of a UTC moment, in the user's locale (due dates have no useful time)."""
    return date_text(to_qt_date(moment))


def edit_format(qt_format: str) -> str:
    """A display format for a date control: a two-digit year ("12/4/26") becomes four digits, since
    a control would read a year typed in two digits as 19xx."""
    return _TWO_DIGIT_YEAR.sub("yyyy", qt_format)


# ---- date controls -------------------------------------------------------------------------------


class _Calendar(QCalendarWidget):
    """The popup calendar: shown on an empty control, it opens on today's month."""

    def __init__(self, today: QDate) -> None:
        super().__init__()
        self._today = QDate(today)

    def showEvent(self, event: QShowEvent) -> None:
        if self.selectedDate() <= UNSET.date():
            self.setCurrentPage(self._today.year(), self._today.month())
        super().showEvent(event)


def _tab_out_of_empty(edit: QDateTimeEdit, event: QKeyEvent, empty: bool) -> bool:
    """Qt's date controls take Tab while they show their empty text ("Not set") and do nothing
    with it, so Tab stuck in an empty optional date (issue 18). Tab and Shift+Tab leave it, as
    they leave a dated one after its last part."""
    key, modifiers = event.key(), event.modifiers()
    if not empty or key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        return False
    if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return False
    forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
    QWidget.focusNextPrevChild(edit, forward)  # the window's next control, not the next part
    return True


class DateEdit(QDateEdit):
    """A date control made by `date_edit`; `is_unset()` when an optional one is left empty."""

    def __init__(self, today: QDate, optional: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = QDate(today)
        self._optional = optional

    def is_unset(self) -> bool:
        return self._optional and self.date() <= UNSET.date()

    def clear_value(self) -> None:
        """Back to empty (an optional control) or to today."""
        self.setDate(UNSET.date() if self._optional else self._today)

    def stepBy(self, steps: int) -> None:
        if self.is_unset():  # the first step from empty lands on today, not on 2 January 2000
            self.setDate(self._today)
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _tab_out_of_empty(self, event, self.is_unset()):
            super().keyPressEvent(event)


class DateTimeEdit(QDateTimeEdit):
    """A date-and-time control made by `datetime_edit`."""

    def __init__(self, now: QDateTime, optional: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self._now = QDateTime(now)
        self._optional = optional

    def is_unset(self) -> bool:
        return self._optional and self.dateTime() <= UNSET

    def clear_value(self) -> None:
        self.setDateTime(UNSET if self._optional else self._now)

    def stepBy(self, steps: int) -> None:
        if self.is_unset():
            self.setDateTime(self._now)
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _tab_out_of_empty(self, event, self.is_unset()):
            super().keyPressEvent(event)


def date_edit(
    name: str,
    now: datetime,
    *,
    value: QDate | None = None,
    unset_text: str | None = None,
    parent: Any = None,
) -> DateEdit:
    """A date control with a calendar popup, named `name` for screen readers, in the user's date
    format. It shows `value`, or today (the local day of `now`, the vault's clock). With
    `unset_text` it may be left empty: it starts empty unless given a value, shows `unset_text`
    while empty, and its calendar and arrows start from today."""
    today = to_qt_date(now)
    edit = DateEdit(today, unset_text is not None, parent)
    edit.setAccessibleName(name)
    edit.setDisplayFormat(edit_format(date_format(edit.locale())))
    edit.setCalendarPopup(True)
    edit.setCalendarWidget(_Calendar(today))
    if unset_text is not None:
        edit.setMinimumDate(UNSET.date())
        edit.setSpecialValueText(unset_text)
    edit.setDate(value if value is not None else (UNSET.date() if unset_text is not None else today))
    return edit


def datetime_edit(
    name: str,
    now: datetime,
    *,
    value: QDateTime | None = None,
    unset_text: str | None = None,
    parent: Any = None,
) -> DateTimeEdit:
    """A date-and-time control, as `date_edit` makes a date control; it starts at `now`."""
    start = to_qt(now)
    edit = DateTimeEdit(start, unset_text is not None, parent)
    edit.setAccessibleName(name)
    edit.setDisplayFormat(edit_format(datetime_format(edit.locale())))
    edit.setCalendarPopup(True)
    edit.setCalendarWidget(_Calendar(start.date()))
    if unset_text is not None:
        edit.setMinimumDateTime(UNSET)
        edit.setSpecialValueText(unset_text)
    edit.setDateTime(value if value is not None else (QDateTime(UNSET) if unset_text is not None else start))
    return edit
