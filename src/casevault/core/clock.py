"""The one place that reads the wall clock and makes fresh ids.

Everything else is handed a `Clock` (the Session's, in the vault) so that time can be set in
tests and nothing reads `datetime.now()` behind the caller's back."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """An opaque 128-bit id, the only thing about a record that logs may name."""
    return secrets.token_hex(16)
