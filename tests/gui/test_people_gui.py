"""The People tab (parties, the conflict check, consent, escalation), the conflict check and the
work-email warning in the new-case dialog, and the escalation guard in the close dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casevault.core.model import FirstMeeting
from casevault.gui.app import App
from casevault.gui.case_page import OVERVIEW, CasePage
from casevault.gui.conflict_dialog import ConflictDialog
from casevault.gui.escalation_dialog import EscalationDialog
from casevault.gui.main_window import MainWindow
from casevault.vault.facade import Vault
from tests.gui.conftest import by_name, window_named
from tests.support.accessibility import unnamed_controls
from tests.support.gui_case_page import open_first_case, started
from tests.support.gui_dialogs import choose_outcome
from tests.support.gui_flows import create_vault

MakeApp = Callable[..., App]
ZOE = "Zoë O'Neill"


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(name: str) -> bool:
    try:
        window_named(name)
    except AssertionError:
        return False
    return True


def open_new_case(qtbot: QtBot, window: MainWindow) -> QWidget:
    window.open_new_case()
    qtbot.waitUntil(lambda: shown("New case"))
    return window_named("New case")


def people_tab(page: CasePage) -> QWidget:
    page.tabs.setCurrentWidget(page.people)
    return page.people


def vault_of(window: MainWindow) -> Vault:
    assert window.vault is not None
    return window.vault


def test_work_email_warning_is_live_and_does_not_block(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    dialog = open_new_case(qtbot, window)
    assert unnamed_controls(dialog) == []
    warning = by_name(dialog, "Work email warning", QLabel)
    by_name(dialog, "Member name", QLineEdit).setText("Ana Ortiz")
    by_name(dialog, "Employer's email domain", QLineEdit).setText("uni.ac.uk")
    email = by_name(dialog, "Email address", QLineEdit)
    email.setText("ana@gmail.com")
    assert not warning.isVisible()
    email.setText("a.ortiz@staff.UNI.ac.uk")
    assert warning.isVisible() and "work email" in warning.text()
    click(qtbot, by_name(dialog, "Save", QPushButton))  # still saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    vault = vault_of(window)
    [case] = vault.list_cases()
    assert vault.case(case.ref).member.employer_domain == "uni.ac.uk"
    # The check ran and found nothing: the paper trail says so.
    [event] = vault.case(case.ref).events
    assert event.kind == "conflict-check" and "no conflict" in event.body
    page = open_first_case(qtbot, window)
    page.tabs.setCurrentIndex(OVERVIEW)
    assert "work email" in by_name(page, "Work email warning", QLabel).text()


def test_a_new_case_matching_another_asks_for_a_decision_first(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    assert isinstance(window, MainWindow)
    vault = vault_of(window)
    other = vault.new_case("Member One")
    vault.add_party(other, ZOE, "witness")
    dialog = open_new_case(qtbot, window)
    by_name(dialog, "Member name", QLineEdit).setText("oneill zoe")
    click(qtbot, by_name(dialog, "Save", QPushButton))
    qtbot.waitUntil(lambda: shown("Possible conflict of interest"))
    conflict = window_named("Possible conflict of interest")
    assert isinstance(conflict, ConflictDialog)
    assert unnamed_controls(conflict) == []
    assert vault.count_cases() == 1  # nothing created before the decision
    listed = by_name(conflict, "Matching cases", QTreeWidget)
    rows = [
        (listed.topLevelItem(i).text(0), listed.topLevelItem(i).text(1))
        for i in range(listed.topLevelItemCount())
    ]  # type: ignore[union-attr]
    assert rows == [(other, "witness")]
    assert "conflicting interests" in by_name(conflict, "The guide on conflicting interests", QLabel).text()
    record = by_name(conflict, "Record decision", QPushButton)
    assert not record.isEnabled()  # a decision is required
    by_name(conflict, "Refer on", QRadioButton).click()  # a wide radio ignores clicks past its text
    assert record.isEnabled()
    click(qtbot, record)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    new = next(c.ref for c in vault.list_cases() if c.ref != other)
    [event] = vault.case(new).events
    assert event.kind == "conflict-check"
    assert "refer on" in event.body and f"{other} (witness)" in event.body
    assert "Zo" not in event.body and "Member One" not in event.body


def test_people_tab_adds_a_person_after_the_conflict_check(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, page = started(qtbot, make_app)
    vault = vault_of(window)
    ref = page.ref
    other = vault.new_case("Zoe ONeil")
    tab = people_tab(page)
    # No match: added at once, "no conflict found" recorded.
    by_name(tab, "Person's name", QLineEdit).setText("Priya Raman")
    role = by_name(tab, "Person's role", QComboBox)
    role.setCurrentIndex(role.findData("manager"))
    click(qtbot, by_name(tab, "Add person", QPushButton))
    people = by_name(tab, "People in this case", QTreeWidget)
    assert people.topLevelItemCount() == 1
    assert people.topLevelItem(0).text(1) == "manager"  # type: ignore[union-attr]
    checks = [e for e in vault.case(ref).events if e.kind == "conflict-check"]
    assert len(checks) == 2 and "manager" in checks[-1].body  # the member's check, then this one
    # A match: the dialog asks, and the decision goes into the paper trail.
    by_name(tab, "Person's name", QLineEdit).setText(ZOE)
    role.setCurrentIndex(role.findData("witness"))
    click(qtbot, by_name(tab, "Add person", QPushButton))
    qtbot.waitUntil(lambda: shown("Possible conflict of interest"))
    conflict = window_named("Possible conflict of interest")
    by_name(conflict, "Step aside", QRadioButton).click()
    click(qtbot, by_name(conflict, "Record decision", QPushButton))
    qtbot.waitUntil(lambda: not conflict.isVisible())
    assert people.topLevelItemCount() == 2
    last = [e for e in vault.case(ref).events if e.kind == "conflict-check"][-1]
    assert "step aside" in last.body and f"{other} (member)" in last.body and "Zo" not in last.body
    # Remove the first person.
    people.setCurrentItem(people.topLevelItem(0))
    click(qtbot, by_name(tab, "Remove person", QPushButton))
    assert [p.name for p in vault.parties(ref)] == [ZOE]


def test_consent_is_recorded_and_withdrawn(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, page = started(qtbot, make_app)
    vault = vault_of(window)
    tab = people_tab(page)
    scope = by_name(tab, "Consent scope", QComboBox)
    scope.setCurrentIndex(scope.findData("off-the-record"))
    click(qtbot, by_name(tab, "Record consent", QPushButton))
    assert vault.consent_in_force(page.ref, "off-the-record")
    listed = by_name(tab, "Consents", QTreeWidget)
    assert listed.topLevelItem(0).text(2) == "In force"  # type: ignore[union-attr]
    withdraw = by_name(tab, "Withdraw consent", QPushButton)
    assert not withdraw.isEnabled()
    listed.setCurrentItem(listed.topLevelItem(0))
    click(qtbot, withdraw)
    assert not vault.consent_in_force(page.ref, "off-the-record")
    assert listed.topLevelItem(0).text(2).startswith("Withdrawn")  # type: ignore[union-attr]


def test_escalation_is_recorded_from_the_people_tab(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, page = started(qtbot, make_app)
    vault = vault_of(window)
    tab = people_tab(page)
    click(qtbot, by_name(tab, "Record escalation", QPushButton))
    qtbot.waitUntil(lambda: shown("Record escalation"))
    dialog = window_named("Record escalation")
    assert isinstance(dialog, EscalationDialog)
    assert unnamed_controls(dialog) == []
    by_name(dialog, "Escalated to", QLineEdit).setText("Senior caseworker")
    how = by_name(dialog, "How escalated", QComboBox)
    how.setCurrentIndex(how.findData("email"))
    click(qtbot, by_name(dialog, "Regional office notified", QCheckBox))
    click(qtbot, by_name(dialog, "Save escalation", QPushButton))
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [e] = vault.escalations(page.ref)
    assert (e.escalated_to, e.how, e.regional_office_notified) == ("Senior caseworker", "email", True)
    assert "1 escalation" in by_name(tab, "Escalation status", QLabel).text()


def _open_close_dialog(qtbot: QtBot, page: CasePage) -> QWidget:
    page.tabs.setCurrentIndex(OVERVIEW)
    click(qtbot, by_name(page, "Close case", QPushButton))
    qtbot.waitUntil(lambda: shown("Close case"))
    dialog = window_named("Close case")
    choose_outcome(dialog)
    return dialog


def test_closing_without_a_prompted_escalation_needs_a_reason(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, window, page = started(qtbot, make_app)
    vault = vault_of(window)
    vault.save_first_meeting(page.ref, replace(FirstMeeting(), dismissal_threatened=True))
    dialog = _open_close_dialog(qtbot, page)
    assert unnamed_controls(dialog) == []
    close = by_name(dialog, "Close case", QPushButton)
    reason = by_name(dialog, "Reason for closing without escalation", QPlainTextEdit)
    assert reason.isVisible() and not close.isEnabled()
    reason.setPlainText("Resolved informally with the head of department.")
    assert close.isEnabled()
    click(qtbot, close)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert vault.case(page.ref).summary.status == "closed"
    assert any("Resolved informally" in e.body for e in vault.case(page.ref).events)


def test_recording_the_escalation_from_the_close_dialog_lets_it_close(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    _app, window, page = started(qtbot, make_app)
    vault = vault_of(window)
    vault.save_first_meeting(page.ref, replace(FirstMeeting(), discrimination_alleged=True))
    dialog = _open_close_dialog(qtbot, page)
    close = by_name(dialog, "Close case", QPushButton)
    assert not close.isEnabled()
    click(qtbot, by_name(dialog, "Record escalation", QPushButton))
    qtbot.waitUntil(lambda: shown("Record escalation"))
    escalation = window_named("Record escalation")
    by_name(escalation, "Escalated to", QLineEdit).setText("Regional official")
    click(qtbot, by_name(escalation, "Save escalation", QPushButton))
    qtbot.waitUntil(lambda: not escalation.isVisible())
    assert close.isEnabled()
    assert not by_name(dialog, "Reason for closing without escalation", QPlainTextEdit).isVisible()
    click(qtbot, close)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert vault.case(page.ref).summary.status == "closed"


def test_a_case_without_a_prompt_closes_as_before(qtbot: QtBot, make_app: MakeApp) -> None:
    _app, _window, page = started(qtbot, make_app)
    dialog = _open_close_dialog(qtbot, page)
    assert not by_name(dialog, "Reason for closing without escalation", QPlainTextEdit).isVisible()
    assert by_name(dialog, "Close case", QPushButton).isEnabled()
    dialog.reject()


def test_write_to_the_member_opens_a_bcc_draft_without_the_name(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    window = create_vault(qtbot, app)
    vault = window.vault
    assert vault is not None
    ref = vault.new_case("Ida Fairweather", email="ida.f+union@example.org")
    silent = vault.new_case("Jon Nomail")
    window.open_case(ref)
    page = window.case_page
    assert page is not None
    opened: list[str] = []
    page.open_url = lambda url: opened.append(url.toString(url.ComponentFormattingOption.FullyEncoded))
    click(qtbot, by_name(page, "Write to the member", QPushButton))
    assert opened == [f"mailto:?bcc=ida.f%2Bunion@example.org&subject={ref}"]
    assert "Ida" not in opened[0] and "Fairweather" not in opened[0]
    window.open_case(silent)
    assert window.case_page is not None
    assert not by_name(window.case_page, "Write to the member", QPushButton).isEnabled()


def test_an_escalation_entered_in_the_paper_trail_is_on_record_everywhere(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    """Issue 18: an "Escalated (caseworker, regional office)" entry typed on the Paper trail tab
    is the escalation for the People tab, the reminder and the closing guard alike."""
    _app, window, page = started(qtbot, make_app)
    vault = vault_of(window)
    vault.save_first_meeting(page.ref, replace(FirstMeeting(), dismissal_threatened=True))
    status = by_name(people_tab(page), "Escalation status", QLabel)
    assert "none is recorded yet" in status.text()
    assert [r.kind for r in vault.reminders()] == ["escalation-unrecorded"]

    page.tabs.setCurrentWidget(page.paper_trail)
    kind = by_name(page.paper_trail, "Entry kind", QComboBox)
    kind.setCurrentIndex(kind.findData("escalation"))
    assert kind.currentText() == "Escalated (caseworker, regional office)"
    by_name(page.paper_trail, "Entry text", QPlainTextEdit).setPlainText("Passed to the regional officer.")
    click(qtbot, by_name(page.paper_trail, "Add entry", QPushButton))

    people_tab(page)
    assert "1 escalation" in status.text()  # "1 escalation recorded." once translated
    assert vault.escalation_count(page.ref) == 1 and not vault.escalation_unrecorded(page.ref)
    assert vault.reminders() == []
    dialog = _open_close_dialog(qtbot, page)
    assert not by_name(dialog, "Reason for closing without escalation", QPlainTextEdit).isVisible()
    assert by_name(dialog, "Close case", QPushButton).isEnabled()
    dialog.reject()
