"""The conflict-of-interest name matcher: each rule, the issue's examples, and properties."""

from __future__ import annotations

import string
import unicodedata
from random import Random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casevault.casework.conflicts import (
    Candidate,
    Match,
    deletion_keys,
    find_conflicts,
    index_tokens,
    is_match,
    normalise_name,
    query_keys,
    similarity,
    tolerance,
    useful_tokens,
)

# --- the issue's examples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zoë O'Neill", "oneill zoe"),
        ("Zoë O'Neill", "Zoe ONeil"),
        ("oneill zoe", "Zoe ONeil"),
        ("Nguyễn Thị Lan", "Lan Nguyen"),
    ],
)
def test_issue_examples_match(a: str, b: str) -> None:
    assert is_match(a, b)
    assert is_match(b, a)


# --- normalisation ------------------------------------------------------------------------------


def test_diacritics_are_folded() -> None:
    assert normalise_name("Nguyễn Thị Lan") == ("lan", "nguyen", "thi")
    # Three-letter tokens get no edit tolerance, so only folding makes these match.
    assert is_match("Zoë Thị", "Zoe Thi")


def test_letters_without_a_decomposition_are_folded() -> None:
    assert normalise_name("Øy Łu Æsa Đa S\u0131 Straße Þór") == (
        "aesa",
        "da",
        "lu",
        "oy",
        "si",
        "strasse",
        "thor",
    )
    assert is_match("Øy Łu", "Oy Lu")


def test_case_is_folded_including_compatibility_forms() -> None:
    assert normalise_name("ZOË İNCE") == ("ince", "zoe")
    assert normalise_name("\uff3a\uff4f\uff45 \uff2c\uff45\uff45") == (
        "lee",
        "zoe",
    )  # fullwidth letters, "Zoe Lee" as some input methods type it


def test_apostrophes_join_and_other_punctuation_splits() -> None:
    assert normalise_name("O'Neill") == ("oneill",)
    assert normalise_name("D\u2019Souza, Ann") == ("ann", "dsouza")
    assert normalise_name("Mary-Ann  Smith (Dr.)") == ("ann", "dr", "mary", "smith")
    assert normalise_name("  ") == ()
    assert normalise_name("--- '' ...") == ()


def test_umlaut_folds_to_the_plain_vowel_and_the_spelt_out_form_is_one_edit() -> None:
    # Decided: "ü" -> "u" (as NFKD gives), not "ue". "Mueller" then matches by edit tolerance,
    # and "Muller" (the umlaut simply dropped, common on forms) matches exactly.
    assert normalise_name("Müller") == ("muller",)
    assert is_match("Müller", "Mueller")
    assert is_match("Müller", "Muller")
    assert is_match("Jürgen Müller", "Juergen Mueller")


# --- word order ---------------------------------------------------------------------------------


def test_word_order_is_ignored() -> None:
    assert is_match("Lan Nguyen", "Nguyen Lan")
    assert similarity("Lan Nguyen", "Nguyen, Lan") == 1.0


# --- per-token edit tolerance -------------------------------------------------------------------


def test_tolerance_grows_with_the_shorter_token() -> None:
    assert [tolerance("x" * n, "x" * 20) for n in (1, 3, 4, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]


def test_one_edit_in_a_token_of_four_to_seven_letters() -> None:
    assert is_match("Zoe O'Neill", "Zoe ONeil")  # deletion
    assert is_match("Zoe Smith", "Zoe Smyth")  # substitution
    assert is_match("Zoe Smith", "Zoe Smtih")  # adjacent swap: one edit for Damerau, two otherwise
    assert not is_match("Zoe Jonson", "Zoe Jansan")  # two edits in six letters


def test_two_edits_in_a_token_of_eight_or_more_letters() -> None:
    assert is_match("Christabel Lee", "Kristabel Lee")
    assert not is_match("Christabel Lee", "Kristobal Lee")  # three edits


def test_no_edits_in_a_token_of_three_letters_or_fewer() -> None:
    assert not is_match("Ann Lee", "Ann Lea")
    assert not is_match("Ann Lee", "Anne Lee")  # tolerance is set by the shorter token
    # Decided by the same rule: "Ann"/"Anne" and "Lee"/"Leeds" are too far apart.
    assert not is_match("Ann Lee", "Anne Leeds")


def test_different_surname_does_not_match() -> None:
    assert not is_match("Zoe Smith", "Zoe O'Neill")


# --- missing tokens -----------------------------------------------------------------------------


def test_missing_middle_name_matches() -> None:
    assert is_match("Nguyen Thi Lan", "Lan Nguyen")
    assert is_match("Anna Maria Kowalska", "Anna Kowalska")


def test_missing_name_lowers_the_score() -> None:
    assert similarity("Nguyen Thi Lan", "Lan Nguyen") == pytest.approx(0.8)
    assert similarity("Nguyen Thi Lan", "Nguyen Thi Lan") == 1.0


def test_a_lone_first_name_does_not_match_a_longer_name() -> None:
    assert not is_match("Lan", "Nguyen Thi Lan")
    assert not is_match("Lan", "Lan Nguyen")
    assert is_match("Lan", "Lan")  # a mononym still matches the same mononym


def test_every_token_of_the_shorter_name_must_pair() -> None:
    assert not is_match("Anna Maria Kowalska", "Anna Nowak")


# --- joined and split tokens --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mary Ann Smith", "Maryann Smith"),
        ("Mary-Ann Smith", "Maryann Smith"),
        ("Maryann", "Mary Ann"),
        ("Oneill", "O Neill"),
        ("Van Der Berg Piet", "Piet Vander Berg"),
    ],
)
def test_joined_and_split_tokens_match(a: str, b: str) -> None:
    assert is_match(a, b)
    assert is_match(b, a)


