"""The command line never prints a stored string raw to a terminal (issue 13, item 4).

Input checks now refuse most control characters, but a vault made by an older casevault, a
crafted handover bundle or an imported email can still hold them, so the strings here go in
through the store layer, below those checks. Printed raw, `ESC[2J` clears the screen, an OSC
sequence retitles the window, U+009B starts a CSI sequence and U+202E reverses the text."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from casevault.cli.output import json_text, marked, shown, snippet_json, wants_bold
from casevault.core.model import ActionPoint, Consent, Event, FirstMeeting, Party, Snippet
from casevault.core.paths import VaultPaths
from casevault.store import cases as case_rows
from casevault.store import consents as consent_rows
from casevault.store import meetings as meeting_rows
from casevault.store import parties as party_rows
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.cli import Cli, Result
from tests.support.hostile_text import CLEAR, CSI, HOSTILE, RLO, TITLE, raw_controls

# ---- the helper ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (CLEAR, "\\x1b[2J"),
        (TITLE, "\\x1b]0;pwned\\x07"),
        (f"rtl{RLO}txt.exe", "rtl\\u202etxt.exe"),
        (CSI, "\\x9b31m"),
        ("a\x7fb\x00c\rd\te\nf", "a\\x7fb\\x00c\\x0dd\\x09e\\x0af"),
        ("zero\u200bwidth\ufeff\u2066", "zero\\u200bwidth\\ufeff\\u2066"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("lone \udcff", "lone \\udcff"),  # an undecodable byte: would also stop the output
        ("Nguyễn Thị Lan, Zoë, 山田, 👍 ok", "Nguyễn Thị Lan, Zoë, 山田, 👍 ok"),
    ],
)
def test_shown_escapes_every_unsafe_character(raw: str, expected: str) -> None:
    assert shown(raw) == expected
    assert not raw_controls(shown(raw))


def test_shown_keeps_line_feeds_of_a_multi_line_body_only() -> None:
    assert shown("line one\nline two\x1b[2J", multiline=True) == "line one\nline two\\x1b[2J"
    assert shown("a\nb") == "a\\x0ab"


def test_json_text_is_valid_means_the_same_and_holds_nothing_raw() -> None:
    data = {"name": HOSTILE, "list": [TITLE, f"rtl{RLO}txt.exe", "\U000e0041", "Zoë"], HOSTILE: 1}
    text = json_text(data)
    assert not raw_controls(text)
    assert json.loads(text) == data
    assert "Zoë" in text  # readable text stays readable


# ---- every text path of the real command -------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A vault whose every kind of stored string holds terminal escapes, put in below the checks."""
    root = tmp_path_factory.mktemp("escaping") / "vault"
    now = datetime.now(UTC)
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        ref = vault.new_case("Placeholder Name", case_type="grievance")
        case_id = vault.session.case_id(ref)
        vault.db.execute(
            "UPDATE members SET name = ?, email = ? WHERE id = (SELECT member_id FROM cases WHERE id = ?)",
            (HOSTILE, f"x{CLEAR}@example.org", case_id),
        )
        vault.db.execute("UPDATE cases SET case_type = ? WHERE id = ?", (f"type{TITLE}", case_id))
        # Typed notes have escapes made visible (rules.clean_body); one from an older vault may not.
        body = f"first line\nsecond {CLEAR}{RLO} findme"
        case_rows.insert_event(vault.db, case_id, Event(secrets.token_hex(16), "note", now, now, body))
        doc = root.parent / "letter.txt"
        doc.write_bytes(b"a letter\n")
        attachment = vault.attach(ref, doc)
        vault.db.execute(
            "UPDATE attachments SET name = ? WHERE id = ?", (f"rtl{RLO}txt.exe{CSI}", attachment)
        )
        party_rows.insert_party(
            vault.db, case_id, Party(secrets.token_hex(16), HOSTILE, "witness", f"note{TITLE}", now)
        )
        consent_rows.insert_consent(
            vault.db, case_id, Consent(secrets.token_hex(16), "share-reps", now, f"said{CLEAR}", None, now)
        )
        due = now - timedelta(days=1)  # overdue, so `reminders` shows it
        meeting_rows.insert_action(
            vault.db, case_id, ActionPoint(secrets.token_hex(16), f"do{CLEAR}it", f"o{RLO}", due, None, now)
        )
        meeting = FirstMeeting(issues=(f"issue{CSI}",), narrative=f"told{TITLE}", member_decision=f"d{RLO}")
        meeting_rows.save_first_meeting(vault.db, case_id, meeting, [secrets.token_hex(16)], now)
        gone = vault.new_case("Gone Member", case_type="general")
        vault.close_case(gone, retain_days=0)
        vault.purge_case(gone)
        # A purge now keeps a listed type; a record from before the lists may hold anything.
        vault.db.execute("UPDATE deletions SET case_type = ? WHERE ref = ?", (f"gone{CLEAR}", gone))
    return root, ref


