"""`python -m casevault.bench --scale VAULT --quick` as a smoke test: every row of issue 15's table
is printed with figures, the vault given is left as it was, and the scratch folder is removed.
No timing is asserted."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from casevault.bench.common import new_vault
from casevault.bench.db import NOW, SURNAMES, generate

BENCH = [sys.executable, "-m", "casevault.bench"]
TIME = r"\d[\d,]*(?:\.\d+)? (?:s|ms|µs)"
ROWS = (
    rf"reminders +{TIME} +{TIME} +- +- +20 ms",
    rf"agenda +{TIME} +{TIME}",
    rf"search, commonest word \('member'\), first page +{TIME} +{TIME} +{TIME} +\d+\.\dx",
    rf"search, rare word \('tachograph'\), first page +{TIME} +{TIME} +{TIME}",
    rf"search, surname, first page +{TIME} +{TIME} +{TIME}",
    rf"case list, first page \(API vs raw SQL\) +{TIME} +{TIME} +{TIME} +\d+\.\dx +2x raw",
    rf"Today screen, every list \(API vs the case list's raw first page\) +{TIME} +{TIME} +{TIME} +\d+\.\dx",
    rf"conflict check, member name 1 +{TIME} +{TIME}",
    rf"casevault --help vs python -c pass +{TIME} +{TIME} +\d+\.\dx +80 ms",
    rf"casevault attach 4 MiB vs cp \+ sync +{TIME} +{TIME} +-?\d+\.\dx +1.15x",
)


def test_quick_scale_bench(tmp_path: Path, cli_env: dict[str, str]) -> None:
    vault_dir = tmp_path / "v"
    with new_vault(vault_dir) as vault:
        generate(vault, 40, 400)
    before = sorted(p.relative_to(vault_dir) for p in vault_dir.rglob("*"))
    scratch = tmp_path / "s"
    scratch.mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "casevault.bench",
            "--scale",
            str(vault_dir),
            "--quick",
            "--dir",
            str(scratch),
        ],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for row in ROWS:
        assert re.search(rf"^  {row}", done.stdout, re.MULTILINE), f"no row {row!r}"
    assert sorted(p.relative_to(vault_dir) for p in vault_dir.rglob("*")) == before  # measured on a copy
    assert list(scratch.iterdir()) == []
    everything = done.stdout + done.stderr
    assert [name for name in SURNAMES if re.search(rf"\b{name}\b", everything)] == []


def test_the_generator_fills_the_today_screen(tmp_path: Path) -> None:
    """Action points (some the rep's), hearings and procedure deadlines around NOW, so Today's
    figure at 10k and 100k cases is of full lists, not empty ones."""
    with new_vault(tmp_path / "v") as vault:
        made = generate(vault, 100, 300)
        board = vault.today_board(NOW)
    assert (made.action_points, made.hearings, made.procedures) == (34, 10, 4)
    kinds = {item.kind for item in board.coming}
    assert {"deadline", "hearing"} <= kinds
    assert any(item.overdue for item in board.coming)
    assert board.waiting and 0 < board.waiting_total < made.action_points
    assert ("Disciplinary meeting", 4) in [(s.stage, s.cases) for s in board.stages]
