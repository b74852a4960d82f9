"""Review against the first meeting: each action point's status at `now`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from casevault.casework import review
from casevault.core.model import ActionPoint, FirstMeeting

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def _action(what: str, due: datetime | None = None, done: datetime | None = None) -> ActionPoint:
    return ActionPoint(what, what, "Rep", due, done, NOW - timedelta(days=10))


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
    )
    assert [r.text for r in found.rows] == ["Issue one", "late", "soon", "later", "undated", "done"]
    assert (found.issues, found.actions, found.open, found.overdue) == (1, 5, 4, 1)


def test_an_empty_case_has_nothing_to_review() -> None:
    found = review.review(FirstMeeting(), [], NOW)
    assert found.rows == ()
    assert (found.issues, found.actions, found.open, found.overdue) == (0, 0, 0, 0)
