"""The readers the GUI runs on a worker thread (issue 15): `reminder_page_reader`, `agenda_reader`
and `today_reader` each return exactly what their synchronous method returns, read on another
thread with a connection of their own; their arguments are refused at once, on the calling
thread; and a reader whose turn comes after the lock does not read."""

from __future__ import annotations

import concurrent.futures
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest

from casevault.core.errors import UsageError, VaultStateError
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
T = TypeVar("T")


def _fill(vault: Vault, clock: FakeClock) -> None:
    """Every source of a reminder, some snoozed or dismissed, spread over half a year."""
    rng = random.Random(15)
    for n in range(16):
        clock.now = START + timedelta(days=rng.uniform(0, 120), minutes=n)
        ref = vault.new_case(f"Member Number{n}")
        for _ in range(rng.randint(0, 3)):
            due = clock.now + timedelta(days=rng.uniform(-10, 40)) if rng.random() < 0.8 else None
            vault.add_action_point(ref, f"action {n}", owner=rng.choice(["me", "Member"]), due_at=due)
        if rng.random() < 0.5:
            vault.add_case_date(
                ref, rng.choice(["hearing", "meeting"]), clock.now + timedelta(days=rng.uniform(1, 40))
            )
        if rng.random() < 0.4:
            vault.add_note(ref, "advice given", kind="advice", occurred_at=clock.now)
        if rng.random() < 0.5:
            vault.start_procedure(ref, rng.choice(["acas-disciplinary", "acas-grievance"]))
            for stage in vault.deadlines(ref):
                if stage.limit_days is not None and rng.random() < 0.5:
                    vault.record_stage_event(
                        stage.id, clock.now.date() + timedelta(days=rng.randint(-30, 20))
                    )
        if rng.random() < 0.3:
            vault.close_case(ref, retain_days=rng.randint(1, 60))
    clock.now = START + timedelta(days=130)
    for n, reminder in enumerate(vault.reminders()):
        if n % 4 == 1:
            vault.snooze_reminder(reminder.key, clock.now + timedelta(days=3))
        elif n % 4 == 2 and not reminder.key.startswith("deadline-overdue:"):
            vault.dismiss_reminder(reminder.key)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    clock = FakeClock(START)
    vault = Vault.create(
        VaultPaths(tmp_path_factory.mktemp("readers") / "vault"),
        PASSPHRASE,
        keychain=None,
        kdf_params=FAST_KDF,
        clock=clock,
    )
    _fill(vault, clock)
    yield vault
    vault.close()


def on_a_worker(read: Callable[[], T]) -> T:
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(read).result()


MOMENTS = [
    START + timedelta(days=d, hours=h) for d, h in ((0, 0), (40, 3), (100, 12), (130, 0), (134, 7), (200, 0))
]


@pytest.mark.parametrize("now", MOMENTS)
def test_the_reminder_page_reader_reads_what_reminder_page_does(filled: Vault, now: datetime) -> None:
    assert filled.reminder_page(now).total > 0 or now == MOMENTS[0]
    for limit in (0, 1, 3, 200):
        assert on_a_worker(filled.reminder_page_reader(now, limit)) == filled.reminder_page(now, limit)
    filled.db.execute("SELECT 1")  # the vault's own connection is untouched


@pytest.mark.parametrize("now", MOMENTS)
def test_the_agenda_reader_reads_what_agenda_page_and_the_dates_do(filled: Vault, now: datetime) -> None:
    for days, limit in ((30, 200), (30, 2), (7, 5), (90, 0)):
        since = now - timedelta(hours=9)
        agenda = on_a_worker(filled.agenda_reader(now, days, limit, dates_since=since))
        assert agenda.page == filled.agenda_page(now, days, limit)
        dates = filled.case_dates_between(since, now + timedelta(days=days), limit)
        assert (agenda.dates_total, agenda.dates) == dates
    from_now = on_a_worker(filled.agenda_reader(now))  # the dates start at `now` unless told
    assert (from_now.dates_total, from_now.dates) == filled.case_dates_between(now, now + timedelta(days=30))


@pytest.mark.parametrize("now", MOMENTS)
def test_the_today_reader_reads_what_today_board_does(filled: Vault, now: datetime) -> None:
    for days, limit in ((14, 50), (14, 1), (60, 3)):
        assert on_a_worker(filled.today_reader(now, days, limit)) == filled.today_board(now, days, limit)


def test_a_readers_default_moment_is_when_it_was_made(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ann Example")
    vault.add_action_point(ref, "Chase HR", owner="me", due_at=clock.now + timedelta(hours=1))
    reminders, today = vault.reminder_page_reader(), vault.today_reader()
    made = clock.now
    clock.advance(hours=2)  # due now, but not when the readers were made
    assert on_a_worker(reminders) == vault.reminder_page(made) and on_a_worker(reminders).total == 0
    assert on_a_worker(today) == vault.today_board(made)


def test_bad_arguments_are_refused_at_once(vault: Vault) -> None:
    naive = datetime(2026, 3, 2, 9, 0)
    with pytest.raises(UsageError, match="zero or more"):
        vault.reminder_page_reader(limit=-1)
    with pytest.raises(UsageError, match="time zone"):
        vault.reminder_page_reader(naive)
    with pytest.raises(UsageError, match="zero or more"):
        vault.agenda_reader(limit=-1)
    with pytest.raises(UsageError, match="time zone"):
        vault.agenda_reader(naive)
    with pytest.raises(UsageError, match="time zone"):
        vault.agenda_reader(dates_since=naive)
    for days in (0, 367):
        with pytest.raises(UsageError, match="from 1 to 366 days"):
            vault.today_reader(days=days)
    with pytest.raises(UsageError, match="time zone"):
        vault.today_reader(naive)


def test_a_reader_whose_turn_comes_after_the_lock_does_not_read(
    vault_paths: VaultPaths, clock: FakeClock
) -> None:
    vault = Vault.create(vault_paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock)
    readers = [vault.reminder_page_reader(), vault.agenda_reader(), vault.today_reader()]
    vault.close()
    for read in readers:
        with pytest.raises(VaultStateError, match="locked"):
            on_a_worker(read)
    with pytest.raises(VaultStateError, match="locked"):
        vault.reminder_page_reader()
