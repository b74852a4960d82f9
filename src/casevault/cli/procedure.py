"""`casevault procedure`: a case's procedure and deadlines, which the reminders then follow.

    procedure templates                      the shipped templates and their stages
    procedure start REF --template ID        put the case on a procedure; prints its id
    procedure show REF                       stages and deadlines, with how each date was reached
    procedure event REF STAGE --on DATE      the event that starts a stage's clock happened
    procedure limit REF STAGE --days N [--unit working|calendar] | --no-limit
                                             the stage's limit, to the employer's policy
    procedure extend REF STAGE --to DATE --agreed-with WHO
    procedure done REF STAGE [--on DATE] [--outcome T]
    procedure overdue REF STAGE --reason T   set an overdue deadline aside, saying why
    procedure tribunal REF --event DATE ...  count and keep a tribunal time limit
    procedure subject-access REF --received DATE [--extension-months N --told DATE]
    procedure calendar [--jurisdiction J] [--closure DATE ...] [--refer-weeks N] [--leads 28,14,7,2,1]
    procedure export-calendar --out FILE     an .ics of deadlines and hearings: references, no names

STAGE is a stage's key (`appeal`) or a deadline's id (as `show` lists it). The Vault does the
checking, so the GUI and the command line refuse the same things.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casevault.cli.common import open_vault, say, subcommands
from casevault.cli.deadline import CLAIMS, JURISDICTIONS, NOT_ADVICE, day_count, iso_date
from casevault.cli.output import emit_json, shown
from casevault.cli.views import deadline_json, deadline_line
from casevault.core.errors import UsageError

if TYPE_CHECKING:
    from casevault.core.model import CaseDeadline
    from casevault.vault.facade import Vault

TEMPLATE_IDS = ("acas-disciplinary", "acas-grievance")
CALENDAR_WARNING = (
    "The calendar file is not encrypted: it holds case references and kinds of date only, no names; "
    "keep it where only you can read it, and export it again when dates change."
)


def add_parsers(commands: Any) -> None:
    actions = subcommands(commands, "procedure", "a case's procedure stages and deadlines")
    templates = actions.add_parser("templates", help="the procedure templates and their stages")
    templates.add_argument("--json", action="store_true")
    start = actions.add_parser("start", help="put a case on a procedure from a template; prints its id")
    start.add_argument("ref")
    start.add_argument("--template", required=True, choices=TEMPLATE_IDS)
    start.add_argument("--jurisdiction", choices=JURISDICTIONS, help="default: the vault's")
    start.add_argument("--policy", metavar="ID", help="the employer's policy, from the policy library")
    show = actions.add_parser("show", help="a case's stages and deadlines")
    show.add_argument("ref")
    show.add_argument("--json", action="store_true")
    event = actions.add_parser("event", help="record the event that starts a stage's clock")
    extend = actions.add_parser("extend", help="record an extension agreed for a deadline")
    done = actions.add_parser("done", help="record a stage (or deadline) as done")
    overdue = actions.add_parser("overdue", help="set an overdue deadline aside, with the reason")
    limit = actions.add_parser("limit", help="change a stage's time limit to the employer's policy")
    for parser in (event, extend, done, overdue, limit):
        parser.add_argument("ref")
        parser.add_argument("stage", help="a stage's key (appeal) or a deadline's id")
        parser.add_argument("--procedure", metavar="ID", help="which procedure (default: the latest)")
    event.add_argument("--on", required=True, type=iso_date, metavar="DATE")
    extend.add_argument("--to", required=True, type=iso_date, metavar="DATE")
    extend.add_argument("--agreed-with", required=True, metavar="WHO")
    extend.add_argument("--note", default="", metavar="T")
    done.add_argument("--on", type=iso_date, metavar="DATE", help="default: today")
    done.add_argument("--outcome", default="", metavar="T")
    overdue.add_argument("--reason", required=True, metavar="T")
    limits = limit.add_mutually_exclusive_group(required=True)
    limits.add_argument("--days", type=day_count, metavar="N")
    limits.add_argument("--no-limit", action="store_true", help="the stage has no set time limit")
    limit.add_argument("--unit", choices=("working", "calendar"), default="working")
    tribunal = actions.add_parser("tribunal", help="count a tribunal time limit and keep it on the case")
    tribunal.add_argument("ref")
    tribunal.add_argument("--event", required=True, type=iso_date, metavar="DATE")
    tribunal.add_argument("--claim", choices=CLAIMS, default="unfair-dismissal")
    tribunal.add_argument("--acas-start", type=iso_date, metavar="DATE")
    tribunal.add_argument("--acas-certificate", type=iso_date, metavar="DATE")
    tribunal.add_argument("--jurisdiction", choices=JURISDICTIONS, help="default: the vault's")
    sar = actions.add_parser("subject-access", help="count a subject access request's answer date")
    sar.add_argument("ref")
    sar.add_argument("--received", required=True, type=iso_date, metavar="DATE")
    sar.add_argument("--extension-months", type=int, choices=(0, 1, 2), default=0)
    sar.add_argument("--told", type=iso_date, metavar="DATE", help="when the member was told of it")
    sar.add_argument("--jurisdiction", choices=JURISDICTIONS, help="default: the vault's")
    export = actions.add_parser(
        "export-calendar", help="write running deadlines and hearings to an .ics file (references only)"
    )
    export.add_argument("--out", required=True, metavar="FILE", help="where to write it (e.g. deadlines.ics)")
    _calendar_parser(actions)


def _calendar_parser(actions: Any) -> None:
    calendar = actions.add_parser(
        "calendar", help="the vault's jurisdiction, closure days, refer-by weeks and lead times"
    )
    calendar.add_argument("--jurisdiction", choices=JURISDICTIONS)
    calendar.add_argument(
        "--closure", action="append", type=iso_date, default=[], metavar="DATE", help="add a closure day"
    )
    calendar.add_argument("--clear-closures", action="store_true")
    calendar.add_argument(
        "--refer-weeks", type=int, metavar="N", help="refer tribunal cases this many weeks before the limit"
    )
    calendar.add_argument(
        "--leads",
        type=lead_days,
        metavar="DAYS",
        help="warn this many days before each deadline: 28,14,7,2,1",
    )


def lead_days(text: str) -> tuple[int, ...]:
    try:
        days = sorted({int(part) for part in text.replace(",", " ").split()}, reverse=True)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of days such as 28,14,7,2,1") from None
    if not days:
        raise argparse.ArgumentTypeError("give at least one lead time, such as 28,14,7,2,1")
    return tuple(days)


def _target(vault: Vault, args: argparse.Namespace) -> CaseDeadline:
    """A stage by key, or any of the case's deadlines by id."""
    wanted = args.stage.strip().lower()
    for deadline in vault.deadlines(args.ref):
        if deadline.id == wanted:
            return deadline
    return vault.stage(args.ref, wanted, args.procedure)


