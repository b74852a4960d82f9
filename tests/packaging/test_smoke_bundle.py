"""packaging/smoke_bundle.py, the smoke test CI runs on the macOS and Windows bundles, run here:
which executable and which checks each system gets, and the checks written for macOS and Windows
(the demo window that is ended, the OS keychain) against a fake bundle, a script that answers as
casevault does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.support.packaging_tools import load

smoke = load("smoke_bundle")

FAKE = """#!{python}
import os, sys, time
args = sys.argv[1:]
if args == ["--version"]:
    print("casevault 9.9.9")
elif args[:2] == ["--debug", "--demo"]:
    print("INFO gui.starting", flush=True)
    print("INFO gui.running", flush=True)
    time.sleep(60)
elif args[2:4] == ["keychain", "status"]:
    print("Keychain: " + os.environ.get("FAKE_BACKEND", "none"))
elif args[2:3] == ["case"] and "CASEVAULT_PASSPHRASE" in os.environ:
    sys.exit("opened with the passphrase, not the keychain")
"""


@pytest.fixture
def fake_exe(tmp_path: Path) -> Path:
    exe = tmp_path / "bin" / "casevault"
    exe.parent.mkdir()
    exe.write_text(FAKE.format(python=sys.executable))
    exe.chmod(0o755)
    return exe


def test_each_system_runs_its_own_executable(tmp_path: Path) -> None:
    assert smoke.default_exe("win32", tmp_path) == tmp_path / "dist/casevault/casevault-cli.exe"
    assert smoke.default_exe("darwin", tmp_path) == tmp_path / "dist/casevault.app/Contents/MacOS/casevault"
    assert smoke.default_exe("linux", tmp_path) == tmp_path / "dist/casevault/casevault"


@pytest.mark.parametrize(
    ("platform", "names"),
    [
        ("linux", ["version", "cli-vault", "demo-sigterm", "keychain"]),
        ("darwin", ["version", "cli-vault", "demo-sigterm", "keychain"]),
        ("win32", ["version", "cli-vault", "demo-window", "keychain"]),
        ("freebsd14", ["version", "cli-vault", "demo-sigterm"]),
    ],
)
def test_each_system_gets_the_checks_that_mean_something_there(platform: str, names: list[str]) -> None:
    assert list(smoke.checks_for(platform)) == names


def test_linux_runs_the_linux_checks_themselves() -> None:
    smoke_linux = load("smoke_linux")
    checks = smoke.checks_for("linux")
    assert checks["demo-sigterm"] is smoke_linux.check_demo_quits_on_sigterm
    assert checks["keychain"] is smoke_linux.check_keychain
    assert checks["version"] is smoke_linux.check_version
    assert checks["cli-vault"] is smoke_linux.check_cli_vault


def test_the_windows_demo_check_waits_for_the_window_then_ends_it(fake_exe: Path, tmp_path: Path) -> None:
    detail = smoke.checks_for("win32")["demo-window"](fake_exe, tmp_path)
    assert detail.startswith("window up in ")


def test_the_windows_demo_check_fails_when_no_window_comes_up(tmp_path: Path) -> None:
    exe = tmp_path / "casevault"
    exe.write_text(f"#!{sys.executable}\nprint('Traceback: no Qt platform plugin')\nraise SystemExit(1)\n")
    exe.chmod(0o755)
    with pytest.raises(smoke.SmokeError, match="no Qt platform plugin"):
        smoke.check_demo_window(exe, tmp_path)


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_the_os_keychain_check_needs_that_systems_backend(
    platform: str, fake_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = smoke.checks_for(platform)["keychain"]
    monkeypatch.setenv("FAKE_BACKEND", smoke.KEYCHAIN_BACKENDS[platform])
    assert check(fake_exe, tmp_path) == f"opened by {smoke.KEYCHAIN_BACKENDS[platform]} without a passphrase"
    monkeypatch.setenv("FAKE_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(smoke.SmokeError, match="does not name"):
        check(fake_exe, tmp_path)


def test_main_runs_the_checks_and_says_which_failed(
    fake_exe: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FAKE_BACKEND", smoke.KEYCHAIN_BACKENDS["win32"])
    assert smoke.main([str(fake_exe)], platform="win32") == 1  # the fake makes no real vault
    out = capsys.readouterr().out
    assert "ok   version" in out and "casevault 9.9.9" in out
    assert "ok   demo-window" in out and "ok   keychain" in out
    assert "FAIL cli-vault" in out
    assert out.rstrip().endswith("smoke: 1 check(s) failed")


def test_main_without_a_bundle_says_to_build_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert smoke.main([str(tmp_path / "nothing.exe")], platform="win32") == 1
    assert "build the bundle first" in capsys.readouterr().err
