"""kill -9 in the middle of `attach` (a 300 MiB file) and of `case purge`, at several moments, and
what the next command finds: `check` passes, earlier attachments decrypt bit for bit, and the
interrupted change is either all there or not there at all. No *.part file survives.

The moments are taken from what the killed process visibly does on disk (its .part file
appearing, growing, being renamed; the WAL; blobs being unlinked), not from wall-clock guesses, so
they hold on a fast laptop and on a loaded CI runner alike: the test wakes on inotify, and for the
narrow windows it single-steps the process with SIGSTOP/SIGCONT until it is frozen inside the
window, then kills it. Each test works on a copy of one template vault. What each kill hit, and
whether the change was kept or dropped, is printed as the tests run.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from casevault.crypto.blob import ciphertext_size
from tests.support.cli import Cli, Result, assert_clean_error, files_under, sandbox_env, sha256, write_random

pytestmark = pytest.mark.slow
if not sys.platform.startswith("linux"):
    pytest.skip("the kill moments are found with inotify and SIGSTOP (Linux)", allow_module_level=True)

BIG_SIZE = 300 * 1024 * 1024 + 12_345  # not a whole number of chunks
PURGE_FILES = 40
MEMBER_KEPT = "Perpetua Ashcombe"
MEMBER_PURGED = "Fenwick Oyelaran-Holt"
POLL = 0.002  # also the longest a time-based moment can be late
BURST = 0.0001  # how long a single-stepped process runs between two looks
TIMEOUT = 180.0


@dataclass
class Template:
    cli: Cli
    work: Path
    ref_kept: str  # an open case: earlier attachments, and where the killed attach goes
    kept_ids: list[str]
    kept_sources: list[Path]
    ref_purged: str  # a closed case with many attachments, for the purge kills
    purged_ids: list[str]
    purged_sources: list[Path]
    case_dirs: dict[str, str] = field(default_factory=dict)  # ref -> folder name under cases/


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("big")
    path = write_random(folder / "scan-of-everything.tiff", BIG_SIZE)
    yield path, sha256(path)
    path.unlink()


def _case_folder(cli: Cli, before: set[str]) -> str:
    (new,) = {p.name for p in (cli.vault / "cases").iterdir()} - before
    return new


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    root = tmp_path_factory.mktemp("crash")
    (root / "home").mkdir()
    work = root / "work"
    work.mkdir()
    cli = Cli(root / "vault", sandbox_env(root / "home"), work)
    cli.ok("init", "--no-keyring")
    dirs: dict[str, str] = {}

    ref_kept = cli.ok("case", "new", "--member", MEMBER_KEPT).stdout.strip()
    dirs[ref_kept] = _case_folder(cli, set())
    kept_sources = [
        write_random(work / "kept-small.txt", 5_000),
        write_random(work / "kept-3mib.pdf", 3 << 20),
    ]
    kept_ids = cli.ok("attach", ref_kept, *map(str, kept_sources)).lines

    ref_purged = cli.ok("case", "new", "--member", MEMBER_PURGED).stdout.strip()
    dirs[ref_purged] = _case_folder(cli, {dirs[ref_kept]})
    purged_sources = [write_random(work / f"purged-{i:03d}.bin", 1_000 + 37 * i) for i in range(PURGE_FILES)]
    purged_sources.append(write_random(work / "purged-big.bin", (2 << 20) + 1))  # three chunks
    purged_ids = cli.ok("attach", ref_purged, *map(str, purged_sources)).lines
    cli.ok("case", "close", ref_purged, "--retain-days", "0")
    assert len(purged_ids) == PURGE_FILES + 1
    yield Template(cli, work, ref_kept, kept_ids, kept_sources, ref_purged, purged_ids, purged_sources, dirs)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def vault(template: Template, tmp_path: Path) -> Iterator[Cli]:
    cli = template.cli.copy_to(tmp_path / "vault")
    cli.cwd = tmp_path
    yield cli
    shutil.rmtree(tmp_path, ignore_errors=True)  # hundreds of MiB per test: do not keep them


# ---- killing at a moment -----------------------------------------------------------------------

Moment = Callable[[float], str | None]  # seconds since start -> what was seen, when it is time to kill

_libc = ctypes.CDLL(None, use_errno=True)
# inotify(7): a child created, written, renamed in or deleted, or the folder itself deleted.
_IN_EVENTS = 0x002 | 0x080 | 0x100 | 0x200 | 0x400


class FolderWatch:
    """Wakes the test the moment something changes in the watched folders (inotify), so a kill
    lands within microseconds of what it waits for, instead of a polling interval later."""

    def __init__(self, folders: list[Path]) -> None:
        self.fd = _libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        for folder in folders:
            if _libc.inotify_add_watch(self.fd, os.fsencode(folder), _IN_EVENTS) < 0:
                os.close(self.fd)
                raise OSError(ctypes.get_errno(), f"inotify_add_watch {folder}")

    def wait(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            with contextlib.suppress(BlockingIOError):
                while os.read(self.fd, 1 << 16):
                    pass

    def close(self) -> None:
        os.close(self.fd)


def _stop(proc: subprocess.Popen[bytes]) -> bool:
    """SIGSTOP the child and wait until it is stopped; False if it exited instead."""
    os.kill(proc.pid, signal.SIGSTOP)
    _, status = os.waitpid(proc.pid, os.WUNTRACED)
    if os.WIFSTOPPED(status):
        return True
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so tell Popen
    return False


def _reap(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def kill_at(
    proc: subprocess.Popen[bytes], moment: Moment, watch: list[Path], arm: Moment | None = None
) -> str:
    """SIGKILL `proc` as soon as `moment` says so; returns what the kill hit.

    Until then the test sleeps on inotify. A narrow moment can be given an `arm`: once that is
    seen, the process is single-stepped (SIGCONT; run until a watched folder changes, or 0.1 ms
    at most; SIGSTOP; look), so the moment is found with the process frozen in it, however fast
    the machine is; `moment` is only looked at from then on."""
    start = time.monotonic()
    stepping = False
    with contextlib.ExitStack() as stack:
        watcher = FolderWatch(watch)
        stack.callback(watcher.close)
        stack.callback(_reap, proc)
        while proc.poll() is None:
            elapsed = time.monotonic() - start
            if arm is not None and not stepping and arm(elapsed) is not None:
                stepping = True
                if not _stop(proc):
                    break
            seen = moment(elapsed) if arm is None or stepping else None
            if seen is not None:
                proc.kill()
                proc.wait()
                if proc.returncode != -signal.SIGKILL:
                    return (
                        f"missed: the command finished (exit {proc.returncode}) just before the kill ({seen})"
                    )
                return (
                    f"killed after {elapsed * 1000:.0f} ms{' (single-stepped)' if stepping else ''}: {seen}"
                )
            if elapsed > TIMEOUT:
                raise AssertionError("the command neither finished nor reached the moment to kill it")
            if stepping:
                os.kill(proc.pid, signal.SIGCONT)
                watcher.wait(BURST)  # a change in a watched folder ends the burst at once
                if not _stop(proc):
                    break
            else:
                watcher.wait(POLL)
    return f"missed: the command finished (exit {proc.returncode}) before the moment came"


def scan(folder: Path) -> dict[str, int]:
    """Names in `folder`, with sizes for temp files only (cheap enough to run between events)."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return {}
    sizes: dict[str, int] = {}
    for name in names:
        try:
            sizes[name] = (folder / name).stat().st_size if name.endswith(".part") else 0
        except FileNotFoundError:
            continue
    return sizes


