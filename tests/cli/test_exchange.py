"""`casevault export`, `summary` and `subject-access`: the real command in a subprocess, the zip
opened with the real 7-Zip."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from casevault.casework import exchange
from casevault.vault.facade import Vault
from tests.support.cli import run_casevault

SEVEN_ZIP = shutil.which("7zz") or "/usr/bin/7zz"
MEMBER = "Nguyễn Thị Müller"
ZIP_PASSWORD = "vmk4p-qh7tx-9wcjd-fngr3-zyeab-s6uvk"


run = run_casevault


def _unzip(path: Path, password: str, dest: Path) -> int:
    return subprocess.run(
        [SEVEN_ZIP, "x", f"-p{password}", f"-o{dest}", "-y", str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    ).returncode


def _setup(vault: Vault, tmp_path: Path) -> tuple[str, bytes]:
    ref = vault.new_case(MEMBER)
    data = b"letter from HR " * 1000
    (tmp_path / "letter.pdf").write_bytes(data)
    vault.attach(ref, tmp_path / "letter.pdf")
    (tmp_path / "letter.pdf").unlink()
    return ref, data


def test_export_with_password_env(vault: Vault, cli_env: dict[str, str], tmp_path: Path) -> None:
    ref, data = _setup(vault, tmp_path)
    vault.give_consent(ref, "share-reps")
    env = dict(cli_env, ZIP_PW=ZIP_PASSWORD)
    out = tmp_path / "case.zip"
    vault_dir = str(vault.paths.root)
    result = run(
        env, "--vault", vault_dir, "export", ref, "--out", str(out), "--password-env", "ZIP_PW", "--to", "Sam"
    )
    assert result.returncode == 0, result.stderr
    assert ZIP_PASSWORD not in result.stdout + result.stderr
    assert _unzip(out, ZIP_PASSWORD, tmp_path / "x") == 0
    assert (tmp_path / "x" / "document-01.pdf").read_bytes() == data
    # Never overwrites.
    again = run(
        env, "--vault", vault_dir, "export", ref, "--out", str(out), "--password-env", "ZIP_PW", "--to", "Sam"
    )
    assert again.returncode == 1
    assert "never overwrites" in again.stderr
    assert len(vault.sent_log(ref)) == 1


def test_export_generates_and_prints_the_password_once(
    vault: Vault, cli_env: dict[str, str], tmp_path: Path
) -> None:
    ref, data = _setup(vault, tmp_path)
    out = tmp_path / "case.zip"
    vault_dir = str(vault.paths.root)
    result = run(
        cli_env,
        "--vault",
        vault_dir,
        "export",
        ref,
        "--out",
        str(out),
        "--recipient-kind",
        "member",
        "--summary",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    password = next(line.removeprefix("Password: ") for line in lines if line.startswith("Password: "))
    assert exchange.SEND_SEPARATELY in lines
    assert exchange.WHAT_OPENS_IT in lines
    assert _unzip(out, password, tmp_path / "x") == 0
    assert (tmp_path / "x" / "document-01.pdf").read_bytes() == data
    assert (tmp_path / "x" / "case-summary.pdf").read_bytes().startswith(b"%PDF")


def test_export_without_consent_refuses(vault: Vault, cli_env: dict[str, str], tmp_path: Path) -> None:
    ref, _ = _setup(vault, tmp_path)
    out = tmp_path / "case.zip"
    result = run(
        cli_env, "--vault", str(vault.paths.root), "export", ref, "--out", str(out), "--to", "Regional"
    )
    # Missing consent is not wrong usage (exit 2): the record is missing, so exit 1 (issue 13).
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"casevault consent add {ref} --scope reps." in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_summary_and_subject_access(vault: Vault, cli_env: dict[str, str], tmp_path: Path) -> None:
    ref, data = _setup(vault, tmp_path)
    vault_dir = str(vault.paths.root)
    pdf = tmp_path / "summary.pdf"
    result = run(cli_env, "--vault", vault_dir, "summary", ref, "--out", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_mode & 0o777 == 0o600
    env = dict(cli_env, ZIP_PW=ZIP_PASSWORD)
    sar = tmp_path / "sar.zip"
    result = run(
        env, "--vault", vault_dir, "subject-access", ref, "--out", str(sar), "--password-env", "ZIP_PW"
    )
    assert result.returncode == 0, result.stderr
    assert _unzip(sar, ZIP_PASSWORD, tmp_path / "x") == 0
    assert (tmp_path / "x" / "document-01.pdf").read_bytes() == data
    assert [r.kind for r in vault.sent_log(ref)] == ["subject-access"]
