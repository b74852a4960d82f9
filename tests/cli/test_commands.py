"""Every command of the CLI contract (DESIGN.md section 5) and the extras in cli/, run as the real
`casevault` process: exit codes, the shape of stdout, and the fields of every --json output.

One vault is built per module (each unlock costs a calibrated Argon2id); tests that change it
work on a copy. Hostile file names go through the CLI at the end of this module.
"""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from casevault import __version__
from tests.conftest import PASSPHRASE
from tests.support.cli import (
    ID_RE,
    REF_RE,
    Cli,
    Result,
    assert_clean_error,
    files_under,
    sandbox_env,
    sha256,
    write_random,
)

MEMBER_A = "Nguyễn Thị Müller-O'Brien"
EMAIL_A = "n.muller@example.org"
MEMBER_B = "Jan Kowalski"
NOTE_WORD = "zephyrine"
LIST_FIELDS = {"ref", "member", "type", "status", "opened", "closed", "retain_until", "updated"}
SHOW_FIELDS = LIST_FIELDS | {"events", "attachments", "first_meeting", "action_points", "consents", "people"}
SHOW_FIELDS |= {"escalations", "originals", "case_dates"}  # cli/casework.py: added keys only
SHOW_FIELDS |= {"outcome", "remedy"}  # how a closed case ended (issue 17)
SHOW_FIELDS |= {"deadlines"}  # the procedure's stages and the dates it counted (issue 18)
EVENT_FIELDS = {"id", "kind", "occurred", "recorded", "text"}
ATTACHMENT_FIELDS = {"id", "name", "size", "added"}
SEARCH_FIELDS = {"ref", "member", "status", "matched", "snippet"}
REMINDER_FIELDS = {"kind", "ref", "due", "text", "key"}  # key: for snooze and dismiss
DELETION_FIELDS = {"ref", "type", "opened", "closed", "deleted", "originals_reason", "outcome"}
# Deliberately not in alphabetical or size order, so "in order" means the order given.
FILES = (("scan.png", 1_500_000), ("letter.pdf", 300_000), ("notes.txt", 4_000))


def parse_iso(text: str) -> datetime:
    assert text.endswith("Z"), f"times in --json are UTC with a Z: {text!r}"
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert moment.tzinfo is not None
    return moment


