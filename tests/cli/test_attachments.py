"""`casevault attach`, `email import` and `attachment get` through the real command: documents
and emails (.eml, Outlook .msg) in, byte-identical copies out, and no plaintext left on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.cli import Cli, assert_clean_error
from tests.support.disk_scan import files_under, inside, needles, scan

MSG_FILES = Path(__file__).resolve().parents[1] / "formats" / "msg_files"
MEMBER = "Quillon Abernathy-Vex"
EML = (
    b"From: HR <hr@employer.example>\r\nTo: Rep <rep@union.example>\r\nSubject: Zanzibarquist hearing\r\n"
    b"Date: Tue, 10 Mar 2026 14:05:00 +0000\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
    b"--b\r\nContent-Type: text/plain\r\n\r\nBring the Vexillomancy notes.\r\n"
    b'--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="notes.txt"\r\n\r\n'
    b"Grievance details: Xylocarpous overtime claim, second stage.\r\n--b--\r\n"
)


@pytest.fixture
def cli(tmp_path: Path, cli_env: dict[str, str]) -> Cli:
    root = tmp_path / "vault"
    with Vault.create(VaultPaths(root), PASSPHRASE, keychain=None, kdf_params=FAST_KDF) as vault:
        vault.new_case(MEMBER)
    return Cli(root, env=cli_env)


def _ref(cli: Cli) -> str:
    return str(cli.json("case", "list")[0]["ref"])


def _lines(stdout: str) -> list[tuple[str, str]]:
    return [(label, ident) for label, ident in (line.split(" ") for line in stdout.splitlines())]


def test_emails_of_both_kinds_are_filed_with_what_they_held(
    cli: Cli, tmp_path: Path, private_environment: Path
) -> None:
    ref = _ref(cli)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "hearing.eml").write_bytes(EML)
    msg = inbox / "tif.msg"
    msg.write_bytes((MSG_FILES / "unicode.msg").read_bytes())
    out = cli.ok("email", "import", ref, str(inbox / "hearing.eml"), str(msg)).stdout
    printed = _lines(out)
    assert [label for label, _ in printed] == ["entry", "email", "attachment"] + ["entry", "email"] + [
        "attachment"
    ] * 2
    case = cli.json("case", "show", ref)
    names = {a["id"]: a["name"] for a in case["attachments"]}
    ids = [ident for label, ident in printed if label != "entry"]
    assert [names[i] for i in ids] == [
        "hearing.eml",
        "notes.txt",
        "tif.msg",
        "import OleFileIO.tif",
        "raised value error.tif",
    ]
    entries = {e["id"]: e for e in case["events"]}
    first, second = (entries[ident] for label, ident in printed if label == "entry")
    assert first["kind"] == second["kind"] == "email"
    assert second["text"].splitlines()[:4] == [
        "From: Brian Zhou <brizhou@gmail.com>",
        "To: brianzhou@me.com",
        "Subject: Test for TIF files",
        "Attachments: import OleFileIO.tif, raised value error.tif",
    ]
    # Out again, byte for byte: the .msg itself and each attachment it held.
    got = tmp_path / "got"
    got.mkdir(mode=0o700)
    for ident, original in ((ids[2], msg), (ids[3], MSG_FILES / "import OleFileIO.tif")):
        target = got / f"{ident}.bin"
        cli.ok("attachment", "get", ident, "--out", str(target))
        assert target.read_bytes() == original.read_bytes()
    assert [h["ref"] for h in cli.json("search", "Vexillomancy")] == [ref]
    # Nothing of either email reached the disk outside the vault, the inbox and the copies asked for.
    tif = (MSG_FILES / "raised value error.tif").read_bytes()
    wanted = needles(
        {
            "subject": "Zanzibarquist",
            "body": "Vexillomancy",
            "held": "Xylocarpous overtime",
            "msg": "Brian Zhou",
        },
        {
            "a tif held by the .msg": tif[4096:4160],
            "its body": "experiment with the MS Outlook".encode("utf-16-le"),
        },
    )
    assert scan([msg], wanted, {}) != []  # where the words are, the scan finds them
    assert inside(os.environ["TMPDIR"], private_environment)
    files = list(files_under([private_environment, tmp_path], skip=inbox))
    assert any(inside(f, cli.vault) for f in files)
    assert scan([f for f in files if not inside(f, got)], wanted, {"Zanzibarquist": "the subject"}) == []


def test_a_damaged_or_mislabelled_msg_is_exit_4_and_files_nothing(cli: Cli, tmp_path: Path) -> None:
    ref = _ref(cli)
    cut = tmp_path / "cut.msg"
    cut.write_bytes((MSG_FILES / "unicode.msg").read_bytes()[:3000])
    fake = tmp_path / "fake.msg"
    fake.write_bytes(EML)
    for path in (cut, fake):
        said = assert_clean_error(cli.run("email", "import", ref, str(path)), 4)
        assert said.startswith(f"{path.name} ") and "Brian" not in said
    assert cli.json("case", "show", ref)["attachments"] == []
    assert cli.json("case", "show", ref)["events"] == []
    said = assert_clean_error(cli.run("email", "import", ref, str(tmp_path / "gone.eml")), 2)
    assert "nothing was imported" in said
