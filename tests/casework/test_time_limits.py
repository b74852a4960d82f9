"""The time-limit calculators (casework/time_limits.py): tribunal claims with ACAS early
conciliation, working days, the right to be accompanied, subject access and breach reporting.

Known-answer tests first, each citing the source its answer comes from; then property tests
(hypothesis) for what must hold for every date: a deadline is never before its event, early
conciliation never shortens a limit, a count lands on a working day of that jurisdiction."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casevault.casework import time_limits as tl
from casevault.casework.rule_pack import uk_pack
from casevault.casework.working_days import add_months
from casevault.core.errors import UsageError

UK = ZoneInfo("Europe/London")
SUBDIVISIONS = {"england-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
ERA_2025 = next(r for r in uk_pack().rules if r.id == "tribunal.six-months.era-2025").statement
NOT_IN_NI = "ACAS early conciliation does not apply in Northern Ireland"
NOT_EXTENDED = "This pack does not extend this limit for early conciliation"


@cache
def holidays_of(jurisdiction: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv=SUBDIVISIONS[jurisdiction], years=year))


def is_working(day: date, jurisdiction: str, closures: frozenset[date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in holidays_of(jurisdiction, day.year) and day not in closures


def working_days_between(
    start: date, end: date, jurisdiction: str, closures: frozenset[date] = frozenset()
) -> int:
    """How many working days lie in (start, end]."""
    return sum(
        is_working(start + timedelta(days=n), jurisdiction, closures)
        for n in range(1, (end - start).days + 1)
    )


# ---------------------------------------------------------------- tribunal: the contract examples


def test_unfair_dismissal_is_three_months_less_one_day() -> None:
    # ERA 1996 s.111(2)(a): "before the end of the period of three months beginning with the
    # effective date of termination": EDT Saturday 10 January 2026 -> Thursday 9 April 2026.
    result = tl.tribunal(date(2026, 1, 10), "unfair-dismissal", jurisdiction="england-wales")
    assert result.deadline == date(2026, 4, 9)
    assert result.rule.id == "tribunal.unfair-dismissal" and result.rule.version == 1
    assert result.refer_by == date(2026, 3, 12)  # 4 weeks before, by default
    assert result.steps[0] == (
        "The event (the effective date of termination) was Saturday 10 January 2026; "
        "3 months less one day is Thursday 9 April 2026."
    )
    assert "by Thursday 12 March 2026 (4 weeks before)" in result.explanation


def test_tribunal_as_json_carries_the_date_rule_explanation_sources_and_refer_by() -> None:
    out = tl.tribunal(date(2026, 1, 10)).as_json()
    assert out["deadline"] == "2026-04-09"
    assert out["rule"] == "tribunal.unfair-dismissal"
    assert out["rule_version"] == 1
    assert out["refer_by"] == "2026-03-12"
    assert out["pack_version"] == uk_pack().version
    assert out["jurisdiction"] == "england-wales"
    assert out["explanation"] == " ".join(out["steps"]) and "9 April 2026" in out["explanation"]
    assert out["sources"] == [
        "Employment Rights Act 1996 s.111(2)(a) https://www.legislation.gov.uk/ukpga/1996/18/section/111"
    ]
    assert out["inputs"] == {
        "event": "2026-01-10",
        "claim": "unfair-dismissal",
        "jurisdiction": "england-wales",
    }


def test_refer_by_follows_the_weeks_asked_for() -> None:
    result = tl.tribunal(date(2026, 1, 10), refer_weeks=6)
    assert result.refer_by == date(2026, 2, 26)
    assert "(6 weeks before)" in result.explanation


# ---------------------------------------------------------------- tribunal: month ends and leap years


def test_an_event_on_31_january_gives_29_april_and_says_why() -> None:
    # docs/RULES.md, "Month ends": there is no 31 April; counting to the month's last day
    # (Dodds v Walker [1981] 1 WLR 1027) would give 30 April; casevault shows the earlier 29 April.
    result = tl.tribunal(date(2026, 1, 31))
    assert result.deadline == date(2026, 4, 29)
    assert result.steps[1] == (
        "April has no 31st; counting to its last day would give Thursday 30 April 2026, "
        "but the earlier date is shown."
    )


def test_an_event_on_30_november_gives_27_february_and_says_why() -> None:
    # No 30 February: the month's last day is Sunday 28 February 2027; the day before is shown.
    # 27 February 2027 is a Saturday: the limit does not move (claims can be presented online).
    result = tl.tribunal(date(2026, 11, 30))
    assert result.deadline == date(2027, 2, 27)
    assert "February has no 30th" in result.explanation
    assert "would give Sunday 28 February 2027, but the earlier date is shown" in result.explanation
    assert "The limit falls on a Saturday: it does not move to the next working day" in result.explanation


@pytest.mark.parametrize(
    ("event", "deadline", "no_corresponding_day"),
    [
        (date(2026, 12, 1), date(2027, 2, 28), False),  # 1 March 2027 less one day
        (date(2027, 12, 1), date(2028, 2, 29), False),  # 1 March 2028 less one day: a leap year
        (date(2027, 11, 29), date(2028, 2, 28), False),  # 29 February 2028 exists
        (date(2027, 11, 30), date(2028, 2, 28), True),  # no 30 February: 29th, less one day
        (date(2028, 2, 29), date(2028, 5, 28), False),
        (date(2026, 2, 28), date(2026, 5, 27), False),
    ],
)
def test_three_months_less_one_day_around_february_and_leap_years(
    event: date, deadline: date, no_corresponding_day: bool
) -> None:
    # ERA 1996 s.111(2)(a) with the corresponding-date rule; docs/RULES.md "Month ends".
    result = tl.tribunal(event)
    assert result.deadline == deadline
    assert ("has no" in result.explanation) is no_corresponding_day


@pytest.mark.parametrize(
    ("claim", "event", "deadline", "rule_id"),
    [
        # Equality Act 2010 s.123(1)(a): three months starting with the act.
        ("discrimination", date(2026, 3, 15), date(2026, 6, 14), "tribunal.discrimination"),
        # ERA 1996 s.23(2): three months beginning with the date of payment.
        ("unlawful-deductions", date(2026, 2, 27), date(2026, 5, 26), "tribunal.unlawful-deductions"),
        # SI 1994/1623 art. 7(a): three months beginning with the effective date of termination.
        ("breach-of-contract", date(2026, 5, 31), date(2026, 8, 30), "tribunal.breach-of-contract"),
        # ERA 1996 s.164(1): six months beginning with the relevant date.
        ("redundancy-pay", date(2026, 1, 10), date(2026, 7, 9), "tribunal.redundancy-pay"),
        ("redundancy-pay", date(2027, 9, 1), date(2028, 2, 29), "tribunal.redundancy-pay"),
    ],
)
def test_each_claims_limit(claim: str, event: date, deadline: date, rule_id: str) -> None:
    result = tl.tribunal(event, claim)
    assert result.deadline == deadline
    assert result.rule.id == rule_id


def test_redundancy_pay_six_months_from_31_august_gives_the_earlier_date() -> None:
    # ERA 1996 s.164(1); no 31 February 2028: the month's last day is 29 February, less one day.
    result = tl.tribunal(date(2027, 8, 31), "redundancy-pay")
    assert result.deadline == date(2028, 2, 28)
    assert "6 months less one day" in result.steps[0]
    assert "February has no 31st; counting to its last day would give Tuesday 29 February 2028" in (
        result.explanation
    )


def test_redundancy_pay_is_not_extended_for_early_conciliation() -> None:
    # docs/RULES.md: ERA 1996 s.164 is not extended here (the earlier, unextended date).
    result = tl.tribunal(
        date(2026, 1, 10), "redundancy-pay", acas_start=date(2026, 6, 20), acas_certificate=date(2026, 7, 6)
    )
    assert result.deadline == date(2026, 7, 9)
    assert NOT_EXTENDED in result.explanation
    assert result.inputs["acas_start"] == "2026-06-20"


def test_scotland_uses_the_same_rule_and_date_as_england_and_wales() -> None:
    # ERA 1996 s.111 extends to Scotland.
    result = tl.tribunal(date(2026, 1, 10), jurisdiction="scotland")
    assert (result.deadline, result.rule.id, result.jurisdiction) == (
        date(2026, 4, 9),
        "tribunal.unfair-dismissal",
        "scotland",
    )


def test_northern_ireland_has_its_own_rules_and_no_acas_extension() -> None:
    # Employment Rights (NI) Order 1996 art. 145(2) and art. 55(2); docs/RULES.md: ACAS early
    # conciliation does not apply in NI and the LRA's has no rule yet, so nothing is extended.
    plain = tl.tribunal(date(2026, 1, 10), jurisdiction="northern-ireland")
    assert (plain.deadline, plain.rule.id) == (date(2026, 4, 9), "tribunal.unfair-dismissal.ni")
    assert tl.tribunal(date(2026, 2, 27), "unlawful-deductions", jurisdiction="northern-ireland").rule.id == (
        "tribunal.unlawful-deductions.ni"
    )
    conciliated = tl.tribunal(
        date(2026, 1, 10),
        jurisdiction="northern-ireland",
        acas_start=date(2026, 4, 1),
        acas_certificate=date(2026, 4, 5),
    )
    assert conciliated.deadline == date(2026, 4, 9)  # in E&W this would be 5 May 2026
    assert NOT_IN_NI in conciliated.explanation
    assert "the date is not extended" in conciliated.explanation


@pytest.mark.parametrize("claim", ["discrimination", "breach-of-contract", "redundancy-pay"])
def test_northern_ireland_claims_without_a_rule_are_refused_not_guessed(claim: str) -> None:
    with pytest.raises(UsageError, match=rf"no rule yet for {claim} claims in northern-ireland\.$"):
        tl.tribunal(date(2026, 1, 10), claim, jurisdiction="northern-ireland")


def test_a_limit_on_a_weekend_or_holiday_does_not_move_and_the_steps_say_so() -> None:
    # docs/RULES.md: claims can be presented online, so the limit stays where it falls.
    good_friday = tl.tribunal(date(2026, 1, 4))
    assert good_friday.deadline == date(2026, 4, 3)
    assert "The limit falls on a Good Friday: it does not move to the next working day" in (
        good_friday.explanation
    )
    saturday = tl.tribunal(date(2026, 1, 5))
    assert saturday.deadline == date(2026, 4, 4)
    assert "falls on a Saturday" in saturday.explanation
    assert "does not move" not in tl.tribunal(date(2026, 1, 10)).explanation  # a Thursday


def test_the_pending_six_month_rule_is_named_but_never_used() -> None:
    # Employment Rights Act 2025 s.152, Sch. 12: not commenced in this pack; even for an event
    # after its expected start the three-month date is shown, with the reason.
    for event, deadline in ((date(2026, 1, 10), date(2026, 4, 9)), (date(2026, 11, 2), date(2027, 2, 1))):
        result = tl.tribunal(event)
        assert result.deadline == deadline
        assert ERA_2025 in result.steps
    assert "Employment Rights Act 2025" in ERA_2025 and "earlier, three-month date is shown" in ERA_2025
    assert ERA_2025 in tl.tribunal(date(2026, 3, 15), "discrimination", jurisdiction="scotland").steps
    # Not for claims or nations it does not cover.
    assert ERA_2025 not in tl.tribunal(date(2026, 1, 10), "redundancy-pay").steps
    assert ERA_2025 not in tl.tribunal(date(2026, 1, 10), "breach-of-contract").steps
    assert ERA_2025 not in tl.tribunal(date(2026, 1, 10), jurisdiction="northern-ireland").steps


def test_tribunal_refuses_bad_input_in_one_sentence() -> None:
    with pytest.raises(UsageError, match=r"^Unknown claim 'holiday-pay': use one of unfair-dismissal, "):
        tl.tribunal(date(2026, 1, 10), "holiday-pay")
    with pytest.raises(UsageError, match=r"^Give both ACAS dates"):
        tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 2, 1))
    with pytest.raises(UsageError, match=r"^Give both ACAS dates"):
        tl.tribunal(date(2026, 1, 10), acas_certificate=date(2026, 2, 1))
    with pytest.raises(UsageError, match=r"^Dates from 1990 to 2100 only"):
        tl.tribunal(date(1989, 6, 1))
    with pytest.raises(UsageError, match=r"^Dates from 1990 to 2100 only"):
        tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 2, 1), acas_certificate=date(2101, 1, 1))
    with pytest.raises(UsageError, match=r"^Unknown jurisdiction 'wales': use one of england-wales, "):
        tl.tribunal(date(2026, 1, 10), jurisdiction="wales")
    # Equality Act 2010 s.123 commenced on 1 October 2010; earlier acts have no rule here.
    with pytest.raises(UsageError, match="no rule yet for discrimination claims"):
        tl.tribunal(date(2010, 9, 30), "discrimination")
    assert tl.tribunal(date(2010, 10, 1), "discrimination").deadline == date(2010, 12, 31)


# ---------------------------------------------------------------- ACAS early conciliation


def test_early_conciliation_stops_the_clock_for_the_days_after_day_a_up_to_day_b() -> None:
    # ERA 1996 s.207B(3): 2-15 February 2026 (14 days) are not counted, 9 April -> 23 April.
    # s.207B(4) does not apply: 23 April is not before one month after Day B (15 March).
    result = tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 2, 1), acas_certificate=date(2026, 2, 15))
    assert result.deadline == date(2026, 4, 23)
    assert result.refer_by == date(2026, 3, 26)
    assert (
        "Early conciliation (early-conciliation.acas v1): ACAS was contacted on Sunday 1 February 2026 "
        "(Day A) and the certificate received on Sunday 15 February 2026 (Day B); the 14 days after Day A "
        "up to Day B are not counted, giving Thursday 23 April 2026."
    ) in result.steps
    assert "one month after Day B" not in result.explanation
    assert result.inputs["acas_certificate"] == "2026-02-15"


def test_a_limit_expiring_within_a_month_of_day_b_expires_one_month_after_day_b() -> None:
    # ERA 1996 s.207B(4): (3) gives 13 April (4 days), which falls before 5 May (one month after
    # Day B, 5 April), so the limit is 5 May 2026.
    result = tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 4, 1), acas_certificate=date(2026, 4, 5))
    assert result.deadline == date(2026, 5, 5)
    assert (
        "the 4 days after Day A up to Day B are not counted, giving Monday 13 April 2026"
        in result.explanation
    )
    assert "so the limit is Tuesday 5 May 2026 instead" in result.explanation


def test_subsection_3_then_4_in_that_order() -> None:
    # Luton BC v Haque UKEAT/0180/17: apply s.207B(3) first, then (4) to its result. (3): 31 days
    # (21 March - 20 April) give 10 May; that is within a month of Day B, so (4) gives 20 May.
    # (4) then (3) would give 20 June.
    result = tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 3, 20), acas_certificate=date(2026, 4, 20))
    assert result.deadline == date(2026, 5, 20)


def test_subsection_4_is_judged_on_the_date_after_subsection_3() -> None:
    # Luton BC v Haque: the unextended 9 April is within a month of Day B (20 March), but after
    # (3) adds 64 days the limit is 12 June, later than 20 April, so (4) does not bring it back.
    result = tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 1, 15), acas_certificate=date(2026, 3, 20))
    assert result.deadline == date(2026, 6, 12)
    assert "instead" not in result.explanation


def test_contact_on_the_last_day_still_extends_and_the_day_after_does_not() -> None:
    # s.207B(4): a limit expiring on Day A itself expires one month after Day B.
    last_day = tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 4, 9), acas_certificate=date(2026, 4, 9))
    assert last_day.deadline == date(2026, 5, 9)
    # Contact after the limit has passed: there is nothing left to extend.
    late = tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 4, 10), acas_certificate=date(2026, 4, 20))
    assert late.deadline == date(2026, 4, 9)
    assert "after the limit had passed; early conciliation cannot revive it, so the date is not extended" in (
        late.explanation
    )


def test_conciliation_over_before_the_event_extends_nothing() -> None:
    # s.207B(3) only stops days of the limit's own period: contact (1 December 2025) and
    # certificate (20 December 2025) both before the EDT (10 January 2026) leave 9 April as it is.
    result = tl.tribunal(date(2026, 1, 10), acas_start=date(2025, 12, 1), acas_certificate=date(2025, 12, 20))
    assert result.deadline == date(2026, 4, 9)
    assert "the 0 days after Day A up to Day B are not counted" in result.explanation
    assert any(step.startswith("ACAS was contacted before the event") for step in result.steps)


def test_contact_before_the_event_stops_the_event_day_and_the_days_after_it_up_to_day_b() -> None:
    # s.207B(3): "the period beginning with the day after Day A and ending with Day B is not to
    # be counted". The limit's period begins with the EDT (s.111(2)(a), "beginning with"), so with
    # Day A on 5 January and Day B on 20 January, 10-20 January (11 days) are not counted:
    # 9 April + 11 days = 20 April 2026.
    result = tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 1, 5), acas_certificate=date(2026, 1, 20))
    assert result.deadline == date(2026, 4, 20)
    assert "the 11 days after Day A up to Day B are not counted" in result.explanation
    assert "check with the regional office" in result.explanation


def test_one_month_after_a_day_b_on_31_january_is_the_last_day_of_february() -> None:
    # s.207B(4) with the corresponding-date rule: no 31 February 2026, so 28 February.
    # EDT 5 November 2025 -> 4 February 2026; (3) adds 6 days -> 10 February; (4) -> 28 February.
    result = tl.tribunal(date(2025, 11, 5), acas_start=date(2026, 1, 25), acas_certificate=date(2026, 1, 31))
    assert result.deadline == date(2026, 2, 28)
    assert "That month has no corresponding day, so its last day is used." in result.steps


def test_discrimination_is_extended_the_same_way() -> None:
    # Equality Act 2010 s.140B(3)-(4): act 15 March 2026 -> 14 June; 28 days stopped -> 12 July,
    # later than one month after Day B (29 June).
    result = tl.tribunal(
        date(2026, 3, 15), "discrimination", acas_start=date(2026, 5, 1), acas_certificate=date(2026, 5, 29)
    )
    assert result.deadline == date(2026, 7, 12)


def test_day_b_before_day_a_is_refused() -> None:
    with pytest.raises(
        UsageError, match=r"^The certificate date \(Day B\) cannot be before ACAS was contacted"
    ):
        tl.tribunal(date(2026, 1, 10), acas_start=date(2026, 2, 15), acas_certificate=date(2026, 2, 14))


def test_contact_before_early_conciliation_began_is_refused() -> None:
    # ACAS early conciliation commenced on 6 April 2014 (the pack's applies_from).
    with pytest.raises(UsageError, match="no rule yet for early conciliation in england-wales"):
        tl.tribunal(date(2014, 3, 1), acas_start=date(2014, 4, 5), acas_certificate=date(2014, 4, 20))
    # From that day it applies: EDT 1 March 2014 -> 31 May; 14 days stopped -> 14 June.
    first_day = tl.tribunal(date(2014, 3, 1), acas_start=date(2014, 4, 6), acas_certificate=date(2014, 4, 20))
    assert first_day.deadline == date(2014, 6, 14)


# ---------------------------------------------------------------- working days


def test_five_working_days_over_christmas_2026() -> None:
    # 25 December is a Friday, 26-27 the weekend, 28 December the substitute Boxing Day
    # (Banking and Financial Dealings Act 1971 Sch. 1; gov.uk/bank-holidays).
    result = tl.working_days(date(2026, 12, 22), 5, jurisdiction="england-wales")
    assert result.deadline == date(2026, 12, 31)
    assert result.steps == (
        "5 working days after Tuesday 22 December 2026 is Thursday 31 December 2026.",
        "Not counted: 25 December (Christmas Day), 28 December (Boxing Day (observed)), and weekends.",
    )
    out = result.as_json()
    assert out["deadline"] == "2026-12-31" and out["rule"] == "working-days" and out["rule_version"] == 1
    assert "refer_by" not in out
    assert out["sources"] and all(isinstance(s, str) for s in out["sources"])


def test_a_working_day_count_that_differs_between_england_and_scotland() -> None:
    # 2 January is a bank holiday in Scotland only (BFDA 1971 Sch. 1 para 2; gov.uk/bank-holidays).
    assert tl.working_days(date(2025, 12, 31), 1).deadline == date(2026, 1, 2)
    scotland = tl.working_days(date(2025, 12, 31), 1, jurisdiction="scotland")
    assert scotland.deadline == date(2026, 1, 5)
    assert "2 January (New Year Holiday)" in scotland.explanation
    # St Andrew's Day 2025 (a Sunday) moves to Monday 1 December in Scotland.
    assert tl.working_days(date(2025, 11, 28), 1).deadline == date(2025, 12, 1)
    assert tl.working_days(date(2025, 11, 28), 1, jurisdiction="scotland").deadline == date(2025, 12, 2)
    # The first Monday of August (Scotland) against the last (England and Wales), 2026.
    assert tl.working_days(date(2026, 7, 31), 1, jurisdiction="scotland").deadline == date(2026, 8, 4)
    assert tl.working_days(date(2026, 8, 28), 1, jurisdiction="scotland").deadline == date(2026, 8, 31)
    assert tl.working_days(date(2026, 8, 28), 1).deadline == date(2026, 9, 1)


def test_northern_irelands_holidays_count() -> None:
    # St Patrick's Day (BFDA 1971 Sch. 1 para 3) and the Twelfth (12 July 2026 a Sunday: the 13th).
    nir = tl.working_days(date(2026, 3, 16), 1, jurisdiction="northern-ireland")
    assert nir.deadline == date(2026, 3, 18)
    assert "17 March (Saint Patrick's Day)" in nir.explanation
    assert tl.working_days(date(2026, 3, 16), 1).deadline == date(2026, 3, 17)
    assert tl.working_days(date(2026, 7, 10), 1, jurisdiction="northern-ireland").deadline == date(
        2026, 7, 14
    )


def test_closure_days_are_not_working_days() -> None:
    closures = frozenset({date(2026, 12, 29), date(2026, 12, 30)})
    result = tl.working_days(date(2026, 12, 22), 5, closures=closures)
    assert result.deadline == date(2027, 1, 5)
    assert "29 December (employer closure day), 30 December (employer closure day)" in result.explanation
    assert "1 January (New Year's Day)" in result.explanation


def test_working_days_refuses_bad_input() -> None:
    with pytest.raises(UsageError, match="cannot be negative"):
        tl.working_days(date(2026, 3, 2), -1)
    with pytest.raises(UsageError, match="Unknown jurisdiction 'wales'"):
        tl.working_days(date(2026, 3, 2), 1, jurisdiction="wales")
    with pytest.raises(UsageError, match="Dates from 1990 to 2100 only"):
        tl.working_days(date(2101, 3, 2), 1)


# ---------------------------------------------------------------- the right to be accompanied


@pytest.mark.parametrize(
    ("proposed", "jurisdiction", "latest"),
    [
        (date(2026, 3, 2), "england-wales", date(2026, 3, 9)),  # Tue 3 .. Mon 9 March
        # Good Friday 3 and Easter Monday 6 April 2026 are not working days (s.13(5)) ...
        (date(2026, 4, 2), "england-wales", date(2026, 4, 13)),
        # ... but Easter Monday is not a bank holiday in Scotland.
        (date(2026, 4, 2), "scotland", date(2026, 4, 10)),
        (date(2026, 12, 22), "england-wales", date(2026, 12, 31)),
    ],
)
def test_accompaniment_postponement_is_within_five_working_days(
    proposed: date, jurisdiction: str, latest: date
) -> None:
    # Employment Relations Act 1999 s.10(5): before the end of the five working days beginning with
    # the first working day after the day the employer proposed; s.13(5) defines working day.
    result = tl.accompaniment_postponement(proposed, jurisdiction=jurisdiction)
    assert result.deadline == latest
    assert result.rule.id == "accompaniment.postponement"
    assert f"must fall by {tl.day_text(latest)}, the end of 5 working days" in result.explanation
    assert result.as_json()["sources"][0].startswith("Employment Relations Act 1999 s.10(4)-(5)")


def test_accompaniment_postponement_skips_closure_days_and_is_not_a_rule_in_ni() -> None:
    closed = frozenset({date(2026, 3, 4)})
    assert tl.accompaniment_postponement(date(2026, 3, 2), closures=closed).deadline == date(2026, 3, 10)
    # ERelA 1999 s.10 extends to Great Britain; Northern Ireland has no rule in the pack.
    with pytest.raises(UsageError, match="no rule yet for the right to be accompanied in northern-ireland"):
        tl.accompaniment_postponement(date(2026, 3, 2), jurisdiction="northern-ireland")
    # In force from 4 September 2000.
    with pytest.raises(UsageError, match="no rule yet"):
        tl.accompaniment_postponement(date(2000, 9, 3))
    assert tl.accompaniment_postponement(date(2000, 9, 4)).deadline == date(2000, 9, 11)


# ---------------------------------------------------------------- subject access


def test_a_request_received_on_31_january_is_due_on_monday_2_march() -> None:
    # ICO, Right of access (time limits): no 31 February, so the month's last day, 28 February
    # 2026; a Saturday, so the next working day, Monday 2 March.
    result = tl.subject_access(date(2026, 1, 31))
    assert result.deadline == date(2026, 3, 2)
    assert result.steps == (
        "Received Saturday 31 January 2026; February has no 31st, so the last day of the month, "
        "Saturday 28 February 2026.",
        "That is a Saturday, so the next working day, Monday 2 March 2026.",
    )
    out = result.as_json()
    assert (out["deadline"], out["rule"], out["rule_version"]) == ("2026-03-02", "subject-access", 1)
    assert any("UK GDPR art. 12(3)" in s for s in out["sources"])
    assert "refer_by" not in out


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # ICO: the corresponding calendar date in the next month (3 September -> 3 October).
        (date(2026, 9, 3), date(2026, 10, 5)),  # 3 October 2026 is a Saturday
        (date(2026, 6, 10), date(2026, 7, 10)),
        # 2027 is not a leap year: 28 February 2027, a Sunday, moves to Monday 1 March.
        (date(2027, 1, 28), date(2027, 3, 1)),
        (date(2027, 1, 29), date(2027, 3, 1)),
        (date(2027, 1, 30), date(2027, 3, 1)),
        (date(2027, 1, 31), date(2027, 3, 1)),
        # 2028 is: 29 February 2028, a Tuesday.
        (date(2028, 1, 29), date(2028, 2, 29)),
        (date(2028, 1, 30), date(2028, 2, 29)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2028, 2, 29), date(2028, 3, 29)),
        # 3 April 2026 is Good Friday; Easter Monday follows the weekend.
        (date(2026, 3, 3), date(2026, 4, 7)),
    ],
)
def test_subject_access_one_month_to_the_corresponding_date(received: date, due: date) -> None:
    # UK GDPR art. 12(3); ICO, Right of access: time limits.
    assert tl.subject_access(received).deadline == due


def test_subject_access_moves_past_each_nations_own_holidays() -> None:
    # 17 March 2026 (St Patrick's Day) is a holiday in Northern Ireland only.
    assert tl.subject_access(date(2026, 2, 17)).deadline == date(2026, 3, 17)
    nir = tl.subject_access(date(2026, 2, 17), jurisdiction="northern-ireland")
    assert nir.deadline == date(2026, 3, 18)
    assert "That is a Saint Patrick's Day, so the next working day" in nir.explanation
    # 2 January 2027 is a Saturday; Scotland's substitute holiday is Monday 4 January.
    assert tl.subject_access(date(2026, 12, 2)).deadline == date(2027, 1, 4)
    assert tl.subject_access(date(2026, 12, 2), jurisdiction="scotland").deadline == date(2027, 1, 5)
    # Easter Monday is not a Scottish bank holiday.
    assert tl.subject_access(date(2026, 3, 3), jurisdiction="scotland").deadline == date(2026, 4, 6)


def test_subject_access_extended_by_one_or_two_months() -> None:
    # UK GDPR art. 12(3): "extended by two further months where necessary"; counted from receipt.
    one = tl.subject_access(date(2026, 1, 31), extension_months=1)
    assert one.deadline == date(2026, 3, 31)
    assert one.steps[0] == "Received Saturday 31 January 2026; 2 months later is Tuesday 31 March 2026."
    two = tl.subject_access(date(2026, 1, 31), extension_months=2)
    assert two.deadline == date(2026, 4, 30)  # no 31 April: its last day, a Thursday
    assert "April has no 31st" in two.explanation
    assert "Extended by 2 month(s); the member must be told within the first month." in two.steps
    assert two.inputs["extension_months"] == "2"
    # 3 May 2026 is a Sunday and 4 May the early May bank holiday.
    assert tl.subject_access(date(2026, 2, 3), extension_months=2).deadline == date(2026, 5, 5)


def test_an_extension_told_after_the_first_month_does_not_count() -> None:
    # ICO, Right of access: the person must be told of an extension within one month of receipt.
    told_in_time = tl.subject_access(date(2026, 1, 31), extension_months=2, told_on=date(2026, 2, 20))
    assert told_in_time.deadline == date(2026, 4, 30)
    assert "(the member was told on Friday 20 February 2026)" in told_in_time.explanation
    assert told_in_time.inputs["told_on"] == "2026-02-20"
    on_the_last_day = tl.subject_access(date(2026, 1, 31), extension_months=2, told_on=date(2026, 3, 2))
    assert on_the_last_day.deadline == date(2026, 4, 30)
    too_late = tl.subject_access(date(2026, 1, 31), extension_months=2, told_on=date(2026, 3, 3))
    assert too_late.deadline == date(2026, 3, 2)
    assert "after the first month ended; an extension must be told within it" in too_late.explanation


@pytest.mark.parametrize("months", [3, -1, 12])
def test_subject_access_extension_beyond_two_months_is_refused(months: int) -> None:
    with pytest.raises(
        UsageError, match=r"^A subject access request can be extended by one or two months only\.$"
    ):
        tl.subject_access(date(2026, 1, 31), extension_months=months)


def test_subject_access_refuses_impossible_dates() -> None:
    with pytest.raises(UsageError, match="cannot be told of an extension before the request was received"):
        tl.subject_access(date(2026, 1, 31), extension_months=1, told_on=date(2026, 1, 30))
    # UK GDPR (and the GDPR before it) applies from 25 May 2018.
    with pytest.raises(UsageError, match="no rule yet for subject access"):
        tl.subject_access(date(2018, 5, 24))
    assert tl.subject_access(date(2018, 5, 25)).deadline == date(2018, 6, 25)
    with pytest.raises(UsageError, match="Dates from 1990 to 2100 only"):
        tl.subject_access(date(1989, 1, 1))


# ---------------------------------------------------------------- breach reporting


def test_a_breach_is_reported_within_72_hours_weekend_included() -> None:
    # UK GDPR art. 33(1): "not later than 72 hours after having become aware of it".
    result = tl.breach(datetime(2026, 3, 6, 16, 0))
    assert result.deadline == datetime(2026, 3, 9, 16, 0)
    out = result.as_json()
    assert (out["deadline"], out["rule"], out["rule_version"]) == ("2026-03-09T16:00", "breach.72-hours", 1)
    assert out["explanation"] == (
        "Aware at 16:00 on Friday 6 March 2026; 72 hours later is 16:00 on Monday 9 March 2026, "
        "weekends and holidays included."
    )
    assert any("UK GDPR art. 33(1)" in s for s in out["sources"])
    assert "refer_by" not in out


def test_a_breach_across_the_spring_clock_change_counts_72_real_hours() -> None:
    # The docstring: a time without a zone is UK wall time and "a change of the clocks is allowed
    # for". Clocks go forward at 01:00 GMT on Sunday 29 March 2026, so 72 real hours from 10:00 GMT
    # on Friday 27 March is 11:00 BST on Monday 30 March (10:00 wall time would be 71 hours).
    result = tl.breach(datetime(2026, 3, 27, 10, 0))
    assert result.deadline == datetime(2026, 3, 30, 11, 0)
    assert "72 hours later is 11:00 on Monday 30 March 2026" in result.explanation
    start = datetime(2026, 3, 27, 10, 0, tzinfo=UK)
    end = result.deadline.replace(tzinfo=UK)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=72)


def test_a_breach_across_the_autumn_clock_change_counts_72_real_hours() -> None:
    # Clocks go back at 02:00 BST on Sunday 25 October 2026: 10:00 BST + 72 h is 09:00 GMT.
    result = tl.breach(datetime(2026, 10, 23, 10, 0))
    assert result.deadline == datetime(2026, 10, 26, 9, 0)


def test_a_breach_in_another_zone_and_a_zone_aware_time() -> None:
    # Wall time in UTC: no clock change, so 72 hours is three days to the minute.
    assert tl.breach(datetime(2026, 3, 27, 10, 0), zone=UTC).deadline == datetime(2026, 3, 30, 10, 0)
    aware = tl.breach(datetime(2026, 3, 27, 10, 0, tzinfo=UTC))
    assert aware.deadline == datetime(2026, 3, 30, 10, 0, tzinfo=UTC)
    assert aware.as_json()["deadline"] == "2026-03-30T10:00+00:00"
    london = tl.breach(datetime(2026, 3, 27, 10, 0, tzinfo=UK))
    assert london.deadline == datetime(2026, 3, 30, 11, 0, tzinfo=UK)
    assert london.deadline.utcoffset() == timedelta(hours=1)
    india = timezone(timedelta(hours=5, minutes=30))
    assert tl.breach(datetime(2026, 3, 6, 16, 0, tzinfo=india)).deadline == datetime(
        2026, 3, 9, 16, 0, tzinfo=india
    )


def test_a_breach_time_with_seconds_keeps_them_in_the_json() -> None:
    assert tl.breach(datetime(2026, 3, 6, 16, 0, 30)).as_json()["deadline"] == "2026-03-09T16:00:30"


def test_breach_before_uk_gdpr_or_out_of_range_is_refused() -> None:
    with pytest.raises(UsageError, match="no rule yet for breach reporting in the UK"):
        tl.breach(datetime(2018, 5, 24, 12, 0))
    with pytest.raises(UsageError, match="Dates from 1990 to 2100 only"):
        tl.breach(datetime(2101, 1, 1, 12, 0))


def test_hours_left_counts_down_and_goes_negative() -> None:
    deadline = tl.breach(datetime(2026, 3, 6, 16, 0, tzinfo=UTC)).deadline
    assert isinstance(deadline, datetime)
    assert tl.hours_left(deadline, datetime(2026, 3, 6, 16, 0, tzinfo=UTC)) == 72.0
    assert tl.hours_left(deadline, datetime(2026, 3, 8, 16, 0, tzinfo=UTC)) == 24.0
    assert tl.hours_left(deadline, datetime(2026, 3, 9, 15, 30, tzinfo=UTC)) == 0.5
    assert tl.hours_left(deadline, datetime(2026, 3, 9, 18, 0, tzinfo=UTC)) == -2.0
    # Zones are compared as instants: 17:00 in UTC+1 is 16:00 UTC.
    assert tl.hours_left(deadline, datetime(2026, 3, 9, 17, 0, tzinfo=timezone(timedelta(hours=1)))) == 0.0


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (29, "29th"),
        (31, "31st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_ordinals(n: int, text: str) -> None:
    assert tl.ordinal(n) == text


def test_day_and_iso_text() -> None:
    assert tl.day_text(date(2026, 3, 2)) == "Monday 2 March 2026"
    assert tl.iso_text(date(2026, 3, 2)) == "2026-03-02"
    assert tl.iso_text(datetime(2026, 3, 2, 9, 5)) == "2026-03-02T09:05"
    assert tl.iso_text(datetime(2026, 3, 2, 9, 5, 0, 10)) == "2026-03-02T09:05:00.000010"


def test_every_calculation_gives_the_json_keys_with_sources() -> None:
    results = [
        tl.tribunal(date(2026, 1, 10)),
        tl.working_days(date(2026, 12, 22), 5),
        tl.accompaniment_postponement(date(2026, 3, 2)),
        tl.subject_access(date(2026, 1, 31)),
        tl.breach(datetime(2026, 3, 6, 16, 0)),
    ]
    for result in results:
        out = result.as_json()
        assert {"deadline", "rule", "rule_version", "explanation", "sources"} <= set(out)
        assert isinstance(out["deadline"], str) and out["deadline"]
        assert isinstance(out["rule_version"], int)
        assert out["explanation"] == result.explanation and out["explanation"].endswith(".")
        assert isinstance(out["sources"], list) and out["sources"]
        assert all(isinstance(s, str) and s for s in out["sources"])
        assert out["sources"] == list(result.rule.sources)
        assert ("refer_by" in out) is (result.rule.kind == "months-less-one-day")


# ---------------------------------------------------------------- properties

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
jurisdictions = st.sampled_from(list(SUBDIVISIONS))
CLAIMS = uk_pack().claims()
ACAS_CLAIMS = [
    c
    for c in CLAIMS
    if uk_pack().claim_rule(c, "england-wales", date(2026, 1, 1)).early_conciliation == "acas"
]


@settings(max_examples=200, deadline=None)
@given(dates, st.sampled_from(CLAIMS), jurisdictions)
def test_a_tribunal_limit_is_never_before_its_event(event: date, claim: str, jurisdiction: str) -> None:
    rule = uk_pack().claim_rule(claim, jurisdiction, event)
    if rule is None:  # NI's missing claims, or discrimination before October 2010
        with pytest.raises(UsageError, match="no rule yet"):
            tl.tribunal(event, claim, jurisdiction=jurisdiction)
        return
    result = tl.tribunal(event, claim, jurisdiction=jurisdiction)
    assert isinstance(result.deadline, date)
    assert result.deadline > event
    assert rule.months * 28 <= (result.deadline - event).days < rule.months * 31
    # Never later than the day before the corresponding date (the earlier reading).
    assert result.deadline < add_months(event, rule.months)[0]
    assert result.refer_by == result.deadline - timedelta(weeks=4)


@st.composite
def conciliations(draw: st.DrawFn) -> tuple[date, date, date]:
    event = draw(st.dates(min_value=date(2014, 4, 6), max_value=date(2090, 12, 31)))
    day_a = max(date(2014, 4, 6), event + timedelta(days=draw(st.integers(-60, 150))))
    day_b = day_a + timedelta(days=draw(st.integers(0, 150)))
    return event, day_a, day_b


@settings(max_examples=200, deadline=None)
@given(conciliations(), st.sampled_from(ACAS_CLAIMS), st.sampled_from(["england-wales", "scotland"]))
def test_early_conciliation_never_shortens_a_limit(
    dates_: tuple[date, date, date], claim: str, jurisdiction: str
) -> None:
    event, day_a, day_b = dates_
    without = tl.tribunal(event, claim, jurisdiction=jurisdiction)
    with_ec = tl.tribunal(event, claim, jurisdiction=jurisdiction, acas_start=day_a, acas_certificate=day_b)
    assert with_ec.deadline >= without.deadline
    assert with_ec.deadline > event


@settings(max_examples=200, deadline=None)
@given(conciliations(), st.sampled_from(["england-wales", "scotland"]))
def test_early_conciliation_is_3_then_4_for_contact_on_or_after_the_event(
    dates_: tuple[date, date, date], jurisdiction: str
) -> None:
    # ERA 1996 s.207B(3) then (4) (Luton BC v Haque), for Day A on or after the event: the
    # limit plus the days after Day A up to Day B, or one month after Day B if that is later;
    # nothing at all if Day A is after the limit.
    event, day_a, day_b = dates_
    assume(day_a >= event)
    limit = tl.tribunal(event, jurisdiction=jurisdiction).deadline
    result = tl.tribunal(event, jurisdiction=jurisdiction, acas_start=day_a, acas_certificate=day_b)
    assert isinstance(limit, date)
    if day_a > limit:
        assert result.deadline == limit
    else:
        assert result.deadline == max(limit + (day_b - day_a), add_months(day_b, 1)[0])


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(0, 30), jurisdictions)
def test_a_working_day_count_lands_on_a_working_day_n_working_days_on(
    start: date, days: int, jurisdiction: str
) -> None:
    result = tl.working_days(start, days, jurisdiction=jurisdiction).deadline
    assert isinstance(result, date)
    assert result >= start
    assert working_days_between(start, result, jurisdiction) == days
    if days:
        assert is_working(result, jurisdiction)


@settings(max_examples=200, deadline=None)
@given(dates, jurisdictions, st.sets(st.integers(1, 20), max_size=5))
def test_accompaniment_is_five_working_days_on_and_never_before_the_proposed_day(
    proposed: date, jurisdiction: str, closure_offsets: set[int]
) -> None:
    # ERelA 1999 s.10 extends to Great Britain and was commenced on 4 September 2000.
    if jurisdiction == "northern-ireland" or proposed < date(2000, 9, 4):
        with pytest.raises(UsageError, match="no rule yet for the right to be accompanied"):
            tl.accompaniment_postponement(proposed, jurisdiction=jurisdiction)
        return
    closures = frozenset(proposed + timedelta(days=n) for n in closure_offsets)
    result = tl.accompaniment_postponement(proposed, jurisdiction=jurisdiction, closures=closures).deadline
    assert isinstance(result, date)
    assert result > proposed
    assert is_working(result, jurisdiction, closures)
    assert working_days_between(proposed, result, jurisdiction, closures) == 5


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2018, 5, 25), max_value=date(2090, 12, 31)), jurisdictions, st.integers(0, 2))
def test_a_subject_access_date_is_the_first_working_day_from_the_months_end(
    received: date, jurisdiction: str, extension: int
) -> None:
    result = tl.subject_access(received, jurisdiction=jurisdiction, extension_months=extension).deadline
    assert isinstance(result, date)
    assert result > received
    corresponding = add_months(received, 1 + extension)[0]
    assert result >= corresponding
    assert is_working(result, jurisdiction)
    assert not any(
        is_working(corresponding + timedelta(days=n), jurisdiction)
        for n in range((result - corresponding).days)
    )


zones = st.sampled_from([UTC, UK, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))])


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(2018, 5, 25), max_value=datetime(2090, 12, 31), timezones=zones))
def test_a_zone_aware_breach_deadline_is_exactly_72_hours_later_in_the_same_zone(aware: datetime) -> None:
    result = tl.breach(aware).deadline
    assert isinstance(result, datetime)
    assert result.tzinfo is aware.tzinfo
    assert result.astimezone(UTC) - aware.astimezone(UTC) == timedelta(hours=72)
    assert tl.hours_left(result, aware.astimezone(UTC)) == 72.0


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(2018, 5, 25), max_value=datetime(2090, 12, 31)))
def test_a_wall_time_breach_deadline_is_later_by_72_hours_give_or_take_the_clocks(aware: datetime) -> None:
    result = tl.breach(aware).deadline
    assert isinstance(result, datetime) and result.tzinfo is None
    assert result > aware
    assert result - aware in {timedelta(hours=h) for h in (71, 72, 73)}
    # Away from the clock changes (late March, late October), it is 72 hours to the minute.
    if aware.month not in (3, 10) and result.month not in (3, 10):
        assert result - aware == timedelta(hours=72)


def test_hours_left_counts_real_hours_across_a_change_of_the_clocks() -> None:
    # UK GDPR art. 33(1) counts 72 hours, not 72 hours of wall clock: aware at 10:00 on Friday
    # 27 March 2026 (GMT), the clocks go forward on the 29th, so the end is 11:00 BST on the 30th,
    # and at the moment of awareness all 72 hours are left, even with both times in London's zone.
    aware = datetime(2026, 3, 27, 10, 0, tzinfo=UK)
    due = tl.breach(aware).deadline
    assert due == datetime(2026, 3, 30, 11, 0, tzinfo=UK)
    assert isinstance(due, datetime)
    assert tl.hours_left(due, aware) == pytest.approx(72.0)
    assert tl.hours_left(due, datetime(2026, 3, 30, 10, 0, tzinfo=UK)) == pytest.approx(1.0)
