"""A private Secret Service for `python -m casevault.bench --gui`: gnome-keyring on a D-Bus
session bus of its own, and this process's environment pointed at the private folders while the
run lasts. No Qt here; the GUI benchmark (casevault.gui.bench) uses it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path


class PrivateKeychain:
    """gnome-keyring on a private D-Bus session bus, with HOME and the XDG folders in `root`.

    The recipe of tests/support/keychain.py, cut to what the benchmark needs: the daemons see only
    the private folders, the login keyring is unlocked with a random password, and stop() kills
    the bus by its PID (gnome-keyring exits when its bus goes away)."""

    TOOLS = ("dbus-daemon", "dbus-send", "gnome-keyring-daemon")

    def __init__(self, root: Path) -> None:
        # Short names: gnome-keyring's control socket goes under XDG_RUNTIME_DIR, and a socket path
        # has to fit in 108 bytes.
        self.folders = {
            "HOME": root / "h",
            "XDG_RUNTIME_DIR": root / "r",
            "XDG_DATA_HOME": root / "h" / "d",
            "XDG_CONFIG_HOME": root / "h" / "c",
            "XDG_CACHE_HOME": root / "h" / "k",
            "XDG_STATE_HOME": root / "h" / "s",
        }
        for folder in self.folders.values():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.env: dict[str, str] = {name: str(path) for name, path in self.folders.items()}
        self._pids: list[int] = []

    def _daemon_env(self) -> dict[str, str]:
        keep = {"PATH", "LANG", "LC_ALL", "USER", "LOGNAME"}
        return {**{k: v for k, v in os.environ.items() if k in keep}, **self.env}

    def start(self) -> str | None:
        """Start both daemons; None, or the sentence saying why they could not be started."""
        missing = [tool for tool in self.TOOLS if shutil.which(tool) is None]
        if missing:
            return f"{', '.join(missing)} is not installed"
        bus = subprocess.run(
            ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
            env=self._daemon_env(),
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        words = bus.stdout.split()
        if bus.returncode != 0 or len(words) < 2 or not words[1].isdigit():
            return f"dbus-daemon did not start (exit {bus.returncode})"
        self.env["DBUS_SESSION_BUS_ADDRESS"] = words[0]
        self._pids.append(int(words[1]))
        ring = subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
            env=self._daemon_env(),
            input=secrets.token_hex(16),
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if ring.returncode != 0:
            return f"gnome-keyring-daemon did not start (exit {ring.returncode})"
        for line in ring.stdout.splitlines():
            name, _, value = line.partition("=")
            if name == "GNOME_KEYRING_CONTROL":
                self.env[name] = value
        # --unlock returns before the daemon owns its name; a client calling now would D-Bus-activate
        # a second gnome-keyring that was never unlocked.
        deadline = time.monotonic() + 10
        while (pid := self._secrets_owner()) is None:
            if time.monotonic() > deadline:
                return "gnome-keyring-daemon never took org.freedesktop.secrets on the bus"
            time.sleep(0.02)
        self._pids.append(pid)
        return None

    def _secrets_owner(self) -> int | None:
        done = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.GetConnectionUnixProcessID",
                "string:org.freedesktop.secrets",
            ],
            env=self._daemon_env(),
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        last = done.stdout.split()[-1:] if done.returncode == 0 else []
        return int(last[0]) if last and last[0].isdigit() else None

    def stop(self) -> None:
        if self._pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pids[0], signal.SIGTERM)
        deadline = time.monotonic() + 10
        for pid in self._pids:
            while _alive(pid):
                if time.monotonic() > deadline:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)  # only our own daemons, by PID
                    break
                time.sleep(0.02)
        self._pids.clear()


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in {"Z", "X"}


@contextlib.contextmanager
def environment(changes: dict[str, str]) -> Iterator[None]:
    """This process's environment with `changes` and without CASEVAULT_*, put back at the end, so
    the keychain, Qt's settings and geometry files are all the private ones while the run lasts."""
    saved = dict(os.environ)
    for name in [n for n in os.environ if n.startswith("CASEVAULT_")]:
        del os.environ[name]
    os.environ.update(changes)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
