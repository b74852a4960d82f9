"""`casevault attach` and `attachment get`: files into a case, and decrypted copies out of it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casevault.cli.common import ArgumentParser, open_vault, say
from casevault.core.errors import UsageError


def add_parsers(commands: Any) -> None:
    attach = commands.add_parser("attach", help="encrypt files into a case; prints one id per file")
    attach.add_argument("ref")
    attach.add_argument("files", nargs="+", metavar="FILE")
    attachment = commands.add_parser("attachment", help="get a decrypted copy of an attachment")
    actions = attachment.add_subparsers(
        dest="attachment_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )
    get = actions.add_parser("get", help="decrypt to a new file (never overwrites)")
    get.add_argument("id")
    get.add_argument("--out", required=True, metavar="FILE")


def cmd_attach(args: argparse.Namespace) -> int:
    paths = [Path(f) for f in args.files]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise UsageError(f"{missing[0]} is not a readable file; nothing was attached.")
    with open_vault(args) as vault:
        for path in paths:
            print(vault.attach(args.ref, path), flush=True)
    return 0


def cmd_attachment(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.save_attachment(args.id, Path(args.out))
    say(f"wrote {args.out}; this decrypted copy is not protected by the vault.")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "attach": cmd_attach,
    "attachment": cmd_attachment,
}
