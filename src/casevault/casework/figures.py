"""Branch figures with nobody in them (issue 17): counts of cases by type, outcome, stage reached
and month, and the median time to resolution, with small cells suppressed.

The rule (docs/FIGURES.md says it in words for a branch secretary):
1. Every cell under the threshold (default 5) is suppressed (primary suppression).
2. If any cell is, more are suppressed, smallest first, until at least two are and what they hold
   together, less one case for each of the others, is at least the threshold: a reader who knows
   each hidden cell holds at least one case can then neither work a hidden cell out from the
   total and the cells shown, nor narrow it to under the threshold (secondary suppression).
3. A table that cannot meet that with every cell hidden, or whose total is under the threshold,
   shows nothing, not even its total.
4. A median is shown only for a group of at least the threshold.
Each table is one dimension of the same cases, with the same total (a case still open is counted
as "open" in the outcome and month-closed tables), so no two tables can be subtracted to reveal
a cell. Only fixed codes are counted: never a name, a reference or free text. Two exports of
overlapping periods can still be subtracted: docs/FIGURES.md asks for one export per period.

Pure: no I/O; the records and `now` are passed in.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

DEFAULT_THRESHOLD = 5
NOT_RECORDED = "not-recorded"
NO_PROCEDURE = "no-procedure"
OPEN = "open"


@dataclass(frozen=True)
class CaseFacts:
    """What the figures know of one case: codes and dates only."""

    case_type: str  # already a listed code or "other"
    opened_at: datetime
    closed_at: datetime | None
    outcome: str | None  # None while open, or closed before outcomes were recorded
    stage_reached: str | None  # the furthest stage done, None without a procedure


@dataclass(frozen=True)
class Cell:
    value: str
    count: int | None  # None when suppressed
    median_days: float | None = None

    @property
    def suppressed(self) -> bool:
        return self.count is None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "count": self.count, "suppressed": self.suppressed}
        if self.median_days is not None:
            out["median_days_to_resolution"] = self.median_days
        return out


@dataclass(frozen=True)
class Table:
    name: str
    total: int | None  # None when the whole table is withheld
    cells: tuple[Cell, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "total": self.total, "cells": [c.as_json() for c in self.cells]}


@dataclass(frozen=True)
class Figures:
    threshold: int
    since: datetime | None
    tables: tuple[Table, ...]
    median_days_to_resolution: float | None

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def as_json(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "since": None if self.since is None else self.since.date().isoformat(),
            "median_days_to_resolution": self.median_days_to_resolution,
            "tables": [t.as_json() for t in self.tables],
        }


def _protected(counts: dict[str, int], hidden: set[str], threshold: int) -> bool:
    """Whether the hidden cells can hold any one of them at the threshold or more: each holds at
    least one case, so one of them holds at most their sum less one for each of the others."""
    held = sum(counts[v] for v in hidden)
    return len(hidden) >= 2 and held - (len(hidden) - 1) >= threshold


def suppressed_values(counts: dict[str, int], threshold: int) -> set[str] | None:
    """The cells of one table to withhold (rule 2), or None when even hiding them all would
    give one away (rule 3: the whole table is withheld)."""
    hidden = {value for value, n in counts.items() if n < threshold}
    if not hidden:
        return hidden
    shown = sorted((n, value) for value, n in counts.items() if value not in hidden)
    while shown and not _protected(counts, hidden, threshold):
        hidden.add(shown.pop(0)[1])
    return hidden if _protected(counts, hidden, threshold) else None


def _median(days: Sequence[int], threshold: int) -> float | None:
    return float(statistics.median(days)) if len(days) >= threshold else None


def table(
    name: str, values: Iterable[str], threshold: int, resolution: dict[str, list[int]] | None = None
) -> Table:
    counts = Counter(values)
    total = sum(counts.values())
    if total < threshold:
        return Table(name, None)
    hidden = suppressed_values(dict(counts), threshold)
    if hidden is None:
        return Table(name, None)
    cells = []
    for value in sorted(counts):
        if value in hidden:
            cells.append(Cell(value, None))
            continue
        median = None if resolution is None else _median(resolution.get(value, []), threshold)
        cells.append(Cell(value, counts[value], median))
    return Table(name, total, tuple(cells))


def _outcome(case: CaseFacts) -> str:
    if case.closed_at is None:
        return OPEN
    return case.outcome or NOT_RECORDED


def month(moment: datetime) -> str:
    return f"{moment:%Y-%m}"


def figures(
    cases: Iterable[CaseFacts], *, since: datetime | None = None, threshold: int = DEFAULT_THRESHOLD
) -> Figures:
    """The branch figures for the cases opened since `since` (all, without it)."""
    if threshold < 2:
        raise ValueError("the suppression threshold is at least 2")
    chosen = [c for c in cases if since is None or c.opened_at >= since]
    closed = [c for c in chosen if c.closed_at is not None]
    by_type: dict[str, list[int]] = {}
    by_outcome: dict[str, list[int]] = {}
    for c in closed:
        assert c.closed_at is not None
        days = max(0, (c.closed_at - c.opened_at).days)
        by_type.setdefault(c.case_type, []).append(days)
        by_outcome.setdefault(c.outcome or NOT_RECORDED, []).append(days)
    tables = (
        table("case_type", (c.case_type for c in chosen), threshold, by_type),
        table("outcome", (_outcome(c) for c in chosen), threshold, by_outcome),
        table("stage_reached", (c.stage_reached or NO_PROCEDURE for c in chosen), threshold),
        table("month_opened", (month(c.opened_at) for c in chosen), threshold),
        table(
            "month_closed", (OPEN if c.closed_at is None else month(c.closed_at) for c in chosen), threshold
        ),
    )
    all_days = [d for days in by_type.values() for d in days]
    return Figures(threshold, since, tables, _median(all_days, threshold))


def csv_rows(result: Figures) -> list[list[str]]:
    """table, value, count, median days: "suppressed" where withheld, never a small number."""
    rows = [["table", "value", "count", "median_days_to_resolution"]]
    for t in result.tables:
        if t.total is None:
            rows.append([t.name, "(all)", "suppressed", ""])
            continue
        rows.append([t.name, "(total)", str(t.total), ""])
        for c in t.cells:
            median = "" if c.median_days is None else f"{c.median_days:g}"
            rows.append([t.name, c.value, "suppressed" if c.count is None else str(c.count), median])
    return rows
