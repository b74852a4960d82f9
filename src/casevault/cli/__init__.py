"""The `casevault` command line: the contract in DESIGN.md section 5.

Exit codes: 0 ok, 1 other failure (missing consent among them), 2 usage, 3 cannot unlock,
4 damaged or tampered.
Every user error is one sentence on stderr; a traceback appears only with --debug.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import sys
from collections.abc import Sequence
from pathlib import Path

from casevault.cli.common import PASSPHRASE_ENV, error_text, say
from casevault.cli.desktop import opened_file
from casevault.cli.parser import HANDLERS, build_parser
from casevault.core import log as logsetup
from casevault.core.errors import CasevaultError, UsageError
from casevault.core.fsutil import translate_os_error
from casevault.core.paths import VaultPaths

__all__ = ["main"]


def run_demo(args: argparse.Namespace) -> int:
    """Run one command against a throwaway vault of fictional cases. (Without a command, `--demo`
    opens the desktop app on such a vault instead: see run_gui.)"""
    from casevault.demo import demo_vault  # noqa: PLC0415

    if args.vault:
        raise UsageError("--demo uses its own throwaway vault; leave out --vault.")
    if args.command == "init":
        raise UsageError("The demo vault already exists; try `casevault --demo case list`.")
    with demo_vault() as (paths, passphrase):
        args.vault = str(paths.root)
        os.environ[PASSPHRASE_ENV] = passphrase
        return HANDLERS[args.command](args)


def run_gui(args: argparse.Namespace, file: str | None = None) -> int:
    """No command: open the desktop app (on the demo vault with --demo), on `file`'s flow when
    one is given (`casevault FILE`, as the menu entry runs it). Qt is imported only here."""
    if args.demo and args.vault:
        raise UsageError("--demo uses its own throwaway vault; leave out --vault.")
    opened = None
    if file is not None:
        from casevault.host.desktop import opened_file_kind  # noqa: PLC0415 - Qt-free

        path = Path(file).absolute()
        opened = (opened_file_kind(path), path)
    from casevault.gui.display import require_display  # noqa: PLC0415 - Qt-free

    require_display()  # before Qt, which would abort the process without a display
    from casevault.gui import app  # noqa: PLC0415 - the CLI never imports Qt for other commands

    paths = None if args.demo else VaultPaths.resolve(args.vault)
    return app.run(paths, demo=args.demo, open_file=opened)


def parse(words: list[str]) -> argparse.Namespace:
    """The parsed command line. Without a command (the window) only the options are parsed, so
    the 38 commands' parsers are not built before the first paint; anything more, or a request
    for help, goes to the whole parser, which says what is wrong in its own words."""
    if not {"-h", "--help"} & set(words):
        options, rest = build_parser(commands=False).parse_known_args(words)
        if not rest:
            options.command = None
            return options
    return build_parser().parse_args(words)


def harden_process() -> None:
    """Private files by default, and no core dumps that could hold keys or plaintext."""
    os.umask(0o077)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    words = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in words
    logsetup.configure(debug)
    try:
        words, file = opened_file(words, HANDLERS)
        args = parse(words)
        if args.command is None:
            return run_gui(args, file)
        if args.demo:
            return run_demo(args)
        return HANDLERS[args.command](args)
    except CasevaultError as err:
        say(error_text(err))
        return err.exit_code
    except OSError as err:
        # An OS error that no layer expected (a folder that vanished, a device gone): one sentence.
        if debug:
            raise
        say(translate_os_error(err, "the command").message)
        return 1
    except KeyboardInterrupt:
        say("Interrupted; nothing half-done was kept.")
        return 130
    except Exception as err:
        if debug:
            raise
        say(f"An unexpected error stopped casevault ({type(err).__name__}); run with --debug for details.")
        return 1
