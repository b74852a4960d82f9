"""The facade: every one-line delegation reaches a real method of a real service, and the
services it assembles hold the Session and plain callables, never one another."""

from __future__ import annotations

from pathlib import Path

from casevault.vault import facade
from casevault.vault.facade import Vault
from casevault.vault.session import Session


def test_every_delegation_reaches_a_method_of_its_service(vault: Vault) -> None:
    delegations = {name: d for name, d in vars(facade.Vault).items() if isinstance(d, facade._Delegate)}
    assert len(delegations) > 100
    for name, delegation in delegations.items():
        bound = getattr(vault, name)
        service = getattr(vault, delegation.service)
        assert bound == getattr(service, name), name
        assert not isinstance(service, Session), name


def test_no_service_holds_another_service(vault: Vault) -> None:
    # The wiring is the facade's: a service holds the Session and plain callables, never another
    # service object (which would let capabilities grow into each other again).
    services = {d.service for d in vars(facade.Vault).values() if isinstance(d, facade._Delegate)}
    objects = {id(getattr(vault, s)): s for s in services}
    assert len(objects) >= 12
    for name in services:
        for attr, value in vars(getattr(vault, name)).items():
            assert id(value) not in objects, f"{name}.{attr} is the {objects[id(value)]} service"
            assert isinstance(value, Session) or not hasattr(value, "_s"), f"{name}.{attr}"


def test_verify_backup_on_a_file_that_is_not_a_backup_is_one_sentence(tmp_path: Path) -> None:
    junk = tmp_path / "not-a-backup.cvb"
    junk.write_bytes(b"not a backup at all" * 10)
    problems = facade.verify_backup(junk, "any passphrase at all", scratch=tmp_path)
    assert len(problems) == 1 and problems[0].endswith(".")
    assert [p for p in tmp_path.iterdir() if p.name.startswith("casevault-verify-")] == []
