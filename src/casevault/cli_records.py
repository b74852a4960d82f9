"""The command line's case records: consent, the first meeting, action points and people.

Every record the GUI makes can be made, shown and scripted from here too (issue 13, item 10): a
handover needs the member's consent to sharing with other reps, and before these commands only
the GUI could record it. Registered from cli.build_parser; each command opens the vault through
cli.open_vault, imported when it runs because cli imports this module to register it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from casevault.casework import rules
from casevault.casework.conflicts import Match
from casevault.casework.escalation import ESCALATION_ADVICE, escalation_prompted
from casevault.cli_output import emit_json, iso, parse_when, shown
from casevault.core.errors import CasevaultError, ConsentMissingError, UsageError
from casevault.core.model import (
    CONFLICT_DECISIONS,
    CONSENT_SCOPES,
    PARTY_ROLES,
    ActionPoint,
    Consent,
    FirstMeeting,
    Party,
)
from casevault.vault.facade import Vault

# What a rep types for a sharing consent is who it is shared with, as `export --recipient-kind`
# takes it; the stored codes are accepted as well.
SCOPE_ALIASES = {"reps": "share-reps", "regional-office": "share-regional-office"}
SCOPE_CHOICES = (*SCOPE_ALIASES, *CONSENT_SCOPES)
_SCOPE_TYPED = {code: alias for alias, code in SCOPE_ALIASES.items()}
YES_NO = ("yes", "no")
MATCHES_NAMED = 10  # in the sentence that refuses a person with possible conflicts


def open_vault(args: argparse.Namespace) -> Vault:
    """The vault named by the command line, unlocked as every command unlocks it."""
    from casevault import cli  # noqa: PLC0415 - cli imports this module to register the commands

    return cli.open_vault(args)


def subcommands(commands: Any, name: str, help_text: str) -> Any:
    """A command group `name` with its own ACTION subcommands."""
    from casevault.cli import ArgumentParser  # noqa: PLC0415 - see open_vault

    parser = commands.add_parser(name, help=help_text)
    return parser.add_subparsers(
        dest=f"{name}_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )


def add_commands(commands: Any) -> None:
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


# ---- records as JSON and text (case show uses these too) ----------------------------------------


def consent_json(c: Consent) -> dict[str, Any]:
    return {
        "id": c.id,
        "scope": c.scope,
        "given": iso(c.given_at),
        "note": c.note,
        "withdrawn": iso(c.withdrawn_at),
        "in_force": c.in_force,
        "recorded": iso(c.recorded_at),
    }


def party_json(p: Party) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "role": p.role, "note": p.note, "added": iso(p.added_at)}


def action_json(a: ActionPoint) -> dict[str, Any]:
    # The first four keys are the ones `case show --json` has always had.
    return {
        "id": a.id,
        "what": a.what,
        "owner": a.owner,
        "due": iso(a.due_at),
        "done": iso(a.done_at),
        "created": iso(a.created_at),
    }


def consent_line(c: dict[str, Any]) -> str:
    state = "in force" if c["in_force"] else f"withdrawn {c['withdrawn']}"
    note = f"\t{shown(c['note'])}" if c["note"] else ""
    return f"{c['id']}\t{shown(c['scope'])}\tgiven {c['given']}\t{state}{note}"


def party_line(p: dict[str, Any]) -> str:
    note = f"\t{shown(p['note'])}" if p["note"] else ""
    return f"{p['id']}\t{shown(p['role'])}\t{shown(p['name'])}{note}"


def action_line(a: dict[str, Any]) -> str:
    state = f"done {a['done']}" if a["done"] else "open"
    due = f"due {a['due']}" if a["due"] else "no due date"
    owner = f"\t{shown(a['owner'])}" if a["owner"] else ""
    return f"{a['id']}\t{state}\t{due}\t{shown(a['what'])}{owner}"


def meeting_lines(m: dict[str, Any], indent: str = "") -> list[str]:
    """The first meeting as `key: value` lines; fields never filled in are left out."""
    lines = [f"held: {m['held'] or 'not recorded'}"]
    lines += [f"issue: {shown(i)}" for i in m["issues"]]
    for key, label in (("narrative", "narrative"), ("originals_received", "originals received")):
        if m[key]:
            lines.append(f"{label}: {shown(m[key], multiline=True)}")
    for key, label in (
        ("dismissal_threatened", "dismissal threatened"),
        ("discrimination_alleged", "discrimination alleged"),
        ("confidentiality_explained", "confidentiality explained"),
    ):
        lines.append(f"{label}: {'yes' if m[key] else 'no'}")
    if m["originals_received"]:
        lines.append(f"originals returned: {m['originals_returned'] or 'no'}")
    if m["member_decision"]:
        lines.append(f"member's decision: {shown(m['member_decision'], multiline=True)}")
    return [indent + line for line in lines]


def case_records_json(vault: Vault, ref: str) -> dict[str, Any]:
    """What `case show --json` adds for these records (new keys only)."""
    return {
        "consents": [consent_json(c) for c in vault.consents(ref)],
        "people": [party_json(p) for p in vault.parties(ref)],
    }


def print_case_records(data: dict[str, Any]) -> None:
    """The records below a case's paper trail in `case show`."""
    for c in data["consents"]:
        print(f"  consent {consent_line(c)}")
    for p in data["people"]:
        print(f"  person {party_line(p)}")
    meeting = data["first_meeting"]
    if meeting["saved"] or meeting["issues"]:
        print("  first meeting:")
        for line in meeting_lines(meeting, indent="    "):
            print(line)
    for a in data["action_points"]:
        print(f"  action {action_line(a)}")


# ---- the commands ---------------------------------------------------------------------------------


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
    from casevault.cli import first_meeting_json  # noqa: PLC0415 - see open_vault

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
        from casevault.cli import say  # noqa: PLC0415 - see open_vault

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
    from casevault.cli import say  # noqa: PLC0415 - see open_vault

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


def error_text(err: CasevaultError) -> str:
    """The sentence the command line shows for `err`: for missing consent, with the command
    that records it (the GUI shows the Vault's sentence alone)."""
    if not isinstance(err, ConsentMissingError) or not err.scope or not err.ref:
        return err.message
    typed = _SCOPE_TYPED.get(err.scope, err.scope)
    return f"{err.message.rstrip('.')}: casevault consent add {err.ref} --scope {typed}."


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "consent": cmd_consent,
    "meeting": cmd_meeting,
    "action": cmd_action,
    "people": cmd_people,
}
