"""Branch figures with small-cell suppression: the issue's acceptance case (12 cases of one type and
3 of another: the 3 never appear, nor any total that would reveal them), withheld tables, primary
and secondary suppression, medians only for large enough groups, the `since` filter, the
not-recorded and no-procedure cells, the month tables, the CSV rows and the threshold's bound."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.casework import figures as fig
from casevault.casework.figures import CaseFacts, Figures, Table

T0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
TABLE_NAMES = ("case_type", "outcome", "stage_reached", "month_opened", "month_closed")


def facts(
    case_type: str = "grievance",
    opened: datetime = T0,
    days_open: int | None = None,
    outcome: str | None = None,
    stage: str | None = None,
) -> CaseFacts:
    closed = None if days_open is None else opened + timedelta(days=days_open)
    return CaseFacts(case_type, opened, closed, outcome, stage)


def shown(t: Table) -> dict[str, int]:
    return {c.value: c.count for c in t.cells if c.count is not None}


def hidden(t: Table) -> set[str]:
    return {c.value for c in t.cells if c.suppressed}


def assert_nothing_can_be_worked_out(result: Figures) -> None:
    """Every shown number is at least the threshold, and what the shown cells leave of each total is
    either nothing (no cell hidden) or at least the threshold, spread over two hidden cells or more."""
    t = result.threshold
    for table in result.tables:
        if table.total is None:
            assert table.cells == ()
            continue
        assert table.total >= t
        counts = shown(table)
        assert all(n >= t for n in counts.values()), (table.name, counts)
        rest = table.total - sum(counts.values())
        if hidden(table):
            # Each hidden cell holds at least one case, so one of them holds at most this.
            assert len(hidden(table)) >= 2, table
            assert rest - (len(hidden(table)) - 1) >= t, table
        else:
            assert rest == 0, table
        for cell in table.cells:
            if cell.suppressed:
                assert cell.median_days is None
    for row in fig.csv_rows(result)[1:]:
        assert row[2] == "suppressed" or int(row[2]) >= t, row


# The acceptance case


def acceptance_cases() -> list[CaseFacts]:
    outcomes = ("upheld", "not-upheld", "settled", None)
    grievances = [
        facts(
            "grievance",
            T0 + timedelta(days=9 * i),
            None if i % 3 == 0 else 4 + 5 * i,
            outcomes[i % 4],
            ("stage-1", "stage-2", None)[i % 3],
        )
        for i in range(12)
    ]
    sickness = [
        facts("sickness", datetime(2026, 2, 10, tzinfo=UTC), 30, "withdrawn", "stage-1"),
        facts("sickness", datetime(2026, 3, 15, tzinfo=UTC), 12, None, "stage-2"),
        facts("sickness", datetime(2026, 4, 20, tzinfo=UTC), None, None, None),
    ]
    return grievances + sickness


def test_three_cases_of_a_type_beside_twelve_never_appear() -> None:
    result = fig.figures(acceptance_cases())
    types = result.table("case_type")
    assert types.total == 15
    assert {c.value for c in types.cells} == {"grievance", "sickness"}
    sickness = next(c for c in types.cells if c.value == "sickness")
    assert sickness.count is None and sickness.median_days is None
    # Showing 12 would give the 3 away as 15 - 12: the 12 is withheld with it.
    grievance = next(c for c in types.cells if c.value == "grievance")
    assert grievance.count is None and grievance.median_days is None


def test_the_acceptance_case_shows_no_small_number_anywhere() -> None:
    result = fig.figures(acceptance_cases())
    as_json = result.as_json()
    for table in as_json["tables"]:
        assert table["total"] is None or table["total"] >= result.threshold
        for cell in table["cells"]:
            assert cell["count"] is None or cell["count"] >= result.threshold
            if table["name"] == "case_type" and cell["value"] == "sickness":
                assert cell["count"] is None and cell["suppressed"] is True
                assert "median_days_to_resolution" not in cell
    rows = fig.csv_rows(result)
    assert ["case_type", "sickness", "suppressed", ""] in rows
    assert not [r for r in rows if r[1] == "sickness" and r[2] == "3"]
    assert not [r for r in rows if r[2] in {"1", "2", "3", "4"}]


def test_the_acceptance_case_leaves_no_total_that_reveals_the_three() -> None:
    result = fig.figures(acceptance_cases())
    assert_nothing_can_be_worked_out(result)
    types = result.table("case_type")
    assert types.total is not None
    rest = types.total - sum(shown(types).values())
    # Both cells are withheld, each at least 1: the sickness cell could be anything from 1 to 14.
    assert rest - (len(hidden(types)) - 1) >= result.threshold


# Withheld tables and the threshold


def test_a_table_with_a_total_under_the_threshold_shows_nothing() -> None:
    cases = [facts("grievance", T0 + timedelta(days=i), 3, "upheld") for i in range(4)]
    result = fig.figures(cases)
    for table in result.tables:
        assert table.total is None and table.cells == ()
        assert table.as_json() == {"name": table.name, "total": None, "cells": []}
    assert result.median_days_to_resolution is None
    assert fig.csv_rows(result)[1:] == [[name, "(all)", "suppressed", ""] for name in TABLE_NAMES]


def test_a_table_at_the_threshold_is_shown() -> None:
    cases = [facts("grievance", T0 + timedelta(days=i), 3, "upheld", "stage-1") for i in range(5)]
    result = fig.figures(cases)
    types = result.table("case_type")
    assert types.total == 5
    assert [c.as_json() for c in types.cells] == [
        {"value": "grievance", "count": 5, "suppressed": False, "median_days_to_resolution": 3.0}
    ]


def test_open_cases_are_counted_as_open_so_every_table_has_the_same_total() -> None:
    # Were open cases left out of the closing tables, their totals would differ from the others
    # by exactly the number still open: two tables subtracted would give a small count.
    cases = [facts("grievance", T0 + timedelta(days=i)) for i in range(6)]
    cases += [facts("grievance", T0, 5, "upheld") for _ in range(4)]
    result = fig.figures(cases)
    assert {t.name: t.total for t in result.tables} == dict.fromkeys(
        ("case_type", "outcome", "stage_reached", "month_opened", "month_closed"), 10
    )
    assert hidden(result.table("outcome")) == {fig.OPEN, "upheld"}


@pytest.mark.parametrize("threshold", [1, 0, -5])
def test_a_threshold_under_two_is_refused(threshold: int) -> None:
    with pytest.raises(ValueError, match="at least 2"):
        fig.figures([facts()] * 10, threshold=threshold)


def test_the_default_threshold_is_five_and_two_is_allowed() -> None:
    assert fig.DEFAULT_THRESHOLD == 5
    result = fig.figures([facts("pay"), facts("pay"), facts("grievance")], threshold=2)
    assert result.threshold == 2
    types = result.table("case_type")
    assert types.total == 3
    assert hidden(types) == {"grievance", "pay"}


# Primary and secondary suppression


def test_every_cell_under_the_threshold_is_suppressed() -> None:
    t = fig.table("x", ["a"] + ["b"] * 4 + ["c"] * 10, 5)
    assert t.total == 15
    # a and b hold 5, but one of them could hold only 4 (the other holds at least 1): c goes too.
    assert [(c.value, c.count) for c in t.cells] == [("a", None), ("b", None), ("c", None)]
    assert fig.suppressed_values({"a": 1, "b": 4, "c": 10}, 5) == {"a", "b", "c"}
    assert fig.suppressed_values({"a": 1, "b": 5, "c": 10}, 5) == {"a", "b"}  # b's 5 hides a's 1


def test_no_cell_is_suppressed_when_none_is_small() -> None:
    assert fig.suppressed_values({"a": 5, "b": 9, "c": 30}, 5) == set()
    t = fig.table("x", ["a"] * 5 + ["b"] * 9, 5)
    assert [(c.value, c.count) for c in t.cells] == [("a", 5), ("b", 9)]


def test_a_single_small_cell_hides_the_next_smallest_too() -> None:
    counts = {"a": 2, "b": 7, "c": 6, "d": 20}
    assert fig.suppressed_values(counts, 5) == {"a", "c"}
    t = fig.table("x", [v for v, n in counts.items() for _ in range(n)], 5)
    assert t.total == 35
    assert shown(t) == {"b": 7, "d": 20}
    assert hidden(t) == {"a", "c"}


def test_secondary_suppression_goes_on_until_the_hidden_cells_hold_the_threshold() -> None:
    # Two small cells hold only 3 of a threshold of 10: the smallest other one goes too.
    counts = {"a": 1, "b": 2, "c": 10, "d": 11, "e": 30}
    assert fig.suppressed_values(counts, 10) == {"a", "b", "c"}
    # Two small cells need one more when, less one case for the other, they hold under 5.
    assert fig.suppressed_values({"a": 2, "b": 3, "c": 6, "d": 7}, 5) == {"a", "b", "c"}
    assert fig.suppressed_values({"a": 2, "b": 4, "c": 6, "d": 7}, 5) == {"a", "b"}


def test_secondary_suppression_picks_one_of_two_equal_cells() -> None:
    hid = fig.suppressed_values({"a": 1, "x": 6, "y": 6}, 5)
    assert "a" in hid and len(hid) == 2 and hid & {"x", "y"}
    assert fig.suppressed_values({"a": 1, "x": 6, "y": 6}, 5) == hid  # the same data, the same cells


def test_when_every_cell_is_small_all_are_hidden_but_the_total_shows() -> None:
    t = fig.table("x", ["a", "b", "b", "c", "c", "c", "c"], 5)
    assert t.total == 7  # a cell holds at most 7 - 2 = 5: none can be narrowed under 5
    assert hidden(t) == {"a", "b", "c"}
    assert shown(t) == {}


def test_a_table_whose_hidden_cells_would_all_be_known_is_withheld() -> None:
    # Five types of one case each beside ten: hidden, their 5 cases over 5 cells would say each
    # holds exactly one. With the ten hidden too, one cell could hold up to 10: shown that way.
    ones = ["discrimination", "bullying", "redundancy", "pay", "capability"]
    t = fig.table("x", ones + ["grievance"] * 10, 5)
    assert t.total == 15 and hidden(t) == {*ones, "grievance"}
    # With nothing else to hide, the table goes: 5 cases over 5 cells are 1 each, total or not.
    assert fig.table("x", ones, 5) == Table("x", None)
    assert fig.suppressed_values(dict.fromkeys(ones, 1), 5) is None
    assert fig.table("x", ["a", "b", "b", "c", "c", "c"], 5) == Table("x", None)  # one could hold only 4


def test_a_lone_small_cell_withholds_its_table() -> None:
    assert fig.suppressed_values({"a": 3}, 5) is None
    assert fig.table("x", ["a"] * 3, 5) == Table("x", None)


def test_cells_are_listed_in_the_order_of_their_values() -> None:
    t = fig.table("x", ["pay"] * 6 + ["bullying"] * 7 + ["grievance"] * 5, 5)
    assert [c.value for c in t.cells] == ["bullying", "grievance", "pay"]


# Medians


def test_a_median_is_shown_only_for_a_group_of_at_least_the_threshold() -> None:
    values = ["a"] * 6 + ["b"] * 6
    resolution = {"a": [1, 2, 3, 4, 5, 100], "b": [7, 8, 9, 10]}
    t = fig.table("x", values, 5, resolution)
    cells = {c.value: c for c in t.cells}
    assert cells["a"].median_days == 3.5
    assert cells["b"].count == 6 and cells["b"].median_days is None  # only 4 of its 6 closed
    assert fig.table("x", values, 5).cells[0].median_days is None  # no resolution: no medians


def test_a_suppressed_cell_never_has_a_median() -> None:
    resolution = {"a": [1, 2], "b": [10, 11, 12, 13, 14, 15], "c": [3, 3, 3, 3, 3, 3, 3]}
    t = fig.table("x", ["a"] * 2 + ["b"] * 6 + ["c"] * 7, 5, resolution)
    cells = {c.value: c for c in t.cells}
    assert cells["a"].suppressed and cells["b"].suppressed  # b hidden with a
    assert cells["a"].median_days is None and cells["b"].median_days is None
    assert cells["c"].median_days == 3.0
    assert "median_days_to_resolution" not in cells["b"].as_json()


def test_median_days_by_type_and_outcome_in_the_figures() -> None:
    cases = [facts("grievance", T0, d, "upheld") for d in (2, 4, 6, 8, 100)]
    cases += [facts("pay", T0, d, None) for d in (1, 1, 1, 1, 1, 50)]
    result = fig.figures(cases)
    types = {c.value: c for c in result.table("case_type").cells}
    assert types["grievance"].median_days == 6.0 and types["pay"].median_days == 1.0
    outcomes = {c.value: c for c in result.table("outcome").cells}
    assert outcomes["upheld"].median_days == 6.0 and outcomes[fig.NOT_RECORDED].median_days == 1.0
    assert result.median_days_to_resolution == 2.0  # 1 1 1 1 1 [2] 4 6 8 50 100: the sixth of eleven


def test_the_overall_median_needs_the_threshold_of_closed_cases() -> None:
    open_cases = [facts("grievance", T0) for _ in range(10)]
    four = [facts("grievance", T0, d, "upheld") for d in (1, 2, 3, 4)]
    assert fig.figures(open_cases + four).median_days_to_resolution is None
    five = [*four, facts("grievance", T0, 40, "upheld")]
    assert fig.figures(open_cases + five).median_days_to_resolution == 3.0


def test_days_to_resolution_count_whole_days_and_never_below_zero() -> None:
    cases = [
        CaseFacts("pay", T0, T0 - timedelta(days=3), "upheld", None),  # a clock set wrong
        CaseFacts("pay", T0, T0 + timedelta(hours=23), "upheld", None),
        CaseFacts("pay", T0, T0 + timedelta(days=1, hours=23), "upheld", None),
        CaseFacts("pay", T0, T0 + timedelta(days=9), "upheld", None),
        CaseFacts("pay", T0, T0 + timedelta(days=9), "upheld", None),
    ]
    result = fig.figures(cases)
    assert result.median_days_to_resolution == 1.0
    assert fig.figures(cases[:1] * 5).median_days_to_resolution == 0.0


# Since, not-recorded, no-procedure and months


def test_since_counts_only_cases_opened_on_or_after_it() -> None:
    since = datetime(2026, 3, 1, tzinfo=UTC)
    before = [facts("pay", since - timedelta(days=1 + i)) for i in range(10)]
    after = [facts("grievance", since + timedelta(days=i)) for i in range(6)]
    result = fig.figures(before + after, since=since)
    assert result.table("case_type").total == 6
    assert shown(result.table("case_type")) == {"grievance": 6}
    assert result.since == since
    assert result.as_json()["since"] == "2026-03-01"
    assert fig.figures(before + after).table("case_type").total == 16
    assert fig.figures(before + after).as_json()["since"] is None


def test_since_is_about_opening_so_an_earlier_case_closed_after_it_is_left_out() -> None:
    since = datetime(2026, 3, 1, tzinfo=UTC)
    # Opened before `since` and closed after it: not counted, not even among the closures.
    late_closures = [facts("pay", since - timedelta(days=5), 30, "upheld") for _ in range(8)]
    result = fig.figures(late_closures, since=since)
    assert all(t.total is None for t in result.tables)


def test_a_closed_case_without_an_outcome_is_not_recorded() -> None:
    cases = [facts("pay", T0, 3, None) for _ in range(5)]
    cases += [facts("pay", T0, 3, "upheld") for _ in range(5)]
    cases += [facts("pay", T0, None, None) for _ in range(7)]  # open: counted as open
    result = fig.figures(cases)
    assert fig.NOT_RECORDED == "not-recorded"
    outcome = result.table("outcome")
    assert outcome.total == 17
    assert shown(outcome) == {"not-recorded": 5, "upheld": 5, fig.OPEN: 7}


def test_a_case_without_a_procedure_is_counted_as_no_procedure() -> None:
    cases = [facts("pay", stage=None) for _ in range(6)] + [facts("pay", stage="stage-1") for _ in range(5)]
    result = fig.figures(cases)
    assert fig.NO_PROCEDURE == "no-procedure"
    assert shown(result.table("stage_reached")) == {"no-procedure": 6, "stage-1": 5}


def test_the_month_tables_count_openings_and_closings_by_month() -> None:
    jan = datetime(2026, 1, 20, tzinfo=UTC)
    feb = datetime(2026, 2, 3, tzinfo=UTC)
    cases = [facts("pay", jan, 20) for _ in range(5)]  # opened in January, closed in February
    cases += [facts("pay", jan, None) for _ in range(2)]
    cases += [facts("pay", feb, 40) for _ in range(6)]  # opened in February, closed in March
    result = fig.figures(cases)
    assert shown(result.table("month_opened")) == {"2026-01": 7, "2026-02": 6}
    # The two still open are counted as open, and that small cell hides the smallest month too.
    assert shown(result.table("month_closed")) == {"2026-03": 6}
    assert hidden(result.table("month_closed")) == {fig.OPEN, "2026-02"}
    assert result.table("month_closed").total == 13
    assert fig.month(datetime(2026, 12, 31, 23, 59, tzinfo=UTC)) == "2026-12"


def test_a_small_month_is_suppressed_with_the_next_smallest() -> None:
    cases = [facts("pay", datetime(2026, 1, 10, tzinfo=UTC)) for _ in range(9)]
    cases += [facts("pay", datetime(2026, 2, 10, tzinfo=UTC)) for _ in range(6)]
    cases += [facts("pay", datetime(2026, 3, 10, tzinfo=UTC))]
    months = fig.figures(cases).table("month_opened")
    assert months.total == 16
    assert shown(months) == {"2026-01": 9}
    assert hidden(months) == {"2026-02", "2026-03"}


def test_the_tables_come_in_a_fixed_order_and_are_found_by_name() -> None:
    result = fig.figures(acceptance_cases())
    assert tuple(t.name for t in result.tables) == TABLE_NAMES
    assert [t["name"] for t in result.as_json()["tables"]] == list(TABLE_NAMES)
    assert result.table("outcome") is result.tables[1]
    assert result.as_json()["threshold"] == 5


# CSV rows


def test_csv_rows_say_suppressed_where_withheld_and_format_medians() -> None:
    cases = [facts("grievance", T0, d, "upheld") for d in (2, 3, 4, 5, 6, 7)]
    cases += [facts("pay", T0, 1, "upheld")]
    rows = fig.csv_rows(fig.figures(cases))
    assert rows[0] == ["table", "value", "count", "median_days_to_resolution"]
    by_table = [r for r in rows if r[0] == "case_type"]
    assert by_table == [
        ["case_type", "(total)", "7", ""],
        ["case_type", "grievance", "suppressed", ""],
        ["case_type", "pay", "suppressed", ""],
    ]
    stages = [r for r in rows if r[0] == "stage_reached"]
    assert stages == [["stage_reached", "(total)", "7", ""], ["stage_reached", "no-procedure", "7", ""]]
    outcome = [r for r in rows if r[0] == "outcome"]
    assert outcome == [["outcome", "(total)", "7", ""], ["outcome", "upheld", "7", "4"]]


def test_csv_rows_give_a_half_day_median_as_a_half() -> None:
    cases = [facts("pay", T0, d, "settled") for d in (1, 2, 3, 4, 5, 6)]
    rows = fig.csv_rows(fig.figures(cases))
    assert ["case_type", "pay", "6", "3.5"] in rows


def test_csv_rows_never_hold_a_count_under_the_threshold() -> None:
    for threshold in (2, 5, 10):
        rows = fig.csv_rows(fig.figures(acceptance_cases(), threshold=threshold))
        counts = [r[2] for r in rows[1:]]
        assert "suppressed" in counts or threshold == 2
        assert all(c == "suppressed" or int(c) >= threshold for c in counts), (threshold, rows)


# Properties


COUNTS = st.dictionaries(
    st.text(alphabet="abcdefgh", min_size=1, max_size=2), st.integers(1, 30), min_size=1, max_size=10
)


@settings(max_examples=200, deadline=None)
@given(COUNTS, st.integers(2, 10))
def test_suppressed_values_hide_every_small_cell_and_enough_besides(counts: dict[str, int], t: int) -> None:
    hid = fig.suppressed_values(counts, t)
    if not any(n < t for n in counts.values()):
        assert hid == set()
        return
    if hid is None:
        # Withheld only when even every cell hidden would narrow one under the threshold.
        assert len(counts) < 2 or sum(counts.values()) - (len(counts) - 1) < t
        return
    assert hid <= set(counts)
    assert {v for v, n in counts.items() if n < t} <= hid
    assert len(hid) >= 2
    assert sum(counts[v] for v in hid) - (len(hid) - 1) >= t
    # Smallest first: no cell hidden for the others' sake is larger than a cell left shown.
    secondary = [counts[v] for v in hid if counts[v] >= t]
    left = [n for v, n in counts.items() if v not in hid]
    if secondary and left:
        assert max(secondary) <= min(left)


@settings(max_examples=200, deadline=None)
@given(COUNTS, st.integers(2, 10))
def test_a_table_shows_no_small_cell_and_leaves_no_small_remainder(counts: dict[str, int], t: int) -> None:
    values = [v for v, n in counts.items() for _ in range(n)]
    table = fig.table("x", values, t)
    total = sum(counts.values())
    if total < t or fig.suppressed_values(counts, t) is None:
        assert table == Table("x", None)
        return
    assert table.total == total
    assert [c.value for c in table.cells] == sorted(counts)
    visible = shown(table)
    assert all(n >= t for n in visible.values())
    assert all(counts[v] == n for v, n in visible.items())
    rest = total - sum(visible.values())
    assert (rest == 0) == (not hidden(table))
    if hidden(table):
        assert len(hidden(table)) >= 2
        assert rest - (len(hidden(table)) - 1) >= t


CASE = st.builds(
    facts,
    st.sampled_from(("grievance", "sickness", "pay", "other")),
    st.integers(0, 200).map(lambda d: T0 + timedelta(days=d)),
    st.none() | st.integers(0, 120),
    st.none() | st.sampled_from(("upheld", "not-upheld", "settled")),
    st.none() | st.sampled_from(("stage-1", "stage-2")),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(CASE, max_size=40), st.integers(2, 8))
def test_the_figures_of_any_cases_show_no_small_number(cases: Sequence[CaseFacts], t: int) -> None:
    result = fig.figures(cases, threshold=t)
    assert_nothing_can_be_worked_out(result)
    closed = [c for c in cases if c.closed_at is not None]
    # Every table counts the same cases: a total shown is the number of cases, in every table.
    assert {t_.total for t_ in result.tables} <= {None, len(cases)}
    if len(cases) < t:
        assert all(t_.total is None for t_ in result.tables)
    assert (result.median_days_to_resolution is None) == (len(closed) < t)
