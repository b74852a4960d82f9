"""Branch figures and the lists they count (issue 17): the vault's case types and outcomes, each a
fixed list of codes the rep may edit, and the figures with small cells suppressed
(casework/figures.py). Figures hold codes and counts only, so they may leave the vault as CSV."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from casevault.casework import figures as figure_rules
from casevault.casework import outcomes as outcome_rules
from casevault.core.errors import UsageError
from casevault.core.fsutil import atomic_write_bytes, translate_os_error
from casevault.formats import zip_writer
from casevault.store import settings as settings_rows
from casevault.store import stats as stats_rows
from casevault.store.db import Database
from casevault.vault.session import Session

log = logging.getLogger(__name__)
MAX_THRESHOLD = 100


class Stats:
    def __init__(self, session: Session) -> None:
        self._s = session

    # ---- the lists -----------------------------------------------------------------------------

    def case_types(self) -> tuple[str, ...]:
        return outcome_rules.case_type_codes(settings_rows.get(self._s.db, outcome_rules.CASE_TYPES_SETTING))

    def outcomes(self) -> tuple[str, ...]:
        return outcome_rules.outcome_codes(settings_rows.get(self._s.db, outcome_rules.OUTCOMES_SETTING))

    def add_case_type(self, typed: str) -> str:
        self._put(
            outcome_rules.CASE_TYPES_SETTING, outcome_rules.with_code(self.case_types(), typed, "case type")
        )
        return outcome_rules.code_of(typed, "case type")

    def remove_case_type(self, typed: str) -> None:
        self._put(
            outcome_rules.CASE_TYPES_SETTING,
            outcome_rules.without_code(self.case_types(), typed, "case type"),
        )

    def add_outcome(self, typed: str) -> str:
        self._put(outcome_rules.OUTCOMES_SETTING, outcome_rules.with_code(self.outcomes(), typed, "outcome"))
        return outcome_rules.code_of(typed, "outcome")

    def remove_outcome(self, typed: str) -> None:
        self._put(
            outcome_rules.OUTCOMES_SETTING, outcome_rules.without_code(self.outcomes(), typed, "outcome")
        )

    def _put(self, key: str, codes: tuple[str, ...]) -> None:
        with self._s.db.transaction():
            settings_rows.put(self._s.db, key, outcome_rules.codes_text(codes))

    # ---- the figures ---------------------------------------------------------------------------

    def branch_figures(
        self, since: datetime | None = None, threshold: int = figure_rules.DEFAULT_THRESHOLD
    ) -> figure_rules.Figures:
        self._checked(since, threshold)
        return self._count(self._s.db, since, threshold, self.case_types())

    def figures_counter(
        self, since: datetime | None = None, threshold: int = figure_rules.DEFAULT_THRESHOLD
    ) -> Callable[[], figure_rules.Figures]:
        """`branch_figures` as work for another thread, on a connection of its own: the GUI
        counts there (about 0.6 s at 100k cases). The arguments are checked here, at once."""
        self._checked(since, threshold)
        listed = self.case_types()
        return self._s.on_own_connection(lambda db: self._count(db, since, threshold, listed))

    @staticmethod
    def _checked(since: datetime | None, threshold: int) -> None:
        if not 2 <= threshold <= MAX_THRESHOLD:
            raise UsageError(f"The suppression threshold is from 2 to {MAX_THRESHOLD} cases.")
        if since is not None and since.tzinfo is None:
            raise UsageError("A date for the figures needs its time zone.")

    @staticmethod
    def _count(
        db: Database, since: datetime | None, threshold: int, listed: tuple[str, ...]
    ) -> figure_rules.Figures:
        facts = [
            figure_rules.CaseFacts(outcome_rules.counted_type(kind, listed), opened, closed, ended, stage)
            for kind, opened, closed, ended, stage in stats_rows.case_facts(db, since)
        ]
        log.info("figures.counted")
        return figure_rules.figures(facts, since=since, threshold=threshold)

    def export_figures_csv(self, target: Path, figures: figure_rules.Figures) -> None:
        """Write the figures as CSV where the rep chose (0600, atomically): codes and counts only."""
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(figure_rules.csv_rows(figures))
        try:
            atomic_write_bytes(target, out.getvalue().encode("utf-8"))
        except OSError as err:
            raise translate_os_error(err, "writing the figures") from err
        self._s.audit("figures.exported", "", now=self._s.now())

    def save_figures_pdf(self, target: Path, pdf: bytes) -> None:
        """The figures PDF (from the GUI's renderer) in a new 0600 file; never overwrites. Like the
        CSV it holds codes and counts only, so it is the same audited export."""
        zip_writer.write_new_file(target, pdf)
        self._s.audit("figures.exported", "", now=self._s.now())
