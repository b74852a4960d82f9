"""The summary commands start their own offscreen Qt application inside gui/ (issue 14): they need
no display, and a DISPLAY that leads nowhere (an ssh session whose forwarding has gone) no longer
aborts them in Qt's xcb plugin."""

from __future__ import annotations

import subprocess
from pathlib import Path

from casevault.vault.facade import Vault
from tests.conftest import CASEVAULT

NOWHERE = ":4217"  # no X server listens there


def test_summary_ignores_a_display_that_leads_nowhere(
    vault: Vault, cli_env: dict[str, str], tmp_path: Path
) -> None:
    ref = vault.new_case("Nguyễn Thị Müller")
    env = {k: v for k, v in cli_env.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = NOWHERE
    pdf = tmp_path / "summary.pdf"
    result = subprocess.run(
        [*CASEVAULT, "--vault", str(vault.paths.root), "summary", ref, "--out", str(pdf)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    # Only the command's own sentence: no Qt plugin messages, no traceback.
    assert result.stderr == f"casevault: wrote {pdf}; this PDF is not protected by the vault.\n"
    assert pdf.read_bytes().startswith(b"%PDF")
