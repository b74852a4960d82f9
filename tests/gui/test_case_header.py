"""The case header (gui/case_header.py, issue 18): every tab of a case shows the reference, the
member, the type, the status, the procedure's stage and the next deadline, kept current as the
case changes."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pytestqt.qtbot import QtBot

from casevault.gui.case_header import CaseHeader
from casevault.gui.case_page import CasePage
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday


def test_the_header_says_who_what_where_and_when(qtbot: QtBot, vault: Vault, clock: FakeClock) -> None:
    clock.now = NOW
    ref = vault.new_case("Zofia Wiśniewska", case_type="disciplinary")
    header = CaseHeader(vault, ref)
    qtbot.addWidget(header)
    assert header.texts()[:4] == [ref, "Zofia Wiśniewska", "Disciplinary", "Open"]
    assert header.texts()[4:] == ["No procedure", "No deadline ahead"]
    vault.start_procedure(ref, "acas-disciplinary")
    vault.record_stage_event(vault.stage(ref, "hearing").id, date(2026, 3, 2))  # 5 working days
    header.reload()
    assert header.stage.text() == "Stage: Disciplinary meeting"
    assert header.deadline.text().startswith("Next deadline: ")
    assert header.deadline.text().endswith("(Disciplinary meeting)")
    vault.close_case(ref, retain_days=30, outcome="withdrawn")
    header.reload()
    assert header.status.text() == "Closed"


def test_every_tab_of_the_page_shows_it(qtbot: QtBot, vault: Vault) -> None:
    ref = vault.new_case("Ana Ruiz", case_type="grievance")
    page = CasePage(vault, ref)
    qtbot.addWidget(page)
    page.show()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert page.header.isVisible() and page.header.member.text() == "Ana Ruiz"
    assert page.header.kind.text() == "Grievance"
