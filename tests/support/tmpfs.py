"""A small tmpfs, private to a mount namespace, and a worker process inside it that runs the
real `casevault` there (see tmpfs_worker.py). Used by the disk-full and read-only tests.

The tmpfs comes from `unshare -Urm` (works unprivileged, and the mount dies with the namespace),
or else from a plain `mount` when we are root. CI must run these tests: there, failing to get a
tmpfs is a test failure; elsewhere it is a skip that says why.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from tests.support.cli import Result, sha256

WORKER = Path(__file__).with_name("tmpfs_worker.py")
MAX_SIZE = 256 * 1024 * 1024


class Tmpfs:
    """The worker inside the namespace, and the vault on its tmpfs."""

    def __init__(self, proc: subprocess.Popen[str], mount: Path, how: str, errlog: Path) -> None:
        self.proc = proc
        self.mount = mount
        self.how = how
        self.errlog = errlog
        self.vault = mount / "vault"  # where `cv` points --vault; tests may move it

    def call(self, op: str, **req: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        try:
            self.proc.stdin.write(json.dumps({"op": op, **req}) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            raise AssertionError(f"the tmpfs worker died ({self.how}): {self.errlog.read_text()[-2000:]}")
        answer: dict[str, Any] = json.loads(line)
        if not answer.pop("ok"):
            raise AssertionError(f"the tmpfs worker failed at {op}: {answer['error']}")
        return answer

    def cv(self, *args: str, env: dict[str, str] | None = None) -> Result:
        a = self.call("run", args=["--vault", str(self.vault), *args], env=env or {})
        return Result(tuple(args), a["returncode"], a["stdout"], a["stderr"])

    def cv_many(self, *commands: tuple[str, ...]) -> list[Result]:
        runs = [{"args": ["--vault", str(self.vault), *args]} for args in commands]
        answers = self.call("run_many", runs=runs)["results"]
        return [
            Result(args, a["returncode"], a["stdout"], a["stderr"])
            for args, a in zip(commands, answers, strict=True)
        ]

    def assert_intact(self, pairs: list[tuple[str, Path]], out_dir: Path) -> None:
        """Each (attachment id, original) decrypts bit for bit, all side by side."""
        outs = [out_dir / f"intact-{aid}" for aid, _ in pairs]
        for out in outs:
            out.unlink(missing_ok=True)
        gets = [("attachment", "get", aid, "--out", str(o)) for (aid, _), o in zip(pairs, outs, strict=True)]
        for r in self.cv_many(*gets):
            assert r.returncode == 0, str(r)
        for (_, src), out in zip(pairs, outs, strict=True):
            assert sha256(out) == sha256(src), f"{src.name} did not come back bit for bit"

    def ok(self, *args: str) -> Result:
        r = self.cv(*args)
        assert r.returncode == 0, str(r)
        return r

    def free(self) -> int:
        return int(self.call("hello")["free"])

    def files(self, path: Path | None = None) -> list[str]:
        return list(self.call("listing", path=str(path or self.mount))["files"])

    def sha(self, path: Path) -> str | None:
        return self.call("sha256", path=str(path))["sha256"]  # type: ignore[no-any-return]


def _spawn(cmd: list[str], env: dict[str, str], errors: IO[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cmd,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors,
        encoding="utf-8",
        start_new_session=True,
    )


def _hello(proc: subprocess.Popen[str], mount: Path, how: str, errlog: Path) -> tuple[Tmpfs, str | None]:
    fs = Tmpfs(proc, mount, how, errlog)
    try:
        info = fs.call("hello")
    except AssertionError as err:
        return fs, str(err)
    if info["fstype"] != "tmpfs" or not 0 < info["size"] <= MAX_SIZE:
        return fs, f"{how}: {mount} is {info['fstype']} of {info['size']} bytes, not a small tmpfs"
    return fs, None


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None and proc.stdin is not None:
        try:
            proc.stdin.write('{"op": "exit"}\n')
            proc.stdin.flush()
        except BrokenPipeError:
            pass
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def small_tmpfs(tmp_path: Path, env: dict[str, str], options: str) -> Iterator[Tmpfs]:
    """A tmpfs mounted with `options` (give it a size) at tmp_path/small-disk, seen only by the
    worker and the commands it runs. Fails in CI, and skips elsewhere, when there is no way."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    errlog = tmp_path / "worker-stderr.txt"
    reasons: list[str] = []
    with open(errlog, "w", encoding="utf-8") as errors:
        if shutil.which("unshare"):
            script = f'mount -t tmpfs -o {options} tmpfs "$1" && exec "$2" "$3" "$1"'
            cmd = ["unshare", "-Urm", "sh", "-c", script, "sh", str(mount), sys.executable, str(WORKER)]
            with _spawn(cmd, env, errors) as proc:
                try:
                    fs, problem = _hello(proc, mount, "unshare -Urm", errlog)
                    if problem is None:
                        yield fs
                        return
                    reasons.append(problem)
                finally:
                    _stop(proc)
        else:
            reasons.append("there is no unshare command")

        if os.geteuid() == 0 and shutil.which("mount"):
            mounted = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount)],
                capture_output=True,
                text=True,
                check=False,
            )
            if mounted.returncode == 0:
                try:
                    with _spawn([sys.executable, str(WORKER), str(mount)], env, errors) as proc:
                        try:
                            fs, problem = _hello(proc, mount, "mount as root", errlog)
                            if problem is None:
                                yield fs
                                return
                            reasons.append(problem)
                        finally:
                            _stop(proc)
                finally:
                    subprocess.run(["umount", "--lazy", str(mount)], check=False)
            else:
                reasons.append(f"mount as root failed: {mounted.stderr.strip()}")
        else:
            reasons.append("not root (or no mount command), so no plain mount either")

    message = "cannot mount a small tmpfs for this test: " + "; ".join(reasons)
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must run these tests)")
    pytest.skip(message)
