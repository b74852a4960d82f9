"""`casevault stats`, `types` and `outcomes` (cli/stats.py) and `case close --outcome`, through
the real command: suppressed cells are marked, never a small number; the CSV goes only where
asked, and a wrong name is refused before unlocking; the lists are edited and refusals are one
sentence with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.cli import Cli, assert_clean_error


@pytest.fixture
def cli(tmp_path: Path, cli_env: dict[str, str]) -> Cli:
    root = tmp_path / "vault"
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        for i in range(12):
            ref = vault.new_case(f"Griever Number{i}", case_type="grievance")
            vault.close_case(ref, retain_days=30, outcome="upheld")
        for i in range(3):
            vault.new_case(f"Sick Number{i}", case_type="sickness")
    return Cli(root, env=cli_env)


def test_stats_marks_small_cells_as_suppressed_in_every_form(cli: Cli, tmp_path: Path) -> None:
    data = cli.json("stats")
    types = next(t for t in data["tables"] if t["name"] == "case_type")
    assert types["total"] == 15
    assert [(c["value"], c["count"], c["suppressed"]) for c in types["cells"]] == [
        ("grievance", None, True),
        ("sickness", None, True),
    ]
    text = cli.ok("stats").stdout
    assert "case_type\tsickness\tsuppressed" in text and "\t3" not in text
    out = tmp_path / "figures.csv"
    cli.ok("stats", "--csv", str(out))
    csv_text = out.read_text(encoding="utf-8")
    assert "case_type,sickness,suppressed," in csv_text
    assert "Number" not in csv_text and "CV-" not in csv_text
    refused = cli.run("stats", "--csv", str(tmp_path / "figures.txt"))
    assert ".csv" in assert_clean_error(refused, 2)
    assert "threshold is from 2 to 100" in assert_clean_error(cli.run("stats", "--threshold", "1"), 2)


def test_close_with_an_outcome_and_edit_the_lists(cli: Cli) -> None:
    ref = cli.ok("case", "new", "--member", "Ann Example", "--type", "sickness").stdout.strip()
    bad = cli.run("case", "close", ref, "--outcome", "triumph")
    assert "Unknown outcome 'triumph'" in assert_clean_error(bad, 2)
    cli.ok("case", "close", ref, "--outcome", "settled", "--remedy", "phased return agreed")
    shown = cli.json("case", "show", ref)
    assert (shown["outcome"], shown["remedy"]) == ("settled", "phased return agreed")
    assert "outcome: settled: phased return agreed" in cli.ok("case", "show", ref).stdout
    assert cli.json("types", "--add", "Pensions")[-1] == "pensions"
    assert "pensions" not in cli.json("types", "--remove", "pensions")
    assert "Unknown case type" in assert_clean_error(
        cli.run("case", "new", "--member", "B", "--type", "pensions"), 2
    )
    assert cli.ok("outcomes", "--add", "reinstated").lines[-1] == "reinstated"
    assert "stays" in assert_clean_error(cli.run("types", "--remove", "other"), 2)
    assert json.loads(cli.ok("outcomes", "--json").stdout)[0] == "resolved-informally"
