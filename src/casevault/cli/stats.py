"""`casevault stats`, `casevault types` and `casevault outcomes` (issue 17).

stats [--since DATE] [--threshold N] [--json | --csv FILE]
    branch figures: cases by type, outcome, stage reached and month, with the median time to
    resolution; a cell under the threshold (default 5) and any cell that would give it away
    are shown as suppressed, never as a small number (docs/FIGURES.md)
types [--add CODE] [--remove CODE] [--json]       the vault's list of case types
outcomes [--add CODE] [--remove CODE] [--json]    the vault's list of outcomes
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casevault.cli.common import open_vault, say
from casevault.cli.deadline import iso_date
from casevault.cli.output import emit_json, shown
from casevault.core.errors import UsageError

SUPPRESSED = "suppressed"


def add_parsers(commands: Any) -> None:
    stats = commands.add_parser("stats", help="branch figures with nobody in them (small counts suppressed)")
    stats.add_argument("--since", type=iso_date, metavar="DATE", help="cases opened on or after DATE")
    stats.add_argument("--threshold", type=int, default=5, metavar="N", help="suppress cells under N (5)")
    out = stats.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", metavar="FILE", help="write the figures as CSV to FILE")
    for name, what in (("types", "case types"), ("outcomes", "outcomes")):
        parser = commands.add_parser(name, help=f"the vault's list of {what}; --add or --remove to edit it")
        parser.add_argument("--add", metavar="CODE", action="append", default=[])
        parser.add_argument("--remove", metavar="CODE", action="append", default=[])
        parser.add_argument("--json", action="store_true")


def cmd_stats(args: argparse.Namespace) -> int:
    if args.csv and Path(args.csv).suffix.lower() != ".csv":
        raise UsageError("The figures file's name must end in .csv.")  # before unlocking
    since = None if args.since is None else datetime.combine(args.since, datetime.min.time(), UTC)
    with open_vault(args) as vault:
        result = vault.branch_figures(since, args.threshold)
        if args.json:
            emit_json(result.as_json())
        elif args.csv:
            target = Path(args.csv).expanduser()
            vault.export_figures_csv(target, result)
            print(f"Wrote the figures to {shown(str(target))}.")
            say("The file holds codes and counts only, with small counts suppressed; no names or references.")
        else:
            _print(result.as_json())
    return 0


def _count(cell: dict[str, Any]) -> str:
    return SUPPRESSED if cell["suppressed"] else str(cell["count"])


def _print(data: dict[str, Any]) -> None:
    print(
        f"Cells under {data['threshold']} cases are suppressed, and so is any cell that would give one away."
    )
    median = data["median_days_to_resolution"]
    print(f"median days to resolution\t{SUPPRESSED if median is None else f'{median:g}'}")
    for table in data["tables"]:
        total = SUPPRESSED if table["total"] is None else table["total"]
        print(f"{table['name']}\t(total)\t{total}")
        for cell in table["cells"]:
            line = f"{table['name']}\t{cell['value']}\t{_count(cell)}"
            if "median_days_to_resolution" in cell:
                line += f"\tmedian {cell['median_days_to_resolution']:g} days"
            print(line)


def _cmd_list(args: argparse.Namespace, what: str) -> int:
    with open_vault(args) as vault:
        add, remove, listed = (
            (vault.add_case_type, vault.remove_case_type, vault.case_types)
            if what == "types"
            else (vault.add_outcome, vault.remove_outcome, vault.outcomes)
        )
        for code in args.add:
            add(code)
        for code in args.remove:
            remove(code)
        codes = listed()
    if args.json:
        emit_json(list(codes))
    else:
        for code in codes:
            print(code)
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "stats": cmd_stats,
    "types": lambda args: _cmd_list(args, "types"),
    "outcomes": lambda args: _cmd_list(args, "outcomes"),
}
