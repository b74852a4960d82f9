"""Pure rules: references, passphrases and text cleaning."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from casevault.casework import rules

T0 = datetime(2026, 1, 31, 23, 59, tzinfo=UTC)


def test_reference_is_year_and_zero_padded_number() -> None:
    assert rules.format_ref(T0, 7) == "CV-2026-0007"
    assert rules.format_ref(T0, 12345) == "CV-2026-12345"
    assert rules.REF_PATTERN.match(rules.format_ref(T0, 1))


@pytest.mark.parametrize(
    ("passphrase", "fragment"),
    [("short", "too short"), ("x" * 11, "too short"), ("abababababababab", "too few different")],
)
def test_weak_passphrases_are_refused_with_a_reason(passphrase: str, fragment: str) -> None:
    problem = rules.passphrase_problem(passphrase)
    assert problem is not None and fragment in problem and problem.endswith(".")


def test_a_few_words_are_accepted() -> None:
    assert rules.passphrase_problem("correct horse battery staple") is None


def test_clean_text_normalises_and_refuses_control_characters() -> None:
    assert rules.clean_text("  Mu\u0308ller ", field="name") == "Müller"
    with pytest.raises(ValueError, match="control characters"):
        rules.clean_text("a\x07b", field="name")
    with pytest.raises(ValueError, match="empty"):
        rules.clean_text("   ", field="name")
    assert rules.clean_text("", field="email", required=False) == ""


def test_storable_file_name_makes_control_characters_visible() -> None:
    assert rules.storable_file_name("a\nb\tc.txt") == "a\u240ab\u2409c.txt"
    assert rules.storable_file_name("\udcff.txt") == "\ufffd.txt"
    assert rules.storable_file_name("") == "unnamed"


def test_storable_file_name_drops_bidi_overrides_so_a_name_cannot_disguise_its_type() -> None:
    # "rtl\u202etxt.exe" would show as "rtlexe.txt"; stored, it shows what it is.
    assert rules.storable_file_name("rtl\u202etxt.exe") == "rtltxt.exe"
    for invisible in sorted(rules.INVISIBLE_CHARS):
        assert rules.storable_file_name(f"a{invisible}b.pdf") == "ab.pdf"


def test_storable_file_name_drops_c1_controls_and_del() -> None:
    assert rules.storable_file_name("a\x7fb\x85c\x9b[2J.txt") == "abc[2J.txt"
    assert rules.storable_file_name("\x1b[2J.txt") == "\u241b[2J.txt"


def test_storable_file_name_caps_the_length_and_keeps_the_suffix() -> None:
    name = rules.storable_file_name("x" * 5_000_000 + ".pdf")
    assert len(name) == rules.MAX_FILE_NAME_CHARS
    assert name.endswith("….pdf")
    no_suffix = rules.storable_file_name("y" * 1000)
    assert len(no_suffix) == rules.MAX_FILE_NAME_CHARS
    assert no_suffix.endswith("…")
    assert rules.storable_file_name("z" * rules.MAX_FILE_NAME_CHARS) == "z" * rules.MAX_FILE_NAME_CHARS


def test_clean_text_drops_bidi_and_zero_width_and_refuses_c1_controls() -> None:
    assert rules.clean_text("Ann\u202e \u200bLee", field="name") == "Ann Lee"
    with pytest.raises(ValueError, match="control characters"):
        rules.clean_text("Ann\x9b2J", field="name")
    with pytest.raises(ValueError, match="control characters"):
        rules.clean_text("Ann\x1b]0;owned\x07", field="name")
    with pytest.raises(ValueError, match="empty"):
        rules.clean_text("\u202e\u200b", field="name")


def test_clean_body_keeps_lines_and_makes_escapes_visible() -> None:
    text = "Met the manager.\r\n\tAgreed:\x1b[2J next steps\x9b\u202e.\n"
    assert rules.clean_body(text, field="note") == "Met the manager.\n\tAgreed:\u241b[2J next steps\ufffd."
    with pytest.raises(ValueError, match="note is empty"):
        rules.clean_body(" \u200b\n", field="note")
    assert rules.clean_body("", field="narrative", required=False) == ""
    with pytest.raises(ValueError, match="longer than 5"):
        rules.clean_body("abcdef", field="note", max_chars=5)


def test_clean_text_refuses_line_separators_and_drops_tag_characters() -> None:
    with pytest.raises(ValueError, match="control characters"):
        rules.clean_text("Ann\u2028Lee", field="name")
    assert rules.clean_text("Ann\U000e0041 Lee", field="name") == "Ann Lee"
