"""Dialogs with typed input never throw it away unasked (issue 13, item 8).

A `TypedInputDialog` names its text fields (`typed_fields`) and its primary button (`primary`).
Escape, Cancel and the window's close button ask "Discard what you typed?" (Discard / Keep
editing) when a field differs from what it held when the dialog was first shown; `ask_discard`
is the one place that asks, and tests replace it, as `MainWindow.ask_unsaved`.

The primary button is made the default when the dialog is shown, not when it is built: a button
made default before it sits inside its dialog is forgotten, and Qt then makes the first button
in the focus chain (often Cancel) the default, so Enter threw the form away."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTextEdit, QWidget

from casevault.gui.teardown import alive


class Discard(Enum):
    DISCARD = "discard"
    KEEP = "keep"


def _text(field: QWidget) -> str:
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        return field.toPlainText()
    return ""


class TypedInputDialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.primary: QPushButton | None = None
        self._typed_at_start: tuple[str, ...] | None = None
        self._dropping = False

    def typed_fields(self) -> Sequence[QWidget]:
        """The fields whose text the rep typed (subclasses name them)."""
        return ()

    def _typed(self) -> tuple[str, ...]:
        return tuple(_text(field).strip() for field in self.typed_fields())

    def showEvent(self, event: Any) -> None:
        if self._typed_at_start is None:
            self._typed_at_start = self._typed()  # a prefilled field is not typed input
        if self.primary is not None:
            self.primary.setDefault(True)
        super().showEvent(event)

    def has_typed_input(self) -> bool:
        typed = self._typed()
        return typed != (self._typed_at_start or tuple("" for _ in typed))

    def discard_question(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Discard what you typed?"))
        box.setAccessibleName(self.tr("Discard what you typed?"))
        box.setText(self.tr("Discard what you typed?"))
        box.setInformativeText(self.tr("What you typed in this window has not been saved."))
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setAccessibleName(self.tr("Discard"))
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setAccessibleName(self.tr("Keep editing"))
        box.setDefaultButton(keep)  # Enter or Escape on the question loses nothing
        box.setEscapeButton(keep)
        return box

    def ask_discard(self) -> Discard:
        """Discard or Keep editing. Tests replace this method."""
        box = self.discard_question()
        box.exec()
        # A lock while the question is up closes it (and this dialog) under us: nothing to keep.
        if not alive(box):
            return Discard.KEEP
        clicked = box.clickedButton()
        discarded = clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole
        box.deleteLater()
        return Discard.DISCARD if discarded else Discard.KEEP

    def reject(self) -> None:
        if self._dropping or not self.has_typed_input():
            super().reject()
            return
        if self.ask_discard() is Discard.DISCARD and alive(self) and not self._dropping:
            super().reject()

    def drop_on_lock(self) -> None:
        """On a lock the dialog just goes, and what was typed goes with it: nobody is asked (a
        question would hold the vault open while the rep is away), and nothing is saved, because
        saving a half-made case or record is not what the rep asked for."""
        self._dropping = True
        super().reject()