def iso_at(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


@dataclass
class Populated:
    cli: Cli
    work: Path
    init: Result
    new_a: Result
    new_b: Result
    ref_a: str
    ref_b: str
    note_ids: list[str]
    attach: Result
    files: list[Path]
    ids: list[str]


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Populated:
    root = tmp_path_factory.mktemp("commands")
    (root / "home").mkdir()
    work = root / "work"
    work.mkdir()
    cli = Cli(root / "vault", sandbox_env(root / "home"), work)
    init = cli.ok("init", "--no-keyring")
    new_a = cli.ok("case", "new", "--member", MEMBER_A, "--type", "grievance", "--email", EMAIL_A)
    new_b = cli.ok("case", "new", "--member", MEMBER_B, "--type", "disciplinary")
    ref_a, ref_b = new_a.stdout.strip(), new_b.stdout.strip()
    note_ids = [
        cli.ok(
            "note",
            "add",
            ref_a,
            "--kind",
            "meeting",
            "--text",
            f"First meeting; {NOTE_WORD} procedure agreed.",
        ).stdout.strip(),
        cli.ok("note", "add", ref_a, "--text", "Called the member back.").stdout.strip(),
    ]
    files = [write_random(work / name, size) for name, size in FILES]
    attach = cli.ok("attach", ref_a, *[str(f) for f in files])
    return Populated(
        cli, work, init, new_a, new_b, ref_a, ref_b, note_ids, attach, files, attach.stdout.split()
    )


@pytest.fixture
def scratch(populated: Populated, tmp_path: Path) -> Cli:
    """A private copy of the populated vault, for a test that changes it."""
    return populated.cli.copy_to(tmp_path / "vault")


# ---- init, case new, list, show -------------------------------------------------------------


def test_init_says_where_the_vault_is_and_makes_private_files(populated: Populated) -> None:
    vault = populated.cli.vault
    assert populated.init.lines == [
        f"Created a vault at {vault} (opens with: passphrase).",
        "Keep the passphrase safe: it is the way back in if the keychain is lost.",
    ]
    assert PASSPHRASE not in populated.init.stdout + populated.init.stderr
    header = json.loads((vault / "vault.keys").read_text())
    assert header["format"] == "casevault-keys"
    assert [s["type"] for s in header["slots"]] == ["passphrase"], "--no-keyring must make no keychain slot"
    for path in [vault, *vault.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert mode & 0o077 == 0, f"{path} is mode {oct(mode)}"


def test_case_new_prints_exactly_one_reference(populated: Populated) -> None:
    for result in (populated.new_a, populated.new_b):
        assert len(result.lines) == 1, str(result)
        assert REF_RE.match(result.lines[0]), str(result)
        assert result.stdout == result.lines[0] + "\n"
    assert populated.ref_a != populated.ref_b
    year = populated.ref_a.split("-")[1]
    assert int(populated.ref_b.rsplit("-", 1)[1]) == int(populated.ref_a.rsplit("-", 1)[1]) + 1
    assert populated.ref_b.startswith(f"CV-{year}-")
    for part in ("Nguy", "ller", "Kowal"):
        assert part not in populated.ref_a + populated.ref_b, "a reference must not hold the member's name"


def test_case_list_text_and_json(populated: Populated) -> None:
    cli = populated.cli
    text, listing, only_open, only_closed = cli.run_many(
        ("case", "list"),
        ("case", "list", "--json"),
        ("case", "list", "--status", "open", "--json"),
        ("case", "list", "--status", "closed", "--json"),
    )
    for r in (text, listing, only_open, only_closed):
        assert r.returncode == 0, str(r)
    rows = [line.split("\t") for line in text.lines]
    assert len(rows) == 2, str(text)
    assert {r[0] for r in rows} == {populated.ref_a, populated.ref_b}
    by_ref = {r[0]: r for r in rows}
    assert by_ref[populated.ref_a][1:3] == ["open", "grievance"]
    assert by_ref[populated.ref_a][4] == MEMBER_A
    assert by_ref[populated.ref_b][4] == MEMBER_B
    datetime.strptime(by_ref[populated.ref_a][3], "%Y-%m-%d %H:%M")  # local time, to the minute

    cases = json.loads(listing.stdout)
    assert isinstance(cases, list)
    assert len(cases) == 2
    for case in cases:
        assert set(case) == LIST_FIELDS
        assert case["status"] == "open"
        assert case["closed"] is None
        assert case["retain_until"] is None
        parse_iso(case["opened"])
        parse_iso(case["updated"])
    by_ref_json = {c["ref"]: c for c in cases}
    assert by_ref_json[populated.ref_a]["member"] == MEMBER_A
    assert by_ref_json[populated.ref_a]["type"] == "grievance"
    assert by_ref_json[populated.ref_b]["type"] == "disciplinary"
    # Most recently updated first: case A got notes and attachments after B was opened.
    assert [c["ref"] for c in cases] == [populated.ref_a, populated.ref_b]
    assert {c["ref"] for c in json.loads(only_open.stdout)} == {populated.ref_a, populated.ref_b}
    assert json.loads(only_closed.stdout) == []


def test_case_list_pages_with_limit_and_all(populated: Populated) -> None:
    """A page by default (the 100 most recent: at 100k cases a bare `case list` must not print
    them all), --limit N, --all; a cut-off list says so on stderr, never in the rows."""
    cli = populated.cli
    limited, everything, as_json, one_json, bad, both = cli.run_many(
        ("case", "list", "--limit", "1"),
        ("case", "list", "--all"),
        ("case", "list", "--all", "--json"),
        ("case", "list", "--limit", "1", "--json"),
        ("case", "list", "--limit", "0"),
        ("case", "list", "--limit", "1", "--all"),
    )
    assert [line.split("\t")[0] for line in limited.lines] == [populated.ref_a]
    assert "1 most recently updated of 2 cases" in limited.stderr and "--all" in limited.stderr
    assert [line.split("\t")[0] for line in everything.lines] == [populated.ref_a, populated.ref_b]
    assert everything.stderr == ""
    assert [c["ref"] for c in json.loads(as_json.stdout)] == [populated.ref_a, populated.ref_b]
    assert [c["ref"] for c in json.loads(one_json.stdout)] == [populated.ref_a]
    for refused in (bad, both):
        assert refused.returncode == 2, str(refused)
        assert_clean_error(refused)


def test_case_show_text_and_json(populated: Populated) -> None:
    cli = populated.cli
    text, shown, lower = cli.run_many(
        ("case", "show", populated.ref_a),
        ("case", "show", populated.ref_a, "--json"),
        ("case", "show", populated.ref_a.lower(), "--json"),  # references are case-insensitive
    )
    for r in (text, shown, lower):
        assert r.returncode == 0, str(r)
    data = json.loads(shown.stdout)
    assert json.loads(lower.stdout) == data
    assert set(data) == SHOW_FIELDS
    assert data["ref"] == populated.ref_a
    assert data["member"] == {"name": MEMBER_A, "email": EMAIL_A}
    assert (data["type"], data["status"], data["closed"], data["retain_until"]) == (
        "grievance",
        "open",
        None,
        None,
    )
    parse_iso(data["opened"])
    assert parse_iso(data["updated"]) >= parse_iso(data["opened"])

    assert [e["id"] for e in data["events"]] == populated.note_ids
    assert [e["kind"] for e in data["events"]] == ["meeting", "note"]
    assert NOTE_WORD in data["events"][0]["text"]
    for e in data["events"]:
        assert set(e) == EVENT_FIELDS
        parse_iso(e["occurred"])
        parse_iso(e["recorded"])

    assert [(a["name"], a["size"]) for a in data["attachments"]] == list(FILES)
    for a in data["attachments"]:
        assert set(a) == ATTACHMENT_FIELDS
        parse_iso(a["added"])

    assert text.lines[0] == f"{populated.ref_a}  {MEMBER_A}  (grievance, open)"
    assert f"  contact: {EMAIL_A}" in text.lines
    for aid, (name, size) in zip(populated.ids, FILES, strict=True):
        assert f"  attachment {aid}  {size} bytes  {name}" in text.lines
    assert sum(line.startswith("  [") for line in text.lines) == 2


def test_note_add_prints_the_new_event_id(populated: Populated) -> None:
    for note_id in populated.note_ids:
        assert ID_RE.match(note_id)
    assert len(set(populated.note_ids)) == 2


# ---- attachments ---------------------------------------------------------------------------


def test_attach_prints_one_id_per_file_in_order(populated: Populated) -> None:
    assert len(populated.attach.lines) == len(FILES), str(populated.attach)
    assert all(ID_RE.match(i) for i in populated.ids)
    assert len(set(populated.ids)) == len(FILES)
    # Which id belongs to which file is checked against `case show` in test_case_show_text_and_json.


def test_attachment_get_round_trips_bit_for_bit(populated: Populated, tmp_path: Path) -> None:
    outs = populated.cli.get_all(populated.ids, tmp_path)
    for src, out in zip(populated.files, outs, strict=True):
        assert out.stat().st_size == src.stat().st_size
        assert sha256(out) == sha256(src), f"{src.name} did not come back bit for bit"
    # An id is accepted in any case and with surrounding spaces, as printed by another tool.
    out = tmp_path / "upper"
    populated.cli.ok("attachment", "get", f" {populated.ids[2].upper()} ", "--out", str(out))
    assert sha256(out) == sha256(populated.files[2])


def test_attachment_get_never_overwrites(populated: Populated, tmp_path: Path) -> None:
    existing = tmp_path / "mine.txt"
    existing.write_bytes(b"the rep's own file")
    before = existing.stat()
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "nowhere")
    results = populated.cli.run_many(
        ("attachment", "get", populated.ids[1], "--out", str(existing)),
        ("attachment", "get", populated.ids[1], "--out", str(link)),
        ("attachment", "get", populated.ids[1], "--out", str(tmp_path / "no-such-dir" / "x")),
    )
    for r in results:
        assert_clean_error(r, 1)
    assert "never overwrites" in results[0].stderr
    assert existing.read_bytes() == b"the rep's own file"
    after = existing.stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)
    assert link.is_symlink()
    assert not (tmp_path / "nowhere").exists(), "get followed a dangling symlink and wrote through it"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling", "mine.txt"]


