"""Two real Syncthing instances on the loopback interface, for the sync tests (issue 20).

The recipe is the one in docs/SYNCTHING-CI.md, for the Debian `syncthing` package (1.19):

1. `syncthing generate --home=HOME --no-default-folder --skip-port-probing` makes the keys and a
   config.xml for each device (ECDSA, a few milliseconds).
2. Before the first start, config.xml is edited: the GUI/REST address is `127.0.0.1:<free port>`
   with an API key of our own, the only sync listener is `tcp://127.0.0.1:<free port>`, and
   global discovery, local (broadcast/multicast) discovery, relays, NAT traversal, STUN, usage
   reporting, crash reporting and auto-upgrade are all off. Nothing is sent off the machine,
   not even on the first start.
3. `syncthing serve --home=HOME --no-browser --no-restart --no-upgrade` runs in a session of its
   own (Syncthing 1.19 always runs a monitor process plus the real one under it),
   wrapped in `setpriv --pdeathsig TERM` where util-linux has it, so that the pair also stops
   when the test process itself is killed. (The kernel sends that signal when the *thread* that
   started the process ends: open the pair from the test's own thread, not a short-lived one.)
4. Both are driven over REST with the `X-API-Key` header (urllib, no proxy): each adds the other
   (POST /rest/config/devices), B first and without an address, then A with B's explicit
   address, so only A dials; then both add one shared folder (POST /rest/config/folders:
   sendreceive, watcher on with a 1 s delay, a 3 s rescan).
5. On exit, always: POST /rest/system/shutdown, then SIGTERM and SIGKILL to every process left
   in that session, then the homes are removed. Running as root only logs a warning.

Only the standard library is used. Failures to *start* raise SyncthingSetupError (a broken
machine, not a product failure); a wait that runs out raises SyncthingTimeoutError, an
AssertionError whose message says what did not happen and how far each side got, never a file
name or a byte of file content.

    with syncthing_pair(tmp_path) as (a, b):
        a.write("devices/one/1.cs", data)
        b.wait_for_file("devices/one/1.cs", content=data)
        wait_in_sync(a, b)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

FOLDER_ID = "casevault-sync"
FOLDER_LABEL = "casevault test folder"
CONFLICT_MARKER = ".sync-conflict-"

START_TIMEOUT = 30.0  # generate + first start (database migrations, hashing benchmark): ~1 s here
CONNECT_TIMEOUT = 60.0  # the dial loop sleeps at least 5 s between rounds
SYNC_TIMEOUT = 120.0  # a few small files: ~2 s here (the watcher waits 1 s, then scan and pull)
STOP_TIMEOUT = 15.0
POLL_INTERVAL = 0.1
REST_TIMEOUT = 30.0  # POST /rest/db/scan answers only once the scan has finished

# Environment variables that would route Syncthing's dials (or our urllib calls) via a proxy.
PROXY_VARIABLES = frozenset(
    name for base in ("http_proxy", "https_proxy", "all_proxy", "no_proxy") for name in (base, base.upper())
)

# config.xml <options> written before the first start. Each is "off" or "loopback only".
OPTIONS: dict[str, str] = {
    "globalAnnounceEnabled": "false",  # global discovery
    "localAnnounceEnabled": "false",  # LAN broadcast / multicast discovery
    "relaysEnabled": "false",
    "natEnabled": "false",  # UPnP / NAT-PMP
    "stunKeepaliveStartS": "0",  # STUN (only used by QUIC, which is not listened on either)
    "stunKeepaliveMinS": "0",
    "urAccepted": "-1",  # usage reporting: declined, so it is never asked
    "urSeen": "3",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "announceLANAddresses": "false",
    "reconnectionIntervalS": "5",  # the smallest Syncthing accepts
    "setLowPriority": "false",  # do not renice itself: timings on a 2-core CI machine stay honest
}
# What GET /rest/config/options must then say (the same knobs, as JSON).
EXPECTED_OPTIONS: dict[str, object] = {
    "globalAnnounceEnabled": False,
    "localAnnounceEnabled": False,
    "relaysEnabled": False,
    "natEnabled": False,
    "urAccepted": -1,
    "crashReportingEnabled": False,
    "autoUpgradeIntervalH": 0,
    "startBrowser": False,
}

_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class SyncthingSetupError(RuntimeError):
    """Syncthing could not be started or configured (a broken machine, not a product failure)."""


class SyncthingTimeoutError(AssertionError):
    """Something the test waited for did not happen in time; the message says what."""


def missing_tools() -> str | None:
    """A sentence saying what to install when the syncthing binary is missing, or None."""
    if shutil.which("syncthing") is not None:
        return None
    return (
        "The Syncthing tests need the syncthing binary: install the Debian package "
        "(apt-get install -y --no-install-recommends syncthing); scripts/test does this."
    )


def free_ports(count: int) -> list[int]:
    """`count` distinct loopback TCP ports that were free a moment ago (bind to port 0)."""
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _state(stat_path: Path) -> str | None:
    """The state letter in a /proc stat file, or None when it is gone."""
    try:
        stat = stat_path.read_text()
    except OSError:
        return None
    # The state follows the parenthesised command name, which may itself contain spaces.
    return stat.rsplit(")", 1)[1].split()[0]


def process_gone(pid: int) -> bool:
    """True once every thread of `pid` has exited, so its sockets and files are closed.

    A zombie waiting for its reaper counts as exited, but only once all its threads have: a Go
    program's main thread can show "Z" while its other threads are still closing its sockets.
    (An orphan's zombie may stay for good in a container whose PID 1 does not reap: harmless.)
    """
    task = Path(f"/proc/{pid}/task")
    try:
        threads = list(task.iterdir())
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return all(_state(thread / "stat") in {None, "Z", "X"} for thread in threads)


def processes_mentioning(text: str) -> list[int]:
    """PIDs of live processes whose command line contains `text` (what `pgrep -f` would find)."""
    found: list[int] = []
    needle = text.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if needle in cmdline and not process_gone(int(entry.name)):
            found.append(int(entry.name))
    return found


def session_members(sid: int) -> list[int]:
    """Live processes in session `sid`: a process started with start_new_session=True and all
    it spawns. Syncthing's real process may move to a process group of its own (its
    setLowPriority option calls setpgid, then renices the group), but it cannot leave the session,
    so the session, not the process group, is what stop() empties."""
    members: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command name: state ppid pgrp session ...
        if int(fields[3]) == sid and not process_gone(int(entry.name)):
            members.append(int(entry.name))
    return members


def _wait_until(check: Callable[[], bool], timeout: float, interval: float = POLL_INTERVAL) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


def _edit_config(config: Path, *, name: str, gui_port: int, sync_port: int, api_key: str) -> str:
    """Make a freshly generated config.xml loopback-only and quiet; return the device ID."""
    tree = ET.parse(config)
    root = tree.getroot()
    device = root.find("device")
    gui = root.find("gui")
    options = root.find("options")
    if device is None or gui is None or options is None:
        raise SyncthingSetupError("syncthing generate wrote a config.xml without device, gui or options.")
    device.set("name", name)
    gui.set("tls", "false")
    for tag, value in (("address", f"127.0.0.1:{gui_port}"), ("apikey", api_key)):
        element = gui.find(tag)
        if element is None:
            element = ET.SubElement(gui, tag)
        element.text = value
    for element in options.findall("listenAddress"):
        options.remove(element)
    listen = ET.Element("listenAddress")
    listen.text = f"tcp://127.0.0.1:{sync_port}"
    options.insert(0, listen)
    for tag, value in OPTIONS.items():
        element = options.find(tag)
        if element is None:
            element = ET.SubElement(options, tag)
        element.text = value
    tree.write(config, encoding="unicode")
    return device.get("id", "")


def _child_env(home: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in PROXY_VARIABLES}
    # Syncthing 1.19 panics at start-up without $HOME ("Failed to get user home dir"), --home or
    # not; the tests' private HOME is kept, and a device's own home stands in when there is none.
    if not env.get("HOME"):
        env["HOME"] = str(home)
    env.update(STNORESTART="1", STNOUPGRADE="1", STNODEFAULTFOLDER="1")
    # Skip the ~1 s SHA-256 benchmark at each start: name the implementation it picks on x86-64
    # anyway (minio/sha256-simd, which falls back to Go's own code where the CPU lacks SHA/AVX).
    env.setdefault("STHASHING", "minio")
    # STMONITORED is how the monitor tells its child it is the real process: never inherit it.
    env.pop("STMONITORED", None)
    return env


@dataclass
class SyncthingDevice:
    """One running Syncthing instance: its home, its shared folder and its REST API."""

    name: str  # "A" or "B": what messages call this side (never a file name)
    home: Path
    folder: Path
    log_path: Path
    device_id: str
    api_key: str
    gui_port: int
    sync_port: int
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    folder_id: str = FOLDER_ID
    dials: bool = False  # True on the one side that connects to the other (see _add_device)

    # ---- REST ----------------------------------------------------------------------------

    @property
    def address(self) -> str:
        """The sync (BEP) address the other device dials."""
        return f"tcp://127.0.0.1:{self.sync_port}"

    def rest(
        self,
        method: str,
        path: str,
        body: object | None = None,
        *,
        query: dict[str, str] | None = None,
        timeout: float = REST_TIMEOUT,
    ) -> Any:
        """Call the REST API (`path` like "/rest/system/ping"); returns the decoded JSON or None."""
        url = f"http://127.0.0.1:{self.gui_port}{path}"
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(body).encode() if body is not None else (b"" if method != "GET" else None)
        request = urllib.request.Request(
            url,
            data=data,
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        try:
            with _NO_PROXY.open(request, timeout=timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace").strip().splitlines()
            first = detail[0][:200] if detail else ""
            raise SyncthingSetupError(
                f"Syncthing {self.name} answered {error.code} to {method} {path}: {first}"
            ) from None
        if not raw.strip():
            return None
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            return raw.decode(errors="replace")

    def ping(self) -> bool:
        """True when the REST API answers."""
        try:
            answer: object = self.rest("GET", "/rest/system/ping", timeout=2.0)
        except (OSError, SyncthingSetupError):
            return False
        return answer == {"ping": "pong"}

    def status(self) -> dict[str, Any]:
        """GET /rest/db/status for the shared folder (state, need*, global*, local*, errors)."""
        result: dict[str, Any] = self.rest("GET", "/rest/db/status", query={"folder": self.folder_id})
        return result

    def completion(self, device: str | None = None) -> dict[str, Any]:
        """GET /rest/db/completion: this device's view of `device` (None: of itself)."""
        query = {"folder": self.folder_id}
        if device is not None:
            query["device"] = device
        result: dict[str, Any] = self.rest("GET", "/rest/db/completion", query=query)
        return result

    def connected_to(self, other: SyncthingDevice) -> bool:
        connections = self.rest("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def scan(self) -> None:
        """Rescan the shared folder now; returns once the scan has finished."""
        self.rest("POST", "/rest/db/scan", query={"folder": self.folder_id})

    def pause(self, other: SyncthingDevice) -> None:
        """Stop talking to `other` (the connection drops) until resume()."""
        self.rest("POST", "/rest/system/pause", query={"device": other.device_id})

    def resume(self, other: SyncthingDevice) -> None:
        self.rest("POST", "/rest/system/resume", query={"device": other.device_id})

    def events(self, since: int = 0) -> list[dict[str, Any]]:
        """The buffered events after id `since` (GET /rest/events, default mask, no waiting).

        Each has "id", "type", "time" (RFC 3339, nanoseconds) and "data"; see event_time().
        """
        result = self.rest("GET", "/rest/events", query={"since": str(since), "timeout": "0"})
        return list(result or [])

    def last_event_id(self) -> int:
        events = self.events()
        return int(events[-1]["id"]) if events else 0

    # ---- files ---------------------------------------------------------------------------

    def path(self, relative: str | Path) -> Path:
        return self.folder / relative

    def write(self, relative: str | Path, data: bytes) -> Path:
        """Write a file into the shared folder atomically: Syncthing never sees it half-written.

        The bytes go to a staging file beside the folder (same filesystem, outside what Syncthing
        watches), are fsynced, then renamed into place.
        """
        target = self.folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = self.folder.parent / f".{self.folder.name}-staging"
        staging.mkdir(exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=staging)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            raise
        return target

    def files(self) -> dict[str, bytes]:
        """Every regular file in the shared folder (relative POSIX path -> bytes), Syncthing's own
        `.stfolder` marker and in-flight `.syncthing.*.tmp` files left out."""
        found: dict[str, bytes] = {}
        for path in sorted(self.folder.rglob("*")):
            relative = path.relative_to(self.folder)
            if relative.parts[0] == ".stfolder" or path.name.startswith(".syncthing."):
                continue
            if path.is_file():
                found[relative.as_posix()] = path.read_bytes()
        return found

    def conflicts(self) -> list[Path]:
        """Every `.sync-conflict-*` file Syncthing has made in the shared folder."""
        return sorted(path for path in self.folder.rglob("*") if CONFLICT_MARKER in path.name)

    def wait_for_file(
        self,
        relative: str | Path,
        *,
        content: bytes | None = None,
        size: int | None = None,
        sha256: str | None = None,
        timeout: float = SYNC_TIMEOUT,
    ) -> Path:
        """Wait until the file exists in this device's folder (with that content, size or hash).

        Syncthing pulls into a temp file and renames it, so once the size matches the bytes are
        all there; `sha256` is checked only then (hashing 100 MiB on every poll would be slow).
        """
        target = self.folder / relative
        if content is not None:
            size = len(content)

        def arrived() -> bool:
            try:
                if size is not None and target.stat().st_size != size:
                    return False
                if content is not None:
                    return target.read_bytes() == content
                if sha256 is not None:
                    return file_sha256(target) == sha256
                return target.exists()
            except FileNotFoundError:
                return False

        if not _wait_until(arrived, timeout):
            raise SyncthingTimeoutError(
                f"A file did not arrive intact on Syncthing {self.name} within {timeout:.0f} s "
                f"({self.progress()})."
            )
        return target

    def progress(self) -> str:
        """A short, name-free account of where this device's folder stands (for messages)."""
        try:
            status = self.status()
        except (OSError, SyncthingSetupError) as error:
            return f"its REST API did not answer: {type(error).__name__}"
        parts = [
            f"state {status.get('state')}",
            f"needs {status.get('needTotalItems')} item(s) / {status.get('needBytes')} bytes",
            f"{status.get('errors')} error(s)",
        ]
        if status.get("watchError"):
            parts.append("the file watcher failed")
        return ", ".join(parts)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    # ---- process -------------------------------------------------------------------------

    def start(self) -> None:
        command = [
            "syncthing",
            "serve",
            f"--home={self.home}",
            "--no-browser",
            "--no-restart",
            "--no-upgrade",
            "--no-default-folder",
            "--logflags=3",
        ]
        setpriv = shutil.which("setpriv")
        if setpriv is not None:
            # If the test process dies, the monitor gets SIGTERM and stops its child cleanly.
            command = [setpriv, "--pdeathsig", "TERM", *command]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=_child_env(self.home),
                start_new_session=True,  # a session of its own: the monitor and its child
            )

    def wait_started(self, timeout: float = START_TIMEOUT) -> None:
        def up() -> bool:
            if not self.running:
                return True
            return self.ping()

        if not _wait_until(up, timeout, interval=0.2) or not self.running:
            raise SyncthingSetupError(
                f"Syncthing {self.name} did not start within {timeout:.0f} s "
                f"(exit code {self.process.poll() if self.process else None}; see {self.log_path})."
            )
        # The API can answer before the sync listener has bound (or failed to bind) its port.
        listener: dict[str, Any] = {}

        def listener_settled() -> bool:
            nonlocal listener
            statuses = self.rest("GET", "/rest/system/status").get("connectionServiceStatus", {})
            listener = statuses.get(self.address) or {}
            return bool(listener.get("error") or listener.get("lanAddresses"))

        if not _wait_until(listener_settled, 10.0, interval=0.2) or listener.get("error"):
            raise SyncthingSetupError(
                f"Syncthing {self.name} could not listen on its sync port "
                f"({listener.get('error') or 'the listener never started'})."
            )
        options = self.rest("GET", "/rest/config/options")
        wrong = sorted(key for key, value in EXPECTED_OPTIONS.items() if options.get(key) != value)
        if options.get("listenAddresses") != [self.address]:
            wrong.append("listenAddresses")
        if wrong:
            raise SyncthingSetupError(
                f"Syncthing {self.name} did not keep its loopback-only options: {wrong}"
            )

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Stop the instance and every process of its session; idempotent.

        First the polite way (POST /rest/system/shutdown: the real process exits, then its
        monitor), then SIGTERM, then SIGKILL to each process left in the session.
        """
        process = self.process
        if process is None:
            return
        sid = process.pid  # start_new_session: the session is named after the monitor
        if process.poll() is None:
            try:
                self.rest("POST", "/rest/system/shutdown", timeout=5.0)
            except (OSError, SyncthingSetupError):
                pass  # it does not answer: straight to the signals
            else:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if process.poll() is None or session_members(sid):
                for pid in [sid, *session_members(sid)]:
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.kill(pid, sig)
                _wait_until(lambda: process.poll() is not None and not session_members(sid), 5.0)
        if process.poll() is None or session_members(sid):
            raise SyncthingSetupError(f"Syncthing {self.name} left processes behind after SIGKILL.")
        self.process = None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def event_time(event: dict[str, Any]) -> float:
    """An event's "time" as a Unix timestamp (Syncthing writes nanoseconds; Python reads micro)."""
    stamp = str(event["time"]).replace("Z", "+00:00")
    head, _, rest = stamp.partition(".")
    if rest:
        digits = len(rest) - len(rest.lstrip("0123456789"))
        stamp = f"{head}.{rest[:digits][:6].ljust(6, '0')}{rest[digits:]}"
    return datetime.fromisoformat(stamp).timestamp()


