"""Starting the app: the CLI wiring, and `casevault --demo` showing a populated window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from casevault import cli
from casevault.core.paths import VaultPaths
from casevault.gui import app as gui_app
from tests.conftest import CASEVAULT


def test_no_command_opens_the_gui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[tuple[VaultPaths | None, bool]] = []
    monkeypatch.setattr(gui_app, "run", lambda paths, demo, open_file: calls.append((paths, demo)) or 0)
    assert cli.main(["--vault", str(tmp_path / "v")]) == 0
    assert cli.main(["--demo"]) == 0
    assert calls == [(VaultPaths(tmp_path / "v"), False), (None, True)]


def test_demo_with_a_command_runs_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(gui_app, "run", lambda paths, demo, open_file: pytest.fail("the GUI was opened"))
    assert cli.main(["--demo", "case", "list"]) == 0
    assert "Aoife Brennan-Okafor" in capsys.readouterr().out


def test_other_commands_never_import_qt(private_environment: Path) -> None:
    code = (
        "import sys; from casevault import cli\n"
        "cli.main(['--demo', 'case', 'list'])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("NO-QT")


# In a child process: run() owns the application's event loop (exec and quit), which would leave
# the test process's loop unfit for the GUI tests that come after it.
DEMO_CHILD = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView
from casevault.gui import app as gui_app

qapp = QApplication([])
seen = {}

def look_then_quit():
    windows = [w for w in qapp.topLevelWidgets() if w.isVisible() and w.accessibleName() == "casevault"]
    tables = [t for w in windows for t in w.findChildren(QTableView) if t.accessibleName() == "Case list"]
    if not tables:  # the list's page is built once Today, the first screen, has painted
        QTimer.singleShot(50, look_then_quit)
        return
    seen.update(windows=len(windows), tables=len(tables), rows=tables[0].model().rowCount(),
                title=windows[0].windowTitle())
    QApplication.quit()

QTimer.singleShot(200, look_then_quit)
print("exit", gui_app.run(None, demo=True), sorted(seen.items()))
"""


def test_run_demo_shows_populated_window_and_destroys_vault(private_environment: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", DEMO_CHILD], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    # The demo's four cases, one of them closed: the list shows the three open ones.
    expected = [("rows", 3), ("tables", 1), ("title", "casevault"), ("windows", 1)]
    assert done.stdout.strip().splitlines()[-1] == f"exit 0 {expected}"
    assert not list((private_environment / "tmp").glob("casevault-demo-*"))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_terminate_signal_quits_cleanly_and_destroys_the_demo_vault(
    private_environment: Path, sig: int
) -> None:
    """Logout, `kill` or Ctrl-C close the app as the window's close button would: exit 0, and the
    demo vault (a temp folder) is gone."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [*CASEVAULT, "--debug", "--demo"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            assert proc.stderr is not None
            seen = []
            for line in proc.stderr:  # the event loop is running once it logs gui.running
                seen.append(line)
                if "gui.running" in line:
                    break
            assert any("gui.running" in line for line in seen), "".join(seen)
            assert list((private_environment / "tmp").glob("casevault-demo-*"))  # the demo vault exists
            proc.send_signal(sig)
            proc.communicate(timeout=60)
            assert proc.returncode == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert not list((private_environment / "tmp").glob("casevault-demo-*"))
