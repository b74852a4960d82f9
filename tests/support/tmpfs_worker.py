"""Runs inside the mount namespace that holds a small tmpfs (see test_diskfull.py), and does there
what the test asks: run the real `casevault`, fill or free the tmpfs, hash and list files.

Only the test process talks to it: one JSON request per line on stdin, one JSON answer per line
on stdout. Usage: python tmpfs_worker.py MOUNTPOINT
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

MOUNT = Path(sys.argv[1])
CASEVAULT = [sys.executable, "-m", "casevault"]


def free_bytes() -> int:
    st = os.statvfs(MOUNT)
    return st.f_bavail * st.f_frsize


def fstype() -> str:
    with open("/proc/self/mounts", encoding="utf-8") as f:
        found = [line.split()[2] for line in f if line.split()[1] == str(MOUNT)]
    return found[-1] if found else "none"


def hello(_: dict[str, Any]) -> dict[str, Any]:
    st = os.statvfs(MOUNT)
    return {"fstype": fstype(), "size": st.f_blocks * st.f_frsize, "free": free_bytes()}


def run(req: dict[str, Any]) -> dict[str, Any]:
    env = {**os.environ, **req.get("env", {})}
    p = subprocess.run(
        [*CASEVAULT, *req["args"]],
        env=env,
        cwd=req.get("cwd", str(MOUNT)),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=req.get("timeout", 180),
        start_new_session=True,
        check=False,
    )
    return {"returncode": p.returncode, "stdout": p.stdout, "stderr": p.stderr}


def run_many(req: dict[str, Any]) -> dict[str, Any]:
    """Several runs side by side (each pays its own Argon2id); answers in order."""
    with ThreadPoolExecutor(max(2, min(4, os.cpu_count() or 2))) as pool:
        return {"results": list(pool.map(run, req["runs"]))}


def fill(req: dict[str, Any]) -> dict[str, Any]:
    """Write zeros to `path` until the tmpfs is full, then give back `leave` bytes."""
    path = Path(req["path"])
    block = bytes(1 << 20)
    with open(path, "ab", buffering=0) as f:
        while len(block) >= 512:
            try:
                f.write(block)
            except OSError as err:
                if err.errno != errno.ENOSPC:
                    raise
                block = block[: len(block) // 2]
    leave = int(req.get("leave", 0))
    if leave:
        os.truncate(path, max(0, path.stat().st_size - leave))
    return {"free": free_bytes()}


def unlink(req: dict[str, Any]) -> dict[str, Any]:
    Path(req["path"]).unlink()
    return {"free": free_bytes()}


def listing(req: dict[str, Any]) -> dict[str, Any]:
    root = Path(req["path"])
    return {"files": sorted(str(p.relative_to(root)) for p in root.rglob("*") if not p.is_dir())}


def digest(req: dict[str, Any]) -> dict[str, Any]:
    path = Path(req["path"])
    if not path.exists():
        return {"sha256": None}
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return {"sha256": h.hexdigest()}


OPS = {
    "hello": hello,
    "run": run,
    "run_many": run_many,
    "fill": fill,
    "unlink": unlink,
    "listing": listing,
    "sha256": digest,
}


def main() -> None:
    for line in sys.stdin:
        req = json.loads(line)
        if req["op"] == "exit":
            break
        try:
            answer = {"ok": True, **OPS[req["op"]](req)}
        except Exception as err:  # report it to the test instead of dying silently
            answer = {"ok": False, "error": f"{type(err).__name__}: {err}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
