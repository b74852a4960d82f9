"""`casevault deadline`: the casework clock's calculators, which need no vault.

Each prints the date and one line of explanation, or with --json one object: deadline, rule,
rule_version, explanation, sources (and the steps, inputs and pack version). Bad input is one
sentence and exit 2. The rules and their sources are in casevault/resources/rules/uk.toml
(docs/RULES.md).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from casevault.cli.common import subcommands
from casevault.cli.output import emit_json, shown
from casevault.core.errors import UsageError

# Spelled out, not imported from casework: `casevault --help` must not load the rule pack.
JURISDICTIONS = ("england-wales", "scotland", "northern-ireland")
CLAIMS = ("unfair-dismissal", "discrimination", "unlawful-deductions", "breach-of-contract", "redundancy-pay")
NOT_ADVICE = "casevault helps you count; it is not legal advice."


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-04-09") from None


def iso_datetime(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date-time such as 2026-03-06T16:00") from None


def day_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"the number of days cannot be negative ({value})")
    return value


def add_parsers(commands: Any) -> None:
    actions = subcommands(commands, "deadline", "count a time limit (no vault needed): " + NOT_ADVICE)
    tribunal = actions.add_parser("tribunal", help="the last day to present a tribunal claim")
    tribunal.add_argument(
        "--event", required=True, type=iso_date, metavar="DATE", help="the act or dismissal date"
    )
    tribunal.add_argument("--claim", choices=CLAIMS, default="unfair-dismissal")
    tribunal.add_argument("--acas-start", type=iso_date, metavar="DATE", help="Day A: ACAS contacted")
    tribunal.add_argument(
        "--acas-certificate", type=iso_date, metavar="DATE", help="Day B: certificate received"
    )
    work = actions.add_parser(
        "working-days", help="N working days after a date, skipping weekends and holidays"
    )
    work.add_argument("--from", dest="start", required=True, type=iso_date, metavar="DATE")
    work.add_argument("--days", required=True, type=day_count, metavar="N")
    sar = actions.add_parser("subject-access", help="when a subject access request must be answered")
    sar.add_argument("--received", required=True, type=iso_date, metavar="DATE")
    sar.add_argument(
        "--extension-months",
        type=int,
        choices=(0, 1, 2),
        default=0,
        help="an extension the member was told of",
    )
    sar.add_argument("--told", type=iso_date, metavar="DATE", help="when the member was told of it")
    accompany = actions.add_parser(
        "accompaniment", help="the last day for an alternative hearing time when the companion cannot come"
    )
    accompany.add_argument(
        "--proposed", required=True, type=iso_date, metavar="DATE", help="the employer's date"
    )
    breach = actions.add_parser("breach", help="72 hours from becoming aware of a personal data breach")
    breach.add_argument("--aware", required=True, type=iso_datetime, metavar="ISO-DATETIME")
    for parser in (tribunal, work, sar, accompany):
        parser.add_argument("--jurisdiction", choices=JURISDICTIONS, default="england-wales")
    for parser in (tribunal, work, sar, accompany, breach):
        parser.add_argument("--json", action="store_true")


def _calculate(args: argparse.Namespace) -> Any:
    from casevault.casework import time_limits  # noqa: PLC0415 - only this command needs the pack

    action = args.deadline_command
    if action == "tribunal":
        if args.acas_start and args.acas_certificate and args.acas_certificate < args.acas_start:
            raise UsageError("The certificate date (Day B) cannot be before ACAS was contacted (Day A).")
        return time_limits.tribunal(
            args.event,
            args.claim,
            jurisdiction=args.jurisdiction,
            acas_start=args.acas_start,
            acas_certificate=args.acas_certificate,
        )
    if action == "working-days":
        return time_limits.working_days(args.start, args.days, jurisdiction=args.jurisdiction)
    if action == "subject-access":
        return time_limits.subject_access(
            args.received,
            jurisdiction=args.jurisdiction,
            extension_months=args.extension_months,
            told_on=args.told,
        )
    if action == "accompaniment":
        return time_limits.accompaniment_postponement(args.proposed, jurisdiction=args.jurisdiction)
    return time_limits.breach(args.aware)


def cmd_deadline(args: argparse.Namespace) -> int:
    from casevault.casework import time_limits  # noqa: PLC0415

    result = _calculate(args)
    if args.json:
        emit_json(result.as_json())
        return 0
    print(time_limits.iso_text(result.deadline))
    print(shown(f"{result.explanation} ({result.rule.label}; {NOT_ADVICE})"))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"deadline": cmd_deadline}
