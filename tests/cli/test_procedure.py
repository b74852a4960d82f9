"""`casevault procedure ...` on a real vault: a case's procedure stages, the limits counted from
the law and kept on the case, the vault's calendar, the .ics export and the reminders that follow.

Each test makes a vault with a fast KDF and drives the real command in a subprocess, as a rep's
script would: what a stage's deadline is and how it was counted, that an extension only moves it
later, that the calendar file leaves the vault with references and never names, and that a
near deadline raises a reminder. The vault's clock is real time, so the reminder tests record
their events relative to today.
"""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from casevault.casework.working_days import WorkingCalendar
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, reopen
from tests.support.cli import ID_RE, REF_RE, Cli, Result, assert_clean_error

MEMBER = "Ann Example"
DISCIPLINARY_STAGES = [
    "informal",
    "investigation",
    "notification",
    "hearing",
    "outcome",
    "appeal",
    "appeal-hearing",
    "appeal-outcome",
]


@pytest.fixture
def cli(tmp_path: Path, cli_env: dict[str, str]) -> Cli:
    # A fast KDF keeps the many small commands quick; the CLI opens it like any vault.
    root = tmp_path / "vault"
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF):
        pass
    return Cli(root, cli_env)


def _new_case(cli: Cli, member: str = MEMBER) -> str:
    ref = cli.ok("case", "new", "--member", member).stdout.strip()
    assert REF_RE.match(ref), ref
    return ref


def _start(cli: Cli, ref: str, template: str = "acas-disciplinary") -> str:
    procedure = cli.ok("procedure", "start", ref, "--template", template).stdout.strip()
    assert ID_RE.match(procedure), procedure
    return procedure


def _by_stage(cli: Cli, ref: str) -> dict[str, dict[str, Any]]:
    """`procedure show --json`, the stages by key and the other deadlines by kind."""
    return {d["stage"] or d["kind"]: d for d in cli.json("procedure", "show", ref)}


def _counted(result: Result) -> tuple[str, str]:
    """What `event`, `extend`, `limit`, `tribunal` and `subject-access` print: the date, then how."""
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.stderr, str(result)
    assert len(result.lines) == 2, str(result)
    day, explanation = result.lines
    assert explanation.endswith("it is not legal advice.)"), str(result)
    return day, explanation


def _deadline_reminders(cli: Cli, deadline_id: str, *moments: str | None) -> list[list[dict[str, Any]]]:
    """`reminders --json` now (None) and `--at` each moment, side by side: the deadline's lines."""
    runs = cli.run_many(*[("reminders", "--json", *(("--at", m) if m else ())) for m in moments])
    listed = []
    for result in runs:
        assert result.returncode == 0, str(result)
        listed.append([r for r in json.loads(result.stdout) if r["key"].split(":")[1] == deadline_id])
    return listed


def test_templates_are_listed_in_text_and_json_without_unlocking(cli: Cli) -> None:
    text, listed = cli.run_many(
        ("procedure", "templates"), ("procedure", "templates", "--json"), unset=["CASEVAULT_PASSPHRASE"]
    )
    assert text.returncode == 0, str(text)
    assert text.lines[0] == "acas-disciplinary\tDisciplinary (ACAS Code of Practice 1)"
    assert "  appeal\tAppeal lodged: 5 working days from receiving the outcome letter" in text.lines
    assert "  informal\tInformal discussion: no set time limit" in text.lines
    assert "acas-grievance\tGrievance (ACAS Code of Practice 1)" in text.lines
    assert listed.returncode == 0, str(listed)
    templates = {t["id"]: t for t in json.loads(listed.stdout)}
    assert set(templates) == {"acas-disciplinary", "acas-grievance"}
    disciplinary = templates["acas-disciplinary"]
    assert disciplinary["version"] == 1 and "ACAS Code of Practice 1" in disciplinary["source"]
    assert [s["key"] for s in disciplinary["stages"]] == DISCIPLINARY_STAGES
    appeal = next(s for s in disciplinary["stages"] if s["key"] == "appeal")
    assert (appeal["limit_days"], appeal["unit"], appeal["event"]) == (
        5,
        "working",
        "receiving the outcome letter",
    )


