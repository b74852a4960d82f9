"""Search (casevault.store.search) on a real encrypted database: folding, prefixes, hostile
queries, indexing and erasing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.core.model import CaseSummary, Snippet
from casevault.store import cases, search
from casevault.store.db import Database
from tests.support.store_rows import add_attachment, add_case, add_event, count, open_db


def _make_corpus(db: Database) -> dict[str, CaseSummary]:
    made = {
        "nguyen": add_case(db, "Nguyễn Văn An"),
        "muller": add_case(db, "Jürgen Müller"),
        "zeph": add_case(db, "Zéphyrine Okafor"),
    }
    add_event(db, made["nguyen"].id, "Disciplinary hearing about the rota")
    add_attachment(db, made["muller"].id, "Sick certificate \u2013 \u00c4rger \u2713.pdf")
    return made


@pytest.fixture
def corpus(db: Database) -> dict[str, CaseSummary]:
    return _make_corpus(db)


@pytest.fixture(scope="module")
def shared_corpus(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Database, dict[str, CaseSummary]]]:
    """For read-only search tests."""
    database = open_db(tmp_path_factory.mktemp("corpus") / "q.db")
    yield database, _make_corpus(database)
    database.close()


def refs(db: Database, query: str) -> list[str]:
    return [h.ref for h in search.search(db, query)]


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("nguyen", "nguyen"),
        ("Nguyen", "nguyen"),
        ("NGUYỄN", "nguyen"),
        ("van", "nguyen"),
        ("muller", "muller"),
        ("Müller", "muller"),
        ("jurgen", "muller"),
        ("zeph", "zeph"),
        ("zephyrine", "zeph"),
        ("Zéph", "zeph"),
        ("oka", "zeph"),
    ],
)
def test_search_folds_diacritics_and_case_and_matches_prefixes(
    shared_corpus: tuple[Database, dict[str, CaseSummary]], query: str, who: str
) -> None:
    db, corpus = shared_corpus
    assert refs(db, query) == [corpus[who].ref]


def test_diacritics_fold_both_ways(db: Database) -> None:
    plain = add_case(db, "Muller Plain")
    accented = add_case(db, "Müller Accent")
    assert sorted(refs(db, "müller")) == sorted([plain.ref, accented.ref])
    assert sorted(refs(db, "muller")) == sorted([plain.ref, accented.ref])


def test_every_word_must_match(shared_corpus: tuple[Database, dict[str, CaseSummary]]) -> None:
    db, corpus = shared_corpus
    assert refs(db, "nguyen an") == [corpus["nguyen"].ref]
    assert refs(db, "nguyen muller") == []
    assert refs(db, "zeph okafor") == [corpus["zeph"].ref]
    assert refs(db, "zeph nguyen") == []


def test_words_may_match_different_records_of_one_case(
    shared_corpus: tuple[Database, dict[str, CaseSummary]],
) -> None:
    db, corpus = shared_corpus
    """Each indexed record is matched on its own: the member's name and a note are separate."""
    assert refs(db, "nguyen rota") == []
    assert refs(db, "rota") == [corpus["nguyen"].ref]


def test_notes_and_attachment_names_are_found(shared_corpus: tuple[Database, dict[str, CaseSummary]]) -> None:
    db, corpus = shared_corpus
    [note_hit] = search.search(db, "disciplin")
    assert (note_hit.ref, note_hit.source, note_hit.member_name) == (
        corpus["nguyen"].ref,
        "event",
        "Nguyễn Văn An",
    )
    [file_hit] = search.search(db, "arger")
    assert (file_hit.ref, file_hit.source) == (corpus["muller"].ref, "attachment")
    assert refs(db, "certificate") == [corpus["muller"].ref]


