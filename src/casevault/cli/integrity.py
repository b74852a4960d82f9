"""`casevault audit`, `check` and `breach report`: what proves the vault whole, and what went wrong.

`audit verify` and `check` exit 4 when something is damaged or tampered with.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

from casevault.cli.common import open_vault, say
from casevault.cli.output import emit_json, shown
from casevault.core.errors import CasevaultError


def add_parsers(commands: Any) -> None:
    audit = commands.add_parser("audit", help="the tamper-evident log of actions: show it, or verify it")
    audit.add_argument("action", choices=("show", "verify"))
    audit.add_argument("ref", nargs="?", help="only this case (show)")
    audit.add_argument("--json", action="store_true")
    check = commands.add_parser("check", help="full integrity check; exits 4 if anything is damaged")
    check.add_argument(
        "--thorough",
        action="store_true",
        help="also SQLite's full check: every index entry and the search index against its rows (slower)",
    )
    breach = commands.add_parser("breach", help="confidentiality breach records: print or export a report")
    breach.add_argument("action", choices=("report",))
    breach.add_argument("id", nargs="?", help="the breach record (default: the newest)")
    breach.add_argument("--out", metavar="FILE", help="write the report to a new file (never overwrites)")


def cmd_audit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.action == "verify":
            problems = vault.verify_audit()
            count = len(vault.audit())
        else:
            entries = vault.audit(args.ref)
    if args.action == "verify":
        for problem in problems:
            print(shown(problem))
        if problems:
            say("The audit log has been tampered with or damaged.")
            return 4
        noun = "entry" if count == 1 else "entries"
        print(f"The audit log is whole: {count} {noun}, each chained to the one before.")
        return 0
    rows = [
        {
            "seq": e.fields.seq,
            "at": e.fields.at,
            "action": e.fields.action,
            "ref": e.fields.ref,
            "subject": e.fields.subject,
        }
        for e in entries
    ]
    if args.json:
        emit_json(rows)
    else:
        for row in rows:
            print("\t".join(shown(row[key]) for key in ("seq", "at", "action", "ref", "subject")))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        problems = vault.check(thorough=args.thorough)
        repaired = vault.repaired  # leftover temporary copies removed: reported, not damage
    for line in repaired:
        print(f"repaired: {line}")
    for problem in problems:
        print(shown(problem))
    if problems:
        say(f"{len(problems)} problem(s) found.")
        return 4
    print("The vault is healthy: database and every attachment authenticate.")
    return 0


def cmd_breach(args: argparse.Namespace) -> int:
    """The plain-text breach report: case references, dates, category, who was informed, actions."""
    with open_vault(args) as vault:
        text = vault.breach_report(args.id)
    if not args.out:
        print(shown(text, multiline=True), end="")
        return 0
    try:
        with open(args.out, "x", encoding="utf-8") as out:  # "x": never overwrite
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except FileExistsError:
        raise CasevaultError(f"{args.out} already exists; casevault never overwrites a file.") from None
    say(f"wrote {args.out}")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "audit": cmd_audit,
    "check": cmd_check,
    "breach": cmd_breach,
}