def test_stage_events_extensions_and_done(cli: Cli) -> None:
    ref = _new_case(cli)
    procedure = _start(cli, ref)
    waiting = cli.json("procedure", "show", ref)
    assert [d["stage"] for d in waiting] == DISCIPLINARY_STAGES
    assert all(d["kind"] == "stage" and d["procedure"] == procedure for d in waiting)
    assert all(d["deadline"] is None and d["event_on"] is None and ID_RE.match(d["id"]) for d in waiting)
    shown = cli.ok("procedure", "show", ref).lines
    assert [line.split("\t")[1:3] for line in shown][:5] == [
        ["informal", "no time limit"],
        ["investigation", "no time limit"],
        ["notification", "no time limit"],
        ["hearing", "waiting for its event"],
        ["outcome", "waiting for its event"],
    ]

    outcome_day, outcome_how = _counted(cli.run("procedure", "event", ref, "outcome", "--on", "2026-03-02"))
    assert outcome_day == "2026-03-09"
    assert "5 working days from the disciplinary meeting (Monday 2 March 2026)" in outcome_how
    assert "(procedure:acas-disciplinary:outcome v1;" in outcome_how
    appeal_day, appeal_how = _counted(cli.run("procedure", "event", ref, "appeal", "--on", "2026-03-06"))
    assert appeal_day == "2026-03-13"
    assert "Appeal lodged: 5 working days from receiving the outcome letter" in appeal_how

    extended = cli.run(
        "procedure", "extend", ref, "appeal", "--to", "2026-03-20", "--agreed-with", "Pat Manager"
    )
    day, how = _counted(extended)
    assert day == "2026-03-20" and "Extended to Friday 20 March 2026, agreed with Pat Manager." in how
    # An extension only moves a deadline later (now: later than the extended date), and needs a date.
    earlier, same, undated = cli.run_many(
        ("procedure", "extend", ref, "appeal", "--to", "2026-03-16", "--agreed-with", "HR"),
        ("procedure", "extend", ref, "appeal", "--to", "2026-03-20", "--agreed-with", "HR"),
        ("procedure", "extend", ref, "hearing", "--to", "2026-03-20", "--agreed-with", "HR"),
    )
    assert "moves the deadline later" in assert_clean_error(earlier, 2)
    assert "moves the deadline later" in assert_clean_error(same, 2)
    assert "no date yet" in assert_clean_error(undated, 2)

    before = datetime.now(UTC).date()
    done = cli.ok("procedure", "done", ref, "appeal")
    after = datetime.now(UTC).date()
    assert done.stdout == "Appeal lodged is recorded as done.\n"
    # A stage can be named by its deadline's id too (as `show` lists it).
    outcome_id = next(d["id"] for d in waiting if d["stage"] == "outcome")
    cli.ok("procedure", "done", ref, outcome_id, "--on", "2026-03-09", "--outcome", "Warning")
    stages = _by_stage(cli, ref)
    appeal = stages["appeal"]
    assert appeal["deadline"] == "2026-03-20" and appeal["event_on"] == "2026-03-06"
    assert (appeal["extended_to"], appeal["extension_with"]) == ("2026-03-20", "Pat Manager")
    assert appeal["done_on"] in {before.isoformat(), after.isoformat()}
    assert (appeal["rule"], appeal["rule_version"]) == ("procedure:acas-disciplinary:appeal", 1)
    assert appeal["inputs"]["extended_to"] == "2026-03-20" and appeal["inputs"]["limit_days"] == "5"
    outcome = stages["outcome"]
    assert (outcome["deadline"], outcome["done_on"], outcome["outcome"]) == (
        "2026-03-09",
        "2026-03-09",
        "Warning",
    )
    assert stages["hearing"]["deadline"] is None and stages["hearing"]["done_on"] is None
    lines = {line.split("\t")[1]: line.split("\t")[2] for line in cli.ok("procedure", "show", ref).lines}
    assert lines["appeal"] == f"done {appeal['done_on']}"
    assert lines["outcome"] == "done 2026-03-09"


def test_unknown_case_stage_or_procedure_is_one_sentence(cli: Cli) -> None:
    ref = _new_case(cli)
    unstarted = _new_case(cli, "Sam Worker")
    _start(cli, ref)
    results = cli.run_many(
        ("procedure", "show", "CV-2099-9999"),
        ("procedure", "start", "CV-2099-9999", "--template", "acas-grievance"),
        ("procedure", "tribunal", "CV-2099-9999", "--event", "2026-01-10"),
        ("procedure", "event", ref, "dismissal", "--on", "2026-03-02"),
        ("procedure", "done", ref, "appeal", "--procedure", "f" * 32),
        ("procedure", "event", unstarted, "appeal", "--on", "2026-03-02"),
        ("procedure", "start", ref, "--template", "acas-redundancy"),
        ("procedure", "event", ref, "appeal", "--on", "2026-02-30"),
    )
    for missing in results[:3]:
        assert "There is no case 'CV-2099-9999' in this vault" in assert_clean_error(missing, 1)
    stage = assert_clean_error(results[3], 1)
    assert "no stage 'dismissal'" in stage and ", ".join(DISCIPLINARY_STAGES) in stage
    assert "no such procedure" in assert_clean_error(results[4], 1)
    assert "follows no procedure yet" in assert_clean_error(results[5], 1)
    assert "invalid choice" in assert_clean_error(results[6], 2)
    assert "is not a date such as" in assert_clean_error(results[7], 2)
    assert cli.json("procedure", "show", unstarted) == []