def test_one_hit_per_case(db: Database) -> None:
    summary = add_case(db, "Rota Person")
    add_event(db, summary.id, "rota change")
    add_event(db, summary.id, "another rota change")
    add_attachment(db, summary.id, "rota.pdf")
    assert refs(db, "rota") == [summary.ref]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"""',
        "'",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "NEAR(nguyen muller)",
        "NEAR(nguyen muller, 5)",
        "*",
        "**",
        "-",
        "--",
        ":",
        "text:",
        "text:nguyen",
        "{text}: nguyen",
        "(",
        ")",
        "(nguyen OR muller)",
        "nguyen OR muller",
        "nguyen AND muller",
        "muller -nguyen",
        "muller NOT okafor",
        "muller + zeph",
        "^",
        "!!!",
        "... ,,, ;;;",
        "✓✓",
        "\u2013",
        '"unbalanced muller',
        'muller "unbalanced',
        "x" * 100_000,
        " ".join(["qqq"] * 5_000),
        "nguyen* muller*",
        "\t\n\r",
        "",
        "   ",
    ],
)
def test_hostile_queries_never_raise_and_match_nothing_here(
    shared_corpus: tuple[Database, dict[str, CaseSummary]], query: str
) -> None:
    db, _ = shared_corpus
    assert search.search(db, query) == []


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ('"nguyen', "nguyen"),
        ('nguyen"', "nguyen"),
        ('"nguyen"', "nguyen"),
        ("mul*", "muller"),
        ("^muller", "muller"),
        ("Müller,", "muller"),
        ("(zeph)", "zeph"),
        ("zeph:", "zeph"),
        ("-zeph", "zeph"),
        (" ".join(["nguyen"] * 5_000), "nguyen"),
    ],
)
def test_fts_syntax_in_input_is_just_text(
    shared_corpus: tuple[Database, dict[str, CaseSummary]], query: str, who: str
) -> None:
    db, corpus = shared_corpus
    assert refs(db, query) == [corpus[who].ref]


@pytest.mark.parametrize("query", ["\x00", "muller\x00", "mul\x00ler", "\x01muller", "muller\x1f"])
def test_control_characters_in_a_query_never_raise(
    shared_corpus: tuple[Database, dict[str, CaseSummary]], query: str
) -> None:
    db, corpus = shared_corpus
    hits = search.search(db, query)
    assert {h.ref for h in hits} <= {corpus["muller"].ref}


def test_to_match_expression_quotes_every_term() -> None:
    assert search.to_match_expression("abc def") == '"abc"* "def"*'
    assert search.to_match_expression('say "hi"') == '"say"* """hi"""*'
    assert search.to_match_expression('" ""') is None
    assert search.to_match_expression("   ") is None
    many = search.to_match_expression(" ".join(f"word{i}" for i in range(40)))
    assert many is not None
    assert many.count("*") == search.MAX_TERMS


def test_short_terms_match_whole_words_only(db: Database) -> None:
    """Below three characters a term is a whole word: "Li" finds Li, not every Lisa and Lincoln
    (a 2-letter prefix ranked most of a large vault on every keystroke)."""
    assert search.to_match_expression("li wu") == '"li" "wu"'
    assert search.to_match_expression("lin") == '"lin"*'
    li = add_case(db, "Li Wei")
    lisa = add_case(db, "Lisa Grant")
    assert refs(db, "li") == [li.ref]
    assert refs(db, "lis") == [lisa.ref]
    assert sorted(refs(db, "gra")) == [lisa.ref]


def test_search_limit(db: Database) -> None:
    for i in range(5):
        add_case(db, f"Common Name {i}")
    assert len(search.search(db, "common", limit=3)) == 3
    assert len(search.search(db, "common")) == 5


def test_reindexing_replaces_the_old_text(db: Database) -> None:
    summary = add_case(db, "Ada")
    search.index(db, summary.id, "case", summary.id, "first title")
    search.index(db, summary.id, "case", summary.id, "second heading")
    assert refs(db, "first") == []
    assert refs(db, "heading") == [summary.ref]
    assert count(db, "search_docs", "WHERE source = 'case'") == 1


def test_unindex_removes_hits(db: Database, corpus: dict[str, CaseSummary]) -> None:
    [event] = cases.events(db, corpus["nguyen"].id)
    search.unindex(db, "event", event.id)
    assert refs(db, "rota") == []
    assert refs(db, "nguyen") == [corpus["nguyen"].ref]
    search.unindex(db, "event", event.id)  # twice is harmless
    assert count(db, "search_index") == count(db, "search_docs")


def test_search_erase_case_removes_all_hits_of_one_case(db: Database, corpus: dict[str, CaseSummary]) -> None:
    search.erase_case(db, corpus["nguyen"].id)
    assert refs(db, "nguyen") == []
    assert refs(db, "rota") == []
    assert refs(db, "muller") == [corpus["muller"].ref]
    assert count(db, "search_docs", "WHERE case_id = ?", (corpus["nguyen"].id,)) == 0
    assert count(db, "search_index") == count(db, "search_docs")


def test_fts_index_is_inside_the_encrypted_file(
    db: Database, tmp_path: Path, corpus: dict[str, CaseSummary]
) -> None:
    db.checkpoint_truncate()
    raw = (tmp_path / "q.db").read_bytes()
    for word in (b"Okafor", b"okafor", b"rota", b"certificate"):
        assert word not in raw


# ---- snippets: why a case matched (issue 18) ------------------------------------------------------


def marked(snippet: Snippet) -> str:
    return "".join(f"[{text}]" if matched else text for text, matched in snippet.parts)


def test_a_hit_says_why_it_matched(shared_corpus: tuple[Database, dict[str, CaseSummary]]) -> None:
    db, _corpus = shared_corpus
    [note] = search.search(db, "disciplin")
    assert marked(note.snippet) == "[Disciplinary] hearing about the rota"
    [name] = search.search(db, "NGUYEN van")
    assert marked(name.snippet) == "[Nguyễn] [Văn] An"  # folded as the index folds them
    [file] = search.search(db, "arger")
    assert marked(file.snippet) == "Sick certificate \u2013 [\u00c4rger] \u2713.pdf"


def test_search_matches_carry_what_their_snippet_is_made_from(db: Database) -> None:
    summary = add_case(db, "Rota Person")
    event = add_event(db, summary.id, "The rota changed on 1 February without notice.")
    [match] = cases.search_matches(db, "notice")
    assert (match.case, match.source, match.prefix) == (summary, "event", True)
    shown = search.snippets(db, "notice", [match.entry])
    assert marked(shown[match.entry]) == "The rota changed on 1 February without [notice]."
    assert event.body in shown[match.entry].text
    assert search.snippets(db, "notice", []) == {}


def test_a_long_entry_is_cut_around_the_first_match() -> None:
    text = "Background. " * 30 + "The manager refused the\n\ntachograph records. " + "Later. " * 40
    snippet = search.snippet(text, search._highlighter("tachograph", True))
    shown = marked(snippet)
    assert shown.startswith("…") and shown.endswith("…")
    assert "refused the [tachograph] records." in shown  # on one line, the match in view
    assert len(snippet.text) <= search.SNIPPET_CHARS + 2
    assert not snippet.text[1:].startswith(" ") and " Backgr" not in snippet.text[:3]


def test_whole_words_and_prefixes_are_marked_as_they_matched() -> None:
    text = "member members memberships remember"
    assert marked(search.snippet(text, search._highlighter("member", True))) == (
        "[member] [members] [memberships] remember"
    )
    assert marked(search.snippet(text, search._highlighter("member", False))) == (
        "[member] members memberships remember"
    )
    assert marked(search.snippet("Li Wu and Lisa", search._highlighter("li", True))) == "[Li] Wu and Lisa"
    # The index reads "O'Brien's" as three words, o, brien and s: "o'brien" matched the first two.
    assert marked(search.snippet("O'Brien's letter", search._highlighter("o'brien", True))) == (
        "[O'Brien]'s letter"
    )


def test_a_snippet_with_nothing_to_mark_is_the_start_of_the_entry() -> None:
    assert marked(search.snippet("Short note", search._highlighter("zzz", True))) == "Short note"
    assert search.snippet("Short note", None).text == "Short note"


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(max_size=300),
    word=st.text(alphabet=st.characters(categories=("L", "N")), min_size=3, max_size=12),
    after=st.text(max_size=300),
)
def test_a_word_in_any_text_is_found_and_marked(before: str, word: str, after: str) -> None:
    text = f"{before} {word} {after}"
    snippet = search.snippet(text, search._highlighter(word, True))
    matched = [part for part, is_match in snippet.parts if is_match]
    assert matched, "the word itself is in the text"
    folded_word = search._fold(word).replace(search.MARK, "")
    for part in matched:
        assert search._fold(part).replace(search.MARK, "").startswith(folded_word)
    assert all("\n" not in part and "\r" not in part for part, _ in snippet.parts)
