"""`casevault breach report [ID] [--out FILE]`: the real command in a subprocess."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.support.cli import run_casevault

MEMBER = "Quetzalcoatl Wibblesworth"


run = run_casevault


def test_breach_report_prints_and_exports_without_overwriting(
    vault: Vault, clock: FakeClock, cli_env: dict[str, str], tmp_path: Path
) -> None:
    ref = vault.new_case(MEMBER)
    breach_id = vault.record_breach(
        occurred_at=clock.now - timedelta(days=1),
        discovered_at=clock.now - timedelta(hours=5),
        category="lost-device",
        what="Laptop left on a train.",
        case_refs=[ref],
        informed=["executive-committee"],
        informed_at=clock.now - timedelta(hours=1),
        actions="Remote wipe requested.",
    )
    root = str(vault.paths.root)
    vault.close()

    shown = run(cli_env, "--vault", root, "breach", "report")
    assert shown.returncode == 0, shown.stderr
    assert ref in shown.stdout and "Lost or stolen device" in shown.stdout and breach_id in shown.stdout
    assert MEMBER not in shown.stdout and "train" not in shown.stdout

    out = tmp_path / "report.txt"
    written = run(cli_env, "--vault", root, "breach", "report", breach_id, "--out", str(out))
    assert written.returncode == 0, written.stderr
    assert out.read_text() == shown.stdout
    assert out.stat().st_mode & 0o777 == 0o600
    again = run(cli_env, "--vault", root, "breach", "report", breach_id, "--out", str(out))
    assert again.returncode == 1 and "never overwrites" in again.stderr
    missing = run(cli_env, "--vault", root, "breach", "report", "ab" * 16)
    assert missing.returncode == 1 and "no breach record" in missing.stderr
