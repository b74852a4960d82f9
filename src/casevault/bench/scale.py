"""`python -m casevault.bench --scale VAULT...`: issue 15's table, measured on vaults the
generator made (casevault.bench.db.generate), each with its baseline from the same run.

Every vault is copied into the scratch folder first (opening may migrate it). Each row is a
median (and p95 where the target is a p95) of runs interleaved with its baseline's, so a busy
moment of the machine falls on both. A figure, never a pass/fail test: the tests prove the
results are the same as before; this says how fast they come.

Printed elsewhere: `check`, backup, handover and receive (python -m casevault.bench, the backup
table), and GUI start-up and deep scrolling (python -m casevault.bench --gui).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from casevault.bench.common import (
    MIB,
    PASSPHRASE,
    Samples,
    Table,
    emit,
    fmt_count,
    fmt_seconds,
    progress,
    timed_result,
    write_random_file,
)
from casevault.bench.db import NOW, RARE_WORD, SURNAME_QUERY, WORDS
from casevault.casework.reminders import ReminderPage
from casevault.core.paths import VaultPaths
from casevault.store import baselines
from casevault.vault.facade import Vault

RUNS, QUICK_RUNS = 21, 3
PROCESS_RUNS, QUICK_PROCESS_RUNS = 7, 1
WHOLE_VAULT_RUNS = 3  # check and backup of a 100k-case vault take a while each
ATTACH_SIZE, QUICK_ATTACH_SIZE = 256 * MIB, 4 * MIB


def _p95(samples: Samples) -> float:
    ordered = sorted(samples.values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _interleaved(
    actions: dict[str, Callable[[], object]], runs: int
) -> tuple[dict[str, Samples], dict[str, int]]:
    samples = {name: Samples() for name in actions}
    sizes: dict[str, int] = {}
    order = list(actions.items())
    for run in range(runs + 1):  # run 0 warms the page cache
        # Every other run backwards: a measure and its baseline read the same pages, and the
        # second of the two always found them in the cache the first had just filled.
        for name, action in order if run % 2 else order[::-1]:
            seconds, result = timed_result(action)
            if isinstance(result, ReminderPage):
                sizes[name] = result.total
            else:
                sizes[name] = len(result) if isinstance(result, list | tuple) else 0
            if run:
                samples[name].add(seconds)
    return samples, sizes


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.1f}x" if base > 0 else "-"


def _queries(vault: Vault, cases: int, runs: int) -> Table:
    """Reminders, agenda, search, list and conflict check, through the API the GUI and CLI use."""
    db = vault.session.db
    common = WORDS[0]
    names = sorted({c.member_name for c in vault.list_cases(limit=5)})
    searches = {"commonest word": common, "rare word": RARE_WORD, "surname": SURNAME_QUERY}
    actions: dict[str, Callable[[], object]] = {
        "reminders": vault.reminder_page,
        "agenda": vault.agenda_page,
        "reminders, every one": vault.reminders,
        "list": lambda: vault.list_cases(sort="updated"),
        "list raw": lambda: baselines.first_page_rows(db),
        "today": partial(vault.today_board, NOW),
    }
    for label, word in searches.items():
        actions[f"search {label}"] = partial(vault.search_cases, word)
        actions[f"fts {label}"] = partial(baselines.fts_first_rowids, db, word)
    first, *rest = names[0].split()
    swapped = " ".join([first[0] + first[2] + first[1] + first[3:], *rest])
    checks = [(f"member name {i + 1}", name) for i, name in enumerate(names)] + [
        ("a member name misspelt (two letters swapped)", swapped),
        ("a first name alone (one word: the split lookup)", first),
    ]
    for label, name in checks:
        actions[f"conflicts {label}"] = partial(vault.conflicts, name)
    samples, sizes = _interleaved(actions, runs)

    big = cases >= 50_000
    table = Table(
        f"Queries at {fmt_count(cases)} cases ({runs} interleaved runs; medians, p95)",
        ("measure", "p50", "p95", "baseline", "ratio", "target", "rows"),
    )
    for name, target in (
        ("reminders", "100 ms" if big else "20 ms"),
        ("agenda", "100 ms" if big else "20 ms"),
        ("reminders, every one", "-"),
    ):
        s = samples[name]
        table.add(name, fmt_seconds(s.median), fmt_seconds(_p95(s)), "-", "-", target, fmt_count(sizes[name]))
    for label, word in searches.items():
        s, base = samples[f"search {label}"], samples[f"fts {label}"]
        table.add(
            # A surname is never printed, even a fictional one (as in every benchmark table).
            f"search, {label}" + ("" if word == SURNAME_QUERY else f" ({word!r})") + ", first page",
            fmt_seconds(s.median),
            fmt_seconds(_p95(s)),
            fmt_seconds(base.median),
            _ratio(_p95(s), base.median),
            "p95 10 ms",
            str(sizes[f"search {label}"]),
        )
    s, base = samples["list"], samples["list raw"]
    table.add(
        "case list, first page (API vs raw SQL)",
        fmt_seconds(s.median),
        fmt_seconds(_p95(s)),
        fmt_seconds(base.median),
        _ratio(s.median, base.median),
        "2x raw",
        str(sizes["list"]),
    )
    s = samples["today"]
    table.add(
        "Today screen, every list (API vs the case list's raw first page)",
        fmt_seconds(s.median),
        fmt_seconds(_p95(s)),
        fmt_seconds(base.median),
        _ratio(s.median, base.median),
        "-",
        "-",
    )
    for label, _name in checks:
        s = samples[f"conflicts {label}"]
        table.add(
            f"conflict check, {label}",
            fmt_seconds(s.median),
            fmt_seconds(_p95(s)),
            "-",
            "-",
            "50 ms" if big else "-",
            str(sizes[f"conflicts {label}"]),
        )
    table.notes += [
        "search: Vault.search_cases, the GUI's search, to its first page of 200 cases; baseline: the raw",
        "FTS5 MATCH for the first 200 entries (no ranking, no cases). reminders and agenda: the first",
        "page of 200 and the count, as the GUI and CLI ask (rows: the count); every one: the whole list,",
        "as `casevault reminders --all` asks.",
        "Names searched and checked are fictional; none is printed.",
    ]
    return table


def _run(command: list[str], env: dict[str, str], *, quiet: bool = False) -> None:
    stderr = subprocess.DEVNULL if quiet else None
    subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, check=True
    )


def _processes(vault_dir: Path, scratch: Path, ref: str, runs: int, size: int) -> Table:
    """Whole processes: --help against `python -c pass`; attach against cp + sync."""
    env = {**os.environ, "CASEVAULT_PASSPHRASE": PASSPHRASE}
    py = sys.executable
    source = scratch / "attach.bin"
    write_random_file(source, size)
    copy = scratch / "copy.bin"

    def attach() -> None:
        _run([py, "-m", "casevault", "--vault", str(vault_dir), "attach", ref, str(source)], env)

    def cp_sync() -> None:
        copy.unlink(missing_ok=True)
        _run(["cp", str(source), str(copy)], env)
        _run(["sync", str(copy)], env)

    actions: dict[str, Callable[[], object]] = {
        "help": lambda: _run([py, "-m", "casevault", "--help"], env),
        "pass": lambda: _run([py, "-c", "pass"], env),
        "attach": attach,
        "unlock": lambda: _run([py, "-m", "casevault", "--vault", str(vault_dir), "case", "show", ref], env),
        "cp": cp_sync,
    }
    samples, _ = _interleaved(actions, runs)
    copy.unlink(missing_ok=True)
    source.unlink()
    table = Table(
        f"Whole processes ({runs} interleaved runs, medians)",
        ("measure", "median", "baseline", "ratio", "target"),
    )
    table.add(
        "casevault --help vs python -c pass",
        fmt_seconds(samples["help"].median),
        fmt_seconds(samples["pass"].median),
        _ratio(samples["help"].median, samples["pass"].median),
        "80 ms",
    )
    table.add(
        f"casevault attach {size // MIB} MiB vs cp + sync",
        fmt_seconds(samples["attach"].median),
        fmt_seconds(samples["cp"].median),
        _ratio(samples["attach"].median, samples["cp"].median),
        "1.15x",
    )
    attach_only = samples["attach"].median - samples["unlock"].median
    table.add(
        "  the same, less a process that only unlocks (case show)",
        fmt_seconds(attach_only),
        fmt_seconds(samples["cp"].median),
        _ratio(attach_only, samples["cp"].median),
        "1.15x",
    )
    table.notes += [
        "These vaults open by passphrase (Argon2id as calibrated when the vault was made); a keychain",
        "vault opens without it, so the second attach row is the nearer figure for one.",
    ]
    return table


# The baseline for a backup: the same folder through tar and age (pyrage, the library the
# handover uses), written and synced; no casevault code at all.
_TAR_AGE = """
import subprocess, sys, pyrage
folder, out = sys.argv[1], sys.argv[2]
recipient = pyrage.x25519.Identity.generate().to_public()
tar = subprocess.Popen(["tar", "-cf", "-", "-C", folder, "."], stdout=subprocess.PIPE)
with open(out, "xb") as sink:
    pyrage.encrypt_io(tar.stdout, sink, [recipient])
    sink.flush()
    import os; os.fsync(sink.fileno())
