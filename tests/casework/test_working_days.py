"""Calendar arithmetic (casework/working_days.py): months by the corresponding-date rule, each UK
nation's working days (weekdays less its bank holidays and the employer's closure days), and the
refusals: negative counts, years outside FIRST_YEAR..LAST_YEAR, unknown jurisdictions.

Bank holidays are those of the Banking and Financial Dealings Act 1971 Sch. 1 and the royal
proclamations, as listed at https://www.gov.uk/bank-holidays; the property tests check the
counting against the `holidays` package directly."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.casework import working_days as wd
from casevault.casework.working_days import WorkingCalendar, add_months
from casevault.core.errors import UsageError

SUBDIVISIONS = {"england-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
ENG, SCT, NIR = (WorkingCalendar(j) for j in SUBDIVISIONS)


@cache
def holidays_of(jurisdiction: str, year: int) -> frozenset[date]:
    """The jurisdiction's public holidays straight from the `holidays` package (the oracle)."""
    return frozenset(holidays.country_holidays("GB", subdiv=SUBDIVISIONS[jurisdiction], years=year))


def is_working(day: date, jurisdiction: str, closures: frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays_of(jurisdiction, day.year) and day not in closures


# ---------------------------------------------------------------- add_months


@pytest.mark.parametrize(
    ("day", "months", "expected", "exists"),
    [
        (date(2026, 1, 10), 3, date(2026, 4, 10), True),
        (date(2026, 12, 15), 1, date(2027, 1, 15), True),  # across the year end
        (date(2026, 5, 31), 13, date(2027, 6, 30), False),  # no 31 June: the month's last day
        (date(2026, 1, 31), 1, date(2026, 2, 28), False),  # no 31 February in 2026
        (date(2028, 1, 31), 1, date(2028, 2, 29), False),  # 2028 is a leap year
        (date(2028, 1, 29), 1, date(2028, 2, 29), True),  # 29 February exists in 2028
        (date(2027, 1, 29), 1, date(2027, 2, 28), False),  # ... but not in 2027
        (date(2026, 11, 30), 3, date(2027, 2, 28), False),
        (date(2028, 2, 29), 12, date(2029, 2, 28), False),
        (date(2028, 2, 29), 48, date(2032, 2, 29), True),
        (date(2026, 3, 31), -1, date(2026, 2, 28), False),  # backwards, too
        (date(2026, 3, 31), 0, date(2026, 3, 31), True),
    ],
)
def test_add_months_gives_the_corresponding_date_or_the_months_last_day_with_a_flag(
    day: date, months: int, expected: date, exists: bool
) -> None:
    # The corresponding-date rule (Dodds v Walker [1981] 1 WLR 1027, HL): the same day of the
    # month, or, where that month has none, its last day.
    assert add_months(day, months) == (expected, exists)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 120))
def test_add_months_lands_in_the_right_month_on_the_day_or_the_months_last_day(
    day: date, months: int
) -> None:
    result, exists = add_months(day, months)
    index = day.year * 12 + day.month - 1 + months
    assert (result.year * 12 + result.month - 1) == index
    if exists:
        assert result.day == day.day
    else:
        assert result.day < day.day
        assert (result + timedelta(days=1)).day == 1  # the last day of its month


# ---------------------------------------------------------------- jurisdictions and years


def test_the_three_uk_jurisdictions_and_the_default() -> None:
    assert tuple(wd.JURISDICTIONS) == ("england-wales", "scotland", "northern-ireland")
    assert wd.DEFAULT_JURISDICTION == "england-wales"
    assert WorkingCalendar().jurisdiction == "england-wales"
    assert wd.check_jurisdiction("scotland") == "scotland"


@pytest.mark.parametrize("bad", ["wales", "England-Wales", "", "uk"])
def test_an_unknown_jurisdiction_is_refused_in_one_sentence(bad: str) -> None:
    for attempt in (
        lambda: wd.check_jurisdiction(bad),
        lambda: WorkingCalendar(bad),
        lambda: WorkingCalendar.of(bad, []),
        lambda: wd.public_holidays(bad, 2026),
    ):
        with pytest.raises(UsageError) as err:
            attempt()
        message = str(err.value)
        assert message == (
            f"Unknown jurisdiction {bad!r}: use one of england-wales, scotland, northern-ireland."
        )
        assert message.count(". ") == 0 and message.endswith(".")


