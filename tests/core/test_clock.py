"""The one reader of the wall clock and maker of fresh ids (core/clock.py)."""

from __future__ import annotations

import re
import time
from datetime import UTC

from casevault.core import clock
from casevault.core.paths import is_opaque_id


def test_utc_now_is_aware_utc_and_is_the_wall_clock() -> None:
    before = time.time()
    now = clock.utc_now()
    after = time.time()
    assert now.tzinfo is UTC
    assert before <= now.timestamp() <= after


def test_new_id_is_128_bits_of_lower_case_hex() -> None:
    made = clock.new_id()
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert is_opaque_id(made)  # the paths module accepts what the clock makes


def test_new_ids_do_not_repeat() -> None:
    made = {clock.new_id() for _ in range(10_000)}
    assert len(made) == 10_000
    # Random, not a counter: the first characters vary too.
    assert len({m[:4] for m in made}) > 1_000
