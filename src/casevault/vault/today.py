"""The Today screen's figures (issue 18): the next days' deadlines and hearings, overdue first,
the action points waiting on the rep, and open cases by stage (casework/today.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from casevault.casework import today as today_rules
from casevault.core.errors import UsageError
from casevault.store import today as today_rows
from casevault.store.db import Database
from casevault.vault.session import Session

log = logging.getLogger(__name__)
PAGE = 50  # each list's first page; the screen says how many more there are


class TodayBoard:
    def __init__(self, session: Session) -> None:
        self._s = session

    def today_board(
        self, now: datetime | None = None, days: int = today_rules.DEFAULT_DAYS, limit: int = PAGE
    ) -> today_rules.Today:
        self._checked(now, days)
        return self._board(self._s.db, now or self._s.now(), days, limit)

    def today_reader(
        self, now: datetime | None = None, days: int = today_rules.DEFAULT_DAYS, limit: int = PAGE
    ) -> Callable[[], today_rules.Today]:
        """`today_board` as work for another thread, on a connection of its own: the GUI reads
        it there each time the reminders are checked. The arguments are checked here, at once,
        and `now` defaults to the clock now, not when the work runs."""
        self._checked(now, days)
        moment = now or self._s.now()
        return self._s.on_own_connection(lambda db: self._board(db, moment, days, limit))

    @staticmethod
    def _checked(now: datetime | None, days: int) -> None:
        if not 1 <= days <= 366:
            raise UsageError("Today looks ahead from 1 to 366 days.")
        if now is not None and now.tzinfo is None:
            raise UsageError("A time for Today needs its time zone.")

    @staticmethod
    def _board(db: Database, moment: datetime, days: int, limit: int) -> today_rules.Today:
        until = moment + timedelta(days=days)
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
