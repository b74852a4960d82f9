"""`casevault deadline ...`: the casework clock's calculators, driven as a rep or a script drives
them, with no vault at all.

The command line is a contract: with --json one object holding at least deadline, rule,
rule_version, explanation and sources; without it exactly two lines, the date and then one line
of explanation; bad input one sentence and exit 2. The dates here are the worked examples the
README and docs/RULES.md give, so a change to the counting or to the output shape shows up here,
where a script that reads this command would break.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import Cli, Result, assert_clean_error, files_under

CONTRACT_KEYS = {"deadline", "rule", "rule_version", "explanation", "sources"}
EXAMPLES: list[tuple[tuple[str, ...], str, str]] = [
    (("tribunal", "--event", "2026-01-10"), "2026-04-09", "tribunal.unfair-dismissal"),
    (("working-days", "--from", "2026-12-22", "--days", "5"), "2026-12-31", "working-days"),
    (("subject-access", "--received", "2026-01-31"), "2026-03-02", "subject-access"),
    (("breach", "--aware", "2026-03-06T16:00"), "2026-03-09T16:00", "breach.72-hours"),
    (("accompaniment", "--proposed", "2026-03-06"), "2026-03-13", "accompaniment.postponement"),
]


@pytest.fixture
def cli(tmp_path: Path, cli_env: dict[str, str]) -> Cli:
    # No vault is ever created: every run here is `casevault deadline ...` without --vault.
    return Cli(tmp_path / "no-vault", cli_env, cwd=tmp_path)


def _deadlines(cli: Cli, *commands: tuple[str, ...]) -> list[Result]:
    return cli.run_many(*[("deadline", *c) for c in commands], vault=False)


def _json(result: Result) -> dict[str, Any]:
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.stderr, str(result)
    data = json.loads(result.stdout)
    assert isinstance(data, dict), str(result)
    return data


def _two_lines(result: Result) -> tuple[str, str]:
    """The text contract: the date, then one line of explanation, nothing more."""
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.stderr, str(result)
    assert len(result.lines) == 2, str(result)
    first, second = result.lines
    return first, second


def test_worked_examples_print_the_date_then_one_line_of_explanation(cli: Cli) -> None:
    results = _deadlines(cli, *[args for args, _, _ in EXAMPLES])
    for result, (_, expected, rule) in zip(results, EXAMPLES, strict=True):
        day, explanation = _two_lines(result)
        assert day == expected, str(result)
        assert f"({rule} v1;" in explanation, str(result)
        assert explanation.endswith("it is not legal advice.)"), str(result)
    _, working = _two_lines(results[1])
    assert "25 December (Christmas Day)" in working and "28 December (Boxing Day (observed))" in working
    _, sar = _two_lines(results[2])
    assert "February has no 31st" in sar and "Monday 2 March 2026" in sar


def test_json_is_one_object_with_the_contract_keys(cli: Cli) -> None:
    results = _deadlines(cli, *[(*args, "--json") for args, _, _ in EXAMPLES])
    for result, (_, expected, rule) in zip(results, EXAMPLES, strict=True):
        data = _json(result)
        assert set(data) >= CONTRACT_KEYS, str(result)
        assert (data["deadline"], data["rule"], data["rule_version"]) == (expected, rule, 1)
        assert isinstance(data["explanation"], str) and data["explanation"].strip(), str(result)
        assert "\n" not in data["explanation"]
        assert isinstance(data["sources"], list) and data["sources"], str(result)
        assert all(isinstance(s, str) and s.strip() for s in data["sources"]), str(result)
    # A date for the day counts, a date-time for the 72 hours, both ISO 8601.
    for result in results[:3] + results[4:]:
        parsed = _json(result)["deadline"]
        assert date.fromisoformat(parsed).isoformat() == parsed
    assert datetime.fromisoformat(_json(results[3])["deadline"]) == datetime(2026, 3, 9, 16, 0)
    tribunal = _json(results[0])
    assert tribunal["inputs"] == {
        "event": "2026-01-10",
        "claim": "unfair-dismissal",
        "jurisdiction": "england-wales",
    }
    assert tribunal["refer_by"] == "2026-03-12"
    assert any("Employment Rights Act 1996 s.111" in s for s in tribunal["sources"])


def test_tribunal_early_conciliation_stops_the_clock_and_gives_a_month_after_day_b(cli: Cli) -> None:
    event = ("tribunal", "--event", "2026-01-10")
    acas = ("--acas-start", "2026-03-01", "--acas-certificate", "2026-03-20")
    ni = ("--jurisdiction", "northern-ireland")
    stopped, month_after, northern_json, northern_text, discrimination = _deadlines(
        cli,
        (*event, *acas, "--json"),  # 19 days from Day A to Day B are not counted: 9 April + 19
        # 9 April + 7 = 16 April falls before one month after Day B: the limit is 8 May.
        (*event, "--acas-start", "2026-04-01", "--acas-certificate", "2026-04-08", "--json"),
        (*event, *acas, *ni, "--json"),
        (*event, *acas, *ni),
        (*event, "--claim", "discrimination", "--json"),
    )
    first = _json(stopped)
    assert (first["deadline"], first["rule"]) == ("2026-04-28", "tribunal.unfair-dismissal")
    assert "the 19 days after Day A up to Day B are not counted" in first["explanation"]
    assert first["inputs"]["acas_start"] == "2026-03-01"
    assert first["inputs"]["acas_certificate"] == "2026-03-20"
    second = _json(month_after)
    assert second["deadline"] == "2026-05-08"
    assert "one month after Day B" in second["explanation"]
    # Northern Ireland: ACAS early conciliation does not apply, so the date is not extended.
    northern = _json(northern_json)
    assert (northern["deadline"], northern["rule"]) == ("2026-04-09", "tribunal.unfair-dismissal.ni")
    assert northern["jurisdiction"] == "northern-ireland"
    assert "early conciliation does not apply in Northern Ireland" in northern["explanation"]
    day, explanation = _two_lines(northern_text)
    assert day == "2026-04-09" and "does not apply in Northern Ireland" in explanation
    claim = _json(discrimination)
    assert (claim["deadline"], claim["rule"]) == ("2026-04-09", "tribunal.discrimination")


def test_jurisdiction_changes_which_holidays_are_skipped(cli: Cli) -> None:
    new_year = ("working-days", "--from", "2026-12-30", "--days", "2", "--json")
    england, scotland, northern, st_patrick = _deadlines(
        cli,
        new_year,
        (*new_year, "--jurisdiction", "scotland"),
        (*new_year, "--jurisdiction", "northern-ireland"),
        ("working-days", "--from", "2026-03-16", "--days", "1", "--jurisdiction", "northern-ireland"),
    )
    assert _json(england)["deadline"] == "2027-01-04"
    assert _json(northern)["deadline"] == "2027-01-04"
    scottish = _json(scotland)
    assert (scottish["deadline"], scottish["jurisdiction"]) == ("2027-01-05", "scotland")
    assert "4 January (New Year Holiday (observed))" in scottish["explanation"]
    day, explanation = _two_lines(st_patrick)
    assert day == "2026-03-18" and "Saint Patrick's Day" in explanation


def test_breach_counts_72_wall_clock_hours_across_a_change_of_the_clocks(cli: Cli) -> None:
    spring, autumn, zoned = _deadlines(
        cli,
        ("breach", "--aware", "2026-03-27T10:00"),  # the clocks go forward on 29 March
        ("breach", "--aware", "2026-10-23T10:00"),  # and back on 25 October
        ("breach", "--aware", "2026-03-06T16:00+00:00", "--json"),
    )
    assert _two_lines(spring)[0] == "2026-03-30T11:00"
    assert _two_lines(autumn)[0] == "2026-10-26T09:00"
    data = _json(zoned)
    assert data["deadline"] == "2026-03-09T16:00+00:00"  # a zone given is kept in the answer
    assert any("UK GDPR art. 33" in s for s in data["sources"])


def test_accompaniment_and_subject_access_extension(cli: Cli) -> None:
    extended = ("subject-access", "--received", "2026-01-31", "--extension-months", "2", "--json")
    companion, told_in_time, told_late = _deadlines(
        cli,
        ("accompaniment", "--proposed", "2026-03-06", "--json"),
        (*extended, "--told", "2026-02-10"),
        (*extended, "--told", "2026-03-05"),
    )
    data = _json(companion)
    assert (data["deadline"], data["rule"]) == ("2026-03-13", "accompaniment.postponement")
    assert "5 working days" in data["explanation"]
    assert _json(told_in_time)["deadline"] == "2026-04-30"
    late = _json(told_late)  # told after the first month ended: the unextended date
    assert late["deadline"] == "2026-03-02" and "unextended date" in late["explanation"]


def test_bad_input_is_one_sentence_and_exit_2(cli: Cli) -> None:
    day_b_first = ("--acas-start", "2026-03-20", "--acas-certificate", "2026-03-01")
    cases: list[tuple[tuple[str, ...], str]] = [
        (("tribunal", "--event", "2026-13-10"), "is not a date such as"),
        (("tribunal", "--event", "10/01/2026"), "is not a date such as"),
        (("tribunal", "--event", "2026-01-10", *day_b_first), "cannot be before ACAS was contacted"),
        (
            ("tribunal", "--event", "2026-01-10", *day_b_first, "--json"),
            "cannot be before ACAS was contacted",
        ),
        (("tribunal", "--event", "2026-01-10", "--acas-start", "2026-03-01"), "Give both ACAS dates"),
        (("tribunal", "--event", "2026-01-10", "--claim", "unfair-pay"), "invalid choice"),
        (("tribunal", "--event", "2026-01-10", "--jurisdiction", "wales"), "invalid choice"),
        (("working-days", "--from", "2026-01-05", "--days", "-3"), "cannot be negative"),
        (("working-days", "--from", "2026-01-05", "--days", "five"), "is not a whole number of days"),
        (("subject-access", "--received", "tomorrow"), "is not a date such as"),
        (("breach", "--aware", "yesterday at four"), "is not a date-time such as"),
    ]
    results = _deadlines(cli, *[args for args, _ in cases])
    for result, (_, fragment) in zip(results, cases, strict=True):
        sentence = assert_clean_error(result, 2)
        assert fragment in sentence, str(result)
        assert result.stdout == "", str(result)  # nothing a script could mistake for a date


def test_needs_no_vault_and_leaves_home_untouched(cli: Cli, private_environment: Path) -> None:
    """No vault in HOME, no passphrase, and --vault naming a folder that does not exist."""
    home = private_environment
    before = files_under(home)
    no_passphrase = ["CASEVAULT_PASSPHRASE"]
    results = cli.run_each(
        [
            (("deadline", "tribunal", "--event", "2026-01-10"), {"vault": False, "unset": no_passphrase}),
            (("deadline", "breach", "--aware", "2026-03-06T16:00"), {"unset": no_passphrase}),
            (("deadline", "working-days", "--from", "2026-12-22", "--days", "5", "--json"), {"vault": False}),
        ]
    )
    assert _two_lines(results[0])[0] == "2026-04-09"
    assert _two_lines(results[1])[0] == "2026-03-09T16:00"
    assert _json(results[2])["deadline"] == "2026-12-31"
    assert not cli.vault.exists()
    assert files_under(home) == before
