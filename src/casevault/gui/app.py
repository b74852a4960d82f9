"""Start the desktop app: first run (create a vault) or unlock, then the main window."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from casevault.core.clock import Clock, utc_now
from casevault.core.paths import VaultPaths
from casevault.crypto.kdf import KdfParams
from casevault.gui import focus_style, refcount_guard, settings, translations
from casevault.gui.main_window import MINUTE_MS, MainWindow
from casevault.gui.reminder_watch import INTERVAL_MS, Notifier, ReminderWatch
from casevault.gui.screen_lock import ScreenLockWatcher
from casevault.gui.single_instance import FrontDoor, InstanceLock, claim_or_knock
from casevault.gui.unlock_dialog import UnlockDialog, open_by_keychain
from casevault.host.keychain import Keychain, OsKeychain
from casevault.resources import APP_ID, APPLICATION_NAME, icon_pngs
from casevault.vault.facade import Vault
from casevault.vault.unlock import retry_delay

if TYPE_CHECKING:
    from casevault.gui.create_dialog import CreateVaultDialog

log = logging.getLogger(__name__)


class App(QObject):
    """Which screen is showing: create-vault, unlock, or the main window. Everything a test needs
    to change (paths, keychain, KDF cost, idle time, retry delay, the clock) is a parameter. The
    vaults it creates or opens run on `clock`, and so do the reminders: the window has one clock.
    Without `idle_ms` the idle time is the one in Preferences. The screen-lock watcher listens on
    the D-Bus buses named in the environment when the App is made. `open_file` (kind, path) is
    the file casevault was started on (`casevault FILE`): its flow opens after the first unlock."""

    def __init__(
        self,
        paths: VaultPaths,
        *,
        keychain: Keychain | None,
        kdf_params: KdfParams | None = None,
        idle_ms: int | None = None,
        retry: Callable[[int], float] = retry_delay,
        unlock_hint: str = "",
        clock: Clock = utc_now,
        reminder_ms: int = INTERVAL_MS,
        notifier: Notifier | None = None,
        instance_lock: InstanceLock | None = None,
        open_file: tuple[str, Path] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.open_file = open_file
        refcount_guard.top_up()
        self._guard = QTimer(self)  # see refcount_guard: a PySide6 bug would end long sessions
        self._guard.setInterval(refcount_guard.INTERVAL_MS)
        self._guard.timeout.connect(refcount_guard.top_up)
        if refcount_guard.NEEDED:
            self._guard.start()
        qapp = QApplication.instance()
        if isinstance(qapp, QApplication):
            focus_style.install(qapp)  # a focus the rep can see, for as long as the app runs
        self.paths = paths
        self.keychain = keychain
        self.kdf_params = kdf_params
        self.clock = clock
        if idle_ms is None:
            idle_ms = settings.idle_minutes() * MINUTE_MS
        # Asks the vault what is due about once a minute while unlocked; `notifier` is for tests (a
        # desktop notification only ever says how many reminders are due).
        self.reminder_watch = ReminderWatch(
            clock=clock, interval_ms=reminder_ms, notifier=notifier, parent=self
        )
        self.main_window = MainWindow(idle_ms=idle_ms, watch=self.reminder_watch)
        self.reminder_watch.setParent(self.main_window)  # lives exactly as long as its window
        self.main_window.locked.connect(self._after_lock)
        self.screen_lock = ScreenLockWatcher(self)
        self.main_window.watch_screen_lock(self.screen_lock)
        self.create_dialog: CreateVaultDialog | None = None
        self.unlock_dialog = UnlockDialog(
            paths, hint=unlock_hint, delay=retry, keychain=keychain, clock=clock
        )
        self.unlock_dialog.unlocked.connect(self._unlocked)
        self.unlock_dialog.rejected.connect(self._quit)
        # One window per vault (single_instance.py): a second start knocks at this door.
        self.instance_lock = instance_lock
        self.front_door: FrontDoor | None = None
        if instance_lock is not None:
            self.front_door = FrontDoor(paths, self)
            self.front_door.raise_requested.connect(self.bring_to_front)
            if instance_lock.held:
                self.front_door.listen()

    def start(self, vault: Vault | None = None) -> None:
        """Show the first screen. `vault`, when given, is already open (the demo)."""
        if vault is not None:
            self._unlocked(vault)
        elif not self.paths.keys_file.exists():
            # Only a first run shows it, so only a first run loads it (issue 15).
            from casevault.gui.create_dialog import CreateVaultDialog  # noqa: PLC0415

            self.create_dialog = CreateVaultDialog(
                self.paths, keychain=self.keychain, kdf_params=self.kdf_params, clock=self.clock
            )
            self.create_dialog.created.connect(self._unlocked)
            self.create_dialog.created.connect(self._first_run)
            self.create_dialog.rejected.connect(self._quit)
            self.create_dialog.show()
        else:
            self.show_unlock()

    def show_unlock(self) -> None:
        """At start: the keychain silently; when it cannot, the passphrase dialog says why."""
        vault, reason = open_by_keychain(self.paths, self.keychain, clock=self.clock)
        if vault is not None:
            self._unlocked(vault)
            return
        self._ask(reason)

    def _after_lock(self) -> None:
        # A lock is meant to keep the cases shut, so the keychain does not silently reopen them.
        self._ask(self.tr("casevault was locked"))

    def _ask(self, reason: str | None) -> None:
        self.unlock_dialog.set_reason(reason)
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()
        self.unlock_dialog.activateWindow()

    def _unlocked(self, vault: Vault, notice: str = "") -> None:
        self.main_window.set_vault(vault, notice)
        self.main_window.show()
        self.main_window.raise_()
        self._open_file()

    def _open_file(self) -> None:
        """Once: a handover bundle starts receiving the case; a backup waits in the Backup dialog
        for the passphrase it was made with, then Verify."""
        opened, self.open_file = self.open_file, None
        window = self.main_window
        if opened is None:
            return
        from casevault.host.desktop import HANDOVER  # noqa: PLC0415 - only for `casevault FILE`

        kind, path = opened
        if kind == HANDOVER:
            window.open_handover()
            if window.handover_dialog is not None:
                window.handover_dialog.start_receive(path)
        else:
            window.open_backup()
            if window.backup_dialog is not None:
                window.backup_dialog.offer_verify(path)

    def bring_to_front(self) -> None:
        """Another `casevault` was started for this vault: show this one instead (Wayland and
        some X11 window managers refuse the activation; the window is raised where allowed)."""
        for window in (self.main_window, self.unlock_dialog, self.create_dialog):
            if window is not None and window.isVisible():
                if window.isMinimized():
                    window.showNormal()
                window.raise_()
                window.activateWindow()

    def _first_run(self, _vault: Vault, _notice: str = "") -> None:
        """A new vault: check once whether this device is encrypted and locks itself."""
        lock = self.instance_lock
        if lock is not None and not lock.held and lock.claim() and self.front_door is not None:
            self.front_door.listen()  # the vault exists only now, so only now can it be locked
        self.main_window.open_device_check(first_run=True)

    def _quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Lock quietly on exit, so no vault stays open and no timer fires afterwards."""
        qapp = QApplication.instance()
        if isinstance(qapp, QApplication):
            focus_style.uninstall(qapp)
        self.screen_lock.close()
        if self.front_door is not None:
            self.front_door.close()
        self._guard.stop()
        self.main_window.stop_timers()
        vault = self.main_window.vault
        if vault is not None:
            self.main_window.save_and_drop_case_page()  # exiting never loses a half-typed form
            self.main_window.reminders.clear()  # its dialogs, rows and timer
            self.main_window.model.clear()
            vault.close()


