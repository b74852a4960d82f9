"""The encrypted zip for sending, the subject-access bundle and the sent log (issue 6), checked
with the real 7-Zip (`7zz`), which is what the recipient uses."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from casevault.core.errors import CasevaultError, ConsentMissingError, UsageError
from casevault.vault.facade import Vault

SEVEN_ZIP = shutil.which("7zz") or "/usr/bin/7zz"
PASSWORD = "tqvhm-3kx7p-wcz4j-ndry6-bage9-fuxs3"
NEEDLE = b"NEEDLE-plaintext-7f3a91c2"


def _unzip(zip_path: Path, password: str, dest: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SEVEN_ZIP, "x", f"-p{password}", f"-o{dest}", "-y", str(zip_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _case_with_documents(vault: Vault, tmp_path: Path) -> tuple[str, list[str], dict[str, bytes]]:
    ref = vault.new_case("Nguyễn Thị Müller", case_type="disciplinary")
    src = tmp_path / "src"
    src.mkdir()
    contents = {
        "Disciplinary letter.pdf": b"%PDF-1.4 " + NEEDLE + os.urandom(200_000),
        "notes from hearing.docx": NEEDLE + b" hearing notes " * 5000,
    }
    ids = []
    for name, data in contents.items():
        (src / name).write_bytes(data)
        ids.append(vault.attach(ref, src / name))
    shutil.rmtree(src)
    return ref, ids, contents


def _scan_for_needle(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and NEEDLE in p.read_bytes()]


def test_zip_opens_with_7zip_and_yields_identical_files(vault: Vault, tmp_path: Path) -> None:
    ref, ids, contents = _case_with_documents(vault, tmp_path)
    vault.give_consent(ref, "share-reps")
    outdir = tmp_path / "out"
    outdir.mkdir()
    out = outdir / "case.zip"
    seen: list[tuple[int, int]] = []
    record = vault.export_zip(
        ref,
        None,
        out,
        password=PASSWORD,
        recipient="Sam at branch",
        progress=lambda d, t: seen.append((d, t)),
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in outdir.iterdir()) == ["case.zip"]  # no temp file, no plaintext
    assert not _scan_for_needle(outdir)
    listing = subprocess.run([SEVEN_ZIP, "l", "-slt", str(out)], capture_output=True, text=True, check=True)
    assert "Method = AES-256" in listing.stdout
    names = [line.split(" = ", 1)[1] for line in listing.stdout.splitlines() if line.startswith("Path = ")][
        1:
    ]
    assert sorted(names) == ["contents.txt", "document-1.docx", "document-1.pdf"] or sorted(names) == [
        "contents.txt",
        "document-01.pdf",
        "document-02.docx",
    ]
    assert not any("Disciplinary" in n or "hearing" in n for n in names)
    dest = tmp_path / "unzipped"
    result = _unzip(out, PASSWORD, dest)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (dest / "document-01.pdf").read_bytes() == contents["Disciplinary letter.pdf"]
    assert (dest / "document-02.docx").read_bytes() == contents["notes from hearing.docx"]
    assert "Disciplinary letter.pdf" in (dest / "contents.txt").read_text("utf-8")
    total = sum(len(v) for v in contents.values()) + len((dest / "contents.txt").read_bytes())
    assert seen[-1] == (total, total)
    # The sent log and the audit log.
    assert record.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert vault.sent_log(ref) == [record]
    assert record.kind == "zip"
    assert record.recipient == "Sam at branch"
    assert record.contents == ("contents.txt", "document-01.pdf", "document-02.docx")
    actions = [(e.fields.action, e.fields.subject) for e in vault.audit(ref)]
    assert ("case.exported", record.id) in actions
    for attachment_id in ids:
        assert ("document.exported", attachment_id) in actions


def test_wrong_password_does_not_open(vault: Vault, tmp_path: Path) -> None:
    ref, _ids, _ = _case_with_documents(vault, tmp_path)
    out = tmp_path / "case.zip"
    vault.export_zip(ref, None, out, password=PASSWORD, recipient="the member", recipient_kind="member")
    dest = tmp_path / "unzipped"
    result = _unzip(out, "not-the-password-at-all", dest)
    assert result.returncode != 0
    assert not _scan_for_needle(tmp_path)


def test_real_names_when_chosen_and_a_subset(vault: Vault, tmp_path: Path) -> None:
    ref, ids, contents = _case_with_documents(vault, tmp_path)
    vault.give_consent(ref, "share-regional-office")
    out = tmp_path / "case.zip"
    summary = b"%PDF-1.4 summary"
    record = vault.export_zip(
        ref,
        [ids[1]],
        out,
        password=PASSWORD,
        recipient="Regional office",
        recipient_kind="regional-office",
        neutral_names=False,
        summary_pdf=summary,
    )
    assert record.contents == ("case-summary.pdf", "notes from hearing.docx")
    dest = tmp_path / "unzipped"
    assert _unzip(out, PASSWORD, dest).returncode == 0
    assert (dest / "notes from hearing.docx").read_bytes() == contents["notes from hearing.docx"]
    assert (dest / "case-summary.pdf").read_bytes() == summary
    actions = [(e.fields.action, e.fields.subject) for e in vault.audit(ref)]
    assert ("document.exported", ids[1]) in actions
    assert ("document.exported", ids[0]) not in actions


@pytest.mark.parametrize("kind", ["reps", "regional-office"])
def test_missing_consent_refuses_and_writes_nothing(vault: Vault, tmp_path: Path, kind: str) -> None:
    ref, _ids, _ = _case_with_documents(vault, tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(ConsentMissingError) as caught:
        vault.export_zip(
            ref, None, out_dir / "case.zip", password=PASSWORD, recipient="X", recipient_kind=kind
        )
    assert caught.value.message == vault.sharing_consent_problem(ref, kind)
    assert list(out_dir.iterdir()) == []
    assert vault.sent_log(ref) == []
    assert not any(e.fields.action.endswith("exported") for e in vault.audit(ref))


def test_withdrawn_consent_refuses(vault: Vault, tmp_path: Path) -> None:
    ref, _ids, _ = _case_with_documents(vault, tmp_path)
    consent = vault.give_consent(ref, "share-reps")
    vault.withdraw_consent(consent)
    assert vault.export_problem(ref, "reps")
    assert vault.export_problem(ref, "member") is None
    with pytest.raises(ConsentMissingError):
        vault.export_zip(ref, None, tmp_path / "c.zip", password=PASSWORD, recipient="X")
    assert not (tmp_path / "c.zip").exists()


def test_never_overwrites_and_rejects_weak_password(vault: Vault, tmp_path: Path) -> None:
    ref, _ids, _ = _case_with_documents(vault, tmp_path)
    out = tmp_path / "case.zip"
    out.write_bytes(b"already here")
    with pytest.raises(CasevaultError, match="never overwrites"):
        vault.export_zip(ref, None, out, password=PASSWORD, recipient="m", recipient_kind="member")
    assert out.read_bytes() == b"already here"
    with pytest.raises(UsageError, match="at least"):
        vault.export_zip(
            ref, None, tmp_path / "b.zip", password="short", recipient="m", recipient_kind="member"
        )


class StopExportError(Exception):
    pass


def test_cancelled_export_leaves_no_file(vault: Vault, tmp_path: Path) -> None:
    ref, _ids, _ = _case_with_documents(vault, tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def cancel(done: int, total: int) -> None:
        if done > 100_000:
            raise StopExportError

    with pytest.raises(StopExportError):
        vault.export_zip(
            ref,
            None,
            out_dir / "case.zip",
            password=PASSWORD,
            recipient="m",
            recipient_kind="member",
            progress=cancel,
        )
    assert list(out_dir.iterdir()) == []
    assert vault.sent_log(ref) == []


def test_subject_access_bundle(vault: Vault, tmp_path: Path) -> None:
    ref, _ids, contents = _case_with_documents(vault, tmp_path)
    out = tmp_path / "sar.zip"
    record = vault.export_subject_access(
        ref, out, password=PASSWORD, render_summary=lambda r: f"PDF {r}".encode()
    )
    assert record.kind == "subject-access"
    assert record.recipient == "member"
    dest = tmp_path / "unzipped"
    assert _unzip(out, PASSWORD, dest).returncode == 0
    assert (dest / "case-summary.pdf").read_bytes() == f"PDF {ref}".encode()
    got = sorted((dest / n).read_bytes() for n in record.contents if n.startswith("document-"))
    assert got == sorted(contents.values())
    assert vault.sent_log(ref) == [record]
