"""`casevault conflicts NAME` reports the parties of cases, not only their members (issue 5)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
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


def test_case_close_needs_a_reason_while_a_prompted_escalation_is_unrecorded(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    paths = VaultPaths(tmp_path / "vault")
    with Vault.create(paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        ref = vault.new_case("Member Flagged")
        vault.save_first_meeting(ref, FirstMeeting(dismissal_threatened=True))

    def close(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*CASEVAULT, "--vault", str(paths.root), "case", "close", ref, *extra],
            check=False,
            env=cli_env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )

    refused = close()
    assert refused.returncode == 2
    assert "escalation" in refused.stderr and refused.stderr.count("\n") == 1
    done = close("--without-escalation", "The member resigned before the hearing.")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{ref} closed")
    with Vault.open(paths, keychain=None, ask_passphrase=lambda _why: PASSPHRASE) as vault:
        assert any("resigned" in e.body for e in vault.case(ref).events)


def test_search_finds_an_emails_body_and_says_why(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """Issue 18: `search` looks inside email bodies and prints the words around the match."""
    paths = VaultPaths(tmp_path / "vault")
    message = tmp_path / "invite.eml"
    message.write_bytes(
        b"From: HR <hr@employer.example>\r\nSubject: Invitation\r\n"
        b"Date: Tue, 10 Mar 2026 09:00:00 +0000\r\n\r\n"
        b"Please bring the swipe-card records to the hearing.\r\n"
    )
    with Vault.create(paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        ref = vault.new_case("Ada Member")
        vault.import_email(ref, message)
    argv = [*CASEVAULT, "--vault", str(paths.root), "search", "swipe"]

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*argv, *extra],
            check=False,
            env=cli_env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )

    plain = run()
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.splitlines() == [
        f"{ref}\topen\temail\tAda Member\tPlease bring the [swipe]-card records to the hearing."
    ]
    done = run("--json")
    [hit] = json.loads(done.stdout)
    assert hit["matched"] == "email"
    assert hit["snippet"] == {
        "text": "Please bring the swipe-card records to the hearing.",
        "matches": [[17, 5]],
    }
