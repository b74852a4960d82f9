"""`casevault attach`, `email import` and `attachment get`: files and emails into a case, and
decrypted copies out of it."""

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
    email = commands.add_parser("email", help="import emails (.eml, .msg) into a case's paper trail")
    email_actions = email.add_subparsers(
        dest="email_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )
    email_import = email_actions.add_parser(
        "import",
        help="file each email and the documents it holds; prints its entry, email and attachment ids",
        description=(
            "For each email, prints `entry ID` (its paper-trail entry), `email ID` (the email "
            "itself, stored as a document) and one `attachment ID` per document it held."
        ),
    )
    email_import.add_argument("ref")
    email_import.add_argument("files", nargs="+", metavar="FILE")
    attachment = commands.add_parser("attachment", help="get a decrypted copy of an attachment")
    actions = attachment.add_subparsers(
        dest="attachment_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )
    get = actions.add_parser("get", help="decrypt to a new file (never overwrites)")
    get.add_argument("id")
    get.add_argument("--out", required=True, metavar="FILE")


def _files(args: argparse.Namespace, what: str) -> list[Path]:
    paths = [Path(f) for f in args.files]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise UsageError(f"{missing[0]} is not a readable file; nothing was {what}.")
    return paths


def cmd_attach(args: argparse.Namespace) -> int:
    paths = _files(args, "attached")
    with open_vault(args) as vault:
        for path in paths:
            print(vault.attach(args.ref, path), flush=True)
    return 0


def cmd_email(args: argparse.Namespace) -> int:
    paths = _files(args, "imported")
    with open_vault(args) as vault:
        for path in paths:
            imported = vault.import_email(args.ref, path)
            print(f"entry {imported.event_id}", flush=True)
            print(f"email {imported.email_id}", flush=True)
            for contained in imported.contained_ids:
                print(f"attachment {contained}", flush=True)
            for note in imported.notes:
                say(f"{path.name}: {note}")
    return 0


def cmd_attachment(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.save_attachment(args.id, Path(args.out))
    say(f"wrote {args.out}; this decrypted copy is not protected by the vault.")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "attach": cmd_attach,
    "email": cmd_email,
    "attachment": cmd_attachment,
}
