"""`casevault backup` (write one, or `verify FILE`) and `restore`: one encrypted backup file.

A backup opens with the passphrase the vault had when it was made; `backup verify` exits 4 when
the file would not restore cleanly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casevault.cli.common import ask_passphrase, open_vault, say
from casevault.cli.output import shown
from casevault.core.errors import UnlockError, UsageError


def add_parsers(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="write one encrypted backup file (--out FILE), or check one (verify FILE)"
    )
    backup.add_argument("action", nargs="?", choices=("verify",), help="verify: prove FILE restores")
    backup.add_argument("file", nargs="?", metavar="FILE", help="the backup to verify")
    backup.add_argument("--out", metavar="FILE", help="the new backup file (never overwrites)")
    restore = commands.add_parser("restore", help="rebuild a vault from a backup in an empty or new folder")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--into", metavar="DIR", required=True, help="an empty or new folder")


def _progress_printer() -> Callable[[int, int], None] | None:
    """Percent steps on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            print(f"\r{percent:3d} %", end="", file=sys.stderr, flush=True)
            if percent == 100:
                print(file=sys.stderr)

    return show


def _backup_passphrase() -> str:
    passphrase = ask_passphrase("A backup opens with the passphrase the vault had when it was made")
    if passphrase is None:
        raise UnlockError(
            "No passphrase was given (set CASEVAULT_PASSPHRASE or run casevault in a terminal)."
        )
    return passphrase


def cmd_backup(args: argparse.Namespace) -> int:
    from casevault.vault.backup import PURGE_WARNING  # noqa: PLC0415
    from casevault.vault.facade import verify_backup  # noqa: PLC0415

    if args.action == "verify":
        if not args.file or args.out:
            raise UsageError("Use `casevault backup verify FILE` (without --out).")
        problems = verify_backup(Path(args.file), _backup_passphrase(), _progress_printer())
        for problem in problems:
            print(shown(problem))
        if problems:
            say("The backup would not restore cleanly.")
            return 4
        print("The backup is good: it restores, opens with the passphrase and passes check.")
        return 0
    if not args.out or args.file:
        raise UsageError("Use `casevault backup --out FILE` or `casevault backup verify FILE`.")
    with open_vault(args) as vault:
        report = vault.backup(Path(args.out), _progress_printer())
    print(
        f"Wrote {shown(report.path)} ({report.size} bytes: {report.attachments} attachment(s), "
        f"{report.library_documents} library document(s)). It opens with the vault passphrase."
    )
    say(PURGE_WARNING)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from casevault.vault.backup import restore_backup  # noqa: PLC0415

    into = Path(args.into)
    restore_backup(Path(args.file), into, passphrase=_backup_passphrase(), progress=_progress_printer())
    print(
        f"Restored a vault into {shown(into)}; open it with `casevault --vault {shown(into)}` "
        "and its passphrase."
    )
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
}
