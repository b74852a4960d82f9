"""The reminder engine: pure functions of records, `now` and the rep's snoozes and dismissals.

Property tests (hypothesis) for the rules every kind shares, then one example per kind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.casework import reminders as engine
from casevault.casework.reminders import ReminderState, Sources
from casevault.core.model import ActionPoint, CaseDate, CaseSummary
from tests.support.summaries import case_summary

T0 = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
ZONES = [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8)), UTC]

offsets = st.integers(min_value=-60 * 24 * 60, max_value=60 * 24 * 60)  # ±60 days, in minutes
moments = st.builds(lambda m, z: (T0 + timedelta(minutes=m)).astimezone(z), offsets, st.sampled_from(ZONES))


def _case(i: int, closed: datetime, retain_days: int) -> CaseSummary:
    return CaseSummary(
        id=f"c{i}",
        ref=f"CV-2026-{i:04d}",
        member_name="never used",
        case_type="general",
        status="closed",
        opened_at=T0 - timedelta(days=400),
        closed_at=closed,
        retain_until=closed + timedelta(days=retain_days),
        updated_at=closed,
    )


@st.composite
def sources(draw: st.DrawFn) -> Sources:
    closed = tuple(_case(i, draw(moments), draw(st.integers(0, 30))) for i in range(draw(st.integers(0, 3))))
    actions = tuple(
        (f"CV-2026-{100 + i:04d}", ActionPoint(f"a{i}", "what", "", draw(moments), None, T0))
        for i in range(draw(st.integers(0, 4)))
    )
    dates = tuple(
        (f"CV-2026-{200 + i:04d}", CaseDate(f"d{i}", "hearing", draw(moments)))
        for i in range(draw(st.integers(0, 3)))
    )
    advice = tuple(
        ("CV-2026-0300", f"e{i}", draw(st.sampled_from(["advice", "advice-written"])), draw(moments))
        for i in range(draw(st.integers(0, 4)))
    )
    escalations = tuple(
        (f"CV-2026-{400 + i:04d}", f"x{i}", draw(moments), draw(st.booleans()))
        for i in range(draw(st.integers(0, 2)))
    )
    originals = tuple(
        (f"CV-2026-{500 + i:04d}", f"o{i}", draw(moments)) for i in range(draw(st.integers(0, 2)))
    )
    return Sources(closed, actions, dates, advice, escalations, originals)


@settings(max_examples=150, deadline=None)
@given(sources(), moments)
def test_nothing_is_due_before_its_time_and_everything_due_is_shown(src: Sources, now: datetime) -> None:
    every = engine.all_reminders(src)
    due = engine.due(every, now, {})
    assert all(r.due_at <= now for r in due)
    assert {r.key for r in due} == {r.key for r in every if r.due_at <= now}
    assert all(r.text and "never used" not in r.text for r in every)  # texts never carry a name


@settings(max_examples=150, deadline=None)
@given(sources(), moments, st.integers(1, 60 * 24 * 10), st.integers(0, 60 * 24 * 10))
def test_a_snoozed_reminder_returns_when_the_snooze_ends_and_a_dismissed_one_never(
    src: Sources, now: datetime, snooze_minutes: int, later_minutes: int
) -> None:
    due_now = engine.due(engine.all_reminders(src), now, {})
    if not due_now:
        return
    every = engine.all_reminders(src)
    target = due_now[0]
    until = now + timedelta(minutes=snooze_minutes)
    snoozed = {target.key: ReminderState(snoozed_until=until)}
    assert target not in engine.due(every, now, snoozed)
    assert target not in engine.due(every, until - timedelta(seconds=1), snoozed)
    assert target in engine.due(every, until + timedelta(minutes=later_minutes), snoozed)
    dismissed = {target.key: ReminderState(dismissed=True)}
    assert target not in engine.due(every, until + timedelta(minutes=later_minutes), dismissed)
    assert target not in engine.agenda(every, now, dismissed)
    assert target in engine.agenda(every, now, snoozed)  # the agenda still shows a snoozed one


@settings(max_examples=100, deadline=None)
@given(sources(), moments, st.integers(1, 60 * 24 * 30))
def test_catch_up_after_a_gap_shows_everything_that_fell_due_meanwhile(
    src: Sources, last_check: datetime, gap_minutes: int
) -> None:
    """No evaluation ran during the gap (app closed, laptop asleep): the next one shows it all."""
    every = engine.all_reminders(src)
    wake = last_check + timedelta(minutes=gap_minutes)
    fell_due = [r for r in every if last_check < r.due_at <= wake]
    assert all(r in engine.due(every, wake, {}) for r in fell_due)


@given(offsets, st.sampled_from(ZONES), st.sampled_from(ZONES))
def test_the_same_instant_in_any_time_zone_is_the_same_reminder(
    minutes: int, zone_a: timezone, zone_b: timezone
) -> None:
    instant = T0 + timedelta(minutes=minutes)

    def one(zone: timezone) -> engine.Reminder:
        action = ActionPoint("a1", "what", "", instant.astimezone(zone), None, T0)
        [reminder] = engine.all_reminders(Sources(actions=(("CV-2026-0001", action),)))
        return reminder

    a, b = one(zone_a), one(zone_b)
    assert a.key == b.key and a.due_at == b.due_at
    for now_zone in ZONES:
        now = instant.astimezone(now_zone)
        assert engine.due([a], now, {}) == [a]
        assert engine.due([a], now - timedelta(microseconds=1), {}) == []


@given(sources(), moments, st.integers(0, 60))
def test_the_agenda_holds_what_is_due_within_its_days_in_order(
    src: Sources, now: datetime, days: int
) -> None:
    every = engine.all_reminders(src)
    shown = engine.agenda(every, now, {}, days)
    assert [r.key for r in shown] == [r.key for r in every if r.due_at <= now + timedelta(days=days)]
    assert shown == sorted(shown, key=lambda r: (r.due_at, r.ref, r.kind))


# ---- each kind --------------------------------------------------------------------------------


def kinds_due(src: Sources, now: datetime) -> list[tuple[str, str]]:
    return [(r.kind, r.ref) for r in engine.due(engine.all_reminders(src), now, {})]


def test_a_hearing_is_flagged_two_days_ahead() -> None:
    src = Sources(dates=(("CV-2026-0001", CaseDate("d1", "hearing", T0 + timedelta(days=5))),))
    assert kinds_due(src, T0 + timedelta(days=2, hours=23)) == []
    assert kinds_due(src, T0 + timedelta(days=3)) == [(engine.HEARING_SOON, "CV-2026-0001")]


def test_oral_advice_wants_writing_within_a_week_and_writing_clears_it() -> None:
    oral = ("CV-2026-0001", "e1", "advice", T0)
    src = Sources(advice=(oral,))
    assert kinds_due(src, T0 + timedelta(days=6)) == []
    assert kinds_due(src, T0 + timedelta(days=7)) == [(engine.ADVICE_FOLLOW_UP, "CV-2026-0001")]
    written = ("CV-2026-0001", "e2", "advice-written", T0 + timedelta(days=2))
    assert kinds_due(Sources(advice=(oral, written)), T0 + timedelta(days=30)) == []
    older_writing = ("CV-2026-0001", "e3", "advice-written", T0 - timedelta(days=1))
    assert kinds_due(Sources(advice=(oral, older_writing)), T0 + timedelta(days=8)) == [
        (engine.ADVICE_FOLLOW_UP, "CV-2026-0001")
    ]
    elsewhere = ("CV-2026-0002", "e4", "advice-written", T0 + timedelta(days=1))
    assert kinds_due(Sources(advice=(oral, elsewhere)), T0 + timedelta(days=8)) == [
        (engine.ADVICE_FOLLOW_UP, "CV-2026-0001")
    ]


def test_escalation_until_recorded_originals_and_archive() -> None:
    src = Sources(
        escalations=(("CV-2026-0001", "c1", T0, False), ("CV-2026-0002", "c2", T0, True)),
        originals=(("CV-2026-0003", "c3", T0),),
        closed=(_case(4, T0, 10),),
    )
    assert kinds_due(src, T0) == [
        (engine.ESCALATION_UNRECORDED, "CV-2026-0001"),
        (engine.ORIGINALS_RETURN, "CV-2026-0003"),
    ]
    assert (engine.ARCHIVE_EXPIRED, "CV-2026-0004") in kinds_due(src, T0 + timedelta(days=10))
    assert (engine.ARCHIVE_EXPIRED, "CV-2026-0004") not in kinds_due(
        src, T0 + timedelta(days=10) - timedelta(seconds=1)
    )


def test_a_moved_due_date_is_a_new_reminder() -> None:
    def key(due: datetime) -> str:
        action = ActionPoint("a1", "what", "", due, None, T0)
        return engine.all_reminders(Sources(actions=(("CV-2026-0001", action),)))[0].key

    assert key(T0) != key(T0 + timedelta(days=1))
    assert key(T0) == key(T0.astimezone(ZONES[1]))


def _summary(ref: str, status: str, retain_until: datetime | None) -> CaseSummary:
    return case_summary(ref, status, retain_until, now=T0)


def test_due_reminders_list_expired_cases_in_due_order_without_names() -> None:
    cases = [
        _summary("CV-2026-0003", "closed", T0 + timedelta(days=2)),
        _summary("CV-2026-0001", "closed", T0 + timedelta(days=1)),
        _summary("CV-2026-0002", "closed", T0 + timedelta(days=50)),
        _summary("CV-2026-0004", "open", None),
    ]
    due = engine.due_reminders(cases, now=T0 + timedelta(days=3))
    assert [r.ref for r in due] == ["CV-2026-0001", "CV-2026-0003"]
    assert all(r.kind == engine.ARCHIVE_EXPIRED for r in due)
    assert all("Private" not in r.text for r in due)
    assert engine.due_reminders(cases, now=T0) == []


# ---- deadline bands: where a first page finds each deadline's one listed reminder --------------

_T0 = datetime(2026, 3, 2, tzinfo=UTC)


@settings(max_examples=300)
@given(
    days=st.lists(st.integers(min_value=-60 * 24, max_value=90 * 24), min_size=1, max_size=12),
    now_hours=st.integers(min_value=0, max_value=24 * 3),
    ahead=st.integers(min_value=0, max_value=60),
    leads=st.lists(st.integers(min_value=-3, max_value=40), max_size=6),
)
def test_each_deadline_is_listed_at_its_band_s_offset(
    days: list[int], now_hours: int, ahead: int, leads: list[int]
) -> None:
    """`deadline_bands` and `one_per_deadline` agree: a deadline in a band is listed at its day
    plus the band's offset, and one in no band has nothing listed by `until`."""
    now = _T0 + timedelta(hours=now_hours)
    until = now + timedelta(days=ahead)
    bands = engine.deadline_bands(now, until, leads)
    for n, hours in enumerate(days):
        day = _T0 + timedelta(hours=hours)
        listed = engine.one_per_deadline(engine.deadline_reminders("CV-1", f"d{n}", day, leads), now, until)
        listed = [r for r in listed if r.due_at <= until]
        inside = [b for b in bands if (b.after is None or day > b.after) and day <= b.through]
        assert len(inside) <= 1  # the bands never overlap
        if inside:
            assert [r.due_at for r in listed] == [day + inside[0].offset]
        else:
            assert listed == []
