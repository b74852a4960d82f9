"""The Syncthing harness (tests/support/syncthing.py) against the real Debian syncthing (issue 20).

Two instances on the loopback interface, each with its own home and ports, configured over REST.
These tests check what the sync feature's tests will lean on: bytes arrive intact both ways,
devices that write only under their own `devices/<id>/` never produce a conflict copy (while
two devices writing one file do, so the check can see one), a 100 MiB file gets across, and
nothing is left running or on disk once the pair is closed. The recipe: docs/SYNCTHING-CI.md.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.syncthing import (
    SyncthingDevice,
    disconnect,
    event_time,
    file_sha256,
    process_gone,
    processes_mentioning,
    reconnect,
    syncthing_pair,
    wait_in_sync,
)

# Every test starts two daemons (about 1 s before its body runs) and waits on real syncing.
pytestmark = pytest.mark.slow

MIB = 1 << 20


def _tree(device: SyncthingDevice) -> dict[str, str]:
    """The folder as relative path -> sha256, so a failed comparison prints no file content."""
    return {name: hashlib.sha256(data).hexdigest() for name, data in device.files().items()}


def test_a_file_written_on_either_device_arrives_byte_identical_on_the_other(tmp_path: Path) -> None:
    with syncthing_pair(tmp_path) as (a, b):
        from_a = {
            "notes/a-small.txt": b"written on A\n",
            "notes/a-binary.bin": os.urandom(300_000),  # more than two 128 KiB blocks
            "a-empty": b"",
        }
        for name, data in from_a.items():
            a.write(name, data)
        for name, data in from_a.items():
            b.wait_for_file(name, content=data)

        from_b = {"notes/b-small.txt": "écrit sur B ✓\n".encode(), "b-binary.bin": os.urandom(70_000)}
        for name, data in from_b.items():
            b.write(name, data)
        for name, data in from_b.items():
            a.wait_for_file(name, content=data)

        # A change to an existing file travels too (Syncthing pulls only the changed blocks).
        changed = from_a["notes/a-binary.bin"][:150_000] + os.urandom(150_000)
        a.write("notes/a-binary.bin", changed)
        b.wait_for_file("notes/a-binary.bin", content=changed)

        wait_in_sync(a, b)
        assert _tree(a) == _tree(b), "the two folders differ after Syncthing reported them in sync"
        assert len(_tree(a)) == len(from_a) + len(from_b)
        assert not a.conflicts() and not b.conflicts(), "a conflict copy appeared"


def _write_own_files(device: SyncthingDevice, rounds: int, failures: list[BaseException]) -> None:
    """What a casevault device does: new change sets, and a head file only it ever rewrites."""
    own = Path("devices") / device.device_id
    try:
        for sequence in range(1, rounds + 1):
            device.write(own / f"{sequence:06d}.cs", os.urandom(1024 + 97 * sequence))
            device.write(own / "head", f"{sequence}\n".encode())
            time.sleep(0.15)
    except BaseException as error:  # reported by the test thread
        failures.append(error)


def test_devices_that_write_only_their_own_subfolder_never_make_a_conflict_copy(tmp_path: Path) -> None:
    rounds = 20  # ~3 s of writing on both sides at once, across several watcher windows
    with syncthing_pair(tmp_path) as (a, b):
        failures: list[BaseException] = []
        writers = [threading.Thread(target=_write_own_files, args=(d, rounds, failures)) for d in (a, b)]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(timeout=120)
        assert not failures, f"a writer failed: {type(failures[0]).__name__}"

        wait_in_sync(a, b)
        for device in (a, b):
            assert not device.conflicts(), (
                f"Syncthing {device.name} made {len(device.conflicts())} conflict copies"
            )
        assert _tree(a) == _tree(b), "the two folders differ after Syncthing reported them in sync"
        for writer_device in (a, b):
            own = f"devices/{writer_device.device_id}/"
            for reader in (a, b):
                names = [name for name in _tree(reader) if name.startswith(own)]
                assert len(names) == rounds + 1, (
                    f"Syncthing {reader.name} holds {len(names)} of {rounds + 1} files "
                    f"that {writer_device.name} wrote"
                )
                head = reader.path(own + "head").read_bytes()
                assert head == f"{rounds}\n".encode(), (
                    f"{reader.name} holds a stale head of {writer_device.name}"
                )


def test_two_devices_writing_one_file_do_make_a_conflict_copy(tmp_path: Path) -> None:
    # The control for the test above: the conflict check can see a conflict when there is one.
    with syncthing_pair(tmp_path) as (a, b):
        disconnect(a, b)
        a.write("shared-file", b"version from A\n")
        b.write("shared-file", b"version from B, longer\n")
        a.scan()
        b.scan()
        reconnect(a, b)
        wait_in_sync(a, b)
        assert a.conflicts() and b.conflicts(), "two devices changed one file and no conflict copy appeared"
        assert _tree(a) == _tree(b)


def test_a_100_mib_file_copies_from_a_to_b(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    size = 100 * MIB
    staging = tmp_path / "staging-100mib"
    digest = hashlib.sha256()
    with staging.open("wb") as handle:  # random, so no block repeats and nothing compresses
        for _ in range(size // MIB):
            chunk = os.urandom(MIB)
            digest.update(chunk)
            handle.write(chunk)
        handle.flush()
        os.fsync(handle.fileno())

    # The same bytes as a plain file copy on this disk (with fsync, as Syncthing does).
    plain = tmp_path / "plain-copy"
    started = time.monotonic()
    with staging.open("rb") as source, plain.open("wb") as target:
        while chunk := source.read(MIB):
            target.write(chunk)
        target.flush()
        os.fsync(target.fileno())
    plain_s = time.monotonic() - started
    plain.unlink()

    name = "attachments/blob-100mib"
    with syncthing_pair(tmp_path / "pair") as (a, b):
        (a.folder / "attachments").mkdir()
        b.wait_for_file("attachments")
        a_since, b_since = a.last_event_id(), b.last_event_id()
        appeared_at = time.time()
        started = time.monotonic()
        os.replace(staging, a.folder / name)
        arrived = b.wait_for_file(name, size=size, timeout=600)
        sync_s = time.monotonic() - started
        assert file_sha256(arrived) == digest.hexdigest(), "the 100 MiB file arrived with other bytes"
        wait_in_sync(a, b, timeout=300)
        split = _split_from_events(a.events(a_since), b.events(b_since), name, appeared_at)
        for device in (a, b):  # pytest keeps the last runs' temp folders: not 200 MiB of them
            device.path(name).unlink()

    record_property("syncthing_100mib_seconds", round(sync_s, 2))
    record_property("plain_copy_100mib_seconds", round(plain_s, 3))
    # Figures for the closing note, never a pass/fail criterion.
    print(
        f"\nSyncthing on loopback: 100 MiB A->B in {sync_s:.2f} s ({100 / sync_s:.0f} MiB/s), from "
        f"the file's appearance on A to its full size on B; {split}; a plain copy of the same "
        f"bytes on this disk, with fsync: {plain_s:.3f} s"
    )


def _split_from_events(
    a_events: list[dict[str, Any]], b_events: list[dict[str, Any]], name: str, appeared_at: float
) -> str:
    """Where the time went, from the two event streams: A's watcher delay + scan, then B's pull."""

    def first(events: list[dict[str, Any]], kind: str, key: str) -> dict[str, Any] | None:
        for event in events:
            data = event.get("data")
            if not isinstance(data, dict):  # some events carry a string or a list
                continue
            value = data.get(key)
            if event.get("type") == kind and (value == name or (isinstance(value, list) and name in value)):
                return event
        return None

    indexed = first(a_events, "LocalIndexUpdated", "filenames")
    pull_started = first(b_events, "ItemStarted", "item")
    pull_finished = first(b_events, "ItemFinished", "item")
    if indexed is None or pull_started is None or pull_finished is None:
        return "(the events to split that time were not all found)"
    return (
        f"of which A's watcher delay + scan {event_time(indexed) - appeared_at:.2f} s, "
        f"index to B and B's pull start {event_time(pull_started) - event_time(indexed):.2f} s, "
        f"B's pull (transfer, hash check, write) {event_time(pull_finished) - event_time(pull_started):.2f} s"
    )


def _refused(port: int) -> bool:
    """Nothing listens on the port. (A connect to a free port in the ephemeral range can, rarely,
    pick that same port as its source and connect to itself: that is no listener either.)"""
    with socket.socket() as sock:
        sock.settimeout(2)
        if sock.connect_ex(("127.0.0.1", port)) != 0:
            return True
        return bool(sock.getsockname() == sock.getpeername())


@pytest.mark.parametrize("ending", ["normal exit", "exception in the body", "instances broken"])
def test_the_pair_leaves_no_process_and_no_home_behind(tmp_path: Path, ending: str) -> None:
    class BodyFailedError(Exception):
        pass

    def body_fails() -> None:
        raise BodyFailedError

    seen: list[int] = []
    ports: list[int] = []
    homes: list[Path] = []
    try:
        with syncthing_pair(tmp_path) as (a, b):
            for device in (a, b):
                homes.append(device.home)
                ports.extend([device.gui_port, device.sync_port])
                found = processes_mentioning(str(device.home))
                # Syncthing 1.19 runs a monitor process and the real one under it.
                assert len(found) == 2, f"expected 2 processes for {device.name}, found {len(found)}"
                seen.extend(found)
            if ending == "exception in the body":
                body_fails()
            if ending == "instances broken":
                # A's monitor dies and leaves its child behind; B hangs (no REST, no SIGTERM):
                # only the session-wide SIGTERM and then SIGKILL can clear them.
                assert a.process is not None
                os.kill(a.process.pid, signal.SIGKILL)
                for pid in processes_mentioning(str(b.home)):
                    os.kill(pid, signal.SIGSTOP)
    except BodyFailedError:
        pass

    for home in homes:
        assert not processes_mentioning(str(home)), "a syncthing process outlived the pair"
        assert not home.exists(), "a syncthing home outlived the pair"
    assert all(process_gone(pid) for pid in seen), "a syncthing process outlived the pair"
    assert all(_refused(port) for port in ports), "a syncthing port still accepts connections"
