"""What the reminder engine reads (casework.reminders), case dates, and snooze/dismiss state.

Each query returns only the records that can raise a reminder, so evaluating a vault of 100k
cases every minute reads a few indexed rows rather than every case."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from casevault.casework.reminders import (
    ACTION_DUE,
    ADVICE_FOLLOW_UP,
    ARCHIVE_EXPIRED,
    BACKUP_EVERY_DEFAULT,
    BACKUP_EVERY_SETTING,
    BACKUP_LAST_SETTING,
    DEADLINE_WARNING,
    ESCALATION_UNRECORDED,
    HEARING_SOON,
    ORIGINALS_RETURN,
    DeadlineBand,
    Horizon,
    ReminderState,
    Sources,
)
from casevault.core.model import CaseDate
from casevault.store.cases import SUMMARY_COLUMNS, summary_of_row, touch
from casevault.store.db import Database, Row
from casevault.store.escalations import ESCALATION_ENTRIES
from casevault.store.meetings import ACTION_COLUMNS, action_of_row
from casevault.store.timefmt import from_db, from_db_opt, to_db

_LAST = datetime.max.replace(tzinfo=UTC)
EVERYTHING = Horizon(_LAST, _LAST, _LAST, _LAST, _LAST, _LAST, _LAST)


@dataclass(frozen=True)
class _Source:
    """One kind of record that can raise a reminder. `rows` selects it, ending with its stored
    time as `at` and its record id as `record` (the middle part of a reminder's key), bounded by
    `:bound` through an index on that time; `count` counts the same rows, without their case if
    it can. CROSS JOIN fixes SQLite's join order: records first, by their index, then their case;
    a record's `case_open` (schema 15) says whether its case is open without reading the case.
    Rows test the case's status as well: the covering index cases_by_id_status then gives the
    reference, where the case's primary key would read its whole row (4 ms to 85 ms at 100k)."""

    kind: str  # the reminder it raises
    horizon: str  # the Horizon field that bounds it
    rows: str
    count: str
    # A first page takes the rows up to its Nth by stored time: right where a row raises one
    # reminder at a fixed offset from that time; deadlines (one of several lead times) are paged
    # by their bands instead (`_first_deadlines`).
    pageable: bool = True


_CLOSED = _Source(
    ARCHIVE_EXPIRED,
    "retain_until",
    # "+c.status": the retain_until index, not one on status, is the one to use.
    f"SELECT {SUMMARY_COLUMNS}, c.retain_until AS at, c.id AS record "  # noqa: S608 - constant columns
    "FROM cases c JOIN members m ON m.id = c.member_id "
    "WHERE c.retain_until <= :bound AND +c.status = 'closed'",
    "SELECT count(*) FROM cases c WHERE c.retain_until <= :bound AND +c.status = 'closed'",
)
_ACTIONS = _Source(
    ACTION_DUE,
    "action_due",
    "SELECT c.ref, " + ", ".join(f"a.{col}" for col in ACTION_COLUMNS.split(", ")) + ", "  # noqa: S608
    "a.due_at AS at, a.id AS record FROM action_points a CROSS JOIN cases c ON c.id = a.case_id "
    "WHERE a.done_at IS NULL AND a.case_open = 1 AND a.due_at <= :bound AND c.status = 'open'",
    "SELECT count(*) FROM action_points WHERE done_at IS NULL AND case_open = 1 AND due_at <= :bound",
)
_DATES = _Source(
    HEARING_SOON,
    "date_at",
    "SELECT c.ref, d.id, d.kind, d.note, d.at AS at, d.id AS record "
    "FROM case_dates d CROSS JOIN cases c ON c.id = d.case_id WHERE d.case_open = 1 AND d.at <= :bound "
    "AND c.status = 'open'",
    "SELECT count(*) FROM case_dates WHERE case_open = 1 AND at <= :bound",
)
# Oral advice no written advice on its case has followed (casework.reminders'
# _advice_follow_ups rule, kept in the table follow_ups by triggers: schema 11).
_ADVICE = _Source(
    ADVICE_FOLLOW_UP,
    "advice_at",
    "SELECT c.ref, f.event_id, f.advised_at AS at, f.event_id AS record "
    "FROM follow_ups f CROSS JOIN cases c ON c.id = f.case_id "
    "WHERE f.case_open = 1 AND f.advised_at <= :bound",
    "SELECT count(*) FROM follow_ups WHERE case_open = 1 AND advised_at <= :bound",
)
# An escalation is on record when the paper trail holds an "escalation" entry: the one test
# (store/escalations.py), also behind the People tab and the closing guard.
_NO_ESCALATION = "NOT EXISTS (SELECT 1 " + ESCALATION_ENTRIES.format(case="c.id") + ")"
_ESCALATIONS = _Source(
    ESCALATION_UNRECORDED,
    "prompted_at",
    "SELECT c.ref, c.id, f.escalation_prompted_at AS at, c.id AS record "
    "FROM first_meetings f CROSS JOIN cases c ON c.id = f.case_id "
    "WHERE f.escalation_prompted_at <= :bound AND c.status = 'open' AND " + _NO_ESCALATION,
    "SELECT count(*) FROM first_meetings f CROSS JOIN cases c ON c.id = f.case_id "  # noqa: S608
    "WHERE f.escalation_prompted_at <= :bound AND c.status = 'open' AND " + _NO_ESCALATION,
)
# Originals held after closing: from the first meeting, or any item of the originals register
# (issue 5) not returned, each through its partial index. One reminder per case.
_HELD = (
    "SELECT c.ref, c.id, c.closed_at AS at, c.id AS record FROM first_meetings f "
    "CROSS JOIN cases c ON c.id = f.case_id WHERE f.originals_received != '' "
    "AND f.originals_returned_at IS NULL AND c.status = 'closed' AND c.closed_at <= :bound "
    "UNION SELECT c.ref, c.id, c.closed_at AS at, c.id AS record FROM originals o "
    "CROSS JOIN cases c ON c.id = o.case_id "
    "WHERE o.returned_at IS NULL AND c.status = 'closed' AND c.closed_at <= :bound"
)
_ORIGINALS = _Source(
    ORIGINALS_RETURN,
    "closed_at",
    f"SELECT * FROM ({_HELD})",  # noqa: S608 - constant SQL
    f"SELECT count(*) FROM ({_HELD})",  # noqa: S608
)

# Counted deadlines not yet done (schema 12), by the start of their due day.
_DEADLINES = _Source(
    DEADLINE_WARNING,
    "deadline_at",
    "SELECT c.ref, d.id, d.due_at AS at, d.id AS record FROM deadlines d CROSS JOIN cases c "
    "ON c.id = d.case_id WHERE d.done_on IS NULL AND d.case_open = 1 AND d.due_at <= :bound "
    "AND c.status = 'open'",
    "SELECT count(*) FROM deadlines WHERE done_on IS NULL AND case_open = 1 AND due_at <= :bound",
    pageable=False,
)
_ALL = (_CLOSED, _ACTIONS, _DATES, _ADVICE, _ESCALATIONS, _ORIGINALS, _DEADLINES)


def _rows(
    db: Database, source: _Source, bound: str, first: int | None, records: list[str] | None
) -> list[Row]:
    """The source's rows up to `bound`, in stored-time order. With `first`, only the rows up to
    the time of its `first`th row, ties included: they hold whatever of this kind a merged first
    page of `first` can take, whatever the tie-breaks (casework.reminders orders by due time,
    then reference). With `records`, only those records, each looked up by its id."""
    if records is not None:
        if not records:
            return []
        # The records first (CROSS JOIN): a hidden reminder is found by its id, not by a scan of
        # every due row of its kind.
        return db.query(
            f"SELECT s.* FROM json_each(:records) r CROSS JOIN ({source.rows}) s "  # noqa: S608
            "ON s.record = r.value ORDER BY s.at",
            {"bound": bound, "records": json.dumps(records)},
        )
    if first is not None and source.pageable:
        # Found first, on its own: as a second bound inside the query, SQLite kept the wider one.
        cut = db.scalar(
            f"SELECT at FROM ({source.rows}) ORDER BY at LIMIT 1 OFFSET :skip",  # noqa: S608
            {"bound": bound, "skip": max(first - 1, 0)},
        )
        bound = bound if cut is None else min(bound, str(cut))
    return db.query(f"SELECT * FROM ({source.rows}) ORDER BY at", {"bound": bound})  # noqa: S608


def _first_deadlines(db: Database, first: int, bands: Iterable[DeadlineBand]) -> list[Row]:
    """The deadlines a first page of `first` can take: in each band (where every deadline is
    listed at the same offset from its day) the rows up to its `first`th, ties included, then of
    those the rows up to the `first`th by listed time, ties included."""
    listed: list[tuple[datetime, Row]] = []
    for band in bands:
        in_band = f"SELECT * FROM ({_DEADLINES.rows}) WHERE at > :after"  # noqa: S608 - constant SQL
        params = {"bound": to_db(band.through), "after": "" if band.after is None else to_db(band.after)}
        cut = db.scalar(f"{in_band} ORDER BY at LIMIT 1 OFFSET :skip", {**params, "skip": first - 1})
        if cut is not None:
            params["bound"] = min(params["bound"], str(cut))
        listed += [(from_db(row[2]) + band.offset, row) for row in db.query(f"{in_band} ORDER BY at", params)]
    if len(listed) <= first:
        return [row for _at, row in listed]
    last = sorted(at for at, _row in listed)[first - 1]
    return [row for at, row in listed if at <= last]


def sources(
    db: Database,
    horizon: Horizon = EVERYTHING,
    *,
    first: int | None = None,
    records: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
    deadline_bands: Iterable[DeadlineBand] | None = None,
) -> Sources:
    """The records that can raise a reminder due by `horizon` (by default, whatever their due
    time). Each bound is a stored-time comparison through an index, so a query reads only what
    can be due. With `first`, of each kind only what a first page of that many can hold (for
    deadlines, only given the `deadline_bands` of the page's moment: otherwise every one due);
    with `records`, only reminders of those records (the middle part of their keys); with
    `kinds`, only the records that raise those kinds of reminder."""
    wanted = None if records is None else sorted(set(records))
    read_kinds = None if kinds is None else set(kinds)
    if first is not None and first <= 0:
        return Sources()

    def read(source: _Source) -> list[Row]:
        if read_kinds is not None and source.kind not in read_kinds:
            return []
        if source is _DEADLINES and first is not None and wanted is None and deadline_bands is not None:
            return _first_deadlines(db, first, deadline_bands)
        bound = to_db(getattr(horizon, source.horizon))
        return _rows(db, source, bound, first, wanted)

    return Sources(
        closed=tuple(summary_of_row(r) for r in read(_CLOSED)),
        actions=tuple((str(r[0]), action_of_row(r[1:])) for r in read(_ACTIONS)),
        dates=tuple(
            (str(r[0]), CaseDate(str(r[1]), str(r[2]), from_db(r[4]), str(r[3]))) for r in read(_DATES)
        ),
        advice=tuple((str(r[0]), str(r[1]), "advice", from_db(r[2])) for r in read(_ADVICE)),
        escalations=tuple((str(r[0]), str(r[1]), from_db(r[2]), False) for r in read(_ESCALATIONS)),
        originals=tuple((str(r[0]), str(r[1]), from_db(r[2])) for r in read(_ORIGINALS)),
        deadlines=tuple((str(r[0]), str(r[1]), from_db(r[2])) for r in read(_DEADLINES)),
    )


def count(db: Database, horizon: Horizon) -> int:
    """How many reminders the records raise by `horizon`, before snoozes and dismissals: the
    number of rows `sources` would read, counted by SQLite alone."""
    sql = " UNION ALL ".join(f"SELECT ({s.count.replace(':bound', f':{s.horizon}')})" for s in _ALL)
    params = {field: to_db(getattr(horizon, field)) for field in Horizon.__dataclass_fields__}
    return sum(int(r[0]) for r in db.query(sql, params))


def backup_source(db: Database) -> tuple[datetime | None, datetime | None, int]:
    """The vault-wide backup reminder's record (kept out of `sources`, so `casevault reminders`
    and the case agenda stay per case): (in use since: the first audit entry or the oldest case,
    last backup, every N days)."""
    row = db.query_one(
        "SELECT (SELECT at FROM audit_log WHERE seq = 1), (SELECT min(opened_at) FROM cases), "
        "(SELECT value FROM settings WHERE key = ?), (SELECT value FROM settings WHERE key = ?)",
        (BACKUP_LAST_SETTING, BACKUP_EVERY_SETTING),
    )
    if row is None:
        return (None, None, BACKUP_EVERY_DEFAULT)
    starts = [from_db(str(t)) for t in row[:2] if t is not None]
    try:
        every = BACKUP_EVERY_DEFAULT if row[3] is None else int(row[3])
    except ValueError:
        every = BACKUP_EVERY_DEFAULT
    return (min(starts) if starts else None, from_db_opt(row[2]), every)


def states(db: Database) -> dict[str, ReminderState]:
    return {
        str(r[0]): ReminderState(dismissed=r[1] is not None, snoozed_until=from_db_opt(r[2]))
        for r in db.query("SELECT key, dismissed_at, snoozed_until FROM reminder_states")
    }


def set_state(
    db: Database, key: str, case_id: str, *, dismissed_at: datetime | None, snoozed_until: datetime | None
) -> None:
    db.execute(
        "INSERT INTO reminder_states(key, case_id, dismissed_at, snoozed_until) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET dismissed_at = excluded.dismissed_at, "
        "snoozed_until = excluded.snoozed_until",
        (
            key,
            case_id,
            None if dismissed_at is None else to_db(dismissed_at),
            None if snoozed_until is None else to_db(snoozed_until),
        ),
    )


def insert_case_date(db: Database, case_id: str, date: CaseDate, now: datetime) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO case_dates(id, case_id, kind, at, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (date.id, case_id, date.kind, to_db(date.at), date.note, to_db(now)),
        )
        touch(db, case_id, now)


_DATES_BETWEEN = (
    "FROM case_dates d CROSS JOIN cases c ON c.id = d.case_id "
    "WHERE d.case_open = 1 AND d.at >= :since AND d.at < :until AND c.status = 'open'"
)


def case_dates_between(
    db: Database, since: datetime, until: datetime, limit: int
) -> tuple[int, list[tuple[str, CaseDate]]]:
    """Open cases' hearings and meetings from `since` up to `until`, by time then reference: how
    many there are, and the first `limit` with their case's reference. A range on the
    case_dates_by_at index (CROSS JOIN: dates first, then each one's case by its id), so the
    agenda reads the dates of the coming weeks, not every case's."""
    bounds = {"since": to_db(since), "until": to_db(until)}
    total = int(db.scalar(f"SELECT count(*) {_DATES_BETWEEN}", bounds) or 0)
    rows = db.query(
        f"SELECT c.ref, d.id, d.kind, d.at, d.note {_DATES_BETWEEN} ORDER BY d.at, c.ref LIMIT :limit",
        {**bounds, "limit": max(0, limit)},
    )
    return total, [(str(r[0]), CaseDate(str(r[1]), str(r[2]), from_db(r[3]), str(r[4]))) for r in rows]


def case_dates(db: Database, case_id: str) -> list[CaseDate]:
    rows = db.query("SELECT id, kind, at, note FROM case_dates WHERE case_id = ? ORDER BY at", (case_id,))
    return [CaseDate(str(r[0]), str(r[1]), from_db(r[2]), str(r[3])) for r in rows]


def delete_case_date(db: Database, date_id: str) -> str | None:
    """Remove a case date; returns its case id, or None if there is no such date."""
    with db.transaction():
        case_id = db.scalar("SELECT case_id FROM case_dates WHERE id = ?", (date_id,))
        if case_id is not None:
            db.execute("DELETE FROM case_dates WHERE id = ?", (date_id,))
        return None if case_id is None else str(case_id)
