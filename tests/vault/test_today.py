"""The Today board on a real vault (vault/today.py over store/today.py): deadlines of open cases
only, overdue ones first, hearings in the window, the rep's action points with counts past the
first page, and open cases by stage; bad windows are refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from casevault.casework import today as today_rules
from casevault.core.errors import UsageError
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def test_the_board_reads_open_cases_only(vault: Vault, clock: FakeClock) -> None:
    clock.now = NOW - timedelta(days=30)
    late = vault.new_case("Olu Late")
    vault.start_procedure(late, "acas-disciplinary")
    vault.record_stage_event(vault.stage(late, "hearing").id, (NOW - timedelta(days=20)).date())
    soon = vault.new_case("Sam Soon")
    vault.add_case_date(soon, "hearing", NOW + timedelta(days=2))
    vault.add_case_date(soon, "hearing", NOW + timedelta(days=20))  # past the window
    shut = vault.new_case("Cleo Closed")
    vault.start_procedure(shut, "acas-grievance")
    vault.record_stage_event(vault.stage(shut, "meeting").id, (NOW - timedelta(days=1)).date())
    vault.add_action_point(shut, "Not shown: closed case", owner="me", due_at=NOW)
    vault.close_case(shut, retain_days=30)
    for i in range(4):
        vault.add_action_point(soon, f"Mine {i}", owner="Rep", due_at=NOW + timedelta(days=i))
    vault.add_action_point(soon, "The member's", owner="Member", due_at=NOW)
    clock.now = NOW
    board = vault.today_board(limit=3)
    assert [(i.ref, i.kind, i.overdue) for i in board.coming] == [
        (late, today_rules.DEADLINE, True),
        (soon, today_rules.HEARING, False),
    ]
    assert board.coming_total == 2
    assert [i.what for i in board.waiting] == ["Mine 0", "Mine 1", "Mine 2"] and board.waiting_total == 4
    assert board.open_cases == 2
    assert board.stages == (
        today_rules.StageCount("Disciplinary meeting", 1),
        today_rules.StageCount(today_rules.NO_PROCEDURE, 1),
    )
    vault.complete_deadline(vault.stage(late, "hearing").id, NOW.date())
    assert vault.today_board().stages[0] == today_rules.StageCount("Outcome in writing", 1)


def test_a_window_out_of_range_is_refused(vault: Vault) -> None:
    for days in (0, 367):
        with pytest.raises(UsageError, match="from 1 to 366 days"):
            vault.today_board(days=days)
