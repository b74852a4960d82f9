"""Attack: a case worked from the command line alone, and hostile text at every record (issue 13,
items 4, 9 and 10), through the CLI only.

1. Records: init, case new, action add/done, people add, meeting set, consent add, and
   `case show` (text and --json) must show them all.
2. Consent: export and handover are refused without the member's consent, with exit 1 and a
   sentence naming the consent and the command that records it; after `consent add --scope
   reps` the export is written and the handover reaches another vault.
3. Hostile text: terminal escapes (ESC[2J, an OSC title, C1 CSI), a bidi override, DEL, CR and
   zero-width characters typed into every record, and in an attached file's name. Each must be
   refused in one sentence (exit 2) or stored so that no output of the CLI holds it raw.

Prints figures; exits 1 if anything was not handled.

    .venv/bin/python scripts/attacks/cli_records.py
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
PASSPHRASE = "an attack on records 4217"
ZIP_PASSWORD = "a long zip password for the attack 4217"
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
OWN = {"\t", "\n"}
TALLY: dict[str, list[int]] = {}  # command: [stored, refused]  # the CLI's own column separator and line ends


def raw_controls(text: str) -> list[str]:
    return [ch for ch in text if ch not in OWN and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")]


class Run:
    def __init__(self, base: Path) -> None:
        self.env = {
            **os.environ,
            "CASEVAULT_PASSPHRASE": PASSPHRASE,
            "ZIP_PW": ZIP_PASSWORD,
            "HOME": str(base),
            "TMPDIR": str(base),
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={base}/no-bus",
            "LANG": "C.UTF-8",
        }
        self.codes: dict[int, int] = {}
        self.tried = self.handled = 0
        self.failures: list[str] = []

    def cv(self, vault: Path, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [CASEVAULT, "--vault", str(vault), *args],
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
    )


def records(r: Run, vault: Path, other: Path, base: Path) -> None:
    ref = r.cv(vault, "case", "new", "--member", "Ann Example", "--type", "grievance").stdout.strip()
    action = r.cv(
        vault, "action", "add", ref, "--text", "Write to HR", "--owner", "rep", "--due", "2026-12-20"
    )
    r.check("action add", action.returncode == 0, action.stderr)
    done = r.cv(vault, "action", "done", action.stdout.strip())
    r.check("action done", done.returncode == 0, done.stderr)
    person = r.cv(vault, "people", "add", ref, "--name", "Pat Manager", "--role", "manager")
    r.check(
        "people add (conflict check)",
        person.returncode == 0 and "no conflict" in person.stderr,
        person.stderr,
    )
    meeting = r.cv(
        vault, "meeting", "set", ref, "--issue", "unpaid overtime", "--narrative", "Worked late.",
        "--dismissal-threatened", "yes",
    )  # fmt: skip
    r.check(
        "meeting set", meeting.returncode == 0 and "Consider escalating" in meeting.stderr, meeting.stderr
    )

    letter = base / "letter.txt"
    letter.write_bytes(b"dismissal letter\n")
    r.check("attach", r.cv(vault, "attach", ref, str(letter)).returncode == 0)
    zipped, bundle = base / "case.zip", base / "case.age"
    key = r.cv(other, "identity").stdout.strip()
    hint = f"casevault consent add {ref} --scope reps."
    for name, args in (
        ("export", ("export", ref, "--to", "Alex", "--out", str(zipped), "--password-env", "ZIP_PW")),
        ("handover", ("handover", ref, "--to", key, "--out", str(bundle))),
    ):
        refused = r.cv(vault, *args)
        r.check(
            f"{name} refused without consent: exit 1, the consent and the command named",
            one_sentence(refused, 1)
            and refused.stderr.strip().endswith(hint)
            and "other reps" in refused.stderr,
            f"exit {refused.returncode}: {refused.stderr}",
        )
    consent = r.cv(vault, "consent", "add", ref, "--scope", "reps", "--note", "agreed by phone")
    r.check("consent add", consent.returncode == 0, consent.stderr)
    export = r.cv(vault, "export", ref, "--to", "Alex", "--out", str(zipped), "--password-env", "ZIP_PW")
    r.check("export after consent add", export.returncode == 0 and zipped.is_file(), export.stderr)
    handover = r.cv(vault, "handover", ref, "--to", key, "--out", str(bundle))
    r.check("handover after consent add", handover.returncode == 0 and bundle.is_file(), handover.stderr)
    received = r.cv(other, "receive", str(bundle))
    new_ref = received.stdout.strip()
    got = r.cv(other, "case", "show", new_ref, "--json")
    r.check(
        "the colleague's vault has the case",
        got.returncode == 0 and json.loads(got.stdout or "{}").get("member", {}).get("name") == "Ann Example",
        received.stderr + got.stderr,
    )

    text = r.cv(vault, "case", "show", ref).stdout
    data = json.loads(r.cv(vault, "case", "show", ref, "--json").stdout)
    r.check(
        "case show --json has consents, people, first meeting, action points",
        [c["scope"] for c in data.get("consents", [])] == ["share-reps"]
        and [p["name"] for p in data.get("people", [])] == ["Pat Manager"]
        and data["first_meeting"]["issues"] == ["unpaid overtime"]
        and [a["what"] for a in data["action_points"]] == ["Write to HR"]
        and data["action_points"][0]["done"] is not None,
        json.dumps(data)[:400],
    )
    r.check(
        "case show (text) has them all",
        all(
            s in text
            for s in ("share-reps", "agreed by phone", "Pat Manager", "issue: unpaid overtime", "Write to HR")
        ),
        text,
    )


def hostile(r: Run, vault: Path, base: Path) -> tuple[int, int, int]:
    """(refused, stored and shown escaped, leaked) over every hostile attempt."""
    refused = stored = 0
    ref = r.cv(vault, "case", "new", "--member", "Hostile Target").stdout.strip()
    refs = [ref]
    files = base / "files"
    files.mkdir()
    for label, bad in HOSTILE.items():
        text = f"x{bad}y"
        attempts: list[tuple[str, ...]] = [
            ("case", "new", "--member", text),
            ("case", "new", "--member", "Ok Name", "--type", text),
            ("note", "add", ref, "--text", text),
            ("consent", "add", ref, "--scope", "keep-data", "--note", text),
            ("action", "add", ref, "--text", text, "--owner", text),
            ("people", "add", ref, "--name", text, "--role", "witness"),
            ("meeting", "set", ref, "--narrative", text, "--issue", text, "--decision", text),
        ]
        path = files / f"letter{bad}.txt"
        try:
            path.write_bytes(b"attack")
            attempts.append(("attach", ref, str(path)))
        except (OSError, ValueError):
            pass  # a name the file system refuses
        for args in attempts:
            done = r.cv(vault, *args)
            what = f"{label} via {args[0]} {args[1] if args[0] != 'attach' else 'file name'}"
            where = " ".join(args[:2]) if args[0] != "attach" else "attach"
            if args[:2] == ("case", "new"):
                where += " --type" if "--type" in args else " --member"
            outcome = TALLY.setdefault(where, [0, 0])
            outcome[done.returncode != 0] += 1
            if done.returncode == 0:
                stored += 1
                if args[:2] == ("case", "new"):
                    refs.append(done.stdout.strip())
                r.check(f"{what}: its own output", not raw_controls(done.stdout + done.stderr), done.stdout)
            else:
                ok = one_sentence(done, 2)
                refused += ok
                r.check(
                    f"{what}: refused in one sentence (exit 2)", ok, f"exit {done.returncode}: {done.stderr}"
                )
    # Everything stored, read back through every command that shows it.
    reads: list[tuple[str, ...]] = [("case", "list"), ("case", "list", "--json"), ("search", "x")]
    for shown_ref in refs:
        reads += [("case", "show", shown_ref), ("case", "show", shown_ref, "--json")]
    reads += [
        (group, "list", ref, *json_flag)
        for group in ("consent", "people", "action")
        for json_flag in ((), ("--json",))
    ]
    reads += [("meeting", "show", ref), ("meeting", "show", ref, "--json")]
    leaks = 0
    for args in reads:
        done = r.cv(vault, *args)
        clean = done.returncode == 0 and not raw_controls(done.stdout + done.stderr)
        leaks += not clean
        r.check(f"`{' '.join(args[:2])}` shows stored text escaped", clean, repr(done.stdout)[-400:])
        if args[-1] == "--json" and done.returncode == 0:
            r.check(f"`{' '.join(args[:2])} --json` is valid JSON", _is_json(done.stdout), done.stdout[-200:])
    text = r.cv(vault, "case", "show", ref).stdout
    r.check(
        "a stored ESC[2J shows as \\x1b[2J",
        "x\\x1b[2Jy" in text or "x\u241b[2Jy" in text,  # escaped by the CLI, or made visible when stored
        text[-400:],
    )
    escaped = stored if leaks == 0 else 0
    return refused, escaped, stored - escaped


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cv-attack-") as tmp:
        base = Path(tmp)
        r = Run(base)
        vault, other = base / "vault", base / "colleague"
        for v in (vault, other):
            if r.cv(v, "init", "--no-keyring").returncode != 0:
                print("FAIL: init")
                return 1
        records(r, vault, other, base)
        record_checks, record_handled = r.tried, r.handled
        refused, escaped, leaked = hostile(r, vault, base)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(f"records and consent: {record_checks} checks tried, {record_handled} handled")
        print(
            f"hostile text: {refused + escaped + leaked} attempts over {len(HOSTILE)} kinds of character: "
            f"{refused} refused in one sentence, {escaped} stored and shown escaped, {leaked} leaked"
        )
        for where, (kept, turned_away) in TALLY.items():
            print(f"  {where}: {kept} stored, {turned_away} refused")
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
