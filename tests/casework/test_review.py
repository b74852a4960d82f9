"""Review against the first meeting: each action point's status at `now`, and each issue's
coverage by the paper trail and the action points since the meeting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from casevault.casework import review
from casevault.core.model import ActionPoint, Event, FirstMeeting

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
HELD = NOW - timedelta(days=20)


def _action(
    what: str,
    due: datetime | None = None,
    done: datetime | None = None,
    created: datetime = NOW - timedelta(days=10),
) -> ActionPoint:
    return ActionPoint(what, what, "Rep", due, done, created)


def _entry(body: str, at: datetime = NOW - timedelta(days=5), kind: str = "note") -> Event:
    return Event(body, kind, at, at, body)


def _meeting(*issues: str, held: datetime | None = HELD) -> FirstMeeting:
    return FirstMeeting(held_at=held, issues=issues)


def _issue(issue: str, *bodies: str, actions: tuple[ActionPoint, ...] = ()) -> review.ReviewRow:
    found = review.review(_meeting(issue), actions, NOW, events=[_entry(b) for b in bodies])
    return found.rows[0]


def _covered(issue: str, body: str) -> bool:
    return _issue(issue, body).status == review.COVERED


def test_status_of_each_action_point() -> None:
    assert review.action_status(_action("a", NOW - timedelta(minutes=1)), NOW) == review.OVERDUE
    assert review.action_status(_action("a", NOW), NOW) == review.OVERDUE
    assert review.action_status(_action("a", NOW + timedelta(days=1)), NOW) == review.DUE
    assert review.action_status(_action("a"), NOW) == review.NO_DATE
    assert review.action_status(_action("a", NOW - timedelta(days=3), NOW), NOW) == review.DONE


def test_issues_first_then_overdue_due_undated_done() -> None:
    found = review.review(
        FirstMeeting(issues=("Issue one",)),
        [
            _action("done", NOW, NOW),
            _action("undated"),
            _action("later", NOW + timedelta(days=9)),
            _action("soon", NOW + timedelta(days=1)),
            _action("late", NOW - timedelta(days=1)),
        ],
        NOW,
        events=[],
    )
    assert [r.text for r in found.rows] == ["Issue one", "late", "soon", "later", "undated", "done"]
    assert (found.issues, found.not_covered, found.actions, found.open, found.overdue) == (1, 1, 5, 4, 1)


def test_an_empty_case_has_nothing_to_review() -> None:
    found = review.review(FirstMeeting(), [], NOW, events=[])
    assert found.rows == ()
    assert (found.issues, found.not_covered, found.actions, found.open, found.overdue) == (0, 0, 0, 0, 0)


# ---- coverage --------------------------------------------------------------------------------


def test_an_issue_is_covered_by_an_entry_using_its_words_in_any_form() -> None:
    assert _covered("Unfair warning", "Wrote to HR: both warnings were UNFAIR.")
    assert _covered("Rota changes", "Asked the manager why the rota changed.")
    assert _covered("Rota changes", "Changing the rota without notice is the complaint.")
    assert _covered("Policies on overtime", "Read the overtime policy again.")
    assert _covered("Member bullied by manager", "Bullying: the manager's emails to the member.")
    assert not _covered("Holiday refused", "The refusal of holiday")  # "refusal" is another word


def test_accents_and_case_are_folded() -> None:
    assert _covered("Congés refusés", "conges refuses, voir le courrier")
    assert _covered("conges refuses", "CONGÉS REFUSÉS par la direction")
    assert _covered("Nguyễn's grievance", "Grievance lodged for nguyen")
    # the same word whether typed with a combining accent or a precomposed one
    assert _covered("Cong\u0065\u0301 refuse\u0301", "Congé refusé")


def test_every_key_word_of_a_short_issue_is_needed() -> None:
    assert not _covered("Unfair warning", "Wrote to HR about the warning.")
    assert not _covered("Rota changes", "Asked for the rota.")


def test_a_long_issue_needs_more_than_half_of_its_key_words() -> None:
    issue = (
        "Unfair disciplinary warning without investigation"  # unfair, disciplinary, warning, investigation
    )
    assert review.issue_words(issue) == ("unfair", "disciplinary", "warning", "investigation")
    assert review.words_needed(4) == 3
    assert _covered(issue, "Asked for the investigation notes behind the unfair warning.")
    assert not _covered(issue, "Asked for the investigation notes behind the warning.")


def test_short_words_count_and_only_whole_words_match() -> None:
    assert review.issue_words("Pay") == ("pay",)
    assert review.issue_words("HR ignored the rota") == ("hr", "ignored", "rota")
    assert _covered("Pay", "Checked the pay slips with the member.")
    assert _covered("Pay", "Both pays were late.")
    assert not _covered("Pay", "Agreed a repayment plan.")
    assert not _covered("Pay", "Payroll called back.")


def test_an_issue_of_function_words_only_is_looked_for_by_all_of_them() -> None:
    assert review.issue_words("Who and when") == ("who", "and", "when")
    assert _covered("Who and when", "Asked who was there and when.")
    assert not _covered("Who and when", "Asked who was there.")


def test_an_issue_with_no_words_is_never_covered() -> None:
    assert review.issue_words("?!") == ()
    assert _issue("?!", "Anything at all", "?!").status == review.NOT_COVERED


def test_only_what_came_after_the_first_meeting_counts() -> None:
    entries = [
        _entry("Before the meeting: unfair warning mentioned", HELD - timedelta(days=1)),
        _entry("Meeting: issues agreed: unfair warning", HELD),  # the meeting's own note
        _entry("Wrote about the unfair warning", HELD + timedelta(minutes=1)),
    ]
    (row,) = review.review(_meeting("Unfair warning"), [], NOW, events=entries).rows
    assert [c.text for c in row.covered_by] == ["Wrote about the unfair warning"]
    (row,) = review.review(_meeting("Unfair warning"), [], NOW, events=entries[:2]).rows
    assert row.status == review.NOT_COVERED


def test_with_no_meeting_date_everything_counts() -> None:
    early = _entry("Unfair warning raised by phone", HELD - timedelta(days=30))
    (row,) = review.review(_meeting("Unfair warning", held=None), [], NOW, events=[early]).rows
    assert row.status == review.COVERED
    (row,) = review.review(_meeting("Unfair warning"), [], NOW, events=[early]).rows
    assert row.status == review.NOT_COVERED


def test_an_issue_covered_only_by_an_action_point() -> None:
    get_rota = _action("Get the rota changes in writing", created=HELD + timedelta(hours=2))
    row = _issue("Rota changes", "Called the member back.", actions=(get_rota,))
    assert row.status == review.COVERED
    assert (row.entries, row.action_points, row.latest_at) == (0, 1, HELD + timedelta(hours=2))
    assert row.covered_by == (review.Cover(review.ACTION, get_rota.id, get_rota.created_at, get_rota.what),)


def test_an_action_point_counts_from_when_it_was_done_or_recorded() -> None:
    before = HELD - timedelta(days=2)
    open_before = _action("Ask about the rota changes", created=before)
    done_after = _action("Check the rota changes", done=HELD + timedelta(days=3), created=before)
    done_before = _action("Print the rota changes", done=HELD - timedelta(days=1), created=before)
    row = _issue("Rota changes", actions=(open_before, done_after, done_before))
    assert [c.id for c in row.covered_by] == [done_after.id]
    assert row.latest_at == HELD + timedelta(days=3)


def test_coverage_counts_entries_and_action_points_latest_first() -> None:
    entries = [
        _entry("Unfair warning: wrote to HR", HELD + timedelta(days=1)),
        _entry("Unfair warning: HR replied", HELD + timedelta(days=6)),
        _entry("Rota: nothing new", HELD + timedelta(days=7)),
    ]
    action = _action("Appeal the unfair warning", created=HELD + timedelta(days=2))
    found = review.review(_meeting("Unfair warning", "Unpaid overtime"), [action], NOW, events=entries)
    warning, overtime, action_row = found.rows
    assert (warning.status, warning.entries, warning.action_points) == (review.COVERED, 2, 1)
    assert [c.at for c in warning.covered_by] == [
        HELD + timedelta(days=6),
        HELD + timedelta(days=2),
        HELD + timedelta(days=1),
    ]
    assert warning.latest_at == HELD + timedelta(days=6)
    assert (overtime.status, overtime.covered_by, overtime.latest_at) == (review.NOT_COVERED, (), None)
    assert action_row.kind == review.ACTION and action_row.status == review.NO_DATE
    assert (found.issues, found.not_covered) == (2, 1)


def test_the_apps_own_conflict_check_entries_never_count() -> None:
    check = _entry("Conflict check: manager, no conflict", kind="conflict-check")
    (row,) = review.review(_meeting("Conflict with manager"), [], NOW, events=[check]).rows
    assert row.status == review.NOT_COVERED
    (row,) = review.review(_meeting("Conflict with manager"), [], NOW, events=[_entry(check.body)]).rows
    assert row.status == review.COVERED


# ---- properties ------------------------------------------------------------------------------

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@given(_text)
def test_an_entry_repeating_the_issue_covers_it_whenever_it_has_words(issue: str) -> None:
    row = _issue(issue, issue)
    assert (row.status == review.COVERED) == bool(review.issue_words(issue))


@given(_text, st.lists(_text, max_size=4), st.integers(0, 10_000))
def test_nothing_at_or_before_the_meeting_ever_counts(issue: str, bodies: list[str], minutes: int) -> None:
    early = [_entry(b, HELD - timedelta(minutes=minutes)) for b in bodies]
    early_actions = [_action(b, created=HELD - timedelta(minutes=minutes)) for b in bodies]
    found = review.review(_meeting(issue), early_actions, NOW, events=early)
    assert found.rows[0].status == review.NOT_COVERED
    assert found.not_covered == 1
