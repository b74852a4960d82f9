"""Settings > Deadlines and working days…: the vault's jurisdiction, the employer's closure days
(the Christmas shutdown), how long before a tribunal limit to refer a case, and the lead times of
the deadline warnings. The Vault checks every value; a refusal is one sentence and keeps what was
typed. Holds no case data."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casevault.casework.time_limits import MAX_REFER_WEEKS
from casevault.casework.working_days import JURISDICTION_LABELS
from casevault.core.errors import CasevaultError
from casevault.gui.focus_order import tab_as_laid_out
from casevault.gui.qt_dates import date_edit
from casevault.vault.facade import Vault

DAY_ROLE = Qt.ItemDataRole.UserRole


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ClockSettingsDialog(QDialog):
    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(self.tr("Deadlines and working days"))
        self.setAccessibleName(self.tr("Deadlines and working days"))
        self.jurisdiction = QComboBox()
        self.jurisdiction.setAccessibleName(self.tr("Jurisdiction"))
        for code, label in JURISDICTION_LABELS:
            self.jurisdiction.addItem(QCoreApplication.translate("casework", label), code)
        self.jurisdiction.setCurrentIndex(max(0, self.jurisdiction.findData(vault.jurisdiction())))
        self.refer_weeks = QSpinBox()
        self.refer_weeks.setAccessibleName(self.tr("Refer tribunal cases, weeks before the limit"))
        self.refer_weeks.setRange(1, MAX_REFER_WEEKS)
        self.refer_weeks.setValue(vault.refer_weeks())
        self.leads = QLineEdit(", ".join(str(d) for d in vault.deadline_leads()))
        self.leads.setAccessibleName(self.tr("Deadline warnings, days before"))
        self.leads.setPlaceholderText("28, 14, 7, 2, 1")
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Jurisdiction:"), self.jurisdiction)
        form.addRow(self.tr("&Refer tribunal cases (weeks before):"), self.refer_weeks)
        form.addRow(self.tr("Deadline &warnings (days before):"), self.leads)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._closures())
        layout.addWidget(self.message)
        layout.addWidget(tab_as_laid_out(buttons))

    def _closures(self) -> QWidget:
        box = QWidget()
        self.closures = QListWidget()
        self.closures.setAccessibleName(self.tr("Employer closure days"))
        for day in self._vault.closure_days():
            self._add_day(day)
        self.closure_date = date_edit(self.tr("Closure day to add"), self._vault.now())  # starts at today
        add = QPushButton(self.tr("&Add closure day"))
        add.setAccessibleName(self.tr("Add closure day"))
        add.clicked.connect(lambda: self._add_day(_day(self.closure_date.date())))
        remove = QPushButton(self.tr("Re&move"))
        remove.setAccessibleName(self.tr("Remove closure day"))
        remove.clicked.connect(self._remove_day)
        row = QHBoxLayout()
        row.addWidget(self.closure_date)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            QLabel(self.tr("Employer closure days (not counted as working days by procedure stages):"))
        )
        layout.addWidget(self.closures)
        layout.addLayout(row)
        return box

    def _add_day(self, day: date) -> None:
        if day in self.closure_days():
            return
        item = QListWidgetItem(
            QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        )
        item.setData(DAY_ROLE, day.isoformat())
        later = [i for i in range(self.closures.count()) if _iso(self.closures.item(i)) > day.isoformat()]
        self.closures.insertItem(later[0] if later else self.closures.count(), item)  # in date order

    def _remove_day(self) -> None:
        for item in self.closures.selectedItems():
            self.closures.takeItem(self.closures.row(item))

    def closure_days(self) -> list[date]:
        return [date.fromisoformat(_iso(self.closures.item(i))) for i in range(self.closures.count())]

    def save(self) -> None:
        """Apply the values; the lead times, the only ones typed, are checked and kept first, so a
        refusal writes nothing."""
        leads_text = self.leads.text()
        try:
            leads = tuple(int(part) for part in leads_text.replace(",", " ").split())
        except ValueError:
            self.message.setText(self.tr("Give the warnings as whole days, such as 28, 14, 7, 2, 1."))
            return
        try:
            self._vault.set_deadline_leads(leads)
            self._vault.set_jurisdiction(str(self.jurisdiction.currentData()))
            self._vault.set_refer_weeks(self.refer_weeks.value())
            self._vault.set_closure_days(self.closure_days())
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.accept()


def _iso(item: QListWidgetItem | None) -> str:
    return "" if item is None else str(item.data(DAY_ROLE))
