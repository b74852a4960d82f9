"""`casevault consent`, `meeting`, `action` and `people`: the records a case gathers.

Every record the GUI makes can be made, shown and scripted from here too (issue 13, item 10): a
handover needs the member's consent to sharing with other reps, and before these commands only
the GUI could record it. The Vault does the checking, so the GUI and the command line refuse the
same things.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from casevault.casework import rules
from casevault.casework.escalation import ESCALATION_ADVICE, escalation_prompted
from casevault.cli.common import SCOPE_ALIASES, YES_NO, open_vault, say, subcommands
from casevault.cli.output import emit_json, parse_when, shown
from casevault.cli.views import (
    action_json,
    action_line,
    consent_json,
    consent_line,
    first_meeting_json,
    meeting_lines,
    party_json,
    party_line,
)
from casevault.core.errors import UsageError
from casevault.core.vocab import CONFLICT_DECISIONS, CONSENT_SCOPES, PARTY_ROLES

if TYPE_CHECKING:
    from casevault.casework.conflicts import Match
    from casevault.core.model import FirstMeeting
    from casevault.vault.facade import Vault

SCOPE_CHOICES = (*SCOPE_ALIASES, *CONSENT_SCOPES)
MATCHES_NAMED = 10  # in the sentence that refuses a person with possible conflicts


def add_parsers(commands: Any) -> None:
    _add_consent(commands)
    _add_meeting(commands)
    _add_action(commands)
    _add_people(commands)


def _add_consent(commands: Any) -> None:
    actions = subcommands(commands, "consent", "the member's consents: record, list and withdraw them")
    add = actions.add_parser("add", help="record the member's consent; prints its id")
    add.add_argument("ref")
    add.add_argument(
        "--scope",
        required=True,
        choices=SCOPE_CHOICES,
        help="reps and regional-office: sharing the case with them (a handover needs reps)",
    )
    add.add_argument("--date", metavar="DATE", help="when it was given (default: now; never in the future)")
    add.add_argument("--note", default="", metavar="TEXT")
    listing = actions.add_parser("list", help="a case's consents, in force or withdrawn")
    listing.add_argument("ref")
    listing.add_argument("--json", action="store_true")
    withdraw = actions.add_parser("withdraw", help="record that the member withdrew a consent")
    withdraw.add_argument("id")
    withdraw.add_argument("--date", metavar="DATE", help="when it was withdrawn (default: now)")


def _add_meeting(commands: Any) -> None:
    actions = subcommands(commands, "meeting", "the first meeting: show it, or set some of its fields")
    show = actions.add_parser("show", help="the first meeting, with its issues and action points")
    show.add_argument("ref")
    show.add_argument("--json", action="store_true")
    put = actions.add_parser("set", help="set the fields given; the others stay as they are")
    put.add_argument("ref")
    put.add_argument("--held", metavar="DATE", help="when it was held")
    put.add_argument(
        "--issue",
        action="append",
        metavar="TEXT",
        help="an issue identified and agreed; repeat for each (replaces the list)",
    )
    put.add_argument("--no-issues", action="store_true", help="clear the list of issues")
    put.add_argument("--narrative", metavar="TEXT", help="the narrative agreed")
    put.add_argument("--dismissal-threatened", choices=YES_NO)
    put.add_argument("--discrimination", choices=YES_NO, help="discrimination alleged")
    put.add_argument("--confidentiality-explained", choices=YES_NO)
    put.add_argument("--originals", metavar="TEXT", help="the original documents received")
    put.add_argument("--originals-returned", choices=YES_NO, help="the originals went back to the member")
    put.add_argument("--decision", metavar="TEXT", help="the member's decision, in their own words")


def _add_action(commands: Any) -> None:
    actions = subcommands(commands, "action", "action points: add, list, mark done or not done")
    add = actions.add_parser("add", help="add an action point; prints its id")
    add.add_argument("ref")
    add.add_argument("--text", required=True, metavar="T", help="what is to be done")
    add.add_argument("--owner", default="", metavar="O", help="who does it")
    add.add_argument("--due", metavar="DATE")
    listing = actions.add_parser("list", help="a case's action points")
    listing.add_argument("ref")
    listing.add_argument("--json", action="store_true")
    done = actions.add_parser("done", help="mark an action point done")
    done.add_argument("id")
    undone = actions.add_parser("reopen", help="mark an action point not done after all")
    undone.add_argument("id")


def _add_people(commands: Any) -> None:
    actions = subcommands(commands, "people", "people in a case other than its member")
    add = actions.add_parser("add", help="add a person after a conflict check; prints their id")
    add.add_argument("ref")
    add.add_argument("--name", required=True, metavar="N")
    add.add_argument("--role", required=True, choices=PARTY_ROLES)
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument(
        "--decision",
        choices=CONFLICT_DECISIONS,
        help="your decision when the name may match someone in another case",
    )
    listing = actions.add_parser("list", help="a case's people")
    listing.add_argument("ref")
    listing.add_argument("--json", action="store_true")
    remove = actions.add_parser("remove", help="remove a person from their case")
    remove.add_argument("id")


def _scope(typed: str) -> str:
    return SCOPE_ALIASES.get(typed, typed)


def cmd_consent(args: argparse.Namespace) -> int:
    action = args.consent_command
    when = parse_when(args.date) if getattr(args, "date", None) else None
    with open_vault(args) as vault:
        if action == "add":
            print(vault.give_consent(args.ref, _scope(args.scope), given_at=when, note=args.note))
        elif action == "withdraw":
            vault.withdraw_consent(args.id, at=when)
            print(f"Consent {shown(args.id)} is recorded as withdrawn.")
        else:
            rows = [consent_json(c) for c in vault.consents(args.ref)]
            if args.json:
                emit_json(rows)
            else:
                for row in rows:
                    print(consent_line(row))
    return 0


def _yes(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def _meeting_changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.issue is not None and args.no_issues:
        raise UsageError("Give either --issue or --no-issues, not both.")
    if args.held is not None:
        changes["held_at"] = parse_when(args.held)
    if args.issue is not None:
        changes["issues"] = tuple(args.issue)
    elif args.no_issues:
        changes["issues"] = ()
    for field, value in (
        ("narrative", args.narrative),
        ("originals_received", args.originals),
        ("member_decision", args.decision),
        ("dismissal_threatened", _yes(args.dismissal_threatened)),
        ("discrimination_alleged", _yes(args.discrimination)),
        ("confidentiality_explained", _yes(args.confidentiality_explained)),
    ):
        if value is not None:
            changes[field] = value
    return changes


def meeting_json(vault: Vault, ref: str, meeting: FirstMeeting) -> dict[str, Any]:
    return {
        **first_meeting_json(meeting),
        "action_points": [action_json(a) for a in vault.action_points(ref)],
    }


def cmd_meeting(args: argparse.Namespace) -> int:
    if args.meeting_command == "show":
        with open_vault(args) as vault:
            data = meeting_json(vault, args.ref, vault.first_meeting(args.ref))
        if args.json:
            emit_json(data)
        else:
            for line in meeting_lines(data):
                print(line)
            for a in data["action_points"]:
                print(f"action {action_line(a)}")
        return 0
    changes = _meeting_changes(args)
    returned = _yes(args.originals_returned)
    if not changes and returned is None:
        raise UsageError("Give at least one field to set (see `casevault meeting set --help`).")
    with open_vault(args) as vault:
        before = vault.first_meeting(args.ref)
        # Read, change only what was given, save the whole: the form is stored as one record.
        wanted = replace(before, **changes)
        if returned and not wanted.originals_received.strip():
            raise UsageError("Record which originals were received (--originals) before their return.")
        stored = vault.save_first_meeting(args.ref, wanted) if changes else before
        if returned is not None:
            vault.set_originals_returned(args.ref, returned)
    if escalation_prompted(stored) and not escalation_prompted(before):
        say(ESCALATION_ADVICE)
    print(f"The first meeting of {shown(args.ref.upper())} is saved.")
    return 0


def cmd_action(args: argparse.Namespace) -> int:
    action = args.action_command
    due = parse_when(args.due) if getattr(args, "due", None) else None
    with open_vault(args) as vault:
        if action == "add":
            print(vault.add_action_point(args.ref, args.text, owner=args.owner, due_at=due))
        elif action in ("done", "reopen"):
            vault.set_action_done(args.id, action == "done")
            print(f"Action point {shown(args.id)} is {'done' if action == 'done' else 'open again'}.")
        else:
            rows = [action_json(a) for a in vault.action_points(args.ref)]
            if args.json:
                emit_json(rows)
            else:
                for row in rows:
                    print(action_line(row))
    return 0


def _matches_text(matches: Sequence[Match]) -> str:
    named = ", ".join(f"{m.ref} ({m.role})" for m in matches[:MATCHES_NAMED])
    more = len(matches) - MATCHES_NAMED
    return named + (f" and {more} more" if more > 0 else "")


def _add_person(vault: Vault, args: argparse.Namespace) -> None:
    # As the GUI does: check other cases first, and record the decision in the paper trail.
    try:
        rules.clean_text(args.name, field="person's name")
    except ValueError as err:
        raise UsageError(str(err)) from None
    vault.parties(args.ref)  # an unknown case is said before any talk of matches
    matches = vault.conflicts(args.name, except_ref=args.ref)
    if matches and args.decision is None:
        raise UsageError(
            f"This name may match someone in {_matches_text(matches)}; nothing was added: decide, "
            f"then add the person again with --decision {'|'.join(CONFLICT_DECISIONS)}."
        )
    if not matches and args.decision not in (None, "no-conflict"):
        raise UsageError("No other case names someone like that, so the only decision is no-conflict.")
    decision = args.decision or "no-conflict"
    party_id = vault.add_party(args.ref, args.name, args.role, args.note)
    vault.record_conflict_decision(args.ref, decision, checked_role=args.role, matches=matches)
    print(party_id)
    if matches:
        say(
            f"possible matches in {_matches_text(matches)}; your decision ({decision}) is in the paper trail."
        )
    else:
        say("no conflict found in other cases; the check is in the paper trail.")


def cmd_people(args: argparse.Namespace) -> int:
    action = args.people_command
    with open_vault(args) as vault:
        if action == "add":
            _add_person(vault, args)
        elif action == "remove":
            vault.remove_party(args.id)
            print(f"Person {shown(args.id)} was removed.")
        else:
            rows = [party_json(p) for p in vault.parties(args.ref)]
            if args.json:
                emit_json(rows)
            else:
                for row in rows:
                    print(party_line(row))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "consent": cmd_consent,
    "meeting": cmd_meeting,
    "action": cmd_action,
    "people": cmd_people,
}
