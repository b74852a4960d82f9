"""Run the real `casevault` command the way a user or a script does, and judge what it says.

Every run gets stdin=/dev/null and a new session (no controlling terminal), so a passphrase
prompt fails at once instead of hanging. Each run that unlocks pays a real, calibrated Argon2id
(about 0.75 s): `run_many` runs independent commands side by side to keep the suite quick.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import CASEVAULT, PASSPHRASE

REF_RE = re.compile(r"^CV-\d{4}-\d{4,}$")
ID_RE = re.compile(r"^[0-9a-f]{32}$")
TIMEOUT = 180.0
PARALLEL = max(2, min(4, os.cpu_count() or 2))


def run_casevault(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The real `casevault` with `args`, text output captured, no stdin, never raising."""
    return subprocess.run(
        [*CASEVAULT, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def sandbox_env(home: Path) -> dict[str, str]:
    """What tests/conftest.py's autouse fixture does, for module-scoped fixtures (which are set
    up before it): a private HOME and XDG folders, no CASEVAULT_* settings, a dead D-Bus."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEVAULT_")}
    env.pop("GNOME_KEYRING_CONTROL", None)
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        env[var] = str(home / sub)
    env.update(
        HOME=str(home),
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={home}/no-such-bus",
        PYTHONDONTWRITEBYTECODE="1",
        LANG="C.UTF-8",
        CASEVAULT_PASSPHRASE=PASSPHRASE,
    )
    return env


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return (
            f"`casevault {' '.join(self.args)}` exited {self.returncode}\n"
            f"--- stdout ---\n{self.stdout[-2000:]}\n--- stderr ---\n{self.stderr[-2000:]}"
        )

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def assert_clean_error(result: Result, code: int | None = None) -> str:
    """A failure as the contract wants it: the exit code, and on stderr one clear sentence
    (one line, no traceback). Returns the sentence."""
    if code is None:
        assert result.returncode not in (0, None), str(result)
    else:
        assert result.returncode == code, str(result)
    err = result.stderr.strip()
    assert err, f"a failure must say why on stderr\n{result}"
    assert "Traceback" not in result.stderr, str(result)
    assert "\n" not in err, f"the error must be a single line (one sentence)\n{result}"
    assert err.startswith("casevault: "), str(result)
    assert err.endswith((".", ".)")), f"the error should be a full sentence\n{result}"
    return err.removeprefix("casevault: ")


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_random(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(left, 4 << 20)
            f.write(os.urandom(n))
            left -= n
    return path


def files_under(root: Path, pattern: str = "*") -> list[Path]:
    return sorted(p for p in root.rglob(pattern) if p.is_file())


class Cli:
    """`casevault --vault DIR ...` with a fixed environment and working folder."""

    def __init__(self, vault: Path, env: dict[str, str], cwd: Path | None = None) -> None:
        self.vault = vault
        self.env = env
        self.cwd = cwd or vault.parent

    def argv(self, args: Sequence[str], *, vault: bool = True) -> list[str]:
        return [*CASEVAULT, *(["--vault", str(self.vault)] if vault else []), *args]

    def environ(self, env: dict[str, str] | None = None, unset: Iterable[str] = ()) -> dict[str, str]:
        e = {**self.env, **(env or {})}
        for k in unset:
            e.pop(k, None)
        return e

    def run(
        self,
        *args: str,
        env: dict[str, str] | None = None,
        unset: Iterable[str] = (),
        vault: bool = True,
        timeout: float = TIMEOUT,
    ) -> Result:
        p = subprocess.run(
            self.argv(args, vault=vault),
            env=self.environ(env, unset),
            cwd=self.cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            encoding="utf-8",
            errors="backslashreplace",
            timeout=timeout,
            start_new_session=True,
            check=False,
        )
        return Result(tuple(args), p.returncode, p.stdout, p.stderr)

    def run_many(self, *commands: Sequence[str], **kw: Any) -> list[Result]:
        """Independent commands side by side (each pays its own Argon2id); results in order."""
        return self.run_each([(args, kw) for args in commands])

    def run_each(self, calls: Sequence[tuple[Sequence[str], dict[str, Any]]]) -> list[Result]:
        """Like run_many, with keyword arguments (env, unset, ...) per command."""
        with ThreadPoolExecutor(PARALLEL) as pool:
            return list(pool.map(lambda call: self.run(*call[0], **call[1]), calls))

    def ok(self, *args: str, **kw: Any) -> Result:
        r = self.run(*args, **kw)
        assert r.returncode == 0, str(r)
        assert "Traceback" not in r.stderr, str(r)
        return r

    def json(self, *args: str, **kw: Any) -> Any:
        r = self.ok(*args, "--json", **kw)
        try:
            return json.loads(r.stdout)
        except ValueError:
            raise AssertionError(f"no JSON on stdout\n{r}") from None

    def fail(self, code: int | None, *args: str, **kw: Any) -> str:
        """Run, expect a clean failure with `code`; returns the sentence."""
        return assert_clean_error(self.run(*args, **kw), code)

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        """Start a command without waiting (for the crash tests); output is discarded."""
        return subprocess.Popen(
            self.argv(args),
            env=self.env,
            cwd=self.cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def get_all(self, ids: Sequence[str], out_dir: Path) -> list[Path]:
        """`attachment get` each id into out_dir (side by side); asserts every one succeeded."""
        outs = [out_dir / f"got-{i}-{aid[:8]}" for i, aid in enumerate(ids)]
        results = self.run_many(
            *[("attachment", "get", a, "--out", str(o)) for a, o in zip(ids, outs, strict=True)]
        )
        for r in results:
            assert r.returncode == 0, str(r)
        return outs

    def copy_to(self, vault: Path) -> Cli:
        """The same vault copied to `vault` (a closed vault is just files), for a test that changes it."""
        shutil.copytree(self.vault, vault, symlinks=True)
        return Cli(vault, dict(self.env), vault.parent)
