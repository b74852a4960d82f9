"""Attack: the lock sequence in the GUI (issue 13, items 1, 7 and 9), from outside the code.

Makes a vault with the CLI (`init --no-keyring`, two cases, one closed), then runs the real
desktop app in separate processes (offscreen, or under Xvfb when `xvfb-run` exists) through
scripts/attacks/_lock_driver.py: every dialog, cancelled with Escape or left open (with a name
typed), then locked by each route (Lock now, the idle timer, the screen-lock signal). Counts the
trials that ended locked: vault closed, `locked` fired, window hidden, no widget holding a name.

Then: a second window on the same vault (must exit 1 with one sentence while the first keeps the
vault, and the CLI must still work beside it), and `casevault` with no display (must exit 1 with
one sentence, not Qt's abort with 134). Prints figures; exits 1 if anything was not handled.

    .venv/bin/python scripts/attacks/lock_sequence.py
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASEVAULT = os.environ.get("CASEVAULT", str(ROOT / ".venv" / "bin" / "casevault"))
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DRIVER = str(Path(__file__).with_name("_lock_driver.py"))
PASSPHRASE = "an attack on the lock 4217"
MEMBERS = ("Zebulon Quarrington", "Ottoline Brackenfeather")
ROUTES = ("lock-now", "idle", "screen-lock")
MODES = ("cancel", "leave")


Codes = dict[str, dict[int, int]]


def count(codes: Codes, kind: str, code: int) -> None:
    codes.setdefault(kind, {})
    codes[kind][code] = codes[kind].get(code, 0) + 1


def run(args: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def lock_trials(prefix: list[str], vault: Path, env: dict[str, str], codes: Codes) -> list[dict[str, object]]:
    """Every dialog x cancel/leave x every lock route, one driver process per route and mode."""
    trials: list[dict[str, object]] = []
    for route in ROUTES:
        for mode in MODES:
            done = run([*prefix, PYTHON, DRIVER, str(vault), route, mode], env, timeout=900)
            count(codes, "driver", done.returncode)
            trials += [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return trials


def two_windows(
    prefix: list[str], vault: Path, env: dict[str, str], cli_env: dict[str, str], codes: Codes
) -> dict[str, object]:
    """A second window on the same vault while the first is up, and the CLI beside them."""
    log = vault.parent / "first.log"
    with log.open("w") as err:
        first = subprocess.Popen([*prefix, CASEVAULT, "--vault", str(vault), "--debug"], env=env, stderr=err)
    deadline = time.monotonic() + 60
    while "gui.running" not in log.read_text() and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.1)
    second = run([*prefix, CASEVAULT, "--vault", str(vault)], env)
    count(codes, "second window", second.returncode)
    time.sleep(0.5)
    raised = "gui.raise-requested" in log.read_text()
    beside = run([CASEVAULT, "--vault", str(vault), "case", "list"], cli_env)
    count(codes, "cli beside the window", beside.returncode)
    first.send_signal(signal.SIGTERM)
    count(codes, "first window (SIGTERM)", first.wait(60))
    return {
        "second_exit": second.returncode,
        "says": second.stderr.strip(),
        "raised": raised,
        "cli_exit": beside.returncode,
        "ok": second.returncode == 1
        and len(second.stderr.strip().splitlines()) == 1
        and raised
        and beside.returncode == 0,
    }


def no_display(vault: Path, env: dict[str, str], codes: Codes) -> dict[str, object]:
    bare = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = run([CASEVAULT, "--vault", str(vault)], bare, timeout=60)
    count(codes, "no display", done.returncode)
    return {
        "exit": done.returncode,
        "says": done.stderr.strip(),
        "ok": done.returncode == 1 and "No display was found" in done.stderr,
    }


def main() -> int:
    codes: Codes = {}
    with tempfile.TemporaryDirectory(prefix="cv-attack-") as tmp:
        base = Path(tmp)
        (base / "runtime").mkdir(mode=0o700)
        env = {
            **os.environ,
            "CASEVAULT_PASSPHRASE": PASSPHRASE,
            "HOME": str(base),
            "TMPDIR": str(base),
            "XDG_RUNTIME_DIR": str(base / "runtime"),
            "XDG_CONFIG_HOME": str(base / "config"),
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={base}/no-bus",  # never the real keychain
            "LOCK_SECRETS": "|".join([*MEMBERS, *(m.split()[1] for m in MEMBERS)]),
        }
        xvfb = shutil.which("xvfb-run")
        gui_env = dict(env) if xvfb else {**env, "QT_QPA_PLATFORM": "offscreen"}
        prefix = [xvfb, "-a"] if xvfb else []
        vault = base / "vault"

        def cv(*args: str) -> subprocess.CompletedProcess[str]:
            return run([CASEVAULT, "--vault", str(vault), *args], env)

        assert cv("init", "--no-keyring").returncode == 0
        open_ref = cv("case", "new", "--member", MEMBERS[0]).stdout.strip()
        assert cv("note", "add", open_ref, "--text", "Met the member at the depot.").returncode == 0
        closed_ref = cv("case", "new", "--member", MEMBERS[1]).stdout.strip()
        assert cv("case", "close", closed_ref, "--retain-days", "0").returncode == 0

        started = time.monotonic()
        trials = lock_trials(prefix, vault, gui_env, codes)
        seconds = time.monotonic() - started
        windows = two_windows(prefix, vault, gui_env, env, codes)
        bare = no_display(vault, env, codes)

    failures = [f"{t['dialog']} {t['mode']} {t['route']}: {t}" for t in trials if not t["handled"]]
    if codes.get("driver", {}).get(0, 0) != len(ROUTES) * len(MODES):
        failures.append(f"a driver process failed: {codes['driver']}")
    if not windows["ok"]:
        failures.append(f"second window: {windows}")
    if not bare["ok"]:
        failures.append(f"no display: {bare}")
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    leaked = sum(1 for t in trials if t["widgets_with_case_data"])
    print(f"lock sequence ({'Xvfb' if xvfb else 'offscreen'}), {seconds:.0f} s")
    handled = sum(1 for t in trials if t["handled"])
    print(f"  dialogs x (cancel, leave open) x routes: tried {len(trials)}, handled {handled}")
    for route in ROUTES:
        mine = [t for t in trials if t["route"] == route]
        print(f"    {route:12} tried {len(mine):3}, handled {sum(1 for t in mine if t['handled']):3}")
    print(f"  trials with a widget still holding a name: {leaked}")
    print(f"  trials where locking raised: {sum(1 for t in trials if t['lock_error'])}")
    print(f"  second window on the same vault: exit {windows['second_exit']}")
    print(f"    the first window was asked to come to the front: {windows['raised']}")
    print(f"    says: {windows['says']}")
    print(f"  CLI `case list` beside the open window: exit {windows['cli_exit']}")
    print(f"  no display: exit {bare['exit']}; says: {bare['says']}")
    print(f"  exit codes: {json.dumps({k: {str(c): n for c, n in v.items()} for k, v in codes.items()})}")
    print(f"  peak memory of one child process: {peak_mib:.0f} MiB")
    for failure in failures:
        print(f"NOT HANDLED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
