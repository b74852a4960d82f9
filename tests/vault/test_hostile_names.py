"""Names cannot disguise themselves, whichever door they come in by (issue 13, item 5): a file
name with a right-to-left override, zero-width or C1 control characters is stored and shown
without them; typed names lose bidi and zero-width characters and refuse control characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from casevault.core.errors import CasevaultError
from casevault.vault.facade import Vault

DISGUISED = "invoice\u202efdp.exe"  # shows as "invoiceexe.pdf" where the override is obeyed


def _file(tmp_path: Path, name: str, data: bytes = b"x") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_an_attachment_named_with_a_bidi_override_is_stored_as_what_it_is(
    vault: Vault, tmp_path: Path
) -> None:
    ref = vault.new_case("Ada Example")
    file_id = vault.attach(ref, _file(tmp_path, DISGUISED))
    assert vault.attachment(file_id).name == "invoicefdp.exe"
    assert [a.name for a in vault.case(ref).attachments] == ["invoicefdp.exe"]


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\u2066", "\u2069", "\u200f", "\ufeff", "\x85"])
def test_zero_width_bidi_and_c1_characters_leave_attachment_names(
    vault: Vault, tmp_path: Path, hidden: str
) -> None:
    ref = vault.new_case("Ada Example")
    file_id = vault.attach(ref, _file(tmp_path, f"le{hidden}tter.pdf"))
    assert vault.attachment(file_id).name == "letter.pdf"


def test_a_member_name_loses_bidi_controls_and_refuses_terminal_escapes(vault: Vault) -> None:
    ref = vault.new_case("Ann\u202e Lee\u200b")
    assert vault.case(ref).member.name == "Ann Lee"
    with pytest.raises(CasevaultError, match="control characters"):
        vault.new_case("Ann \x1b[2J Lee")
    with pytest.raises(CasevaultError, match="control characters"):
        vault.new_case("Ann \x1b]0;title\x07 Lee")


def test_a_person_in_a_case_loses_bidi_controls(vault: Vault) -> None:
    ref = vault.new_case("Ada Example")
    vault.add_party(ref, "Bo\u202eb Manager", "manager")
    assert [p.name for p in vault.parties(ref)] == ["Bob Manager"]


def test_a_note_keeps_its_lines_and_cannot_carry_a_terminal_escape(vault: Vault) -> None:
    ref = vault.new_case("Ada Example")
    vault.add_note(ref, "Call with HR.\x1b]0;owned\x07\nNext: letter.")
    bodies = [e.body for e in vault.case(ref).events if "HR" in e.body]
    assert bodies == ["Call with HR.\u241b]0;owned\u2407\nNext: letter."]
