"""Times as the database holds them (store/timefmt.py): UTC ISO-8601 text with a Z, which sorts
and compares as the times do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.store import timefmt

T0 = datetime(2026, 3, 14, 9, 30, 5, 123456, tzinfo=UTC)


def test_the_stored_text_is_utc_with_microseconds_and_a_z() -> None:
    assert timefmt.to_db(T0) == "2026-03-14T09:30:05.123456Z"
    assert timefmt.to_db(datetime(2026, 1, 2, tzinfo=UTC)) == "2026-01-02T00:00:00.000000Z"


def test_an_aware_time_in_another_zone_is_stored_as_its_utc_instant() -> None:
    kolkata = T0.astimezone(timezone(timedelta(hours=5, minutes=30)))
    pacific = T0.astimezone(timezone(timedelta(hours=-8)))
    assert timefmt.to_db(kolkata) == timefmt.to_db(pacific) == timefmt.to_db(T0)


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        timefmt.to_db(datetime(2026, 3, 14, 9, 30))


def test_a_round_trip_gives_the_same_instant_in_utc() -> None:
    back = timefmt.from_db(timefmt.to_db(T0.astimezone(timezone(timedelta(hours=3)))))
    assert back == T0
    assert back.tzinfo is UTC


def test_text_order_is_time_order_across_zones_and_years() -> None:
    moments = [
        T0 + timedelta(microseconds=1),
        T0 - timedelta(days=400),
        T0.astimezone(timezone(timedelta(hours=-8))) + timedelta(hours=1),
        datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
        T0,
        datetime(2100, 1, 1, tzinfo=UTC),
    ]
    texts = [timefmt.to_db(m) for m in moments]
    assert sorted(texts) == [timefmt.to_db(m) for m in sorted(moments)]


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-14T09:30:05.123456",  # no Z
        "2026-03-14T09:30:05Z",  # no microseconds
        "2026-03-14 09:30:05.123456Z",
        "2026-13-01T00:00:00.000000Z",
        "2026-03-14T09:30:05.123456+00:00",
        "",
    ],
)
def test_what_strptime_refused_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        timefmt.from_db(text)


def test_an_optional_time_may_be_null() -> None:
    assert timefmt.from_db_opt(None) is None
    assert timefmt.from_db_opt("2026-03-14T09:30:05.123456Z") == T0


STORED_ALPHABET = "0123456789-:.TZ +,٣"


@settings(max_examples=400, deadline=None)
@given(st.datetimes(min_value=datetime(1000, 1, 1), timezones=st.just(UTC)))  # strptime's %Y: 4 digits
def test_every_stored_time_reads_back_as_strptime_read_it(moment: datetime) -> None:
    text = timefmt.to_db(moment)
    assert timefmt.from_db(text) == moment == datetime.strptime(text, timefmt._FORMAT).replace(tzinfo=UTC)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=STORED_ALPHABET, min_size=20, max_size=30))
def test_text_the_fast_reader_accepts_strptime_accepts_the_same(text: str) -> None:
    try:
        fast = timefmt.from_db(text)
    except ValueError:
        return
    assert fast == datetime.strptime(text, timefmt._FORMAT).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-14T09:30:05.123456",  # no Z
        "2026-03-14 09:30:05.123456Z",  # a space for the T
        "2026-03-14T09:30:05,123456Z",  # a comma
        "2026-03-14T09:30:05Z",  # no fraction
        "2026-03-14T09:30:05.123456Z\n",
        "2026-02-30T09:30:05.123456Z",  # no such day
    ],
)
def test_malformed_text_is_refused_by_the_fast_path_too(text: str) -> None:
    with pytest.raises(ValueError):
        timefmt.from_db(text)
