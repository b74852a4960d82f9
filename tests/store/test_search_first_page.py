"""Search's first page at any word frequency (issue 15): a word in up to RANK_CAP entries is
ranked exactly as before; a commoner one gives a first page of real matches, most recently
updated first, without scoring every entry. The oracle is the query search ran before."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta

import pytest

from casevault.store import cases, search
from casevault.store.db import Database
from tests.support.store_rows import T0, add_case, add_event, open_db

WORDS = ["grievance", "grieving", "hearing", "rota", "sickness", "letter", "overtime", "bullying", "tribunal"]


def _before(db: Database, query: str, status: str | None = None, limit: int = 200) -> list[str]:
    """Every matching case ranked by its best entry: search_cases as it was before issue 15."""
    expression = search.to_match_expression(query)
    where, params = ("AND c.status = ?", [status]) if status else ("", [])
    rows = db.query(
        f"""
        SELECT c.ref FROM search_index s
        JOIN search_docs d ON d.rowid = s.rowid JOIN cases c ON c.id = d.case_id
        WHERE search_index MATCH ? {where}
        GROUP BY c.id ORDER BY min(s.rank), c.ref LIMIT ?
        """,
        [expression, *params, limit],
    )
    return [str(r[0]) for r in rows]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_db(tmp_path_factory.mktemp("first-page") / "q.db")
    rng = random.Random(1515)
    for n in range(80):
        when = T0 + timedelta(days=rng.uniform(0, 400))
        case = add_case(db, f"Member {rng.choice(['Okafor', 'Brennan', 'Haddad', 'Nguyen'])} {n}", when=when)
        for _ in range(rng.randint(1, 6)):
            # Zipf-like: "grievance" is in most entries, "tribunal" in a few.
            words = rng.choices(WORDS, weights=[1 / (i + 1) ** 2 for i in range(len(WORDS))], k=4)
            add_event(db, case.id, " ".join(words), when=when + timedelta(hours=rng.uniform(0, 90)))
        if rng.random() < 0.3:
            cases.set_closed(db, case.id, when + timedelta(days=100), when + timedelta(days=400))
    yield db
    db.close()


@pytest.fixture
def cap(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setattr(search, "RANK_CAP", 40)  # the corpus has words on either side of it
    yield 40


def _entries(db: Database, query: str) -> int:
    return int(
        db.scalar(
            "SELECT count(*) FROM search_index WHERE search_index MATCH ?",
            (search.to_match_expression(query),),
        )
    )


@pytest.mark.parametrize("query", ["tribunal", "bullying", "overtime", "okafor", "tribunal rota", "member 7"])
@pytest.mark.parametrize("status", [None, "open", "closed"])
def test_a_word_in_few_entries_is_ranked_as_before(
    corpus: Database, cap: int, query: str, status: str | None
) -> None:
    assert 0 < _entries(corpus, query) <= cap, _entries(corpus, query)
    found = search.matching_cases(corpus, query, status=status)
    assert found.ranked
    assert [c.ref for c in cases.search_cases(corpus, query, status=status)] == _before(corpus, query, status)
    if status is None:
        assert [h.ref for h in search.search(corpus, query)] == _before(corpus, query)


@pytest.mark.parametrize("query", ["grievance", "griev", "hearing", "grievance hearing", "member"])
@pytest.mark.parametrize("status", [None, "open", "closed"])
@pytest.mark.parametrize("limit", [5, 30, 200])
def test_a_common_word_gives_a_page_of_real_matches_newest_first(
    corpus: Database, cap: int, query: str, status: str | None, limit: int
) -> None:
    assert _entries(corpus, query) > cap, _entries(corpus, query)
    every = set(_before(corpus, query, status, limit=10_000))
    found = search.matching_cases(corpus, query, status=status, limit=limit)
    assert not found.ranked
    page = cases.search_cases(corpus, query, status=status, limit=limit)
    refs = [c.ref for c in page]
    assert len(refs) == len(set(refs)) == min(limit, len(every))  # a full page, no case twice
    assert set(refs) <= every  # every one a real match, of the status asked for
    assert all(status in (None, c.status) for c in page)
    assert [(c.updated_at, c.ref) for c in page] == sorted(
        ((c.updated_at, c.ref) for c in page), reverse=True
    )
    if status is None:
        assert [h.ref for h in search.search(corpus, query, limit=limit)] == refs


def test_the_match_shown_for_a_common_word_is_the_kind_that_matched(corpus: Database, cap: int) -> None:
    assert {h.source for h in search.search(corpus, "member")} == {"member"}  # only in names
    assert {h.source for h in search.search(corpus, "grievance")} == {"event"}  # only in notes
