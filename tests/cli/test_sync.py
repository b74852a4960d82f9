"""`casevault sync`, run as a rep would on two devices sharing a folder (here, one machine)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import CASEVAULT
from tests.support.cli import run_casevault


def _vault(env: dict[str, str], root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_casevault(env, "--vault", str(root), *args)


def test_two_devices_pair_and_sync_through_the_cli(cli_env: dict[str, str], tmp_path: Path) -> None:
    a, b, shared = tmp_path / "a", tmp_path / "b", tmp_path / "shared"
    assert _vault(cli_env, a, "init", "--no-keyring").returncode == 0
    ref = _vault(cli_env, a, "case", "new", "--member", "Philippa Twodevice").stdout.strip().splitlines()[-1]
    made = _vault(cli_env, a, "sync", "init", "--folder", str(shared), "--name", "laptop")
    assert made.returncode == 0, made.stderr
    assert _vault(cli_env, a, "sync", "now").returncode == 0

    join = subprocess.Popen(
        [
            *CASEVAULT,
            "--vault",
            str(b),
            "sync",
            "join",
            "--folder",
            str(shared),
            "--name",
            "desktop",
            "--yes",
            "--wait",
            "60",
        ],
        env=cli_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        pending = []
        for _ in range(100):
            pending = list((shared / "pairing").glob("*.request")) if (shared / "pairing").exists() else []
            if pending:
                break
            subprocess.run(["sleep", "0.1"], check=True)
        assert pending, "the joining device wrote no request"
        paired = _vault(cli_env, a, "sync", "pair", "--yes")
        assert paired.returncode == 0, paired.stderr
        out, err = join.communicate(timeout=120)
    finally:
        join.kill()
    assert join.returncode == 0, err
    codes_a = [line.split("Code: ")[1] for line in paired.stdout.splitlines() if "Code: " in line]
    codes_b = [line.split("Code: ")[1] for line in out.splitlines() if line.startswith("Code: ")]
    assert codes_a == codes_b and len(codes_a) == 1

    listed = _vault(cli_env, b, "case", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [c["ref"] for c in json.loads(listed.stdout)] == [ref]
    status = json.loads(_vault(cli_env, b, "sync", "status", "--json").stdout)
    assert status["devices"] == 1 and status["conflicts"] == 0

    # b has read everything of a's and says so once it syncs: a's change sets can go.
    assert _vault(cli_env, b, "sync", "now").returncode == 0
    written = sorted((shared / "devices").glob("*/*.cvsync"))
    compacted = _vault(cli_env, a, "sync", "compact")
    assert compacted.returncode == 0, compacted.stderr
    # Its own sync first writes the change set announcing b, which b has still to read.
    assert compacted.stdout.startswith("Removed ") and not compacted.stdout.startswith("Removed 0")
    assert "1 kept for a device that has still to read them" in compacted.stdout
    assert written and not set(written) & set((shared / "devices").glob("*/*.cvsync"))


def test_sync_before_init_says_what_to_do(cli_env: dict[str, str], tmp_path: Path) -> None:
    assert _vault(cli_env, tmp_path / "v", "init", "--no-keyring").returncode == 0
    result = _vault(cli_env, tmp_path / "v", "sync", "now")
    assert result.returncode != 0
    assert "sync init" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_compact_before_init_says_what_to_do(cli_env: dict[str, str], tmp_path: Path) -> None:
    assert _vault(cli_env, tmp_path / "v", "init", "--no-keyring").returncode == 0
    result = _vault(cli_env, tmp_path / "v", "sync", "compact")
    assert result.returncode == 2
    assert "sync init" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_removing_an_unknown_device_says_how_to_list_them(cli_env: dict[str, str], tmp_path: Path) -> None:
    root = tmp_path / "v"
    assert _vault(cli_env, root, "init", "--no-keyring").returncode == 0
    assert _vault(cli_env, root, "sync", "init", "--folder", str(tmp_path / "shared")).returncode == 0
    result = _vault(cli_env, root, "sync", "remove", "ab" * 16)
    assert result.returncode != 0 and "sync devices" in result.stderr
