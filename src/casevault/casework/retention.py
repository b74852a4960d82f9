"""The archive period of a closed case and when it must be deleted."""

from __future__ import annotations

from datetime import datetime, timedelta

from casevault.model import CaseSummary

# Editable per vault (setting `retention.default_days`); no legal period is claimed here.
DEFAULT_RETAIN_DAYS = 365
MAX_RETAIN_DAYS = 100 * 365


def retain_until(closed_at: datetime, days: int) -> datetime:
    if not 0 <= days <= MAX_RETAIN_DAYS:
        raise ValueError(f"The archive period must be between 0 and {MAX_RETAIN_DAYS} days.")
    return closed_at + timedelta(days=days)


def deletion_due(case: CaseSummary, now: datetime) -> bool:
    return case.status == "closed" and case.retain_until is not None and case.retain_until <= now
