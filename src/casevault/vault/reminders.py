"""Reminders (issue 4): what is due, snoozes and dismissals, hearing and meeting dates, and the
originals held. The rules live in casework/reminders.py and take `now`; the SQL in store/.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta

from casevault.casework import reminders as reminder_rules
from casevault.casework import rules
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import CASE_DATE_KINDS, CaseDate
from casevault.store import meetings as meeting_rows
from casevault.store import originals as original_rows
from casevault.store import reminders as reminder_rows
from casevault.vault.session import Session

log = logging.getLogger(__name__)


class Reminders:
    def __init__(self, session: Session) -> None:
        self._s = session

    # ---- reminders ---------------------------------------------------------------------------

    def _all_reminders(self, until: datetime | None = None) -> list[reminder_rules.Reminder]:
        """Every reminder, or (with `until`) those due by then: the store then reads only the
        records that can be due, which is what keeps a check fast at 100k cases."""
        found = reminder_rows.sources(
            self._s.db, reminder_rows.EVERYTHING if until is None else reminder_rules.horizon(until)
        )
        return reminder_rules.all_reminders(found)

    def reminders(self, now: datetime | None = None) -> list[reminder_rules.Reminder]:
        """What is due at `now` (default: the clock), not dismissed or snoozed; oldest first."""
        moment = now or self._s.now()
        return reminder_rules.due(self._all_reminders(moment), moment, reminder_rows.states(self._s.db))

    def agenda(self, now: datetime | None = None, days: int = 30) -> list[reminder_rules.Reminder]:
        """Overdue and coming reminders up to `days` ahead, not dismissed, in due order."""
        moment = now or self._s.now()
        found = self._all_reminders(moment + timedelta(days=days))
        return reminder_rules.agenda(found, moment, reminder_rows.states(self._s.db), days)

    def dismiss_reminder(self, key: str) -> None:
        case_id = self._reminder_case(key)
        with self._s.db.transaction():
            reminder_rows.set_state(self._s.db, key, case_id, dismissed_at=self._s.now(), snoozed_until=None)
        log.info("reminder.dismissed %s", key.split(":", 1)[0])

    def snooze_reminder(self, key: str, until: datetime) -> None:
        if until.tzinfo is None:
            raise UsageError("A snooze needs a time with its time zone.")
        case_id = self._reminder_case(key)
        with self._s.db.transaction():
            reminder_rows.set_state(self._s.db, key, case_id, dismissed_at=None, snoozed_until=until)
        log.info("reminder.snoozed %s", key.split(":", 1)[0])

    def _reminder_case(self, key: str) -> str:
        found = next((r for r in self._all_reminders() if r.key == key), None)
        if found is None:
            raise NotFoundError("That reminder is no longer due (its record changed or was removed).")
        return self._s.case_id(found.ref)

    # ---- hearings and meetings -----------------------------------------------------------------

    def add_case_date(self, ref: str, kind: str, at: datetime, note: str = "") -> str:
        if kind not in CASE_DATE_KINDS:
            raise UsageError(f"A case date is one of: {', '.join(CASE_DATE_KINDS)}.")
        if at.tzinfo is None:
            raise UsageError("A case date needs a time with its time zone.")
        try:
            text = rules.clean_text(note, field="note", max_chars=500, required=False)
        except ValueError as err:
            raise UsageError(str(err)) from None
        case_id = self._s.case_id(ref)
        date = CaseDate(secrets.token_hex(16), kind, at, text)
        reminder_rows.insert_case_date(self._s.db, case_id, date, self._s.now())
        log.info("case-date.added %s %s", kind, date.id)
        return date.id

    def case_dates(self, ref: str) -> list[CaseDate]:
        return reminder_rows.case_dates(self._s.db, self._s.case_id(ref))

    def remove_case_date(self, date_id: str) -> None:
        if reminder_rows.delete_case_date(self._s.db, date_id) is None:
            raise NotFoundError(f"There is no case date {date_id!r} in this vault.")
        log.info("case-date.removed %s", date_id)

    # ---- originals -------------------------------------------------------------------------------

    def originals_outstanding(self, ref: str) -> bool:
        """Originals were received at the first meeting and are not recorded as returned, or an
        item in the originals register (issue 5) is not returned."""
        case_id = self._s.case_id(ref)
        return meeting_rows.originals_outstanding(self._s.db, case_id) or original_rows.any_outstanding(
            self._s.db, case_id
        )

    def set_originals_returned(self, ref: str, returned: bool = True) -> None:
        now = self._s.now()
        meeting_rows.set_originals_returned(self._s.db, self._s.case_id(ref), now if returned else None, now)
        log.info("originals.returned %s", returned)
