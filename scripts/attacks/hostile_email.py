#!/usr/bin/env python3
"""Attack: hostile .eml files (issue 13, item 3), from outside the code, under a memory limit.

Two doors take an .eml in:
- `casevault attach REF x.eml` (the CLI) stores the file as a document; it does not read the
  message, so it is attacked to show it stays flat.
- The paper-trail import (`Vault.import_email`, which the GUI's Documents panel uses through the
  same `EmailFile.read` -> `email_import.parse_email`) reads the headers. The CLI has no command
  for it, so it is driven in a child Python process against a vault made by the CLI.

Each attack runs in its own child process under an address-space limit (RLIMIT_AS, set in
preexec_fn): the smallest limit, in 32 MiB steps, at which a benign message goes through, plus
256 MiB. An attack is handled when the child exits 0 within 60 s, the message is stored whole,
and (for the import) the entry says which field was cut short. For scale, the standard
library's own parser (`email.message_from_bytes(policy=default)`, then reading the Subject) is
run on the same inputs under the same limit; it is not casevault and is not counted.

Run: .venv/bin/python scripts/attacks/hostile_email.py      (exit 1 if any attack was not handled)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = ROOT / ".venv" / "bin"
CASEVAULT = str(BIN / "casevault")
PYTHON = str(BIN / "python")
PASSPHRASE = "correct horse battery staple hostile email"
MiB = 1 << 20
HEADROOM = 256 * MiB
TIMEOUT = 60

IMPORT_CHILD = """
import json, sys, time, tracemalloc
from pathlib import Path
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
vault_dir, ref, eml = sys.argv[1:4]
with Vault.open(VaultPaths.resolve(vault_dir), keychain=None, ask_passphrase=lambda _r: sys.argv[4]) as vault:
    tracemalloc.start()
    started = time.monotonic()
    attachment_id, event_id = vault.import_email(ref, Path(eml))
    seconds = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    whole = vault.read_attachment(attachment_id) == Path(eml).read_bytes()
    event = next(e for e in vault.case(ref).events if e.id == event_id)
    print(json.dumps({"whole": whole, "entry": event.body.splitlines(), "peak": peak, "seconds": seconds}))
