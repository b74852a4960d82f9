"""`casevault --version` and `casevault --help` work anywhere: without a vault, without a display,
and without importing Qt, since a packager's smoke test or a login shell runs them first.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casevault import __version__
from casevault.cli import parse
from casevault.cli.parser import HANDLERS, build_parser
from casevault.core.errors import UsageError
from tests.conftest import CASEVAULT

NO_QT_CHECK = """
import sys
from casevault import cli
try:
    code = cli.main(sys.argv[1:])
except SystemExit as done:
    code = done.code
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print("QT-MODULES:", ",".join(loaded) or "none", file=sys.stderr)
HEAVY = (
    "sqlcipher3", "cryptography", "pyzipper", "pyrage", "keyring", "casevault.vault",
    "casevault.store", "platformdirs", "zoneinfo", "tomllib", "secrets",
    "casevault.casework.conflicts", "casevault.casework.letters",
)
heavy = sorted({h for h in HEAVY for m in sys.modules if m == h or m.startswith(h + ".")})
print("HEAVY-MODULES:", ",".join(heavy) or "none", file=sys.stderr)
sys.exit(code)
"""


def headless_env(tmp_path: Path) -> dict[str, str]:
    """No display of any kind, no Qt platform, and a vault folder that does not exist."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEVAULT_")}
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"):
        env.pop(var, None)
    env.update(CASEVAULT_HOME=str(tmp_path / "no-vault-here"), COLUMNS="200", LANG="C.UTF-8")
    return env


def command_helps() -> dict[str, str]:
    """Each command's one-line help, as build_parser declares it."""
    parser = build_parser()
    (commands,) = (action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return {choice.dest: choice.help or "" for choice in commands._choices_actions}


def run(tmp_path: Path, *args: str, no_qt_check: bool = False) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-c", NO_QT_CHECK, *args] if no_qt_check else [*CASEVAULT, *args]
    return subprocess.run(
        argv,
        env=headless_env(tmp_path),
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_every_command_has_a_one_line_help() -> None:
    helps = command_helps()
    assert set(helps) == set(HANDLERS)
    for name, text in helps.items():
        assert text, f"{name} has no help"
        assert "\n" not in text
        assert len(text) <= 100, f"{name}'s help is more than a line"


def test_version(tmp_path: Path) -> None:
    result = run(tmp_path, "--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"casevault {__version__}\n", "")
    assert not (tmp_path / "no-vault-here").exists()


def test_help_lists_every_command_with_its_help(tmp_path: Path) -> None:
    result = run(tmp_path, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("usage: casevault ")
    assert "With no command, opens the desktop app." in " ".join(result.stdout.split())
    for name, text in command_helps().items():
        # argparse puts a long command name on a line of its own, with its help on the next.
        assert re.search(rf"^ +{re.escape(name)}\s+{re.escape(text)}$", result.stdout, re.MULTILINE), name
    for option in ("--vault DIR", "--version", "--demo", "--debug"):
        assert option in result.stdout
    assert not (tmp_path / "no-vault-here").exists()


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("case", "--help"), ("backup", "--help")])
def test_help_and_version_never_import_qt(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(tmp_path, *args, no_qt_check=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[0] == "QT-MODULES: none"
    assert result.stdout


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("case", "--help"), ("case", "nonsense")])
def test_help_version_and_usage_errors_load_no_vault_and_no_crypto(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    # Start-up cost (issue 15): the database, crypto and zip libraries load only for a command
    # that opens the vault; nor do the libraries and rules that took `--help` past 80 ms.
    result = run(tmp_path, *args, no_qt_check=True)
    assert result.stderr.strip().splitlines()[-1] == "HEAVY-MODULES: none", result.stderr


def test_the_benchmark_is_no_product_command(tmp_path: Path) -> None:
    """`casevault bench` is gone (it is `python -m casevault.bench`): a usage error, exit 2,
    and nothing run or made."""
    assert "bench" not in HANDLERS
    result = run(tmp_path, "bench", "--quick", no_qt_check=True)
    assert result.returncode == 2, result.stderr
    assert "invalid choice: 'bench'" in result.stderr
    assert "QT-MODULES: none" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "no-vault-here").exists()


def test_without_a_command_only_the_options_are_parsed_and_the_rest_goes_to_the_whole_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    window = parse(["--vault", "/tmp/v", "--debug"])
    assert (window.command, window.vault, window.debug, window.demo) == (None, "/tmp/v", True, False)
    assert parse([]).command is None and parse(["--demo"]).demo
    listing = parse(["--vault", "/tmp/v", "case", "list"])
    assert listing.command == "case" and listing.vault == "/tmp/v"
    with pytest.raises(UsageError, match="Unrecognized arguments: --no-such-option"):
        parse(["--no-such-option"])
    with pytest.raises(UsageError, match="Unrecognized arguments: --no-such-option"):
        parse(["--vault", "/tmp/v", "case", "list", "--no-such-option"])
    with pytest.raises(SystemExit) as helped:
        parse(["--help"])
    assert helped.value.code == 0 and "COMMAND" in capsys.readouterr().out