def test_empty_names_match_nothing() -> None:
    assert not is_match("", "")
    assert not is_match("...", "Lan")
    assert similarity("", "Lan") == 0.0
    assert find_conflicts("  ", [Candidate("CV-2026-0001", "member", "  ")]) == []


# --- find_conflicts -----------------------------------------------------------------------------

CANDIDATES = [
    Candidate("CV-2026-0003", "witness", "Zoe ONeil"),
    Candidate("CV-2026-0001", "member", "Zoë O'Neill"),
    Candidate("CV-2026-0002", "manager", "O'Neill, Zoë"),
    Candidate("CV-2026-0004", "member", "Zoe Smith"),
    Candidate("CV-2026-0005", "member", "Zoe"),
]


def test_conflicts_are_sorted_by_score_then_reference() -> None:
    found = find_conflicts("Zoe O'Neill", CANDIDATES)
    assert [(m.ref, m.role) for m in found] == [
        ("CV-2026-0001", "member"),
        ("CV-2026-0002", "manager"),
        ("CV-2026-0003", "witness"),
    ]
    assert found[0].score == 1.0
    assert 0 < found[2].score < 1.0


def test_conflicts_show_reference_and_role_never_the_name() -> None:
    found = find_conflicts("Zoe O'Neill", CANDIDATES)
    assert all(type(m) is Match and m._fields == ("ref", "role", "score") for m in found)
    assert not any("neil" in str(field).casefold() for m in found for field in m)


def test_conflicts_found_only_through_joined_tokens() -> None:
    # No token of either name pairs on its own; only joining makes these match.
    assert [m.ref for m in find_conflicts("Maryann", [Candidate("R1", "member", "Mary Ann")])] == ["R1"]
    assert [m.ref for m in find_conflicts("Mary Ann", [Candidate("R2", "member", "Maryann")])] == ["R2"]


def test_conflicts_accept_plain_tuples() -> None:
    candidates = [("R3", "party", "Lan Nguyen")]
    assert find_conflicts("Nguyễn Thị Lan", map(Candidate._make, candidates)) == [Match("R3", "party", 0.8)]


# --- properties ---------------------------------------------------------------------------------

tokens = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=12)
names = st.lists(tokens, min_size=1, max_size=4).map(" ".join)
# A small alphabet makes near-misses, joins and shared tokens common.
near_tokens = st.text(alphabet="abn", min_size=1, max_size=9)
near_names = st.lists(near_tokens, min_size=1, max_size=4).map(" ".join)


@given(near_names, near_names)
def test_matching_is_symmetric(a: str, b: str) -> None:
    assert is_match(a, b) == is_match(b, a)
    assert similarity(a, b) == pytest.approx(similarity(b, a))
    assert 0.0 <= similarity(a, b) <= 1.0


@given(names)
def test_a_name_matches_itself(name: str) -> None:
    assert is_match(name, name)
    assert similarity(name, name) == 1.0


