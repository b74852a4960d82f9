"""`python -m casevault.bench --gui --quick` as a smoke test: it runs (with a real gnome-keyring on a private
bus where one is installed), prints every table with figures, names nobody, and cleans up. No
timing is asserted: speed is for reading, not for failing a build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from casevault.bench.db import SURNAME_QUERY, SURNAMES
from tests.support.keychain import missing_tools

pytestmark = pytest.mark.keychain

FIGURE = r"\d[\d,]*(?:\.\d+)?"
TIME = rf"{FIGURE} (?:s|ms|µs)"
SECTIONS = (
    "python -m casevault.bench --gui (QUICK smoke run)",
    "Generated vaults (fictional)",
    "Start to the first painted window",
    "Where the start-up time goes",
    "Case list in the real MainWindow, 300 vs 3k cases",
)
# label -> what follows it on its row
START_ROWS = {
    "Qt floor: import PySide6, QApplication, empty QMainWindow": rf"{TIME} .* 1\.00x +{TIME}$",
    "casevault, {how}, empty vault": rf"{TIME} .* {FIGURE}x +{TIME}$",
    "casevault, {how}, 300 cases": rf"{TIME} .* {FIGURE}x +{TIME}$",
    "imports: casevault.cli, casevault.gui.app, PySide6": rf"{TIME} +{TIME} +{TIME}$",
    "open by keychain (keyring, D-Bus, Vault.open)": rf"- +{TIME} +{TIME}$",
    "layout and first paint": rf"{TIME} +{TIME} +{TIME}$",
    "bare PySide6 QTableView of 300 in-memory rows": rf"{TIME} .* {FIGURE}x +{TIME}$",
    "baseline: the bare table + the unlock ({how})": rf"{TIME} +{FIGURE}x$",
    "first reminders check shown, after the paint": rf"- +{TIME} +{TIME}$",
}
LIST_ROWS = (
    "page step from the top, all",
    "page step that fetched a block",
    "page step at a random depth in the loaded rows",
    "sort by member, A-Z",
    "sort by next date due, soonest first",
    "sort by last updated (the default)",
    "page step that fetched a block, sorted by member",
    "search: a surname",
    "search: a rare word ('tachograph')",
    "search: 2 letters while typing ('gr', whole words)",
    "search: 3-letter prefix while typing ('gra')",
    "clear the search (back to the list)",
)


def _row(out: str, label: str, figures: str) -> re.Match[str]:
    found = re.search(rf"^ +{re.escape(label)} +{figures}", out, re.MULTILINE)
    assert found, f"no row {label!r} with figures"
    return found


def test_quick_gui_bench(tmp_path: Path, cli_env: dict[str, str]) -> None:
    scratch = tmp_path / "s"  # short: gnome-keyring's socket path has to fit in 108 bytes
    scratch.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "casevault.bench", "--gui", "--quick", "--dir", str(scratch)],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for title in SECTIONS:
        assert title in out, f"missing section {title!r}"

    if missing_tools() is None:
        how = "by keychain"
        assert "gnome-keyring on a private D-Bus bus, via keyring.backends.SecretService.Keyring" in out
    else:
        how = "raw path (no keychain daemon)"
        assert "No Secret Service for this run" in out
    for label, figures in START_ROWS.items():
        _row(out, label.format(how=how), figures)
    median = _row(out, f"casevault, {how}, 300 cases", rf"({FIGURE}) (s|ms)")
    assert float(median[1]) > 0
    for label in LIST_ROWS:
        # 300 cases, 3k cases, 3k min .. max (or "(1 run)": how many steps fetch depends on the
        # window's height), the ratio, frames
        _row(out, label, rf"{TIME} +{TIME} +(?:{TIME} \.\. {TIME}|\(1 run\)) +{FIGURE}x +{FIGURE}$")
    _row(out, "Ctrl+End, one press (fetches the next block)", rf"{TIME} +{TIME} +\(1 run\) +{FIGURE}x")
    assert re.search(r"Ctrl\+End held, 3k cases: \d+ presses loaded all rows", out)
    assert "Target:" in out
    assert "the scratch folder was removed" in out

    # Nothing of the run is left: no vaults, no keyring file, no sockets.
    assert list(scratch.iterdir()) == []
    # Only fictional data is used, and still no name of a member is printed.
    everything = out + done.stderr
    assert SURNAME_QUERY not in everything
    named = [name for name in SURNAMES if re.search(rf"\b{re.escape(name)}\b", everything)]
    assert named == []
