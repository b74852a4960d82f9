"""Attack: kill -9 a backup after its database snapshot exists, purge a case, scan every page.

Drives the real `casevault` command (`.venv/bin/casevault`, `--vault` in a temp folder,
CASEVAULT_PASSPHRASE, `init --no-keyring`) and judges from outside:

1. kill trials: a backup is started and SIGKILLed at a different moment each time (the snapshot
   folder appearing, the snapshot file appearing, the part file beside the target appearing,
   growing past several sizes, random delays); then `case purge` of a case full of canary words,
   then `check`; then every file under the vault folder is scanned raw, and every file that
   decrypts as SQLCipher under the vault's database key is decrypted page by page (WAL frames
   too) with tests/support/sqlcipher_pages.py, which is independent of sqlcipher3 and checks each
   page's HMAC. Handled = no canary anywhere, check exits 0, no snapshot left. After the trials,
   one more backup into the same folder must remove every part file the killed ones left there.
2. two writers: two processes add 30 notes each through the CLI while a third holds write
   transactions of 3 s (and one of 7 s, beyond SQLite's default 5 s wait); count failures.
3. full disk (needs root for a tmpfs): the vault on a 40 MiB tmpfs filled to the last block;
   `case list`, `case show`, `search`, `reminders`, `attachment get --out <another disk>` must
   exit 0, and `note add` exit 1 with the disk-full sentence and change nothing.

Usage: .venv/bin/python scripts/attacks/backup_kill_purge.py [--trials N]
Prints figures; exits 1 if any attack was not handled.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.support import sqlcipher_pages as sp  # noqa: E402

from casevault.crypto import keys, keyslots  # noqa: E402
from casevault.crypto.keyslots import KeyHeader  # noqa: E402

CASEVAULT = str(ROOT / ".venv" / "bin" / "casevault")
PASSPHRASE = "attack passphrase: purple walrus 4711"
BIG = 128 * 1024 * 1024
EXIT_CODES: collections.Counter[int] = collections.Counter()


def letters(n: int) -> str:
    return "".join(chr(ord("a") + int(d)) for d in f"{n:03d}")


def canaries(trial: int) -> list[str]:
    tag = letters(trial)
    return [
        f"Xanthoria{tag}",
        f"Blunderquist{tag}",
        f"quibbleton{tag}",
        f"Mordecaiharp{tag}",
        f"Zephyrwick{tag}",
    ]


class Cli:
    def __init__(self, vault: Path, env: dict[str, str]) -> None:
        self.vault = vault
        self.env = env

    def argv(self, *args: str) -> list[str]:
        return [CASEVAULT, "--vault", str(self.vault), *args]

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        p = subprocess.run(
            self.argv(*args),
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            start_new_session=True,
            check=False,
        )
        EXIT_CODES[p.returncode] += 1
        return p

    def ok(self, *args: str) -> str:
        p = self.run(*args)
        if p.returncode != 0:
            raise SystemExit(
                f"setup failed: casevault {' '.join(args)} -> {p.returncode}: {p.stderr.strip()}"
            )
        return p.stdout


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEVAULT_")}
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env.update(
        HOME=str(home),
        CASEVAULT_PASSPHRASE=PASSPHRASE,
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={home}/no-bus",
        LANG="C.UTF-8",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def db_key(vault: Path) -> bytes:
    """The database key, from the passphrase slot: the scan trusts nothing of the purge."""
    header = KeyHeader.from_bytes((vault / "vault.keys").read_bytes())
    slot = header.slot(keyslots.PASSPHRASE)
    assert slot is not None
    return keys.derive_key(keyslots.open_passphrase_slot(slot, header.vault_id, PASSPHRASE), keys.PURPOSE_DB)


def needles(words: list[str]) -> list[bytes]:
    out: list[bytes] = []
    for word in words:
        for form in (word, word.lower()):
            out += [n for n in sp.spellings(form) if n not in out]
    return out


def scan(vault: Path, key: bytes, words: list[str]) -> tuple[list[str], int, int]:
    """(finds, databases decrypted, pages and frames decrypted)."""
    wanted = needles(words)
    finds: list[str] = []
    databases = pages_seen = 0
    for path in sorted(p for p in vault.rglob("*") if p.is_file() and not p.is_symlink()):
        raw = path.read_bytes()
        finds += [f"{path.relative_to(vault)} raw {n!r}" for n in wanted if n in raw]
        if path.name.endswith("-wal"):
            if raw:
                frames = sp.decrypt_wal_frames(path, key, sp.file_salt(path.with_name(path.name[:-4])))
                pages_seen += len(frames)
                finds += [f"{path.name} frame {n!r}" for _, pg in frames for n in wanted if n in pg]
            continue
        if not raw or len(raw) % sp.PAGE_SIZE:
            continue
        try:
            pages = sp.decrypt_db_pages(path, key)
        except sp.PageAuthError:
            continue
        databases += 1
        pages_seen += len(pages)
        finds += [f"{path.relative_to(vault)} page {n!r}" for pg in pages for n in wanted if n in pg]
    return finds, databases, pages_seen


MOMENTS = [
    "snapshot folder appears",
    "snapshot file appears",
    "part file appears",
    "part holds a header",
    "part past 1 MiB",
    "part past 25%",
    "part past 50%",
    "part past 90%",
    "random delay after the snapshot",
    "random delay after the snapshot",
]


def kill_backup(cli: Cli, target: Path, moment: str, rng: random.Random) -> tuple[str, bool]:
    """Start a backup and SIGKILL it at `moment`. Returns (what was seen, snapshot existed)."""
    earlier = set(cli.vault.glob(".backup-snapshot-*"))  # only this backup's snapshot counts
    proc = subprocess.Popen(
        cli.argv("backup", "--out", str(target)),
        env=cli.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    delay = rng.uniform(0.0, 0.4)
    started: float | None = None
    seen = "finished before the kill"
    deadline = time.monotonic() + 300
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            snaps = [s for s in cli.vault.glob(".backup-snapshot-*") if s not in earlier]
            parts = list(target.parent.glob(f".{target.name}.*.part"))
            size = parts[0].stat().st_size if parts else -1
            hit = {
                "snapshot folder appears": bool(snaps),
                "snapshot file appears": any((s / "vault.db").exists() for s in snaps),
                "part file appears": size >= 0,
                "part holds a header": size >= 36,
                "part past 1 MiB": size >= 1 << 20,
                "part past 25%": size >= BIG // 4,
                "part past 50%": size >= BIG // 2,
                "part past 90%": size >= BIG * 9 // 10,
            }.get(moment)
            if moment.startswith("random"):
                if snaps and started is None:
                    started = time.monotonic()
                hit = started is not None and time.monotonic() - started >= delay
            if hit:
                os.kill(proc.pid, signal.SIGSTOP)
                seen = f"{moment}" + (f" ({delay:.2f} s)" if moment.startswith("random") else "")
                break
            time.sleep(0.0005)
        had_snapshot = bool(list(cli.vault.glob(".backup-snapshot-*")))
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    EXIT_CODES[proc.returncode] += 1
    return seen, had_snapshot


def kill_trials(work: Path, trials: int) -> tuple[int, int, list[str]]:
    cli = Cli(work / "vault", environment(work / "home"))
    cli.ok("init", "--no-keyring")
    kept = cli.ok("case", "new", "--member", "Keeper Ashdown").strip()
    big = work / "big.bin"
    with open(big, "wb") as f:
        for _ in range(BIG // (1 << 20)):
            f.write(os.urandom(1 << 20))
    cli.ok("attach", kept, str(big))
    big.unlink()
    usb = work / "usb"
    usb.mkdir()
    rng = random.Random(13)  # noqa: S311 - kill moments, not secrets
    key = db_key(cli.vault)
    all_words: list[str] = []
    handled, lines = 0, []
    for trial in range(trials):
        words = canaries(trial)
        all_words += words
        ref = cli.ok(
            "case", "new", "--member", f"{words[0]} {words[1]}", "--email", f"{words[2]}@home.example"
        )
        ref = ref.strip()
        cli.ok("note", "add", ref, "--text", f"{words[3]} said the {words[4]} supervisor shouted.")
        doc = work / f"{words[4]}-sick-note.pdf"
        doc.write_bytes(b"%PDF-1.4 " + os.urandom(3000))
        cli.ok("attach", ref, str(doc))
        doc.unlink()
        cli.ok("case", "close", ref)
        moment = MOMENTS[trial % len(MOMENTS)]
        seen, had_snapshot = kill_backup(cli, usb / f"backup-{trial}.cvbackup", moment, rng)
        purge = cli.run("case", "purge", ref, "--yes")
        check = cli.run("check")
        finds, databases, pages = scan(cli.vault, key, all_words)
        left = list(cli.vault.glob(".backup-snapshot-*"))
        ok = purge.returncode == 0 and check.returncode == 0 and not finds and not left and databases >= 1
        handled += ok
        lines.append(
            f"  trial {trial + 1:2d}: killed at {seen}; snapshot left by the kill: {had_snapshot}; "
            f"purge {purge.returncode}, check {check.returncode}; {databases} database file(s), "
            f"{pages} pages decrypted; finds {len(finds)}; {'handled' if ok else 'NOT HANDLED'}"
        )
        if finds:
            lines += [f"      {f}" for f in finds[:5]]
    stale = sorted(p.name for p in usb.glob(".*.part"))
    cli.ok("backup", "--out", str(usb / "after.cvbackup"))
    after = sorted(p.name for p in usb.glob(".*.part"))
    parts_ok = not after
    lines.append(
        f"  part files the killed backups left beside the target: {len(stale)}; after the next "
        f"backup into that folder: {len(after)} ({'handled' if parts_ok else 'NOT HANDLED'})"
    )
    return handled + parts_ok, trials + 1, lines


HOLDER = """
import sys, time
from sqlcipher3 import dbapi2 as sqlcipher
path = sys.argv[1]
key = sys.stdin.readline().strip()
holds = [float(x) for x in sys.argv[2:]]
for seconds in holds:
    conn = sqlcipher.connect(path, isolation_level=None, timeout=60)
    conn.execute("PRAGMA key = \\"x'" + key + "'\\"")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings(key, value) VALUES ('attack.hold', 'x') "
                 "ON CONFLICT(key) DO UPDATE SET value = 'y'")
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()
    time.sleep(1.0)
