"""Outcomes, the lists of types and outcomes, and the branch figures on a real vault
(vault/stats.py and Cases.close_case, issue 17): a closed case records how it ended; the lists
are fixed but editable; the figures count codes only, outlive a purge, and suppress small cells;
the CSV export holds no name, reference or free text."""

from __future__ import annotations

import concurrent.futures
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from casevault.core.errors import CasevaultError, UsageError
from casevault.vault.facade import Vault
from tests.conftest import FakeClock

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _cases(vault: Vault, clock: FakeClock, kind: str, n: int, outcome: str | None, days: int) -> list[str]:
    refs = []
    for i in range(n):
        clock.now = T0 + timedelta(days=i)
        ref = vault.new_case(f"Member {kind} {i}", case_type=kind)
        if outcome is not None:
            clock.now += timedelta(days=days)
            vault.close_case(ref, retain_days=0, outcome=outcome, remedy="£250 back pay, apology to Member")
        refs.append(ref)
    return refs


def test_closing_records_the_outcome_and_remedy_and_reopening_clears_them(vault: Vault) -> None:
    ref = vault.new_case("Ann Example", case_type="grievance")
    with pytest.raises(UsageError, match="Unknown outcome 'won-big'"):
        vault.close_case(ref, outcome="won big")
    with pytest.raises(UsageError, match="Record the outcome with the remedy"):
        vault.close_case(ref, remedy="apology")
    assert vault.case(ref).summary.status == "open"  # nothing was closed by a refusal
    vault.close_case(ref, outcome="Partly upheld", remedy="  written apology  ")
    assert vault.case_outcome(ref) == ("partly-upheld", "written apology")
    vault.reopen_case(ref)
    assert vault.case_outcome(ref) == (None, "")
    vault.close_case(ref)  # the command line's `case close` still works without an outcome
    assert vault.case_outcome(ref) == (None, "")


def test_a_case_type_comes_from_the_list_which_the_rep_can_edit(vault: Vault) -> None:
    assert "grievance" in vault.case_types() and vault.case_types()[-1] == "other"
    with pytest.raises(UsageError, match="Unknown case type 'pensions'"):
        vault.new_case("Ann Example", case_type="Pensions")
    assert vault.count_cases() == 0
    assert vault.add_case_type("Pensions") == "pensions"
    ref = vault.new_case("Ann Example", case_type="pensions")
    assert vault.case(ref).summary.case_type == "pensions"
    assert vault.new_case("Bo Example", case_type="discipline")  # the old spelling still works
    vault.remove_case_type("pensions")
    assert "pensions" not in vault.case_types()
    for bad in ("other", "no-such-type", "Jo Bloggs's case!"):
        with pytest.raises(UsageError):
            vault.remove_case_type(bad)
    assert vault.add_outcome("Reinstated") == "reinstated"
    assert vault.outcomes()[-1] == "reinstated"
    vault.remove_outcome("withdrawn")
    assert "withdrawn" not in vault.outcomes()


def test_twelve_of_one_type_and_three_of_another_never_show_the_three(
    vault: Vault, clock: FakeClock, tmp_path: Path
) -> None:
    _cases(vault, clock, "grievance", 12, "upheld", 20)
    _cases(vault, clock, "sickness", 3, "settled", 40)
    figures = vault.branch_figures()
    for table in figures.tables:
        shown = sum(c.count for c in table.cells if c.count is not None)
        hidden = [c for c in table.cells if c.count is None]
        assert all(c.count is None or c.count >= 5 for c in table.cells), table
        if table.total is not None:
            assert (not hidden and shown == table.total) or (len(hidden) >= 2 and table.total - shown >= 5)
    types = figures.table("case_type")
    assert types.total == 15 and all(c.suppressed for c in types.cells)
    outcomes = {c.value: c.count for c in figures.table("outcome").cells}
    assert outcomes == {"settled": None, "upheld": None}  # 3 settled would single out the sickness cases
    target = tmp_path / "figures.csv"
    vault.export_figures_csv(target, figures)
    text = target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Member" not in text and "CV-" not in text and "£" not in text and "apology" not in text
    assert not any(line.split(",")[2] in {"1", "2", "3", "4"} for line in text.splitlines()[1:])
    assert vault.audit()[-1].fields.action == "figures.exported"


def test_the_figures_outlive_a_purge_and_count_unlisted_types_as_other(
    vault: Vault, clock: FakeClock
) -> None:
    refs = _cases(vault, clock, "grievance", 6, "withdrawn", 10)
    # A type typed freely before the lists existed (it may be a name): stored, never counted by name.
    vault.db.execute("UPDATE cases SET case_type = 'Rowan Hester v Acme' WHERE ref = ?", (refs[0],))
    before = vault.branch_figures(threshold=2)
    assert {c.value for c in before.table("case_type").cells} == {"grievance", "other"}
    for ref in refs:
        vault.purge_case(ref)
    assert {(d.case_type, d.outcome) for d in vault.deletions()} == {
        ("grievance", "withdrawn"),
        ("other", "withdrawn"),
    }
    after = vault.branch_figures(threshold=2)
    assert after.table("case_type").as_json() == before.table("case_type").as_json()
    assert after.table("outcome").as_json() == before.table("outcome").as_json()
    assert after.median_days_to_resolution == 10.0
    assert vault.db.scalar("SELECT count(*) FROM deletions WHERE case_type = 'other'") == 1
    assert "Rowan" not in str(vault.branch_figures(threshold=2).as_json())


def test_since_and_the_threshold_are_checked(vault: Vault, clock: FakeClock) -> None:
    _cases(vault, clock, "grievance", 6, None, 0)
    assert vault.branch_figures(T0 + timedelta(days=3)).table("case_type").total is None  # 3 left: withheld
    assert vault.branch_figures(T0 + timedelta(days=3), threshold=3).table("case_type").total == 3
    for threshold in (1, 101):
        with pytest.raises(UsageError, match="threshold is from 2 to 100"):
            vault.branch_figures(threshold=threshold)
    with pytest.raises(UsageError, match="time zone"):
        vault.branch_figures(datetime(2026, 1, 1))


def test_the_figures_pdf_is_written_0600_never_over_a_file(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "chosen"
    out.mkdir()
    target = out / "figures.pdf"
    vault.save_figures_pdf(target, b"%PDF-1.4 figures")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert vault.audit()[-1].fields.action == "figures.exported"
    with pytest.raises(CasevaultError, match="never overwrites"):
        vault.save_figures_pdf(target, b"%PDF-1.4 other")
    assert target.read_bytes() == b"%PDF-1.4 figures"
    assert [p.name for p in out.iterdir()] == ["figures.pdf"]  # no temp file left beside it


def test_the_counter_for_another_thread_gives_the_same_figures_on_its_own_connection(
    vault: Vault, clock: FakeClock
) -> None:
    """The GUI counts on a worker: the counter opens, reads on and closes a connection of its
    own there, and checks its arguments at once, on the caller's thread."""
    _cases(vault, clock, "grievance", 6, "upheld", 10)
    _cases(vault, clock, "sickness", 5, None, 0)
    counter = vault.figures_counter(threshold=2)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        counted = pool.submit(counter).result()
    assert counted.as_json() == vault.branch_figures(threshold=2).as_json()
    assert counted.table("case_type").total == 11
    vault.db.execute("SELECT 1")  # the vault's own connection is untouched
    with pytest.raises(UsageError, match="threshold is from 2 to 100"):
        vault.figures_counter(threshold=1)
    with pytest.raises(UsageError, match="time zone"):
        vault.figures_counter(datetime(2026, 1, 1))
