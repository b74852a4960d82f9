"""Calendar arithmetic for deadlines: months by the corresponding-date rule, and working days.

A working day is a weekday that is not a public holiday of the jurisdiction (from the `holidays`
package, which tracks each UK nation's bank holidays and substitute days) and, where the caller
passes them, not one of the employer's closure days. Counting starts on the next working day
after the event: 5 working days from Tuesday 22 December 2026 in England and Wales is Thursday
31 December 2026 (25, 26-27 and the substitute holiday on the 28th are skipped).

Pure: no I/O; every date is passed in.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from casevault.core.errors import UsageError
from casevault.core.i18n import QT_TRANSLATE_NOOP

# The jurisdictions of the UK pack, and the subdivision `holidays` knows each by. Wales keeps
# England's bank holidays, so the two share one calendar.
JURISDICTIONS: dict[str, str] = {
    "england-wales": "ENG",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}
DEFAULT_JURISDICTION = "england-wales"
# How the app names each jurisdiction (translated in the "casework" context).
JURISDICTION_LABELS: tuple[tuple[str, str], ...] = (
    ("england-wales", QT_TRANSLATE_NOOP("casework", "England and Wales")),
    ("scotland", QT_TRANSLATE_NOOP("casework", "Scotland")),
    ("northern-ireland", QT_TRANSLATE_NOOP("casework", "Northern Ireland")),
)
# A year with no bank holidays on record would let a count run through them unseen; dates this
# far out are refused instead (a limit years away is a typing mistake, not a case).
FIRST_YEAR, LAST_YEAR = 1990, 2100


def check_jurisdiction(jurisdiction: str) -> str:
    if jurisdiction not in JURISDICTIONS:
        raise UsageError(f"Unknown jurisdiction {jurisdiction!r}: use one of {', '.join(JURISDICTIONS)}.")
    return jurisdiction


def check_year(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(f"Dates from {FIRST_YEAR} to {LAST_YEAR} only; {day.isoformat()} is outside them.")
    return day


def add_months(day: date, months: int) -> tuple[date, bool]:
    """The corresponding date `months` later, and whether it exists. Where it does not (31 January
    + 1 month), the last day of that month is given and the flag is False."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if day.day <= last:
        return date(year, month + 1, day.day), True
    return date(year, month + 1, last), False


@cache
def public_holidays(jurisdiction: str, year: int) -> dict[date, str]:
    """The public holidays of one jurisdiction and year, with their names (substitute days
    included). Imported here, not at module level: `casevault --help` must not pay for it."""
    import holidays  # noqa: PLC0415

    subdiv = JURISDICTIONS[check_jurisdiction(jurisdiction)]
    return dict(holidays.country_holidays("GB", subdiv=subdiv, years=year).items())


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days count as working days: weekdays, less public holidays and closure days."""

    jurisdiction: str = DEFAULT_JURISDICTION
    closures: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        check_jurisdiction(self.jurisdiction)

    @classmethod
    def of(cls, jurisdiction: str, closures: Iterable[date] = ()) -> WorkingCalendar:
        return cls(jurisdiction, frozenset(closures))

    def why_not_working(self, day: date) -> str | None:
        """None for a working day; otherwise why not ("Saturday", "Christmas Day", "closure day")."""
        if day.weekday() >= 5:
            return calendar.day_name[day.weekday()]
        holiday = public_holidays(self.jurisdiction, day.year).get(day)
        if holiday is not None:
            return holiday
        if day in self.closures:
            return "employer closure day"
        return None

    def is_working(self, day: date) -> bool:
        return self.why_not_working(day) is None

    def on_or_after(self, day: date) -> date:
        """`day` if it is a working day, else the next one."""
        check_year(day)
        while not self.is_working(day):
            day += timedelta(days=1)
        return check_year(day)

    def add(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (not counting `start` itself)."""
        if days < 0:
            raise UsageError("The number of working days cannot be negative.")
        check_year(start)
        day = start
        for _ in range(days):
            day = self.on_or_after(day + timedelta(days=1))
        return day

    def skipped(self, start: date, end: date) -> list[tuple[date, str]]:
        """The days after `start` up to `end` that did not count, and why: the working of a count."""
        out: list[tuple[date, str]] = []
        day = start + timedelta(days=1)
        while day <= end:
            reason = self.why_not_working(day)
            if reason is not None:
                out.append((day, reason))
            day += timedelta(days=1)
        return out
