"""`casevault letter` (cli/letters.py) through the real command: the templates listed; a letter
made and filed into the case, its PDF written only where asked and its text found by search; a
hostile or unknown-field template refused in one sentence with exit 2; and a scan of everything
the commands could have written, after writing the letter and sending it in an encrypted zip,
finds the letter nowhere but in the file the rep chose."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.cli import Cli, assert_clean_error
from tests.support.disk_scan import files_under, inside, needles, scan

MEMBER = "Zofia Wiśniewska-Quarrington"
ADVICE = "Ask for the Threxwoodle investigation notes before the hearing."


@pytest.fixture
def cli(tmp_path: Path, cli_env: dict[str, str]) -> Cli:
    root = tmp_path / "vault"
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        ref = vault.new_case(MEMBER, email="zofia@example.org", case_type="disciplinary")
        vault.add_note(ref, ADVICE, kind="advice")
    return Cli(root, env=cli_env)


def _ref(cli: Cli) -> str:
    return str(cli.json("case", "list")[0]["ref"])


def test_list_show_and_a_filed_letter_with_its_pdf(cli: Cli, tmp_path: Path) -> None:
    listed = cli.json("letter", "list")
    assert [t["template"] for t in listed][:2] == ["advice-confirmation", "accompaniment-request"]
    assert {t["source"] for t in listed} == {"shipped"} and len(listed) == 8
    shown = cli.ok("letter", "show", "grievance").stdout
    assert shown.startswith("# Grievance letter (shipped)\n") and "#   hearing: the next hearing" in shown
    ref = _ref(cli)
    draft = cli.ok("letter", "new", ref, "advice-confirmation", "--draft").stdout
    assert f"Dear {MEMBER}," in draft and ADVICE in draft
    assert cli.json("case", "show", ref)["attachments"] == []  # a draft files nothing
    out = tmp_path / "chosen" / "letter.pdf"
    out.parent.mkdir()
    filed = cli.json("letter", "new", ref, "advice-confirmation", "--out", str(out))
    assert filed["entry"] == "advice-written" and filed["out"] == str(out)
    assert out.read_bytes().startswith(b"%PDF-") and stat.S_IMODE(out.stat().st_mode) == 0o600
    case = cli.json("case", "show", ref)
    assert [a["name"] for a in case["attachments"]] == ["Confirmation of advice given.pdf"]
    again = cli.run("letter", "new", ref, "grievance", "--out", str(out))
    assert "never overwrites" in assert_clean_error(again, 1)
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(cli.json("case", "show", ref)["attachments"]) == 1  # and nothing more was filed


def test_an_own_template_is_saved_used_found_by_search_and_reset(cli: Cli, tmp_path: Path) -> None:
    template = tmp_path / "thanks.txt"
    template.write_text("Thank you, {{ member.name }}. Zebulonquist.\n", encoding="utf-8")
    cli.ok("letter", "save", "thanks", str(template), "--title", "Thank you")
    assert cli.json("letter", "list")[-1] == {
        "template": "thanks",
        "title": "Thank you",
        "entry": "note",
        "source": "own",
    }
    ref = _ref(cli)
    cli.ok("letter", "new", ref, "thanks")
    assert [hit["ref"] for hit in cli.json("search", "Zebulonquist")] == [ref]
    cli.ok("letter", "reset", "thanks")
    assert "no letter template 'thanks'" in assert_clean_error(cli.run("letter", "new", ref, "thanks"))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{{ member.__class__.__mro__[1].__subclasses__ }}", "names starting with _"),
        ("{{ member.name.format.__self__ }}", "names starting with _"),
        ("{% import 'os' as os %}", "include or import"),
        ("{% include '/etc/passwd' %}", "include or import"),
        ("{{ member.national_insurance }}", "field that does not exist"),
        ("{{ salary }}", "unknown field, 'salary'"),
    ],
)
def test_a_hostile_template_is_refused_with_exit_2(cli: Cli, tmp_path: Path, text: str, says: str) -> None:
    template = tmp_path / "bad.txt"
    template.write_text(text, encoding="utf-8")
    assert says in assert_clean_error(cli.run("letter", "save", "grievance", str(template)), 2)
    assert cli.json("letter", "list")[3]["source"] == "shipped"


def test_bad_arguments_are_refused_before_unlocking(cli: Cli, tmp_path: Path) -> None:
    no_pass = {"unset": ["CASEVAULT_PASSPHRASE"]}
    assert ".pdf" in assert_clean_error(
        cli.run("letter", "new", "CV-1", "grievance", "--out", "x.txt", **no_pass), 2
    )
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    assert "not UTF-8" in assert_clean_error(
        cli.run("letter", "save", "x", str(tmp_path / "latin1.txt"), **no_pass), 2
    )
    assert "Cannot read" in assert_clean_error(
        cli.run("letter", "save", "x", str(tmp_path / "nope.txt"), **no_pass), 2
    )


def test_writing_and_sending_a_letter_leaves_it_nowhere_but_the_chosen_file(
    cli: Cli, tmp_path: Path, private_environment: Path
) -> None:
    ref = _ref(cli)
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    out = chosen / "letter.pdf"
    filed = cli.json("letter", "new", ref, "advice-confirmation", "--out", str(out))
    sent = tmp_path / "sent.zip"
    cli.ok(
        "export",
        ref,
        "--documents",
        filed["attachment"],
        "--out",
        str(sent),
        "--recipient-kind",
        "member",
        "--password-env",
        "ZIP_PASSWORD",
        env={"ZIP_PASSWORD": "correct horse battery staple"},
    )
    assert sent.stat().st_size > 0
    # The letter's words, and a PDF's first bytes: its text is compressed inside, so a plaintext
    # PDF anywhere would show by its header instead.
    wanted = needles({"member": MEMBER, "advice": ADVICE, "greeting": f"Dear {MEMBER}"}, {})
    wanted[b"%PDF-"] = "a PDF"
    names = {"Confirmation of advice": "the letter's name"}
    assert scan([out], wanted, names) == [f"a PDF in {out}"]  # the scan finds a PDF where there is one
    roots = [private_environment, tmp_path]
    assert inside(os.environ["TMPDIR"], private_environment)
    files = list(files_under(roots, skip=chosen))
    assert any(inside(f, cli.vault) for f in files) and sent in files
    assert scan(files, wanted, names) == []