"""


def two_writers(work: Path) -> tuple[int, int, list[str]]:
    cli = Cli(work / "vault2", environment(work / "home2"))
    cli.ok("init", "--no-keyring")
    ref = cli.ok("case", "new", "--member", "Two Writers").strip()
    key = db_key(cli.vault)
    holder = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            "-c",
            HOLDER,
            str(cli.vault / "vault.db"),
            "3",
            "7",
            "3",
            "3",
        ],
        stdin=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None
    holder.stdin.write(key.hex() + "\n")
    holder.stdin.close()
    failures: list[str] = []
    waits: list[float] = []
    lock = threading.Lock()

    def writer(name: str) -> None:
        for i in range(30):
            started = time.monotonic()
            p = cli.run("note", "add", ref, "--text", f"{name} {i}")
            with lock:
                waits.append(time.monotonic() - started)
                if p.returncode != 0:
                    failures.append(p.stderr.strip())

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    holder.wait()
    events = json.loads(cli.ok("case", "show", ref, "--json"))["events"]
    lines = [
        f"  60 writes from 2 processes, a third holding write transactions of 3, 7, 3, 3 s: "
        f"{len(failures)} failed, {len(events)} notes stored, longest write {max(waits):.1f} s"
    ]
    lines += [f"      {m}" for m in sorted(set(failures))]
    return 60 - len(failures), 60, lines


def full_disk(work: Path) -> tuple[int, int, list[str]]:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return 0, 0, ["  skipped: not root, so no tmpfs"]
    mount = work / "small"
    mount.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m,mode=0700", "tmpfs", str(mount)], check=False)
    if r.returncode != 0:
        return 0, 0, ["  skipped: the tmpfs could not be mounted"]
    try:
        cli = Cli(mount / "vault", environment(work / "home3"))
        cli.ok("init", "--no-keyring")
        ref = cli.ok("case", "new", "--member", "Hyacinth Parr").strip()
        cli.ok("note", "add", ref, "--text", "Marzipanfactory hearing on Tuesday.")
        src = work / "payslip.pdf"
        src.write_bytes(os.urandom(300_000))
        aid = cli.ok("attach", ref, str(src)).strip()
        with open(mount / "filler", "wb", buffering=0) as f:
            block = bytes(1 << 20)
            while len(block) >= 512:
                try:
                    f.write(block)
                except OSError:
                    block = block[: len(block) // 2]
        st = os.statvfs(mount)
        free = st.f_bavail * st.f_frsize
        out = work / "other-disk-copy.pdf"
        reads = {
            "case list": ("case", "list"),
            "case show": ("case", "show", ref),
            "search": ("search", "marzipanfactory"),
            "reminders": ("reminders",),
            "attachment get (another disk)": ("attachment", "get", aid, "--out", str(out)),
        }
        lines, handled = [f"  the tmpfs is full: {free} bytes free"], 0
        for what, args in reads.items():
            p = cli.run(*args)
            good = p.returncode == 0 and (
                what != "attachment get (another disk)" or out.read_bytes() == src.read_bytes()
            )
            handled += good
            lines.append(
                f"  {what}: exit {p.returncode} ({'handled' if good else 'NOT HANDLED: ' + p.stderr.strip()})"
            )
        p = cli.run("note", "add", ref, "--text", "cannot be saved")
        (mount / "filler").unlink()
        events = json.loads(cli.ok("case", "show", ref, "--json"))["events"]
        good = p.returncode == 1 and "disk is full" in p.stderr.lower() and len(events) == 1
        handled += good
        lines.append(
            f"  note add: exit {p.returncode}, {p.stderr.strip()!r}; notes after: {len(events)} "
            f"({'handled' if good else 'NOT HANDLED'})"
        )
        return handled, len(reads) + 1, lines
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="attack-backup-kill-"))
    os.chmod(work, 0o700)
    total_ok = total = 0
    try:
        for title, run in (
            ("kill -9 during backup, then purge, then a page scan", lambda: kill_trials(work, args.trials)),
            ("two writers", lambda: two_writers(work)),
            ("full disk, reading", lambda: full_disk(work)),
        ):
            started = time.monotonic()
            ok, tried, lines = run()
            total_ok += ok
            total += tried
            print(f"{title}: {ok} of {tried} handled ({time.monotonic() - started:.0f} s)")
            print("\n".join(lines))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"exit codes of every casevault run: {dict(sorted(EXIT_CODES.items()))} (-9 = killed)")
    print(f"peak memory of one casevault process: {peak:.0f} MiB")
    print(f"TOTAL: {total_ok} of {total} handled")
    return 0 if total_ok == total else 1


if __name__ == "__main__":
    sys.exit(main())
