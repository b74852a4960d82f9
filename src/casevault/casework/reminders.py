"""What is due, computed from records and `now` alone (no clocks, no timers, no Qt).

`all_reminders` turns the records that can raise a reminder (`Sources`, read by the store) into
every reminder with its due time, whatever the time now. `due` and `agenda` then apply `now` and
the rep's snoozes and dismissals. Because nothing depends on when the last check ran, a reminder
that fell due while the app was closed or the laptop asleep is simply due at the next check
(catch-up). Times are UTC; the GUI shows them in local time.

A reminder's `key` names its kind, its record and its due time, so snoozing or dismissing it is
stored against exactly that reminder; if the record's date moves, it is a new reminder.
Reminder texts never hold a member's name or case details: they are shown in lists next to the
reference, and the GUI's desktop notification carries only a count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import attrgetter

from casevault.core.i18n import QT_TRANSLATE_NOOP
from casevault.core.model import ActionPoint, CaseDate, CaseSummary

ACTION_DUE = "action-due"
HEARING_SOON = "hearing-soon"
ADVICE_FOLLOW_UP = "advice-follow-up"
ORIGINALS_RETURN = "originals-return"
ESCALATION_UNRECORDED = "escalation-unrecorded"
ARCHIVE_EXPIRED = "archive-expired"
BACKUP_DUE = "backup-due"  # vault-wide: its ref is ""
# A counted deadline (casework.procedure, casework.time_limits): warned at each lead time, on its
# day, and overdue the day after, when dismissing it needs a reason.
DEADLINE_WARNING = "deadline-warning"
DEADLINE_DAY = "deadline-day"
DEADLINE_OVERDUE = "deadline-overdue"
DEADLINE_KINDS = frozenset({DEADLINE_WARNING, DEADLINE_DAY, DEADLINE_OVERDUE})
DEADLINE_LEADS_DEFAULT = (28, 14, 7, 2, 1)  # days before a deadline that it is brought up
DEADLINE_LEADS_SETTING = "deadlines.lead_days"
KINDS = (
    ACTION_DUE,
    HEARING_SOON,
    ADVICE_FOLLOW_UP,
    ORIGINALS_RETURN,
    ESCALATION_UNRECORDED,
    ARCHIVE_EXPIRED,
    BACKUP_DUE,
    DEADLINE_WARNING,
    DEADLINE_DAY,
    DEADLINE_OVERDUE,
)
# Settings (inside the vault) that drive the backup reminder.
BACKUP_LAST_SETTING = "backup.last_at"
BACKUP_EVERY_SETTING = "backup.every_days"
BACKUP_EVERY_DEFAULT = 7

TEXTS = {
    ACTION_DUE: QT_TRANSLATE_NOOP("casework", "An action point is due."),
    HEARING_SOON: QT_TRANSLATE_NOOP("casework", "A hearing or meeting is coming up."),
    ADVICE_FOLLOW_UP: QT_TRANSLATE_NOOP(
        "casework", "Advice given orally has not been confirmed in writing yet."
    ),
    ORIGINALS_RETURN: QT_TRANSLATE_NOOP(
        "casework", "The member's original documents have not been returned."
    ),
    ESCALATION_UNRECORDED: QT_TRANSLATE_NOOP(
        "casework", "Escalation was prompted at the first meeting but none is recorded."
    ),
    ARCHIVE_EXPIRED: QT_TRANSLATE_NOOP(
        "casework", "The archive period has ended: delete this case permanently."
    ),
    BACKUP_DUE: QT_TRANSLATE_NOOP("casework", "Time to back up the vault (Vault > Backup…)."),
    DEADLINE_WARNING: QT_TRANSLATE_NOOP("casework", "A deadline is coming up."),
    DEADLINE_DAY: QT_TRANSLATE_NOOP("casework", "A deadline falls today."),
    DEADLINE_OVERDUE: QT_TRANSLATE_NOOP(
        "casework", "A deadline has passed without its stage being recorded as done."
    ),
}


MAX_LEAD_DAYS = 366


def parse_leads(text: str) -> tuple[int, ...]:
    """Lead times as stored or typed ("28, 14, 7, 2, 1"): whole days from 1 to a year, longest
    first; ValueError for anything else."""
    leads = sorted({int(part) for part in text.replace(",", " ").split()}, reverse=True)
    if not leads or not all(0 < lead <= MAX_LEAD_DAYS for lead in leads):
        raise ValueError(f"lead times are whole days from 1 to {MAX_LEAD_DAYS}")
    return tuple(leads)


def leads_text(leads: Iterable[int]) -> str:
    return ", ".join(str(lead) for lead in parse_leads(" ".join(str(lead) for lead in leads)))


@dataclass(frozen=True)
class Settings:
    """How far ahead a hearing is flagged, and how long oral advice may wait for writing."""

    hearing_lead: timedelta = timedelta(days=2)
    follow_up_after: timedelta = timedelta(days=7)
    deadline_leads: tuple[int, ...] = DEADLINE_LEADS_DEFAULT

    @property
    def longest_lead(self) -> timedelta:
        return timedelta(days=max((d for d in self.deadline_leads if d > 0), default=0))


@dataclass(frozen=True)
class Horizon:
    """Per kind of record, the latest stored time whose reminder falls due by some moment, so the
    store fetches only the records that can be due (at 10k cases, 8.9k of 44k advice rows)."""

    retain_until: datetime  # a closed case's archive period
    action_due: datetime
    date_at: datetime  # a hearing or meeting: flagged hearing_lead ahead
    advice_at: datetime  # oral advice: due follow_up_after later
    prompted_at: datetime  # an escalation prompt
    closed_at: datetime  # a closed case holding originals
    deadline_at: datetime  # a counted deadline: warned its longest lead ahead


def horizon(until: datetime, settings: Settings = Settings()) -> Horizon:
    """The records `all_reminders` can make due at or before `until`, as stored-time bounds; it
    mirrors each due time there (so a test holds the two to the same answer)."""
    return Horizon(
        retain_until=until,
        action_due=until,
        date_at=until + settings.hearing_lead,
        advice_at=until - settings.follow_up_after,
        prompted_at=until,
        closed_at=until,
        deadline_at=until + settings.longest_lead,
    )


@dataclass(frozen=True)
class Sources:
    """The records that can raise a reminder. Every item starts with the case reference."""

    closed: tuple[CaseSummary, ...] = ()  # closed cases (the archive period)
    actions: tuple[tuple[str, ActionPoint], ...] = ()  # open cases' dated actions not done
    dates: tuple[tuple[str, CaseDate], ...] = ()  # open cases' hearings and meetings
    advice: tuple[tuple[str, str, str, datetime], ...] = ()  # (ref, event id, kind, when)
    escalations: tuple[tuple[str, str, datetime, bool], ...] = ()  # (ref, case id, prompted, recorded)
    originals: tuple[tuple[str, str, datetime], ...] = ()  # closed, originals held: (ref, case id, closed)
    # Undone deadlines of open cases: (ref, deadline id, the start of its due day).
    deadlines: tuple[tuple[str, str, datetime], ...] = ()
    # Vault-wide: (vault in use since, last backup or None, every N days; 0 = never remind).
    backup: tuple[datetime | None, datetime | None, int] | None = None


@dataclass(frozen=True, slots=True)  # slots: a check at 10k cases builds 9k of them
class Reminder:
    kind: str
    ref: str
    due_at: datetime
    text: str  # says what to do; never holds a member's name
    key: str = ""  # kind, record and due time: for snooze and dismiss


@dataclass(frozen=True)
class ReminderState:
    dismissed: bool = False
    snoozed_until: datetime | None = None


_DUE_ORDER = attrgetter("due_at", "ref", "kind")


def _reminder(kind: str, ref: str, record: str, due_at: datetime) -> Reminder:
    return Reminder(kind, ref, due_at, TEXTS[kind], f"{kind}:{record}:{due_at.timestamp():.0f}")


def all_reminders(sources: Sources, settings: Settings = Settings()) -> list[Reminder]:
    """Every reminder the records raise, each with its due time, oldest first."""
    found = [
        _reminder(ARCHIVE_EXPIRED, case.ref, case.id, case.retain_until)
        for case in sources.closed
        if case.status == "closed" and case.retain_until is not None
    ]
    found += [
        _reminder(ACTION_DUE, ref, action.id, action.due_at)
        for ref, action in sources.actions
        if action.done_at is None and action.due_at is not None
    ]
    found += [_reminder(HEARING_SOON, ref, d.id, d.at - settings.hearing_lead) for ref, d in sources.dates]
    found += list(_advice_follow_ups(sources.advice, settings.follow_up_after))
    found += [
        _reminder(ESCALATION_UNRECORDED, ref, case_id, prompted)
        for ref, case_id, prompted, recorded in sources.escalations
        if not recorded
    ]
    found += [_reminder(ORIGINALS_RETURN, ref, case_id, closed) for ref, case_id, closed in sources.originals]
    found += backup_reminder(sources.backup)
    for ref, deadline_id, day in sources.deadlines:
        found += deadline_reminders(ref, deadline_id, day, settings.deadline_leads)
    return sorted(found, key=_DUE_ORDER)


def deadline_reminders(ref: str, deadline_id: str, day: datetime, leads: Iterable[int]) -> list[Reminder]:
    """A deadline's reminders: one per lead time before its day, its day, and overdue after it.
    Only one of them is listed at a time (`one_per_deadline`)."""
    found = [
        _reminder(DEADLINE_WARNING, ref, deadline_id, day - timedelta(days=lead))
        for lead in sorted(set(leads))
        if lead > 0
    ]
    found.append(_reminder(DEADLINE_DAY, ref, deadline_id, day))
    found.append(_reminder(DEADLINE_OVERDUE, ref, deadline_id, day + timedelta(days=1)))
    return found


@dataclass(frozen=True)
class DeadlineBand:
    """Deadlines whose day is after `after` (None: however early) and at or before `through`:
    each is listed at its day plus `offset`, which is what lets a first page read a few
    deadlines in listed order through the due-day index, as every other kind is read."""

    after: datetime | None
    through: datetime
    offset: timedelta


def deadline_bands(now: datetime, until: datetime, leads: Iterable[int]) -> tuple[DeadlineBand, ...]:
    """The days that `one_per_deadline(..., now, until)` lists at the same offset: overdue (a
    day after), on its day, then one band per lead time (that many days before). It mirrors
    that rule and `deadline_reminders`, and a test holds the three to the same answer."""
    one_day = timedelta(days=1)
    overdue_through = min(now, until) - one_day
    bands = [DeadlineBand(None, overdue_through, one_day), DeadlineBand(overdue_through, until, timedelta(0))]
    after = until
    for lead in sorted({lead for lead in leads if lead > 0}):
        through = until + timedelta(days=lead)
        bands.append(DeadlineBand(after, through, -timedelta(days=lead)))
        after = through
    return tuple(bands)


def one_per_deadline(reminders: list[Reminder], now: datetime, until: datetime) -> list[Reminder]:
    """Of each deadline's reminders due by `until`, the latest, except that overdue counts only
    once it is due by `now`: the list holds one line per deadline, whatever its state (so a
    dismissed 28-day warning is followed by the 14-day one, not by both)."""
    latest: dict[str, Reminder] = {}
    for reminder in reminders:
        if reminder.kind not in DEADLINE_KINDS or reminder.due_at > until:
            continue
        if reminder.kind == DEADLINE_OVERDUE and reminder.due_at > now:
            continue
        record = record_of(reminder.key)
        if record not in latest or reminder.due_at > latest[record].due_at:
            latest[record] = reminder
    keep = {id(r) for r in latest.values()}
    return [r for r in reminders if r.kind not in DEADLINE_KINDS or id(r) in keep]


def _advice_follow_ups(
    advice: Iterable[tuple[str, str, str, datetime]], wait: timedelta
) -> Iterable[Reminder]:
    """Oral advice with no written advice on the same case at or after it."""
    written: dict[str, list[datetime]] = {}
    for ref, _id, kind, when in advice:
        if kind == "advice-written":
            written.setdefault(ref, []).append(when)
    for ref, event_id, kind, when in advice:
        if kind == "advice" and not (ref in written and any(w >= when for w in written[ref])):
            yield _reminder(ADVICE_FOLLOW_UP, ref, event_id, when + wait)


def backup_reminder(backup: tuple[datetime | None, datetime | None, int] | None) -> list[Reminder]:
    """The "time to back up" reminder: every N days after the last backup, or, never backed up, N days after
    the vault came into use. Vault-wide, so its ref is ""."""
    if backup is None:
        return []
    since, last, every_days = backup
    start = last or since
    if every_days <= 0 or start is None:
        return []
    return [_reminder(BACKUP_DUE, "", "vault", start + timedelta(days=every_days))]


_NO_STATE = ReminderState()


@dataclass(frozen=True)
class ReminderPage:
    """The first reminders in due order, and how many there are in all: a busy vault has tens
    of thousands due, and a list, a banner or a notification needs the count and a screenful."""

    total: int
    first: list[Reminder]


def record_of(key: str) -> str:
    """The record a reminder's key names (its middle part)."""
    parts = key.split(":")
    return parts[1] if len(parts) == 3 else ""


