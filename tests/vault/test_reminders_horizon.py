"""The reminders query reads only the records that can be due by `now` (issue 15). These tests
hold it to the answer of the whole rule over every record, on a real vault with every kind of
reminder spread over a year and a half, at many moments."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casevault.casework import reminders as engine
from casevault.core.errors import UsageError
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.store import reminders as reminder_rows
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _fill(vault: Vault, clock: FakeClock) -> None:
    rng = random.Random(15)
    for n in range(24):
        clock.now = START + timedelta(days=rng.uniform(0, 300), minutes=n)
        ref = vault.new_case(f"Member Number{n}")
        for _ in range(rng.randint(0, 4)):  # oral and written advice, interleaved
            kind = rng.choice(["advice", "advice", "advice-written", "note"])
            at = clock.now + timedelta(days=rng.uniform(-20, 60))
            vault.add_note(ref, f"entry {n}", kind=kind, occurred_at=at)
        for _ in range(rng.randint(0, 2)):
            due = clock.now + timedelta(days=rng.uniform(-10, 90)) if rng.random() < 0.8 else None
            vault.add_action_point(ref, f"action {n}", due_at=due)
        if rng.random() < 0.4:
            vault.add_case_date(
                ref, rng.choice(["hearing", "meeting"]), clock.now + timedelta(days=rng.uniform(1, 120))
            )
        if rng.random() < 0.3:
            vault.save_first_meeting(
                ref, FirstMeeting(dismissal_threatened=True, originals_received="Payslips")
            )
        if rng.random() < 0.2:
            vault.add_original(ref, "Signed contract", received_at=clock.now)
        _deadlines(vault, ref, clock, rng)
        if rng.random() < 0.35:
            clock.now += timedelta(days=rng.uniform(1, 30))
            vault.close_case(ref, retain_days=rng.randint(1, 200), escalation_reason="Member declined")


def _deadlines(vault: Vault, ref: str, clock: FakeClock, rng: random.Random) -> None:
    """Counted deadlines (issue 16): a procedure with some stages started and some done, a
    tribunal limit and a subject access request, each dated around the case's opening."""
    today = clock.now.date()
    if rng.random() < 0.5:
        vault.start_procedure(ref, rng.choice(["acas-disciplinary", "acas-grievance"]))
        for stage in vault.deadlines(ref):
            if stage.limit_days is not None and rng.random() < 0.5:
                done = vault.record_stage_event(stage.id, today + timedelta(days=rng.randint(-40, 80)))
                if rng.random() < 0.3 and done.due_on is not None:
                    vault.complete_deadline(stage.id, done.due_on)
    if rng.random() < 0.4:
        vault.add_tribunal_limit(ref, today + timedelta(days=rng.randint(-100, 30)), "unfair-dismissal")
    if rng.random() < 0.3:
        vault.add_subject_access(ref, today + timedelta(days=rng.randint(-40, 40)))


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    clock = FakeClock(START)
    vault = Vault.create(
        VaultPaths(tmp_path_factory.mktemp("horizon") / "vault"),
        PASSPHRASE,
        keychain=None,
        kdf_params=FAST_KDF,
        clock=clock,
    )
    _fill(vault, clock)
    yield vault
    vault.close()


def _everything(vault: Vault) -> list[engine.Reminder]:
    """The rule over every record, with no bound."""
    return engine.all_reminders(reminder_rows.sources(vault.session.db))


def _kinds(reminders: list[engine.Reminder]) -> set[str]:
    return {r.kind for r in reminders}


def test_the_vault_holds_every_kind_of_case_reminder(filled: Vault) -> None:
    assert _kinds(_everything(filled)) == set(engine.KINDS) - {engine.BACKUP_DUE}


# The vault is built once and only read by the examples.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.floats(min_value=-30, max_value=700), days=st.integers(min_value=0, max_value=120))
def test_due_and_agenda_read_only_what_can_be_due_and_lose_nothing(
    filled: Vault, offset: float, days: int
) -> None:
    now = START + timedelta(days=offset)
    states = reminder_rows.states(filled.session.db)
    everything = _everything(filled)
    assert filled.reminders(now) == engine.due(everything, now, states)
    assert filled.agenda(now, days) == engine.agenda(everything, now, states, days)


