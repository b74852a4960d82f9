"""Conversions between the vault's UTC datetimes and Qt's local QDateTime, for the date editors.

There is no "now" here: the editors default to `to_qt(vault.now())`, the clock that dates what the
vault records."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QTime

# A date editor showing this value shows its "special value text" instead: "not recorded".
UNSET = QDateTime(QDate(2000, 1, 1), QTime(0, 0))


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