@given(st.lists(tokens, min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_a_name_matches_any_order_of_its_tokens(parts: list[str], random: Random) -> None:
    shuffled = list(parts)
    random.shuffle(shuffled)
    assert is_match(" ".join(parts), " ".join(shuffled))


@given(st.lists(tokens, min_size=1, max_size=4), st.data())
def test_punctuation_diacritics_and_case_do_not_matter(parts: list[str], data: st.DataObject) -> None:
    disguised = []
    for part in parts:
        letters = []
        for ch in part:
            cased = ch.upper() if data.draw(st.booleans()) else ch
            mark = data.draw(st.sampled_from(["", "\u0301", "\u0308", "\u0327", "'"]))
            letters.append(cased + mark)
        disguised.append("".join(letters))
    separator = data.draw(st.sampled_from([" ", "-", ", ", " . ", "_"]))
    form = data.draw(st.sampled_from(["NFC", "NFD"]))
    other = unicodedata.normalize(form, separator.join(disguised))
    assert is_match(" ".join(parts), other)
    assert normalise_name(other) == normalise_name(" ".join(parts))


@given(st.lists(tokens, min_size=1, max_size=4), st.data())
def test_one_substitution_in_a_token_of_five_or_more_letters_still_matches(
    parts: list[str], data: st.DataObject
) -> None:
    long_ones = [i for i, part in enumerate(parts) if len(part) >= 5]
    assume(long_ones)
    i = data.draw(st.sampled_from(long_ones))
    j = data.draw(st.integers(0, len(parts[i]) - 1))
    new = data.draw(st.sampled_from(string.ascii_lowercase).filter(lambda ch: ch != parts[i][j]))
    changed = list(parts)
    changed[i] = parts[i][:j] + new + parts[i][j + 1 :]
    assert is_match(" ".join(parts), " ".join(changed))


@given(near_names, st.lists(near_names, max_size=12))
def test_find_conflicts_prefilter_never_drops_a_match(name: str, others: list[str]) -> None:
    candidates = [Candidate(f"R{i:02d}", "member", other) for i, other in enumerate(others)]
    found = find_conflicts(name, candidates)
    assert [m.ref for m in sorted(found, key=lambda m: m.ref)] == [
        c.ref for c in candidates if is_match(name, c.name)
    ]
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


# --- the index's keys: every match shares a key (casework.conflicts, "the index") ------------


def test_deletion_keys_known_answers() -> None:
    assert deletion_keys("ann") == {"ann", "nn", "an"}  # three letters: still one deletion deep
    assert deletion_keys("anne") == {"anne", "nne", "ane", "ann"}
    assert len(deletion_keys("abcdefgh")) == 1 + 8 + 28  # eight letters: two deep
    # "fernando" less "na" or less "an" is "ferndo" either way: one key fewer.
    assert len(deletion_keys("fernando")) == 1 + 8 + 28 - 1
    assert deletion_keys("a") == {"a", ""}
    assert deletion_keys("okafor", 0) == {"okafor"}


def test_a_one_token_query_gets_keys_for_every_split() -> None:
    keys = query_keys("Maryann")
    assert {"mary", "ann", "mar", "nn"} <= keys
    assert not {"mary", "ann"} & query_keys("Mary Smith") - deletion_keys("mary")


def _shares_a_key(query: str, stored: str) -> bool:
    stored_keys = frozenset().union(*(deletion_keys(t) for t in index_tokens(stored)))
    return bool(query_keys(query) & stored_keys)


def _misspell(draw: st.DrawFn, parts: list[str], edits: int = 3) -> str:
    """The name misspelt: letters changed, dropped, added or swapped, tokens joined or split,
    marks and case changed, a token left out."""
    changed = list(parts)
    for _ in range(draw(st.integers(0, edits))):
        i = draw(st.integers(0, len(changed) - 1))
        word = changed[i]
        j = draw(st.integers(0, len(word)))
        edit = draw(st.sampled_from(["sub", "drop", "add", "swap", "join", "split", "mark", "omit"]))
        letter = draw(st.sampled_from("abnoez"))
        if edit == "sub" and j < len(word):
            changed[i] = word[:j] + letter + word[j + 1 :]
        elif edit == "drop" and j < len(word) and len(word) > 1:
            changed[i] = word[:j] + word[j + 1 :]
        elif edit == "add":
            changed[i] = word[:j] + letter + word[j:]
        elif edit == "swap" and j + 1 < len(word):
            changed[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
        elif edit == "join" and len(changed) > 1:
            k = (i + 1) % len(changed)
            joined = changed[i] + changed[k]
            changed = [w for n, w in enumerate(changed) if n not in (i, k)] + [joined]
        elif edit == "split" and 0 < j < len(word):
            changed[i : i + 1] = [word[:j], word[j:]]
        elif edit == "mark":
            changed[i] = unicodedata.normalize("NFC", word[:1].upper() + "\u0301" + word[1:])
        elif edit == "omit" and len(changed) > 1:
            del changed[i]
    return " ".join(changed)


_base_parts = st.lists(st.text(alphabet="abnoe", min_size=1, max_size=11), min_size=1, max_size=4)


@st.composite
def _variants(draw: st.DrawFn) -> tuple[str, str]:
    """A name and a misspelling of it. Many pairs do not match at all: the property only speaks
    of those that do."""
    parts = draw(_base_parts)
    return " ".join(parts), _misspell(draw, parts)


@given(_variants())
def test_every_match_shares_an_index_key_either_way(pair: tuple[str, str]) -> None:
    a, b = pair
    if is_match(a, b):
        assert _shares_a_key(a, b)
        assert _shares_a_key(b, a)


@given(near_names, near_names)
def test_every_match_of_near_names_shares_an_index_key(a: str, b: str) -> None:
    if is_match(a, b):
        assert _shares_a_key(a, b)


# --- the pruned path: index keys, then useful tokens, then find_conflicts ---------------------


def _every_name_compared(name: str, candidates: list[Candidate]) -> list[Match]:
    """The matcher as it was before any pruning: every candidate through the full comparison."""
    found = [
        Match(c.ref, c.role, round(similarity(name, c.name), 3)) for c in candidates if is_match(name, c.name)
    ]
    return sorted(found, key=lambda m: (-m.score, m.ref, m.role))


def _through_the_index(name: str, candidates: list[Candidate]) -> list[Match]:
    """What Vault.conflicts does, with the index held in memory: the tokens that have one of the
    query's keys (store.names.tokens_with_keys), the useful ones, the names with one of those
    (store.names.candidates), and find_conflicts over them."""
    keys = query_keys(name)
    indexed = {t for c in candidates for t in index_tokens(c.name)}
    kept = useful_tokens(name, {t for t in indexed if deletion_keys(t) & keys})
    read = [c for c in candidates if index_tokens(c.name) & kept]
    return find_conflicts(name, read)


@st.composite
def _families(draw: st.DrawFn) -> tuple[str, list[Candidate]]:
    """A query and candidates made from one name: misspellings of it (joined, split, a token
    left out), unrelated near names, and the same name in several cases. A one-token query is
    drawn often, since only there do the split pieces count."""
    parts = draw(_base_parts)
    query = _misspell(draw, parts)
    if draw(st.booleans()):
        query = draw(st.sampled_from([*parts, "".join(parts)]))
    names = [_misspell(draw, parts) for _ in range(draw(st.integers(1, 8)))]
    names += draw(st.lists(near_names, max_size=4))
    names += [names[0]] * draw(st.integers(0, 2))
    roles = st.sampled_from(["member", "witness", "manager"])
    return query, [Candidate(f"R{i:02d}", draw(roles), n) for i, n in enumerate(names)]


@settings(max_examples=400)
@given(_families())
def test_the_pruned_path_finds_exactly_what_comparing_every_name_finds(
    family: tuple[str, list[Candidate]],
) -> None:
    name, candidates = family
    assert _through_the_index(name, candidates) == _every_name_compared(name, candidates)


@given(near_names, st.lists(near_names, max_size=12))
def test_the_pruned_path_on_near_names(name: str, others: list[str]) -> None:
    candidates = [Candidate(f"R{i:02d}", "member", other) for i, other in enumerate(others)]
    assert _through_the_index(name, candidates) == _every_name_compared(name, candidates)


def test_a_lone_first_name_keeps_only_tokens_a_match_can_rest_on() -> None:
    # "mei" shares the key "ei" with the split piece "eli", but is two edits from every piece.
    assert useful_tokens("Elif", {"elif", "elf", "mei", "abbott", "if", "e"}) == {"elif", "elf", "if", "e"}
    assert useful_tokens("Maryann", {"mary", "ann", "marian", "ian", "smith"}) == {"mary", "ann", "marian"}


def test_a_full_name_keeps_tokens_that_pair_with_a_token_or_a_join() -> None:
    kept = useful_tokens("Mary Ann Smith", {"mary", "ann", "smyth", "maryann", "annsmith", "mar", "an"})
    assert kept == {"mary", "ann", "smyth", "maryann", "annsmith"}
    assert useful_tokens("  ", {"ann"}) == set()


def test_a_lone_name_meets_two_token_names_of_any_length_only_within_reach() -> None:
    candidates = [
        Candidate("R1", "member", "Elif Abbott"),  # joined, far too long
        Candidate("R2", "member", "Eli F"),
        Candidate("R3", "member", "El If"),
        Candidate("R4", "member", "Elif X"),  # one letter more: one edit
        Candidate("R5", "member", "Elif Xy"),  # two more: beyond a four-letter tolerance
    ]
    assert [m.ref for m in find_conflicts("Elif", candidates)] == ["R2", "R3", "R4"]
    assert find_conflicts("Elif", candidates) == _every_name_compared("Elif", candidates)


def test_the_same_name_in_many_cases_is_reported_for_each() -> None:
    candidates = [Candidate(f"R{i}", role, "Zoe ONeil") for i in range(3) for role in ("member", "witness")]
    found = find_conflicts("Zoë O'Neill", candidates)
    assert [(m.ref, m.role) for m in found] == [(c.ref, c.role) for c in candidates]
    assert len({m.score for m in found}) == 1
