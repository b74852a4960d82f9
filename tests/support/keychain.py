"""A real Secret Service for tests: gnome-keyring on a private D-Bus session bus.

The recipe is the one in keyring-ci.md: a temp HOME with XDG_RUNTIME_DIR (0700) and
XDG_DATA_HOME, `dbus-daemon --session --fork`, then `gnome-keyring-daemon --unlock
--components=secrets` with the password on stdin. Stopping kills the dbus-daemon by its PID;
gnome-keyring-daemon exits when its bus goes away. Restarting on the same XDG_DATA_HOME finds
the same keyring file, so secrets persist across "reboots".

Only the standard library and the D-Bus command-line tools are used here: the daemons are
driven from outside, the way the OS or a user would, never through the code under test.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

SECRETS_NAME = "org.freedesktop.secrets"
LOGIN_COLLECTION = "/org/freedesktop/secrets/collection/login"
DEFAULT_PASSWORD = "keychain test password"
SERVICE = "casevault"
START_TIMEOUT = 10.0

# tool -> the Debian package that provides it
TOOLS = {
    "dbus-daemon": "dbus",
    "dbus-send": "dbus",
    "gnome-keyring-daemon": "gnome-keyring",
    "secret-tool": "libsecret-tools",
}

# A session bus with no service directories: nothing can be D-Bus-activated on it, so it is
# "a bus with no Secret Service at all". (The standard session bus would activate
# gnome-keyring-daemon on the first call to org.freedesktop.secrets.)
BARE_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class KeychainSetupError(RuntimeError):
    """The test keychain could not be started (a broken machine, not a product failure)."""


def missing_tools() -> str | None:
    """A sentence naming the missing tools and the Debian packages to install, or None."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return None
    packages = sorted({TOOLS[tool] for tool in missing})
    return (
        f"The keychain tests need {', '.join(missing)}: install the Debian package(s) "
        f"{' '.join(packages)} (apt-get install -y --no-install-recommends {' '.join(packages)})."
    )


def _process_gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie waiting for its reaper counts as exited)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    except OSError:
        return False
    # The state follows the parenthesised command name, which may itself contain spaces.
    return stat.rsplit(")", 1)[1].split()[0] in {"Z", "X"}