# ---- search, check, keychain status ---------------------------------------------------------


def test_search_text_and_json(populated: Populated) -> None:
    cli = populated.cli
    by_note, by_member, by_file, text = cli.run_many(
        ("search", NOTE_WORD, "--json"),
        ("search", "müller", "--json"),
        ("search", "letter", "--json"),
        ("search", "Kowalski"),
    )
    for r in (by_note, by_member, by_file, text):
        assert r.returncode == 0, str(r)
    expected = {"ref": populated.ref_a, "member": MEMBER_A, "status": "open"}
    for r, source, word in (
        (by_note, "event", NOTE_WORD),
        (by_member, "member", "Müller"),
        (by_file, "attachment", "letter"),
    ):
        hits = json.loads(r.stdout)
        assert len(hits) == 1, str(r)
        assert set(hits[0]) == SEARCH_FIELDS
        snippet = hits[0].pop("snippet")
        assert hits[0] == {**expected, "matched": source}
        start, length = snippet["matches"][0]  # why it matched: the words around the match
        assert snippet["text"][start : start + length] == word
    # Reference, status, where it matched, the member, and the snippet (matched words in brackets).
    assert [line.split("\t") for line in text.lines] == [
        [populated.ref_b, "open", "member", MEMBER_B, "Jan [Kowalski]"]
    ]


