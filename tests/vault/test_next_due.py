"""The case list's "next date due" and search that respects the status filter, on a real vault.

Next date due is the earliest open action point of an open case, or the end of a closed case's
archive period. Triggers keep it in a column, so these tests go through every path that moves it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from casevault.core.errors import UsageError
from casevault.store import schema
from casevault.store.db import Database
from casevault.vault.facade import Vault
from tests.conftest import FakeClock


def due_of(vault: Vault, ref: str) -> object:
    return vault.case(ref).summary.next_due_at


def test_next_due_follows_the_earliest_open_action_point(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Example")
    assert due_of(vault, ref) is None
    later = vault.add_action_point(ref, "Write to HR", due_at=clock.now + timedelta(days=9))
    assert due_of(vault, ref) == clock.now + timedelta(days=9)
    sooner = vault.add_action_point(ref, "Call the member", due_at=clock.now + timedelta(days=2))
    vault.add_action_point(ref, "No date yet")
    assert due_of(vault, ref) == clock.now + timedelta(days=2)
    vault.set_action_done(sooner)
    assert due_of(vault, ref) == clock.now + timedelta(days=9)
    vault.set_action_done(sooner, done=False)
    assert due_of(vault, ref) == clock.now + timedelta(days=2)
    vault.set_action_done(sooner)
    vault.set_action_done(later)
    assert due_of(vault, ref) is None  # only the undated one is left open


def test_a_closed_case_is_due_for_deletion_and_reopening_restores_its_actions(
    vault: Vault, clock: FakeClock
) -> None:
    ref = vault.new_case("Ada Example")
    vault.add_action_point(ref, "Write to HR", due_at=clock.now + timedelta(days=3))
    closed = vault.close_case(ref, retain_days=30)
    assert closed.next_due_at == closed.retain_until
    vault.reopen_case(ref)
    assert due_of(vault, ref) == clock.now + timedelta(days=3)


def test_purging_a_case_leaves_the_others_alone(vault: Vault, clock: FakeClock) -> None:
    keep = vault.new_case("Keep Me")
    vault.add_action_point(keep, "Chase", due_at=clock.now + timedelta(days=1))
    gone = vault.new_case("Purge Me")
    vault.add_action_point(gone, "Chase", due_at=clock.now + timedelta(days=1))
    vault.close_case(gone, retain_days=0)
    vault.purge_case(gone)
    assert [s.ref for s in vault.list_cases(status=None)] == [keep]
    assert due_of(vault, keep) == clock.now + timedelta(days=1)


@pytest.mark.parametrize("descending", [False, True], ids=["soonest-first", "latest-first"])
def test_sorting_by_next_due_puts_cases_without_a_date_last(
    vault: Vault, clock: FakeClock, descending: bool
) -> None:
    undated = vault.new_case("No Date")
    refs = {}
    for days in (5, 1, 3):
        refs[days] = vault.new_case(f"Due In {days}")
        vault.add_action_point(refs[days], "Chase", due_at=clock.now + timedelta(days=days))
    got = [s.ref for s in vault.list_cases(sort="due", descending=descending)]
    dated = [refs[d] for d in sorted(refs, reverse=descending)]
    assert got == [*dated, undated]
    paged: list[str] = []
    page, after = vault.list_page(sort="due", descending=descending, limit=1)
    while page:  # one case a page, from cursor to cursor: across from the dated to the undated
        paged += [s.ref for s in page]
        if after is None:
            break
        page, after = vault.list_page(sort="due", descending=descending, limit=1, after=after)
    assert paged == got


def test_a_version_2_vault_gains_next_due_from_its_existing_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v2.db"
    key = bytes(range(32))
    old = schema.MIGRATIONS[:2]
    db = Database.open(path, key, create=True, key_verified=True, migrations=old)
    db.execute_script(
        """
        INSERT INTO members(id, name, created_at) VALUES ('m', 'Ada', '2026-01-01T00:00:00.000000Z');
        INSERT INTO cases(id, ref, member_id, case_type, status, opened_at, updated_at, retain_until)
            VALUES ('open', 'CV-2026-0001', 'm', 'other', 'open', '2026-01-01T00:00:00.000000Z',
                    '2026-01-01T00:00:00.000000Z', NULL),
                   ('closed', 'CV-2026-0002', 'm', 'other', 'closed', '2026-01-01T00:00:00.000000Z',
                    '2026-01-01T00:00:00.000000Z', '2027-01-01T00:00:00.000000Z');
        INSERT INTO action_points(id, case_id, what, due_at, created_at)
            VALUES ('a1', 'open', 'x', '2026-02-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'),
                   ('a2', 'open', 'y', '2026-01-15T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z');
        """
    )
    db.close()

    db = Database.open(path, key, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 3
        rows = dict(db.query("SELECT id, next_due_at FROM cases"))
        assert rows == {"open": "2026-01-15T00:00:00.000000Z", "closed": "2027-01-01T00:00:00.000000Z"}
        assert {r[0] for r in db.query("SELECT member_key FROM cases")} == {"Ada"}
    finally:
        db.close()


def test_search_respects_the_status_filter_before_the_limit(vault: Vault) -> None:
    closed = [vault.new_case(f"Shared Surname {i}") for i in range(3)]
    for ref in closed:
        vault.close_case(ref, retain_days=30)
    still_open = vault.new_case("Shared Surname Open")
    assert [s.ref for s in vault.search_cases("shared", status="open", limit=1)] == [still_open]
    assert sorted(s.ref for s in vault.search_cases("shared", status="closed")) == sorted(closed)
    assert len(vault.search_cases("shared")) == 4
    hit = vault.search_cases("shared", status="open")[0]
    assert hit.member_name == "Shared Surname Open" and hit.case_type  # whole rows, not bare hits


def test_search_refuses_an_unknown_status(vault: Vault) -> None:
    with pytest.raises(UsageError, match="status"):
        vault.search_cases("x", status="archived")


def test_member_sort_follows_a_renamed_member_and_migrated_rows(vault: Vault) -> None:
    """The sortable copy of the member's name is kept by triggers (schema 3)."""
    first = vault.new_case("Beata Nowak")
    second = vault.new_case("alan Smith")
    assert [s.ref for s in vault.list_cases(sort="member", descending=False)] == [second, first]
    member_id = vault.db.scalar("SELECT member_id FROM cases WHERE ref = ?", (second,))
    vault.db.execute("UPDATE members SET name = 'Zed Smith' WHERE id = ?", (member_id,))
    listed = vault.list_cases(sort="member", descending=False)
    assert [(s.ref, s.member_name) for s in listed] == [(first, "Beata Nowak"), (second, "Zed Smith")]
