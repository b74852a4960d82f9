"""A case's summary row as the store returns it, for the pure rules' tests (no vault needed)."""

from __future__ import annotations

from datetime import datetime, timedelta

from casevault.core.model import CaseSummary


def case_summary(ref: str, status: str, retain_until: datetime | None, *, now: datetime) -> CaseSummary:
    """A grievance opened 400 days before `now`, closed at `now` unless `status` is "open"."""
    return CaseSummary(
        id="0" * 32,
        ref=ref,
        member_name="Private Person",
        case_type="grievance",
        status=status,
        opened_at=now - timedelta(days=400),
        closed_at=None if status == "open" else now,
        retain_until=retain_until,
        updated_at=now,
    )