def test_unconfirmed_advice_is_what_the_paper_trail_shows(filled: Vault) -> None:
    """The store leaves out oral advice confirmed in writing; the paper trail says which."""
    expected = set()
    for case in filled.list_cases(status="open", limit=1000):
        events = filled.case(case.ref).events
        written = [e.occurred_at for e in events if e.kind == "advice-written"]
        expected |= {
            (case.ref, e.id)
            for e in events
            if e.kind == "advice" and not any(w >= e.occurred_at for w in written)
        }
    found = {(ref, event_id) for ref, event_id, _kind, _at in reminder_rows.sources(filled.session.db).advice}
    assert found == expected and expected


# ---- first pages and counts (what the GUI and CLI show) ----------------------------------------

TIE = START + timedelta(days=40)


@pytest.fixture(scope="module")
def with_states(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """The same records, plus reminders due at one instant on many cases (ties broken by their
    reference), and snoozes and dismissals of some of every kind."""
    clock = FakeClock(START)
    vault = Vault.create(
        VaultPaths(tmp_path_factory.mktemp("pages") / "vault"),
        PASSPHRASE,
        keychain=None,
        kdf_params=FAST_KDF,
        clock=clock,
    )
    _fill(vault, clock)
    seen: dict[str, int] = {}
    late = START + timedelta(days=700)
    for reminder in engine.all_reminders(reminder_rows.sources(vault.session.db)):
        turn = seen[reminder.kind] = seen.get(reminder.kind, -1) + 1
        if turn % 5 == 0:
            vault.dismiss_reminder(reminder.key, reason="Agreed with the regional office")
        elif turn % 5 == 1:
            vault.snooze_reminder(reminder.key, reminder.due_at + timedelta(days=20 + turn))
        elif turn % 5 == 2:
            vault.snooze_reminder(reminder.key, late)
    for n in range(6):  # after the states, so none of these is hidden
        ref = vault.new_case(f"Tied Member{n}")
        vault.add_action_point(ref, "Same deadline", due_at=TIE)
        vault.add_note(ref, "Same day", kind="advice", occurred_at=TIE - timedelta(days=7))
    yield vault
    vault.close()


def test_the_states_hide_reminders_of_every_kind(with_states: Vault) -> None:
    states = reminder_rows.states(with_states.session.db)
    everything = _everything(with_states)
    hidden = {r.kind for r in everything if r.key in engine.hidden_keys(states, START)}
    assert hidden == set(engine.KINDS) - {engine.BACKUP_DUE}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    offset=st.floats(min_value=-30, max_value=700),
    days=st.integers(min_value=0, max_value=120),
    limit=st.integers(min_value=0, max_value=40),
)
def test_a_first_page_is_the_head_of_the_whole_list_and_counts_it(
    with_states: Vault, offset: float, days: int, limit: int
) -> None:
    now = START + timedelta(days=offset)
    due, page = with_states.reminders(now), with_states.reminder_page(now, limit)
    assert (page.total, page.first) == (len(due), due[:limit])
    coming, agenda = with_states.agenda(now, days), with_states.agenda_page(now, days, limit)
    assert (agenda.total, agenda.first) == (len(coming), coming[:limit])


def test_tied_reminders_page_by_reference(with_states: Vault) -> None:
    now = TIE + timedelta(minutes=1)
    due = with_states.reminders(now)
    tied = [r for r in due if r.due_at == TIE]
    assert len(tied) == 12  # six actions and six follow-ups
    for limit in range(len(due) + 2):
        assert with_states.reminder_page(now, limit).first == due[:limit]


def test_a_negative_page_is_refused(with_states: Vault) -> None:
    with pytest.raises(UsageError):
        with_states.reminder_page(START, -1)
