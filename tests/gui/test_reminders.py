"""The reminder timer, the reminders panel, the badge and banner, notifications and the agenda,
driven through the real app with an injected clock (issue 4)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QSystemTrayIcon, QToolButton, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from casevault.casework.reminders import ReminderPage
from casevault.core.paths import VaultPaths
from casevault.gui import agenda_view, reminder_watch, tasks
from casevault.gui.agenda_view import AgendaDialog
from casevault.gui.app import App
from casevault.gui.main_window import MainWindow
from casevault.gui.reminder_watch import ReminderWatch
from casevault.gui.tasks import SynchronousPool
from casevault.gui.today_view import TodayView
from casevault.host.keychain import MemoryKeychain
from casevault.vault.facade import Vault
from casevault.vault.reminders import PAGE, Reminders
from casevault.vault.today import TodayBoard
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.conftest import by_name, window_named
from tests.support.gui_flows import MEMBER, add_case, button, create_vault, line

MakeApp = Callable[..., App]


@pytest.fixture
def reminder_app(qtbot: QtBot, tmp_path: Path, keychain: MemoryKeychain) -> Iterator[MakeApp]:
    apps: list[App] = []

    def make(*, clock: FakeClock, notes: list[str] | None = None, reminder_ms: int = 50) -> App:
        app = App(
            VaultPaths(tmp_path / "vault"),
            keychain=keychain,
            kdf_params=FAST_KDF,
            idle_ms=600_000,
            retry=lambda failures: 0.05 * failures,
            clock=clock,
            reminder_ms=reminder_ms,
            notifier=None if notes is None else notes.append,
        )
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.shutdown()
        for widget in (app.main_window, app.unlock_dialog, app.create_dialog):
            if widget is not None:
                widget.close()
                widget.deleteLater()


def now_clock() -> FakeClock:
    # The vault stamps records with the real time; the watcher asks "what is due" at the fake one.
    return FakeClock(datetime.now(UTC).replace(microsecond=0))


def one_case(qtbot: QtBot, app: App) -> tuple[QWidget, Vault, str]:
    window = create_vault(qtbot, app)
    add_case(qtbot, window, MEMBER)
    vault = app.main_window.vault
    assert isinstance(vault, Vault)
    return window, vault, vault.list_cases()[0].ref


def panel_rows(window: QWidget) -> list[list[str]]:
    """The reminders panel's rows. The window builds the panel when it is first shown or asked
    for (issue 15: it is hidden at start), so it is asked for, not looked up by name."""
    assert isinstance(window, MainWindow)
    return window.reminders.panel.rows()


def badge(window: QWidget) -> str:
    return by_name(window, "Reminders", QToolButton).text()


def ticks(qtbot: QtBot, watch: ReminderWatch, count: int = 2) -> None:
    """Wait for `count` whole checks that start from now: `changed` is emitted by every check, and
    the panel, the badge and the notifier have all had it by the time the wait returns. What is
    not there after them did not happen, however slow the machine."""
    seen: list[int] = []

    def tick(_due: list[object]) -> None:
        seen.append(1)

    watch.changed.connect(tick)
    try:
        qtbot.waitUntil(lambda: len(seen) >= count)
    finally:
        watch.changed.disconnect(tick)


def test_timer_raises_panel_entry_badge_and_a_nameless_notification(
    qtbot: QtBot, reminder_app: MakeApp
) -> None:
    clock, notes = now_clock(), []
    app = reminder_app(clock=clock, notes=notes)
    window, vault, ref = one_case(qtbot, app)
    vault.add_action_point(ref, "Ask HR for the rota records", due_at=clock.now + timedelta(hours=1))
    ticks(qtbot, app.reminder_watch)  # several checks: nothing is due yet
    assert panel_rows(window) == [] and notes == []
    assert not by_name(window, "Reminders banner", QLabel).isVisible()

    clock.advance(hours=2)
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    _due, shown_ref, kind, member = panel_rows(window)[0]
    assert (shown_ref, kind, member) == (ref, "Action point due", MEMBER)
    assert badge(window) == "Reminders (1)"
    banner = by_name(window, "Reminders banner", QLabel)
    assert banner.isVisible()
    assert "1 casework reminder is due" in banner.text()
    assert MEMBER not in banner.text() and ref not in banner.text()
    assert notes == ["1 casework reminder is due"]
    for text in notes:
        assert MEMBER not in text and ref not in text
        assert not any(word in text.lower() for word in ("action", "hearing", "archive", "rota"))

    ticks(qtbot, app.reminder_watch)  # more checks with the same reminder: no second notification
    assert notes == ["1 casework reminder is due"]
    vault.add_action_point(ref, "Second thing", due_at=clock.now - timedelta(minutes=5))
    qtbot.waitUntil(lambda: len(notes) == 2)
    assert notes[-1] == "2 casework reminders are due"
    assert badge(window) == "Reminders (2)"


def test_snooze_hides_until_it_ends_and_dismiss_hides_for_good(qtbot: QtBot, reminder_app: MakeApp) -> None:
    clock = now_clock()
    app = reminder_app(clock=clock, notes=[])
    window, vault, ref = one_case(qtbot, app)
    vault.add_action_point(ref, "Ask HR for the rota records", due_at=clock.now - timedelta(hours=1))
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)
    qtbot.mouseClick(by_name(window, "Reminders", QToolButton), Qt.MouseButton.LeftButton)
    panel = by_name(window, "Reminders panel")
    assert panel.isVisible()
    tree = by_name(panel, "Due reminders", QTreeView)
    assert tree.currentIndex().isValid()

    snooze = by_name(panel, "Snooze", QToolButton)
    menu = snooze.menu()
    assert menu is not None
    menu.actions()[0].trigger()  # for a day
    qtbot.waitUntil(lambda: panel_rows(window) == [])
    assert badge(window) == "Reminders"
    clock.advance(hours=23)
    ticks(qtbot, app.reminder_watch)
    assert panel_rows(window) == []
    clock.advance(hours=2)
    qtbot.waitUntil(lambda: len(panel_rows(window)) == 1)

    qtbot.mouseClick(by_name(panel, "Dismiss"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel_rows(window) == [])
    clock.advance(days=30)
    ticks(qtbot, app.reminder_watch)
    assert [row for row in panel_rows(window) if row[1]] == []  # the vault-wide backup row may show
    assert not by_name(window, "Reminders banner", QLabel).isVisible()


def test_reminder_due_while_locked_shows_right_after_unlock(qtbot: QtBot, reminder_app: MakeApp) -> None:
    clock = now_clock()
    app = reminder_app(clock=clock, notes=[], reminder_ms=3_600_000)  # only unlock can check
    window, vault, ref = one_case(qtbot, app)
    vault.add_action_point(ref, "Ask HR for the rota records", due_at=clock.now + timedelta(hours=1))
    assert panel_rows(window) == []
    app.main_window.lock()
    assert panel_rows(window) == [] and app.reminder_watch.due == []
    clock.advance(hours=3)  # it falls due while locked (or asleep)

    dialog = window_named("Unlock casevault")
    line(dialog, "Passphrase").setText(PASSPHRASE)
    qtbot.mouseClick(button(dialog, "Unlock"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isVisible)
    # Checked on the event loop's first turn after the window shows (it paints first).
    qtbot.waitUntil(lambda: badge(window) == "Reminders (1)", timeout=2000)
    assert [row[1] for row in panel_rows(window)] == [ref]


def test_a_busy_vault_shows_a_first_page_the_whole_count_and_every_expired_case(
    qtbot: QtBot, reminder_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reminder_watch, "PAGE", 3)
    clock = now_clock()
    app = reminder_app(clock=clock, notes=[], reminder_ms=3_600_000)
    window, vault, ref = one_case(qtbot, app)
    for hours in range(1, 6):
        vault.add_action_point(ref, "Chase HR", due_at=clock.now - timedelta(hours=hours))
    expired = []
    for n in range(2):  # due last: their archive period ends after the actions fell due
        old = vault.new_case(f"Former Member{n}")
        vault.close_case(old, retain_days=0)
        expired.append(old)
    clock.advance(days=1)
    app.reminder_watch.check()
    qtbot.waitUntil(lambda: badge(window) == "Reminders (7)")
    assert [row[1] for row in panel_rows(window) if row[1]] == [ref] * 3  # the first page
    panel = by_name(window, "Reminders panel")
    more = by_name(panel, "More reminders due", QLabel)
    assert not more.isHidden() and more.text().startswith("4 more due")
    assert "7 casework reminders are due" in by_name(window, "Reminders banner", QLabel).text()
    # "Delete all expired" reaches the cases past the page.
    assert app.main_window.reminders.panel.expired_refs() == sorted(expired)
    assert button(panel, "Delete all expired").isEnabled()


class PaintLog(QObject):
    """Notes each paint of the widget it watches, in the same list the vault's calls go to."""

    def __init__(self, order: list[str]) -> None:
        super().__init__()
        self.order = order

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.order.append("paint")
        return False