def test_years_outside_the_bank_holiday_record_are_refused() -> None:
    assert (wd.FIRST_YEAR, wd.LAST_YEAR) == (1990, 2100)
    assert wd.check_year(date(wd.FIRST_YEAR, 1, 1)) == date(1990, 1, 1)
    assert wd.check_year(date(wd.LAST_YEAR, 12, 31)) == date(2100, 12, 31)
    for bad in (date(1989, 12, 31), date(2101, 1, 1), date(1, 1, 1)):
        with pytest.raises(UsageError, match=r"^Dates from 1990 to 2100 only; .* is outside them\.$"):
            wd.check_year(bad)


def test_a_count_that_starts_or_runs_outside_the_years_is_refused() -> None:
    with pytest.raises(UsageError, match="1989-12-29"):
        ENG.add(date(1989, 12, 29), 1)
    with pytest.raises(UsageError, match="2101-01"):
        ENG.add(date(2100, 12, 29), 5)  # runs into 2101
    with pytest.raises(UsageError, match="2101-01-01"):
        ENG.on_or_after(date(2100, 12, 31) + timedelta(days=1))
    with pytest.raises(UsageError, match="2101"):
        # Friday 31 December 2100 closed: the next working day would be in 2101.
        WorkingCalendar.of("england-wales", [date(2100, 12, 31)]).on_or_after(date(2100, 12, 31))
    # The first and last years themselves count.
    assert ENG.add(date(1990, 1, 1), 1) == date(1990, 1, 2)
    assert ENG.add(date(2100, 12, 20), 1) == date(2100, 12, 21)


def test_a_negative_number_of_working_days_is_refused() -> None:
    with pytest.raises(UsageError, match=r"^The number of working days cannot be negative\.$"):
        ENG.add(date(2026, 3, 2), -1)


# ---------------------------------------------------------------- why a day is not a working day


def test_why_not_working_names_the_weekday_the_holiday_or_the_closure() -> None:
    closures = frozenset({date(2026, 12, 29), date(2026, 12, 25)})
    cal = WorkingCalendar.of("england-wales", closures)
    assert cal.closures == closures
    assert cal.why_not_working(date(2026, 12, 26)) == "Saturday"
    assert cal.why_not_working(date(2026, 12, 27)) == "Sunday"
    # A holiday that is also a closure day is named as the holiday.
    assert cal.why_not_working(date(2026, 12, 25)) == "Christmas Day"
    # 26 December 2026 is a Saturday: the substitute bank holiday is Monday 28 December.
    assert cal.why_not_working(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert cal.why_not_working(date(2026, 12, 29)) == "employer closure day"
    assert cal.why_not_working(date(2026, 12, 30)) is None
    assert cal.is_working(date(2026, 12, 30))
    assert not cal.is_working(date(2026, 12, 29))
    # Without the closures the 29th is an ordinary Tuesday.
    assert ENG.is_working(date(2026, 12, 29))


def test_public_holidays_names_each_nations_days() -> None:
    # gov.uk/bank-holidays, 2026: Scotland has 2 January, the first Monday of August and
    # St Andrew's Day but not Easter Monday; Northern Ireland has 17 March and 12 July (a Sunday
    # in 2026, so Monday 13 July is the substitute).
    eng, sct, nir = (set(wd.public_holidays(j, 2026)) for j in SUBDIVISIONS)
    assert date(2026, 4, 6) in eng and date(2026, 4, 6) not in sct and date(2026, 4, 6) in nir
    assert date(2026, 1, 2) in sct and date(2026, 1, 2) not in eng | nir
    assert date(2026, 8, 3) in sct and date(2026, 8, 3) not in eng | nir
    assert date(2026, 8, 31) in eng & nir and date(2026, 8, 31) not in sct
    assert date(2026, 11, 30) in sct and date(2026, 11, 30) not in eng | nir
    assert date(2026, 3, 17) in nir and date(2026, 3, 17) not in eng | sct
    assert date(2026, 7, 13) in nir and date(2026, 7, 13) not in eng | sct
    assert wd.public_holidays("northern-ireland", 2026)[date(2026, 3, 17)] == "Saint Patrick's Day"


def test_st_andrews_day_on_a_weekend_moves_to_the_monday_in_scotland() -> None:
    # BFDA 1971 Sch. 1 para 2: 30 November, or if a Saturday or Sunday the next Monday.
    # 30 November 2025 is a Sunday (substitute Monday 1 December); 2024 a Saturday (2 December).
    assert SCT.why_not_working(date(2025, 12, 1)) == "Saint Andrew's Day (observed)"
    assert SCT.why_not_working(date(2024, 12, 2)) == "Saint Andrew's Day (observed)"
    assert ENG.why_not_working(date(2025, 12, 1)) is None


# ---------------------------------------------------------------- counting


def test_five_working_days_over_christmas_2026_in_england_and_wales() -> None:
    # The module's own example: from Tuesday 22 December 2026, skipping 25 (Friday), 26-27
    # (weekend) and the substitute Boxing Day on Monday 28 December (gov.uk/bank-holidays).
    assert ENG.add(date(2026, 12, 22), 5) == date(2026, 12, 31)
    assert ENG.skipped(date(2026, 12, 22), date(2026, 12, 31)) == [
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 26), "Saturday"),
        (date(2026, 12, 27), "Sunday"),
        (date(2026, 12, 28), "Boxing Day (observed)"),
    ]


