"""The fixtures themselves: a vault opens, records survive a reopen, and tests are isolated."""

from __future__ import annotations

import os

from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import reopen


def test_vault_survives_reopen(vault: Vault, vault_paths: VaultPaths) -> None:
    ref = vault.new_case("Ada Example", case_type="grievance")
    vault.close()
    with reopen(vault_paths) as again:
        assert [c.ref for c in again.list_cases()] == [ref]


def test_no_real_keychain_or_vault_is_reachable() -> None:
    assert "no-such-bus" in os.environ["DBUS_SESSION_BUS_ADDRESS"]
    assert not any(name.startswith("CASEVAULT_") for name in os.environ)
