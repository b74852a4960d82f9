"""`casevault search`, `reminders`, `deletions` and `conflicts`: reading across every case."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from casevault.cli.common import open_vault
from casevault.cli.output import (
    emit_json,
    iso,
    local,
    marked,
    parse_when,
    positive_int,
    shown,
    snippet_json,
    wants_bold,
)

REMINDERS_LIMIT = 100


def add_parsers(commands: Any) -> None:
    search = commands.add_parser(
        "search", help="full-text search over names, notes, file names and emails, with why each case matched"
    )
    search.add_argument("query")
    search.add_argument("--json", action="store_true")
    reminders = commands.add_parser("reminders", help="what is due")
    reminders.add_argument("--at", metavar="ISO-DATETIME", help="as if it were this time")
    reminders.add_argument("--json", action="store_true")
    how_many = reminders.add_mutually_exclusive_group()
    how_many.add_argument(
        "--limit",
        type=positive_int,
        default=REMINDERS_LIMIT,
        metavar="N",
        help=f"the N due first (default {REMINDERS_LIMIT})",
    )
    how_many.add_argument("--all", action="store_true", help="everything due, however much")
    deletions = commands.add_parser("deletions", help="the record of permanently deleted cases")
    deletions.add_argument("--json", action="store_true")
    conflicts = commands.add_parser(
        "conflicts", help="cases whose member or a party may be this person (by reference and role only)"
    )
    conflicts.add_argument("name")
    conflicts.add_argument("--json", action="store_true")


def cmd_search(args: argparse.Namespace) -> int:
    """One line a case: reference, status, where it matched, the member, and the words around
    the match (the matched words in bold on a terminal, [like this] otherwise)."""
    with open_vault(args) as vault:
        hits = vault.search(args.query)
    if args.json:
        emit_json(
            [
                {
                    "ref": h.ref,
                    "member": h.member_name,
                    "status": h.status,
                    "matched": h.source,
                    "snippet": snippet_json(h.snippet),
                }
                for h in hits
            ]
        )
    else:
        bold = wants_bold()
        for h in hits:
            print(
                f"{shown(h.ref)}\t{h.status}\t{shown(h.source)}\t{shown(h.member_name)}"
                f"\t{marked(h.snippet, bold=bold)}"
            )
    return 0


def cmd_reminders(args: argparse.Namespace) -> int:
    now = parse_when(args.at) if args.at else None
    with open_vault(args) as vault:
        if args.all:
            due = vault.reminders(now)
            total = len(due)
        else:
            page = vault.reminder_page(now, args.limit)
            due, total = page.first, page.total
    if args.json:
        emit_json(
            [{"kind": r.kind, "ref": r.ref, "due": iso(r.due_at), "text": r.text, "key": r.key} for r in due]
        )
    else:
        for r in due:
            print(f"{local(r.due_at)}\t{shown(r.ref)}\t{shown(r.text)}")
    if total > len(due):
        print(
            f"Showing the {len(due)} due first of {total}; --all lists every one, --limit N the first N.",
            file=sys.stderr,
        )
    return 0


def cmd_deletions(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        rows = vault.deletions()
    data = [
        {
            "ref": d.ref,
            "type": d.case_type,
            "opened": iso(d.opened_at),
            "closed": iso(d.closed_at),
            "deleted": iso(d.deleted_at),
            "originals_reason": d.originals_reason,
            "outcome": d.outcome,
        }
        for d in rows
    ]
    if args.json:
        emit_json(data)
    else:
        for d in data:
            print(f"{d['deleted']}\t{shown(d['ref'])}\t{shown(d['type'])}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = vault.conflicts(args.name)
    if args.json:
        emit_json([{"ref": m.ref, "role": m.role, "score": round(m.score, 3)} for m in found])
    elif found:
        for m in found:
            print(f"{shown(m.ref)}\t{shown(m.role)}\t{m.score:.2f}")
    else:
        print("No case in this vault names someone like that.")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "search": cmd_search,
    "reminders": cmd_reminders,
    "deletions": cmd_deletions,
    "conflicts": cmd_conflicts,
}
