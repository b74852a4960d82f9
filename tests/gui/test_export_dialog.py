"""The export dialog: documents, recipient and consent, the password shown once, the zip written
on a worker with progress and Cancel. The zip is opened with the real 7-Zip."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casevault.gui.export_dialog import ExportDialog
from casevault.vault.facade import Vault
from tests.support.accessibility import unnamed_controls

SEVEN_ZIP = shutil.which("7zz") or "/usr/bin/7zz"
DATA = b"%PDF-1.4 grievance letter " * 20_000


def _case(vault: Vault, tmp_path: Path) -> str:
    ref = vault.new_case("Nguyễn Thị Müller")
    for name in ("letter.pdf", "notes.txt"):
        (tmp_path / name).write_bytes(DATA)
        vault.attach(ref, tmp_path / name)
        (tmp_path / name).unlink()
    return ref


def _dialog(qtbot: QtBot, vault: Vault, ref: str) -> ExportDialog:
    dialog = ExportDialog(vault, ref)
    qtbot.addWidget(dialog)
    return dialog


def test_export_from_the_dialog(qtbot: QtBot, qapp: QApplication, vault: Vault, tmp_path: Path) -> None:
    ref = _case(vault, tmp_path)
    vault.give_consent(ref, "share-reps")
    dialog = _dialog(qtbot, vault, ref)
    assert unnamed_controls(dialog) == []
    assert not dialog.consent_problem.text()
    dialog.documents.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.include_summary.setChecked(True)
    dialog.recipient.setText("Sam, branch secretary")
    assert not dialog.export_button.isEnabled()  # no password yet
    dialog.generate_button.click()
    password = dialog.password.text()
    assert len(password) >= 24
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == password
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog.choose_path = lambda _parent, _title, suggested: str(out_dir / suggested)
    dialog.browse_button.click()
    assert dialog.export_button.isEnabled()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    out = out_dir / f"{ref}.zip"
    assert out.exists(), dialog.status.text()
    assert dialog.password.text() == ""  # shown once
    assert sorted(p.name for p in out_dir.iterdir()) == [out.name]
    dest = tmp_path / "x"
    done = subprocess.run(
        [SEVEN_ZIP, "x", f"-p{password}", f"-o{dest}", str(out)], capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0
    assert sorted(p.name for p in dest.iterdir()) == ["case-summary.pdf", "contents.txt", "document-01.pdf"]
    assert (dest / "document-01.pdf").read_bytes() == DATA
    [record] = vault.sent_log(ref)
    assert record.recipient == "Sam, branch secretary"


def test_missing_consent_disables_export(
    qtbot: QtBot, qapp: QApplication, vault: Vault, tmp_path: Path
) -> None:
    ref = _case(vault, tmp_path)
    dialog = _dialog(qtbot, vault, ref)
    dialog.recipient.setText("Regional office")
    dialog.generate_button.click()
    dialog.path.setText(str(tmp_path / "c.zip"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("regional-office"))
    assert dialog.consent_problem.text() == vault.sharing_consent_problem(ref, "regional-office")
    assert not dialog.export_button.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("member"))
    assert dialog.consent_problem.text() == ""
    assert dialog.export_button.isEnabled()


def test_cancelled_export_leaves_no_file(
    qtbot: QtBot, qapp: QApplication, vault: Vault, tmp_path: Path
) -> None:
    ref = _case(vault, tmp_path)
    dialog = _dialog(qtbot, vault, ref)
    dialog.kind.setCurrentIndex(dialog.kind.findData("member"))
    dialog.recipient.setText("the member")
    dialog.generate_button.click()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog.path.setText(str(out_dir / "case.zip"))
    dialog.export_button.click()
    assert dialog.busy
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert "cancelled" in dialog.status.text()
    assert list(out_dir.iterdir()) == []
    assert vault.sent_log(ref) == []


def test_subject_access_from_the_dialog_takes_everything_without_sharing_consent(
    qtbot: QtBot, qapp: QApplication, vault: Vault, tmp_path: Path
) -> None:
    ref = _case(vault, tmp_path)  # no consent to share: the member's own data needs none
    dialog = _dialog(qtbot, vault, ref)
    dialog.documents.item(0).setCheckState(Qt.CheckState.Unchecked)  # ignored: everything goes
    dialog.subject_access.setChecked(True)
    assert not dialog.documents.isEnabled() and not dialog.recipient.isEnabled()
    dialog.generate_button.click()
    password = dialog.password.text()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog.path.setText(str(out_dir / "member.zip"))
    assert dialog.export_button.isEnabled()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    dest = tmp_path / "x"
    done = subprocess.run(
        [SEVEN_ZIP, "x", f"-p{password}", f"-o{dest}", str(out_dir / "member.zip")],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    extracted = sorted(p for p in dest.rglob("*") if p.is_file())
    assert [p.read_bytes() for p in extracted].count(DATA) == 2  # both documents
    assert any(
        p.suffix == ".pdf" and p.read_bytes().startswith(b"%PDF") and p.read_bytes() != DATA
        for p in extracted
    )
    assert [r.kind for r in vault.sent_log(ref)] == ["subject-access"]


def test_the_progress_bar_shows_only_while_writing_and_after(
    qtbot: QtBot, qapp: QApplication, vault: Vault, tmp_path: Path
) -> None:
    ref = _case(vault, tmp_path)
    dialog = _dialog(qtbot, vault, ref)
    dialog.show()
    assert not dialog.progress.isVisible()
    dialog.subject_access.setChecked(True)
    dialog.generate_button.click()
    dialog.path.setText(str(tmp_path / "member.zip"))
    dialog.export_button.click()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.progress.isVisible() and dialog.progress.value() == 1000
