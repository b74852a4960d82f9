"""Issue 13, item 9: without a display the desktop app says so in one sentence and exits 1,
instead of Qt's plugin abort (exit 134)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from casevault.gui.display import NO_DISPLAY, has_display
from tests.conftest import CASEVAULT

DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def test_no_display_is_one_sentence_and_exit_1(cli_env: dict[str, str], tmp_path: Path) -> None:
    env = {k: v for k, v in cli_env.items() if k not in DISPLAY_VARS}
    result = subprocess.run(
        [*CASEVAULT, "--vault", str(tmp_path / "vault")],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.decode().strip() == f"casevault: {NO_DISPLAY}"
    assert b"xcb" not in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "vault").exists()  # nothing was started


def test_the_command_line_needs_no_display(cli_env: dict[str, str]) -> None:
    env = {k: v for k, v in cli_env.items() if k not in DISPLAY_VARS}
    result = subprocess.run([*CASEVAULT, "--help"], env=env, capture_output=True, timeout=60, check=False)
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ""}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "freebsd14", False),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_what_counts_as_a_display(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert has_display(environ, platform) is expected