def test_counting_starts_on_the_next_working_day_and_zero_days_is_the_start() -> None:
    assert ENG.add(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday -> Monday
    assert ENG.add(date(2026, 3, 7), 1) == date(2026, 3, 9)  # Saturday -> Monday
    assert ENG.add(date(2026, 3, 2), 5) == date(2026, 3, 9)  # Monday -> next Monday
    assert ENG.add(date(2026, 3, 7), 0) == date(2026, 3, 7)  # nothing to count, even from a Saturday


@pytest.mark.parametrize(
    ("start", "days", "england_wales", "scotland"),
    [
        # 2 January is a bank holiday in Scotland only (BFDA 1971 Sch. 1 para 2).
        (date(2025, 12, 31), 1, date(2026, 1, 2), date(2026, 1, 5)),
        # 2 January 2027 is a Saturday: Scotland's substitute is Monday 4 January.
        (date(2026, 12, 31), 1, date(2027, 1, 4), date(2027, 1, 5)),
        # The first Monday of August (3 August 2026) in Scotland ...
        (date(2026, 7, 31), 1, date(2026, 8, 3), date(2026, 8, 4)),
        # ... and the last Monday (31 August 2026) in England and Wales.
        (date(2026, 8, 28), 1, date(2026, 9, 1), date(2026, 8, 31)),
        # St Andrew's Day substitute, Monday 1 December 2025.
        (date(2025, 11, 28), 1, date(2025, 12, 1), date(2025, 12, 2)),
        # Easter Monday (6 April 2026) is not a bank holiday in Scotland; Good Friday is in both.
        (date(2026, 4, 2), 2, date(2026, 4, 8), date(2026, 4, 7)),
    ],
)
def test_scotland_counts_its_own_bank_holidays(
    start: date, days: int, england_wales: date, scotland: date
) -> None:
    # Sources: Banking and Financial Dealings Act 1971 Sch. 1; https://www.gov.uk/bank-holidays
    assert ENG.add(start, days) == england_wales
    assert SCT.add(start, days) == scotland


@pytest.mark.parametrize(
    ("start", "days", "england_wales", "northern_ireland"),
    [
        (date(2026, 3, 16), 1, date(2026, 3, 17), date(2026, 3, 18)),  # St Patrick's Day, Tuesday
        (date(2026, 7, 10), 1, date(2026, 7, 13), date(2026, 7, 14)),  # 12 July a Sunday: the 13th
        (date(2027, 7, 9), 1, date(2027, 7, 12), date(2027, 7, 13)),  # 12 July 2027, a Monday
    ],
)
def test_northern_ireland_counts_st_patricks_day_and_the_twelfth(
    start: date, days: int, england_wales: date, northern_ireland: date
) -> None:
    # Sources: Banking and Financial Dealings Act 1971 Sch. 1 para 3 (17 March); 12 July by
    # proclamation; https://www.gov.uk/bank-holidays
    assert ENG.add(start, days) == england_wales
    assert NIR.add(start, days) == northern_ireland


def test_closure_days_are_skipped_and_named() -> None:
    cal = WorkingCalendar.of("england-wales", [date(2026, 12, 29), date(2026, 12, 30)])
    # 23, 24, (25-28), closed 29-30, 31, (1 Jan, 2-3 weekend), 4, 5.
    assert cal.add(date(2026, 12, 22), 5) == date(2027, 1, 5)
    assert (date(2026, 12, 29), "employer closure day") in cal.skipped(date(2026, 12, 22), date(2027, 1, 5))
    assert cal.on_or_after(date(2026, 12, 29)) == date(2026, 12, 31)


def test_on_or_after_keeps_a_working_day_and_moves_past_the_rest() -> None:
    assert ENG.on_or_after(date(2026, 12, 24)) == date(2026, 12, 24)
    assert ENG.on_or_after(date(2026, 12, 25)) == date(2026, 12, 29)
    assert SCT.on_or_after(date(2027, 1, 1)) == date(2027, 1, 5)  # 1, 2-3 weekend, 4 substitute
    assert ENG.on_or_after(date(2027, 1, 1)) == date(2027, 1, 4)


def test_skipped_excludes_the_start_and_is_empty_for_an_empty_span() -> None:
    assert ENG.skipped(date(2026, 12, 25), date(2026, 12, 25)) == []
    assert ENG.skipped(date(2026, 12, 25), date(2026, 12, 24)) == []
    assert ENG.skipped(date(2026, 12, 24), date(2026, 12, 25)) == [(date(2026, 12, 25), "Christmas Day")]
    assert ENG.skipped(date(2026, 3, 2), date(2026, 3, 6)) == []


# ---------------------------------------------------------------- properties

jurisdictions = st.sampled_from(list(SUBDIVISIONS))
start_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@settings(max_examples=200, deadline=None)
@given(start_dates, st.integers(0, 40), jurisdictions, st.sets(st.integers(0, 60), max_size=8))
def test_the_nth_working_day_is_a_working_day_with_exactly_n_working_days_before_it(
    start: date, days: int, jurisdiction: str, closure_offsets: set[int]
) -> None:
    closures = frozenset(start + timedelta(days=n) for n in closure_offsets)
    cal = WorkingCalendar.of(jurisdiction, closures)
    result = cal.add(start, days)
    assert result >= start
    if days == 0:
        assert result == start
        return
    assert result > start
    assert is_working(result, jurisdiction, closures), (result, cal.why_not_working(result))
    span = [start + timedelta(days=n) for n in range(1, (result - start).days + 1)]
    assert sum(is_working(d, jurisdiction, closures) for d in span) == days
    # skipped() lists exactly the days of the span that did not count.
    assert [d for d, _ in cal.skipped(start, result)] == [
        d for d in span if not is_working(d, jurisdiction, closures)
    ]


@settings(max_examples=200, deadline=None)
@given(start_dates, jurisdictions)
def test_on_or_after_is_the_first_working_day_from_the_day(day: date, jurisdiction: str) -> None:
    cal = WorkingCalendar(jurisdiction)
    result = cal.on_or_after(day)
    assert result >= day
    assert is_working(result, jurisdiction, frozenset())
    assert not any(
        is_working(day + timedelta(days=n), jurisdiction, frozenset()) for n in range((result - day).days)
    )
