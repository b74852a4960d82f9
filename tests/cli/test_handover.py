"""`casevault identity`, `handover` and `receive`, end to end with the real command (issue 6)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from casevault.core.paths import VaultPaths
from tests.conftest import CASEVAULT, reopen
from tests.support import bundles as craft
from tests.support.cli import REF_RE, assert_clean_error


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


def test_receive_says_who_signed_and_senders_can_be_confirmed(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 13: stdout stays the new reference alone; stderr names the signer's fingerprint and
    whether it is new, known or confirmed; `senders confirm` records the phone check."""
    a, b = tmp_path / "a", tmp_path / "b"
    ok(run(cli_env, a, "init", "--no-keyring"))
    ok(run(cli_env, b, "init", "--no-keyring"))
    key_b = ok(run(cli_env, b, "identity"))
    shown = run(cli_env, a, "identity")
    fp_a = ok(run(cli_env, a, "identity", "--fingerprint"))
    assert re.fullmatch(r"([0-9a-f]{4}-){7}[0-9a-f]{4}", fp_a)
    assert shown.stdout.strip().startswith("age1") and fp_a in shown.stderr
    ref = ok(run(cli_env, a, "case", "new", "--member", "Jan Kowalski"))
    with reopen(VaultPaths(a)) as vault:
        vault.give_consent(ref, "share-reps")
    out = tmp_path / "handover.age"
    ok(run(cli_env, a, "handover", ref, "--to", key_b, "--out", str(out)))

    first = run(cli_env, b, "receive", str(out))
    assert REF_RE.match(ok(first))
    assert fp_a in first.stderr and "never received from" in first.stderr
    assert f"casevault senders confirm {fp_a}" in first.stderr
    second = run(cli_env, b, "receive", str(out))
    assert "before but not compared" in second.stderr
    listed = json.loads(ok(run(cli_env, b, "senders", "list", "--json")))
    assert [(s["fingerprint"], s["received"], s["confirmed_at"]) for s in listed] == [(fp_a, 2, None)]
    assert ok(run(cli_env, b, "senders", "confirm", fp_a.upper())) == fp_a
    third = run(cli_env, b, "receive", str(out))
    assert REF_RE.match(ok(third)) and "compared by phone" in third.stderr
    assert "confirmed by phone" in ok(run(cli_env, b, "senders", "list"))
    unknown = run(cli_env, b, "senders", "confirm", "0000-" * 7 + "0000")
    assert_clean_error(unknown, 1)  # type: ignore[arg-type]
    assert "fingerprint" in assert_clean_error(run(cli_env, b, "senders", "confirm", "nope"), 2)  # type: ignore[arg-type]
    ok(run(cli_env, b, "check"))


def test_a_crafted_bundle_with_a_terminal_escape_is_refused_with_exit_4(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    b = tmp_path / "b"
    ok(run(cli_env, b, "init", "--no-keyring"))
    key_b = ok(run(cli_env, b, "identity"))
    path = craft.craft(
        tmp_path / "evil.age",
        key_b,
        bytes(32),
        lambda m: m["member"].__setitem__("name", "\x1b]0;pwned\x07\x1b[2J"),
    )
    result = run(cli_env, b, "receive", str(path))
    sentence = assert_clean_error(result, 4)  # type: ignore[arg-type]
    assert "member's name" in sentence and "\x1b" not in result.stderr and "pwned" not in result.stderr
    assert json.loads(ok(run(cli_env, b, "case", "list", "--json"))) == []
    ok(run(cli_env, b, "check"))
