"""The first meeting (the guide's checklist), agreed issues and action points, through the Vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from casevault.casework.reminders import ACTION_DUE, ARCHIVE_EXPIRED
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.store import schema
from casevault.store.db import Database
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen

MEETING = FirstMeeting(
    issues=("Lateness allegation in the letter of 3 March", "  ", "Rota changed without consultation"),
    narrative="  The member was late because the rota changed at a day's notice.  ",
    dismissal_threatened=True,
    confidentiality_explained=True,
    originals_received="Letter of 3 March (original)",
    member_decision="Member wants to contest the warning.",
)


def test_a_new_case_has_an_empty_first_meeting(vault: Vault) -> None:
    ref = vault.new_case("Nguyễn Thị Müller")
    assert vault.first_meeting(ref) == FirstMeeting()
    assert vault.case(ref).first_meeting == FirstMeeting()


def test_save_cleans_and_round_trips_through_a_reopen(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    ref = vault.new_case("Nguyễn Thị Müller")
    held = clock.now - timedelta(hours=2)
    stored = vault.save_first_meeting(ref, replace(MEETING, held_at=held))
    assert stored.issues == (
        "Lateness allegation in the letter of 3 March",
        "Rota changed without consultation",
    )
    assert stored.narrative == "The member was late because the rota changed at a day's notice."
    assert stored.held_at == held and stored.updated_at == clock.now
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert again.first_meeting(ref) == stored
        assert again.case(ref).summary.updated_at == clock.now


def test_saving_again_replaces_the_issues(vault: Vault) -> None:
    ref = vault.new_case("Ada Example")
    vault.save_first_meeting(ref, MEETING)
    again = vault.save_first_meeting(
        ref, replace(MEETING, issues=("Only this one",), dismissal_threatened=False)
    )
    assert again.issues == ("Only this one",)
    assert not again.dismissal_threatened


def test_an_issue_with_control_characters_is_refused_and_nothing_is_saved(vault: Vault) -> None:
    ref = vault.new_case("Ada Example")
    with pytest.raises(UsageError, match="issue"):
        vault.save_first_meeting(ref, replace(MEETING, issues=("bad\x07bell",)))
    assert vault.first_meeting(ref) == FirstMeeting()


def test_first_meeting_words_are_searchable_and_purged(vault: Vault) -> None:
    ref = vault.new_case("Ada Example")
    vault.save_first_meeting(ref, replace(MEETING, narrative="tachograph readings disputed"))
    assert [h.ref for h in vault.search("tachograph")] == [ref]
    assert [h.source for h in vault.search("tachograph")] == ["first-meeting"]
    vault.close_case(ref, retain_days=0, escalation_reason="Resolved.")  # MEETING prompts escalation
    vault.set_originals_returned(ref)  # MEETING records originals received
    vault.purge_case(ref)
    assert vault.search("tachograph") == []


def test_action_points_order_done_and_reminders(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Example")
    later = vault.add_action_point(
        ref, "Request the rota history", owner="Rep", due_at=clock.now + timedelta(days=7)
    )
    sooner = vault.add_action_point(ref, "Write to HR", owner="Rep", due_at=clock.now + timedelta(days=2))
    undated = vault.add_action_point(ref, "Find the policy")
    assert [a.id for a in vault.action_points(ref)] == [sooner, later, undated]

    assert vault.reminders(clock.now + timedelta(days=1)) == []
    due = vault.reminders(clock.now + timedelta(days=3))
    assert [(r.kind, r.ref) for r in due] == [(ACTION_DUE, ref)]
    assert "Ada" not in due[0].text

    vault.set_action_done(sooner)
    assert vault.reminders(clock.now + timedelta(days=3)) == []
    assert [a.id for a in vault.action_points(ref)][-1] == sooner, "done items go last"
    vault.set_action_done(sooner, done=False)
    assert len(vault.reminders(clock.now + timedelta(days=3))) == 1


def test_action_point_validation(vault: Vault) -> None:
    ref = vault.new_case("Ada Example")
    with pytest.raises(UsageError):
        vault.add_action_point(ref, "   ")
    with pytest.raises(NotFoundError):
        vault.set_action_done("0" * 32)
    assert vault.action_points(ref) == []


def test_reminders_mix_kinds_in_due_order(vault: Vault, clock: FakeClock) -> None:
    closed = vault.new_case("Closed Case")
    vault.close_case(closed, retain_days=1)
    open_ref = vault.new_case("Open Case")
    vault.add_action_point(open_ref, "Chase HR", due_at=clock.now + timedelta(hours=1))
    due = vault.reminders(clock.now + timedelta(days=2))
    assert [r.kind for r in due] == [ACTION_DUE, ARCHIVE_EXPIRED]


def test_a_version_1_vault_is_migrated_and_keeps_its_data(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database written by the first release (schema 1) opens, gains the first-meeting tables,
    and keeps what it held."""
    path = tmp_path / "v1.db"
    key = bytes(range(32))
    old = schema.MIGRATIONS[:1]
    db = Database.open(path, key, create=True, key_verified=True, migrations=old)
    db.execute("INSERT INTO settings(key, value) VALUES ('kept', 'yes')")
    assert db.user_version() == 1
    db.close()

    db = Database.open(path, key, key_verified=True)
    try:
        assert db.user_version() == schema.LATEST >= 2
        assert db.scalar("SELECT value FROM settings WHERE key = 'kept'") == "yes"
        assert db.scalar("SELECT count(*) FROM first_meetings") == 0
        assert db.scalar("SELECT count(*) FROM action_points") == 0
    finally:
        db.close()
