"""`casevault escalation`, `originals` and `dates`: escalations, the originals register, hearings.

Each record the GUI's escalation dialog, originals panel and case dates panel makes can be made,
listed and scripted here, and `case show` includes it. The Vault does the checking, so the GUI
and the command line refuse the same things.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from casevault.cli.common import YES_NO, open_vault, subcommands
from casevault.cli.output import emit_json, parse_when, shown
from casevault.cli.views import (
    case_date_json,
    case_date_line,
    escalation_json,
    escalation_line,
    original_json,
    original_line,
)
from casevault.core.errors import UsageError
from casevault.core.vocab import CASE_DATE_KINDS, ESCALATION_HOW

# The escalation dialog lets its date run a day ahead (a rep in another time zone, or recording
# in the evening for the morning); no further, because an escalation is recorded once made.
ESCALATION_AHEAD = timedelta(days=1)


def add_parsers(commands: Any) -> None:
    _add_escalation(commands)
    _add_originals(commands)
    _add_dates(commands)


def _add_escalation(commands: Any) -> None:
    actions = subcommands(commands, "escalation", "escalations: record one, or list a case's")
    add = actions.add_parser("add", help="record an escalation and its paper-trail entry; prints its id")
    add.add_argument("ref")
    add.add_argument("--to", required=True, metavar="WHO", help="who the case was escalated to")
    add.add_argument("--date", metavar="DATE", help="when (default: now; at most a day ahead)")
    add.add_argument("--how", required=True, choices=ESCALATION_HOW)
    add.add_argument(
        "--regional-office-told", choices=YES_NO, default="no", help="the regional office was notified"
    )
    listing = actions.add_parser("list", help="a case's escalations")
    listing.add_argument("ref")
    listing.add_argument("--json", action="store_true")


def _add_originals(commands: Any) -> None:
    actions = subcommands(commands, "originals", "the register of original documents and their return")
    add = actions.add_parser("add", help="record an original received from the member; prints its id")
    add.add_argument("ref")
    add.add_argument("--description", required=True, metavar="T", help="what the document is")
    add.add_argument("--received", metavar="DATE", help="when it was received (default: now)")
    add.add_argument("--kept-at", default="", metavar="T", help="where it is kept")
    listing = actions.add_parser("list", help="a case's originals register")
    listing.add_argument("ref")
    listing.add_argument("--json", action="store_true")
    returned = actions.add_parser("returned", help="record that an original went back to the member")
    returned.add_argument("id")
    returned.add_argument("--date", metavar="DATE", help="when it was returned (default: now)")
    returned.add_argument("--how", required=True, metavar="T", help="how, e.g. by hand to the member")


def _add_dates(commands: Any) -> None:
    actions = subcommands(commands, "dates", "hearings and meetings on a case's calendar")
    add = actions.add_parser("add", help="add a hearing or meeting (reminded two days before); prints its id")
    add.add_argument("ref")
    add.add_argument("--kind", required=True, choices=CASE_DATE_KINDS)
    add.add_argument("--at", required=True, metavar="DATETIME", help="when it is")
    add.add_argument("--note", default="", metavar="T", help="where, with whom")
    listing = actions.add_parser("list", help="a case's hearings and meetings")
    listing.add_argument("ref")
    listing.add_argument("--json", action="store_true")
    remove = actions.add_parser("remove", help="remove a hearing or meeting")
    remove.add_argument("id")


def _list(rows: list[dict[str, Any]], as_json: bool, line: Callable[[dict[str, Any]], str]) -> None:
    if as_json:
        emit_json(rows)
    else:
        for row in rows:
            print(line(row))


def cmd_escalation(args: argparse.Namespace) -> int:
    if args.escalation_command == "add":
        typed = parse_when(args.date) if args.date else None  # before unlocking: bad input fails at once
        with open_vault(args) as vault:
            now = vault.now()
            when = typed or now
            if when > now + ESCALATION_AHEAD:
                raise UsageError("An escalation is recorded once made, so its date is at most a day ahead.")
            print(
                vault.record_escalation(
                    args.ref,
                    escalated_to=args.to,
                    escalated_at=when,
                    how=args.how,
                    regional_office_notified=args.regional_office_told == "yes",
                )
            )
        return 0
    with open_vault(args) as vault:
        rows = [escalation_json(e) for e in vault.escalations(args.ref)]
    _list(rows, args.json, escalation_line)
    return 0


def cmd_originals(args: argparse.Namespace) -> int:
    action = args.originals_command
    typed = getattr(args, "received", None) or getattr(args, "date", None)
    given = parse_when(typed) if typed else None  # before unlocking: bad input fails at once
    with open_vault(args) as vault:
        when = given or vault.now()
        if action == "add":
            print(vault.add_original(args.ref, args.description, received_at=when, kept_where=args.kept_at))
        elif action == "returned":
            vault.return_original(args.id, returned_at=when, how=args.how)
            print(f"Original {shown(args.id)} is recorded as returned.")
        else:
            _list([original_json(o) for o in vault.originals(args.ref)], args.json, original_line)
    return 0


def cmd_dates(args: argparse.Namespace) -> int:
    action = args.dates_command
    at = parse_when(args.at) if action == "add" else None
    with open_vault(args) as vault:
        if action == "add" and at is not None:
            print(vault.add_case_date(args.ref, args.kind, at, args.note))
        elif action == "remove":
            # Ids are written in lower case; one pasted in capitals is the same id.
            vault.remove_case_date(args.id.strip().lower())
            print(f"Case date {shown(args.id)} was removed.")
        else:
            _list([case_date_json(d) for d in vault.case_dates(args.ref)], args.json, case_date_line)
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "escalation": cmd_escalation,
    "originals": cmd_originals,
    "dates": cmd_dates,
}