def test_the_window_paints_before_the_reminders_are_computed(
    qtbot: QtBot, reminder_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = now_clock()
    app = reminder_app(clock=clock, notes=[], reminder_ms=3_600_000)
    window, vault, ref = one_case(qtbot, app)
    vault.add_action_point(ref, "Ask HR for the rota records", due_at=clock.now - timedelta(hours=1))
    app.main_window.lock()
    order: list[str] = []
    made = Reminders.reminder_page_reader  # what Vault.reminder_page_reader calls

    def reminder_page_reader(
        self: Reminders, now: datetime | None = None, limit: int = PAGE
    ) -> Callable[[], ReminderPage]:
        read = made(self, now, limit)

        def computed() -> ReminderPage:  # on the worker: when the reminders are computed
            order.append("reminders")
            return read()

        return computed

    monkeypatch.setattr(Reminders, "reminder_page_reader", reminder_page_reader)
    painted = PaintLog(order)
    app.main_window.installEventFilter(painted)

    dialog = window_named("Unlock casevault")
    line(dialog, "Passphrase").setText(PASSPHRASE)
    qtbot.mouseClick(button(dialog, "Unlock"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: badge(window) == "Reminders (1)", timeout=5000)
    app.main_window.removeEventFilter(painted)
    assert "reminders" in order and "paint" in order
    assert order.index("paint") < order.index("reminders")  # nothing waited for the reminders


def test_a_wall_clock_jump_checks_at_once(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    wall, mono, notes = [1_000_000.0], [500.0], []
    wall_reads: list[int] = []

    def read_wall() -> float:
        wall_reads.append(1)  # once per jump check (and per check)
        return wall[0]

    watch = ReminderWatch(
        clock=clock,
        interval_ms=3_600_000,
        jump_check_ms=20,
        notifier=notes.append,
        wall=read_wall,
        monotonic=lambda: mono[0],
    )
    seen: list[list[object]] = []
    watch.changed.connect(seen.append)
    ref = vault.new_case(MEMBER)
    vault.add_action_point(ref, "Prepare the statement", due_at=clock.now + timedelta(hours=1))
    watch.set_vault(vault)
    assert seen == []  # the first check waits for the event loop (the window paints first)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert watch.due == []
    clock.advance(hours=8)
    wall[0] += 30  # both clocks move together: no jump, no early check
    mono[0] += 30
    reads = len(wall_reads)
    qtbot.waitUntil(lambda: len(wall_reads) >= reads + 3)  # three jump checks saw the move
    assert watch.due == [] and len(seen) == 1
    wall[0] += 8 * 3600  # resume from sleep: the wall clock moved, the monotonic one did not
    qtbot.waitUntil(lambda: len(watch.due) == 1)
    assert notes == ["1 casework reminder is due"]
    watch.stop()
    assert watch.due == [] and seen[-1] == []
    watch.deleteLater()


def test_without_a_tray_only_the_banner_shows(qtbot: QtBot, reminder_app: MakeApp) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen has no tray
    clock = now_clock()
    app = reminder_app(clock=clock)  # the real notifier
    window, vault, ref = one_case(qtbot, app)
    vault.add_action_point(ref, "Ask HR for the rota records", due_at=clock.now - timedelta(hours=1))
    app.reminder_watch.check()
    banner = by_name(window, "Reminders banner", QLabel)
    qtbot.waitUntil(banner.isVisible)
    assert "1 casework reminder is due" in banner.text()
    assert app.reminder_watch.findChildren(QSystemTrayIcon) == []


def test_agenda_groups_by_day_overdue_first_with_names(qtbot: QtBot, reminder_app: MakeApp) -> None:
    clock = now_clock()
    app = reminder_app(clock=clock, notes=[], reminder_ms=3_600_000)
    window, vault, ref = one_case(qtbot, app)
    vault.add_action_point(ref, "Overdue thing", due_at=clock.now - timedelta(days=2))
    vault.add_action_point(ref, "Soon", due_at=clock.now + timedelta(days=3))
    vault.add_action_point(ref, "Later", due_at=clock.now + timedelta(days=10))
    vault.add_action_point(ref, "Far off", due_at=clock.now + timedelta(days=45))
    qtbot.mouseClick(by_name(window, "Agenda", QToolButton), Qt.MouseButton.LeftButton)
    agenda = window_named("Agenda")
    assert isinstance(agenda, AgendaDialog)
    qtbot.waitUntil(lambda: not agenda.loading)
    days = agenda.days()
    assert days[0] == "Overdue"
    assert len(days) == 3  # overdue, +3 days, +10 days; +45 is beyond the 30 days
    rows = agenda.rows()
    assert len(rows) == 3
    assert {r[1] for r in rows} == {ref} and {r[3] for r in rows} == {MEMBER}
    assert {r[2] for r in rows} == {"Action point due"}
    app.main_window.lock()
    assert not agenda.isVisible()
    assert app.main_window.reminders.dialogs == []


def test_the_agenda_of_a_busy_vault_says_how_many_more(
    qtbot: QtBot, reminder_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(agenda_view, "AGENDA_ROWS", 2)
    clock = now_clock()
    app = reminder_app(clock=clock, notes=[])
    window, vault, ref = one_case(qtbot, app)
    for days in (1, 2, 3, 4):
        vault.add_action_point(ref, "Chase HR", due_at=clock.now + timedelta(days=days))
    qtbot.mouseClick(by_name(window, "Agenda", QToolButton), Qt.MouseButton.LeftButton)
    agenda = window_named("Agenda")
    assert isinstance(agenda, AgendaDialog)
    qtbot.waitUntil(lambda: not agenda.loading)
    assert len(agenda.rows()) == 2
    assert agenda.days()[-1] == "… and 2 more after these"


# ---- off the GUI thread (issue 15) ---------------------------------------------------------------


def test_the_reminders_today_and_the_agenda_are_read_off_the_gui_thread(
    qtbot: QtBot, vault: Vault, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = vault.new_case(MEMBER)
    vault.add_action_point(
        ref, "Ask HR for the rota records", owner="me", due_at=clock.now - timedelta(hours=1)
    )
    vault.add_case_date(ref, "hearing", clock.now + timedelta(days=3))
    threads: dict[str, set[threading.Thread]] = {}

    def recorded(name: str, owner: type, made: Callable[..., Callable[[], object]]) -> None:
        def reader(self: object, *args: object, **kwargs: object) -> Callable[[], object]:
            read = made(self, *args, **kwargs)  # the arguments are checked here, on the GUI thread

            def on_worker() -> object:
                threads.setdefault(name, set()).add(threading.current_thread())
                return read()

            return on_worker

        monkeypatch.setattr(owner, f"{name}_reader", reader)

    recorded("reminder_page", Reminders, Reminders.reminder_page_reader)
    recorded("agenda", Reminders, Reminders.agenda_reader)
    recorded("today", TodayBoard, TodayBoard.today_reader)

    watch = ReminderWatch(clock=clock, interval_ms=3_600_000, notifier=lambda _text: None)
    watch.set_vault(vault)
    qtbot.waitUntil(lambda: watch.total == 1)
    today = TodayView()
    qtbot.addWidget(today)
    today.set_vault(vault)
    today.reload()
    qtbot.waitUntil(lambda: not today.loading)
    agenda = AgendaDialog(vault, clock)
    qtbot.addWidget(agenda)
    qtbot.waitUntil(lambda: not agenda.loading)

    assert set(threads) == {"reminder_page", "agenda", "today"}
    gui = threading.main_thread()
    assert all(gui not in seen for seen in threads.values()), threads
    # What they read is what the screens show.
    assert [r.ref for r in watch.due] == [ref]
    assert today.rows(today.reminders)[0][0] == ref and today.first_ref() == ref
    assert {row[1] for row in agenda.rows()} == {ref}
    watch.stop()
    watch.deleteLater()


@pytest.fixture
def held_pool() -> Iterator[SynchronousPool]:
    """Background reads wait in a queue until the test runs them (on this thread)."""
    pool = SynchronousPool(immediate=False)
    tasks.use_pool(pool)
    try:
        yield pool
    finally:
        tasks.use_pool(None)


def test_one_check_reads_at_a_time_and_a_stale_result_is_dropped(
    qtbot: QtBot, vault: Vault, clock: FakeClock, tmp_path: Path, held_pool: SynchronousPool
) -> None:
    ref = vault.new_case(MEMBER)
    vault.add_action_point(ref, "Ask HR for the rota records", due_at=clock.now - timedelta(hours=1))
    notes: list[str] = []
    seen: list[list[object]] = []
    watch = ReminderWatch(clock=clock, interval_ms=3_600_000, notifier=notes.append)
    watch.changed.connect(seen.append)
    watch.set_vault(vault)
    qtbot.waitUntil(lambda: len(held_pool.waiting) == 1)  # the first check is reading
    watch.check()
    watch.check()  # both asked for while it reads: neither starts a second read
    assert len(held_pool.waiting) == 1 and seen == []
    assert held_pool.run_all() == 2  # that read, then one more once it was in
    assert watch.total == 1 and notes == ["1 casework reminder is due"] and len(seen) == 2

    # A lock while a read is on its way: what it would have said is never shown.
    vault.add_action_point(ref, "Second thing", due_at=clock.now - timedelta(minutes=5))
    watch.check()
    watch.stop()
    held_pool.run_all()
    assert watch.total == 0 and watch.due == [] and seen[-1] == []
    assert notes == ["1 casework reminder is due"]

    # Another vault while the first vault's read is on its way: only the new vault's counts.
    other = Vault.create(
        VaultPaths(tmp_path / "other"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock
    )
    try:
        watch.set_vault(vault)
        qtbot.waitUntil(lambda: len(held_pool.waiting) == 1)
        watch.set_vault(other)
        qtbot.waitUntil(lambda: len(held_pool.waiting) == 2)
        held_pool.run_all()
        assert watch.total == 0 and notes == ["1 casework reminder is due"]
    finally:
        watch.stop()
        watch.deleteLater()
        other.close()


def test_a_reminder_read_that_ends_after_the_lock_is_dropped(
    qtbot: QtBot, reminder_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock, notes = now_clock(), []
    app = reminder_app(clock=clock, notes=notes, reminder_ms=3_600_000)
    window, vault, ref = one_case(qtbot, app)
    vault.add_action_point(ref, "Ask HR for the rota records", due_at=clock.now - timedelta(hours=1))
    started, release, ended = threading.Event(), threading.Event(), threading.Event()
    made = Reminders.reminder_page_reader

    def slow_reader(
        self: Reminders, now: datetime | None = None, limit: int = PAGE
    ) -> Callable[[], ReminderPage]:
        read = made(self, now, limit)

        def slow() -> ReminderPage:
            started.set()
            try:
                assert release.wait(10)
                return read()  # its own connection, still open after the lock
            finally:
                ended.set()

        return slow

    monkeypatch.setattr(Reminders, "reminder_page_reader", slow_reader)
    app.reminder_watch.check()
    assert started.wait(10)
    app.main_window.lock()
    release.set()
    assert ended.wait(10)
    qtbot.wait(100)  # the result's queued delivery, were it still to come, has had its turn
    assert app.reminder_watch.total == 0 and app.reminder_watch.due == []
    assert notes == [] and badge(window) == "Reminders"
    assert not by_name(window, "Reminders banner", QLabel).isVisible()