def test_check_and_keychain_status_on_a_healthy_vault(populated: Populated) -> None:
    check, keychain = populated.cli.run_many(("check",), ("keychain", "status"))
    assert check.returncode == 0, str(check)
    assert check.lines == ["The vault is healthy: database and every attachment authenticate."]
    assert keychain.returncode == 0, str(keychain)
    assert keychain.lines == ["Keychain slot: not in use."]


# ---- close, reminders, reopen ---------------------------------------------------------------


def test_close_reminders_and_reopen(scratch: Cli, populated: Populated) -> None:
    cli = scratch
    ref = populated.ref_a
    closed = cli.ok("case", "close", ref, "--retain-days", "30")
    assert len(closed.lines) == 1
    assert closed.stdout.startswith(f"{ref} closed; due for deletion on ")
    listed = cli.json("case", "list", "--status", "closed")
    assert [c["ref"] for c in listed] == [ref]
    assert listed[0]["status"] == "closed"
    closed_at, until = parse_iso(listed[0]["closed"]), parse_iso(listed[0]["retain_until"])
    assert until - closed_at == timedelta(days=30)

    before, after, after_text = cli.run_many(
        ("reminders", "--at", iso_at(until - timedelta(days=1)), "--json"),
        ("reminders", "--at", iso_at(until + timedelta(hours=1)), "--json"),
        ("reminders", "--at", (until + timedelta(days=2)).date().isoformat()),
    )
    for r in (before, after, after_text):
        assert r.returncode == 0, str(r)
    assert json.loads(before.stdout) == []
    due = json.loads(after.stdout)
    assert len(due) == 1
    assert set(due[0]) == REMINDER_FIELDS
    assert due[0]["ref"] == ref
    assert due[0]["kind"] == "archive-expired"
    assert parse_iso(due[0]["due"]) == until
    assert MEMBER_A not in after.stdout, "a reminder must not hold the member's name"
    assert len(after_text.lines) == 1
    assert after_text.lines[0].split("\t")[1] == ref

    reopened = cli.ok("case", "reopen", ref.lower())
    assert reopened.lines == [f"{ref} reopened."]
    shown, due_after_reopen, reminders_now = cli.run_many(
        ("case", "show", ref, "--json"),
        ("reminders", "--at", iso_at(until + timedelta(days=400)), "--json"),
        ("reminders",),
    )
    assert json.loads(shown.stdout)["status"] == "open"
    assert json.loads(due_after_reopen.stdout) == []
    assert reminders_now.returncode == 0
    assert reminders_now.stdout == ""


def test_reminders_page_with_limit_and_all(scratch: Cli, populated: Populated) -> None:
    """Like case list: the first 100 due by default (a busy vault has thousands), --limit N,
    --all; a cut-off list says so on stderr."""
    cli = scratch
    for ref in (populated.ref_a, populated.ref_b):
        cli.ok("case", "close", ref, "--retain-days", "30")
    at = iso_at(datetime.now(UTC) + timedelta(days=60))
    limited, everything, as_json, bad, both = cli.run_many(
        ("reminders", "--at", at, "--limit", "1"),
        ("reminders", "--at", at, "--all"),
        ("reminders", "--at", at, "--limit", "1", "--json"),
        ("reminders", "--limit", "0"),
        ("reminders", "--limit", "1", "--all"),
    )
    assert len(limited.lines) == 1
    assert "Showing the 1 due first of 2" in limited.stderr and "--all" in limited.stderr
    assert sorted(line.split("\t")[1] for line in everything.lines) == sorted(
        [populated.ref_a, populated.ref_b]
    )
    assert everything.stderr == ""
    assert [r["ref"] for r in json.loads(as_json.stdout)] == [limited.lines[0].split("\t")[1]]
    for refused in (bad, both):
        assert refused.returncode == 2, str(refused)
        assert_clean_error(refused)


