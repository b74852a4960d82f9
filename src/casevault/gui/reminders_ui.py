"""The main window's reminders and deletion tools, kept out of main_window.py: the "Reminders (N)"
badge, the banner, the reminders panel (a dock), the agenda, the deletion log, the archive
periods and the delete dialogs. `clear()` on lock closes every one of them and forgets all rows.

None of these shows on the first screen but the badge and the banner, so the panel is built the
first time it is shown or asked for (`panel`, `dock`), and the dialogs' modules are imported when
one first opens: the agenda's alone pulled in the tribunal time limits (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDockWidget, QToolBar, QWidget

from casevault.core.errors import CasevaultError
from casevault.gui.focus_style import keyboard_links
from casevault.gui.notice_style import notice_css
from casevault.gui.reminder_watch import ReminderWatch
from casevault.gui.reminders_panel import RemindersPanel
from casevault.gui.steady_layout import SlotLabel
from casevault.vault.facade import Vault

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from casevault.casework.reminders import Reminder
    from casevault.gui.delete_dialog import BulkPurge, DeleteCaseDialog


class RemindersUi(QObject):
    open_case_requested = Signal(str)
    case_deleted = Signal(str)

    def __init__(self, window: QMainWindow, toolbar: QToolBar, watch: ReminderWatch) -> None:
        super().__init__(window)
        self._window = window
        self._vault: Vault | None = None
        self.watch = watch
        self.dialogs: list[QDialog] = []
        self._bulk: BulkPurge | None = None
        watch.changed.connect(self._due_changed)
        self._panel: RemindersPanel | None = None  # see `panel`
        self._dock: QDockWidget | None = None

        # One line tall whether or not anything is due, and its room kept while it is hidden: the
        # banner coming and going never moves the controls below it (issue 18).
        self.banner = SlotLabel()
        self.banner.setAccessibleName(self.tr("Reminders banner"))
        self.banner.setStyleSheet(notice_css("padding: 6px;"))
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.linkActivated.connect(self.show_panel)
        keyboard_links(self.banner)  # Tab reaches "Show reminders", Enter follows it
        policy = self.banner.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.banner.setSizePolicy(policy)
        self.banner.hide()

        self.reminders_action = self._action(
            toolbar, self.tr("&Reminders"), self.tr("Reminders"), self.show_panel
        )
        self.agenda_action = self._action(toolbar, self.tr("A&genda"), self.tr("Agenda"), self.open_agenda)
        self.log_action = self._action(
            toolbar, self.tr("Deletion &log"), self.tr("Deletion log"), self.open_deletion_log
        )
        self.retention_action = self._action(
            toolbar, self.tr("A&rchive periods…"), self.tr("Archive periods"), self.open_retention
        )
        self._due_changed([])

    @property
    def panel(self) -> RemindersPanel:
        """The reminders panel, built on first use with what the watch last said is due."""
        if self._panel is None:
            self._build_panel()
        assert self._panel is not None
        return self._panel

    @property
    def dock(self) -> QDockWidget:
        """The dock the panel sits in, at the bottom of the window; hidden until shown."""
        if self._dock is None:
            self._build_panel()
        assert self._dock is not None
        return self._dock

    def _build_panel(self) -> None:
        panel = RemindersPanel(self.watch.now)
        panel.open_case_requested.connect(self.open_case_requested)
        panel.delete_requested.connect(self.delete_case)
        panel.delete_expired_requested.connect(self.delete_expired)
        panel.changed.connect(self.watch.check)
        panel.failed.connect(self._show_message)
        dock = QDockWidget(self.tr("Reminders"), self._window)
        dock.setObjectName("reminders")
        dock.setAccessibleName(self.tr("Reminders panel"))
        dock.setWidget(panel)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        self._panel, self._dock = panel, dock
        self.banner_last_in_tab_chain()
        panel.set_vault(self._vault)
        if self._vault is not None:
            panel.show_reminders(self.watch.due, total=self.watch.total)

    def banner_last_in_tab_chain(self) -> None:
        """After a part of the window built late (the panel, the case list's page), which Qt puts
        at the end of the window's Tab chain: the banner, read first, goes back to the end, so Tab
        comes round to it and then to the rest in reading order, as when all was built at once."""
        last = self._window.previousInFocusChain()
        if last is not None and last is not self.banner:
            QWidget.setTabOrder(last, self.banner)

    def _action(self, toolbar: QToolBar, text: str, name: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        toolbar.addAction(action)
        toolbar.widgetForAction(action).setAccessibleName(name)
        return action

    # ---- unlock and lock -----------------------------------------------------------------------

    def set_vault(self, vault: Vault) -> None:
        self._vault = vault
        if self._panel is not None:
            self._panel.set_vault(vault)
        self.watch.set_vault(vault, painted_by=self._window)

    def clear(self) -> None:
        """On lock: close every dialog, stop a bulk deletion, and forget every row."""
        if self._bulk is not None:
            self._bulk.stop()
            self._bulk.deleteLater()
            self._bulk = None
        dialogs, self.dialogs = self.dialogs, []  # (reject() would remove them as we go)
        for dialog in dialogs:
            dialog.reject()
            dialog.deleteLater()
        self.watch.stop()
        if self._panel is not None and self._dock is not None:
            self._panel.set_vault(None)
            self._dock.hide()
        self._vault = None

    # ---- the count ---------------------------------------------------------------------------

    def _due_changed(self, due: list[Reminder]) -> None:
        count = self.watch.total
        if self._panel is not None:  # else it is filled when it is built
            self._panel.show_reminders(due, total=count)
        self.reminders_action.setText(
            self.tr("&Reminders (%1)").replace("%1", str(count)) if count else self.tr("&Reminders")
        )
        self.banner.setVisible(count > 0)
        if count:
            link = self.tr("Show reminders")
            self.banner.setText(f'{self.watch.count_text(count)} — <a href="show">{link}</a>')
        else:
            self.banner.clear()

    def show_panel(self, *_args: object) -> None:
        if self._vault is None:
            return
        self.dock.show()
        self.dock.raise_()
        self.panel.tree.setFocus()

    def _show_message(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 5000)

    # ---- dialogs -----------------------------------------------------------------------------

    def _track(self, dialog: QDialog) -> QDialog:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
            dialog.deleteLater()

    def _open_single(self, kind: type[QDialog], make: Callable[[Vault], QDialog]) -> QDialog | None:
        for dialog in self.dialogs:
            if type(dialog) is kind:
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        if self._vault is None:
            return None
        dialog = self._track(make(self._vault))
        dialog.show()
        return dialog

    def open_agenda(self) -> None:
        from casevault.gui.agenda_view import AgendaDialog  # noqa: PLC0415 - see the docstring

        def make(vault: Vault) -> QDialog:
            dialog = AgendaDialog(vault, self.watch.now, self._window)
            dialog.open_case_requested.connect(self.open_case_requested)
            return dialog

        self._open_single(AgendaDialog, make)

    def open_deletion_log(self) -> None:
        from casevault.gui.deletion_log import DeletionLogDialog  # noqa: PLC0415

        self._open_single(DeletionLogDialog, lambda vault: DeletionLogDialog(vault, self._window))

    def open_retention(self) -> None:
        from casevault.gui.retention_dialog import RetentionDialog  # noqa: PLC0415

        self._open_single(RetentionDialog, lambda vault: RetentionDialog(vault, self._window))

    def delete_case(self, ref: str) -> DeleteCaseDialog | None:
        if self._vault is None:
            return None
        from casevault.gui.delete_dialog import DeleteCaseDialog  # noqa: PLC0415

        try:
            dialog = DeleteCaseDialog(self._vault, ref, self._window)
        except CasevaultError as err:
            self._show_message(err.message)
            return None
        dialog.deleted.connect(lambda deletion: self._deleted([deletion.ref]))
        self._track(dialog)
        dialog.open()
        return dialog

    def delete_expired(self, refs: list[str]) -> None:
        vault = self._vault
        if vault is None or self._bulk is not None:
            return
        held = []
        for ref in refs:
            try:
                if vault.originals_outstanding(ref):
                    held.append(ref)
            except CasevaultError:
                held.append(ref)
        from casevault.gui.delete_dialog import BulkDeleteDialog  # noqa: PLC0415

        dialog = BulkDeleteDialog(refs, held, self._window)
        dialog.accepted.connect(lambda: self._start_bulk(dialog.refs))
        self._track(dialog)
        dialog.open()

    def _start_bulk(self, refs: list[str]) -> None:
        if self._vault is None or not refs:
            return
        from casevault.gui.delete_dialog import BulkPurge  # noqa: PLC0415

        self._bulk = BulkPurge(self._vault, refs, self._window)
        self._bulk.finished.connect(self._bulk_finished)
        self._bulk.start()

    def _bulk_finished(self, deletions: list[object], failed: list[str]) -> None:
        bulk, self._bulk = self._bulk, None
        if bulk is not None:
            bulk.deleteLater()
        text = self.tr("Cases deleted permanently: %1.").replace("%1", str(len(deletions)))
        if failed:
            text += " " + self.tr("Not deleted: %1").replace("%1", ", ".join(failed))
        self._show_message(text)
        self._deleted([str(getattr(d, "ref", "")) for d in deletions])

    def _deleted(self, refs: list[str]) -> None:
        for ref in refs:
            self.case_deleted.emit(ref)
        from casevault.gui.agenda_view import AgendaDialog  # noqa: PLC0415
        from casevault.gui.deletion_log import DeletionLogDialog  # noqa: PLC0415

        for dialog in self.dialogs:
            if isinstance(dialog, AgendaDialog | DeletionLogDialog):
                dialog.reload()
        self.watch.check()
