"""Fixtures every test shares.

Each test runs with a private HOME, XDG folders and TMPDIR, no CASEVAULT_* variables, and a
D-Bus address that leads nowhere, so no test can touch a developer's real keychain or vault.
Tests that need a keychain start their own gnome-keyring (tests/support/keychain.py).
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from casevault.core.paths import VaultPaths
from casevault.crypto.kdf import KdfParams
from casevault.vault.facade import Vault

# Hypothesis writes its cache while collecting, before any fixture runs: keep it out of the tree,
# and remove it when the run ends (one folder a run would otherwise pile up in /tmp).
if "HYPOTHESIS_STORAGE_DIRECTORY" not in os.environ:
    _hypothesis_dir = tempfile.mkdtemp(prefix="casevault-hypothesis-")
    os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = _hypothesis_dir
    atexit.register(shutil.rmtree, _hypothesis_dir, ignore_errors=True)

PASSPHRASE = "correct horse battery staple 4217"
# Real Argon2id, with parameters small enough for hundreds of unit tests. The calibrated
# defaults are exercised by the CLI tests and the shared acceptance checks.
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


@pytest.fixture(autouse=True)
def private_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    for name in list(os.environ):
        if name.startswith("CASEVAULT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(home))
    (home / "tmp").mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(home / "tmp"))
    # tempfile caches its folder on first use (this file's import already used it): forget it, so
    # anything written through tempfile lands in the private TMPDIR, where scans look.
    monkeypatch.setattr(tempfile, "tempdir", None)
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        (home / sub).mkdir(parents=True, mode=0o700)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={home}/no-such-bus")
    monkeypatch.delenv("GNOME_KEYRING_CONTROL", raising=False)
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    return home


class FakeClock:
    """A clock the test moves by hand (the Vault takes `clock`; domain rules take `now`)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 14, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vault_paths(tmp_path: Path) -> VaultPaths:
    return VaultPaths(tmp_path / "vault")


@pytest.fixture
def vault(vault_paths: VaultPaths, clock: FakeClock) -> Iterator[Vault]:
    """An unlocked, passphrase-only vault on a real SQLCipher file."""
    v = Vault.create(vault_paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock)
    yield v
    v.close()


def reopen(paths: VaultPaths, passphrase: str = PASSPHRASE, **kw: object) -> Vault:
    return Vault.open(paths, keychain=None, ask_passphrase=lambda _reason: passphrase, **kw)  # type: ignore[arg-type]


@pytest.fixture
def cli_env(private_environment: Path) -> dict[str, str]:
    """Environment for running the real `casevault` command in a subprocess."""
    env = dict(os.environ)
    env["CASEVAULT_PASSPHRASE"] = PASSPHRASE
    env["LANG"] = "C.UTF-8"
    return env


CASEVAULT = [sys.executable, "-m", "casevault"]


# ---- no silent skips in CI --------------------------------------------------------------------
# A test that needs the keychain, Qt or a filesystem trick must run in CI. A skip there is a
# failure unless the test's reason starts with "documented:" and says why it cannot run.

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if "documented:" not in reason:
            _skipped.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CI") and _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if os.environ.get("CI") and _skipped:
        terminalreporter.write_line(f"FAILED: {len(_skipped)} test(s) skipped in CI:", red=True)
        for line in _skipped:
            terminalreporter.write_line(f"  {line}", red=True)
