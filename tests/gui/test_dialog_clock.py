"""The dialogs take "now" from the vault's clock (issue 14, item 4), the clock that dates what the
vault records: the escalation's default time and the close dialog's deletion date agree with it, the
date editors of the other panels and dialogs start from it, and the App hands its clock to every
vault it creates or opens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from casevault.core.paths import VaultPaths
from casevault.gui.app import App
from casevault.gui.breach_dialog import BreachDialog
from casevault.gui.case_dates_panel import CaseDatesPanel
from casevault.gui.case_list_model import local_date_text
from casevault.gui.close_case_dialog import CloseCaseDialog
from casevault.gui.consent_panel import ConsentPanel
from casevault.gui.escalation_dialog import EscalationDialog
from casevault.gui.originals_panel import AddOriginalDialog, ReturnOriginalDialog
from casevault.gui.paper_trail import PaperTrail
from casevault.gui.qt_dates import UNSET, from_qt, to_qt
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.gui.conftest import by_name, window_named
from tests.support.gui_dialogs import choose_outcome
from tests.support.gui_flows import button, create_vault, line

# Far from any day these tests run on, so a default taken from the wall clock cannot pass.
MAY_6_2031 = datetime(2031, 5, 6, 12, tzinfo=UTC)


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
    choose_outcome(dialog)
    by_name(dialog, "Close case", QPushButton).click()
    summary = vault.case(ref).summary
    assert summary.status == "closed"
    assert summary.retain_until is not None
    assert local_date_text(summary.retain_until) == shown


@pytest.fixture
def vault_2031(tmp_path: Path) -> Iterator[Vault]:
    v = Vault.create(
        VaultPaths(tmp_path / "vault-2031"),
        PASSPHRASE,
        keychain=None,
        kdf_params=FAST_KDF,
        clock=FakeClock(MAY_6_2031),
    )
    yield v
    v.close()


def test_a_consent_defaults_to_the_vaults_day_and_is_dated_by_its_clock(
    qtbot: QtBot, vault_2031: Vault
) -> None:
    ref = vault_2031.new_case("Zoë O'Neill")
    panel = ConsentPanel(vault_2031, ref)
    qtbot.addWidget(panel)
    given_on = by_name(panel, "Consent given on", QDateEdit)
    assert given_on.date() == to_qt(MAY_6_2031).date()
    assert given_on.maximumDate() == to_qt(MAY_6_2031).date()
    by_name(panel, "Record consent", QPushButton).click()
    assert by_name(panel, "Consent message", QLabel).text() == "Consent recorded."
    [consent] = vault_2031.consents(ref)
    assert consent.given_at == MAY_6_2031  # "today" by the vault's clock: stamped by it, not at noon


def test_the_originals_dialogs_default_to_the_vaults_clock(qtbot: QtBot, vault_2031: Vault) -> None:
    ref = vault_2031.new_case("Zoë O'Neill")
    add = AddOriginalDialog(vault_2031, ref)
    qtbot.addWidget(add)
    assert from_qt(by_name(add, "Date received", QDateTimeEdit).dateTime()) == MAY_6_2031
    by_name(add, "Description", QLineEdit).setText("Payslips (originals)")
    by_name(add, "Save", QPushButton).click()
    [original] = vault_2031.originals(ref)
    assert original.received_at == MAY_6_2031
    returned = ReturnOriginalDialog(vault_2031, original)
    qtbot.addWidget(returned)
    assert from_qt(by_name(returned, "Date returned", QDateTimeEdit).dateTime()) == MAY_6_2031


def test_a_new_hearing_defaults_to_a_week_after_the_vaults_now(qtbot: QtBot, vault_2031: Vault) -> None:
    panel = CaseDatesPanel(vault_2031, vault_2031.new_case("Zoë O'Neill"))
    qtbot.addWidget(panel)
    when = by_name(panel, "Date and time", QDateTimeEdit)
    assert when.dateTime() == to_qt(MAY_6_2031).addDays(7)


def test_a_paper_trail_entry_defaults_to_the_vaults_now(qtbot: QtBot, vault_2031: Vault) -> None:
    trail = PaperTrail(vault_2031, vault_2031.new_case("Zoë O'Neill"))
    qtbot.addWidget(trail)
    assert from_qt(by_name(trail, "Entry date", QDateTimeEdit).dateTime()) == MAY_6_2031


def test_the_breach_form_defaults_to_the_vaults_now(qtbot: QtBot, vault_2031: Vault) -> None:
    dialog = BreachDialog(vault_2031)
    qtbot.addWidget(dialog)
    for name in ("When it happened", "When it was discovered", "When they were informed"):
        assert from_qt(by_name(dialog, name, QDateTimeEdit).dateTime()) == MAY_6_2031, name
    happened = by_name(dialog, "When it happened", QDateTimeEdit)
    assert from_qt(happened.maximumDateTime()) == MAY_6_2031 + timedelta(minutes=1)


@pytest.fixture
def app_2031(make_app: Callable[..., App]) -> Callable[[], App]:
    return lambda: make_app(idle_ms=600_000, clock=FakeClock(MAY_6_2031))


def test_every_vault_the_app_creates_or_opens_runs_on_its_clock(
    qtbot: QtBot, app_2031: Callable[[], App]
) -> None:
    first = app_2031()
    create_vault(qtbot, first)  # the create dialog
    assert first.main_window.vault is not None
    assert first.main_window.vault.now() == MAY_6_2031
    first.main_window.lock()
    dialog = window_named("Unlock casevault")  # the passphrase
    line(dialog, "Passphrase").setText(PASSPHRASE)
    button(dialog, "Unlock").click()
    qtbot.waitUntil(first.main_window.isVisible)
    assert first.main_window.vault is not None
    assert first.main_window.vault.now() == MAY_6_2031
    first.shutdown()
    first.main_window.hide()
    second = app_2031()
    second.start()  # the keychain, silently
    qtbot.waitUntil(second.main_window.isVisible)
    assert second.main_window.vault is not None
    assert second.main_window.vault.now() == MAY_6_2031