class SyncthingPair(NamedTuple):
    """The two devices, so `with syncthing_pair(tmp) as (a, b):` unpacks them."""

    a: SyncthingDevice
    b: SyncthingDevice

    def wait_in_sync(self, timeout: float = SYNC_TIMEOUT) -> None:
        wait_in_sync(self.a, self.b, timeout)

    def disconnect(self) -> None:
        disconnect(self.a, self.b)

    def reconnect(self) -> None:
        reconnect(self.a, self.b)

    @property
    def homes(self) -> tuple[Path, Path]:
        return self.a.home, self.b.home


def _side_in_sync(me: SyncthingDevice, other: SyncthingDevice) -> tuple[bool, int]:
    """Is `me` idle, needing nothing, and sure `other` needs nothing? Also returns its sequence."""
    status = me.status()
    mine = me.completion()
    theirs = me.completion(other.device_id)
    done = (
        status.get("state") == "idle"
        and status.get("needTotalItems") == 0
        and status.get("errors") == 0
        and all(c.get("needItems") == 0 and c.get("needDeletes") == 0 for c in (mine, theirs))
        and all(c.get("completion") == 100 for c in (mine, theirs))
    )
    return done, int(mine.get("sequence", -1))


def in_sync(a: SyncthingDevice, b: SyncthingDevice) -> bool:
    """True when both are idle, need nothing, and each holds the other's latest index.

    `completion(other).sequence` is the other's sequence as this side knows it, and
    `completion().sequence` a side's own: equal both ways means no index update is in flight.
    """
    a_done, a_sequence = _side_in_sync(a, b)
    b_done, b_sequence = _side_in_sync(b, a)
    return (
        a_done
        and b_done
        and int(b.completion(a.device_id).get("sequence", -2)) == a_sequence
        and int(a.completion(b.device_id).get("sequence", -2)) == b_sequence
    )


