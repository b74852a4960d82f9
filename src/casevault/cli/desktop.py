"""`casevault desktop install|uninstall`, and `casevault FILE`: the menu entry and opening files.

`desktop install` puts the menu entry, icons, AppStream metainfo and casevault's file types into
the user's XDG data folder (no root; host/desktop.py does the work), with Exec= running the
casevault command that is running now. Opening a backup or a handover bundle from the desktop
then runs `casevault FILE`, which opens the desktop app on that file's flow: verify the backup,
or receive the case.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from casevault.cli.common import say, subcommands
from casevault.cli.output import shown
from casevault.core.errors import UsageError

# The global options that take a value (the rest are flags), as `casevault --help` lists them.
_VALUE_OPTIONS = ("--vault",)
# The names of the files casevault opens (host/desktop.py knows them by their contents too).
FILE_SUFFIXES = (".cvbackup", ".age")


def add_parsers(commands: Any) -> None:
    actions = subcommands(
        commands, "desktop", "add casevault to this user's desktop menu and file types, or remove it"
    )
    actions.add_parser(
        "install",
        help="the menu entry, icons and file types (.cvbackup, .cvcase.age) in your data folder; no root",
    )
    actions.add_parser("uninstall", help="remove exactly what `desktop install` put there")


def casevault_command() -> list[str]:
    """The absolute command line that runs this casevault, for the menu entry's Exec=."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: its own executable
        return [_absolute(sys.executable)]
    # The path as started, with its symlinks kept: pipx's ~/.local/bin/casevault is a symlink into
    # pipx's venv, and that name is the one that survives `pipx upgrade` and `pipx reinstall`.
    started = Path(sys.argv[0] if sys.argv else "")
    if (
        started.name.startswith("casevault")
        and started.suffix != ".py"  # `python -m casevault` starts as casevault/__main__.py
        and started.is_file()
        and os.access(started, os.X_OK)
    ):
        return [_absolute(str(started))]
    found = shutil.which("casevault")
    if found:
        return [_absolute(found)]
    return [_absolute(sys.executable), "-m", "casevault"]


def _absolute(path: str) -> str:
    return str(Path(path).absolute())  # not resolve(): see above


def cmd_desktop(args: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        raise UsageError(
            "`casevault desktop` is for Linux and BSD desktops; on macOS and Windows, install the app "
            "bundle (packaging/README.md)."
        )
    from casevault.host import desktop  # noqa: PLC0415 - only this command needs it

    home = desktop.XdgHome.from_environment()
    if args.desktop_command == "install":
        command = casevault_command()
        report = desktop.install(home, command)
        print(
            f"Installed the casevault menu entry, icons and file types into {shown(home.data)}; "
            f"the menu entry runs {shown(' '.join(command))}."
        )
    else:
        report = desktop.uninstall(home)
        if not report.files:
            print(f"casevault's menu entry is not installed in {shown(home.data)}; nothing was removed.")
            return 0
        print(f"Removed the casevault menu entry, icons and file types from {shown(home.data)}.")
    for sentence in (*report.missing, *report.failed):
        say(sentence)
    return 1 if report.failed else 0


def opened_file(argv: Sequence[str], commands: Collection[str]) -> tuple[list[str], str | None]:
    """Split `casevault [OPTIONS] FILE` (as a menu entry's `Exec=... %f` runs it, with an
    absolute path) into the options and FILE: the first argument that is neither an option, an
    option's value nor a command, and looks like a file (a path with a folder in it, a name
    casevault opens, or a file that exists). Anything else is returned as it was, with None, so
    a mistyped command stays a usage error that says so."""
    args = list(argv)
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            index += 1
            break
        if arg.startswith("-"):
            # --vault DIR (or any abbreviation argparse accepts: --va DIR); --vault=DIR is one.
            takes_value = len(arg) > 2 and any(option.startswith(arg) for option in _VALUE_OPTIONS)
            index += 2 if takes_value else 1
            continue
        break
    if index >= len(args) or args[index] in commands or not _looks_like_a_file(args[index]):
        return args, None
    if any(not arg.startswith("-") for arg in args[index + 1 :]):
        raise UsageError("casevault opens one file at a time, with no command after it.")
    rest = args[:index] + args[index + 1 :]
    return [arg for arg in rest if arg != "--"], args[index]


def _looks_like_a_file(arg: str) -> bool:
    return "/" in arg or os.sep in arg or arg.lower().endswith(FILE_SUFFIXES) or Path(arg).is_file()


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"desktop": cmd_desktop}
