"""Work-email warning and Bcc-only mail drafts."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from casevault.casework.contact import WORK_EMAIL_WARNING, bcc_mailto, letter_mailto, work_email_warning

ACME = ["acme.co.uk"]


def test_warning_quotes_the_guide_in_plain_words() -> None:
    assert "usually best not to use a member's work email account" in WORK_EMAIL_WARNING
    assert "Check with the member which address" in WORK_EMAIL_WARNING


@pytest.mark.parametrize(
    "email",
    [
        "j.doe@acme.co.uk",
        "j.doe@mail.acme.co.uk",  # subdomains are the employer's too
        "J.Doe@ACME.co.uk.",  # case and the trailing root dot do not matter
        "  j.doe@acme.co.uk  ",
    ],
)
def test_address_at_employer_domain_is_warned(email: str) -> None:
    assert work_email_warning(email, ACME) == WORK_EMAIL_WARNING


@pytest.mark.parametrize(
    "email",
    [
        "j.doe@acme.co.uk.evil.com",  # the employer's name as a prefix is not its domain
        "j.doe@notacme.co.uk",  # nor as a suffix of a label
        "j.doe@example.org",
        "acme.co.uk@example.org",  # the domain is after the last "@"
    ],
)
def test_other_domains_are_not_warned(email: str) -> None:
    assert work_email_warning(email, ACME) is None


def test_employer_domain_is_normalised_too() -> None:
    assert work_email_warning("a@mail.acme.co.uk", [" ACME.CO.UK. "]) == WORK_EMAIL_WARNING
    assert work_email_warning("a@acme.co.uk", ["@acme.co.uk"]) == WORK_EMAIL_WARNING


def test_any_of_several_employer_domains() -> None:
    domains = ["uni.example.ac.uk", "acme.co.uk"]
    assert work_email_warning("a@acme.co.uk", domains) == WORK_EMAIL_WARNING
    assert work_email_warning("a@example.ac.uk", domains) is None


def test_unicode_domain_matches_its_punycode_form() -> None:
    assert work_email_warning("anna@bücher.de", ["xn--bcher-kva.de"]) == WORK_EMAIL_WARNING
    assert work_email_warning("anna@post.xn--bcher-kva.de", ["BÜCHER.de"]) == WORK_EMAIL_WARNING
    assert work_email_warning("anna@bucher.de", ["bücher.de"]) is None


@pytest.mark.parametrize("email", ["", "acme.co.uk", "@acme.co.uk", "a@", "a@.", "a@" + "x" * 70 + ".com"])
def test_unusable_addresses_get_no_warning(email: str) -> None:
    assert work_email_warning(email, ACME) is None


def test_unusable_employer_domains_are_skipped() -> None:
    assert work_email_warning("a@acme.co.uk", ["", ".", "x" * 70 + ".com", "acme.co.uk"]) == (
        WORK_EMAIL_WARNING
    )
    assert work_email_warning("a@acme.co.uk", []) is None


def test_mailto_puts_every_address_in_bcc_and_none_in_to() -> None:
    url = bcc_mailto(["a@example.org", "b@example.net"], "Meeting on Tuesday")
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert parts.path == ""  # the To part is empty
    fields = parse_qs(parts.query)
    assert set(fields) == {"bcc", "subject"}
    assert fields["bcc"] == ["a@example.org,b@example.net"]
    assert fields["subject"] == ["Meeting on Tuesday"]
    assert url == "mailto:?bcc=a@example.org,b@example.net&subject=Meeting%20on%20Tuesday"


def test_mailto_percent_encodes_what_would_break_the_url() -> None:
    url = bcc_mailto(["x+tag@example.org", "we&ird,=?%@example.org", "zoë@exämple.de"], "Q&A = 100%?")
    query = url.removeprefix("mailto:?")
    # Only our own separators remain literal: one "&" between fields, one "," between addresses.
    assert query.count("&") == 1
    bcc, subject = query.split("&")
    assert bcc.count(",") == 2
    assert [unquote(a) for a in bcc.removeprefix("bcc=").split(",")] == [
        "x+tag@example.org",
        "we&ird,=?%@example.org",
        "zoë@exämple.de",
    ]
    assert "%2B" in bcc  # "+" would read as a space to some clients
    assert unquote(subject.removeprefix("subject=")) == "Q&A = 100%?"
    assert url.isascii()


def test_mailto_skips_blanks_and_duplicates_and_empty_subject() -> None:
    assert bcc_mailto([" a@example.org ", "", "A@Example.org", "b@example.org"]) == (
        "mailto:?bcc=a@example.org,b@example.org"
    )
    assert bcc_mailto([]) == "mailto:"
    assert bcc_mailto([], "Hello") == "mailto:?subject=Hello"


def test_mailto_subject_is_one_line() -> None:
    assert bcc_mailto(["a@example.org"], "Hi\r\nBcc: x@evil.example") == (
        "mailto:?bcc=a@example.org&subject=Hi%20Bcc%3A%20x%40evil.example"
    )


def test_mailto_refuses_control_characters_in_an_address() -> None:
    with pytest.raises(ValueError, match="control characters"):
        bcc_mailto(["a@example.org\r\nTo: x@evil.example"])


def test_a_letter_draft_has_the_member_in_to_and_the_letter_as_its_body() -> None:
    url = letter_mailto(
        " ana@example.org ", "CV-2026-0001:\nConfirmation", "Dear Ana,\n\nLine & more?\r\nEnd=1"
    )
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "ana@example.org"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert query == {
        "subject": ["CV-2026-0001: Confirmation"],
        "body": ["Dear Ana,\r\n\r\nLine & more?\r\nEnd=1"],
    }
    assert "&more" not in url and "\n" not in url and " " not in url


@pytest.mark.parametrize("to", ["", "  ", "a@x.org,b@y.org", "a@x.org;b@y.org", "a@x.org\r\nBcc: c@z.org"])
def test_a_letter_draft_refuses_anything_but_one_plain_address(to: str) -> None:
    with pytest.raises(ValueError, match="address"):
        letter_mailto(to, "s", "b")
