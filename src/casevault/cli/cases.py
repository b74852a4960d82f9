"""`casevault case` (new, list, show, close, reopen, purge) and `note add`, its paper trail."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from casevault.casework.retention import ORIGINALS_REASONS
from casevault.cli.common import ArgumentParser, open_vault
from casevault.cli.output import emit_json, iso, json_text, local, positive_int, shown
from casevault.cli.views import (
    action_json,
    case_casework_json,
    case_records_json,
    first_meeting_json,
    print_case_casework,
    print_case_records,
)
from casevault.core.errors import UsageError
from casevault.core.vocab import EVENT_KINDS

if TYPE_CHECKING:
    from casevault.core.model import CaseSummary, ListCursor
    from casevault.vault.facade import Vault

LIST_LIMIT = 100
_LIST_PAGE = 1000  # rows fetched at a time by --all: memory stays flat at 100k cases


def add_parsers(commands: Any) -> None:
    case = commands.add_parser("case", help="create, list, show, close and purge cases")
    actions = case.add_subparsers(
        dest="case_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )
    new = actions.add_parser("new", help="open a case for a member; prints its reference")
    new.add_argument("--member", required=True, metavar="NAME")
    new.add_argument(
        "--type", default="general", metavar="T", help="from `casevault types`: disciplinary, grievance, ..."
    )
    new.add_argument("--email", default="", metavar="E", help="the member's preferred (not work) address")
    listing = actions.add_parser("list", help="list cases")
    listing.add_argument("--status", choices=("open", "closed", "all"), default="all")
    listing.add_argument("--json", action="store_true")
    how_many = listing.add_mutually_exclusive_group()
    how_many.add_argument(
        "--limit",
        type=positive_int,
        default=LIST_LIMIT,
        metavar="N",
        help=f"the N most recently updated cases (default {LIST_LIMIT})",
    )
    how_many.add_argument("--all", action="store_true", help="every case, however many")
    show = actions.add_parser("show", help="show one case")
    show.add_argument("ref")
    show.add_argument("--json", action="store_true")
    close = actions.add_parser("close", help="close a case and start its archive period")
    close.add_argument("ref")
    close.add_argument("--retain-days", type=int, metavar="N", help="archive period in days")
    close.add_argument(
        "--without-escalation",
        metavar="REASON",
        help="why the case closes although the first meeting prompted an escalation that is not recorded",
    )
    close.add_argument("--outcome", metavar="OUTCOME", help="how it ended, from `casevault outcomes`")
    close.add_argument("--remedy", default="", metavar="TEXT", help="what was won, in words (with --outcome)")
    reopen = actions.add_parser("reopen", help="reopen a closed case")
    reopen.add_argument("ref")
    purge = actions.add_parser("purge", help="destroy a closed case beyond recovery")
    purge.add_argument("ref")
    purge.add_argument("--yes", action="store_true", help="confirm the permanent deletion")
    purge.add_argument(
        "--originals-reason",
        choices=[code for code, _label in ORIGINALS_REASONS],
        help="why it may go while the member's originals are recorded as not returned",
    )

    note = commands.add_parser("note", help="add to a case's paper trail")
    actions = note.add_subparsers(
        dest="note_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )
    add = actions.add_parser("add", help="add a dated note")
    add.add_argument("ref")
    add.add_argument("--text", required=True)
    add.add_argument("--kind", choices=EVENT_KINDS, default="note")


def case_json(vault: Vault, ref: str) -> dict[str, Any]:
    detail = vault.case(ref)
    s = detail.summary
    return {
        "ref": s.ref,
        "member": {"name": detail.member.name, "email": detail.member.email},
        "type": s.case_type,
        "status": s.status,
        "opened": iso(s.opened_at),
        "closed": iso(s.closed_at),
        "retain_until": iso(s.retain_until),
        "updated": iso(s.updated_at),
        **_outcome_json(vault, ref),
        "events": [
            {
                "id": e.id,
                "kind": e.kind,
                "occurred": iso(e.occurred_at),
                "recorded": iso(e.recorded_at),
                "text": e.body,
            }
            for e in detail.events
        ],
        "attachments": [
            {"id": a.id, "name": a.name, "size": a.size, "added": iso(a.added_at)} for a in detail.attachments
        ],
        "first_meeting": first_meeting_json(detail.first_meeting),
        "action_points": [action_json(a) for a in detail.action_points],
        **case_records_json(vault, ref),
        **case_casework_json(vault, ref),
    }


def _outcome_json(vault: Vault, ref: str) -> dict[str, Any]:
    ended, remedy = vault.case_outcome(ref)
    return {"outcome": ended, "remedy": remedy}


def print_case(data: dict[str, Any]) -> None:
    member = data["member"]
    print(f"{data['ref']}  {shown(member['name'])}  ({shown(data['type'])}, {data['status']})")
    if member["email"]:
        print(f"  contact: {shown(member['email'])}")
    print(
        f"  opened {data['opened']}"
        + (f", closed {data['closed']}, keep until {data['retain_until']}" if data["closed"] else "")
    )
    if data["outcome"]:
        print(f"  outcome: {data['outcome']}" + (f": {shown(data['remedy'])}" if data["remedy"] else ""))
    for e in data["events"]:
        print(f"  [{e['occurred']}] {shown(e['kind'])}: {shown(e['text'], multiline=True)}")
    for a in data["attachments"]:
        print(f"  attachment {a['id']}  {a['size']} bytes  {shown(a['name'])}")
    print_case_records(data)
    print_case_casework(data)


def _case_pages(vault: Vault, status: str | None, limit: int | None) -> Iterator[list[CaseSummary]]:
    """The case list by most recent update, page by page (keyset: each as cheap as the first)."""
    after: ListCursor | None = None
    left = limit
    while left is None or left > 0:
        size = _LIST_PAGE if left is None else min(left, _LIST_PAGE)
        page, after = vault.list_page(status=status, limit=size, after=after)
        yield page
        if left is not None:
            left -= len(page)
        if after is None:
            return


def _case_json(c: CaseSummary) -> dict[str, str | None]:
    return {
        "ref": c.ref,
        "member": c.member_name,
        "type": c.case_type,
        "status": c.status,
        "opened": iso(c.opened_at),
        "closed": iso(c.closed_at),
        "retain_until": iso(c.retain_until),
        "updated": iso(c.updated_at),
    }


def _list_cases(vault: Vault, args: argparse.Namespace) -> None:
    status = None if args.status == "all" else args.status
    limit = None if args.all else args.limit
    shown_rows = 0
    if args.json:  # one JSON list, written as the pages come
        sys.stdout.write("[")
    for page in _case_pages(vault, status, limit):
        for c in page:
            if args.json:
                item = textwrap.indent(json_text(_case_json(c)), "  ")
                sys.stdout.write(("," if shown_rows else "") + "\n" + item)
            else:
                print(
                    f"{c.ref}\t{c.status}\t{shown(c.case_type)}\t{local(c.updated_at)}\t{shown(c.member_name)}"
                )
            shown_rows += 1
    if args.json:
        sys.stdout.write("\n]\n" if shown_rows else "]\n")
    if limit is not None and shown_rows == limit:
        total = vault.count_cases(status)
        if total > shown_rows:
            print(
                f"Showing the {shown_rows} most recently updated of {total} cases; "
                "--all lists every one, --limit N the first N.",
                file=sys.stderr,
            )


def cmd_case(args: argparse.Namespace) -> int:
    action = args.case_command
    if action == "purge" and not args.yes:
        raise UsageError("`case purge` destroys the case beyond recovery; add --yes to confirm.")
    with open_vault(args) as vault:
        if action == "new":
            print(vault.new_case(args.member, case_type=args.type, email=args.email))
        elif action == "list":
            _list_cases(vault, args)
        elif action == "show":
            data = case_json(vault, args.ref)
            if args.json:
                emit_json(data)
            else:
                print_case(data)
        elif action == "close":
            summary = vault.close_case(
                args.ref,
                retain_days=args.retain_days,
                escalation_reason=args.without_escalation,
                outcome=args.outcome,
                remedy=args.remedy,
            )
            print(f"{summary.ref} closed; due for deletion on {local(summary.retain_until)}.")
        elif action == "reopen":
            vault.reopen_case(args.ref)
            print(f"{shown(args.ref.upper())} reopened.")
        elif action == "purge":
            deletion = vault.purge_case(args.ref, originals_reason=args.originals_reason)
            print(f"{deletion.ref} was destroyed: its keys, records and files are gone.")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        print(vault.add_note(args.ref, args.text, kind=args.kind))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "case": cmd_case,
    "note": cmd_note,
}