def run(paths: VaultPaths | None, demo: bool, open_file: tuple[str, Path] | None = None) -> int:
    """The `casevault` GUI. With `demo`, a throwaway vault of fictional cases, destroyed on exit;
    with `open_file` (kind, path), that file's flow once unlocked (App)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION_NAME)  # X11 WM_CLASS: the .desktop file's StartupWMClass
    app.setOrganizationName("casevault")
    app.setApplicationDisplayName("casevault")
    app.setDesktopFileName(APP_ID)  # the Wayland app_id: how the shell finds the .desktop file
    app.setWindowIcon(app_icon())
    lock = None if demo else claim_or_knock(paths or VaultPaths.resolve(None))
    translations.install()  # the system language, or CASEVAULT_LANG; before any window
    clock: Clock = utc_now  # one clock for the window, its vault and the demo cases' dates
    if demo:
        from casevault.demo import demo_vault  # noqa: PLC0415
        from casevault.gui.letter_pdf import render_letter  # noqa: PLC0415

        # The demo's letter is made as the letter dialog makes one (the demo imports no Qt).
        with demo_vault(clock=clock, render_pdf=render_letter) as (demo_paths, passphrase):
            vault = Vault.open(
                demo_paths, keychain=None, ask_passphrase=lambda _reason: passphrase, clock=clock
            )
            hint = QCoreApplication.translate(
                "casevault", "This is the demo vault. Its passphrase is: %1"
            ).replace("%1", passphrase)
            demo_app = App(demo_paths, keychain=None, unlock_hint=hint, clock=clock, open_file=open_file)
            return _loop(app, demo_app, vault)
    assert lock is not None
    try:
        controller = App(
            lock.paths, keychain=OsKeychain(), instance_lock=lock, clock=clock, open_file=open_file
        )
        return _loop(app, controller, None)
    finally:
        lock.release()


def app_icon() -> QIcon:
    """The window icon at every hicolor size, from the PNGs shipped in casevault.resources."""
    icon = QIcon()
    for png in icon_pngs():
        icon.addFile(str(png))
    return icon


def _loop(app: Any, controller: App, vault: Vault | None) -> int:
    controller.start(vault)
    restore = _quit_on_signals(app)
    QTimer.singleShot(0, lambda: log.info("gui.running"))  # with --debug: the window is up
    try:
        return int(app.exec())
    finally:
        restore()
        controller.shutdown()
        controller.main_window.close()
        translations.uninstall()  # the process may go on (tests): back to the language before


def _quit_on_signals(app: Any) -> Callable[[], None]:
    """SIGTERM (logout, `kill`, a service manager) and Ctrl-C quit like closing the window: the
    vault is locked, a demo vault destroyed, and the exit code is 0. Qt's event loop runs in C++,
    so a timer hands Python a moment twice a second to run the handler. Returns the undo."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None  # signal handlers can only be set from the main thread
    received: list[int] = []

    def request_quit(signum: int, _frame: object) -> None:
        # Nothing that takes a lock here (not even logging): the handler can interrupt a write.
        received.append(signum)
        app.quit()

    previous = {sig: signal.signal(sig, request_quit) for sig in (signal.SIGTERM, signal.SIGINT)}
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(500)

    def restore() -> None:
        wake.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for signum in received[:1]:
            log.info("gui.quit-requested %s", signal.Signals(signum).name.lower())

    return restore
