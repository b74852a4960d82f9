"""The command line's casework records: escalations, the originals register, hearings and meetings.

The rest of issue 13, item 10 (cli_records has consent, the first meeting, action points and
people): each record the GUI's escalation dialog, originals panel and case dates panel makes can
be made, listed and scripted here, and `case show` includes it. Registered from cli.build_parser;
the Vault does the checking, so the GUI and the command line refuse the same things.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from casevault.casework.people import ESCALATION_HOW
from casevault.cli_output import emit_json, iso, parse_when, shown
from casevault.cli_records import YES_NO, open_vault, subcommands
from casevault.core.clock import utc_now
from casevault.core.errors import UsageError
from casevault.core.model import CASE_DATE_KINDS, CaseDate, Escalation, Original
from casevault.vault.facade import Vault

# The escalation dialog lets its date run a day ahead (a rep in another time zone, or recording
# in the evening for the morning); no further, because an escalation is recorded once made.
ESCALATION_AHEAD = timedelta(days=1)


def add_commands(commands: Any) -> None:
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


# ---- records as JSON and text (case show uses these too) ----------------------------------------


def escalation_json(e: Escalation) -> dict[str, Any]:
    return {
        "id": e.id,
        "escalated_to": e.escalated_to,
        "escalated": iso(e.escalated_at),
        "how": e.how,
        "regional_office_notified": e.regional_office_notified,
        "event_id": e.event_id,
        "recorded": iso(e.recorded_at),
    }


def original_json(o: Original) -> dict[str, Any]:
    return {
        "id": o.id,
        "description": o.description,
        "received": iso(o.received_at),
        "kept_at": o.kept_where,
        "returned": iso(o.returned_at),
        "returned_how": o.returned_how,
        "recorded": iso(o.recorded_at),
    }


def case_date_json(d: CaseDate) -> dict[str, Any]:
    return {"id": d.id, "kind": d.kind, "at": iso(d.at), "note": d.note}


def escalation_line(e: dict[str, Any]) -> str:
    told = "regional office told" if e["regional_office_notified"] else "regional office not told"
    return f"{e['id']}\t{e['escalated']}\t{shown(e['how'])}\t{told}\t{shown(e['escalated_to'])}"


def original_line(o: dict[str, Any]) -> str:
    state = f"returned {o['returned']}" if o["returned"] else "not returned"
    how = f"\treturned how: {shown(o['returned_how'])}" if o["returned_how"] else ""
    kept = f"\tkept at: {shown(o['kept_at'])}" if o["kept_at"] else ""
    return f"{o['id']}\treceived {o['received']}\t{state}\t{shown(o['description'])}{kept}{how}"


def case_date_line(d: dict[str, Any]) -> str:
    note = f"\t{shown(d['note'])}" if d["note"] else ""
    return f"{d['id']}\t{shown(d['kind'])}\t{d['at']}{note}"


def case_casework_json(vault: Vault, ref: str) -> dict[str, Any]:
    """What `case show --json` adds for these records (new keys only)."""
    return {
        "escalations": [escalation_json(e) for e in vault.escalations(ref)],
        "originals": [original_json(o) for o in vault.originals(ref)],
        "case_dates": [case_date_json(d) for d in vault.case_dates(ref)],
    }


def print_case_casework(data: dict[str, Any]) -> None:
    """These records, below the others in `case show`."""
    for e in data["escalations"]:
        print(f"  escalation {escalation_line(e)}")
    for o in data["originals"]:
        print(f"  original {original_line(o)}")
    for d in data["case_dates"]:
        print(f"  date {case_date_line(d)}")


# ---- the commands ---------------------------------------------------------------------------------


def _list(rows: list[dict[str, Any]], as_json: bool, line: Callable[[dict[str, Any]], str]) -> None:
    if as_json:
        emit_json(rows)
    else:
        for row in rows:
            print(line(row))


def cmd_escalation(args: argparse.Namespace) -> int:
    if args.escalation_command == "add":
        now = utc_now()
        when = parse_when(args.date) if args.date else now
        if when > now + ESCALATION_AHEAD:
            raise UsageError("An escalation is recorded once made, so its date is at most a day ahead.")
        with open_vault(args) as vault:
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
    when = parse_when(typed) if typed else utc_now()  # before unlocking: bad input fails at once
    with open_vault(args) as vault:
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
