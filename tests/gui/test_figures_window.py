"""Casework > Branch figures… (gui/figures_window.py) on a real vault: it opens from the menu and
counts only once shown, every control named; with 12 grievance cases and 3 sickness cases
neither the 3 nor the 12 (which would give the 3 away) appears anywhere: tables, charts, CSV or
PDF; the exports are written 0600 only where the rep chose, and a PDF never replaces a file;
changing the threshold or the period counts again; and a lock closes the window, even before it
has counted."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casevault.gui import figure_charts, figures_pdf
from casevault.gui.app import App
from casevault.gui.figures_window import RECOUNT_MS, FiguresWindow
from casevault.gui.main_window import MainWindow
from tests.conftest import FakeClock
from tests.support.accessibility import unnamed_controls
from tests.support.gui_flows import create_vault
from tests.support.pdf_text import pdf_text

MakeApp = Callable[..., App]
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
CLOSED = datetime(2026, 2, 20, 9, 0, tzinfo=UTC)
GIVE_AWAY = {3, 12}  # the sickness count, and the grievance count it could be worked out from


def _window(qtbot: QtBot, make_app: MakeApp, cases: tuple[tuple[str, str, int], ...]) -> MainWindow:
    clock = FakeClock(T0)
    window = create_vault(qtbot, make_app(clock=clock))
    assert isinstance(window, MainWindow) and window.vault is not None
    refs = []
    for kind, outcome, n in cases:
        for i in range(n):
            clock.now = T0 + timedelta(days=i)
            refs.append((window.vault.new_case(f"Member {kind} {i}", case_type=kind), outcome))
    clock.now = CLOSED
    for ref, outcome in refs:
        window.vault.close_case(ref, retain_days=0, outcome=outcome)
    return window


def _twelve_and_three(qtbot: QtBot, make_app: MakeApp) -> MainWindow:
    return _window(qtbot, make_app, (("grievance", "upheld", 12), ("sickness", "settled", 3)))


def _opened(qtbot: QtBot, window: MainWindow) -> FiguresWindow:
    window.figures_action.trigger()
    dialog = window.figures_window
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.figures is not None)
    return dialog


def numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\d+", text)}


def shown_text(dialog: FiguresWindow) -> str:
    charts = (dialog.months_chart, dialog.outcomes_chart)
    parts = [dialog.status.text(), *(c.accessibleDescription() for c in charts)]
    parts += [f"{b.label} {b.count}" for c in charts for b in c.bars]
    parts += ["\t".join(row) for row in dialog.rows()]
    return "\n".join(parts)


def test_the_menu_opens_the_window_which_counts_once_it_is_shown(qtbot: QtBot, make_app: MakeApp) -> None:
    window = _twelve_and_three(qtbot, make_app)
    assert window.figures_action.text() == "Branch &figures…"
    window.figures_action.trigger()
    dialog = window.figures_window
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    # Nothing is counted before the window has been shown and painted.
    assert dialog.figures is None and dialog.status.text() == "Counting…"
    assert not dialog.csv_button.isEnabled() and not dialog.pdf_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.figures is not None)
    assert dialog.status.text() == "15 cases counted; counts under 5 are hidden."
    assert dialog.csv_button.isEnabled() and dialog.pdf_button.isEnabled()
    assert unnamed_controls(dialog) == []  # every control has a name a screen reader can say
    window.figures_action.trigger()
    assert window.figures_window is dialog  # one window, raised


def test_twelve_and_three_never_show_the_three_or_the_twelve(qtbot: QtBot, make_app: MakeApp) -> None:
    dialog = _opened(qtbot, _twelve_and_three(qtbot, make_app))
    rows = {row[0]: row[1] for row in dialog.rows()}
    assert rows["Grievance"] == rows["Sickness absence"] == "hidden"
    assert rows["Upheld"] == rows["Settled"] == "hidden"
    assert rows["Cases by type"] == rows["January 2026"] == rows["February 2026"] == "15"
    assert [(b.label, b.count) for b in dialog.outcomes_chart.bars] == [("Settled", None), ("Upheld", None)]
    assert dialog.outcomes_chart.accessibleDescription() == "Settled: hidden; Upheld: hidden"
    assert [(b.key, b.count) for b in dialog.months_chart.bars] == [("2026-01", 15)]
    text = shown_text(dialog)
    assert numbers(text).isdisjoint(GIVE_AWAY), text
    assert "Member" not in text and "CV-" not in text


def test_the_exports_are_written_only_where_chosen_0600_without_the_small_counts(
    qtbot: QtBot, make_app: MakeApp, tmp_path: Path
) -> None:
    dialog = _opened(qtbot, _twelve_and_three(qtbot, make_app))
    out = tmp_path / "chosen"
    out.mkdir()
    asked: list[tuple[str, str]] = []

    def choose(answer: str) -> Callable[[QWidget, str, str], str]:
        def ask(_parent: QWidget, title: str, suggested: str) -> str:
            asked.append((title, suggested))
            return answer

        return ask

    dialog.choose_path = choose("")  # the rep cancelled
    dialog.csv_button.click()
    dialog.pdf_button.click()
    assert list(out.iterdir()) == []
    assert [Path(s).name for _t, s in asked] == ["branch-figures-all.csv", "branch-figures-all.pdf"]

    dialog.choose_path = choose(str(out / "january"))  # the suffix is added
    dialog.csv_button.click()
    dialog.pdf_button.click()
    assert sorted(p.name for p in out.iterdir()) == ["january.csv", "january.pdf"]  # no temp file left
    for written in out.iterdir():
        assert written.stat().st_mode & 0o777 == 0o600
    assert "january.pdf" in dialog.status.text() and "not encrypted" in dialog.status.text()
    csv_text = (out / "january.csv").read_text(encoding="utf-8")
    assert "case_type,grievance,suppressed," in csv_text
    pdf = (out / "january.pdf").read_bytes()
    in_pdf = pdf_text(pdf)
    assert "Branch figures" in in_pdf and "Grievance hidden" in in_pdf
    assert dialog.figures is not None
    html = figures_pdf.figures_document(dialog.figures, CLOSED.date()).toPlainText()
    for text in (csv_text, in_pdf, html):
        assert numbers(text).isdisjoint(GIVE_AWAY), text
        assert "Member" not in text and "CV-" not in text

    dialog.pdf_button.click()  # the same name again: refused, the first file kept
    assert "already exists" in dialog.status.text()
    assert (out / "january.pdf").read_bytes() == pdf


def test_changing_the_threshold_or_the_period_counts_again(qtbot: QtBot, make_app: MakeApp) -> None:
    dialog = _opened(qtbot, _twelve_and_three(qtbot, make_app))
    dialog.threshold.setValue(3)
    assert dialog.figures is None and dialog.status.text() == "Counting…"
    assert not dialog.pdf_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.figures is not None, timeout=RECOUNT_MS * 20)
    assert dialog.figures is not None and dialog.figures.threshold == 3
    rows = {row[0]: row[1] for row in dialog.rows()}
    assert (rows["Grievance"], rows["Sickness absence"]) == ("12", "3")  # both reach 3 now

    dialog.threshold.setValue(5)
    dialog.since.setDate(QDate(2026, 1, 8))
    dialog.since_box.setChecked(True)  # opened on or after 8 January: 9 grievance cases, no sickness
    qtbot.waitUntil(lambda: dialog.figures is not None, timeout=RECOUNT_MS * 20)
    assert dialog.figures is not None and dialog.figures.since == datetime(2026, 1, 8, tzinfo=UTC)
    assert [row[:2] for row in dialog.rows() if row[0] in ("Cases by type", "Grievance")] == [
        ["Cases by type", "9"],
        ["Grievance", "9"],
    ]
    assert dialog.status.text() == "9 cases counted; counts under 5 are hidden."


def test_too_few_cases_show_nothing(qtbot: QtBot, make_app: MakeApp) -> None:
    dialog = _opened(qtbot, _window(qtbot, make_app, (("grievance", "upheld", 4),)))
    assert dialog.status.text() == "Too few cases to show any figures without picking someone out."
    assert dialog.months_chart.bars == () and dialog.outcomes_chart.bars == ()
    assert dialog.months_chart.accessibleDescription() == figure_charts.translated(figure_charts.WITHHELD)
    rows = {row[0]: row[1] for row in dialog.rows()}
    assert rows["Cases by type"] == rows["Cases by outcome"] == "hidden"
    assert numbers(shown_text(dialog)) <= {5}  # the threshold, in the status line's sentence


@pytest.mark.parametrize("counted", [False, True])
def test_a_lock_closes_the_window_even_before_it_counted(
    qtbot: QtBot, make_app: MakeApp, counted: bool
) -> None:
    window = _twelve_and_three(qtbot, make_app)
    window.figures_action.trigger()
    dialog = window.figures_window
    assert dialog is not None
    if counted:
        qtbot.waitUntil(lambda: dialog.figures is not None)
    else:
        assert dialog.figures is None
    window.lock()  # the count has not run yet when not `counted`: it must never run now
    qtbot.wait(RECOUNT_MS // 10)
    assert window.figures_window is None
    assert window.vault is None


def test_the_count_runs_off_the_gui_thread_and_a_newer_one_wins(qtbot: QtBot, make_app: MakeApp) -> None:
    """At 100k cases counting takes about 0.6 s: it runs on a worker (its own connection), and
    when the threshold changes mid-count only the newer count's figures are shown."""
    window = _twelve_and_three(qtbot, make_app)
    assert window.vault is not None
    vault = window.vault
    threads: list[threading.Thread] = []
    release = threading.Event()
    real_counter = vault.figures_counter

    def slow_counter(*args: Any, **kwargs: Any) -> Callable[[], Any]:
        work = real_counter(*args, **kwargs)
        first = not threads

        def run() -> Any:
            threads.append(threading.current_thread())
            if first:
                release.wait(10)  # the first count is still running when the threshold changes
            return work()

        return run

    vault.figures_counter = slow_counter  # type: ignore[method-assign]
    window.figures_action.trigger()
    dialog = window.figures_window
    assert dialog is not None
    qtbot.waitUntil(lambda: len(threads) == 1)
    dialog.threshold.setValue(3)
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=RECOUNT_MS * 20)
    qtbot.waitUntil(lambda: dialog.figures is not None)
    release.set()
    qtbot.wait(50)
    assert dialog.figures is not None and dialog.figures.threshold == 3  # the older count's result is dropped
    assert threading.main_thread() not in threads