def wait_in_sync(a: SyncthingDevice, b: SyncthingDevice, timeout: float = SYNC_TIMEOUT) -> None:
    """Rescan both folders (so nothing on disk is unseen), then wait until they agree.

    The agreement must hold on two polls in a row, so a change that lands between the calls of
    one poll cannot pass for "in sync".
    """
    deadline = time.monotonic() + timeout
    a.scan()
    b.scan()
    streak = 0
    while True:
        streak = streak + 1 if in_sync(a, b) else 0
        if streak >= 2:
            return
        if time.monotonic() >= deadline:
            raise SyncthingTimeoutError(
                f"Syncthing A and B did not reach the same folder contents within {timeout:.0f} s "
                f"(A: {a.progress()}; B: {b.progress()})."
            )
        time.sleep(0.25)


def wait_connected(a: SyncthingDevice, b: SyncthingDevice, timeout: float = CONNECT_TIMEOUT) -> None:
    if not _wait_until(lambda: a.connected_to(b) and b.connected_to(a), timeout, interval=0.25):
        raise SyncthingTimeoutError(
            f"Syncthing A and B did not connect to each other within {timeout:.0f} s."
        )


def disconnect(a: SyncthingDevice, b: SyncthingDevice, timeout: float = CONNECT_TIMEOUT) -> None:
    """Take the two devices "offline" from each other (each pauses the other) and wait until the
    connection is down on both sides; files written now stay local until reconnect()."""
    a.pause(b)
    b.pause(a)
    if not _wait_until(lambda: not a.connected_to(b) and not b.connected_to(a), timeout, interval=0.1):
        raise SyncthingTimeoutError(f"Syncthing A and B were still connected {timeout:.0f} s after pausing.")


