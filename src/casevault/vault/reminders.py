"""Reminders (issue 4): what is due, snoozes and dismissals, hearing and meeting dates, and the
originals held. The rules live in casework/reminders.py and take `now`; the SQL in store/.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from casevault.casework import reminders as reminder_rules
from casevault.casework import rules
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import CASE_DATE_KINDS, CaseDate
from casevault.store import meetings as meeting_rows
from casevault.store import originals as original_rows
from casevault.store import reminders as reminder_rows
from casevault.store import settings as settings_rows
from casevault.store.db import Database
from casevault.vault.session import Session

log = logging.getLogger(__name__)

PAGE = 200  # reminders a list shows before "and N more"


@dataclass(frozen=True)
class Agenda:
    """What the agenda shows: the first page of `agenda_page`, and `case_dates_between` (how many
    hearings and meetings, and the first page of them as (reference, date))."""

    page: reminder_rules.ReminderPage
    dates_total: int
    dates: list[tuple[str, CaseDate]]


def _settings(db: Database) -> reminder_rules.Settings:
    """The rules' settings, with the rep's deadline lead times (Preferences) if set."""
    raw = settings_rows.get(db, reminder_rules.DEADLINE_LEADS_SETTING)
    try:
        leads = reminder_rules.DEADLINE_LEADS_DEFAULT if raw is None else reminder_rules.parse_leads(raw)
    except ValueError:
        log.warning("reminder.deadline-leads-unreadable")
        leads = reminder_rules.DEADLINE_LEADS_DEFAULT
    return reminder_rules.Settings(deadline_leads=leads)


def _checked_page(now: datetime | None, limit: int) -> None:
    if now is not None and now.tzinfo is None:
        raise UsageError("A time for the reminders needs its time zone.")
    if limit < 0:
        raise UsageError("A page of reminders holds zero or more.")


def _checked_range(since: datetime, until: datetime, limit: int) -> None:
    if since.tzinfo is None or until.tzinfo is None:
        raise UsageError("A range of dates needs times with their time zone.")
    if limit < 0:
        raise UsageError("A page of dates holds zero or more.")


class Reminders:
    def __init__(self, session: Session, *, explain_overdue: Callable[[str, str], None]) -> None:
        self._s = session
        self._explain_overdue = explain_overdue

    # ---- reminders ---------------------------------------------------------------------------

    def _rules(self) -> reminder_rules.Settings:
        return _settings(self._s.db)

    def deadline_leads(self) -> tuple[int, ...]:
        return self._rules().deadline_leads

    def set_deadline_leads(self, leads: tuple[int, ...]) -> None:
        try:
            text = reminder_rules.leads_text(leads)
        except ValueError:
            raise UsageError(
                f"Lead times are whole days from 1 to {reminder_rules.MAX_LEAD_DAYS}, "
                "such as 28, 14, 7, 2, 1."
            ) from None
        with self._s.db.transaction():
            settings_rows.put(self._s.db, reminder_rules.DEADLINE_LEADS_SETTING, text)

    def _all_reminders(self, until: datetime | None = None) -> list[reminder_rules.Reminder]:
        """Every reminder, or (with `until`) those due by then: the store then reads only the
        records that can be due, which is what keeps a check fast at 100k cases."""
        found = reminder_rows.sources(
            self._s.db,
            reminder_rows.EVERYTHING if until is None else reminder_rules.horizon(until, self._rules()),
        )
        return reminder_rules.all_reminders(found, self._rules())

    def reminders(self, now: datetime | None = None) -> list[reminder_rules.Reminder]:
        """What is due at `now` (default: the clock), not dismissed or snoozed; oldest first."""
        moment = now or self._s.now()
        return reminder_rules.due(self._all_reminders(moment), moment, reminder_rows.states(self._s.db))

    def reminder_page(self, now: datetime | None = None, limit: int = PAGE) -> reminder_rules.ReminderPage:
        """The first `limit` of `reminders(now)`, and how many there are: what the GUI's list
        and banner and the CLI show, read without building every reminder of a busy vault."""
        _checked_page(now, limit)
        return self._reminder_page(self._s.db, now or self._s.now(), limit)

    def reminder_page_reader(
        self, now: datetime | None = None, limit: int = PAGE
    ) -> Callable[[], reminder_rules.ReminderPage]:
        """`reminder_page` as work for another thread, on a connection of its own: the GUI's
        check each minute reads there (100-500 ms at 100k cases). The arguments are checked
        here, at once, and `now` defaults to the clock now, not when the work runs."""
        _checked_page(now, limit)
        moment = now or self._s.now()
        return self._s.on_own_connection(lambda db: self._reminder_page(db, moment, limit))

    def agenda_page(
        self, now: datetime | None = None, days: int = 30, limit: int = PAGE
    ) -> reminder_rules.ReminderPage:
        """The first `limit` of `agenda(now, days)`, and how many there are."""
        _checked_page(now, limit)
        return self._agenda_page(self._s.db, now or self._s.now(), days, limit)

    def agenda_reader(
        self,
        now: datetime | None = None,
        days: int = 30,
        limit: int = PAGE,
        *,
        dates_since: datetime | None = None,
    ) -> Callable[[], Agenda]:
        """`agenda_page(now, days, limit)` and `case_dates_between(dates_since, now + days,
        limit)` (`dates_since` defaults to `now`) as work for another thread, on a connection
        of its own. The arguments are checked here, at once."""
        _checked_page(now, limit)
        moment = now or self._s.now()
        since, until = dates_since or moment, moment + timedelta(days=days)
        _checked_range(since, until, limit)

        def read(db: Database) -> Agenda:
            page = self._agenda_page(db, moment, days, limit)
            return Agenda(page, *reminder_rows.case_dates_between(db, since, until, limit))

        return self._s.on_own_connection(read)

    @staticmethod
    def _reminder_page(db: Database, moment: datetime, limit: int) -> reminder_rules.ReminderPage:
        states = reminder_rows.states(db)
        return Reminders._page(
            db,
            moment,
            moment,
            reminder_rules.hidden_keys(states, moment),
            limit,
            shown=lambda found: reminder_rules.due(found, moment, states),
        )

    @staticmethod
    def _agenda_page(db: Database, moment: datetime, days: int, limit: int) -> reminder_rules.ReminderPage:
        states = reminder_rows.states(db)
        return Reminders._page(
            db,
            moment,
            moment + timedelta(days=days),
            reminder_rules.hidden_keys(states, moment, snoozed=False),
            limit,
            shown=lambda found: reminder_rules.agenda(found, moment, states, days),
        )

    @staticmethod
    def _page(
        db: Database,
        now: datetime,
        until: datetime,
        hidden: set[str],
        limit: int,
        *,
        shown: Callable[[list[reminder_rules.Reminder]], list[reminder_rules.Reminder]],
    ) -> reminder_rules.ReminderPage:
        """Of each kind only the rows a first page can take (`limit` plus one for each hidden
        key, since each can hide at most one), then the count less the listed ones hidden
        (each record's one listed reminder: a deadline has several, one listed at a time)."""
        _checked_page(now, limit)
        rules = _settings(db)
        horizon = reminder_rules.horizon(until, rules)
        bands = reminder_rules.deadline_bands(now, until, rules.deadline_leads)
        found = reminder_rules.all_reminders(
            reminder_rows.sources(db, horizon, first=limit + len(hidden), deadline_bands=bands), rules
        )
        first = shown(found)[:limit]
        records = {reminder_rules.record_of(key) for key in hidden}
        hiding = reminder_rules.all_reminders(reminder_rows.sources(db, horizon, records=records), rules)
        listed = reminder_rules.one_per_deadline(hiding, now, until)
        total = reminder_rows.count(db, horizon) - sum(
            1 for r in listed if r.key in hidden and r.due_at <= until
        )
        return reminder_rules.ReminderPage(total, first)

    def expired_refs(self, now: datetime | None = None) -> list[str]:
        """The cases whose archive-period reminder is due at `now` (not dismissed or snoozed),
        however many other reminders are due: what "Delete all expired" deletes."""
        moment = now or self._s.now()
        found = reminder_rows.sources(
            self._s.db, reminder_rules.horizon(moment, self._rules()), kinds=[reminder_rules.ARCHIVE_EXPIRED]
        )
        states = reminder_rows.states(self._s.db)
        due = reminder_rules.due(reminder_rules.all_reminders(found, self._rules()), moment, states)
        return sorted({r.ref for r in due})

    def agenda(self, now: datetime | None = None, days: int = 30) -> list[reminder_rules.Reminder]:
        """Overdue and coming reminders up to `days` ahead, not dismissed, in due order."""
        moment = now or self._s.now()
        found = self._all_reminders(moment + timedelta(days=days))
        return reminder_rules.agenda(found, moment, reminder_rows.states(self._s.db), days)

    def dismiss_reminder(self, key: str, reason: str = "") -> None:
        """Dismiss a reminder. An overdue deadline needs a reason, kept on the deadline."""
        case_id = self._reminder_case(key)
        with self._s.db.transaction():
            if key.startswith(reminder_rules.DEADLINE_OVERDUE + ":"):
                if not reason.strip():
                    raise UsageError(
                        "An overdue deadline is dismissed only with a reason: say why it can be set aside."
                    )
                self._explain_overdue(reminder_rules.record_of(key), reason)
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
        records = reminder_rows.sources(self._s.db, records=[reminder_rules.record_of(key)])
        found = next((r for r in reminder_rules.all_reminders(records, self._rules()) if r.key == key), None)
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
        now = self._s.now()
        with self._s.db.transaction():
            reminder_rows.insert_case_date(self._s.db, case_id, date, now)
            self._s.audit("case-date.added", rules.normalise_ref(ref), date.id, now=now)
        log.info("case-date.added %s %s", kind, date.id)
        return date.id

    def case_dates(self, ref: str) -> list[CaseDate]:
        return reminder_rows.case_dates(self._s.db, self._s.case_id(ref))

    def case_dates_between(
        self, since: datetime, until: datetime, limit: int = PAGE
    ) -> tuple[int, list[tuple[str, CaseDate]]]:
        """Every open case's hearings and meetings from `since` up to `until`, in time order:
        how many, and the first `limit` as (reference, date). What the agenda shows on their own
        day, beside the reminder raised two days before."""
        _checked_range(since, until, limit)
        return reminder_rows.case_dates_between(self._s.db, since, until, limit)

    def remove_case_date(self, date_id: str) -> None:
        with self._s.db.transaction():
            case_id = reminder_rows.delete_case_date(self._s.db, date_id)
            if case_id is None:
                raise NotFoundError(f"There is no case date {date_id!r} in this vault.")
            self._s.audit("case-date.removed", self._s.ref_of(case_id), date_id)
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
        action = "first-meeting.originals-returned" if returned else "first-meeting.originals-held"
        with self._s.db.transaction():
            meeting_rows.set_originals_returned(
                self._s.db, self._s.case_id(ref), now if returned else None, now
            )
            self._s.audit(action, rules.normalise_ref(ref), now=now)
        log.info("originals.returned %s", returned)
