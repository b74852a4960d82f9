"""`casevault desktop install|uninstall` and `casevault FILE` (cli/desktop.py): the command line
around host/desktop.py, run as a rep runs it (a real `casevault` process where it matters)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casevault import cli
from casevault.cli import desktop as cli_desktop
from casevault.cli.parser import HANDLERS
from casevault.core.errors import UsageError
from casevault.gui import app as gui_app
from casevault.host import desktop as host_desktop
from casevault.host.desktop import BACKUP, HANDOVER
from casevault.resources import APP_ID, MIME_TYPES
from tests.conftest import CASEVAULT

DESKTOP_ID = f"{APP_ID}.desktop"

MODULES_CHECK = """
import sys
from casevault import cli
try:
    code = cli.main(sys.argv[1:])
except SystemExit as done:
    code = done.code
loaded = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")})
heavy = sorted(m for m in ("casevault.host.desktop", "casevault.vault", "sqlcipher3", "cryptography")
               if m in sys.modules)
print("LOADED:", ",".join(loaded + heavy) or "none", file=sys.stderr)
sys.exit(code)
"""


def xdg_env(tmp_path: Path, path: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KDE_", "DESKTOP_SESSION"))}
    (tmp_path / "system").mkdir(exist_ok=True)
    env.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_DIRS=str(tmp_path / "system"),
        XDG_CONFIG_DIRS=str(tmp_path / "system"),
        LANG="C.UTF-8",
    )
    if path is not None:
        env["PATH"] = path
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", MODULES_CHECK, *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_install_and_uninstall_as_a_rep_runs_them(tmp_path: Path) -> None:
    env = xdg_env(tmp_path)
    done = run(env, "desktop", "install")
    assert done.returncode == 0, done.stderr
    data = tmp_path / "data"
    assert done.stdout.startswith(f"Installed the casevault menu entry, icons and file types into {data}; ")
    assert done.stderr.strip().splitlines()[-1] == "LOADED: casevault.host.desktop"  # no Qt, no vault
    entry = (data / "applications" / DESKTOP_ID).read_text()
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    program = exec_line.removeprefix("Exec=").split(" ")[0]
    assert Path(program).is_absolute() and os.access(program, os.X_OK), exec_line
    assert exec_line.endswith(" %f")
    query = subprocess.run(
        ["xdg-mime", "query", "default", MIME_TYPES[0]], env=env, capture_output=True, text=True, check=True
    )
    assert query.stdout.strip() == DESKTOP_ID
    # A handover bundle is known by its double suffix: casevault does not claim every age file.
    # (xdg-mime's own `query filetype` asks `file` outside a desktop session, so the installed
    # glob list is read instead.)
    globs = (data / "mime" / "globs2").read_text().splitlines()
    assert [g.split(":", 2)[2] for g in globs if f":{MIME_TYPES[1]}:" in g] == ["*.cvcase.age"]

    done = run(env, "desktop", "uninstall")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Removed the casevault menu entry, icons and file types from {data}.\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["config", "data", "system"]
    done = run(env, "desktop", "uninstall")
    assert (done.returncode, done.stdout) == (
        0,
        f"casevault's menu entry is not installed in {data}; nothing was removed.\n",
    )


def test_without_the_desktop_tools_install_says_what_is_missing_and_succeeds(tmp_path: Path) -> None:
    bare = tmp_path / "bare-bin"
    bare.mkdir()  # a PATH with none of the tools
    done = run(xdg_env(tmp_path, path=str(bare)), "desktop", "install")
    assert done.returncode == 0, done.stderr
    said = done.stderr.strip().splitlines()[:-1]
    assert [line.split()[1] for line in said] == [
        "update-mime-database",
        "update-desktop-database",
        "xdg-mime",
    ]
    assert all(line.startswith("casevault: ") and "is not installed (package" in line for line in said)
    assert (tmp_path / "data" / "applications" / DESKTOP_ID).is_file()


def test_a_failing_tool_makes_the_exit_status_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(host_desktop, "run_tool", lambda argv, env: (2, "no space left"))
    assert cli.main(["desktop", "install"]) == 1
    err = capsys.readouterr().err
    assert "casevault: update-mime-database failed: no space left" in err


def test_desktop_is_for_freedesktop_systems_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        assert cli.main(["desktop", "install"]) == 2
        assert "for Linux and BSD desktops" in capsys.readouterr().err


def test_desktop_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["desktop"]) == 2
    assert "required: ACTION" in capsys.readouterr().err


# ---- which command the menu entry runs -----------------------------------------------------


def test_the_menu_entry_runs_the_command_as_started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = tmp_path / "venv" / "bin" / "casevault"
    real.parent.mkdir(parents=True)
    real.write_text("#!/bin/sh\n")
    real.chmod(0o755)
    link = tmp_path / "bin" / "casevault"  # as pipx links ~/.local/bin/casevault into its venv
    link.parent.mkdir()
    link.symlink_to(real)
    monkeypatch.setattr(sys, "argv", [str(link), "desktop", "install"])
    assert cli_desktop.casevault_command() == [str(link)]  # the symlink, not where it leads
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["bin/casevault"])
    assert cli_desktop.casevault_command() == [str(link)]  # made absolute


def test_python_m_casevault_finds_the_command_on_path_or_runs_python(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "argv", [str(Path(cli.__file__).parent.parent / "__main__.py")])
    found = tmp_path / "casevault"
    found.write_text("#!/bin/sh\n")
    found.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert cli_desktop.casevault_command() == [str(found)]
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    assert cli_desktop.casevault_command() == [str(Path(sys.executable).absolute()), "-m", "casevault"]


def test_the_bundle_names_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/casevault/casevault")
    assert cli_desktop.casevault_command() == ["/opt/casevault/casevault"]


# ---- casevault FILE ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ([], None)),
        (["case", "list"], (["case", "list"], None)),
        (["--vault", "/v", "case", "list"], (["--vault", "/v", "case", "list"], None)),
        (["/home/rep/a.cvbackup"], ([], "/home/rep/a.cvbackup")),
        (["--vault", "/v", "/b/CV-1.age"], (["--vault", "/v"], "/b/CV-1.age")),
        (["--va", "/v", "x.AGE"], (["--va", "/v"], "x.AGE")),
        (
            ["--vault=/v", "--debug", "x.cvbackup", "--demo"],
            (["--vault=/v", "--debug", "--demo"], "x.cvbackup"),
        ),
        (["--", "/b/-odd.age"], ([], "/b/-odd.age")),
        (["--vault", "/path/case", "--demo"], (["--vault", "/path/case", "--demo"], None)),
        (["lsit"], (["lsit"], None)),  # a mistyped command stays argparse's usage error
    ],
)
def test_opened_file_splits_off_the_file(argv: list[str], expected: tuple[list[str], str | None]) -> None:
    assert cli_desktop.opened_file(argv, HANDLERS) == expected


def test_a_file_named_like_nothing_casevault_opens_still_counts_if_it_exists(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "from-a-colleague").write_bytes(b"age-encryption.org/v1\n")
    assert cli_desktop.opened_file(["from-a-colleague"], HANDLERS) == ([], "from-a-colleague")


def test_one_file_at_a_time() -> None:
    with pytest.raises(UsageError, match="one file at a time"):
        cli_desktop.opened_file(["/a.cvbackup", "/b.cvbackup"], HANDLERS)
    with pytest.raises(UsageError, match="one file at a time"):
        cli_desktop.opened_file(["/a.cvbackup", "case", "list"], HANDLERS)


def test_the_cli_knows_the_names_host_desktop_knows() -> None:
    assert set(cli_desktop.FILE_SUFFIXES) == set(host_desktop._SUFFIXES)


def test_casevault_file_opens_the_gui_on_its_flow(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(
        gui_app, "run", lambda paths, demo, open_file=None: calls.append((paths, demo, open_file)) or 0
    )
    monkeypatch.setattr("casevault.gui.display.require_display", lambda: None)
    backup = tmp_path / "b.cvbackup"
    backup.write_bytes(b"CVBACKUP")
    bundle = tmp_path / "CV-2026-0001.age"
    bundle.write_bytes(b"age-encryption.org/v1\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--vault", str(tmp_path / "v"), str(backup)]) == 0
    assert cli.main(["--demo", "CV-2026-0001.age"]) == 0  # relative: made absolute
    assert [c[2] for c in calls] == [(BACKUP, backup), (HANDOVER, bundle)]
    assert calls[1][:2] == (None, True)

    calls.clear()
    assert cli.main([str(tmp_path / "gone.cvbackup")]) == 2
    assert "There is no file" in capsys.readouterr().err
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.txt").write_text("hello")
    assert cli.main(["notes/x.txt"]) == 2
    assert "x.txt is neither" in capsys.readouterr().err
    assert calls == []  # the GUI was never started for a file it cannot open


def test_casevault_file_without_a_display_is_the_usual_sentence(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    env = {k: v for k, v in cli_env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    backup = tmp_path / "b.cvbackup"
    backup.write_bytes(b"CVBACKUP")
    done = subprocess.run(
        [*CASEVAULT, "--vault", str(tmp_path / "v"), str(backup)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("casevault: ") and not (tmp_path / "v").exists()


def test_other_commands_do_not_load_desktop_integration(tmp_path: Path) -> None:
    env = xdg_env(tmp_path)
    env["CASEVAULT_HOME"] = str(tmp_path / "no-vault")
    for args in (("--version",), ("case", "nonsense")):
        done = run(env, *args)
        assert done.stderr.strip().splitlines()[-1] == "LOADED: none", (args, done.stderr)


def test_desktop_tools_are_where_scripts_test_puts_them() -> None:
    # CI installs them (desktop-file-utils, shared-mime-info, xdg-utils): no test may skip.
    for name in ("desktop-file-validate", "update-desktop-database", "update-mime-database", "xdg-mime"):
        assert shutil.which(name), f"{name} is missing"
