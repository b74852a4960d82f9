"""The "time to back up" reminder: pure rule and through the vault's settings (issue 6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from casevault.casework import reminders as engine
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def test_rule_due_after_n_days_of_use_or_since_last_backup() -> None:
    assert engine.backup_reminder(None) == []
    assert engine.backup_reminder((None, None, 7)) == []  # an unused vault holds nothing to lose
    assert engine.backup_reminder((T0, None, 0)) == []  # turned off
    (never,) = engine.backup_reminder((T0, None, 7))
    assert never.kind == engine.BACKUP_DUE and never.ref == "" and never.due_at == T0 + timedelta(days=7)
    (after,) = engine.backup_reminder((T0, T0 + timedelta(days=30), 7))
    assert after.due_at == T0 + timedelta(days=37) and after.key != never.key
    due = engine.due(engine.all_reminders(engine.Sources(backup=(T0, None, 7))), T0 + timedelta(days=7), {})
    assert [r.kind for r in due] == [engine.BACKUP_DUE]
    assert (
        engine.due(engine.all_reminders(engine.Sources(backup=(T0, None, 7))), T0 + timedelta(days=6), {})
        == []
    )


def _backup_due(vault: Vault) -> bool:
    assert all(r.kind != engine.BACKUP_DUE for r in vault.reminders())  # case reminders stay apart
    return any(r.kind == engine.BACKUP_DUE for r in vault.backup_reminders())


def test_vault_reminds_until_backed_up(vault: Vault, clock: FakeClock, tmp_path: Path) -> None:
    assert not _backup_due(vault)  # a new, empty vault
    vault.new_case("Someone")
    clock.advance(days=6, hours=23)
    assert not _backup_due(vault)
    clock.advance(hours=1)
    assert _backup_due(vault)  # never backed up, vault a week old
    vault.backup(tmp_path / "one.cvbackup")
    assert not _backup_due(vault)  # right after a backup
    clock.advance(days=7)
    assert _backup_due(vault)
    vault.set_backup_every_days(30)
    assert vault.backup_every_days() == 30
    assert not _backup_due(vault)
    vault.set_backup_every_days(0)
    clock.advance(days=365)
    assert not _backup_due(vault)
