"""Every record the GUI makes can be made, shown and scripted from the command line (issue 13,
item 10): consent, the first meeting, action points and people; and a refusal for missing
consent exits 1 and says which consent and how to record it (item 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.cli import ID_RE, REF_RE, Cli, assert_clean_error


def _new_vault(root: Path, env: dict[str, str]) -> Cli:
    # A fast KDF keeps the many small commands quick; the CLI opens it like any vault.
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF):
        pass
    return Cli(root, env)


@pytest.fixture
def cli(tmp_path: Path, cli_env: dict[str, str]) -> Cli:
    return _new_vault(tmp_path / "vault", cli_env)


def test_consent_add_list_withdraw(cli: Cli) -> None:
    ref = cli.ok("case", "new", "--member", "Ann Example").stdout.strip()
    given = cli.ok(
        "consent", "add", ref, "--scope", "reps", "--date", "2026-01-02T10:00+00:00", "--note", "by phone"
    ).stdout.strip()
    assert ID_RE.match(given)
    other = cli.ok("consent", "add", ref.lower(), "--scope", "keep-data").stdout.strip()
    (row,) = [c for c in cli.json("consent", "list", ref) if c["id"] == given]
    assert (row["scope"], row["given"], row["note"], row["in_force"]) == (
        "share-reps",
        "2026-01-02T10:00:00Z",
        "by phone",
        True,
    )
    cli.ok("consent", "withdraw", given, "--date", "2026-02-01T09:00+00:00")
    listed = {c["id"]: c for c in cli.json("consent", "list", ref)}
    assert listed[given]["withdrawn"] == "2026-02-01T09:00:00Z"
    assert not listed[given]["in_force"] and listed[other]["in_force"]
    text = cli.ok("consent", "list", ref).stdout
    assert (
        f"{given}\tshare-reps\tgiven 2026-01-02T10:00:00Z\twithdrawn 2026-02-01T09:00:00Z\tby phone" in text
    )


def test_consent_usage_errors_are_one_sentence_exit_2(cli: Cli) -> None:
    ref = cli.ok("case", "new", "--member", "Ann Example").stdout.strip()
    results = cli.run_many(
        ("consent", "add", ref, "--scope", "everyone"),
        ("consent", "add", ref, "--scope", "reps", "--date", "last tuesday"),
        ("consent", "add", ref, "--scope", "reps", "--date", "2999-01-01"),
        ("consent", "withdraw", "0" * 32),
        ("meeting", "set", ref),
        ("action", "add", ref, "--text", "x", "--due", "soon"),
    )
    assert "scope" in assert_clean_error(results[0], 2)
    assert "not an ISO date-time" in assert_clean_error(results[1], 2)
    assert "future" in assert_clean_error(results[2], 2)
    assert "no consent" in assert_clean_error(results[3], 1).lower()
    assert "at least one field" in assert_clean_error(results[4], 2)
    assert "not an ISO date-time" in assert_clean_error(results[5], 2)
    assert cli.json("consent", "list", ref) == []


def test_meeting_set_changes_only_the_fields_given(cli: Cli) -> None:
    ref = cli.ok("case", "new", "--member", "Ann Example").stdout.strip()
    cli.ok(
        "meeting",
        "set",
        ref,
        "--held",
        "2026-03-04T09:30+00:00",
        "--issue",
        "unpaid overtime",
        "--issue",
        "rota changes",
        "--narrative",
        "Asked to work late\nwithout pay.",
        "--confidentiality-explained",
        "yes",
        "--decision",
        "I want to raise a grievance.",
    )
    flagged = cli.run("meeting", "set", ref, "--discrimination", "yes", "--originals", "signed contract")
    assert flagged.returncode == 0, str(flagged)
    assert "Consider escalating" in flagged.stderr  # the GUI's escalation advice
    cli.ok("meeting", "set", ref, "--originals-returned", "yes")
    meeting = cli.json("meeting", "show", ref)
    assert meeting["held"] == "2026-03-04T09:30:00Z"
    assert meeting["issues"] == ["unpaid overtime", "rota changes"]
    assert meeting["narrative"] == "Asked to work late\nwithout pay."
    assert meeting["confidentiality_explained"] and meeting["discrimination_alleged"]
    assert not meeting["dismissal_threatened"]
    assert meeting["originals_received"] == "signed contract"
    assert meeting["member_decision"] == "I want to raise a grievance."
    assert meeting["originals_returned"] is not None
    cli.ok("meeting", "set", ref, "--no-issues", "--discrimination", "no")
    cleared = cli.json("meeting", "show", ref)
    assert cleared["issues"] == [] and not cleared["discrimination_alleged"]
    assert cleared["narrative"] == meeting["narrative"] and cleared["held"] == meeting["held"]


def test_action_points_add_list_done(cli: Cli) -> None:
    ref = cli.ok("case", "new", "--member", "Ann Example").stdout.strip()
    first = cli.ok(
        "action", "add", ref, "--text", "Write to HR", "--owner", "rep", "--due", "2026-12-20T12:00+00:00"
    ).stdout.strip()
    second = cli.ok("action", "add", ref, "--text", "Find the policy").stdout.strip()
    assert ID_RE.match(first) and ID_RE.match(second)
    cli.ok("action", "done", first)
    rows = {a["id"]: a for a in cli.json("action", "list", ref)}
    assert (
        rows[first]["done"] and rows[first]["owner"] == "rep" and rows[first]["due"] == "2026-12-20T12:00:00Z"
    )
    assert rows[second]["done"] is None and rows[second]["due"] is None
    cli.ok("action", "reopen", first)
    assert all(a["done"] is None for a in cli.json("action", "list", ref))
    assert "no action point" in cli.fail(1, "action", "done", "f" * 32).lower()


def test_people_add_runs_the_conflict_check(cli: Cli) -> None:
    ref = cli.ok("case", "new", "--member", "Zoë O'Neill").stdout.strip()
    other = cli.ok("case", "new", "--member", "Sam Worker").stdout.strip()
    # No match elsewhere: added, and the check is in the paper trail.
    added = cli.run("people", "add", other, "--name", "Pat Manager", "--role", "manager", "--note", "line")
    assert added.returncode == 0, str(added)
    party = added.stdout.strip()
    assert ID_RE.match(party) and "no conflict" in added.stderr
    # A possible match: refused without a decision, naming the case by reference and role only.
    sentence = cli.fail(2, "people", "add", other, "--name", "Zoe ONeil", "--role", "witness")
    assert f"{ref} (member)" in sentence and "--decision" in sentence
    assert "Zo" not in sentence.replace("--decision", "")
    assert len(cli.json("people", "list", other)) == 1
    decided = cli.ok(
        "people", "add", other, "--name", "Zoe ONeil", "--role", "witness", "--decision", "step-aside"
    )
    assert ID_RE.match(decided.stdout.strip())
    people = {p["id"]: p for p in cli.json("people", "list", other)}
    assert people[party] == {**people[party], "name": "Pat Manager", "role": "manager", "note": "line"}
    checks = [e["text"] for e in cli.json("case", "show", other)["events"] if e["kind"] == "conflict-check"]
    assert any(f"{ref} (member)" in t and "step aside" in t for t in checks)
    assert not any("Zoe" in t for t in checks)
    cli.ok("people", "remove", party)
    assert party not in {p["id"] for p in cli.json("people", "list", other)}
    assert "no person" in cli.fail(1, "people", "remove", party).lower()


def test_case_show_includes_every_record(cli: Cli) -> None:
    ref = cli.ok("case", "new", "--member", "Ann Example").stdout.strip()
    consent = cli.ok(
        "consent", "add", ref, "--scope", "regional-office", "--note", "in writing"
    ).stdout.strip()
    action = cli.ok("action", "add", ref, "--text", "Chase the payslips", "--owner", "Ann").stdout.strip()
    person = cli.ok("people", "add", ref, "--name", "Pat Manager", "--role", "manager").stdout.strip()
    cli.ok("meeting", "set", ref, "--issue", "unpaid overtime", "--narrative", "Worked late.")
    data = cli.json("case", "show", ref)
    assert [c["id"] for c in data["consents"]] == [consent]
    assert data["consents"][0]["scope"] == "share-regional-office"
    assert [a["id"] for a in data["action_points"]] == [action]
    assert set(data["action_points"][0]) >= {"id", "what", "owner", "due", "done"}  # the old keys stay
    assert [(p["id"], p["name"], p["role"]) for p in data["people"]] == [(person, "Pat Manager", "manager")]
    assert data["first_meeting"]["issues"] == ["unpaid overtime"]
    text = cli.ok("case", "show", ref).stdout
    for expected in (
        f"consent {consent}\tshare-regional-office",
        "in writing",
        f"person {person}\tmanager\tPat Manager",
        "issue: unpaid overtime",
        "narrative: Worked late.",
        f"action {action}\topen\tno due date\tChase the payslips\tAnn",
    ):
        assert expected in text, text


def test_missing_consent_exits_1_and_says_how_to_record_it(cli: Cli, tmp_path: Path) -> None:
    colleague = _new_vault(tmp_path / "colleague", cli.env)
    key = colleague.ok("identity").stdout.strip()
    ref = cli.ok("case", "new", "--member", "Ann Example").stdout.strip()
    bundle, zipped = tmp_path / "case.age", tmp_path / "case.zip"
    refused_export, refused_handover = cli.run_many(
        ("export", ref, "--to", "Alex", "--out", str(zipped)),
        ("handover", ref, "--to", key, "--out", str(bundle)),
    )
    for refused in (refused_export, refused_handover):
        sentence = assert_clean_error(refused, 1)
        assert "other reps" in sentence, sentence
        assert sentence.endswith(f"casevault consent add {ref} --scope reps."), sentence
    office = cli.fail(
        1, "export", ref, "--to", "Office", "--recipient-kind", "regional-office", "--out", str(zipped)
    )
    assert office.endswith(f"casevault consent add {ref} --scope regional-office.")
    assert not zipped.exists() and not bundle.exists()
    cli.ok("consent", "add", ref, "--scope", "reps")
    cli.ok("handover", ref, "--to", key, "--out", str(bundle))
    received = colleague.ok("receive", str(bundle)).stdout.strip()
    assert REF_RE.match(received)
    assert colleague.json("case", "show", received)["member"]["name"] == "Ann Example"


def test_new_commands_are_in_help_and_json_is_valid(cli: Cli) -> None:
    ref = cli.ok("case", "new", "--member", "Ann Example").stdout.strip()
    for group in ("consent", "meeting", "action", "people"):
        assert cli.ok(group, "--help", vault=False).stdout.startswith("usage: ")
    listed = cli.run_many(
        ("consent", "list", ref, "--json"),
        ("action", "list", ref, "--json"),
        ("people", "list", ref, "--json"),
    )
    assert [json.loads(r.stdout) for r in listed] == [[], [], []]