sys.exit(tar.wait())
"""


TAR_SHA = 'tar -cf - -C "$0" . | sha256sum >/dev/null'


def _whole_vault(vault_dir: Path, scratch: Path, runs: int) -> Table:
    """`casevault check` against tar | sha256sum, `casevault backup` against tar | age + fsync."""
    env = {**os.environ, "CASEVAULT_PASSPHRASE": PASSPHRASE}
    py = sys.executable
    out = scratch / "bench.cvbackup"

    def casevault(*args: str) -> None:
        # quiet: backup's warning about purged cases living on in old backups, once a run
        _run([py, "-m", "casevault", "--vault", str(vault_dir), *args], env, quiet=True)

    def backup() -> None:
        out.unlink(missing_ok=True)
        casevault("backup", "--out", str(out))

    def tar_age() -> None:
        out.unlink(missing_ok=True)
        _run([py, "-c", _TAR_AGE, str(vault_dir), str(out)], env)

    actions: dict[str, Callable[[], object]] = {
        "check": lambda: casevault("check"),
        "tar sha": lambda: _run(
            ["sh", "-c", 'tar -cf - -C "$0" . | sha256sum >/dev/null', str(vault_dir)], env
        ),
        "backup": backup,
        "tar age": tar_age,
    }
    samples, _ = _interleaved(actions, runs)
    out.unlink(missing_ok=True)
    table = Table(
        f"The whole vault ({runs} interleaved runs after a warm-up, medians)",
        ("measure", "median", "baseline", "ratio", "target"),
    )
    for label, mine, base, target in (
        ("casevault check vs tar | sha256sum", "check", "tar sha", "2x"),
        ("casevault backup vs tar | age, fsynced", "backup", "tar age", "1.5x"),
    ):
        table.add(
            label,
            fmt_seconds(samples[mine].median),
            fmt_seconds(samples[base].median),
            _ratio(samples[mine].median, samples[base].median),
            target,
        )
    table.notes += [
        "check: every page's HMAC, SQLite's quick_check of each table, every attachment in full,",
        "the library and the audit chain (check --thorough adds SQLite's full integrity_check).",
    ]
    return table


def run(vaults: list[Path], scratch: Path, *, quick: bool = False) -> int:
    for source in vaults:
        progress(f"copying {source.name} into the scratch folder")
        copy = scratch / source.name
        shutil.copytree(source, copy, symlinks=True)
        with Vault.open(VaultPaths(copy), keychain=None, ask_passphrase=lambda _reason: PASSPHRASE) as vault:
            cases = vault.count_cases()
            ref = vault.list_cases(limit=1)[0].ref
            progress(f"queries on {fmt_count(cases)} cases")
            emit(_queries(vault, cases, QUICK_RUNS if quick else RUNS))
        # Before the attach runs below, which add their 256 MiB to the vault each time.
        progress("check and backup")
        emit(_whole_vault(copy, scratch, QUICK_PROCESS_RUNS if quick else WHOLE_VAULT_RUNS))
        progress("whole processes")
        emit(
            _processes(
                copy,
                scratch,
                ref,
                QUICK_PROCESS_RUNS if quick else PROCESS_RUNS,
                QUICK_ATTACH_SIZE if quick else ATTACH_SIZE,
            )
        )
        shutil.rmtree(copy)
    return 0