@dataclass(frozen=True)
class When:
    moment: Moment
    arm: Moment | None = None  # single-step the process from here on (see kill_at)


def attach_moments(case_dir: Path, known: set[str]) -> dict[str, When]:
    """When to kill `attach`: by what its .part file, its blob and the WAL do."""
    wal = case_dir.parent.parent / "vault.db-wal"
    full = ciphertext_size(BIG_SIZE)
    part_seen: list[float] = []

    def part(elapsed: float) -> tuple[str, int] | None:
        for name, size in scan(case_dir).items():
            if name.endswith(".part"):
                if not part_seen:
                    part_seen.append(elapsed)
                return name, size
        return None

    def after_part(delay: float) -> Moment:
        def moment(elapsed: float) -> str | None:
            found = part(elapsed)
            if part_seen and elapsed - part_seen[0] >= delay:
                return f".part at {found[1] / full:.0%}" if found else "no .part any more"
            return None

        return moment

    def part_at(fraction: float) -> Moment:
        def moment(elapsed: float) -> str | None:
            found = part(elapsed)
            return f".part at {found[1] / full:.0%}" if found and found[1] >= fraction * full else None

        return moment

    def part_complete(elapsed: float) -> str | None:
        found = part(elapsed)
        return "the .part holds every chunk (fsync or rename next)" if found and found[1] >= full else None

    def renamed(elapsed: float) -> str | None:
        new = [n for n in scan(case_dir) if n.endswith(".cvf") and n not in known]
        return "the blob was renamed into place; its row may not be committed" if new else None

    def checkpointed(_: float) -> str | None:
        size = wal.stat().st_size if wal.exists() else 0
        return "the row is committed and the WAL checkpointed (closing)" if size == 0 else None

    def created(elapsed: float) -> str | None:
        found = part(elapsed)
        return f".part created ({found[1]} bytes)" if found else None

    # Moments inside the write are defined by how much is written, not by wall-clock delays: a
    # fast disk writes the whole file within 200 ms of creating it. Single-stepping from the
    # .part's creation freezes the process inside the window however fast it is.
    return {
        "50ms-after-start": When(lambda elapsed: "before unlocking" if elapsed >= 0.05 else None),
        "part-created": When(created),
        "part-10%": When(part_at(0.1), arm=created),
        "part-50%": When(part_at(0.5), arm=created),
        "part-90%": When(part_at(0.9)),
        "part-complete": When(part_complete),
        "renamed": When(renamed, arm=part_complete),
        "committed": When(checkpointed, arm=renamed),
    }


