"""Casework > Branch figures…: the vault's cases counted by type, outcome, stage and month, with
small counts hidden (casework/figures.py, docs/FIGURES.md), as two charts and the tables, and
exported as CSV or PDF where the rep chooses.

Counting takes about 0.6 s at 100,000 cases and uses the database, whose connection belongs to
the GUI thread, so it cannot go to a worker: the window opens saying "Counting…" and counts once
it has been shown, and again (debounced) when the period or the threshold changes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casevault.casework import figures as figure_rules
from casevault.core.errors import CasevaultError
from casevault.gui import figure_charts as charts
from casevault.gui import figures_pdf
from casevault.gui.busy import busy_cursor
from casevault.gui.file_dialogs import choose_save_path
from casevault.gui.focus_order import tab_as_laid_out
from casevault.gui.qt_dates import date_edit, to_qt_date
from casevault.gui.reminders_panel import children
from casevault.gui.tasks import CancelledError, TaskHandle, run_task
from casevault.vault.facade import Vault
from casevault.vault.stats import MAX_THRESHOLD

log = logging.getLogger(__name__)
RECOUNT_MS = 300  # after the last change of the period or threshold: one count, not one a keystroke
AskPath = Callable[[QWidget, str, str], str]


class FiguresWindow(QDialog):
    def __init__(self, vault: Vault, parent: Any = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.choose_path: AskPath = choose_save_path  # tests replace it
        self._done = False
        self._counting: TaskHandle | None = None
        self.figures: figure_rules.Figures | None = None
        self.setWindowTitle(self.tr("Branch figures"))
        self.setAccessibleName(self.tr("Branch figures"))
        intro = QLabel(
            self.tr(
                "Cases counted by type, outcome, stage and month: codes and counts only, no names, "
                "references or notes. A hatched bar or “hidden” is a count under the threshold, or "
                "one hidden so that a small count cannot be worked out."
            )
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("About the branch figures"))
        self.status = QLabel(self.tr("Counting…"))
        self.status.setAccessibleName(self.tr("Figures status"))
        self.status.setWordWrap(True)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.timeout.connect(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._controls())
        layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._charts())
        splitter.addWidget(self._tree())
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._buttons())
        self.resize(1000, 760)

    def _controls(self) -> QHBoxLayout:
        self.since_box = QCheckBox(self.tr("Only cases opened on or &after:"))
        self.since_box.setAccessibleName(self.tr("Only cases opened on or after a date"))
        now = self._vault.now()
        self.since = date_edit(self.tr("Opened on or after"), now, value=QDate(to_qt_date(now).year(), 1, 1))
        self.since.setEnabled(False)
        self.since_box.toggled.connect(self.since.setEnabled)
        self.threshold = QSpinBox()
        self.threshold.setAccessibleName(self.tr("Hide counts under"))
        self.threshold.setRange(2, MAX_THRESHOLD)
        self.threshold.setValue(figure_rules.DEFAULT_THRESHOLD)
        self.threshold.setSuffix(self.tr(" cases"))
        threshold_label = QLabel(self.tr("&Hide counts under:"))
        threshold_label.setBuddy(self.threshold)
        for changed in (self.since_box.toggled, self.since.dateChanged, self.threshold.valueChanged):
            changed.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(self.since_box)
        row.addWidget(self.since)
        row.addSpacing(24)
        row.addWidget(threshold_label)
        row.addWidget(self.threshold)
        row.addStretch(1)
        return row

    def _charts(self) -> QWidget:
        self.months_chart = charts.Chart(charts.paint_months)
        self.months_chart.setAccessibleName(self.tr("Cases opened per month"))
        self.outcomes_chart = charts.Chart(charts.paint_shares)
        self.outcomes_chart.setAccessibleName(self.tr("How cases ended"))
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (title, chart) in enumerate(
            (
                (self.tr("Cases opened per month"), self.months_chart),
                (self.tr("How cases ended (share of all cases counted)"), self.outcomes_chart),
            )
        ):
            heading = QLabel(f"<b>{title}</b>")
            heading.setWordWrap(True)
            grid.addWidget(heading, 0, column)
            grid.addWidget(chart, 1, column)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)
        return box

    def _tree(self) -> QTreeWidget:
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Figures tables"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [self.tr("Figure"), self.tr("Cases"), self.tr("Share"), self.tr("Median days")]
        )
        self.tree.headerItem().setToolTip(
            3, self.tr("Median days from opening to closing, closed cases only")
        )
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        return self.tree

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.setAccessibleName(self.tr("Export CSV"))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Export PDF"))
        for button, slot in ((self.csv_button, self.export_csv), (self.pdf_button, self.export_pdf)):
            button.setAutoDefault(False)
            button.setEnabled(False)
            button.clicked.connect(slot)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        return tab_as_laid_out(buttons)

    # ---- counting ------------------------------------------------------------------------------

    def since_moment(self) -> datetime | None:
        """Midnight UTC of the chosen day, as `casevault stats --since` counts it, so the window
        and the command line give the same figures for the same period."""
        if not self.since_box.isChecked():
            return None
        day = self.since.date()
        return datetime.combine(date(day.year(), day.month(), day.day()), time.min, UTC)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.figures is None and not self._recount.isActive():
            self._recount.start(0)  # after the first paint, which shows "Counting…"

    def _changed(self, *_args: object) -> None:
        self.figures = None
        self.status.setText(self.tr("Counting…"))
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
        self._recount.start(RECOUNT_MS)

    def count(self) -> None:
        """Counted on a worker with a connection of its own (about 0.6 s at 100k cases), so the
        window stays live; a newer period or threshold cancels the count before it."""
        if self._done:
            return
        if self._counting is not None:
            self._counting.cancel()
        try:
            work = self._vault.figures_counter(self.since_moment(), self.threshold.value())
        except CasevaultError as err:
            self.status.setText(err.message)
            return

        def counted(figures: figure_rules.Figures) -> None:
            if self._counting is handle:
                self._counting = None
            if not self._done and self._counting is None:
                self.show_figures(figures)

        def failed(error: BaseException) -> None:
            if self._counting is handle:
                self._counting = None
            if isinstance(error, CancelledError) or self._done:
                return
            if isinstance(error, CasevaultError):
                self.status.setText(error.message)
            else:
                log.error("figures.failed %s", type(error).__name__)
                self.status.setText(self.tr("The figures could not be counted."))

        handle = run_task(lambda _progress: work(), counted, failed, parent=self)
        self._counting = handle

    def show_figures(self, figures: figure_rules.Figures) -> None:
        self.figures = figures
        total = figures.table("case_type").total
        if total is None:
            self.status.setText(self.tr("Too few cases to show any figures without picking someone out."))
        else:
            self.status.setText(
                self.tr("%1 cases counted; counts under %2 are hidden.")
                .replace("%1", str(total))
                .replace("%2", str(figures.threshold))
            )
        self.months_chart.set_bars(charts.month_bars(figures.table("month_opened")), None)
        outcomes = figures.table("outcome")
        self.outcomes_chart.set_bars(charts.share_bars(outcomes), outcomes.total)
        self._fill_tree(figures)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)

    def _fill_tree(self, figures: figure_rules.Figures) -> None:
        self.tree.clear()
        hidden = charts.translated(charts.HIDDEN)
        median = figures_pdf.days_text(figures.median_days_to_resolution)
        self._add(None, [self.tr("Median days to resolution, all closed cases"), "", "", median])
        for table in figures.tables:
            top = self._add(
                None, [figures_pdf.title(table.name), hidden if table.total is None else str(table.total)]
            )
            if table.total is None:
                self._add(top, [charts.translated(charts.WITHHELD)])
            for row in figures_pdf.table_rows(table):
                self._add(top, list(row))
            top.setExpanded(True)

    def _add(self, parent: QTreeWidgetItem | None, texts: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(texts)
        for column in (1, 2, 3):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if parent is None:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def rows(self) -> list[list[str]]:
        """Every row of the tables as shown (for tests and screen readers)."""
        out = []
        for top in children(self.tree.invisibleRootItem()):
            out += [[item.text(c) for c in range(4)] for item in (top, *children(top))]
        return out

    # ---- exports -------------------------------------------------------------------------------

    def _target(self, title: str, suffix: str) -> Path | None:
        since = self.since_moment()
        period = "all" if since is None else f"since-{since.date().isoformat()}"
        chosen = self.choose_path(self, title, str(Path.home() / f"branch-figures-{period}{suffix}"))
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def export_csv(self) -> None:
        figures = self.figures
        if figures is None:
            return
        target = self._target(self.tr("Export the figures as CSV"), ".csv")
        if target is None:
            return
        try:
            self._vault.export_figures_csv(target, figures)
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self._saved(target)

    def export_pdf(self) -> None:
        figures = self.figures
        if figures is None:
            return
        target = self._target(self.tr("Export the figures as PDF"), ".pdf")
        if target is None:
            return
        try:
            with busy_cursor():
                pdf = figures_pdf.render_figures(figures, self._vault.now().date())
            self._vault.save_figures_pdf(target, pdf)
        except CasevaultError as err:
            self.status.setText(err.message)
            return
        self._saved(target)

    def _saved(self, target: Path) -> None:
        self.status.setText(
            self.tr(
                "Saved the figures to %1. The file is not encrypted: it holds codes and counts "
                "only, with small counts hidden. Say which period it covers when you share it."
            ).replace("%1", target.name)
        )

    def done(self, result: int) -> None:
        """Closing, or a lock: no count may start on a vault that is closing."""
        self._done = True
        self._recount.stop()
        if self._counting is not None:
            self._counting.cancel()
        super().done(result)
