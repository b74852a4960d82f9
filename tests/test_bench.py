"""`python -m casevault.bench --quick` as a smoke test: it runs, prints every section with figures, and
cleans up. No timing is asserted: speed is for reading, not for failing a build.

Also checks that the bulk loader the benchmark uses writes what the one-row-at-a-time store
functions write, so the benchmark searches and lists a vault that the app could have made.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from casevault.bench.__main__ import main as bench_main
from casevault.core.clock import new_id
from casevault.core.model import ActionPoint, CaseDate, Event, Member
from casevault.store import bulk, search
from casevault.store import cases as case_rows
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

BENCH = [sys.executable, "-m", "casevault.bench"]
FIGURE = r"\d[\d,]*(?:\.\d+)?"
SECTIONS = (
    "python -m casevault.bench (QUICK smoke run)",
    "Attach and get a",
    "Peak memory",
    "Unlock",
    "Generated vault",
    "Search and list",
    "Chunk size",
)
ROWS = {
    "plain copy (shutil.copyfile)": rf"{FIGURE} (?:s|ms|µs) ",
    "durable copy (copyfile + fsync + rename)": rf"{FIGURE} (?:s|ms|µs) ",
    "same, read/write loop in Python": rf"{FIGURE} (?:s|ms|µs) .*{FIGURE}x",
    "attach (encrypt + fsync + DB rows)": rf"{FIGURE} (?:s|ms|µs) .*{FIGURE}x +{FIGURE}x",
    "get (decrypt + fsync, new file)": rf"{FIGURE} (?:s|ms|µs) .*{FIGURE}x +{FIGURE}x",
    "attach ": rf"{FIGURE} MiB +{FIGURE} MiB +[+-]{FIGURE} MiB",
    "get ": rf"{FIGURE} MiB +{FIGURE} MiB +[+-]{FIGURE} MiB",
    "raw key: HKDF + Database.open": rf"{FIGURE} (?:s|ms|µs)",
    "Vault.open via keychain slot": rf"{FIGURE} (?:s|ms|µs)",
    "Vault.open via passphrase, Argon2id": rf"{FIGURE} (?:s|ms|µs)",
    "insert through casevault.store.bulk": rf"{FIGURE} (?:s|ms|µs)",
    "a surname (one word)": rf"{FIGURE} (?:s|ms|µs) .* \d+$",
    "prefix while typing": rf"{FIGURE} (?:s|ms|µs) .* \d+$",
    "rare word": rf"{FIGURE} (?:s|ms|µs) .* \d+$",
    "two words": rf"{FIGURE} (?:s|ms|µs) .* \d+$",
    "list_cases by updated, first page": rf"{FIGURE} (?:s|ms|µs) .* 100$",
    "list_cases by member, after row": rf"{FIGURE} (?:s|ms|µs) .* 100$",
    "2^16 = 64 KiB": rf"{FIGURE}\*? +{FIGURE}\*? +{FIGURE}\*? +{FIGURE}\*? ",
    "2^18 = 256 KiB": rf"{FIGURE}\*? +{FIGURE}\*? +{FIGURE}\*? +{FIGURE}\*? ",
    "2^20 = 1 MiB (default)": rf"{FIGURE}\*? +{FIGURE}\*? +{FIGURE}\*? +{FIGURE}\*? ",
}


def test_quick_bench_prints_every_section_and_cleans_up(tmp_path: Path, cli_env: dict[str, str]) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    done = subprocess.run(
        [*BENCH, "--quick", "--dir", str(scratch)],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for title in SECTIONS:
        assert title in out, f"missing section {title!r}"
    for label, figures in ROWS.items():
        # The row's label, then (after anything else the label holds) its figures.
        row = re.compile(rf"^ +{re.escape(label)}[^\n]*? {figures}", re.MULTILINE)
        assert row.search(out), f"no row {label!r} with figures"
    assert "SQLCipher" in out
    assert str(scratch) in out
    assert "Target:" in out
    # Nothing of the run is left: no vaults, no source files, no decrypted copies.
    assert list(scratch.iterdir()) == []
    # Only fictional data is used, and still no name of a member is printed.
    assert "Rowan" not in out + done.stderr
    assert "Okafor" not in out + done.stderr


def test_bench_makes_and_removes_a_missing_scratch_dir(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """With --dir naming a folder that does not exist, that folder is made and removed again.
    (A second quick run; it is short.)"""
    scratch = tmp_path / "not-yet" / "scratch"
    done = subprocess.run(
        [*BENCH, "--quick", "--dir", str(scratch)],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not scratch.exists()


def test_bulk_load_matches_the_one_row_path(vault: Vault, clock: FakeClock) -> None:
    """Bulk-loaded cases and notes are found, listed and keyed like cases made one by one."""
    made_ref = vault.new_case("Ada Example")
    vault.add_note(made_ref, "handed over the tachograph printouts")
    now = clock.advance(days=1)
    first = bulk.reserve_ref_numbers(vault.db, now.year, 2)
    assert first == 2  # continues the sequence new_case uses
    new = [
        bulk.NewCase(
            case_id=new_id(),
            ref=f"CV-{now.year}-{first + n:04d}",
            member=Member(id=new_id(), name=name, email=""),
            case_type="grievance",
            wrapped_key=bytes(60),
            opened_at=now,
        )
        for n, name in enumerate(("Bea Fictional", "Cai Madeup"))
    ]
    later = now + timedelta(hours=2)
    events = [
        (new[0].case_id, Event(new_id(), "meeting", later, later, "grievance about the tachograph rota")),
        (new[1].case_id, Event(new_id(), "call", now, now, "sickness absence review")),
    ]
    with vault.db.transaction():
        assert bulk.add_cases(vault.db, new) == 2
        assert bulk.add_events(vault.db, events) == 2

    assert {h.ref for h in vault.search("tachograph")} == {made_ref, new[0].ref}
    assert [h.ref for h in vault.search("Madeup")] == [new[1].ref]
    assert [h.ref for h in vault.search("sick abs")] == [new[1].ref]
    listed = vault.list_cases(sort="updated")
    assert [c.ref for c in listed] == [new[0].ref, new[1].ref, made_ref]
    assert listed[0].updated_at == later
    assert case_rows.wrapped_case_key(vault.db, new[0].case_id) == bytes(60)
    # The next case made the ordinary way continues after the reserved numbers.
    assert vault.new_case("Dee Invented").endswith(f"{first + 2:04d}")
    # Erasing a bulk-loaded case removes its search entries like any other case's.
    search.erase_case(vault.db, new[0].case_id)
    assert [h.ref for h in vault.search("tachograph")] == [made_ref]


def test_bulk_action_points_and_hearings_read_back_as_the_one_row_path_writes_them(
    vault: Vault, clock: FakeClock
) -> None:
    ref = vault.new_case("Ada Example")
    case_id = case_rows.case_id_for_ref(vault.db, ref)
    assert case_id is not None
    now = clock.now
    due = now + timedelta(days=3)
    vault.add_action_point(ref, "Chase the fit note", owner="me", due_at=due)
    vault.add_case_date(ref, "hearing", now + timedelta(days=5))
    updated = vault.case_summary(ref).updated_at
    action = ActionPoint(new_id(), "Book the pre-hearing meeting", "HR", None, None, now)
    hearing = CaseDate(new_id(), "hearing", now + timedelta(days=9), "room 2")
    with vault.db.transaction():
        assert bulk.add_action_points(vault.db, [(case_id, action)]) == 1
        assert bulk.add_case_dates(vault.db, [(case_id, hearing, now)]) == 1

    points = vault.action_points(ref)
    assert [(p.what, p.owner, p.due_at) for p in points] == [
        ("Chase the fit note", "me", due),
        ("Book the pre-hearing meeting", "HR", None),
    ]
    assert [(d.at, d.note) for d in vault.case_dates(ref)][-1] == (hearing.at, "room 2")
    assert vault.case_summary(ref).updated_at == updated  # a generated row leaves updated_at alone


def test_engine_versions_names_sqlcipher(vault: Vault) -> None:
    cipher, sqlite, provider = bulk.engine_versions(vault.db)
    assert re.match(r"\d+\.\d+", cipher)
    assert re.fullmatch(r"3\.\d+\.\d+", sqlite)
    assert provider


def test_bench_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """The list sizes belong to --gui, and a child with unknown arguments runs nothing."""
    with pytest.raises(SystemExit) as usage:
        bench_main(["--quick", "--cases", "5"])
    assert usage.value.code == 2
    assert "add --gui" in capsys.readouterr().err
    # In a process of its own: a child sets its umask.
    child = subprocess.run(
        [*BENCH, "_child", "nothing"], capture_output=True, text=True, timeout=60, check=False
    )
    assert (child.returncode, child.stdout) == (2, "")
    assert "usage: python -m casevault.bench _child memory" in child.stderr