def assert_earlier_intact(cli: Cli, template: Template, *more: tuple[str, ...]) -> list[Result]:
    """The earlier attachments of the kept case decrypt bit for bit. `more` commands run in the
    same batch; returns [`case show --json` of the kept case, *results of `more`]."""
    outs = [cli.cwd / f"earlier-{i}" for i in range(len(template.kept_ids))]
    n = len(outs)
    results = cli.run_many(
        ("case", "show", template.ref_kept, "--json"),
        *[("attachment", "get", a, "--out", str(o)) for a, o in zip(template.kept_ids, outs, strict=True)],
        *more,
    )
    for r in results[: n + 1]:
        assert r.returncode == 0, str(r)
    for src, out in zip(template.kept_sources, outs, strict=True):
        assert sha256(out) == sha256(src), f"earlier attachment {src.name} no longer decrypts bit for bit"
    return [results[0], *results[n + 1 :]]


def assert_no_parts(cli: Cli) -> None:
    leftovers = files_under(cli.vault, "*.part")
    assert not leftovers, f"the next command left the killed write's temp files: {leftovers}"


@pytest.mark.parametrize(
    "when",
    [
        "50ms-after-start",
        "part-created",
        "part-10%",
        "part-50%",
        "part-90%",
        "part-complete",
        "renamed",
        "committed",
    ],
)
def test_kill_during_attach(
    vault: Cli, template: Template, big_file: tuple[Path, str], when: str, capsys: pytest.CaptureFixture[str]
) -> None:
    big, big_sha = big_file
    case_dir = vault.vault / "cases" / template.case_dirs[template.ref_kept]
    known = set(scan(case_dir))
    moment = attach_moments(case_dir, known)[when]
    hit = kill_at(vault.start("attach", template.ref_kept, str(big)), moment.moment, [case_dir], moment.arm)
    assert not hit.startswith("missed"), hit
    check = vault.run("check")  # the next command: it must clean up and find nothing wrong
    assert check.returncode == 0, f"after a kill at {when} ({hit}):\n{check}"
    assert_no_parts(vault)

    shown = json.loads(assert_earlier_intact(vault, template)[0].stdout)
    new = [a for a in shown["attachments"] if a["id"] not in template.kept_ids]
    on_disk = {n.removesuffix(".cvf") for n in scan(case_dir)}
    assert on_disk == {a["id"] for a in shown["attachments"]}, "blobs on disk and records disagree"
    if new:  # all there: listed, full size, and it decrypts bit for bit
        (added,) = new
        assert added["size"] == BIG_SIZE
        out = vault.cwd / "killed-but-kept"
        vault.ok("attachment", "get", added["id"], "--out", str(out))
        assert sha256(out) == big_sha
        out.unlink()
    # ...or not there at all: nothing listed, no blob, and check passed.
    with capsys.disabled():
        print(f"\n  attach killed at {when}: {hit} -> {'kept whole' if new else 'dropped'}")


