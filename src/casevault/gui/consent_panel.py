"""The member's consents: scope, date given, in force or withdrawn; record one, or withdraw one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from casevault.casework.people import CONTACT_TERMS_ADVICE, SCOPE_LABELS
from casevault.core.errors import CasevaultError
from casevault.core.model import CONSENT_SCOPES, Consent
from casevault.gui.conflict_dialog import casework_text
from casevault.gui.qt_dates import date_edit, from_qt, local_date_text, to_qt_date
from casevault.vault.facade import Vault

ID_ROLE = Qt.ItemDataRole.UserRole


def scope_label(scope: str) -> str:
    return casework_text(SCOPE_LABELS.get(scope, scope))


class ConsentPanel(QGroupBox):
    changed = Signal()

    def __init__(self, vault: Vault, ref: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._ref = ref
        self.setTitle(self.tr("Consent"))
        self.setAccessibleName(self.tr("Consent"))
        advice = QLabel(casework_text(CONTACT_TERMS_ADVICE))
        advice.setWordWrap(True)
        self.consent_list = QTreeWidget()
        self.consent_list.setAccessibleName(self.tr("Consents"))
        self.consent_list.setRootIsDecorated(False)
        self.consent_list.setHeaderLabels([self.tr("Scope"), self.tr("Given"), self.tr("Status")])
        self.consent_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.consent_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Consent scope"))
        for code in CONSENT_SCOPES:
            self.scope.addItem(scope_label(code), code)
        now = vault.now()  # the vault's clock, which dates the record too
        self.given_on = date_edit(self.tr("Consent given on"), now)
        self.given_on.setMaximumDate(to_qt_date(now))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Consent note"))
        self.note.setPlaceholderText(self.tr("How it was given (optional)"))
        self.record_button = QPushButton(self.tr("Record &consent"))
        self.record_button.setAccessibleName(self.tr("Record consent"))
        self.record_button.clicked.connect(self.record_consent)
        self.withdraw_button = QPushButton(self.tr("&Withdraw"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw consent"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Consent message"))
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.scope, 2)
        row.addWidget(self.given_on)
        row.addWidget(self.note, 2)
        row.addWidget(self.record_button)
        row.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addWidget(advice)
        layout.addWidget(self.consent_list)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.consent_list.clear()
        for consent in self._vault.consents(self._ref):
            self.consent_list.addTopLevelItem(self._item(consent))
        self._update_buttons()

    def _item(self, consent: Consent) -> QTreeWidgetItem:
        given = local_date_text(consent.given_at)
        if consent.withdrawn_at is None:
            status = self.tr("In force")
        else:
            withdrawn = local_date_text(consent.withdrawn_at)
            status = self.tr("Withdrawn on %1").replace("%1", withdrawn)
        item = QTreeWidgetItem([scope_label(consent.scope), given, status])
        item.setData(0, ID_ROLE, consent.id)
        item.setData(1, ID_ROLE, consent.in_force)
        return item

    def _update_buttons(self) -> None:
        item = self.consent_list.currentItem()
        self.withdraw_button.setEnabled(item is not None and bool(item.data(1, ID_ROLE)))

    def record_consent(self) -> None:
        day = self.given_on.date()
        given = None
        if day < to_qt_date(self._vault.now()):
            given = from_qt(QDateTime(day, QTime(12, 0)))
        try:
            self._vault.give_consent(
                self._ref, str(self.scope.currentData()), given_at=given, note=self.note.text()
            )
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.note.clear()
        self.message.setText(self.tr("Consent recorded."))
        self.reload()
        self.changed.emit()

    def withdraw_selected(self) -> None:
        item = self.consent_list.currentItem()
        if item is None:
            return
        try:
            self._vault.withdraw_consent(str(item.data(0, ID_ROLE)))
        except CasevaultError as err:
            self.message.setText(err.message)
            return
        self.message.setText(self.tr("Consent recorded as withdrawn."))
        self.reload()
        self.changed.emit()