# ---- purge and the deletion record ----------------------------------------------------------


def test_purge_needs_yes_refuses_open_cases_and_erases(scratch: Cli, populated: Populated) -> None:
    cli = scratch
    ref, other = populated.ref_a, populated.ref_b
    case_dirs_before = sorted((cli.vault / "cases").iterdir())
    assert len(case_dirs_before) == 2

    sentence = cli.fail(2, "case", "purge", ref)
    assert "--yes" in sentence
    sentence = cli.fail(2, "case", "purge", ref, "--yes")
    assert "still open" in sentence

    cli.ok("case", "close", ref, "--retain-days", "0")
    purged = cli.ok("case", "purge", ref, "--yes")
    assert purged.lines == [f"{ref} was destroyed: its keys, records and files are gone."]

    out = cli.cwd / "after-purge"
    show, get, search_note, search_member, deletions, deletions_text, listing, check = cli.run_many(
        ("case", "show", ref),
        ("attachment", "get", populated.ids[0], "--out", str(out)),
        ("search", NOTE_WORD, "--json"),
        ("search", "Nguyễn", "--json"),
        ("deletions", "--json"),
        ("deletions",),
        ("case", "list", "--json"),
        ("check",),
    )
    audit_show, audit_verify = cli.run_many(("audit", "show", ref, "--json"), ("audit", "verify"))
    logged = [e["action"] for e in json.loads(audit_show.stdout)]
    assert logged[0] == "case.created" and logged[-1] == "case.deleted"
    for personal in ("Nguy", "Müller", EMAIL_A, NOTE_WORD, "letter.pdf"):
        assert personal not in audit_show.stdout, f"the audit log holds personal data ({personal!r})"
    assert audit_verify.returncode == 0 and "audit log is whole" in audit_verify.stdout, str(audit_verify)
    assert "no case" in assert_clean_error(show, 1)
    assert "no attachment" in assert_clean_error(get, 1)
    assert not out.exists()
    assert json.loads(search_note.stdout) == []
    assert json.loads(search_member.stdout) == []
    assert [c["ref"] for c in json.loads(listing.stdout)] == [other]
    assert check.returncode == 0, str(check)

    records = json.loads(deletions.stdout)
    assert len(records) == 1
    assert set(records[0]) == DELETION_FIELDS
    assert records[0]["ref"] == ref
    assert records[0]["type"] == "grievance"
    opened, closed, deleted = (parse_iso(records[0][k]) for k in ("opened", "closed", "deleted"))
    assert opened <= closed <= deleted
    for r in (deletions, deletions_text):
        for personal in ("Nguy", "Müller", "ller-O", EMAIL_A, NOTE_WORD, "letter.pdf", "scan.png"):
            assert personal not in r.stdout, f"the deletion record holds personal data ({personal!r})"
    assert deletions_text.lines[0].split("\t")[1:] == [ref, "grievance"]

    remaining = sorted((cli.vault / "cases").iterdir())
    assert len(remaining) == 1, "the purged case's folder is still there"
    assert not files_under(remaining[0]), "case B had no attachments, yet its folder holds files"
    assert not files_under(cli.vault, "*.part")


# ---- passphrase change --------------------------------------------------------------------


def test_passphrase_change(scratch: Cli) -> None:
    cli = scratch
    new = "a brand new passphrase 9931"
    keys_before = (cli.vault / "vault.keys").read_bytes()
    sentence = cli.fail(2, "passphrase", "change", env={"CASEVAULT_NEW_PASSPHRASE": "tiny"})
    assert "too short" in sentence
    sentence = cli.fail(2, "passphrase", "change")
    assert "CASEVAULT_NEW_PASSPHRASE" in sentence, "without a terminal it must say how to give one"
    assert (cli.vault / "vault.keys").read_bytes() == keys_before, "a refused change touched the key file"

    changed = cli.ok("passphrase", "change", env={"CASEVAULT_NEW_PASSPHRASE": new})
    assert changed.lines == ["The passphrase was changed."]
    old, fresh = cli.run_each(
        [(("case", "list"), {}), (("case", "list", "--json"), {"env": {"CASEVAULT_PASSPHRASE": new}})]
    )
    assert "passphrase is wrong" in assert_clean_error(old, 3)
    assert fresh.returncode == 0, str(fresh)
    assert len(json.loads(fresh.stdout)) == 2


