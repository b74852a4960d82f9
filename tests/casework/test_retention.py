"""The archive period of a closed case: its bounds, its end, and the fixed reasons for deleting a
case whose originals are still recorded as held."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from casevault.casework import retention
from casevault.core.model import CaseSummary
from tests.support.summaries import case_summary

T0 = datetime(2026, 1, 31, 23, 59, tzinfo=UTC)


def case(ref: str, status: str, retain_until: datetime | None) -> CaseSummary:
    return case_summary(ref, status, retain_until, now=T0)


def test_retain_until_adds_days_and_bounds_them() -> None:
    assert retention.retain_until(T0, 30) == T0 + timedelta(days=30)
    assert retention.retain_until(T0, 0) == T0
    for bad in (-1, retention.MAX_RETAIN_DAYS + 1):
        with pytest.raises(ValueError, match="between 0 and"):
            retention.retain_until(T0, bad)


@pytest.mark.parametrize("days", [0, 1, retention.DEFAULT_RETAIN_DAYS, retention.MAX_RETAIN_DAYS])
def test_check_days_accepts_the_whole_range_and_returns_the_days(days: int) -> None:
    assert retention.check_days(days) == days


@pytest.mark.parametrize("days", [-1, -365, retention.MAX_RETAIN_DAYS + 1, 10**9])
def test_check_days_refuses_outside_the_range_in_one_sentence(days: int) -> None:
    with pytest.raises(ValueError) as err:
        retention.check_days(days)
    message = str(err.value)
    assert message == f"The archive period must be between 0 and {retention.MAX_RETAIN_DAYS} days."


def test_the_default_period_is_within_the_bounds() -> None:
    assert 0 < retention.DEFAULT_RETAIN_DAYS <= retention.MAX_RETAIN_DAYS


def test_deletion_is_due_exactly_at_the_end_of_the_archive_period() -> None:
    until = T0 + timedelta(days=365)
    closed = case("CV-2026-0001", "closed", until)
    assert not retention.deletion_due(closed, until - timedelta(seconds=1))
    assert retention.deletion_due(closed, until)
    assert retention.deletion_due(closed, until + timedelta(days=1))
    assert not retention.deletion_due(case("CV-2026-0002", "open", None), until + timedelta(days=9999))


def test_an_open_case_with_a_stale_archive_date_is_never_due() -> None:
    # A reopened case whose row kept its old date must not be offered for deletion.
    assert not retention.deletion_due(case("CV-2026-0003", "open", T0), T0 + timedelta(days=1))


def test_a_closed_case_without_an_archive_date_is_never_due() -> None:
    assert not retention.deletion_due(case("CV-2026-0004", "closed", None), T0 + timedelta(days=99999))


def test_the_originals_reasons_are_distinct_fixed_codes_with_a_sentence_each() -> None:
    codes = [code for code, _ in retention.ORIGINALS_REASONS]
    assert len(codes) == len(set(codes)) == 3
    for code, text in retention.ORIGINALS_REASONS:
        # Codes go into the deletion record, so they are plain lower-case words, never free text.
        assert code.replace("-", "").isalpha() and code == code.lower()
        assert text.endswith(".") and text[0].isupper()
