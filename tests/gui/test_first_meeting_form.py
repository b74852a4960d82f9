"""The first-meeting form (issue 18): its escalation banner is as tall as its text, at any width,
instead of a tall yellow box that was mostly empty."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from casevault.gui.first_meeting_form import FirstMeetingForm
from casevault.vault.facade import Vault
from tests.gui.conftest import by_name


@pytest.mark.parametrize("width", [880, 420])
def test_the_escalation_banner_is_as_tall_as_its_text(qtbot: QtBot, vault: Vault, width: int) -> None:
    ref = vault.new_case("Zoë O'Neill")
    form = FirstMeetingForm(vault, ref)
    qtbot.addWidget(form)
    form.resize(width, 720)  # taller than the form needs: the room to spare must go elsewhere
    form.show()
    qtbot.waitExposed(form)
    by_name(form, "Dismissal threatened?", QCheckBox).click()
    advice = by_name(form, "Escalation advice", QLabel)
    qtbot.waitUntil(advice.isVisible)
    text_height = advice.heightForWidth(advice.width())  # the text, with its padding and border
    qtbot.waitUntil(lambda: advice.height() == text_height)  # was 114 px for 60 px of text at 880
    by_name(form, "Dismissal threatened?", QCheckBox).click()
    assert not advice.isVisible()