def _check(result: Result) -> None:
    assert result.returncode == 0, str(result)
    assert not raw_controls(result.stdout), (result.args, raw_controls(result.stdout))
    assert not raw_controls(result.stderr), (result.args, raw_controls(result.stderr))


def test_text_output_escapes_stored_strings(hostile: tuple[Path, str], cli_env: dict[str, str]) -> None:
    root, ref = hostile
    cli = Cli(root, cli_env)
    later = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    results = cli.run_many(
        ("case", "list"),
        ("case", "show", ref),
        ("search", "findme"),
        ("reminders", "--at", later),
        ("deletions",),
        ("consent", "list", ref),
        ("people", "list", ref),
        ("action", "list", ref),
        ("meeting", "show", ref),
        ("audit", "show"),
    )
    for result in results:
        _check(result)
    listing, show, search, reminders, deletions, consents, people, actions, meeting, _audit = results
    assert "Ann\\x1b[2J\\x1b]0;pwned\\x07\\u202efdp.exe\\x9b31m" in listing.stdout
    assert "type\\x1b]0;pwned\\x07" in listing.stdout
    for expected in (
        "Ann\\x1b[2J",
        "x\\x1b[2J@example.org",
        "first line\nsecond \\x1b[2J\\u202e findme",  # a note keeps its lines, nothing else
        "rtl\\u202etxt.exe\\x9b31m",
        "note\\x1b]0;pwned\\x07",
        "said\\x1b[2J",
        "do\\x1b[2Jit",
        "issue\\x9b31m",
        "told\\x1b]0;pwned\\x07",
    ):
        assert expected in show.stdout, expected
    assert "Ann\\x1b[2J" in search.stdout
    assert "first line second \\x1b[2J\\u202e [findme]" in search.stdout  # the snippet: one line, escaped
    assert ref in reminders.stdout  # a reminder names the case only, never the action's text
    assert "gone\\x1b[2J" in deletions.stdout
    assert "said\\x1b[2J" in consents.stdout
    assert "Ann\\x1b[2J" in people.stdout and "\\r" not in people.stdout.replace("\\x0d", "")
    assert "o\\u202e" in actions.stdout
    assert "d\\u202e" in meeting.stdout


def test_json_output_escapes_and_keeps_the_data(hostile: tuple[Path, str], cli_env: dict[str, str]) -> None:
    root, ref = hostile
    cli = Cli(root, cli_env)
    results = cli.run_many(
        ("case", "show", ref, "--json"),
        ("case", "list", "--json"),
        ("search", "findme", "--json"),
        ("people", "list", ref, "--json"),
        ("deletions", "--json"),
    )
    for result in results:
        _check(result)
    show, listing, search, people, deletions = (json.loads(r.stdout) for r in results)
    assert show["member"]["name"] == HOSTILE  # valid JSON that means the same
    assert show["attachments"][0]["name"] == f"rtl{RLO}txt.exe{CSI}"
    assert show["people"][0]["name"] == HOSTILE and show["first_meeting"]["issues"] == [f"issue{CSI}"]
    assert listing[0]["member"] == HOSTILE and search[0]["member"] == HOSTILE
    snippet = search[0]["snippet"]
    start, length = snippet["matches"][0]
    assert snippet["text"][start : start + length] == "findme" and CLEAR in snippet["text"]
    assert people[0]["note"] == f"note{TITLE}"
    assert deletions[0]["type"] == f"gone{CLEAR}"


def test_an_error_quoting_typed_text_is_escaped(hostile: tuple[Path, str], cli_env: dict[str, str]) -> None:
    root, _ref = hostile
    result = Cli(root, cli_env).run("consent", "withdraw", f"{CLEAR}{RLO}{CSI}")
    assert result.returncode == 1
    assert not raw_controls(result.stderr), raw_controls(result.stderr)


# ---- search snippets (issue 18) ----------------------------------------------------------------


def test_a_snippet_marks_its_matched_words_and_escapes_the_rest() -> None:
    snippet = Snippet((("Asked for the ", False), ("tacho\x1b[2J", True), (" records", False)))
    assert marked(snippet) == "Asked for the [tacho\\x1b[2J] records"
    assert marked(snippet, bold=True) == "Asked for the \x1b[1mtacho\\x1b[2J\x1b[22m records"
    assert snippet_json(snippet) == {"text": "Asked for the tacho\x1b[2J records", "matches": [[14, 9]]}
    assert marked(Snippet()) == "" and snippet_json(Snippet()) == {"text": "", "matches": []}


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_bold_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_bold(_Stream(True)) and not wants_bold(_Stream(False))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_bold(_Stream(True))
