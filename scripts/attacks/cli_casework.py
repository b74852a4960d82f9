"""Attack: escalations, the originals register and hearings worked from the command line alone,
with hostile and malformed input at every field (issue 13, items 4 and 10), through the CLI only.

1. Records: escalation add/list, originals add/returned/list, dates add/list/remove, and
   `case show` (text and --json) must show them all.
2. Hostile text: terminal escapes (ESC[2J, an OSC title, C1 CSI), a bidi override, DEL, CR and
   zero-width characters typed into every text field. Each must be refused in one sentence
   (exit 2) or stored so that no output of the CLI holds it raw.
3. Bad input: impossible dates, unknown kinds and ids, a return before receipt, a second
   return: one sentence each, with the contract's exit code, and never a traceback.

Prints figures; exits 1 if anything was not handled.

    .venv/bin/python scripts/attacks/cli_casework.py
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASEVAULT = os.environ.get("CASEVAULT", str(ROOT / ".venv" / "bin" / "casevault"))
PASSPHRASE = "an attack on casework 5309"
HOSTILE = {
    "ESC[2J": "\x1b[2J",
    "OSC title": "\x1b]0;pwned\x07",
    "C1 CSI": "\x9b31m",
    "RLO": "\u202e",
    "DEL": "\x7f",
    "CR": "\r",
    "ZWSP": "\u200b",
    "LSEP": "\u2028",
}
OWN = {"\t", "\n"}  # the CLI's own column separator and line ends


def raw_controls(text: str) -> list[str]:
    return [ch for ch in text if ch not in OWN and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")]


class Run:
    def __init__(self, base: Path, vault: Path) -> None:
        self.vault = vault
        self.env = {
            **os.environ,
            "CASEVAULT_PASSPHRASE": PASSPHRASE,
            "HOME": str(base),
            "TMPDIR": str(base),
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={base}/no-bus",
            "LANG": "C.UTF-8",
        }
        self.codes: dict[int, int] = {}
        self.tried = self.handled = 0
        self.failures: list[str] = []

    def cv(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [CASEVAULT, "--vault", str(self.vault), *args],
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
            timeout=300,
        )
        self.codes[done.returncode] = self.codes.get(done.returncode, 0) + 1
        return done

    def check(self, what: str, ok: bool, detail: str = "") -> bool:
        self.tried += 1
        self.handled += ok
        if not ok:
            self.failures.append(f"{what}: {detail[-400:]}")
        return ok


def one_sentence(done: subprocess.CompletedProcess[str], code: int) -> bool:
    err = done.stderr.strip()
    return (
        done.returncode == code
        and err.startswith("casevault: ")
        and "\n" not in err
        and "Traceback" not in err
        and not raw_controls(err)
        and err.endswith((".", ".)"))
    )


def records(r: Run, ref: str) -> None:
    esc = r.cv(
        "escalation",
        "add",
        ref,
        "--to",
        "Regional officer",
        "--how",
        "phone",
        "--regional-office-told",
        "yes",
    )
    r.check("escalation add prints an id", esc.returncode == 0 and len(esc.stdout.strip()) == 32, esc.stderr)
    orig = r.cv(
        "originals", "add", ref, "--description", "Payslips", "--received", "2026-01-05", "--kept-at", "Safe"
    )
    r.check(
        "originals add prints an id", orig.returncode == 0 and len(orig.stdout.strip()) == 32, orig.stderr
    )
    back = r.cv("originals", "returned", orig.stdout.strip(), "--how", "By hand")
    r.check("originals returned", back.returncode == 0, back.stderr)
    date = r.cv("dates", "add", ref, "--kind", "hearing", "--at", "2026-12-20T10:00", "--note", "Room 4")
    r.check("dates add prints an id", date.returncode == 0 and len(date.stdout.strip()) == 32, date.stderr)
    gone = r.cv("dates", "add", ref, "--kind", "meeting", "--at", "2026-12-21T10:00").stdout.strip()
    r.check("dates remove", r.cv("dates", "remove", gone).returncode == 0)
    shown = r.cv("case", "show", ref, "--json")
    data = json.loads(shown.stdout or "{}")
    r.check(
        "case show --json has every record",
        [e["escalated_to"] for e in data.get("escalations", [])] == ["Regional officer"]
        and [o["returned_how"] for o in data.get("originals", [])] == ["By hand"]
        and [d["note"] for d in data.get("case_dates", [])] == ["Room 4"],
        shown.stdout[-400:],
    )
    text = r.cv("case", "show", ref).stdout
    r.check(
        "case show has every record",
        all(f"  {kind} " in text for kind in ("escalation", "original", "date")) and "Room 4" in text,
        text[-400:],
    )


def hostile(r: Run, ref: str) -> tuple[int, int, int]:
    """Returns (refused, stored and shown escaped, leaked)."""
    refused = stored = 0
    for name, chars in HOSTILE.items():
        text = f"x{chars}y"
        original = r.cv("originals", "add", ref, "--description", "Contract").stdout.strip()
        for field, args in (
            ("escalation --to", ("escalation", "add", ref, "--to", text, "--how", "email")),
            ("originals --description", ("originals", "add", ref, "--description", text)),
            ("originals --kept-at", ("originals", "add", ref, "--description", "Letter", "--kept-at", text)),
            ("originals returned --how", ("originals", "returned", original, "--how", text)),
            (
                "dates --note",
                ("dates", "add", ref, "--kind", "meeting", "--at", "2026-12-22T09:00", "--note", text),
            ),
        ):
            done = r.cv(*args)
            if done.returncode == 0:
                stored += 1
                r.check(
                    f"{name} in {field}: stored, no raw output", not raw_controls(done.stdout + done.stderr)
                )
            else:
                refused += 1
                r.check(f"{name} in {field}: refused in one sentence", one_sentence(done, 2), done.stderr)
    leaks = 0
    for args in (
        ("case", "show", ref),
        ("case", "show", ref, "--json"),
        ("escalation", "list", ref),
        ("escalation", "list", ref, "--json"),
        ("originals", "list", ref),
        ("originals", "list", ref, "--json"),
        ("dates", "list", ref),
        ("dates", "list", ref, "--json"),
    ):
        done = r.cv(*args)
        clean = done.returncode == 0 and not raw_controls(done.stdout + done.stderr)
        leaks += not clean
        r.check(f"`{' '.join(args)}` holds nothing raw", clean, repr(done.stdout)[-400:])
        if args[-1] == "--json" and clean:
            r.check(f"`{' '.join(args)}` is valid JSON", _is_json(done.stdout), done.stdout[-200:])
    escaped = stored if leaks == 0 else 0
    return refused, escaped, stored - escaped


def bad_input(r: Run, ref: str) -> int:
    original = r.cv(
        "originals", "add", ref, "--description", "Deed", "--received", "2026-02-01"
    ).stdout.strip()
    attempts = (
        (2, ("escalation", "add", ref, "--to", "X", "--how", "telepathy")),
        (2, ("escalation", "add", ref, "--to", "X", "--how", "phone", "--date", "2999-01-01")),
        (2, ("escalation", "add", ref, "--to", "X", "--how", "phone", "--date", "31/12/2026")),
        (2, ("escalation", "add", ref, "--to", "", "--how", "phone")),
        (2, ("escalation", "add", ref, "--to", "X" * 5000, "--how", "phone")),
        (1, ("escalation", "add", "CV-1999-0001", "--to", "X", "--how", "phone")),
        (2, ("escalation", "list")),
        (2, ("originals", "add", ref, "--description", "")),
        (2, ("originals", "add", ref, "--description", "D", "--received", "2026-13-45")),
        (2, ("originals", "returned", original, "--how", "post", "--date", "2026-01-01")),
        (2, ("originals", "returned", original)),
        (1, ("originals", "returned", "f" * 32, "--how", "post")),
        (1, ("originals", "returned", "../../etc/passwd", "--how", "post")),
        (2, ("dates", "add", ref, "--kind", "trial", "--at", "2026-12-20T10:00")),
        (2, ("dates", "add", ref, "--kind", "hearing", "--at", "tomorrow")),
        (2, ("dates", "add", ref, "--kind", "hearing", "--at", "2026-12-20T10:00", "--note", "n" * 600)),
        (1, ("dates", "remove", "0" * 32)),
        (1, ("dates", "list", "CV-1999-0001")),
    )
    for code, args in attempts:
        done = r.cv(*args)
        r.check(
            f"`{' '.join(a[:40] for a in args)}`: exit {code}, one sentence",
            one_sentence(done, code),
            done.stderr,
        )
    twice = r.cv("originals", "returned", original, "--how", "post")
    again = r.cv("originals", "returned", original, "--how", "post")
    r.check("a second return is refused", twice.returncode == 0 and one_sentence(again, 2), again.stderr)
    return len(attempts) + 1


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cv-attack-") as tmp:
        base = Path(tmp)
        r = Run(base, base / "vault")
        if r.cv("init", "--no-keyring").returncode != 0:
            print("FAIL: init")
            return 1
        ref = r.cv("case", "new", "--member", "Ann Example").stdout.strip()
        records(r, ref)
        record_checks, record_handled = r.tried, r.handled
        refused, escaped, leaked = hostile(r, ref)
        failed_before = len(r.failures)
        bad = bad_input(r, ref)
        bad_handled = bad - (len(r.failures) - failed_before)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(f"records: {record_checks} checks tried, {record_handled} handled")
        print(
            f"hostile text: {refused + escaped + leaked} attempts ({len(HOSTILE)} kinds of character x 5 "
            f"fields): {refused} refused in one sentence, {escaped} stored and shown escaped, {leaked} leaked"
        )
        print(f"bad input: {bad} tried, {bad_handled} refused in one sentence with the right exit code")
        print(f"all checks: {r.tried} tried, {r.handled} handled")
        print(f"exit codes of every command run: {dict(sorted(r.codes.items()))}")
        print(f"peak memory of one casevault process: {peak} MiB")
        for failure in r.failures:
            print(f"  not handled: {failure}")
        ok = r.handled == r.tried and leaked == 0
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
