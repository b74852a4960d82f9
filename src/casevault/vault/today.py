"""The Today screen's figures (issue 18): the next days' deadlines and hearings, overdue first,
the action points waiting on the rep, and open cases by stage (casework/today.py)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from casevault.casework import today as today_rules
from casevault.core.errors import UsageError
from casevault.store import today as today_rows
from casevault.vault.session import Session

log = logging.getLogger(__name__)
PAGE = 50  # each list's first page; the screen says how many more there are


class TodayBoard:
    def __init__(self, session: Session) -> None:
        self._s = session

    def today_board(
        self, now: datetime | None = None, days: int = today_rules.DEFAULT_DAYS, limit: int = PAGE
    ) -> today_rules.Today:
        if not 1 <= days <= 366:
            raise UsageError("Today looks ahead from 1 to 366 days.")
        moment = now or self._s.now()
        until = moment + timedelta(days=days)
        db = self._s.db
        deadlines, deadline_total = today_rows.deadlines_until(db, until, moment, limit)
        dates, date_total = today_rows.dates_between(db, moment, until, limit)
        coming = today_rules.coming_up(deadlines, dates, moment)
        actions, waiting_total = today_rows.rep_actions(db, limit)
        waiting = today_rules.waiting_order(actions, moment)
        open_cases, stages = today_rows.open_by_stage(db)
        log.info("today.read")
        return today_rules.Today(
            coming=tuple(coming[:limit]),
            coming_total=deadline_total + date_total,
            waiting=tuple(waiting[:limit]),
            waiting_total=waiting_total,
            stages=today_rules.stage_counts(open_cases, stages),
            open_cases=open_cases,
        )
