"""`casevault export`, `summary` and `subject-access`: what leaves the vault, as a zip or a PDF."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casevault.cli.common import open_vault, say
from casevault.core.errors import ConsentMissingError, UsageError

if TYPE_CHECKING:
    from casevault.vault.facade import Vault


def add_parsers(commands: Any) -> None:
    export = commands.add_parser("export", help="a password-protected (AES-256) zip of a case, for sending")
    export.add_argument("ref")
    export.add_argument("--out", required=True, metavar="FILE.zip", help="a new file (never overwrites)")
    export.add_argument("--password-env", metavar="VAR", help="take the zip's password from this variable")
    export.add_argument("--to", default="", metavar="RECIPIENT", help="who it goes to, for the sent log")
    export.add_argument(
        "--recipient-kind",
        choices=("reps", "regional-office", "member"),
        default="reps",
        help="needs the member's consent to share with them (not for the member)",
    )
    export.add_argument("--documents", nargs="+", metavar="ID", help="these attachments (default: all)")
    export.add_argument("--summary", action="store_true", help="include a case summary PDF")
    export.add_argument("--real-names", action="store_true", help="the documents' real names inside the zip")
    summary = commands.add_parser("summary", help="save a case summary PDF (never overwrites)")
    summary.add_argument("ref")
    summary.add_argument("--out", required=True, metavar="FILE.pdf")
    subject = commands.add_parser(
        "subject-access", help="everything held about a case's member, as a password-protected zip"
    )
    subject.add_argument("ref")
    subject.add_argument("--out", required=True, metavar="FILE.zip")
    subject.add_argument("--password-env", metavar="VAR", help="take the zip's password from this variable")


def _summary_renderer() -> Callable[[Vault, str], bytes]:
    """The GUI's PDF renderer, which starts its own offscreen Qt application: the command line
    never imports Qt itself, and gui/ does so only for the commands that need a summary."""
    from casevault.gui.summary_pdf import render_offscreen  # noqa: PLC0415 - only these commands

    return render_offscreen


def _zip_password(env_name: str | None) -> tuple[str, bool]:
    """(password, generated): from the named variable, else a new random one."""
    from casevault.casework import exchange  # noqa: PLC0415

    if env_name:
        value = os.environ.get(env_name)
        if not value:
            raise UsageError(f"The variable {env_name} is not set or is empty.")
        return value, False
    return exchange.generate_password(), True


def _tell_password(password: str) -> None:
    from casevault.casework import exchange  # noqa: PLC0415

    print(f"Password: {password}")
    print(exchange.SEND_SEPARATELY)
    print(exchange.WHAT_OPENS_IT)


def cmd_export(args: argparse.Namespace) -> int:
    to = args.to or ("the member" if args.recipient_kind == "member" else "")
    if not to:
        raise UsageError("Say who the zip is for with --to (it goes in the sent log).")
    password, generated = _zip_password(args.password_env)
    with open_vault(args) as vault:
        problem = vault.export_problem(args.ref, args.recipient_kind)
        if problem:
            # Here, not at load: the casework rules cost 4 ms of every `casevault --help`.
            from casevault.casework.people import SHARING_SCOPES  # noqa: PLC0415

            scope = SHARING_SCOPES.get(args.recipient_kind, "")
            raise ConsentMissingError(problem, scope=scope, ref=args.ref.strip().upper())
        pdf = _summary_renderer()(vault, args.ref) if args.summary else None
        record = vault.export_zip(
            args.ref,
            args.documents,
            Path(args.out),
            password=password,
            recipient=to,
            recipient_kind=args.recipient_kind,
            neutral_names=not args.real_names,
            summary_pdf=pdf,
        )
    say(f"wrote {args.out} ({len(record.contents)} files, SHA-256 {record.sha256}).")
    if generated:
        _tell_password(password)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.save_summary(args.ref, Path(args.out), _summary_renderer()(vault, args.ref))
    say(f"wrote {args.out}; this PDF is not protected by the vault.")
    return 0


def cmd_subject_access(args: argparse.Namespace) -> int:
    password, generated = _zip_password(args.password_env)
    with open_vault(args) as vault:
        render = _summary_renderer()
        record = vault.export_subject_access(
            args.ref, Path(args.out), password=password, render_summary=lambda ref: render(vault, ref)
        )
    say(f"wrote {args.out} ({len(record.contents)} files, SHA-256 {record.sha256}).")
    if generated:
        _tell_password(password)
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "export": cmd_export,
    "summary": cmd_summary,
    "subject-access": cmd_subject_access,
}