# ---- purge ------------------------------------------------------------------------------------


def purge_moments(vault: Path, case_dir: Path) -> dict[str, When]:
    total = PURGE_FILES + 1
    wal = vault / "vault.db-wal"

    def wal_written(_: float) -> str | None:
        try:
            size = wal.stat().st_size
        except FileNotFoundError:
            return None
        return f"the WAL holds {size} bytes (the erase is being written)" if size > 0 else None

    def db_open(_: float) -> str | None:
        return "the database is open" if wal.exists() else None

    wal_had_data: list[bool] = []

    def committed(_: float) -> str | None:
        # The erase commits, the WAL is checkpointed to nothing, then the blobs are unlinked. On a
        # loaded machine the test may only look again a scheduler tick later, so this moment is
        # "committed, the process not finished yet", and says how far the unlinking had got.
        size = wal.stat().st_size if wal.exists() else 0
        if size:
            wal_had_data.append(True)
        left = len(scan(case_dir))
        if left < total or (wal_had_data and size == 0):
            return f"the erase is committed; {total - left} of {total} blobs unlinked"
        return None

    def folder_gone(_: float) -> str | None:
        return "the case folder is gone" if not case_dir.exists() else None

    return {
        "50ms-after-start": When(lambda elapsed: "before unlocking" if elapsed >= 0.05 else None),
        "wal-written": When(wal_written, arm=db_open),
        "committed": When(committed, arm=db_open),
        "folder-gone": When(folder_gone, arm=db_open),
    }


@pytest.mark.parametrize("when", ["50ms-after-start", "wal-written", "committed", "folder-gone"])
def test_kill_during_purge(
    vault: Cli, template: Template, when: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = template.ref_purged
    case_dir = vault.vault / "cases" / template.case_dirs[ref]
    assert len(scan(case_dir)) == PURGE_FILES + 1
    moment = purge_moments(vault.vault, case_dir)[when]
    hit = kill_at(
        vault.start("case", "purge", ref, "--yes"), moment.moment, [vault.vault, case_dir], moment.arm
    )
    assert not hit.startswith("missed"), hit
    check = vault.run("check")
    assert check.returncode == 0, f"after a kill at {when} ({hit}):\n{check}"
    assert_no_parts(vault)

    ids, sources = template.purged_ids, template.purged_sources
    samples = [(ids[i], sources[i], vault.cwd / f"sample-{i}") for i in (0, -1)]
    _, shown, deletions, search, *gets = assert_earlier_intact(
        vault,
        template,
        ("case", "show", ref, "--json"),
        ("deletions", "--json"),
        ("search", "Oyelaran", "--json"),
        *[("attachment", "get", aid, "--out", str(out)) for aid, _, out in samples],
    )
    deleted_refs = [d["ref"] for d in json.loads(deletions.stdout)]
    if shown.returncode == 0:  # the purge never committed: the whole case is still there
        data = json.loads(shown.stdout)
        assert [a["id"] for a in data["attachments"]] == template.purged_ids
        assert len(scan(case_dir)) == PURGE_FILES + 1, "the case is listed, but some of its blobs are gone"
        assert ref not in deleted_refs
        assert [h["ref"] for h in json.loads(search.stdout)] == [ref]
        for get, (_, src, out) in zip(gets, samples, strict=True):
            assert get.returncode == 0, str(get)
            assert sha256(out) == sha256(src)
    else:  # the purge committed: it is finished, not half done
        assert "no case" in assert_clean_error(shown, 1)
        assert not case_dir.exists(), "the purge committed, but the case's blobs are still on disk"
        assert deleted_refs == [ref]
        assert json.loads(search.stdout) == []
        assert MEMBER_PURGED not in deletions.stdout
        for get, (_, _, out) in zip(gets, samples, strict=True):
            assert "no attachment" in assert_clean_error(get, 1)
            assert not out.exists()
    with capsys.disabled():
        outcome = "case intact" if shown.returncode == 0 else "purge finished by the next open"
        print(f"\n  purge killed at {when}: {hit} -> {outcome}")