def test_tribunal_and_subject_access_limits_are_kept_on_the_case(cli: Cli) -> None:
    ref = _new_case(cli)
    day, how = _counted(cli.run("procedure", "tribunal", ref, "--event", "2026-01-10"))
    assert day == "2026-04-09" and "(tribunal.unfair-dismissal v1;" in how
    day, how = _counted(cli.run("procedure", "subject-access", ref, "--received", "2026-01-31"))
    assert day == "2026-03-02" and "February has no 31st" in how
    day_b_before_day_a = ("--acas-start", "2026-03-20", "--acas-certificate", "2026-03-01")
    refused = cli.run_many(
        ("procedure", "tribunal", ref, "--event", "2026-01-10", *day_b_before_day_a),
        ("procedure", "subject-access", ref, "--received", "2026-01-31", "--extension-months", "1"),
        ("procedure", "tribunal", ref, "--event", "2026-01-10", "--claim", "unfair-pay"),
    )
    assert "cannot be before ACAS was contacted" in assert_clean_error(refused[0], 2)
    assert "needs the date the member was told" in assert_clean_error(refused[1], 2)
    assert "invalid choice" in assert_clean_error(refused[2], 2)

    kept = _by_stage(cli, ref)
    assert set(kept) == {"tribunal", "subject-access"}  # the refusals kept nothing
    tribunal = kept["tribunal"]
    assert (tribunal["rule"], tribunal["rule_version"], tribunal["deadline"]) == (
        "tribunal.unfair-dismissal",
        1,
        "2026-04-09",
    )
    assert tribunal["name"] == "Tribunal claim (unfair-dismissal)" and tribunal["stage"] is None
    assert tribunal["event_on"] == "2026-01-10" and tribunal["inputs"]["jurisdiction"] == "england-wales"
    assert "pack_version" in tribunal["inputs"] and "Refer the case" in tribunal["explanation"]
    sar = kept["subject-access"]
    assert (sar["rule"], sar["deadline"], sar["event_on"]) == ("subject-access", "2026-03-02", "2026-01-31")
    text = cli.ok("procedure", "show", ref).lines
    assert f"{tribunal['id']}\ttribunal\tdue 2026-04-09\tTribunal claim (unfair-dismissal)" in text
    assert f"{sar['id']}\tsubject-access\tdue 2026-03-02\tSubject access answer" in text


