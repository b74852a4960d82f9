"""Pure rules for sending a case out (casework/exchange.py): zip passwords, the names inside a
zip, and its index."""

from __future__ import annotations

import math

import pytest

from casevault.casework import exchange


def test_generated_password() -> None:
    a, b = exchange.generate_password(), exchange.generate_password()
    assert a != b
    assert exchange.password_bits() >= 128
    assert set(a.replace("-", "")) <= set(exchange.PASSWORD_ALPHABET)
    assert exchange.password_problem(a) is None


def test_inner_names() -> None:
    assert exchange.inner_names(["a.PDF", "b", "c.tar.gz"], neutral=True) == [
        "document-01.pdf",
        "document-02",
        "document-03.gz",
    ]
    assert exchange.inner_names(["x.pdf", "x.pdf", "../../etc/passwd", ".hidden"], neutral=False) == [
        "x.pdf",
        "x (2).pdf",
        "passwd",
        "hidden",
    ]


def test_a_password_is_six_groups_of_five_from_the_alphabet() -> None:
    for _ in range(50):
        groups = exchange.generate_password().split("-")
        assert len(groups) == exchange.PASSWORD_GROUPS
        assert all(len(g) == exchange.PASSWORD_GROUP_LEN for g in groups)
        assert set("".join(groups)) <= set(exchange.PASSWORD_ALPHABET)


def test_the_alphabet_has_no_symbol_easily_misread() -> None:
    # No 0/o, 1/l/i, 5 (for S), 2 (for Z), and no capitals at all.
    assert not set("0o1li52") & set(exchange.PASSWORD_ALPHABET)
    assert not any(c.isupper() for c in exchange.PASSWORD_ALPHABET)
    assert len(set(exchange.PASSWORD_ALPHABET)) == len(exchange.PASSWORD_ALPHABET) == 28
    assert exchange.password_bits() == pytest.approx(30 * math.log2(28))


@pytest.mark.parametrize(("length", "ok"), [(0, False), (11, False), (12, True), (40, True)])
def test_a_typed_password_needs_twelve_characters(length: int, ok: bool) -> None:
    problem = exchange.password_problem("x" * length)
    assert (problem is None) is ok
    if problem:
        assert problem == "The zip's password must be at least 12 characters long."


def test_neutral_names_keep_only_a_plain_extension_and_widen_the_number() -> None:
    names = ["letter.PDF", "evil.p\u202edf", "notes.docx\x00", "win\\path\\scan.JPG", "a.verylongextension"]
    assert exchange.inner_names(names, neutral=True) == [
        "document-01.pdf",
        "document-02",
        "document-03",
        "document-04.jpg",
        "document-05",
    ]
    many = exchange.inner_names(["x.txt"] * 120, neutral=True)
    assert many[0] == "document-001.txt" and many[-1] == "document-120.txt"
    assert len(set(many)) == 120


def test_real_names_never_take_the_summary_or_index_names_or_repeat_in_any_case() -> None:
    got = exchange.inner_names(
        ["Case-Summary.PDF", "contents.txt", "Letter.pdf", "letter.PDF", "a\tb\x1b.txt", "..", ""],
        neutral=False,
    )
    assert got == [
        "Case-Summary (2).PDF",
        "contents (2).txt",
        "Letter.pdf",
        "letter (2).PDF",
        "a_b_.txt",
        "document",
        "document (2)",
    ]
    assert len({n.lower() for n in got} | {exchange.SUMMARY_NAME, exchange.INDEX_NAME}) == len(got) + 2


def test_a_prefix_is_part_of_the_name_checked_for_repeats() -> None:
    assert exchange.inner_names(["a.pdf", "a.pdf"], neutral=False, prefix="docs/") == [
        "docs/a.pdf",
        "docs/a (2).pdf",
    ]
    assert exchange.inner_names(["a.pdf"], neutral=True, prefix="docs/") == ["docs/document-01.pdf"]


def test_the_index_lists_each_entry_and_its_real_name_on_a_line() -> None:
    text = exchange.index_text([("document-01.pdf", "Letter \u2013 Müller.pdf"), ("document-02", "notes")])
    assert text == (
        "Documents in this zip, and their names in the case file:\n"
        "\n"
        "document-01.pdf\tLetter \u2013 Müller.pdf\n"
        "document-02\tnotes\n"
    )
