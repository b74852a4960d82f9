"""Time goes through the vault's clock (issue 14, item 4): what the vault writes is dated by the
clock it was opened with, never by a read of the wall clock of its own."""

from __future__ import annotations

from pathlib import Path

import pyzipper

from casevault.vault.facade import Vault
from tests.conftest import FakeClock

PASSWORD = "tqvhm-3kx7p-wcz4j-ndry6-bage9-fuxs3"


def _stamps(zip_path: Path) -> dict[str, tuple[int, ...]]:
    with pyzipper.AESZipFile(zip_path) as zf:
        return {info.filename: tuple(info.date_time) for info in zf.infolist()}


def _zip_time(clock: FakeClock) -> tuple[int, ...]:
    local = clock.now.astimezone()  # zip entries hold local time, to the even second
    return (local.year, local.month, local.day, local.hour, local.minute, local.second)


def _case_with_a_document(vault: Vault, tmp_path: Path) -> str:
    ref = vault.new_case("Nguyễn Thị Müller")
    (tmp_path / "letter.pdf").write_bytes(b"%PDF-1.4 letter from HR " * 100)
    vault.attach(ref, tmp_path / "letter.pdf")
    return ref


def test_now_is_the_vaults_clock(vault: Vault, clock: FakeClock) -> None:
    assert vault.now() == clock.now
    later = clock.advance(days=3)
    assert vault.now() == later


def test_the_zips_own_entries_are_dated_by_the_vaults_clock(
    vault: Vault, clock: FakeClock, tmp_path: Path
) -> None:
    ref = _case_with_a_document(vault, tmp_path)
    added = _zip_time(clock)
    clock.advance(hours=2)  # the export is made later than the document was added
    vault.give_consent(ref, "share-reps")
    out = tmp_path / "case.zip"
    vault.export_zip(
        ref, None, out, password=PASSWORD, recipient="Sam at branch", summary_pdf=b"%PDF-1.4 summary"
    )
    assert _stamps(out) == {
        "case-summary.pdf": _zip_time(clock),
        "contents.txt": _zip_time(clock),
        "document-01.pdf": added,
    }


def test_the_subject_access_zip_is_dated_by_the_vaults_clock(
    vault: Vault, clock: FakeClock, tmp_path: Path
) -> None:
    ref = _case_with_a_document(vault, tmp_path)
    clock.advance(days=40)
    out = tmp_path / "sar.zip"
    vault.export_subject_access(ref, out, password=PASSWORD, render_summary=lambda _ref: b"%PDF-1.4 s")
    stamps = _stamps(out)
    assert stamps["case-summary.pdf"] == stamps["contents.txt"] == _zip_time(clock)
