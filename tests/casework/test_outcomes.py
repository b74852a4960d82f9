"""Case types and outcomes as fixed, editable lists of codes: how a typed code is normalised or
refused, how a stored list is read back (falling back to the defaults), adding and removing codes,
choosing from a list, how a stored type is counted, labels and days to resolution."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.casework import outcomes
from casevault.core.errors import UsageError

DEFAULT_TYPES = outcomes.default_codes(outcomes.CASE_TYPES)
DEFAULT_OUTCOMES = outcomes.default_codes(outcomes.OUTCOMES)
CODE_REFUSAL = "A case type is a short code of letters, digits and hyphens, such as health-and-safety."
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


# code_of


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Health and safety", "health-and-safety"),
        ("  Health   and\tsafety  ", "health-and-safety"),
        ("health_and_safety", "health-and-safety"),
        ("Health_ and _Safety", "health-and-safety"),
        ("PENSIONS", "pensions"),
        ("pensions", "pensions"),
        ("stage2", "stage2"),
        ("ill-health-retirement", "ill-health-retirement"),
        ("Kündigung", "kündigung"),
        ("ÉGALITÉ salariale", "égalité-salariale"),
        ("Увольнение", "увольнение"),
    ],
)
def test_code_of_lowers_and_joins_words_with_single_hyphens(typed: str, code: str) -> None:
    assert outcomes.code_of(typed, "case type") == code


@pytest.mark.parametrize("typed", ["discipline", "Discipline", " DISCIPLINE "])
def test_code_of_maps_the_old_spelling_discipline_to_disciplinary(typed: str) -> None:
    assert outcomes.code_of(typed, "case type") == "disciplinary"


def test_code_of_composes_decomposed_letters_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Kündigung")
    assert decomposed != "Kündigung"  # a u followed by a combining diaeresis
    code = outcomes.code_of(decomposed, "case type")
    assert code == "kündigung"
    assert code == unicodedata.normalize("NFC", code)
    assert len(code) == len("kündigung")


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "\t\n",
        "2nd-stage",
        "9",
        "-pensions",
        "_pensions",
        " -pensions",
        "pay--grading",
        "pay - grading",  # the spaces become hyphens either side of the typed one
        "pay__grading-",
        "pensions-",
        "pensions_",
        "pay.grading",
        "pay/grading",
        "o'brien",
        "pay,grading",
        "pay+grading",
        "pay&conditions",
        "(pay)",
        "pay!",
        "a" * (outcomes.MAX_CODE_CHARS + 1),
        "a" * 30 + " " + "b" * 10,
    ],
)
def test_code_of_refuses_what_is_not_a_short_code_in_one_sentence(typed: str) -> None:
    with pytest.raises(UsageError) as err:
        outcomes.code_of(typed, "case type")
    assert str(err.value) == CODE_REFUSAL


def test_the_refusal_names_what_was_being_typed() -> None:
    with pytest.raises(UsageError, match=r"^A outcome is a short code") as err:
        outcomes.code_of("no way!", "outcome")
    assert str(err.value).count(".") == 1 and str(err.value).endswith(".")


def test_code_of_takes_exactly_forty_characters_and_no_more() -> None:
    assert outcomes.MAX_CODE_CHARS == 40
    longest = "a" * 39 + "b"
    assert outcomes.code_of(longest.upper(), "case type") == longest
    assert outcomes.code_of("ab-" * 13 + "a", "case type") == "ab-" * 13 + "a"  # 40 with hyphens
    with pytest.raises(UsageError):
        outcomes.code_of(longest + "c", "case type")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_code_of_returns_only_codes_that_it_accepts_unchanged(typed: str) -> None:
    try:
        code = outcomes.code_of(typed, "case type")
    except UsageError:
        return
    assert 1 <= len(code) <= outcomes.MAX_CODE_CHARS
    assert code == code.lower().strip()
    assert "--" not in code and not code.startswith("-") and not code.endswith("-")
    assert not code[0].isdecimal()
    # Letters of any script with their combining marks (a Devanagari vowel sign is not
    # isalnum()), decimal digits and hyphens: the alphabet outcomes.is_code documents.
    assert all(
        ch == "-" or unicodedata.category(ch)[0] in "LM" or unicodedata.category(ch) == "Nd" for ch in code
    )
    assert code == unicodedata.normalize("NFC", code)
    # A code is a fixed point: typing it again gives it back, and a stored list of it reads back.
    assert outcomes.code_of(code, "case type") == code
    assert outcomes.parse_codes(json.dumps([code]), ("general",)) == (code,)


# parse_codes and the stored lists


def test_parse_codes_without_a_stored_list_gives_the_defaults() -> None:
    assert outcomes.parse_codes(None, ("general", "other")) == ("general", "other")
    assert outcomes.parse_codes(None, ["a", "b"]) == ("a", "b")


def test_parse_codes_reads_a_stored_list_in_its_order() -> None:
    raw = json.dumps(["pensions", "grievance", "other"])
    assert outcomes.parse_codes(raw, DEFAULT_TYPES) == ("pensions", "grievance", "other")


def test_parse_codes_removes_duplicates_keeping_the_first_place() -> None:
    raw = json.dumps(["pay", "other", "pay", "grievance", "other", "pay"])
    assert outcomes.parse_codes(raw, DEFAULT_TYPES) == ("pay", "other", "grievance")


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "not json",
        "[",
        "['pay']",  # single quotes are not JSON
        '"pay"',
        "{}",
        '{"pay": 1}',
        "null",
        "42",
        "[1, 2]",
        '["pay", null]',
        '["pay", ["grievance"]]',
        '["health and safety"]',
        '["pay--grading"]',
        '["-pay"]',
        '["pay-"]',
        '[""]',
        '["pay\\n"]',
        json.dumps(["a" * 41]),
    ],
)
def test_parse_codes_falls_back_to_the_defaults_when_the_list_cannot_be_read(raw: str) -> None:
    assert outcomes.parse_codes(raw, ("general", "other")) == ("general", "other")


def test_an_empty_stored_list_reads_as_empty() -> None:
    # without_code never stores one; parse_codes reports what is there rather than inventing it.
    assert outcomes.parse_codes("[]", ("general",)) == ()


def test_the_default_lists_are_the_documented_codes() -> None:
    assert outcomes.case_type_codes(None) == DEFAULT_TYPES
    assert outcomes.outcome_codes(None) == DEFAULT_OUTCOMES
    assert DEFAULT_TYPES[-1] == outcomes.OTHER == "other"
    assert {"general", "disciplinary", "grievance", "sickness", "health-and-safety"} <= set(DEFAULT_TYPES)
    assert "discipline" not in DEFAULT_TYPES
    assert {"upheld", "not-upheld", "withdrawn", "tribunal-claim-lodged"} <= set(DEFAULT_OUTCOMES)
    assert outcomes.OTHER not in DEFAULT_OUTCOMES
    assert outcomes.case_type_codes("garbage") == DEFAULT_TYPES
    assert outcomes.outcome_codes("garbage") == DEFAULT_OUTCOMES


def test_every_default_code_is_a_code_and_distinct() -> None:
    for defaults in (DEFAULT_TYPES, DEFAULT_OUTCOMES):
        assert len(set(defaults)) == len(defaults)
        for code in defaults:
            assert outcomes.code_of(code, "code") == code
    assert not set(DEFAULT_TYPES) & set(DEFAULT_OUTCOMES)


def test_stored_lists_are_read_from_their_own_setting() -> None:
    assert outcomes.case_type_codes('["pay", "other"]') == ("pay", "other")
    assert outcomes.outcome_codes('["upheld", "settled"]') == ("upheld", "settled")
    assert outcomes.CASE_TYPES_SETTING != outcomes.OUTCOMES_SETTING


def test_codes_text_round_trips_through_parse_codes() -> None:
    for codes in (DEFAULT_TYPES, DEFAULT_OUTCOMES, ("kündigung", "pay", "other")):
        text = outcomes.codes_text(codes)
        assert json.loads(text) == list(codes)
        assert outcomes.parse_codes(text, ("general",)) == tuple(codes)


def test_codes_text_stores_each_code_once() -> None:
    assert json.loads(outcomes.codes_text(["pay", "other", "pay"])) == ["pay", "other"]
    assert json.loads(outcomes.codes_text(iter(["b", "a"]))) == ["b", "a"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.from_regex(r"[a-zßäöüéç][a-z0-9ßäöüéç]{0,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True), max_size=12
    )
)
def test_codes_text_and_parse_codes_round_trip_any_list_of_codes(codes: list[str]) -> None:
    stored = outcomes.codes_text(codes)
    back = outcomes.parse_codes(stored, ("fallback",))
    assert back == tuple(dict.fromkeys(codes))
    assert outcomes.codes_text(back) == stored


# with_code and without_code


def test_with_code_adds_a_typed_code_at_the_end() -> None:
    assert outcomes.with_code(DEFAULT_TYPES, "Pensions", "case type") == (*DEFAULT_TYPES, "pensions")
    assert outcomes.with_code(("upheld",), "Referred to ACAS", "outcome") == ("upheld", "referred-to-acas")


def test_with_code_is_idempotent() -> None:
    once = outcomes.with_code(DEFAULT_TYPES, "pensions", "case type")
    assert outcomes.with_code(once, "PENSIONS", "case type") == once
    assert outcomes.with_code(DEFAULT_TYPES, "Grievance", "case type") == DEFAULT_TYPES
    # The old spelling is the code already listed, not a new one.
    assert outcomes.with_code(DEFAULT_TYPES, "discipline", "case type") == DEFAULT_TYPES


def test_with_code_refuses_what_is_not_a_code() -> None:
    with pytest.raises(UsageError, match="short code"):
        outcomes.with_code(DEFAULT_TYPES, "Jane Smith's grievance!", "case type")


def test_with_code_stops_at_the_cap() -> None:
    full = tuple(f"code{i}" for i in range(outcomes.MAX_CODES))
    almost = full[:-1]
    assert outcomes.with_code(almost, "last", "case type") == (*almost, "last")
    with pytest.raises(UsageError) as err:
        outcomes.with_code(full, "one-more", "case type")
    assert str(err.value) == f"The list holds {outcomes.MAX_CODES} at most; remove one first."
    # Re-adding a code already on a full list is not an addition.
    assert outcomes.with_code(full, "code7", "case type") == full


def test_without_code_removes_a_typed_code_keeping_the_order() -> None:
    assert outcomes.without_code(("pay", "grievance", "other"), "Grievance", "case type") == ("pay", "other")
    assert outcomes.without_code(DEFAULT_TYPES, "discipline", "case type") == tuple(
        c for c in DEFAULT_TYPES if c != "disciplinary"
    )


def test_without_code_refuses_a_code_not_in_the_list() -> None:
    with pytest.raises(UsageError) as err:
        outcomes.without_code(DEFAULT_TYPES, "Pensions", "case type")
    assert str(err.value) == "There is no case type 'pensions' in the list."


def test_without_code_keeps_other_among_the_case_types() -> None:
    with pytest.raises(UsageError, match="'other' stays"):
        outcomes.without_code(DEFAULT_TYPES, "Other", "case type")
    # An outcome list has no such rule: a rep's own "other" outcome may go.
    assert outcomes.without_code(("upheld", "other"), "other", "outcome") == ("upheld",)


def test_without_code_never_empties_a_list() -> None:
    with pytest.raises(UsageError) as err:
        outcomes.without_code(("upheld",), "upheld", "outcome")
    assert str(err.value) == "The list needs at least one outcome."
    assert outcomes.without_code(("upheld", "settled"), "upheld", "outcome") == ("settled",)


def test_without_code_refuses_what_is_not_a_code() -> None:
    with pytest.raises(UsageError, match="short code"):
        outcomes.without_code(DEFAULT_TYPES, "", "case type")


# choose and counted_type


def test_choose_returns_the_code_of_a_listed_type_or_outcome() -> None:
    assert outcomes.choose("Health and safety", DEFAULT_TYPES, "case type") == "health-and-safety"
    assert outcomes.choose("discipline", DEFAULT_TYPES, "case type") == "disciplinary"
    assert outcomes.choose("Not upheld", DEFAULT_OUTCOMES, "outcome") == "not-upheld"


def test_choose_refuses_an_unlisted_code_naming_the_list() -> None:
    with pytest.raises(UsageError) as err:
        outcomes.choose("Pensions", ("pay", "grievance", "other"), "case type")
    assert str(err.value) == "Unknown case type 'pensions': use one of pay, grievance, other."
    with pytest.raises(UsageError) as err:
        outcomes.choose("grievance", DEFAULT_OUTCOMES, "outcome")
    assert str(err.value) == f"Unknown outcome 'grievance': use one of {', '.join(DEFAULT_OUTCOMES)}."
    assert "resolved-informally, upheld, partly-upheld" in str(err.value)


def test_choose_refuses_a_removed_code() -> None:
    shorter = outcomes.without_code(DEFAULT_TYPES, "pay", "case type")
    with pytest.raises(UsageError, match="Unknown case type 'pay'"):
        outcomes.choose("pay", shorter, "case type")


def test_choose_refuses_free_text_as_not_a_code() -> None:
    with pytest.raises(UsageError, match="short code"):
        outcomes.choose("Jane O'Brien", DEFAULT_TYPES, "case type")


def test_counted_type_keeps_a_listed_code() -> None:
    for code in DEFAULT_TYPES:
        assert outcomes.counted_type(code, DEFAULT_TYPES) == code
    added = outcomes.with_code(DEFAULT_TYPES, "pensions", "case type")
    assert outcomes.counted_type("pensions", added) == "pensions"


def test_counted_type_maps_the_old_spelling() -> None:
    assert outcomes.counted_type("discipline", DEFAULT_TYPES) == "disciplinary"
    # ... and counts it as other once disciplinary is no longer listed.
    assert outcomes.counted_type("discipline", ("grievance", "other")) == "other"


@pytest.mark.parametrize(
    "stored", ["pensions", "Jane Smith", "jane-smith", "Grievance for Mr Patel", "", "CV-2026-0001"]
)
def test_counted_type_shows_anything_unlisted_as_other(stored: str) -> None:
    assert outcomes.counted_type(stored, DEFAULT_TYPES) == "other"


def test_counted_type_of_a_removed_code_is_other() -> None:
    shorter = outcomes.without_code(DEFAULT_TYPES, "redundancy", "case type")
    assert outcomes.counted_type("redundancy", shorter) == "other"
    assert outcomes.counted_type("redundancy", DEFAULT_TYPES) == "redundancy"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_counted_type_is_always_a_listed_code(stored: str) -> None:
    assert outcomes.counted_type(stored, DEFAULT_TYPES) in DEFAULT_TYPES


# label and days_to_resolution


def test_label_gives_the_defaults_their_words() -> None:
    assert outcomes.label("sickness") == "Sickness absence"
    assert outcomes.label("bullying") == "Bullying or harassment"
    assert outcomes.label("health-and-safety") == "Health and safety"
    assert outcomes.label("other") == "Other"
    assert outcomes.label("referred-regional-office") == "Referred to the regional office"
    assert outcomes.label("not-upheld") == "Not upheld"
    for code, words in (*outcomes.CASE_TYPES, *outcomes.OUTCOMES):
        assert outcomes.label(code) == words


def test_label_spells_out_an_added_code() -> None:
    assert outcomes.label("pensions") == "Pensions"
    assert outcomes.label("ill-health-retirement") == "Ill health retirement"
    assert outcomes.label("kündigung") == "Kündigung"
    assert outcomes.label("stage2-appeal") == "Stage2 appeal"


def test_days_to_resolution_counts_whole_days() -> None:
    assert outcomes.days_to_resolution(T0, T0) == 0
    assert outcomes.days_to_resolution(T0, T0 + timedelta(hours=23, minutes=59)) == 0
    assert outcomes.days_to_resolution(T0, T0 + timedelta(days=1)) == 1
    assert outcomes.days_to_resolution(T0, T0 + timedelta(days=3, hours=23)) == 3
    assert outcomes.days_to_resolution(T0, T0 + timedelta(days=400)) == 400


def test_days_to_resolution_is_never_negative() -> None:
    # A clock set wrong on one machine must not give a negative time to resolution.
    assert outcomes.days_to_resolution(T0, T0 - timedelta(days=5)) == 0
    assert outcomes.days_to_resolution(T0, T0 - timedelta(seconds=1)) == 0


@pytest.mark.parametrize("typed", ["वेतन", "İşten", "Überstunden", "pay-2026"])
def test_letters_of_any_script_with_their_combining_marks_make_a_code(typed: str) -> None:
    code = outcomes.code_of(typed, "case type")
    assert outcomes.is_code(code) and code == unicodedata.normalize("NFC", typed.lower())


@pytest.mark.parametrize("typed", ["²", "½-day", "٣days", "pay--", "Pay"])
def test_a_code_starts_with_a_letter_and_is_lower_case(typed: str) -> None:
    assert not outcomes.is_code(typed)


def test_a_stored_list_holding_what_code_of_would_never_give_is_not_trusted() -> None:
    assert outcomes.parse_codes('["Pay", "grievance"]', ("general",)) == ("general",)