def reconnect(a: SyncthingDevice, b: SyncthingDevice, timeout: float = CONNECT_TIMEOUT) -> None:
    """Undo disconnect(): resume both ways and wait until they are connected again. The side that
    only answers resumes first, so the dial that the other makes on resuming finds it willing."""
    answerer, dialer = (a, b) if b.dials else (b, a)
    answerer.resume(dialer)
    dialer.resume(answerer)
    wait_connected(a, b, timeout)


def _make_device(root: Path, name: str, folder: Path, ports: tuple[int, int]) -> SyncthingDevice:
    home = Path(tempfile.mkdtemp(prefix=f"syncthing-home-{name.lower()}-", dir=root))
    generate = subprocess.run(
        ["syncthing", "generate", f"--home={home}", "--no-default-folder", "--skip-port-probing"],
        capture_output=True,
        env=_child_env(home),
        timeout=START_TIMEOUT,
        check=False,
    )
    if generate.returncode != 0:
        raise SyncthingSetupError(f"syncthing generate failed for {name} (exit code {generate.returncode}).")
    gui_port, sync_port = ports
    api_key = secrets.token_urlsafe(24)
    device_id = _edit_config(
        home / "config.xml",
        name=f"casevault-test-{name}",
        gui_port=gui_port,
        sync_port=sync_port,
        api_key=api_key,
    )
    folder.mkdir(parents=True, exist_ok=True)
    return SyncthingDevice(
        name=name,
        home=home,
        folder=folder,
        log_path=root / f"syncthing-{name.lower()}.log",
        device_id=device_id,
        api_key=api_key,
        gui_port=gui_port,
        sync_port=sync_port,
    )


