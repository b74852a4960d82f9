"""The Close case dialog's outcome step (issue 17): the case cannot close until the rep says how
it ended, from the vault's list (an outcome the rep added is offered too); the remedy is kept with
it, and both are what the branch figures and `case show` read back."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from casevault.gui.close_case_dialog import CloseCaseDialog
from casevault.vault.facade import Vault
from tests.gui.conftest import by_name


def test_the_case_closes_only_once_its_outcome_is_chosen(qtbot: QtBot, vault: Vault) -> None:
    vault.add_outcome("Reinstated")
    ref = vault.new_case("Zoë O'Neill", case_type="disciplinary")
    dialog = CloseCaseDialog(vault, ref)
    qtbot.addWidget(dialog)
    outcome = by_name(dialog, "Outcome", QComboBox)
    close = by_name(dialog, "Close case", QPushButton)
    offered = [outcome.itemData(i) for i in range(outcome.count())]
    assert offered[0] is None and offered[1:] == list(vault.outcomes())
    assert outcome.itemText(outcome.count() - 1) == "Reinstated"  # an added code, in words
    assert outcome.itemText(offered.index("referred-regional-office")) == "Referred to the regional office"
    assert not close.isEnabled()
    outcome.setCurrentIndex(offered.index("reinstated"))
    assert close.isEnabled()
    by_name(dialog, "Remedy", QLineEdit).setText("Reinstated with back pay from 1 March")
    outcome.setCurrentIndex(0)
    assert not close.isEnabled()  # back to "Choose how the case ended…"
    outcome.setCurrentIndex(offered.index("reinstated"))
    close.click()
    assert vault.case(ref).summary.status == "closed"
    assert vault.case_outcome(ref) == ("reinstated", "Reinstated with back pay from 1 March")
    assert dialog.has_typed_input()  # the remedy counts as typed: a lock asks before discarding it
