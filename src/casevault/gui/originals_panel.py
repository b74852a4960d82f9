"""The originals register: original documents received from the member (what, when, where they
are kept) and their return (the guide: at the conclusion, return any original documents). An
item not returned holds a closed case's reminder and asks for a reason before deletion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.core.errors import CasevaultError
from casevault.core.model import Original
from casevault.gui.qt_dates import DateTimeEdit, datetime_edit, from_qt, local_date_text
from casevault.gui.teardown import drop_dialog
from casevault.gui.typed_input import TypedInputDialog
from casevault.vault.facade import Vault

ID_ROLE = Qt.ItemDataRole.UserRole


class _FormDialog(TypedInputDialog):
    """A small form with Save and Cancel; `accepted` only once the vault took the values."""

    def __init__(self, title: str, vault: Vault, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.primary = self.save_button
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self._buttons = (self.save_button, cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        self._focus_placed = False

    def showEvent(self, event: Any) -> None:
        """Open on the first field: the buttons were made before the fields, so Qt would start on
        Save, and the rep's first keystrokes went nowhere (Tab order is right, round the circle)."""
        super().showEvent(event)
        if not self._focus_placed:
            self._focus_placed = True
            widget = self.nextInFocusChain()
            while widget is not None and widget is not self and not self._first_field(widget):
                widget = widget.nextInFocusChain()
            if widget is not None and widget is not self:
                widget.setFocus()

    def _first_field(self, widget: QWidget) -> bool:
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None
        return takes_tab and widget not in self._buttons and widget.isVisibleTo(self) and widget.isEnabled()

    def _date(self, name: str) -> DateTimeEdit:
        return datetime_edit(name, self._vault.now())  # the vault's clock, which dates the record too


class AddOriginalDialog(_FormDialog):
    def __init__(self, vault: Vault, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add original document"), vault, parent)
        self._ref = ref
        self.description = QLineEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setPlaceholderText(self.tr("e.g. Payslips, January to March (originals)"))
        self.received = self._date(self.tr("Date received"))
        self.kept_where = QLineEdit()
        self.kept_where.setAccessibleName(self.tr("Where kept"))
        self.kept_where.setPlaceholderText(self.tr("e.g. Locked drawer, branch office"))
        self.form.addRow(self.tr("&Description:"), self.description)
        self.form.addRow(self.tr("&Received:"), self.received)
        self.form.addRow(self.tr("&Where kept:"), self.kept_where)
        self.save_button.clicked.connect(self.save)

    def typed_fields(self) -> list[QWidget]:
        return [self.description, self.kept_where]

    def save(self) -> None:
        received = from_qt(self.received.dateTime())
        if received is None:
            self.error.setText(self.tr("Give the date it was received."))
            return
        try:
            self._vault.add_original(
                self._ref, self.description.text(), received_at=received, kept_where=self.kept_where.text()
            )
        except CasevaultError as err:
            self.error.setText(err.message)
            return
        self.accept()


class ReturnOriginalDialog(_FormDialog):
    def __init__(self, vault: Vault, original: Original, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mark original returned"), vault, parent)
        self._original = original
        what = QLabel(original.description)
        what.setAccessibleName(self.tr("Original document"))
        self.returned = self._date(self.tr("Date returned"))
        self.how = QLineEdit()
        self.how.setAccessibleName(self.tr("How returned"))
        self.how.setPlaceholderText(self.tr("e.g. By hand to the member, recorded delivery"))
        self.form.addRow(self.tr("Document:"), what)
        self.form.addRow(self.tr("&Returned:"), self.returned)
        self.form.addRow(self.tr("&How:"), self.how)
        self.save_button.clicked.connect(self.save)

    def typed_fields(self) -> list[QWidget]:
        return [self.how]

    def save(self) -> None:
        returned = from_qt(self.returned.dateTime())
        if returned is None:
            self.error.setText(self.tr("Give the date it was returned."))
            return
        try:
            self._vault.return_original(self._original.id, returned_at=returned, how=self.how.text())
        except CasevaultError as err:
            self.error.setText(err.message)
            return
        self.accept()


class OriginalsPanel(QWidget):
    changed = Signal()  # an original was added or returned

    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self._originals: dict[str, Original] = {}
        self.dialog: QDialog | None = None
        self.setAccessibleName(self.tr("Originals"))
        intro = QLabel(
            self.tr(
                "Original documents the member handed over: keep them safe and return them at the "
                "end of the case."
            )
        )
        intro.setWordWrap(True)
        self.register = QTreeWidget()
        self.register.setAccessibleName(self.tr("Originals register"))
        self.register.setRootIsDecorated(False)
        self.register.setHeaderLabels(
            [self.tr("Description"), self.tr("Received"), self.tr("Where kept"), self.tr("Returned")]
        )
        header = self.register.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.register.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("&Add original…"))
        self.add_button.setAccessibleName(self.tr("Add original"))
        self.add_button.clicked.connect(self.ask_add)
        self.return_button = QPushButton(self.tr("&Mark returned…"))
        self.return_button.setAccessibleName(self.tr("Mark returned"))
        self.return_button.clicked.connect(self.ask_return)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Originals status"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.register, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.register.clear()
        originals = self._vault.originals(self._ref)
        self._originals = {o.id: o for o in originals}
        for original in originals:
            if original.returned_at is None:
                returned = self.tr("Not returned")
            else:
                returned = (
                    self.tr("%1: %2")
                    .replace("%1", local_date_text(original.returned_at))
                    .replace("%2", original.returned_how)
                )
            item = QTreeWidgetItem(
                [original.description, local_date_text(original.received_at), original.kept_where, returned]
            )
            item.setData(0, ID_ROLE, original.id)
            item.setToolTip(0, original.description)
            self.register.addTopLevelItem(item)
        held = sum(o.returned_at is None for o in originals)
        self.status.setText(
            self.tr("%1 not returned").replace("%1", str(held)) if held else self.tr("Nothing held")
        )
        self._selection_changed()

    def selected(self) -> Original | None:
        item = self.register.currentItem()
        if item is None or not item.isSelected():
            return None
        return self._originals.get(str(item.data(0, ID_ROLE)))

    def select(self, description: str) -> None:
        for row in range(self.register.topLevelItemCount()):
            item = self.register.topLevelItem(row)
            if item is not None and item.text(0) == description:
                self.register.setCurrentItem(item)
                return

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.return_button.setEnabled(chosen is not None and chosen.returned_at is None)

    def ask_add(self) -> None:
        self._open(AddOriginalDialog(self._vault, self._ref, self))

    def ask_return(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.returned_at is None:
            self._open(ReturnOriginalDialog(self._vault, chosen, self))

    def _open(self, dialog: QDialog) -> None:
        dialog.accepted.connect(self._saved)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def close_dialogs(self) -> None:
        if self.dialog is not None:
            drop_dialog(self.dialog)