def _wait_or_restart(device: SyncthingDevice, attempts: int = 3) -> None:
    """Wait for a started device; one whose port was taken between choosing and binding it (or
    that failed to start at all) is stopped and started again on new ports."""
    for attempt in range(attempts):
        try:
            device.wait_started()
            return
        except SyncthingSetupError:
            device.stop()
            if attempt == attempts - 1:
                raise
        device.gui_port, device.sync_port = free_ports(2)
        _edit_config(
            device.home / "config.xml",
            name=f"casevault-test-{device.name}",
            gui_port=device.gui_port,
            sync_port=device.sync_port,
            api_key=device.api_key,
        )
        device.start()


def _add_device(me: SyncthingDevice, other: SyncthingDevice, *, dial: bool) -> None:
    """`me` accepts `other`; with `dial`, `me` also knows its address and connects to it.

    Only one side dials. When both do at the same moment, Syncthing 1.19 may keep a different
    connection on each side and close the other ("Connected to already connected device"),
    which can leave none at all, and its redial cooldown then makes the pair wait many seconds.
    "dynamic" with discovery off means "no address": that side only answers.
    """
    me.dials = dial
    me.rest(
        "POST",
        "/rest/config/devices",
        {
            "deviceID": other.device_id,
            "name": f"casevault-test-{other.name}",
            "addresses": [other.address] if dial else ["dynamic"],
            "compression": "metadata",
            "autoAcceptFolders": False,
        },
    )


