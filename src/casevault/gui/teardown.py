"""One way to open a dialog, and one way to make every dialog go when the vault locks.

A window keeps its dialogs in a `DialogSet`: `open(key, factory)` shows one dialog per key (a
second request raises the one already open), forgets it when it finishes and deletes it. On lock,
`close_all()` closes what the set holds and, as a safety net, every QDialog still under the
owner widget (message boxes, dialogs a panel opened itself), skipping C++ objects Qt already
deleted. Every step is guarded: a dialog that fails to close is hidden and deleted anyway, and the
failure is logged by event name only, so one broken dialog never keeps the vault open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtWidgets import QDialog, QWidget

log = logging.getLogger(__name__)

D = TypeVar("D", bound=QDialog)


def alive(obj: object) -> bool:
    """The Python wrapper still has its C++ object (Qt may have deleted it under us)."""
    return obj is not None and shiboken6.isValid(obj)


def guarded(step: str, func: Callable[[], object]) -> bool:
    """Run one teardown step; a failure is logged by its step name and does not propagate."""
    try:
        func()
    except Exception:
        log.warning("gui.lock-step-failed %s", step)
        return False
    return True


def drop_dialog(dialog: QDialog) -> None:
    """Close a dialog for a lock: nobody is asked anything (see TypedInputDialog.drop_on_lock),
    and if closing fails the dialog is still hidden and deleted."""
    if not alive(dialog):
        return
    drop = getattr(dialog, "drop_on_lock", None)
    guarded("dialog-reject", drop if callable(drop) else dialog.reject)
    if alive(dialog):
        guarded("dialog-hide", dialog.hide)
    if alive(dialog):
        guarded("dialog-delete", dialog.deleteLater)


class DialogSet:
    """The dialogs a window opened, by key (see the module docstring)."""

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self._open: dict[str, QDialog] = {}

    def get(self, key: str) -> QDialog | None:
        dialog = self._open.get(key)
        if dialog is not None and not alive(dialog):
            del self._open[key]
            return None
        return dialog

    def open(
        self,
        key: str,
        factory: Callable[[], D],
        *,
        on_finished: Callable[[D, int], None] | None = None,
        show: Callable[[D], None] | None = None,
    ) -> D:
        """The dialog for `key`: the one already open (raised), or a new one from `factory`,
        shown with `show` (default: window-modal `open()`)."""
        existing = self.get(key)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing  # type: ignore[return-value]
        dialog = factory()
        self._open[key] = dialog

        def finished(result: int) -> None:
            if self._open.get(key) is dialog:
                del self._open[key]
            try:
                if on_finished is not None:
                    on_finished(dialog, result)
            finally:
                if alive(dialog):
                    dialog.deleteLater()

        dialog.finished.connect(finished)
        (show or QDialog.open)(dialog)
        return dialog

    def close_all(self) -> None:
        """On lock: every dialog goes, registered or not."""
        dialogs, self._open = list(self._open.values()), {}
        close_dialogs_under(self._owner, dialogs)


def close_dialogs_under(owner: QWidget, first: list[QDialog] | None = None) -> None:
    """Drop `first`, then every QDialog still under `owner` (the safety net)."""
    dialogs = list(first or [])
    if alive(owner):
        try:
            dialogs += owner.findChildren(QDialog)
        except Exception:
            log.warning("gui.lock-step-failed find-dialogs")
    seen: set[int] = set()
    for dialog in dialogs:
        if id(dialog) not in seen:
            seen.add(id(dialog))
            drop_dialog(dialog)
