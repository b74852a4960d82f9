"""Two (or more) vaults paired through a plain shared folder, as devices of one synced vault: the
pairing runs as the rep would run it (request, code compared, answer), in one process."""

from __future__ import annotations

from pathlib import Path

from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from casevault.vault.sync import service
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock


def first_device(root: Path, folder: Path, clock: FakeClock) -> Vault:
    vault = Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock)
    vault.sync.set_up(folder, "laptop")
    return vault


def join(inviter: Vault, root: Path, folder: Path, clock: FakeClock, label: str = "desktop") -> Vault:
    """A new device paired with `inviter` through `folder`; the codes on both sides must match."""
    waiting = service.start_joining(folder, label)
    [(request, inviter_code)] = inviter.sync.requests()
    inviter.sync.accept(request)
    answer = service.answer_for(waiting)
    assert answer is not None
    assert waiting.code(answer) == inviter_code
    return Vault.join(
        VaultPaths(root), PASSPHRASE, waiting, answer, keychain=None, kdf_params=FAST_KDF, clock=clock
    )


def sync_all(*vaults: Vault, rounds: int = 2) -> None:
    """Every vault syncs, `rounds` times over (twice: what one sent the others have taken in)."""
    for _ in range(rounds):
        for vault in vaults:
            report = vault.sync.sync_now()
            assert not report.refused, report.refused
