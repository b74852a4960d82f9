"""The archive period of a closed case and when it must be deleted."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from casevault.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from casevault.core.model import CaseSummary

# Editable per vault (setting `retention.default_days`); no legal period is claimed here.
DEFAULT_RETAIN_DAYS = 365
MAX_RETAIN_DAYS = 100 * 365


# Why a case may be deleted while the member's originals are still recorded as held. A fixed list
# of codes, so the deletion record never holds free text (which could name someone).
ORIGINALS_REASONS: tuple[tuple[str, str], ...] = (
    (
        "returned-elsewhere",
        QT_TRANSLATE_NOOP("casework", "The originals were returned; it was not recorded here."),
    ),
    ("member-declined", QT_TRANSLATE_NOOP("casework", "The member did not want the originals back.")),
    ("not-collected", QT_TRANSLATE_NOOP("casework", "The member did not collect the originals.")),
)


def check_days(days: int) -> int:
    if not 0 <= days <= MAX_RETAIN_DAYS:
        raise ValueError(f"The archive period must be between 0 and {MAX_RETAIN_DAYS} days.")
    return days


def retain_until(closed_at: datetime, days: int) -> datetime:
    return closed_at + timedelta(days=check_days(days))


def deletion_due(case: CaseSummary, now: datetime) -> bool:
    return case.status == "closed" and case.retain_until is not None and case.retain_until <= now
