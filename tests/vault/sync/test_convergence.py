"""Convergence (issue 20, done-when 1): random interleavings of edits, syncs and compactions
between two or three devices, through a plain shared folder, with one more device joining
part-way (from a snapshot, after whatever compaction removed), always end with every device
holding the same records once each has synced twice."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casevault.core.model import FirstMeeting
from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.support.sync_pair import first_device, join, sync_all, synced_records

NAMES = ("Ada Quill", "Bo Lark", "Cy Fenn")
TEXTS = ("rota", "pay", "shouting", "")

action = st.one_of(
    st.tuples(st.just("new"), st.sampled_from(NAMES)),
    st.tuples(st.just("note"), st.integers(0, 5), st.sampled_from(TEXTS[:3])),
    st.tuples(st.just("meeting"), st.integers(0, 5), st.sampled_from(TEXTS)),
    st.tuples(st.just("party"), st.integers(0, 5), st.sampled_from(NAMES)),
    st.tuples(st.just("unparty"), st.integers(0, 5), st.integers(0, 3)),
    st.tuples(st.just("close"), st.integers(0, 5), st.booleans()),
    st.tuples(
        st.just("sync"),
    ),
    st.tuples(
        st.just("compact"),
    ),
)
steps = st.lists(st.tuples(st.integers(0, 2), action), min_size=1, max_size=25)


def _do(vault: Vault, step: tuple[Any, ...], clock: FakeClock) -> None:
    cases = [c.ref for c in vault.list_cases()]
    kind = step[0]
    if kind == "sync":
        vault.sync.sync_now()
        return
    if kind == "compact":
        vault.sync.sync_now(compact=True)  # as the window's timer does
        return
    if kind == "new":
        vault.new_case(step[1])
        return
    if not cases:
        return
    ref = sorted(cases)[step[1] % len(cases)]
    summary = vault.case_summary(ref)
    if kind == "close":
        if summary.status == "open":
            vault.close_case(ref, retain_days=30)
        return
    if summary.status != "open":
        return
    if kind == "note":
        vault.add_note(ref, step[2])
    elif kind == "meeting":
        vault.save_first_meeting(ref, FirstMeeting(issues=(step[2],) if step[2] else (), narrative=step[2]))
    elif kind == "party":
        vault.add_party(ref, step[2], "witness")
    elif kind == "unparty":
        parties = vault.parties(ref)
        if parties:
            vault.remove_party(parties[step[2] % len(parties)].id)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(devices=st.integers(2, 3), plan=steps, late=st.tuples(st.integers(0, 25), st.integers(0, 2)))
def test_any_interleaving_of_edits_and_syncs_converges(
    devices: int, plan: list[tuple[int, tuple[Any, ...]]], late: tuple[int, int]
) -> None:
    root = Path(tempfile.mkdtemp(prefix="cv-converge-"))
    clock = FakeClock()
    vaults: list[Vault] = []
    try:
        folder = root / "shared"
        vaults.append(first_device(root / "d0", folder, clock))
        for n in range(1, devices):
            vaults.append(join(vaults[0], root / f"d{n}", folder, clock))
        sync_all(*vaults)
        joins_at, inviter = late
        for at, (who, step) in enumerate(plan):
            if at == min(joins_at, len(plan) - 1):
                vaults.append(join(vaults[inviter % devices], root / "late", folder, clock, "late"))
            clock.advance(seconds=1)
            _do(vaults[who % len(vaults)], step, clock)
        clock.advance(seconds=1)
        sync_all(*vaults, rounds=3)
        first = synced_records(vaults[0])
        for other in vaults[1:]:
            assert synced_records(other) == first
        for vault in vaults:
            assert vault.sync.status().unsent == 0
    finally:
        for vault in vaults:
            vault.close()
        shutil.rmtree(root, ignore_errors=True)