def hidden_keys(states: dict[str, ReminderState], now: datetime, *, snoozed: bool = True) -> set[str]:
    """The keys `due` (with `snoozed`) or `agenda` (without) would leave out, due or not."""
    return {
        key
        for key, state in states.items()
        if state.dismissed or (snoozed and state.snoozed_until is not None and state.snoozed_until > now)
    }


def _visible(reminder: Reminder, states: dict[str, ReminderState], now: datetime) -> bool:
    state = states.get(reminder.key)
    if state is None:
        return True
    if state.dismissed:
        return False
    return state.snoozed_until is None or state.snoozed_until <= now


def due(reminders: Iterable[Reminder], now: datetime, states: dict[str, ReminderState]) -> list[Reminder]:
    """What is due at `now`: due by then, not dismissed, not snoozed past `now`; oldest first."""
    listed = one_per_deadline(list(reminders), now, now)
    return [r for r in listed if r.due_at <= now and _visible(r, states, now)]


def agenda(
    reminders: Iterable[Reminder], now: datetime, states: dict[str, ReminderState], days: int = 30
) -> list[Reminder]:
    """Overdue and coming reminders up to `days` ahead, not dismissed, in due order. A snoozed
    reminder is listed too: the agenda is the whole picture, snoozing only quiets the alert."""
    until = now + timedelta(days=days)
    listed = one_per_deadline(list(reminders), now, until)
    shown = [r for r in listed if r.due_at <= until and not states.get(r.key, _NO_STATE).dismissed]
    return sorted(shown, key=_DUE_ORDER)


def due_reminders(
    cases: Iterable[CaseSummary], now: datetime, actions: Iterable[tuple[str, ActionPoint]] = ()
) -> list[Reminder]:
    """Closed cases past their archive period, and action points due by `now` (no snoozes)."""
    return due(all_reminders(Sources(closed=tuple(cases), actions=tuple(actions))), now, {})