def _add_folder(me: SyncthingDevice, other: SyncthingDevice, *, rescan_s: int, watcher_delay_s: int) -> None:
    me.rest(
        "POST",
        "/rest/config/folders",
        {
            "id": me.folder_id,
            "label": FOLDER_LABEL,
            "path": str(me.folder),
            "type": "sendreceive",
            "devices": [{"deviceID": me.device_id}, {"deviceID": other.device_id}],
            "rescanIntervalS": rescan_s,
            "fsWatcherEnabled": True,
            "fsWatcherDelayS": watcher_delay_s,
        },
    )


@contextlib.contextmanager
def syncthing_pair(root: Path, *, rescan_s: int = 3, watcher_delay_s: int = 1) -> Iterator[SyncthingPair]:
    """Two connected Syncthing instances sharing one folder, `root/synced-a` and `root/synced-b`.

    The homes (keys, config, index database) are temp folders under `root`, removed on exit;
    the logs stay in `root/syncthing-{a,b}.log` and the synced folders stay for inspection.
    Both instances are stopped on exit however the body ends.
    """
    problem = missing_tools()
    if problem:
        raise SyncthingSetupError(problem)
    root.mkdir(parents=True, exist_ok=True)
    devices: list[SyncthingDevice] = []
    try:
        ports = free_ports(4)  # all at once, so all four differ
        for name in ("A", "B"):
            devices.append(_make_device(root, name, root / f"synced-{name.lower()}", (ports[0], ports[1])))
            ports = ports[2:]
        a, b = devices
        for device in devices:
            device.start()  # both at once: their start-up benchmarks overlap
        for device in devices:
            _wait_or_restart(device)
        _add_device(b, a, dial=False)  # B first, so that A's first dial is accepted
        _add_device(a, b, dial=True)
        _add_folder(a, b, rescan_s=rescan_s, watcher_delay_s=watcher_delay_s)
        _add_folder(b, a, rescan_s=rescan_s, watcher_delay_s=watcher_delay_s)
        wait_connected(a, b)
        wait_in_sync(a, b)
        yield SyncthingPair(a, b)
    finally:
        # Both at once: a hung instance costs its SIGTERM grace period only once.
        with ThreadPoolExecutor(max_workers=2) as pool:
            stops = [pool.submit(device.stop) for device in devices]
        errors = [error for error in (stop.exception() for stop in stops) if error is not None]
        for device in devices:
            shutil.rmtree(device.home, ignore_errors=True)
            shutil.rmtree(device.folder.parent / f".{device.folder.name}-staging", ignore_errors=True)
        if errors:
            raise errors[0]
