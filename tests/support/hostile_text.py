"""Text that would take over a terminal if printed raw, and a check for raw control characters
in output (first written for tests/cli/test_output.py)."""

from __future__ import annotations

import unicodedata

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
RLO = "\u202e"
CSI = "\x9b31m"
HOSTILE = f"Ann{CLEAR}{TITLE}{RLO}fdp.exe{CSI}\x7f\r\u200b\u2028 findme"
# Our own column separator and line ends are the only controls the output may hold.
OWN = {"\t", "\n"}


def raw_controls(text: str) -> list[str]:
    return [ch for ch in text if ch not in OWN and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")]
