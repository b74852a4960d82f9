"""The reminder timer: asks the vault what is due about once a minute while it is unlocked.

It also asks at once on unlock (so what fell due while locked shows straight away) and when the
wall clock jumps, as it does on resume from sleep or a clock change: a cheap, frequent check
compares how far `time.time()` moved with how far `time.monotonic()` moved (the monotonic clock
stops while the computer sleeps). On lock it stops and forgets every reminder.

Each check reads on a worker thread, on a connection of its own (gui/worker_read.py): at 100k
cases it took 100-500 ms, every minute, on the GUI thread (issue 15). A check asked for while one
is reading waits for it and runs once after it; a result that arrives after a lock, or for a vault
that is no longer this watch's, is dropped.

When more reminders are due than before, a desktop notification says how many, and nothing else:
never a name, a reference or what kind of reminder it is, since a notification shows on a locked
screen and in the notification history. Without a system tray there is no notification; the
in-app banner is the only sign.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from casevault.casework.reminders import Reminder, ReminderPage
from casevault.core.clock import utc_now
from casevault.core.errors import CasevaultError
from casevault.gui.worker_read import WorkerRead
from casevault.vault.facade import Vault
from casevault.vault.reminders import PAGE

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Notifier = Callable[[str], None]
INTERVAL_MS = 60 * 1000
JUMP_CHECK_MS = 5 * 1000
JUMP_SECONDS = 90.0  # wall-clock time that moved this much more (or less) than monotonic time
# The first check waits for the window's first paint, or this long if it never paints (minimised).
FIRST_CHECK_LATEST_MS = 1000


class TrayNotifier(QObject):
    """Shows a message from the system tray icon where there is a tray; otherwise does nothing."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon: QSystemTrayIcon | None = None

    def __call__(self, text: str) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._icon is None:
            style = QApplication.style()
            self._icon = QSystemTrayIcon(
                style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation), self
            )
            self._icon.setToolTip("casevault")
            self._icon.show()
        self._icon.showMessage("casevault", text, QSystemTrayIcon.MessageIcon.Information)

    def hide(self) -> None:
        if self._icon is not None:
            self._icon.hide()


class ReminderWatch(QObject):
    """`changed(list[Reminder])` is emitted after every check with the first PAGE due (`total`
    says how many there are in all), and with [] on stop."""

    changed = Signal(list)

    def __init__(
        self,
        *,
        clock: Clock = utc_now,
        interval_ms: int = INTERVAL_MS,
        jump_check_ms: int = JUMP_CHECK_MS,
        notifier: Notifier | None = None,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._notify: Notifier = notifier if notifier is not None else TrayNotifier(self)
        self._wall = wall
        self._monotonic = monotonic
        self._vault: Vault | None = None
        self._due: list[Reminder] = []
        self._total = 0
        self._last = (0.0, 0.0)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._jumps = QTimer(self)
        self._jumps.setInterval(jump_check_ms)
        self._jumps.timeout.connect(self._check_for_jump)
        # The first check after an unlock waits until the window has painted: at 10k cases with
        # thousands due, the check was the slow part of opening the app. A 0-ms timer alone is
        # not enough: the paint is itself a posted event, and the timer fired before it.
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.check)
        self._painter: QWidget | None = None
        self._reads = WorkerRead("reminders", self)

    def now(self) -> datetime:
        return self.clock()

    @property
    def due(self) -> list[Reminder]:
        """The first PAGE of what is due, oldest first."""
        return list(self._due)

    @property
    def watching(self) -> bool:
        """Between `set_vault` and `stop`."""
        return self._vault is not None

    @property
    def total(self) -> int:
        """How many reminders are due, on the page or not."""
        return self._total

    def set_vault(self, vault: Vault, *, painted_by: QWidget | None = None) -> None:
        """Unlocked: check once `painted_by` has painted (without it, on the event loop's next
        turn), then every interval."""
        self._reads.reset()
        self._vault = vault
        self._due, self._total = [], 0
        self._timer.start()
        self._jumps.start()
        self._stop_waiting_for_paint()
        if painted_by is None:
            self._first.start(0)
        else:
            self._painter = painted_by
            painted_by.installEventFilter(self)
            self._first.start(FIRST_CHECK_LATEST_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._painter and event.type() == QEvent.Type.Paint:
            self._stop_waiting_for_paint()
            self._first.start(0)  # runs once this paint has finished
        return False

    def _stop_waiting_for_paint(self) -> None:
        if self._painter is not None:
            self._painter.removeEventFilter(self)
            self._painter = None

    def stop(self) -> None:
        """Locked: no more checks, and nothing remembered."""
        self._stop_waiting_for_paint()
        self._first.stop()
        self._timer.stop()
        self._jumps.stop()
        self._reads.reset()
        self._vault = None
        self._due, self._total = [], 0
        if isinstance(self._notify, TrayNotifier):
            self._notify.hide()
        self.changed.emit([])

    def check(self) -> None:
        self._last = (self._wall(), self._monotonic())
        vault = self._vault
        if vault is None or not vault.is_open:
            return
        if self._reads.busy_then(self.check):
            return  # the read on its way may predate what asked for this one: read again after it
        try:
            # A count and a first page: at 100k cases 88k are due, and building every one
            # took most of a second each minute (issue 15).
            read = vault.reminder_page_reader(self.clock(), PAGE)
        except CasevaultError as err:
            log.warning("reminders.failed %s", type(err).__name__)
            return
        self._reads.start(read, lambda page: self._read(vault, page))

    def _read(self, vault: Vault, page: ReminderPage) -> None:
        if vault is not self._vault or not vault.is_open:
            return  # locked, or another vault, while it was read
        grew = page.total > self._total
        self._due, self._total = page.first, page.total
        self.changed.emit(list(page.first))
        if grew:
            self._notify(self.count_text(page.total))

    def _check_for_jump(self) -> None:
        wall, mono = self._wall(), self._monotonic()
        last_wall, last_mono = self._last
        if abs((wall - last_wall) - (mono - last_mono)) > JUMP_SECONDS:
            log.info("reminders.clock-jump")
            self.check()
            if self._timer.isActive():
                self._timer.start()  # the next regular check counts from now
        else:
            self._last = (wall, mono)

    def count_text(self, count: int) -> str:
        """The only words a notification or the banner ever holds: how many are due."""
        if count == 1:
            return self.tr("1 casework reminder is due")
        return self.tr("%n casework reminders are due", "", count)
