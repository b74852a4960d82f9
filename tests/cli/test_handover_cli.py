"""`casevault identity`, `handover` and `receive`, end to end with the real command (issue 6)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from casevault.paths import VaultPaths
from tests.cli._cli import REF_RE, assert_clean_error
from tests.conftest import CASEVAULT, reopen


def run(env: dict[str, str], vault: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CASEVAULT, "--vault", str(vault), *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=180,
        check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_identity_handover_receive(cli_env: dict[str, str], tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    ok(run(cli_env, a, "init", "--no-keyring"))
    ok(run(cli_env, b, "init", "--no-keyring"))
    key_b = ok(run(cli_env, b, "identity"))
    assert key_b.startswith("age1") and ok(run(cli_env, b, "identity")) == key_b
    ref = ok(run(cli_env, a, "case", "new", "--member", "Nguyễn Văn A"))
    ok(run(cli_env, a, "note", "add", ref, "--text", "first call", "--kind", "call"))
    doc = tmp_path / "letter.txt"
    doc.write_bytes(b"dismissal letter\n" * 1000)
    ok(run(cli_env, a, "attach", ref, str(doc)))
    out = tmp_path / "handover.age"

    # No consent to share with reps: refused in one sentence, no file.
    refused = run(cli_env, a, "handover", ref, "--to", key_b, "--out", str(out))
    assert_clean_error(refused)  # type: ignore[arg-type]
    assert not out.exists()
    bad = run(cli_env, a, "handover", ref, "--to", "age1bogus", "--out", str(out))
    assert "handover key" in assert_clean_error(bad, 2)  # type: ignore[arg-type]

    with reopen(VaultPaths(a)) as vault:
        vault.give_consent(ref, "share-reps")
    ok(run(cli_env, a, "handover", ref, "--to", key_b, "--out", str(out)))
    assert out.stat().st_mode & 0o777 == 0o600
    new_ref = ok(run(cli_env, b, "receive", str(out)))
    assert REF_RE.match(new_ref)
    shown = ok(run(cli_env, b, "case", "show", new_ref))
    assert "Nguyễn Văn A" in shown and "first call" in shown
    ok(run(cli_env, b, "check"))
    # The sender cannot open a bundle made for the colleague.
    wrong = run(cli_env, a, "receive", str(out))
    assert "not made for this vault" in assert_clean_error(wrong, 4)  # type: ignore[arg-type]