def _print_counted(d: CaseDeadline) -> None:
    print(d.due_on.isoformat() if d.due_on is not None else "no date yet")
    if d.explanation:
        print(shown(f"{d.explanation} ({d.rule} v{d.rule_version}; {NOT_ADVICE})"))


def cmd_procedure(args: argparse.Namespace) -> int:  # noqa: PLR0912 - one branch per action
    action = args.procedure_command
    if action == "templates":
        from casevault.casework.procedure import TEMPLATES  # noqa: PLC0415

        if args.json:
            emit_json([t.as_json() for t in TEMPLATES.values()])
        else:
            for t in TEMPLATES.values():
                print(f"{t.id}\t{t.name}")
                for s in t.stages:
                    print(f"  {s.key}\t{s.name}: {s.limit_text()}")
        return 0
    if action == "export-calendar" and Path(args.out).suffix.lower() != ".ics":
        raise UsageError("The calendar file's name must end in .ics.")  # before unlocking
    with open_vault(args) as vault:
        if action == "start":
            print(
                vault.start_procedure(
                    args.ref, args.template, jurisdiction=args.jurisdiction, policy_id=args.policy
                )
            )
        elif action == "show":
            rows = vault.deadlines(args.ref)
            if args.json:
                emit_json([deadline_json(d) for d in rows])
            else:
                for d in rows:
                    print(deadline_line(deadline_json(d)))
        elif action == "event":
            target = _target(vault, args)
            _print_counted(vault.record_stage_event(target.id, args.on))
        elif action == "limit":
            target = _target(vault, args)
            days = None if args.no_limit else args.days
            _print_counted(vault.set_stage_limit(target.id, days, args.unit))
        elif action == "extend":
            target = _target(vault, args)
            _print_counted(vault.extend_deadline(target.id, args.to, args.agreed_with, args.note))
        elif action == "done":
            target = _target(vault, args)
            from zoneinfo import ZoneInfo  # noqa: PLC0415 - 3 ms of `casevault --help`

            today = vault.now().astimezone(ZoneInfo("Europe/London")).date()  # the clock counts UK days
            vault.complete_deadline(target.id, args.on or today, args.outcome)
            print(f"{shown(target.name)} is recorded as done.")
        elif action == "overdue":
            target = _target(vault, args)
            vault.set_aside_overdue(target.id, args.reason)
            print(f"The overdue deadline for {shown(target.name)} is set aside; the reason is kept.")
        elif action == "tribunal":
            _print_counted(
                vault.add_tribunal_limit(
                    args.ref,
                    args.event,
                    args.claim,
                    acas_start=args.acas_start,
                    acas_certificate=args.acas_certificate,
                    jurisdiction=args.jurisdiction,
                )
            )
        elif action == "subject-access":
            _print_counted(
                vault.add_subject_access(
                    args.ref,
                    args.received,
                    extension_months=args.extension_months,
                    told_on=args.told,
                    jurisdiction=args.jurisdiction,
                )
            )
        elif action == "export-calendar":
            out_file = Path(args.out).expanduser()
            count = vault.export_calendar(out_file)
            print(f"Wrote {count} events to {shown(str(out_file))}.")
            say(CALENDAR_WARNING)
        else:
            _calendar(vault, args)
    return 0


def _calendar(vault: Vault, args: argparse.Namespace) -> None:
    if args.jurisdiction:
        vault.set_jurisdiction(args.jurisdiction)
    if args.clear_closures or args.closure:
        kept = [] if args.clear_closures else vault.closure_days()
        vault.set_closure_days([*kept, *args.closure])
    if args.refer_weeks is not None:
        vault.set_refer_weeks(args.refer_weeks)
    if args.leads is not None:
        vault.set_deadline_leads(args.leads)
    print(f"jurisdiction\t{vault.jurisdiction()}")
    print(f"refer-weeks\t{vault.refer_weeks()}")
    print(f"leads\t{','.join(str(d) for d in vault.deadline_leads())}")
    for day in vault.closure_days():
        print(f"closure\t{day.isoformat()}")


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"procedure": cmd_procedure}
