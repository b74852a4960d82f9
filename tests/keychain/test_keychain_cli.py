"""The `casevault` command against a real gnome-keyring, end to end, in subprocesses.

Each subprocess detects its keyring backend afresh, as a user's `casevault` does. stdin is
/dev/null and there is no controlling terminal, so "no passphrase" means exit 3, never a prompt.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from casevault.core.paths import VaultPaths
from casevault.host.keychain import OsKeychain
from casevault.vault.facade import Vault
from tests.conftest import CASEVAULT, FAST_KDF, PASSPHRASE
from tests.keychain.conftest import MakeSecretService
from tests.support.keychain import SecretService

pytestmark = pytest.mark.keychain

ROOT = Path(__file__).resolve().parents[2]
SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"
LIMIT_SECONDS = 20.0
NO_PASSPHRASE = ("CASEVAULT_PASSPHRASE",)
NEW_PASSPHRASE = "a brand new passphrase for the 2026 rep work"
MEMBER = "Keychain Member"


class Cli:
    """Runs `casevault --vault DIR ...` with a fixed environment (changed per call if need be)."""

    def __init__(self, env: dict[str, str], vault: Path) -> None:
        self.env = env
        self.vault = vault

    def run(
        self, *args: str, env: dict[str, str] | None = None, unset: Iterable[str] = (), timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        run_env = {**self.env, **(env or {})}
        for name in unset:
            run_env.pop(name, None)
        start = time.monotonic()
        done = subprocess.run(
            [*CASEVAULT, "--vault", str(self.vault), *args],
            env=run_env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            start_new_session=True,  # no controlling terminal: a prompt cannot wait for a human
        )
        elapsed = time.monotonic() - start
        assert elapsed < LIMIT_SECONDS, f"casevault {' '.join(args)} took {elapsed:.1f} s"
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def ok(self, *args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
        done = self.run(*args, **kw)
        assert done.returncode == 0, f"casevault {' '.join(args)} exited {done.returncode}: {done.stderr}"
        return done

    def refused(self, *args: str, **kw: Any) -> str:
        """Exit 3 with exactly one clear sentence on stderr; returns that sentence."""
        done = self.run(*args, **kw)
        assert done.returncode == 3, f"expected exit 3, got {done.returncode}: {done.stderr}{done.stdout}"
        sentence = single_line(done.stderr)
        assert is_one_sentence(sentence), done.stderr
        return sentence

    def keys(self) -> dict[str, Any]:
        return dict(json.loads((self.vault / "vault.keys").read_text()))

    def slot(self, kind: str) -> dict[str, Any] | None:
        return next((s for s in self.keys()["slots"] if s["type"] == kind), None)

    def vault_id(self) -> str:
        return str(self.keys()["vault_id"])


def single_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {stderr!r}"
    assert lines[0].startswith("casevault: "), lines[0]
    return lines[0].removeprefix("casevault: ")


def is_one_sentence(text: str) -> bool:
    text = text.strip()
    return bool(text) and text[0].isupper() and text.endswith(".") and not re.search(r"[.!?]\s+\S", text[:-1])


def notices(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert all(line.startswith("casevault: ") for line in lines), stderr
    sentences = [line.removeprefix("casevault: ") for line in lines]
    assert all(is_one_sentence(s) for s in sentences), stderr
    return sentences


@pytest.fixture
def cli(cli_env: dict[str, str], secret_service: SecretService, tmp_path: Path) -> Cli:
    """casevault with CASEVAULT_PASSPHRASE set and the private gnome-keyring reachable."""
    return Cli({**cli_env, **secret_service.env, "PYTHONPATH": str(ROOT)}, tmp_path / "vault")


def vault_with_keychain(cli: Cli) -> str:
    """A vault with a keychain slot in the private gnome-keyring and one case, made in-process
    with FAST_KDF so that the many passphrase unlocks below stay quick (`casevault init`
    calibrates Argon2id to about a second; the init test runs it for real)."""
    with Vault.create(VaultPaths(cli.vault), PASSPHRASE, keychain=OsKeychain(), kdf_params=FAST_KDF) as vault:
        ref = vault.new_case(MEMBER)
    slot = cli.slot("keychain")
    assert slot is not None and slot["backend"] == SECRET_SERVICE_BACKEND
    return ref


def init_with_keychain(cli: Cli) -> str:
    """`casevault init` (keychain on by default) and one case made without a passphrase."""
    done = cli.ok("init")
    assert "keychain" in done.stdout, done.stdout
    assert done.stderr == "", done.stderr
    slot = cli.slot("keychain")
    assert slot is not None and slot["backend"] == SECRET_SERVICE_BACKEND
    made = cli.ok("case", "new", "--member", MEMBER, unset=NO_PASSPHRASE)
    assert made.stderr == ""
    ref = made.stdout.strip()
    assert ref
    return ref


def test_init_with_keychain_then_no_passphrase_until_the_entry_is_cleared(
    cli: Cli, secret_service: SecretService
) -> None:
    ref = init_with_keychain(cli)
    listed = cli.ok("case", "list", unset=NO_PASSPHRASE)
    assert ref in listed.stdout and MEMBER in listed.stdout
    assert listed.stderr == ""

    secret_service.clear()  # as checks/keyring does: `secret-tool clear`
    for command in (("case", "list"), ("case", "new", "--member", "Another Member")):
        sentence = cli.refused(*command, unset=NO_PASSPHRASE)
        assert "keychain" in sentence and "passphrase" in sentence, sentence

    listed = cli.ok("case", "list")  # the recovery passphrase
    assert ref in listed.stdout
    said = notices(listed.stderr)
    assert any("keychain has no key" in s for s in said), said
    assert any("new key" in s for s in said), said  # re-enrolled

    assert ref in cli.ok("case", "list", unset=NO_PASSPHRASE).stdout
    assert "Another Member" not in cli.ok("case", "list", unset=NO_PASSPHRASE).stdout


def test_keychain_disable_then_enable(cli: Cli, secret_service: SecretService) -> None:
    ref = vault_with_keychain(cli)
    vault_id = cli.vault_id()
    status = cli.ok("keychain", "status", unset=NO_PASSPHRASE)
    assert f"in use ({SECRET_SERVICE_BACKEND})" in status.stdout

    disabled = cli.ok("keychain", "disable", unset=NO_PASSPHRASE)
    assert "not in use" in disabled.stdout
    assert cli.slot("keychain") is None
    assert secret_service.search(vault_id) == "", "disable should delete the keychain entry"
    assert cli.slot("passphrase") is not None
    cli.refused("case", "list", unset=NO_PASSPHRASE)

    enabled = cli.ok("keychain", "enable")
    assert f"in use ({SECRET_SERVICE_BACKEND})" in enabled.stdout
    slot = cli.slot("keychain")
    assert slot is not None and slot["backend"] == SECRET_SERVICE_BACKEND
    assert secret_service.lookup(vault_id) is not None
    assert ref in cli.ok("case", "list", unset=NO_PASSPHRASE).stdout


def test_passphrase_change_keeps_the_keychain_slot_byte_identical(
    cli: Cli, secret_service: SecretService
) -> None:
    ref = vault_with_keychain(cli)
    vault_id = cli.vault_id()
    keychain_before = json.dumps(cli.slot("keychain"))
    passphrase_before = cli.slot("passphrase")
    entry_before = secret_service.lookup(vault_id)

    changed = cli.ok(
        "passphrase", "change", env={"CASEVAULT_NEW_PASSPHRASE": NEW_PASSPHRASE}, unset=NO_PASSPHRASE
    )
    assert "changed" in changed.stdout
    assert json.dumps(cli.slot("keychain")) == keychain_before
    assert keychain_before in json.dumps(cli.keys()["slots"])
    assert cli.slot("passphrase") != passphrase_before
    assert secret_service.lookup(vault_id) == entry_before
    assert ref in cli.ok("case", "list", unset=NO_PASSPHRASE).stdout  # the keychain still opens it

    secret_service.clear()  # now only the new passphrase can open it
    assert ref in cli.ok("case", "list", env={"CASEVAULT_PASSPHRASE": NEW_PASSPHRASE}).stdout


# Each makes one failure happen and returns the environment casevault then runs in.


def _dead_bus(_service: SecretService, tmp_path: Path, _vault_id: str) -> dict[str, str]:
    return {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus-here"}


def _locked(service: SecretService, _tmp_path: Path, _vault_id: str) -> dict[str, str]:
    service.lock()
    return service.env


def _wrong_login_password(service: SecretService, _tmp_path: Path, _vault_id: str) -> dict[str, str]:
    service.restart(password="not the login password")
    return service.env


def _not_unlocked_at_login(service: SecretService, _tmp_path: Path, _vault_id: str) -> dict[str, str]:
    service.restart(unlock=False)
    return service.env


def _wrong_entry(service: SecretService, _tmp_path: Path, vault_id: str) -> dict[str, str]:
    service.store(vault_id, "00" * 32)
    return service.env


FAILURES = {
    "no-session-bus": (_dead_bus, "No system keychain is available"),
    "collection-locked": (_locked, "locked"),
    "wrong-login-password": (_wrong_login_password, "locked"),
    "not-unlocked-at-login": (_not_unlocked_at_login, "locked"),
    "wrong-entry": (_wrong_entry, "does not open this vault"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_keychain_failure_falls_back_to_the_passphrase(
    failure: str, cli: Cli, secret_service: SecretService, tmp_path: Path
) -> None:
    ref = vault_with_keychain(cli)
    make_failure, says = FAILURES[failure]
    env = make_failure(secret_service, tmp_path, cli.vault_id())

    sentence = cli.refused("case", "list", env=env, unset=NO_PASSPHRASE)
    assert says in sentence and "passphrase" in sentence, sentence

    listed = cli.ok("case", "list", env=env)
    assert ref in listed.stdout
    said = notices(listed.stderr)
    assert says in said[0] and "opened with its passphrase" in said[0], said


def test_never_unlocked_keychain_on_a_new_profile(cli: Cli, make_secret_service: MakeSecretService) -> None:
    """The vault moved to a profile whose keychain was never set up: the unlock prompt is dismissed."""
    ref = vault_with_keychain(cli)
    fresh = make_secret_service().start(keyring=False)  # gnome-keyring is D-Bus-activated, locked
    sentence = cli.refused("case", "list", env=fresh.env, unset=NO_PASSPHRASE)
    assert "not unlocked" in sentence, sentence
    assert ref in cli.ok("case", "list", env=fresh.env).stdout


def test_hung_keychain_times_out_into_the_passphrase(cli: Cli, secret_service: SecretService) -> None:
    """gnome-keyring stopped (SIGSTOP): the real 15-second timeout, then the passphrase."""
    ref = vault_with_keychain(cli)
    secret_service.freeze()
    listed = cli.ok("case", "list", timeout=LIMIT_SECONDS + 10)
    assert ref in listed.stdout
    said = notices(listed.stderr)
    assert "did not answer within 15 seconds" in said[0], said


# ---- weak backends are refused; no keychain at creation means none later ---------------------


def test_init_refuses_a_plaintext_backend(cli: Cli, secret_service: SecretService, tmp_path: Path) -> None:
    """PYTHON_KEYRING_BACKEND selects a plaintext store (the null backend is refused in
    test_os_keychain.py): init makes a passphrase-only vault and says so."""
    plaintext_file = tmp_path / "plaintext-keyring.json"
    env = {
        "PYTHON_KEYRING_BACKEND": "tests.support.plaintext_keyring.PlaintextKeyring",
        "CV_PLAINTEXT_KEYRING": str(plaintext_file),
    }
    done = cli.ok("init", env=env)
    said = notices(done.stderr)
    assert len(said) == 1, said
    assert "not an OS keychain" in said[0] and "passphrase only" in said[0], said
    assert "opens with: passphrase)" in done.stdout
    assert cli.slot("keychain") is None
    assert not plaintext_file.exists(), "the weak backend must never be written to"
    assert secret_service.search() == "", "nor may casevault quietly use another backend"

    for run_env in (env, {}):  # with the weak backend, and with the Secret Service available
        sentence = cli.refused("case", "list", env=run_env, unset=NO_PASSPHRASE)
        assert "passphrase" in sentence, sentence
    assert not plaintext_file.exists()


def test_vault_made_without_a_secret_service_needs_its_passphrase_later(
    cli: Cli, secret_service: SecretService, tmp_path: Path
) -> None:
    done = cli.ok("init", env=_dead_bus(secret_service, tmp_path, ""))
    said = notices(done.stderr)
    assert "No system keychain is available" in said[0] and "passphrase only" in said[0], said
    assert cli.slot("keychain") is None

    # Now the Secret Service is there (cli's environment): still the passphrase, and no slot appears.
    sentence = cli.refused("case", "list", unset=NO_PASSPHRASE)
    assert "No passphrase was given" in sentence, sentence
    listed = cli.ok("case", "list")
    assert listed.stderr == ""
    assert cli.slot("keychain") is None
    assert secret_service.search() == ""


CHAINED_INIT = """
import json, sys
import keyring
import tests.support.plaintext_keyring  # noqa: F401 - as if keyrings.alt were installed
from keyring.backends import chainer
from casevault.cli import main
chained = keyring.get_keyring()
parts = [type(b).__module__ + "." + type(b).__name__ for b in getattr(chained, "backends", [])]
print(json.dumps({"chained": isinstance(chained, chainer.ChainerBackend), "parts": parts}), flush=True)
sys.exit(main(["--vault", sys.argv[1], "init"]))
"""


def test_a_chain_with_a_plaintext_backend_uses_only_the_os_keychain(
    cli: Cli, secret_service: SecretService, tmp_path: Path
) -> None:
    """With a weak backend importable (keyrings.alt installed), keyring auto-detects a chain of
    it and the Secret Service. casevault uses the Secret Service in that chain and never writes
    to the weak one."""
    plaintext_file = tmp_path / "plaintext-keyring.json"
    done = subprocess.run(
        [CASEVAULT[0], "-c", CHAINED_INIT, str(cli.vault)],
        env={**cli.env, "CV_PLAINTEXT_KEYRING": str(plaintext_file)},
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        start_new_session=True,
    )
    assert done.returncode == 0, done.stderr
    detected = json.loads(done.stdout.splitlines()[0])
    assert detected["chained"], "the scenario needs keyring to have chained two backends"
    assert "tests.support.plaintext_keyring.PlaintextKeyring" in detected["parts"], detected
    slot = cli.slot("keychain")
    assert slot is not None and slot["backend"] == SECRET_SERVICE_BACKEND
    assert secret_service.lookup(cli.vault_id()), "the device key belongs in the Secret Service"
    assert not plaintext_file.exists(), "the plaintext backend must never be written to"
    assert cli.ok("case", "list", unset=NO_PASSPHRASE).returncode == 0
