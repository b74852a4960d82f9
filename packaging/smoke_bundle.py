"""Smoke-test a built bundle on Linux, macOS or Windows: python3 packaging/smoke_bundle.py [EXE]

The platform-neutral sibling of smoke_linux.py, whose checks it reuses: it picks the checks that
mean something on the system it runs on and the executable each bundle has. Standard library
only, like smoke_linux.py; .github/workflows/desktop-bundles.yml runs it on the macOS and Windows
bundles (it cannot run here: no Mac, no Windows), and tests/packaging/test_smoke_bundle.py runs
its choices and a fake bundle here.

| check | Linux | macOS | Windows |
| --- | --- | --- | --- |
| version: `--version` prints `casevault X.Y.Z` | yes | yes | yes |
| cli-vault: a passphrase-only vault made and checked with the CLI | yes | yes | yes |
| demo-sigterm: the demo window offscreen, SIGTERM, exit 0, demo gone | yes | yes | no |
| demo-window: the demo window offscreen comes up (then it is ended) | no | no | yes |
| keychain: a vault opened again by the OS keychain alone | gnome-keyring | Keychain | Credential Manager |

Windows has no SIGTERM for another process (Python's send_signal ends it at once), so there the
demo check stops at the window being up. On Windows the executable is casevault-cli.exe: the
windowed casevault.exe has no console, so nothing it prints could be read.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import smoke_linux  # the file beside this one
from smoke_linux import PASSPHRASE, SmokeError, check_cli_vault, check_version, private_env, run

ROOT = Path(__file__).resolve().parent.parent
Check = Callable[[Path, Path], str]

# What `casevault keychain status` names on each system (keyring's backend classes).
KEYCHAIN_BACKENDS = {
    "darwin": "keyring.backends.macOS.Keyring",
    "win32": "keyring.backends.Windows.WinVaultKeyring",
}


def default_exe(platform: str = sys.platform, root: Path = ROOT) -> Path:
    """Where each system's build puts the executable the checks run."""
    if platform == "win32":
        return root / "dist" / "casevault" / "casevault-cli.exe"
    if platform == "darwin":
        return root / "dist" / "casevault.app" / "Contents" / "MacOS" / "casevault"
    return root / "dist" / "casevault" / "casevault"


def check_demo_window(exe: Path, home: Path) -> str:
    """Windows: the demo window comes up offscreen (the `gui.running` line); then it is ended,
    since no signal can ask another process to quit there."""
    env = private_env(home)
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
        up = smoke_linux._wait_for_window(proc, seen, started)
    except SmokeError as err:
        raise SmokeError(f"{err}\noutput:\n" + "\n".join(seen)) from None
    finally:
        proc.kill()
        proc.communicate(timeout=smoke_linux.QUIT_TIMEOUT)
    return f"window up in {up:.1f}s (ended: a clean quit is checked on Linux and macOS only)"


def os_keychain_check(platform: str) -> Check:
    """macOS and Windows: a vault whose key is in the user's own keychain opens again without the
    passphrase. The real HOME is kept (the login Keychain and Credential Manager belong to the
    user, not to a folder); the vault itself is in the temporary folder."""
    backend = KEYCHAIN_BACKENDS[platform]

    def check_os_keychain(exe: Path, home: Path) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CASEVAULT_")}
        env.update(QT_QPA_PLATFORM="offscreen", CASEVAULT_PASSPHRASE=PASSPHRASE)
        vault = ["--vault", str(home / f"vault-{uuid.uuid4().hex[:8]}")]
        run(exe, *vault, "init", env=env)
        status = run(exe, *vault, "keychain", "status", env=env)
        if backend not in status:
            raise SmokeError(f"`keychain status` does not name {backend}:\n{status.strip()}")
        del env["CASEVAULT_PASSPHRASE"]
        run(exe, *vault, "case", "list", env=env)
        run(exe, *vault, "check", env=env)
        return f"opened by {backend} without a passphrase"

    return check_os_keychain


def checks_for(platform: str = sys.platform) -> dict[str, Check]:
    """The checks that mean something on `platform`, in the order they run."""
    checks: dict[str, Check] = {"version": check_version, "cli-vault": check_cli_vault}
    if platform == "win32":
        checks["demo-window"] = check_demo_window
    else:
        checks["demo-sigterm"] = smoke_linux.check_demo_quits_on_sigterm
    if platform in KEYCHAIN_BACKENDS:
        checks["keychain"] = os_keychain_check(platform)
    elif platform.startswith("linux"):
        checks["keychain"] = smoke_linux.check_keychain
    return checks


def main(argv: list[str], platform: str = sys.platform) -> int:
    exe = Path(argv[0]).resolve() if argv else default_exe(platform)
    if not exe.is_file():
        print(f"smoke: no executable at {exe}; build the bundle first (packaging/README.md)", file=sys.stderr)
        return 1
    return smoke_linux.run_checks(exe, checks_for(platform))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