def test_calendar_jurisdiction_closures_and_refer_weeks(cli: Cli) -> None:
    ref = _new_case(cli)
    assert cli.ok("procedure", "calendar").lines == [
        "jurisdiction\tengland-wales",
        "refer-weeks\t4",
        "leads\t28,14,7,2,1",
    ]
    closures = ("--closure", "2026-03-05", "--closure", "2026-03-04")
    setting = cli.ok("procedure", "calendar", "--jurisdiction", "scotland", *closures)
    expected = [
        "jurisdiction\tscotland",
        "refer-weeks\t4",
        "leads\t28,14,7,2,1",
        "closure\t2026-03-04",
        "closure\t2026-03-05",
    ]
    assert setting.lines == expected
    assert cli.ok("procedure", "calendar").lines == expected  # kept in the vault

    # A procedure started now follows the vault's jurisdiction, and its stages skip closure days.
    _start(cli, ref)
    day, _ = _counted(cli.run("procedure", "event", ref, "outcome", "--on", "2026-03-02"))
    assert day == "2026-03-11"  # 3, 6, 9, 10, 11 March: the 4th and 5th are closed
    # A statutory clock does not: 4 March, a closure day, stays the answer date.
    day, _ = _counted(cli.run("procedure", "subject-access", ref, "--received", "2026-02-04"))
    assert day == "2026-03-04"
    stages = _by_stage(cli, ref)
    assert stages["outcome"]["inputs"]["jurisdiction"] == "scotland"
    assert stages["subject-access"]["inputs"]["jurisdiction"] == "scotland"

    cleared = cli.ok("procedure", "calendar", "--clear-closures", "--refer-weeks", "6", "--leads", "10, 3")
    assert cleared.lines == ["jurisdiction\tscotland", "refer-weeks\t6", "leads\t10,3"]
    _, how = _counted(cli.run("procedure", "tribunal", ref, "--event", "2026-01-10"))
    assert "(6 weeks before)" in how
    refused = cli.run_many(
        ("procedure", "calendar", "--refer-weeks", "30"),
        ("procedure", "calendar", "--jurisdiction", "wales"),
        ("procedure", "calendar", "--closure", "next friday"),
        ("procedure", "calendar", "--leads", "0,7"),
        ("procedure", "calendar", "--leads", "soon"),
    )
    assert "from 1 to 26 weeks" in assert_clean_error(refused[0], 2)
    assert "invalid choice" in assert_clean_error(refused[1], 2)
    assert "is not a date such as" in assert_clean_error(refused[2], 2)
    assert "Lead times are whole days from 1 to 366" in assert_clean_error(refused[3], 2)
    assert "is not a list of days such as 28,14,7,2,1" in assert_clean_error(refused[4], 2)
    # Nothing changed by a refusal.
    assert cli.ok("procedure", "calendar").lines == [
        "jurisdiction\tscotland",
        "refer-weeks\t6",
        "leads\t10,3",
    ]


def test_export_calendar_holds_references_and_kinds_never_names(cli: Cli, tmp_path: Path) -> None:
    hearing_at = (datetime.now(UTC) + timedelta(days=30)).replace(hour=10, minute=0, second=0, microsecond=0)
    # Arranged in-process (the commands that make these are tested above); the export runs for real.
    with reopen(VaultPaths(cli.vault)) as vault:
        ref, closed = vault.new_case(MEMBER), vault.new_case("Sam Closed")
        vault.start_procedure(ref, "acas-disciplinary")
        outcome = vault.record_stage_event(vault.stage(ref, "outcome").id, date(2026, 3, 2))
        appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 3, 6))
        vault.extend_deadline(appeal.id, date(2026, 3, 20), "Pat Manager")
        vault.complete_deadline(outcome.id, date(2026, 3, 9), "Final written warning")
        vault.add_tribunal_limit(ref, date(2026, 1, 10), "unfair-dismissal")
        vault.add_case_date(ref, "hearing", hearing_at, "Room 4 with Ann")
        vault.add_tribunal_limit(closed, date(2026, 2, 10), "unfair-dismissal")
        vault.close_case(closed)

    out = tmp_path / "deadlines.ics"
    exported = cli.ok("procedure", "export-calendar", "--out", str(out))
    assert exported.stdout == f"Wrote 3 events to {out}.\n"
    assert "not encrypted" in exported.stderr and "no names" in exported.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert ref in text
    for private in (MEMBER, "Ann", "Pat Manager", "Final written warning", "Room 4", "Sam Closed", closed):
        assert private not in text, private
    events = {str(e.get("summary")): e.decoded("dtstart") for e in Calendar.from_ical(text).walk("VEVENT")}
    assert events == {
        f"{ref}: procedure deadline": date(2026, 3, 20),  # the appeal, as extended
        f"{ref}: tribunal time limit": date(2026, 4, 9),
        f"{ref}: hearing": hearing_at,
    }
    assert f"UID:{appeal.id}@casevault" in text
    assert outcome.id not in text  # done: no longer running


def test_export_calendar_refuses_a_name_not_ending_in_ics_before_unlocking(cli: Cli, tmp_path: Path) -> None:
    txt, ics_locked = cli.run_many(
        ("procedure", "export-calendar", "--out", str(tmp_path / "deadlines.txt")),
        ("procedure", "export-calendar", "--out", str(tmp_path / "deadlines.ics")),
        unset=["CASEVAULT_PASSPHRASE"],
    )
    # Without a passphrase the vault cannot be unlocked: the .txt refusal came before trying.
    assert assert_clean_error(txt, 2) == "The calendar file's name must end in .ics."
    assert "passphrase" in assert_clean_error(ics_locked).lower()
    assert list(tmp_path.glob("deadlines*")) == []
    unwritable = cli.run("procedure", "export-calendar", "--out", str(tmp_path / "no-such-folder" / "d.ics"))
    assert "Writing the calendar file failed" in assert_clean_error(unwritable, 1)


