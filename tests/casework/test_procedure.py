"""Procedure templates and stage deadlines (casework/procedure.py): the ACAS Code of Practice 1
disciplinary and grievance templates, a stage's deadline in working or calendar days from its
event (or the date an extension was agreed to), custom limits and their refusals, and where a
procedure stands."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.casework import procedure as proc
from casevault.casework.procedure import StageRecord, stage_deadline
from casevault.casework.working_days import WorkingCalendar
from casevault.core.errors import UsageError

ENG = WorkingCalendar("england-wales")
SCT = WorkingCalendar("scotland")


def appeal_record(template_id: str, event_on: date | None = None, **changes: object) -> StageRecord:
    record = next(r for r in proc.records_of(proc.template(template_id)) if r.key == "appeal")
    return replace(record, event_on=event_on, **changes)


# ---------------------------------------------------------------- the shipped templates


def test_the_two_acas_templates_are_shipped_and_found_by_id() -> None:
    assert set(proc.TEMPLATES) == {"acas-disciplinary", "acas-grievance"}
    assert proc.template("acas-disciplinary") is proc.ACAS_DISCIPLINARY
    assert proc.template("acas-grievance") is proc.ACAS_GRIEVANCE
    for template in proc.TEMPLATES.values():
        assert template.version == 1
        assert template.source == proc.ACAS_CODE
        assert "https://www.acas.org.uk/" in template.source
        assert len(set(template.keys())) == len(template.keys())  # stage keys are unique


def test_an_unknown_template_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"^Unknown procedure template 'acas-capability': use one of "):
        proc.template("acas-capability")
    with pytest.raises(UsageError, match="acas-disciplinary, acas-grievance"):
        proc.template("")


@pytest.mark.parametrize("template_id", ["acas-disciplinary", "acas-grievance"])
def test_each_template_has_an_appeal_of_5_working_days_from_receiving_the_outcome_letter(
    template_id: str,
) -> None:
    # ACAS Code of Practice 1 paras 26 and 41 ask for an appeal "without unreasonable delay"; the
    # 5 working days are the common policy default (docs/RULES.md).
    appeal = proc.template(template_id).stage("appeal")
    assert (appeal.limit_days, appeal.unit, appeal.event) == (5, proc.WORKING, "receiving the outcome letter")
    assert appeal.limit_text() == "5 working days from receiving the outcome letter"
    assert "check the employer's policy" in appeal.guidance


def test_the_templates_stages_in_order() -> None:
    assert proc.ACAS_DISCIPLINARY.keys() == (
        "informal",
        "investigation",
        "notification",
        "hearing",
        "outcome",
        "appeal",
        "appeal-hearing",
        "appeal-outcome",
    )
    assert proc.ACAS_GRIEVANCE.keys() == (
        "informal",
        "written",
        "meeting",
        "outcome",
        "appeal",
        "appeal-outcome",
    )
    # The Code sets no number of days for the informal stages.
    assert proc.ACAS_DISCIPLINARY.stage("informal").limit_days is None
    assert proc.ACAS_DISCIPLINARY.stage("informal").limit_text() == "no set time limit"
    assert proc.ACAS_DISCIPLINARY.stage("appeal-hearing").limit_days == 10


def test_an_unknown_stage_is_refused_naming_the_stages() -> None:
    with pytest.raises(
        UsageError, match=r"^The procedure has no stage 'tribunal': its stages are informal, "
    ):
        proc.ACAS_GRIEVANCE.stage("tribunal")


def test_a_templates_json_lists_its_stages() -> None:
    out = proc.ACAS_GRIEVANCE.as_json()
    assert (out["id"], out["version"], out["source"]) == ("acas-grievance", 1, proc.ACAS_CODE)
    assert [s["key"] for s in out["stages"]] == list(proc.ACAS_GRIEVANCE.keys())
    appeal = next(s for s in out["stages"] if s["key"] == "appeal")
    assert appeal == {
        "key": "appeal",
        "name": "Appeal lodged",
        "event": "receiving the outcome letter",
        "limit_days": 5,
        "unit": "working",
        "guidance": proc.ACAS_GRIEVANCE.stage("appeal").guidance,
    }


# ---------------------------------------------------------------- records and where a procedure stands


def test_records_of_copies_each_stage_with_nothing_recorded() -> None:
    records = proc.records_of(proc.ACAS_DISCIPLINARY)
    assert [r.key for r in records] == list(proc.ACAS_DISCIPLINARY.keys())
    for record, stage in zip(records, proc.ACAS_DISCIPLINARY.stages, strict=True):
        assert (record.name, record.event, record.limit_days, record.unit) == (
            stage.name,
            stage.event,
            stage.limit_days,
            stage.unit,
        )
        assert record.event_on is record.extended_to is record.done_on is None


def test_next_open_is_the_first_stage_not_done() -> None:
    records = proc.records_of(proc.ACAS_GRIEVANCE)
    assert proc.next_open(records) is records[0]
    records[0] = replace(records[0], done_on=date(2026, 3, 2))
    records[1] = replace(records[1], done_on=date(2026, 3, 4))
    assert proc.next_open(records).key == "meeting"
    # A later stage done does not skip an earlier one left open.
    records[3] = replace(records[3], done_on=date(2026, 3, 20))
    assert proc.next_open(records).key == "meeting"
    assert proc.next_open([replace(r, done_on=date(2026, 4, 1)) for r in records]) is None
    assert proc.next_open([]) is None


# ---------------------------------------------------------------- stage deadlines


def test_an_appeal_counts_5_working_days_from_the_outcome_letter() -> None:
    # Outcome letter received Tuesday 22 December 2026: 23, 24, 29, 30, 31 December (25 December,
    # the weekend and the substitute Boxing Day on the 28th skipped; gov.uk/bank-holidays).
    result = stage_deadline(
        appeal_record("acas-disciplinary", date(2026, 12, 22)), "acas-disciplinary", 1, ENG
    )
    assert result is not None
    assert result.due == result.computed == date(2026, 12, 31)
    assert result.rule == "procedure:acas-disciplinary:appeal"
    assert result.rule_version == 1
    assert result.steps == (
        "Appeal lodged: 5 working days from receiving the outcome letter (Tuesday 22 December 2026) "
        "is Thursday 31 December 2026.",
    )
    assert result.explanation == result.steps[0]
    assert result.inputs == {
        "event_on": "2026-12-22",
        "limit_days": "5",
        "unit": "working",
        "jurisdiction": "england-wales",
    }


def test_a_stage_deadline_follows_the_jurisdictions_bank_holidays_and_closures() -> None:
    record = appeal_record("acas-grievance", date(2026, 12, 30))
    # England and Wales: 31 Dec, (1 Jan, weekend) 4, 5, 6, 7 January 2027.
    assert stage_deadline(record, "acas-grievance", 1, ENG).due == date(2027, 1, 7)
    # Scotland also keeps Monday 4 January 2027 (2 January's substitute).
    scotland = stage_deadline(record, "acas-grievance", 1, SCT)
    assert scotland.due == date(2027, 1, 8)
    assert scotland.inputs["jurisdiction"] == "scotland"
    closed = WorkingCalendar.of("england-wales", [date(2027, 1, 5)])
    assert stage_deadline(record, "acas-grievance", 1, closed).due == date(2027, 1, 8)


def test_a_calendar_day_limit_counts_every_day() -> None:
    record = appeal_record("acas-disciplinary", date(2026, 12, 22), limit_days=14, unit=proc.CALENDAR)
    result = stage_deadline(record, "acas-disciplinary", 1, ENG)
    assert result.due == date(2027, 1, 5)  # weekends and holidays included
    assert "14 days from receiving the outcome letter" in result.explanation
    assert "working" not in result.explanation
    assert result.inputs["unit"] == "calendar"
    # A calendar-day limit may end on a Saturday; it is not moved.
    assert stage_deadline(replace(record, limit_days=11), "acas-disciplinary", 1, ENG).due == date(2027, 1, 2)


def test_no_deadline_without_an_event_or_a_limit() -> None:
    assert stage_deadline(appeal_record("acas-disciplinary"), "acas-disciplinary", 1, ENG) is None
    informal = replace(proc.records_of(proc.ACAS_DISCIPLINARY)[0], event_on=date(2026, 3, 2))
    assert informal.limit_days is None
    assert stage_deadline(informal, "acas-disciplinary", 1, ENG) is None


def test_an_extension_changes_the_due_date_but_keeps_the_computed_one() -> None:
    record = appeal_record(
        "acas-grievance", date(2026, 12, 22), extended_to=date(2027, 1, 15), extension_with="HR (J. Patel)"
    )
    result = stage_deadline(record, "acas-grievance", 1, ENG)
    assert result.due == date(2027, 1, 15)
    assert result.computed == date(2026, 12, 31)
    assert result.steps[1] == "Extended to Friday 15 January 2027, agreed with HR (J. Patel)."
    assert result.inputs["extended_to"] == "2027-01-15"
    assert result.rule == "procedure:acas-grievance:appeal"
    unnamed = stage_deadline(replace(record, extension_with=""), "acas-grievance", 1, ENG)
    assert unnamed.steps[1] == "Extended to Friday 15 January 2027."
    assert (
        "extended_to"
        not in stage_deadline(appeal_record("acas-grievance", date(2026, 12, 22)), "x", 1, ENG).inputs
    )


def test_the_rule_names_the_template_version_and_stage_given() -> None:
    record = replace(proc.records_of(proc.ACAS_DISCIPLINARY)[3], event_on=date(2026, 3, 2))
    result = stage_deadline(record, "acas-disciplinary", 3, ENG)
    assert (result.rule, result.rule_version) == ("procedure:acas-disciplinary:hearing", 3)
    assert result.due == date(2026, 3, 9)


# ---------------------------------------------------------------- custom limits


def test_a_custom_template_changes_only_the_stages_named() -> None:
    custom = proc.custom_template(
        proc.ACAS_DISCIPLINARY, {"appeal": (10, proc.WORKING), "outcome": (14, proc.CALENDAR)}
    )
    assert custom.stage("appeal").limit_days == 10
    assert (custom.stage("outcome").limit_days, custom.stage("outcome").unit) == (14, "calendar")
    assert custom.stage("outcome").limit_text() == "14 days from the disciplinary meeting"
    assert custom.stage("hearing") == proc.ACAS_DISCIPLINARY.stage("hearing")
    assert (custom.id, custom.version, custom.keys()) == (
        "acas-disciplinary",
        1,
        proc.ACAS_DISCIPLINARY.keys(),
    )
    # The shipped template is untouched.
    assert proc.ACAS_DISCIPLINARY.stage("appeal").limit_days == 5
    # And its records count the new limit.
    record = replace(next(r for r in proc.records_of(custom) if r.key == "appeal"), event_on=date(2026, 3, 2))
    assert stage_deadline(record, custom.id, custom.version, ENG).due == date(2026, 3, 16)


def test_a_custom_template_may_remove_a_limit_and_accepts_the_bounds() -> None:
    custom = proc.custom_template(proc.ACAS_GRIEVANCE, {"appeal": (None, proc.WORKING)})
    assert custom.stage("appeal").limit_days is None
    assert (
        proc.custom_template(proc.ACAS_GRIEVANCE, {"appeal": (1, proc.WORKING)}).stage("appeal").limit_days
        == 1
    )
    longest = proc.custom_template(proc.ACAS_GRIEVANCE, {"appeal": (proc.MAX_LIMIT_DAYS, proc.CALENDAR)})
    assert longest.stage("appeal").limit_days == 366
    assert proc.custom_template(proc.ACAS_GRIEVANCE, {}) == proc.ACAS_GRIEVANCE


def test_a_custom_template_refuses_an_unknown_stage() -> None:
    with pytest.raises(UsageError, match=r"^The procedure has no stage 'hearing': its stages are "):
        proc.custom_template(proc.ACAS_GRIEVANCE, {"hearing": (5, proc.WORKING)})


@pytest.mark.parametrize("unit", ["weeks", "Working", ""])
def test_a_custom_template_refuses_a_bad_unit(unit: str) -> None:
    with pytest.raises(UsageError, match=rf"^A time limit counts working or calendar days, not '{unit}'\.$"):
        proc.custom_template(proc.ACAS_GRIEVANCE, {"appeal": (5, unit)})


@pytest.mark.parametrize("days", [0, -1, proc.MAX_LIMIT_DAYS + 1, 10_000])
def test_a_custom_template_refuses_days_out_of_range(days: int) -> None:
    with pytest.raises(UsageError, match=r"^A stage's time limit is from 1 to 366 days\.$"):
        proc.custom_template(proc.ACAS_DISCIPLINARY, {"appeal": (days, proc.WORKING)})
    with pytest.raises(UsageError, match="from 1 to 366 days"):
        proc.check_limit(days, proc.CALENDAR)


# ---------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(1, 60),
    st.sampled_from(proc.UNITS),
    st.sampled_from(["england-wales", "scotland", "northern-ireland"]),
)
def test_a_stage_deadline_is_never_before_its_event(
    event_on: date, days: int, unit: str, jurisdiction: str
) -> None:
    calendar = WorkingCalendar(jurisdiction)
    record = appeal_record("acas-grievance", event_on, limit_days=days, unit=unit)
    result = stage_deadline(record, "acas-grievance", 1, calendar)
    assert result is not None
    assert result.due == result.computed > event_on
    if unit == proc.CALENDAR:
        assert result.due == event_on + timedelta(days=days)
    else:
        assert calendar.is_working(result.due)
        assert result.due == calendar.add(event_on, days)
        assert (result.due - event_on).days >= days
