"""Two (or more) vaults paired through a plain shared folder, as devices of one synced vault: the
pairing runs as the rep would run it (request, code compared, answer), in one process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casevault.casework import sync_records
from casevault.core.clock import Clock
from casevault.core.paths import VaultPaths
from casevault.formats.pairing import Answer
from casevault.vault.facade import Vault
from casevault.vault.sync import service
from tests.conftest import FAST_KDF, PASSPHRASE


def first_device(root: Path, folder: Path, clock: Clock, passphrase: str = PASSPHRASE) -> Vault:
    vault = Vault.create(VaultPaths(root), passphrase, keychain=None, kdf_params=FAST_KDF, clock=clock)
    vault.sync.set_up(folder, "laptop")
    return vault


def accepted(inviter: Vault, folder: Path, label: str = "desktop") -> tuple[service.Waiting, Answer]:
    """A new device's request, accepted by `inviter` (which writes its snapshot and answer)."""
    waiting = service.start_joining(folder, label)
    [(request, _code)] = inviter.sync.requests()
    inviter.sync.accept(request)
    answer = service.answer_for(waiting)
    assert answer is not None
    return waiting, answer


def join(
    inviter: Vault,
    root: Path,
    folder: Path,
    clock: Clock,
    label: str = "desktop",
    passphrase: str = PASSPHRASE,
) -> Vault:
    """A new device paired with `inviter` through `folder`; the codes on both sides must match."""
    waiting = service.start_joining(folder, label)
    [(request, inviter_code)] = inviter.sync.requests()
    inviter.sync.accept(request)
    answer = service.answer_for(waiting)
    assert answer is not None
    assert waiting.code(answer) == inviter_code
    return Vault.join(
        VaultPaths(root), passphrase, waiting, answer, keychain=None, kdf_params=FAST_KDF, clock=clock
    )


def sync_all(*vaults: Vault, rounds: int = 2) -> None:
    """Every vault syncs, `rounds` times over (twice: what one sent the others have taken in)."""
    for _ in range(rounds):
        for vault in vaults:
            report = vault.sync.sync_now()
            assert not report.refused, report.refused
            assert not report.waiting, report.waiting


def synced_records(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table's rows as the device holds them (derived columns and this device's own
    settings left out)."""
    db = vault.session.db
    out: dict[str, list[tuple[Any, ...]]] = {}
    for tbl in sync_records.TABLES:
        columns = [
            str(r[0])
            for r in db.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", (tbl.name,))
            if str(r[0]) not in tbl.derived
        ]
        found = db.query(f"SELECT {', '.join(columns)} FROM {tbl.name}")
        if tbl.name == "settings":
            found = [r for r in found if sync_records.setting_syncs(str(r[0]))]
        out[tbl.name] = sorted(tuple(r) for r in found)
    return out