"""

STDLIB_CHILD = """
import email, email.policy, sys
message = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
print(len(str(message["Subject"] or "")), len(str(message["From"] or "")))
"""


def encoded_words(count: int) -> bytes:
    return b"Subject: " + b" ".join([b"=?utf-8?q?a?="] * count) + b"\r\n\r\nbody\r\n"


ATTACKS: dict[str, tuple[Callable[[], bytes], str]] = {
    # name: (message, the sentence the paper-trail entry must carry)
    "subject, 1,000 encoded words": (lambda: encoded_words(1_000), "The subject was too long"),
    "subject, 4,000 encoded words": (lambda: encoded_words(4_000), "The subject was too long"),
    "subject, 16,000 encoded words": (lambda: encoded_words(16_000), "The subject was too long"),
    "subject, 100,000 encoded words": (lambda: encoded_words(100_000), "The subject was too long"),
    "from, 100,000 nested comments": (
        lambda: b"From: " + b"(" * 100_000 + b")" * 100_000 + b" hr@employer.example\r\n\r\nbody\r\n",
        "The sender was too long",
    ),
    "from, 100,000 addresses": (
        lambda: b"From: " + b", ".join(b"u%d@example.org" % i for i in range(100_000)) + b"\r\n\r\nbody\r\n",
        "The sender was too long",
    ),
    "from, 100,000 groups": (
        lambda: b"From: " + b" ".join(b"g%d: a@b.example;" % i for i in range(100_000)) + b"\r\n\r\nbody\r\n",
        "The sender was too long",
    ),
    "no blank line, 32 MiB of header": (
        lambda: b"Subject: hi\r\nX-Junk: " + b"j" * (32 * MiB),
        "The message's headers were too long",
    ),
}
STDLIB_SIZES = (
    "subject, 4,000 encoded words",
    "subject, 16,000 encoded words",
    "subject, 100,000 encoded words",
)
BENIGN = (
    b"From: HR <hr@employer.example>\r\nSubject: Hearing\r\n"
    b"Date: Wed, 11 Mar 2026 10:00:00 +0000\r\n\r\nHi\r\n"
)


class Run:
    def __init__(self, code: int, seconds: float, rss: int, out: str, err: str) -> None:
        self.code, self.seconds, self.rss, self.out, self.err = code, seconds, rss, out, err


def run(argv: list[str], env: dict[str, str], limit: int | None = None) -> Run:
    """`argv` under an address-space limit; its exit code, time, peak RSS (from wait4) and output.
    A run still going after TIMEOUT seconds is killed."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(argv, env=env, stdout=out, stderr=err, preexec_fn=limited)  # noqa: PLW1509
        # Polled rather than timed by a thread: preexec_fn is only safe with no other threads,
        # and this script starts none.
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > TIMEOUT:
                child.kill()
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        return Run(
            child.returncode,
            seconds,
            usage.ru_maxrss * 1024,  # KiB on Linux
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


def smallest_limit(argv: list[str], env: dict[str, str]) -> int:
    """The smallest address-space limit (in 32 MiB steps, by bisection) at which `argv` succeeds."""
    low, high = 1, 128  # in steps: 32 MiB fails for any Python, 4 GiB is plenty
    if run(argv, env, high * 32 * MiB).code != 0:
        raise SystemExit("a benign run failed even with 4 GiB of address space")
    while high - low > 1:
        middle = (low + high) // 2
        if run(argv, env, middle * 32 * MiB).code == 0:
            high = middle
        else:
            low = middle
    return high * 32 * MiB


def row(door: str, name: str, size: str, done: Run, text: str) -> None:
    figures = f"{done.code:>4} {done.rss / MiB:>6.0f}MiB {done.seconds:>6.2f}s"
    print(f"{door:8} {name:34} {size:>9} {figures}  {text}")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="hostile-email-") as tmp:
        os.chmod(tmp, 0o700)
        home = Path(tmp)
        vault_dir = home / "vault"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "CASEVAULT_PASSPHRASE": PASSPHRASE,
            "LANG": "C.UTF-8",
        }
        cli = [CASEVAULT, "--vault", str(vault_dir)]
        made = run([*cli, "init", "--no-keyring"], env, None)
        if made.code != 0:
            raise SystemExit(f"init failed: {made.err.strip()}")
        ref = run([*cli, "case", "new", "--member", "Ada Member"], env, None).out.strip()
        benign = home / "benign.eml"
        benign.write_bytes(BENIGN)
        attach_limit = smallest_limit([*cli, "attach", ref, str(benign)], env) + HEADROOM
        import_argv = [PYTHON, "-c", IMPORT_CHILD, str(vault_dir), ref]
        import_limit = smallest_limit([*import_argv, str(benign), PASSPHRASE], env) + HEADROOM
        print(f"address-space limit: CLI attach {attach_limit // MiB} MiB, import {import_limit // MiB} MiB")
        print(f"{'door':8} {'attack':34} {'input':>9} {'exit':>4} {'peak RSS':>9} {'time':>7}  result")

        tried = handled = 0
        for name, (make, sentence) in ATTACKS.items():
            source = home / "hostile.eml"
            data = make()
            source.write_bytes(data)
            size = f"{len(data) / MiB:.2f}MiB"

            tried += 1
            done = run([*cli, "attach", ref, str(source)], env, attach_limit)
            ok = done.code == 0 and len(done.out.split()) == 1
            handled += ok
            row(
                "attach",
                name,
                size,
                done,
                f"{'handled' if ok else 'NOT HANDLED: ' + done.err.strip()[-200:]}",
            )

            tried += 1
            done = run([*import_argv, str(source), PASSPHRASE], env, import_limit)
            ok, note = False, done.err.strip()[-200:]
            if done.code == 0:
                result = json.loads(done.out)
                notes = [line for line in result["entry"] if line.startswith(sentence)]
                ok = result["whole"] and bool(notes) and all(len(line) <= 320 for line in result["entry"])
                note = notes[0] if notes else f"no note in {result['entry']}"
                traced = f"{result['peak'] / MiB:.1f} MiB traced, {result['seconds']:.2f}s"
                note = f"import_email itself: {traced}; {note}"
            handled += ok
            row("import", name, size, done, f"{'handled: ' + note if ok else 'NOT HANDLED: ' + note}")

            if name in STDLIB_SIZES:
                done = run([PYTHON, "-c", STDLIB_CHILD, str(source)], env, import_limit)
                last = (done.err.strip().splitlines() or ["ok"])[-1][:60]
                row("stdlib", name, size, done, f"(reference, not counted) {last}")

        print(f"tried {tried}, handled {handled}")
        return 0 if handled == tried else 1


if __name__ == "__main__":
    sys.exit(main())
