"""`casevault conflicts NAME` reports the parties of cases, not only their members (issue 5)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from casevault.paths import VaultPaths
from casevault.vault import Vault
from tests.conftest import CASEVAULT, FAST_KDF, PASSPHRASE


def test_conflicts_reports_party_matches(tmp_path: Path, cli_env: dict[str, str]) -> None:
    paths = VaultPaths(tmp_path / "vault")
    with Vault.create(paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        member_case = vault.new_case("oneill zoe")
        party_case = vault.new_case("Someone Else")
        vault.add_party(party_case, "Zoe ONeil", "witness")
        vault.new_case("Unrelated Person")
    argv = [*CASEVAULT, "--vault", str(paths.root), "conflicts", "Zoë O'Neill"]
    done = subprocess.run(
        [*argv, "--json"],
        check=False,
        env=cli_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = {(m["ref"], m["role"]) for m in json.loads(done.stdout)}
    assert found == {(member_case, "member"), (party_case, "witness")}
    plain = subprocess.run(
        argv, check=False, env=cli_env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )
    assert plain.returncode == 0, plain.stderr
    assert f"{party_case}\twitness" in plain.stdout
    assert "Zoe" not in plain.stdout and "Someone" not in plain.stdout
