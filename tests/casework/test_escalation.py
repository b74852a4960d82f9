"""When the guide says to escalate: dismissal threatened or discrimination alleged, and nothing else."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, datetime
from typing import Any

import pytest

from casevault.casework import escalation
from casevault.core.model import FirstMeeting

T0 = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
# Everything else the form holds, filled in: none of it may prompt escalation on its own.
BUSY = FirstMeeting(
    held_at=T0,
    issues=("Lateness allegation", "Rota changed"),
    narrative="Long story about a dismissal letter and discrimination at work.",
    confidentiality_explained=True,
    originals_received="Letter of 3 March",
    member_decision="Contest the warning.",
    updated_at=T0,
    originals_returned_at=T0,
)


def test_an_empty_form_prompts_nothing() -> None:
    assert not escalation.escalation_prompted(FirstMeeting())


@pytest.mark.parametrize(
    ("dismissal", "discrimination", "prompted"),
    [(False, False, False), (True, False, True), (False, True, True), (True, True, True)],
)
def test_either_ticked_box_prompts_escalation(dismissal: bool, discrimination: bool, prompted: bool) -> None:
    meeting = replace(BUSY, dismissal_threatened=dismissal, discrimination_alleged=discrimination)
    assert escalation.escalation_prompted(meeting) is prompted


def test_only_the_two_boxes_are_read() -> None:
    # Words in the narrative are the rep's to weigh; the prompt follows the boxes alone.
    assert not escalation.escalation_prompted(BUSY)
    booleans = {f.name for f in fields(FirstMeeting) if isinstance(getattr(BUSY, f.name), bool)}
    for name in booleans - {"dismissal_threatened", "discrimination_alleged"}:
        ticked: dict[str, Any] = {name: True}
        assert not escalation.escalation_prompted(replace(FirstMeeting(), **ticked)), name


def test_the_advice_names_the_guide_and_the_regional_office() -> None:
    assert "regional office" in escalation.ESCALATION_ADVICE
    assert "dismissal" in escalation.ESCALATION_ADVICE and "discrimination" in escalation.ESCALATION_ADVICE
