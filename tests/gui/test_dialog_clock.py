"""The dialogs take "now" from the vault's clock (issue 14, item 4), the clock that dates what the
vault records: the escalation's default time and the close dialog's deletion date agree with it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDateTimeEdit, QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from casevault.gui.case_list_model import local_date_text
from casevault.gui.close_case_dialog import CloseCaseDialog
from casevault.gui.escalation_dialog import EscalationDialog
from casevault.gui.qt_dates import UNSET, from_qt
from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.gui.conftest import by_name


def test_an_escalation_left_at_its_default_time_is_dated_by_the_vaults_clock(
    qtbot: QtBot, vault: Vault, clock: FakeClock
) -> None:
    ref = vault.new_case("Zoë O'Neill")
    dialog = EscalationDialog(vault, ref)
    qtbot.addWidget(dialog)
    when = by_name(dialog, "When escalated", QDateTimeEdit)
    assert from_qt(when.dateTime()) == clock.now
    assert from_qt(when.maximumDateTime()) == clock.now + timedelta(days=1)
    by_name(dialog, "Escalated to", QLineEdit).setText("Senior caseworker")
    by_name(dialog, "Save escalation", QPushButton).click()
    assert by_name(dialog, "Escalation message", QLabel).text() == ""
    [escalation] = vault.escalations(ref)
    assert escalation.escalated_at == clock.now


def test_an_escalation_with_no_time_given_is_dated_by_the_vaults_clock(
    qtbot: QtBot, vault: Vault, clock: FakeClock
) -> None:
    ref = vault.new_case("Zoë O'Neill")
    dialog = EscalationDialog(vault, ref)
    qtbot.addWidget(dialog)
    by_name(dialog, "When escalated", QDateTimeEdit).setDateTime(UNSET)  # "not recorded"
    by_name(dialog, "Escalated to", QLineEdit).setText("Senior caseworker")
    later = clock.advance(minutes=5)  # the rep took a while
    by_name(dialog, "Save escalation", QPushButton).click()
    [escalation] = vault.escalations(ref)
    assert escalation.escalated_at == later


def test_the_close_dialog_shows_the_deletion_date_the_vault_records(
    qtbot: QtBot, vault: Vault, clock: FakeClock
) -> None:
    ref = vault.new_case("Zoë O'Neill")
    dialog = CloseCaseDialog(vault, ref)
    qtbot.addWidget(dialog)
    days = by_name(dialog, "Archive period in days", QSpinBox)
    due = by_name(dialog, "Due for deletion on", QLabel)
    assert due.text() == local_date_text(clock.now + timedelta(days=days.value()))
    days.setValue(30)
    assert due.text() == local_date_text(clock.now + timedelta(days=30))
    shown = due.text()
    by_name(dialog, "Close case", QPushButton).click()
    summary = vault.case(ref).summary
    assert summary.status == "closed"
    assert summary.retain_until is not None
    assert local_date_text(summary.retain_until) == shown
