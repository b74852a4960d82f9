"""When the guide says to escalate: dismissal threatened, or a complaint of discrimination."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casevault.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from casevault.core.model import FirstMeeting

# The reps' guide, first meeting: escalating "would normally be appropriate in any case where
# dismissal is threatened or the complaint is one of discrimination".
ESCALATION_ADVICE = QT_TRANSLATE_NOOP(
    "casework",
    "Consider escalating this case to a more experienced caseworker and notifying the regional "
    "office: the guide says this is normally appropriate where dismissal is threatened or "
    "discrimination is alleged.",
)


def escalation_prompted(meeting: FirstMeeting) -> bool:
    return meeting.dismissal_threatened or meeting.discrimination_alleged