def test_reminders_warn_of_a_near_stage_deadline_until_it_is_done(cli: Cli) -> None:
    ref = _new_case(cli)
    _start(cli, ref)
    today = date.today()
    day, _ = _counted(cli.run("procedure", "event", ref, "appeal", "--on", today.isoformat()))
    due = WorkingCalendar("england-wales").add(today, 5)
    assert day == due.isoformat()
    appeal = _by_stage(cli, ref)["appeal"]["id"]

    on_the_day, the_day_after = f"{day}T12:00+00:00", f"{due + timedelta(days=1)}T12:00+00:00"
    now, then, later = _deadline_reminders(cli, appeal, None, on_the_day, the_day_after)
    (warning,) = now  # one line per deadline: the warning of the latest lead time passed
    assert (warning["kind"], warning["ref"], warning["text"]) == (
        "deadline-warning",
        ref,
        "A deadline is coming up.",
    )
    assert datetime.fromisoformat(warning["due"]) <= datetime.now(UTC)
    assert [r["kind"] for r in then] == ["deadline-day"]
    assert [r["kind"] for r in later] == ["deadline-overdue"]

    cli.ok("procedure", "done", ref, "appeal")
    assert _deadline_reminders(cli, appeal, None, the_day_after) == [[], []]


def test_an_overdue_deadline_is_set_aside_only_with_a_reason(cli: Cli) -> None:
    today = date.today()
    with reopen(VaultPaths(cli.vault)) as vault:  # arranged in-process: a month-old appeal, today's outcome
        ref = vault.new_case(MEMBER)
        vault.start_procedure(ref, "acas-disciplinary")
        appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, today - timedelta(days=30)).id
        vault.record_stage_event(vault.stage(ref, "outcome").id, today)
    assert [[r["kind"] for r in rs] for rs in _deadline_reminders(cli, appeal, None)] == [
        ["deadline-overdue"]
    ]
    blank, not_yet, not_running = cli.run_many(
        ("procedure", "overdue", ref, "appeal", "--reason", " "),
        ("procedure", "overdue", ref, "outcome", "--reason", "Postponed"),
        ("procedure", "overdue", ref, "hearing", "--reason", "Postponed"),
    )
    assert "only with a reason" in assert_clean_error(blank, 2)
    assert "has not passed yet" in assert_clean_error(not_yet, 2)
    assert "not running" in assert_clean_error(not_running, 2)

    reason = "The member was on sick leave; HR agreed to wait."
    set_aside = cli.ok("procedure", "overdue", ref, "appeal", "--reason", reason)
    assert set_aside.stdout == "The overdue deadline for Appeal lodged is set aside; the reason is kept.\n"
    assert _deadline_reminders(cli, appeal, None) == [[]]
    assert _by_stage(cli, ref)["appeal"]["overdue_reason"] == reason


def test_limit_follows_the_employers_policy_but_not_a_limit_set_by_law(cli: Cli) -> None:
    with reopen(VaultPaths(cli.vault)) as vault:  # arranged in-process
        ref = vault.new_case(MEMBER)
        vault.start_procedure(ref, "acas-disciplinary")
        vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 11, 1))
        tribunal = vault.add_tribunal_limit(ref, date(2026, 1, 10), "unfair-dismissal").id
    day, how = _counted(cli.run("procedure", "limit", ref, "appeal", "--days", "10", "--unit", "calendar"))
    assert day == "2026-11-11" and "10 days from receiving the outcome letter" in how
    zero, law, both = cli.run_many(
        ("procedure", "limit", ref, "appeal", "--days", "0"),
        ("procedure", "limit", ref, tribunal, "--days", "3"),
        ("procedure", "limit", ref, "appeal", "--days", "3", "--no-limit"),
    )
    assert "from 1 to 366 days" in assert_clean_error(zero, 2)
    assert "set by law" in assert_clean_error(law, 2)
    assert "not allowed with argument" in assert_clean_error(both, 2)
    unlimited = cli.ok("procedure", "limit", ref, "appeal", "--no-limit")
    assert unlimited.stdout == "no date yet\n"
    stages = _by_stage(cli, ref)
    assert stages["appeal"]["limit_days"] is None and stages["appeal"]["deadline"] is None
    assert stages["tribunal"]["deadline"] == "2026-04-09"
    assert "\tappeal\tno time limit\t" in cli.ok("procedure", "show", ref).stdout
