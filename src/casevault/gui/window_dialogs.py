"""The main window's dialogs (a mixin of MainWindow, to keep main_window.py small).

Every one is opened through `self.dialogs`, a teardown.DialogSet, so a lock reaches all of them
and no Python reference outlives its dialog. The properties give tests and the window the dialog
that is open now, or None."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from casevault import __version__
from casevault.casework import help_links
from casevault.core.paths import VaultPaths
from casevault.gui import settings
from casevault.gui.teardown import DialogSet
from casevault.vault.facade import Vault

if TYPE_CHECKING:
    from casevault.gui.backup_dialog import BackupDialog
    from casevault.gui.breach_dialog import BreachDialog, BreachLogDialog
    from casevault.gui.clock_settings_dialog import ClockSettingsDialog
    from casevault.gui.device_check_dialog import DeviceCheckDialog
    from casevault.gui.figures_window import FiguresWindow
    from casevault.gui.handover_dialog import HandoverDialog
    from casevault.gui.library_dialog import LibraryDialog
    from casevault.gui.new_case_dialog import NewCaseDialog
    from casevault.gui.preferences_dialog import PreferencesDialog
    from casevault.gui.sync_dialog import SyncDialog

    _Base = QMainWindow
else:
    _Base = object


class WindowDialogs(_Base):
    dialogs: DialogSet
    _vault: Vault | None
    _screen_lock_watched: bool

    if TYPE_CHECKING:

        def _case_created(self, ref: str) -> None: ...
        def _case_received(self, ref: str) -> None: ...
        def _preferences_finished(self, dialog: PreferencesDialog, result: int) -> None: ...

    @property
    def _new_case(self) -> NewCaseDialog | None:
        return self.dialogs.get("new-case")  # type: ignore[return-value]

    @property
    def _preferences(self) -> PreferencesDialog | None:
        return self.dialogs.get("preferences")  # type: ignore[return-value]

    @property
    def library_dialog(self) -> LibraryDialog | None:
        return self.dialogs.get("library")  # type: ignore[return-value]

    @property
    def handover_dialog(self) -> HandoverDialog | None:
        return self.dialogs.get("handover")  # type: ignore[return-value]

    @property
    def backup_dialog(self) -> BackupDialog | None:
        return self.dialogs.get("backup")  # type: ignore[return-value]

    @property
    def breach_dialog(self) -> BreachDialog | None:
        return self.dialogs.get("breach")  # type: ignore[return-value]

    @property
    def breach_log(self) -> BreachLogDialog | None:
        return self.dialogs.get("breach-log")  # type: ignore[return-value]

    @property
    def clock_settings(self) -> ClockSettingsDialog | None:
        return self.dialogs.get("clock-settings")  # type: ignore[return-value]

    @property
    def device_check(self) -> DeviceCheckDialog | None:
        return self.dialogs.get("device-check")  # type: ignore[return-value]

    @property
    def figures_window(self) -> FiguresWindow | None:
        return self.dialogs.get("figures")  # type: ignore[return-value]

    @property
    def about_box(self) -> QMessageBox | None:
        return self.dialogs.get("about")  # type: ignore[return-value]

    def open_new_case(self) -> None:
        from casevault.gui.new_case_dialog import NewCaseDialog  # noqa: PLC0415 - loaded when first opened

        vault = self._vault
        if vault is None:
            return

        def make() -> NewCaseDialog:
            dialog = NewCaseDialog(vault, self)
            dialog.case_created.connect(self._case_created)
            return dialog

        self.dialogs.open("new-case", make)

    def open_shortcuts(self) -> None:
        from casevault.gui.shortcuts_dialog import ShortcutsDialog  # noqa: PLC0415 - on demand
        from casevault.gui.window_menus import shortcut_rows  # noqa: PLC0415

        self.dialogs.open("shortcuts", lambda: ShortcutsDialog(shortcut_rows(self), self))  # type: ignore[arg-type]

    def open_preferences(self) -> None:
        from casevault.gui.preferences_dialog import PreferencesDialog  # noqa: PLC0415 - loaded when first opened

        self.dialogs.open(
            "preferences",
            lambda: PreferencesDialog(
                settings.idle_minutes(), screen_lock_watched=self._screen_lock_watched, parent=self
            ),
            on_finished=self._preferences_finished,
        )

    def open_library(self) -> None:
        """The policy library (vault-wide: not tied to a case)."""
        from casevault.gui.library_dialog import LibraryDialog  # noqa: PLC0415 - loaded when first opened

        vault = self._vault
        if vault is not None:
            self.dialogs.open(
                "library", lambda: LibraryDialog(vault, self), on_finished=lambda d, _r: d.clear()
            )

    def open_handover(self) -> None:
        """This vault's handover key, and receiving a case handed over by a colleague."""
        from casevault.gui.handover_dialog import HandoverDialog  # noqa: PLC0415 - loaded when first opened

        vault = self._vault
        if vault is None:
            return

        def make() -> HandoverDialog:
            dialog = HandoverDialog(vault, self)
            dialog.received.connect(self._case_received)
            return dialog

        self.dialogs.open("handover", make)

    def open_backup(self) -> None:
        """Backup… and Verify a backup… (issue 6)."""
        from casevault.gui.backup_dialog import BackupDialog  # noqa: PLC0415 - only when asked

        vault = self._vault
        if vault is not None:
            self.dialogs.open("backup", lambda: BackupDialog(vault, self))

    def open_breach_form(self) -> None:
        from casevault.gui.breach_dialog import BreachDialog  # noqa: PLC0415 - loaded when first opened

        vault = self._vault
        if vault is not None:
            self.dialogs.open("breach", lambda: BreachDialog(vault, self))

    def open_breach_log(self) -> None:
        from casevault.gui.breach_dialog import BreachLogDialog  # noqa: PLC0415 - loaded when first opened

        vault = self._vault
        if vault is not None:
            self.dialogs.open("breach-log", lambda: BreachLogDialog(vault, self))

    def open_sync(self) -> None:
        """Settings > Sync: devices, Sync now, the conflicts to resolve."""
        from casevault.gui.sync_dialog import SyncDialog  # noqa: PLC0415 - only when asked

        vault = self._vault
        if vault is not None:
            self.dialogs.open("sync", lambda: SyncDialog(vault, self))

    @property
    def sync_dialog(self) -> SyncDialog | None:
        return self.dialogs.get("sync")  # type: ignore[return-value]

    def open_clock_settings(self) -> None:
        """The vault's jurisdiction, closure days, refer-by weeks and warning lead times."""
        from casevault.gui.clock_settings_dialog import ClockSettingsDialog  # noqa: PLC0415 - only when asked

        vault = self._vault
        if vault is not None:
            self.dialogs.open("clock-settings", lambda: ClockSettingsDialog(vault, self))

    def export_calendar(self) -> None:
        """Deadlines and hearings to an .ics file (gui/calendar_export.py); the outcome in the
        status bar."""
        from casevault.gui.calendar_export import export_calendar  # noqa: PLC0415 - only when asked

        vault = self._vault
        if vault is not None:
            said = export_calendar(self, vault)
            if said:
                self.statusBar().showMessage(said, 8000)

    def open_figures(self) -> None:
        """Branch figures (codes and counts only); not modal, so the case list stays usable."""
        from casevault.gui.figures_window import FiguresWindow  # noqa: PLC0415 - only when asked

        vault = self._vault
        if vault is not None:
            self.dialogs.open("figures", lambda: FiguresWindow(vault, self), show=QDialog.show)

    def open_device_check(self, *, first_run: bool = False) -> DeviceCheckDialog:
        """The device check; after a vault is created (`first_run`) it appears without taking
        the focus or blocking the window."""
        from casevault.gui.device_check_dialog import DeviceCheckDialog  # noqa: PLC0415 - loaded when first opened

        root = self._vault.paths.root if self._vault is not None else settings_root()

        def show_quietly(dialog: DeviceCheckDialog) -> None:
            dialog.setModal(False)
            dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            dialog.show()

        return self.dialogs.open(
            "device-check", lambda: DeviceCheckDialog(root, self), show=show_quietly if first_run else None
        )

    def open_about(self) -> None:
        self.dialogs.open("about", self._about_box)

    def _about_box(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About casevault"))
        box.setAccessibleName(self.tr("About casevault"))
        box.setText(
            self.tr(
                "casevault %1: an encrypted case vault for union reps. Everything stays on this "
                "computer, encrypted."
            ).replace("%1", __version__)
        )
        box.setInformativeText(QCoreApplication.translate(help_links.CONTEXT, help_links.LOOK_IT_UP))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.button(QMessageBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        return box


def settings_root() -> Path:
    """Where the vault would be, for a device check with no vault open."""
    return VaultPaths.resolve(None).root
