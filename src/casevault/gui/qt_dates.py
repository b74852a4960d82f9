"""Conversions between the vault's UTC datetimes and Qt's local QDateTime, for the date editors."""

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


def now_qt() -> QDateTime:
    return QDateTime.currentDateTime()
