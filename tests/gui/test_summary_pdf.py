"""The case summary PDF: made in memory, with the member's non-ASCII name in its text layer; and
`render_offscreen`, its entry point for processes without a Qt application (the command line,
tests/cli/test_summary_offscreen.py), which uses the running application where there is one."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from casevault.core.errors import CasevaultError
from casevault.core.model import FirstMeeting
from casevault.gui.summary_pdf import render_offscreen, render_summary, summary_html
from casevault.vault.facade import Vault
from tests.support.pdf_text import loaded, pdf_text

NAME = unicodedata.normalize("NFC", "Nguyễn Thị Müller")


def test_summary_pdf_has_the_name_in_its_text_layer(qapp: QApplication, vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case(NAME, case_type="grievance")
    vault.save_first_meeting(
        ref,
        FirstMeeting(
            held_at=datetime(2026, 3, 1, 10, tzinfo=UTC),
            issues=("Unpaid overtime",),
            narrative="Told to stay late <b>without</b> pay.",
            dismissal_threatened=True,
            member_decision="Raise a grievance",
        ),
    )
    vault.add_action_point(ref, "Write to HR")
    vault.add_note(ref, "Called the member back.")
    (tmp_path / "Lettre reçue.pdf").write_bytes(b"x" * 2048)
    vault.attach(ref, tmp_path / "Lettre reçue.pdf")
    data = render_summary(vault, ref)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for needle in (
        NAME,
        ref,
        "grievance",
        "Unpaid overtime",
        "Write to HR",
        "Called the member back.",
        "Lettre reçue.pdf",
    ):
        assert needle in text, needle
    # Values are escaped, never markup.
    assert "&lt;b&gt;without&lt;/b&gt;" in summary_html(vault.case(ref))


def test_save_summary_never_overwrites(qapp: QApplication, vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case(NAME)
    out = tmp_path / "summary.pdf"
    vault.save_summary(ref, out, render_summary(vault, ref))
    assert out.stat().st_mode & 0o777 == 0o600
    assert NAME in pdf_text(out.read_bytes())
    assert any(e.fields.action == "summary.saved" for e in vault.audit(ref))
    with pytest.raises(CasevaultError):
        vault.save_summary(ref, out, b"%PDF-other")


def test_render_offscreen_uses_the_running_application(qapp: QApplication, vault: Vault) -> None:
    ref = vault.new_case("Nguyễn Thị Müller")
    assert render_offscreen(vault, ref).startswith(b"%PDF")
    assert render_offscreen(vault, ref).startswith(b"%PDF")  # and again: nothing new is started
    assert QApplication.instance() is qapp


def test_summary_pdf_is_set_at_reading_size_across_the_page(qapp: QApplication, vault: Vault) -> None:
    # Issue 18: it printed at about 6 pt in the left third of the page (laid out at screen dpi).
    ref = vault.new_case(NAME, case_type="grievance")
    vault.add_note(ref, "A line of notes long enough to run across the page. " * 8)
    with loaded(render_summary(vault, ref)) as doc:
        page_width = doc.pagePointSize(0).width()
        whole = doc.getAllText(0).boundingRectangle()
        text = doc.getAllText(0).text()
        name = doc.getSelectionAtIndex(0, text.index(ref), len(ref)).boundingRectangle()
        assert whole.width() > 0.6 * page_width  # across the page, inside its margins
        assert 6 <= name.height() <= 14  # capitals and digits of 10 pt type stand 7-8 pt (3 pt type: 2.4)
