"""Smoke-test the built Linux bundle: python3 packaging/smoke_linux.py [dist/casevault/casevault]

Runs the frozen executable the way a user would, never the code in src/: --version, the demo
desktop app offscreen until SIGTERM (exit 0, demo vault gone), a passphrase-only vault made and
checked with the bundled CLI (SQLCipher, cryptography, pyzipper, pyrage, QtPdf's writer side),
and a keychain vault on a private gnome-keyring (keyring's Secret Service backend inside the
bundle). Standard library only. Exits 0 when every check passes; prints one line per check.
tests/test_bundle.py imports this file and runs each check as a test.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXE = ROOT / "dist" / "casevault" / "casevault"
PASSPHRASE = "correct horse battery staple smoke"
START_TIMEOUT = 60.0
QUIT_TIMEOUT = 30.0


class SmokeError(Exception):
    """A check failed; the message says what was expected and what happened."""


def private_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment: own HOME and XDG folders (no real settings, vault or keychain), no
    session bus, Qt offscreen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASEVAULT_", "XDG_", "DBUS_"))}
    runtime = home / "runtime"
    for sub in ("config", "data", "cache", "tmp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(runtime),
        TMPDIR=str(home / "tmp"),
        QT_QPA_PLATFORM="offscreen",
        LC_ALL="C.UTF-8",
    )
    env.update(extra)
    return env


def run(exe: Path, *args: str, env: dict[str, str], expect: int = 0, timeout: float = 120) -> str:
    proc = subprocess.run(
        [str(exe), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != expect:
        raise SmokeError(
            f"`casevault {' '.join(args)}` exited {proc.returncode}, expected {expect}\n"
            f"stdout: {proc.stdout.strip()}\nstderr: {proc.stderr.strip()}"
        )
    return proc.stdout


def check_version(exe: Path, home: Path) -> str:
    out = run(exe, "--version", env=private_env(home)).strip()
    if not out.startswith("casevault "):
        raise SmokeError(f"--version printed {out!r}, expected 'casevault X.Y.Z'")
    return out


def _wait_for_window(proc: subprocess.Popen[str], seen: list[str], started: float) -> float:
    """Read the --debug log until the line written once the event loop runs; seconds taken."""
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line.rstrip())
        if "gui.running" in line:
            return time.monotonic() - started
        if time.monotonic() - started > START_TIMEOUT:
            raise SmokeError("the demo window did not come up within a minute")
    raise SmokeError(f"the demo exited {proc.wait()} before its window was up")


def demo_until_sigterm(exe: Path, env: dict[str, str]) -> str:
    """`--debug --demo` until its window is up, then SIGTERM: exit 0 and the demo vault gone."""
    tmp = Path(env["TMPDIR"])
    started = time.monotonic()
    proc = subprocess.Popen(
        [str(exe), "--debug", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seen: list[str] = []
    try:
        up = _wait_for_window(proc, seen, started)
        demos = list(tmp.glob("casevault-demo-*"))
        if len(demos) != 1:
            raise SmokeError(f"expected one demo vault folder in {tmp}, found {demos}")  # noqa: TRY301
        proc.send_signal(signal.SIGTERM)
        rest, _ = proc.communicate(timeout=QUIT_TIMEOUT)
        seen.extend(rest.splitlines())
    except (SmokeError, subprocess.TimeoutExpired) as err:
        proc.kill()
        proc.wait()
        raise SmokeError(f"{err}\noutput:\n" + "\n".join(seen)) from None
    finally:
        if proc.stdout is not None:
            proc.stdout.close()
    if proc.returncode != 0:
        raise SmokeError(f"after SIGTERM the demo exited {proc.returncode}, expected 0\n" + "\n".join(seen))
    if demos[0].exists():
        raise SmokeError(f"the demo vault {demos[0]} is still there after quitting")
    return f"window up in {up:.1f}s, SIGTERM -> exit 0, demo vault removed"


def check_demo_quits_on_sigterm(exe: Path, home: Path) -> str:
    """The demo window comes up offscreen; SIGTERM quits it with exit 0 and the demo is gone."""
    return demo_until_sigterm(exe, private_env(home))


def check_demo_on_display(exe: Path, home: Path, display: str) -> str:
    """The same on a real X server (Xvfb): Qt's xcb platform plugin, with the system's X11, xcb,
    GL and font libraries that the bundle does not carry."""
    return (
        demo_until_sigterm(exe, private_env(home, QT_QPA_PLATFORM="xcb", DISPLAY=display)) + f" on {display}"
    )


def check_cli_vault(exe: Path, home: Path) -> str:
    """A passphrase-only vault: init, a case, an attachment (read back), export, summary, check."""
    env = private_env(home, CASEVAULT_PASSPHRASE=PASSPHRASE)
    vault = ["--vault", str(home / "vault")]
    run(exe, *vault, "init", "--no-keyring", env=env)
    ref = run(exe, *vault, "case", "new", "--member", "Nguyễn Thị Lan", "--type", "sickness", env=env).strip()
    if not ref.startswith("CV-"):
        raise SmokeError(f"`case new` printed {ref!r}, expected a reference")
    letter = home / "letter.txt"
    letter.write_bytes(b"Dear member, this is a fictional letter.\n" * 100)
    file_id = run(exe, *vault, "attach", ref, str(letter), env=env).strip()
    copy = home / "copy.txt"
    run(exe, *vault, "attachment", "get", file_id, "--out", str(copy), env=env)
    if copy.read_bytes() != letter.read_bytes():
        raise SmokeError("the attachment read back differs from the file attached")
    if ref not in run(exe, *vault, "search", "lan", env=env):
        raise SmokeError("full-text search did not find the case")
    env["SMOKE_ZIP_PASSWORD"] = "zip password for the smoke test"
    zipped = home / "docs.zip"
    export = ["export", ref, "--out", str(zipped), "--password-env", "SMOKE_ZIP_PASSWORD"]
    run(exe, *vault, *export, "--to", "Lan", "--recipient-kind", "member", env=env)
    if not zipped.read_bytes().startswith(b"PK"):
        raise SmokeError("the export is not a zip")
    summary = home / "summary.pdf"
    run(exe, *vault, "summary", ref, "--out", str(summary), env=env)
    if not summary.read_bytes().startswith(b"%PDF"):
        raise SmokeError("the summary is not a PDF")
    key = run(exe, *vault, "identity", env=env).strip()  # pyrage's X25519 identity
    if not key.startswith("age1"):
        raise SmokeError(f"`identity` printed {key!r}, expected an age key")
    backup = home / "vault.backup"
    run(exe, *vault, "backup", "--out", str(backup), env=env)
    run(exe, *vault, "backup", "verify", str(backup), env=env)
    run(exe, *vault, "check", env=env)
    run(exe, *vault, "audit", "verify", env=env)
    return f"{ref}: init, case, attach + read back, search, zip, summary PDF, age key, backup, check = 0"


KEYRING_SCRIPT = """
set -e
printf '%s' "$SMOKE_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$SMOKE_EXE" --vault "$SMOKE_VAULT" init
"$SMOKE_EXE" --vault "$SMOKE_VAULT" keychain status
unset CASEVAULT_PASSPHRASE
"$SMOKE_EXE" --vault "$SMOKE_VAULT" case list
"$SMOKE_EXE" --vault "$SMOKE_VAULT" check
"""


def check_keychain(exe: Path, home: Path) -> str:
    """keyring's Secret Service backend works inside the bundle: a vault made with a private
    gnome-keyring opens again without the passphrase."""
    missing = [t for t in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(t) is None]
    if missing:
        raise SmokeError(f"needs {', '.join(missing)} (apt-get install dbus gnome-keyring)")
    env = private_env(
        home,
        CASEVAULT_PASSPHRASE=PASSPHRASE,
        SMOKE_EXE=str(exe),
        SMOKE_VAULT=str(home / "vault"),
        SMOKE_KEYRING_PASSWORD="smoke keyring password",  # noqa: S106
    )
    proc = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", KEYRING_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 or "SecretService" not in out:
        raise SmokeError(f"the keychain vault failed (exit {proc.returncode}):\n{out.strip()}")
    status = next((line for line in out.splitlines() if "SecretService" in line), "")
    return f"opened by the keychain without a passphrase ({status.strip()})"


CHECKS: dict[str, Callable[[Path, Path], str]] = {
    "version": check_version,
    "demo-sigterm": check_demo_quits_on_sigterm,
    "cli-vault": check_cli_vault,
    "keychain": check_keychain,
}


def main(argv: list[str]) -> int:
    exe = Path(argv[0]).resolve() if argv else DEFAULT_EXE
    if not os.access(exe, os.X_OK):
        print(f"smoke: no executable at {exe}; run packaging/build-linux.sh first", file=sys.stderr)
        return 1
    return run_checks(exe, CHECKS)


def run_checks(exe: Path, checks: dict[str, Callable[[Path, Path], str]]) -> int:
    """Run each check in a scratch folder of its own, print one line each; 1 if any failed.
    (smoke_bundle.py runs its platform's checks through this too.)"""
    failed = 0
    for name, check in checks.items():
        started = time.monotonic()
        # Windows may still hold a file of an ended process for a moment: never fail on cleanup.
        with tempfile.TemporaryDirectory(
            prefix=f"casevault-smoke-{name}-", ignore_cleanup_errors=True
        ) as tmp:
            try:
                detail = check(exe, Path(tmp))
            except (SmokeError, subprocess.TimeoutExpired) as err:
                failed += 1
                print(f"FAIL {name} ({time.monotonic() - started:.1f}s): {err}")
                continue
        print(f"ok   {name} ({time.monotonic() - started:.1f}s): {detail}")
    print("smoke: all checks passed" if not failed else f"smoke: {failed} check(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
