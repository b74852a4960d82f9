"""The `casevault` argument parser, and which function runs each command.

Each command group declares its own arguments and handlers; this module only puts them together.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, Protocol

# ruff: noqa: PLR0402
# Not `from casevault.cli import cases`: that imports the package's __init__, which imports
# this module (tests/support/layering.py counts it as a cycle).
import casevault.cli.attachments as attachments
import casevault.cli.backup as backup
import casevault.cli.cases as cases
import casevault.cli.casework as casework
import casevault.cli.deadline as deadline
import casevault.cli.desktop as desktop
import casevault.cli.exchange as exchange
import casevault.cli.handover as handover
import casevault.cli.integrity as integrity
import casevault.cli.keys as keys
import casevault.cli.letters as letters
import casevault.cli.lookup as lookup
import casevault.cli.procedure as procedure
import casevault.cli.records as records
import casevault.cli.stats as stats
import casevault.cli.sync as sync
from casevault import __version__
from casevault.cli.common import ArgumentParser

Handler = Callable[[argparse.Namespace], int]


class CommandGroup(Protocol):
    HANDLERS: dict[str, Handler]

    def add_parsers(self, commands: Any) -> None: ...


# In the order `casevault --help` has always listed them (after `init`, which comes first).
GROUPS: tuple[CommandGroup, ...] = (
    cases,
    attachments,
    lookup,
    integrity,
    keys,
    backup,
    exchange,
    handover,
    records,
    casework,
    deadline,
    procedure,
    stats,
    letters,
    sync,
    desktop,
)

HANDLERS: dict[str, Handler] = {name: run for group in GROUPS for name, run in group.HANDLERS.items()}


def build_parser(*, commands: bool = True) -> ArgumentParser:
    """The whole command line; with `commands=False` only its options (16 ms less for the window,
    which `casevault` with no command opens: see cli.main)."""
    parser = ArgumentParser(
        prog="casevault",
        description=(
            "An encrypted case vault for union reps. With no command, opens the desktop app. "
            "`casevault FILE` opens it on a backup to verify (.cvbackup) or a case to receive (.age)."
        ),
    )
    parser.add_argument(
        "--vault", metavar="DIR", help="the vault folder (default: $CASEVAULT_HOME or your data folder)"
    )
    parser.add_argument("--debug", action="store_true", help="log events to stderr and show tracebacks")
    parser.add_argument(
        "--demo", action="store_true", help="use a throwaway vault of fictional cases, destroyed on exit"
    )
    parser.add_argument("--version", action="version", version=f"casevault {__version__}")
    if not commands:
        return parser
    actions = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    keys.add_init(actions)
    for group in GROUPS:
        group.add_parsers(actions)
    return parser
