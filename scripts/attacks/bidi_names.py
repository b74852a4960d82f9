"""Attack: names that disguise themselves (issue 13, item 5), through the CLI only.

Attaches files whose names carry a right-to-left override, bidi isolates, direction marks,
zero-width characters and C1 controls, and opens cases for members named with them; then reads
the names back with `case show --json` and counts how many came back without any of those
characters. Prints figures; exits 1 if any name kept one.

    .venv/bin/python scripts/attacks/bidi_names.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASEVAULT = os.environ.get("CASEVAULT", str(ROOT / ".venv" / "bin" / "casevault"))
PASSPHRASE = "an attack on names 4217"
HIDDEN = (
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + ["\x7f"]
)


def disguised(name: str) -> bool:
    return any(ch in HIDDEN or unicodedata.category(ch) == "Cc" for ch in name)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cv-attack-") as tmp:
        base = Path(tmp)
        env = {**os.environ, "CASEVAULT_PASSPHRASE": PASSPHRASE, "HOME": str(base), "TMPDIR": str(base)}
        vault = base / "vault"

        def cv(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [CASEVAULT, "--vault", str(vault), *args],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )

        assert cv("init", "--no-keyring").returncode == 0
        ref = cv("case", "new", "--member", "Ada Example").stdout.strip()
        files = base / "in"
        files.mkdir()
        names = ["invoice\u202efdp.exe"] + [f"le{ch}tter-{ord(ch):04x}.pdf" for ch in HIDDEN]
        tried = handled = 0
        codes: dict[int, int] = {}
        for name in names:
            path = files / name
            try:
                path.write_bytes(b"attack")
            except (OSError, ValueError):
                continue  # a name the file system itself refuses
            tried += 1
            result = cv("attach", ref, str(path))
            codes[result.returncode] = codes.get(result.returncode, 0) + 1
        shown = json.loads(cv("case", "show", ref, "--json").stdout)
        stored = [d["name"] for d in shown["attachments"]]
        handled += sum(not disguised(n) for n in stored)
        rtl = [n for n in stored if n.startswith("invoice")]

        members_tried = members_handled = 0
        for ch in HIDDEN:
            members_tried += 1
            result = cv("case", "new", "--member", f"Ann{ch} Lee")
            if result.returncode == 0:
                member = json.loads(cv("case", "show", result.stdout.strip(), "--json").stdout)["member"]
                members_handled += not disguised(member["name"])
            else:
                members_handled += result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1

        print(f"file names: {tried} tried, {len(stored)} stored, {handled} stored without a hidden character")
        print(f"  {names[0]!a} is stored as {rtl[0]!a}" if rtl else "  the override name is missing")
        print(f"  attach exit codes: {codes}")
        print(f"member names: {members_tried} tried, {members_handled} cleaned or refused in one sentence")
        ok = handled == tried == len(stored) and members_handled == members_tried
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