# ---- version and help ---------------------------------------------------------------------


def test_version_and_help(populated: Populated) -> None:
    cli = populated.cli
    version, top, case_help, attach_help = cli.run_many(
        ("--version",), ("--help",), ("case", "--help"), ("attach", "--help"), vault=False
    )
    for r in (version, top, case_help, attach_help):
        assert r.returncode == 0, str(r)
        assert r.stderr == ""
    assert version.stdout == f"casevault {__version__}\n"
    commands = ("init", "case", "note", "attach", "attachment", "search", "reminders", "check")
    for command in (*commands, "deletions", "passphrase", "keychain"):
        assert command in top.stdout
    for action in ["new", "list", "show", "close", "reopen", "purge"]:
        assert action in case_help.stdout
    assert "FILE" in attach_help.stdout


# ---- hostile file names ---------------------------------------------------------------------

HOSTILE = (
    # (name on disk, how it is passed to `attach`, name shown in `case show --json`, size)
    ("-leading-dash.txt", "./-leading-dash.txt", "-leading-dash.txt", 10),
    ("L" * 251 + ".txt", None, "L" * 251 + ".txt", 70_000),
    ("ü" * 125 + "x.txt", None, "ü" * 125 + "x.txt", 1_234),
    ("Brief \u2013 Ärger ✓ Nguyễn 日本.txt", None, "Brief \u2013 Ärger ✓ Nguyễn 日本.txt", 4_000),
    ("line\nbreak\ttab.txt", None, "line\u240abreak\u2409tab.txt", 333),
    ("empty.bin", None, "empty.bin", 0),
)


def test_hostile_file_names_round_trip(scratch: Cli, populated: Populated, tmp_path: Path) -> None:
    cli = scratch
    work = tmp_path / "hostile"
    work.mkdir()
    cli.cwd = work
    for name, _, _, size in HOSTILE:
        assert len(name.encode()) <= 255
        write_random(work / name, size)
    assert len(HOSTILE[1][0].encode()) == 255
    assert len(HOSTILE[2][0].encode()) == 255
    ref = populated.ref_b

    # The dash file twice: as ./-leading-dash.txt, and bare after `--`.
    attached = cli.ok("attach", ref, *[arg or name for name, arg, _, _ in HOSTILE], "--", "-leading-dash.txt")
    ids = attached.lines
    assert len(ids) == len(HOSTILE) + 1, str(attached)

    shown, text = cli.run_many(("case", "show", ref, "--json"), ("case", "show", ref))
    assert shown.returncode == 0, str(shown)
    assert text.returncode == 0, str(text)
    attachments = json.loads(shown.stdout)["attachments"]
    names_by_id = {a["id"]: a["name"] for a in attachments}
    sizes_by_id = {a["id"]: a["size"] for a in attachments}
    expected_names = [stored for _, _, stored, _ in HOSTILE] + ["-leading-dash.txt"]
    assert [names_by_id[i] for i in ids] == expected_names
    assert [sizes_by_id[i] for i in ids] == [size for *_, size in HOSTILE] + [10]
    for stored in names_by_id.values():
        assert not any(ord(ch) < 0x20 for ch in stored), f"a control character is shown raw: {stored!r}"
    assert sum(line.startswith("  attachment ") for line in text.lines) == len(ids), (
        "a name with a newline must not break the one-line-per-attachment listing"
    )

    # Every one back bit for bit; one of them to a hostile output name given as --out=./-...
    outs = [tmp_path / f"got-{i}" for i in range(len(ids))]
    odd = work / "-out\nname ✓"
    gets = [("attachment", "get", aid, "--out", str(out)) for aid, out in zip(ids, outs, strict=True)]
    gets.append(("attachment", "get", ids[4], f"--out=./{odd.name}"))
    for r in cli.run_many(*gets):
        assert r.returncode == 0, str(r)
    sources = [work / name for name, *_ in HOSTILE] + [work / "-leading-dash.txt"]
    for src, out in zip(sources, outs, strict=True):
        assert out.stat().st_size == src.stat().st_size
        assert sha256(out) == sha256(src), f"{src.name!r} did not come back bit for bit"
    assert sha256(odd) == sha256(sources[4])
