"""The rest of issue 13, item 10: escalations, the originals register and hearings and meetings
can be made, shown and scripted from the command line, as the GUI makes them; `case show`
includes them in text and --json; a stored string is never printed raw."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from casevault.core.model import CaseDate, Escalation, FirstMeeting, Original
from casevault.core.paths import VaultPaths
from casevault.store import escalations as escalation_rows
from casevault.store import originals as original_rows
from casevault.store import reminders as reminder_rows
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.cli import ID_RE, Cli, assert_clean_error
from tests.support.hostile_text import CLEAR, CSI, HOSTILE, RLO, TITLE, raw_controls


@pytest.fixture
def cli(tmp_path: Path, cli_env: dict[str, str]) -> Cli:
    # A fast KDF keeps the many small commands quick; the CLI opens it like any vault.
    root = tmp_path / "vault"
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF):
        pass
    return Cli(root, cli_env)


def _new_case(cli: Cli) -> str:
    return cli.ok("case", "new", "--member", "Ann Example").stdout.strip()


def test_escalation_add_and_list(cli: Cli) -> None:
    ref = _new_case(cli)
    told = cli.ok(
        "escalation",
        "add",
        ref,
        "--to",
        "Senior caseworker",
        "--date",
        "2026-03-01T09:00+00:00",
        "--how",
        "meeting",
        "--regional-office-told",
        "yes",
    ).stdout.strip()
    before = datetime.now(UTC)
    untold = cli.ok("escalation", "add", ref.lower(), "--to", "Branch secretary", "--how", "email").stdout
    assert ID_RE.match(told) and ID_RE.match(untold.strip())
    first, second = cli.json("escalation", "list", ref)
    assert first == {
        **first,
        "id": told,
        "escalated_to": "Senior caseworker",
        "escalated": "2026-03-01T09:00:00Z",
        "how": "meeting",
        "regional_office_notified": True,
    }
    # As the dialog: now by default, and the regional office not told unless it was.
    assert second["how"] == "email" and second["regional_office_notified"] is False
    assert datetime.fromisoformat(second["escalated"]) >= before - timedelta(minutes=1)
    events = {e["id"]: e for e in cli.json("case", "show", ref)["events"]}
    assert events[first["event_id"]]["kind"] == "escalation"
    assert "Senior caseworker" in events[first["event_id"]]["text"]
    text = cli.ok("escalation", "list", ref).stdout
    assert f"{told}\t2026-03-01T09:00:00Z\tmeeting\tregional office told\tSenior caseworker" in text


def test_escalation_bad_input_is_one_sentence(cli: Cli) -> None:
    ref = _new_case(cli)
    ahead = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    results = cli.run_many(
        ("escalation", "add", ref, "--to", "X", "--how", "carrier-pigeon"),
        ("escalation", "add", ref, "--to", "X", "--how", "phone", "--date", ahead),
        ("escalation", "add", ref, "--to", "   ", "--how", "phone"),
        ("escalation", "add", ref, "--to", "X", "--how", "phone", "--regional-office-told", "maybe"),
        ("escalation", "add", "CV-2026-9999", "--to", "X", "--how", "phone"),
    )
    assert "how" in assert_clean_error(results[0], 2)
    assert "a day ahead" in assert_clean_error(results[1], 2)
    assert "empty" in assert_clean_error(results[2], 2)
    assert "regional-office-told" in assert_clean_error(results[3], 2)
    assert "no case" in assert_clean_error(results[4], 1).lower()
    assert cli.json("escalation", "list", ref) == []


def test_originals_register_add_list_returned(cli: Cli) -> None:
    ref = _new_case(cli)
    payslips = cli.ok(
        "originals",
        "add",
        ref,
        "--description",
        "Payslips, January to March",
        "--received",
        "2026-01-05T10:00+00:00",
        "--kept-at",
        "Locked drawer",
    ).stdout.strip()
    contract = cli.ok("originals", "add", ref, "--description", "Signed contract").stdout.strip()
    assert ID_RE.match(payslips) and ID_RE.match(contract)
    refused = cli.run_many(
        ("originals", "returned", payslips, "--how", "By hand", "--date", "2025-12-01T00:00+00:00"),
        ("originals", "returned", payslips, "--date", "2026-02-01"),
        ("originals", "returned", "0" * 32, "--how", "By hand"),
        ("originals", "add", ref, "--description", f"x{CLEAR}"),
        ("originals", "add", ref, "--description", "x", "--received", "yesterday"),
    )
    assert "before it was received" in assert_clean_error(refused[0], 2)
    assert "--how" in assert_clean_error(refused[1], 2)
    assert "no original" in assert_clean_error(refused[2], 1).lower()
    assert "control characters" in assert_clean_error(refused[3], 2)
    assert "not an ISO date-time" in assert_clean_error(refused[4], 2)
    cli.ok("originals", "returned", payslips, "--how", "By hand to the member", "--date", "2026-02-01T12:00Z")
    assert "already" in cli.fail(2, "originals", "returned", payslips, "--how", "again")
    rows = {o["id"]: o for o in cli.json("originals", "list", ref)}
    assert set(rows) == {payslips, contract}
    assert rows[payslips] == {
        **rows[payslips],
        "description": "Payslips, January to March",
        "received": "2026-01-05T10:00:00Z",
        "kept_at": "Locked drawer",
        "returned": "2026-02-01T12:00:00Z",
        "returned_how": "By hand to the member",
    }
    assert rows[contract]["returned"] is None and rows[contract]["kept_at"] == ""
    text = cli.ok("originals", "list", ref).stdout
    assert (
        f"{payslips}\treceived 2026-01-05T10:00:00Z\treturned 2026-02-01T12:00:00Z\t"
        "Payslips, January to March\tkept at: Locked drawer\treturned how: By hand to the member"
    ) in text
    assert f"{contract}\treceived " in text and "not returned\tSigned contract" in text


def test_case_dates_add_list_remove(cli: Cli) -> None:
    ref = _new_case(cli)
    hearing = cli.ok(
        "dates", "add", ref, "--kind", "hearing", "--at", "2026-12-20T10:00+00:00", "--note", "Room 4"
    ).stdout.strip()
    meeting = cli.ok("dates", "add", ref, "--kind", "meeting", "--at", "2026-12-10T15:30Z").stdout.strip()
    assert ID_RE.match(hearing) and ID_RE.match(meeting)
    refused = cli.run_many(
        ("dates", "add", ref, "--kind", "tribunal", "--at", "2026-12-20T10:00Z"),
        ("dates", "add", ref, "--kind", "hearing", "--at", "next week"),
        ("dates", "add", ref, "--kind", "hearing"),
        ("dates", "add", ref, "--kind", "hearing", "--at", "2026-12-20T10:00Z", "--note", "a\x07b"),
    )
    assert "kind" in assert_clean_error(refused[0], 2)
    assert "not an ISO date-time" in assert_clean_error(refused[1], 2)
    assert "--at" in assert_clean_error(refused[2], 2)
    assert "control characters" in assert_clean_error(refused[3], 2)
    # In time order, as the panel lists them.
    assert cli.json("dates", "list", ref) == [
        {"id": meeting, "kind": "meeting", "at": "2026-12-10T15:30:00Z", "note": ""},
        {"id": hearing, "kind": "hearing", "at": "2026-12-20T10:00:00Z", "note": "Room 4"},
    ]
    assert f"{hearing}\thearing\t2026-12-20T10:00:00Z\tRoom 4" in cli.ok("dates", "list", ref).stdout
    cli.ok("dates", "remove", hearing.upper())
    assert [d["id"] for d in cli.json("dates", "list", ref)] == [meeting]
    assert "no case date" in cli.fail(1, "dates", "remove", hearing).lower()


def test_case_show_includes_them_and_keeps_its_keys(cli: Cli) -> None:
    ref = _new_case(cli)
    plain = cli.json("case", "show", ref)
    escalation = cli.ok("escalation", "add", ref, "--to", "Regional officer", "--how", "phone").stdout.strip()
    original = cli.ok(
        "originals", "add", ref, "--description", "Payslips", "--kept-at", "Safe"
    ).stdout.strip()
    date = cli.ok("dates", "add", ref, "--kind", "hearing", "--at", "2026-12-20T10:00Z").stdout.strip()
    data = cli.json("case", "show", ref)
    assert set(data) == set(plain) | {"escalations", "originals", "case_dates"}
    assert set(plain) >= {"ref", "member", "events", "attachments", "first_meeting", "action_points"}
    assert [e["id"] for e in data["escalations"]] == [escalation]
    assert [(o["id"], o["description"], o["kept_at"]) for o in data["originals"]] == [
        (original, "Payslips", "Safe")
    ]
    assert data["case_dates"] == [{"id": date, "kind": "hearing", "at": "2026-12-20T10:00:00Z", "note": ""}]
    text = cli.ok("case", "show", ref).stdout
    for expected in (
        f"  escalation {escalation}\t",
        "\tphone\tregional office not told\tRegional officer",
        f"  original {original}\treceived ",
        "not returned\tPayslips\tkept at: Safe",
        f"  date {date}\thearing\t2026-12-20T10:00:00Z",
    ):
        assert expected in text, text


def test_stored_hostile_strings_are_shown_escaped(tmp_path: Path, cli_env: dict[str, str]) -> None:
    # Put in below the Vault's checks, as a crafted bundle or an older vault could hold them.
    root = tmp_path / "vault"
    now = datetime.now(UTC)
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        ref = vault.new_case("Ann Example")
        case_id = vault.session.case_id(ref)
        escalation_rows.insert_escalation(
            vault.db,
            case_id,
            Escalation(secrets.token_hex(16), secrets.token_hex(16), HOSTILE, now, f"ph{CSI}one", True, now),
        )
        original_rows.insert(
            vault.db,
            case_id,
            Original(
                secrets.token_hex(16), f"pay{RLO}slips", now, f"drawer{TITLE}", now, f"hand{CLEAR}", now
            ),
        )
        reminder_rows.insert_case_date(
            vault.db, case_id, CaseDate(secrets.token_hex(16), "hearing", now, f"room{CLEAR}4"), now
        )
    cli = Cli(root, cli_env)
    texts = cli.run_many(
        ("case", "show", ref),
        ("escalation", "list", ref),
        ("originals", "list", ref),
        ("dates", "list", ref),
    )
    for result in texts:
        assert result.returncode == 0, str(result)
        assert not raw_controls(result.stdout + result.stderr), (result.args, raw_controls(result.stdout))
    show, escalations, originals, dates = (r.stdout for r in texts)
    for escaped in ("Ann\\x1b[2J\\x1b]0;pwned\\x07\\u202efdp.exe\\x9b31m", "ph\\x9b31mone"):
        assert escaped in show and escaped in escalations
    for escaped in ("pay\\u202eslips", "drawer\\x1b]0;pwned\\x07", "hand\\x1b[2J"):
        assert escaped in show and escaped in originals
    assert "room\\x1b[2J4" in show and "room\\x1b[2J4" in dates
    as_json = cli.run_many(
        ("case", "show", ref, "--json"),
        ("escalation", "list", ref, "--json"),
        ("originals", "list", ref, "--json"),
        ("dates", "list", ref, "--json"),
    )
    for result in as_json:
        assert result.returncode == 0 and not raw_controls(result.stdout), str(result)
    data, (escalation,), (original,), (date,) = (json.loads(r.stdout) for r in as_json)
    # Escaped on the way out, yet the same data once parsed.
    assert escalation["escalated_to"] == HOSTILE and escalation["how"] == f"ph{CSI}one"
    assert (original["description"], original["kept_at"], original["returned_how"]) == (
        f"pay{RLO}slips",
        f"drawer{TITLE}",
        f"hand{CLEAR}",
    )
    assert date["note"] == f"room{CLEAR}4"
    assert (
        data["escalations"] == [escalation]
        and data["originals"] == [original]
        and data["case_dates"] == [date]
    )


def test_typed_hostile_text_is_refused_or_quoted_escaped(cli: Cli) -> None:
    ref = _new_case(cli)
    results = cli.run_many(
        ("escalation", "add", ref, "--to", f"Boss{TITLE}", "--how", "phone"),
        ("originals", "returned", f"{CLEAR}{RLO}{CSI}", "--how", "by hand"),
        ("dates", "remove", f"{CLEAR}{RLO}"),
    )
    assert "control characters" in assert_clean_error(results[0], 2)
    for result in results[1:]:
        assert_clean_error(result, 1)
        assert not raw_controls(result.stderr), raw_controls(result.stderr)
    # A bidi control is not a control character: the Vault strips it before storing.
    cli.ok("escalation", "add", ref, "--to", f"rtl{RLO}txt", "--how", "phone")
    assert cli.json("escalation", "list", ref)[0]["escalated_to"] == "rtltxt"


def test_new_commands_are_in_help(cli: Cli) -> None:
    top = cli.ok("--help", vault=False).stdout
    for group in ("escalation", "originals", "dates"):
        assert group in top
        assert cli.ok(group, "--help", vault=False).stdout.startswith("usage: ")
    assert "--regional-office-told" in cli.ok("escalation", "add", "--help", vault=False).stdout


def test_case_show_has_the_first_meeting_action_points_hearings_and_procedure(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    """Issue 18: `case show` leaves nothing out. An empty first meeting, no action points and no
    hearings are said to be so; filled in, they are listed, with the procedure's stages and the
    dates it counted (the disciplinary meeting, the appeal hearing), in text and --json."""
    root = tmp_path / "vault"
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        empty = vault.new_case("Bea Empty")
        ref = vault.new_case("Ann Example", case_type="disciplinary")
        vault.save_first_meeting(ref, FirstMeeting(issues=("Lateness",), narrative="Rota changed"))
        action = vault.add_action_point(ref, "Ask HR for the rota")
        hearing = vault.add_case_date(ref, "hearing", datetime(2026, 12, 20, 10, tzinfo=UTC), "Room 4")
        vault.start_procedure(ref, "acas-disciplinary")
        meeting = vault.record_stage_event(vault.stage(ref, "hearing").id, date(2026, 12, 1))
        assert meeting.due_on is not None
    cli = Cli(root, cli_env)
    bare, text, data = cli.run_many(
        ("case", "show", empty), ("case", "show", ref), ("case", "show", ref, "--json")
    )
    for said in (
        "  first meeting: not recorded yet",
        "  action points: none",
        "  hearings and meetings: none",
    ):
        assert said in bare.lines, bare.stdout
    shown = json.loads(data.stdout)
    assert shown["first_meeting"]["issues"] == ["Lateness"]
    assert [a["id"] for a in shown["action_points"]] == [action]
    assert [d["id"] for d in shown["case_dates"]] == [hearing]
    stages = {d["stage"]: d for d in shown["deadlines"]}
    assert stages["hearing"]["id"] == meeting.id
    assert stages["hearing"]["deadline"] == meeting.due_on.isoformat()
    assert set(stages) >= {"hearing", "appeal-hearing", "outcome"}
    for expected in (
        "  first meeting:",
        "    issue: Lateness",
        f"  action {action}\topen\tno due date\tAsk HR for the rota",
        f"  date {hearing}\thearing\t2026-12-20T10:00:00Z\tRoom 4",
        f"  deadline {meeting.id}\thearing\tdue {meeting.due_on.isoformat()}\tDisciplinary meeting",
    ):
        assert expected in text.lines, text.stdout
    assert "not recorded yet" not in text.stdout and ": none" not in text.stdout