class SecretService:
    """One private session bus with (optionally) gnome-keyring on it.

    Use as a context manager, or call start()/close() yourself; close() is idempotent and
    also removes the temp folder. `env` holds the variables a client needs (apply them with
    monkeypatch, or merge them into a subprocess environment).
    """

    def __init__(self, root: Path | None = None, password: str = DEFAULT_PASSWORD) -> None:
        self._own_root = root is None
        self.root = Path(tempfile.mkdtemp(prefix="cv-secret-service-")) if root is None else root
        self.password = password
        self.home = self.root / "home"
        self.runtime_dir = self.root / "run"
        self.data_dir = self.root / "data"
        for folder in (self.home, self.runtime_dir, self.data_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)
        self.address: str | None = None
        self.bus_pid: int | None = None
        self.keyring_pid: int | None = None
        self.keyring_control: str | None = None
        self._frozen = False

    # ---- environment ---------------------------------------------------------------------

    def daemon_env(self) -> dict[str, str]:
        """The environment the daemons run in: only the private folders, never the caller's."""
        env = {
            name: value
            for name, value in os.environ.items()
            if name in {"PATH", "LANG", "LC_ALL", "TMPDIR", "USER", "LOGNAME"}
        }
        env.update(
            HOME=str(self.home),
            XDG_RUNTIME_DIR=str(self.runtime_dir),
            XDG_DATA_HOME=str(self.data_dir),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
        )
        if self.address:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        return env

    @property
    def env(self) -> dict[str, str]:
        """What a client (the test process or a casevault subprocess) needs to reach the keychain."""
        if self.address is None:
            raise KeychainSetupError("The secret service is not running.")
        env = {"DBUS_SESSION_BUS_ADDRESS": self.address, "XDG_RUNTIME_DIR": str(self.runtime_dir)}
        if self.keyring_control:
            env["GNOME_KEYRING_CONTROL"] = self.keyring_control
        return env

    @property
    def running(self) -> bool:
        return self.bus_pid is not None and not _process_gone(self.bus_pid)

    # ---- lifecycle -----------------------------------------------------------------------

    def start(
        self,
        *,
        keyring: bool = True,
        unlock: bool = True,
        password: str | None = None,
        activation: bool = True,
    ) -> SecretService:
        """Start the bus, then gnome-keyring on it.

        keyring=False: a bus only (with activation=True, the first Secret Service call
        D-Bus-activates a gnome-keyring that was never unlocked; with activation=False nothing
        answers at all). unlock=False: gnome-keyring runs but was given no password.
        password: the unlock password (default: self.password); a different one from the
        keyring's original password leaves the login collection locked.
        """
        if self.running:
            raise KeychainSetupError("The secret service is already running.")
        problem = missing_tools()
        if problem:
            raise KeychainSetupError(problem)
        try:
            self._start_bus(activation)
            if keyring:
                self._start_keyring(unlock, self.password if password is None else password)
        except BaseException:
            self.stop()
            raise
        return self

    def _start_bus(self, activation: bool) -> None:
        command = ["dbus-daemon", "--fork", "--print-address=1", "--print-pid=1"]
        if activation:
            command.append("--session")
        else:
            config = self.root / "bare-bus.conf"
            config.write_text(BARE_BUS_CONFIG.format(dir=self.runtime_dir))
            command.append(f"--config-file={config}")
        done = subprocess.run(
            command,
            env=self.daemon_env(),
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        lines = done.stdout.split()
        if done.returncode != 0 or len(lines) < 2 or not lines[1].isdigit():
            raise KeychainSetupError(
                f"dbus-daemon did not start (exit {done.returncode}): {done.stderr.strip()}"
            )
        self.address, self.bus_pid = lines[0], int(lines[1])

    def _start_keyring(self, unlock: bool, password: str) -> None:
        command = ["gnome-keyring-daemon", "--components=secrets"]
        command.append("--unlock" if unlock else "--start")
        done = subprocess.run(
            command,
            env=self.daemon_env(),
            input=password if unlock else None,
            stdin=None if unlock else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT,
            check=False,
        )
        if done.returncode != 0:
            raise KeychainSetupError(
                f"gnome-keyring-daemon did not start (exit {done.returncode}): {done.stderr.strip()}"
            )
        for line in done.stdout.splitlines():
            name, _, value = line.partition("=")
            if name == "GNOME_KEYRING_CONTROL":
                self.keyring_control = value
        # --unlock often returns before the daemon owns its name; wait, or the first client call would
        # D-Bus-activate a second, never-unlocked gnome-keyring.
        deadline = time.monotonic() + START_TIMEOUT
        while (pid := self._name_owner_pid(SECRETS_NAME)) is None:
            if time.monotonic() > deadline:
                raise KeychainSetupError(f"gnome-keyring-daemon never took {SECRETS_NAME} on the bus.")
            time.sleep(0.02)
        self.keyring_pid = pid

    def _name_owner_pid(self, name: str) -> int | None:
        done = self._dbus_send(
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.GetConnectionUnixProcessID",
            f"string:{name}",
            check=False,
        )
        if done.returncode != 0:
            return None
        words = done.stdout.split()
        return int(words[-1]) if words and words[-1].isdigit() else None

    def stop(self) -> None:
        """Kill the bus by its PID and wait until it and gnome-keyring are gone. Idempotent."""
        if self._frozen:
            self.thaw()  # a stopped gnome-keyring could not notice that its bus went away
        if self.bus_pid is not None and not _process_gone(self.bus_pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.bus_pid, signal.SIGTERM)
        deadline = time.monotonic() + START_TIMEOUT
        for pid in (self.bus_pid, self.keyring_pid):
            while pid is not None and not _process_gone(pid):
                if time.monotonic() > deadline:
                    # Only ever our own daemons, by PID.
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                    break
                time.sleep(0.02)
        self.address = self.bus_pid = self.keyring_pid = self.keyring_control = None

    def restart(
        self, *, keyring: bool = True, unlock: bool = True, password: str | None = None
    ) -> SecretService:
        """Stop, then start again on the same XDG_DATA_HOME (the keyring file survives)."""
        self.stop()
        return self.start(keyring=keyring, unlock=unlock, password=password)

    def close(self) -> None:
        self.stop()
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> SecretService:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- acting on the keychain from outside, as a user or the OS would ------------------

    def _run(
        self, command: list[str], *, input_bytes: bytes | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        if self.address is None:
            raise KeychainSetupError("The secret service is not running.")
        done = subprocess.run(
            command,
            env=self.daemon_env(),
            input=input_bytes,
            stdin=None if input_bytes is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=30,
            check=False,
        )
        result = subprocess.CompletedProcess(
            done.args,
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
        )
        if check and done.returncode != 0:
            raise KeychainSetupError(
                f"{' '.join(command)} failed ({done.returncode}): {result.stderr.strip()}"
            )
        return result

    def _dbus_send(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self._run(["dbus-send", "--session", "--print-reply", *args], check=check)

    def freeze(self) -> None:
        """SIGSTOP gnome-keyring: the bus still answers, the Secret Service never does (a hung
        keychain daemon). Undone by thaw() or stop()."""
        if self.keyring_pid is None:
            raise KeychainSetupError("gnome-keyring is not running.")
        os.kill(self.keyring_pid, signal.SIGSTOP)
        self._frozen = True

    def thaw(self) -> None:
        if self.keyring_pid is not None and self._frozen:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.keyring_pid, signal.SIGCONT)
        self._frozen = False

    def lock(self) -> None:
        """Lock the login collection, as a screen lock or a reboot would (as checks/keyring does)."""
        self._dbus_send(
            f"--dest={SECRETS_NAME}",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            f"array:objpath:{LOGIN_COLLECTION}",
        )

    def is_locked(self) -> bool:
        done = self._dbus_send(
            f"--dest={SECRETS_NAME}",
            LOGIN_COLLECTION,
            "org.freedesktop.DBus.Properties.Get",
            "string:org.freedesktop.Secret.Collection",
            "string:Locked",
        )
        return done.stdout.split()[-1] == "true"

    def search(self, vault_id: str | None = None) -> str:
        """secret-tool's listing of casevault entries ('' when there are none)."""
        attributes = ["service", SERVICE] + (["username", vault_id] if vault_id else [])
        return self._run(["secret-tool", "search", "--all", *attributes], check=False).stdout.strip()

    def lookup(self, vault_id: str) -> str | None:
        done = self._run(["secret-tool", "lookup", "service", SERVICE, "username", vault_id], check=False)
        return done.stdout if done.returncode == 0 else None

    def clear(self, vault_id: str | None = None) -> None:
        """Delete casevault's entries (one vault's, or all), as a user cleaning the keychain would."""
        attributes = ["service", SERVICE] + (["username", vault_id] if vault_id else [])
        self._run(["secret-tool", "clear", *attributes], check=False)
        if self.search(vault_id):
            raise KeychainSetupError("secret-tool clear left casevault entries in the keychain.")

    def store(self, vault_id: str, secret: str | bytes) -> None:
        """Store `secret` under the attributes keyring reads for (service casevault, vault_id),
        replacing what is there. Bytes are stored as they are (they need not be UTF-8)."""
        self._run(
            [
                "secret-tool",
                "store",
                f"--label=Password for '{vault_id}' on '{SERVICE}'",
                "application",
                "Python keyring library",
                "service",
                SERVICE,
                "username",
                vault_id,
            ],
            input_bytes=secret.encode() if isinstance(secret, str) else secret,
        )
