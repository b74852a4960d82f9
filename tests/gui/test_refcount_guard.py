"""The guard against PySide6 6.12.0's lost references to None on Python 3.11 (refcount_guard.py).

Each run is a fresh process, because without the guard the bug aborts the interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from casevault.gui import refcount_guard

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QWidget
    from casevault.gui import refcount_guard

    app = QApplication(sys.argv[:1])
    widget = QWidget()
    widget.show()
    before = sys.getrefcount(None)
    for _ in range(1000):
        widget.update()
    leaked = before - sys.getrefcount(None)
    print("leaked", leaked, flush=True)
    if leaked > 0:
        # Enough calls to use up every reference None had, as a long session would.
        for call in range(before + 50_000):
            if sys.argv[1] == "guarded" and call % 100_000 == 0:
                refcount_guard.top_up()  # what the app's one-second timer does
            widget.update()
    print("survived", flush=True)
    """
)


def run(mode: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, mode],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_guard_keeps_a_long_session_alive() -> None:
    guarded = run("guarded")
    assert guarded.returncode == 0, guarded.stderr[-2000:]
    assert "survived" in guarded.stdout


def test_without_the_guard_the_bug_is_fatal_wherever_it_leaks() -> None:
    """Shows the crash the guard prevents, and that the guard's version range matches the
    installed PySide6: where it says it is needed, the bare run leaks and aborts; where it says
    it is not, nothing leaks or None is immortal."""
    bare = run("bare")
    leaked = int(bare.stdout.split()[1])
    mortal_none = sys.version_info < (3, 12)
    if refcount_guard.NEEDED:
        assert leaked > 0, "the guard is on for a PySide6 that does not leak: narrow AFFECTED_PYSIDE"
    if leaked > 0 and mortal_none:
        assert refcount_guard.NEEDED, "this PySide6 leaks but the guard is off: widen AFFECTED_PYSIDE"
        assert bare.returncode != 0
        assert "dealloc" in bare.stderr
        assert "survived" not in bare.stdout
    else:
        assert bare.returncode == 0, bare.stderr[-2000:]


def test_the_guard_is_needed_only_for_an_affected_pyside_on_a_mortal_python() -> None:
    assert refcount_guard.needed((3, 11, 7), (6, 12, 0))
    assert refcount_guard.needed((3, 11, 0), (6, 12, 3))
    assert not refcount_guard.needed((3, 12, 1), (6, 12, 0))  # immortal None from 3.12
    assert not refcount_guard.needed((3, 11, 7), (6, 11, 2))  # before the bug
    assert not refcount_guard.needed((3, 11, 7), (6, 13, 0))  # past the affected range
