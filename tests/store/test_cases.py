"""The case rows (casevault.store.cases) on a real encrypted database: references, listing,
sorting and paging, members, events, closing and erasing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from casevault.casework import rules
from casevault.core.model import CaseSummary, ListCursor
from casevault.store import cases, files, search
from casevault.store.db import Database
from tests.support.store_rows import T0, add_attachment, add_case, add_event, count, new_id, open_db

# ---- references -----------------------------------------------------------------------------


def test_ref_counter_is_a_sequence_per_year(db: Database) -> None:
    with db.transaction():
        assert [cases.next_ref_number(db, 2026) for _ in range(3)] == [1, 2, 3]
        assert cases.next_ref_number(db, 2027) == 1
        assert cases.next_ref_number(db, 2026) == 4
        assert cases.next_ref_number(db, 2027) == 2


def test_refs_follow_the_year_of_opening(db: Database) -> None:
    refs = [
        add_case(db, "A").ref,
        add_case(db, "B").ref,
        add_case(db, "C", when=datetime(2027, 1, 1, tzinfo=UTC)).ref,
        add_case(db, "D").ref,
    ]
    assert refs == ["CV-2026-0001", "CV-2026-0002", "CV-2027-0001", "CV-2026-0003"]


def test_ref_counter_rolls_back_with_its_transaction(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction():
        cases.next_ref_number(db, 2026)
        raise RuntimeError
    assert add_case(db, "A").ref == "CV-2026-0001"


def test_ref_format_grows_past_four_digits() -> None:
    ref = rules.format_ref(T0, 12345)
    assert ref == "CV-2026-12345"
    assert rules.REF_PATTERN.match(ref)


def test_case_id_for_ref_and_summary(db: Database) -> None:
    summary = add_case(db, "Ada Example", case_type="grievance")
    assert cases.case_id_for_ref(db, summary.ref) == summary.id
    assert cases.case_id_for_ref(db, "CV-2026-9999") is None
    assert summary.member_name == "Ada Example"
    assert summary.case_type == "grievance"
    assert summary.status == "open"
    assert summary.opened_at == T0
    assert summary.updated_at == T0
    assert summary.closed_at is None
    assert summary.retain_until is None
    assert cases.get_summary(db, new_id()) is None


# ---- listing, sorting, paging -----------------------------------------------------------------

NAMES = ["alice", "Bob", "carol", "Dave", "eve", "Frank"]
TYPES = ["grievance", "disciplinary", "grievance", "sickness", "disciplinary", "grievance"]
# Case i was opened at T0 + OPENED[i] hours; its last update was at T0 + UPDATED[i] hours.
OPENED = [5, 1, 3, 0, 4, 2]
UPDATED = [20, 10, 30, 15, 25, 12]
CLOSED = {1, 4}

SORT_KEYS: dict[str, Callable[[CaseSummary], Any]] = {
    "ref": lambda s: s.ref,
    "member": lambda s: s.member_name.lower(),
    "type": lambda s: s.case_type,
    "status": lambda s: s.status,
    "opened": lambda s: s.opened_at,
    "updated": lambda s: s.updated_at,
}


def _make_listed(db: Database) -> list[CaseSummary]:
    made = [
        add_case(db, name, when=T0 + timedelta(hours=OPENED[i]), case_type=TYPES[i])
        for i, name in enumerate(NAMES)
    ]
    for i, summary in enumerate(made):
        when = T0 + timedelta(hours=UPDATED[i])
        if i in CLOSED:
            cases.set_closed(db, summary.id, when, when + timedelta(days=30))
        else:
            cases.touch(db, summary.id, when)
    out = [cases.get_summary(db, s.id) for s in made]
    assert all(s is not None for s in out)
    return [s for s in out if s is not None]


@pytest.fixture(scope="module")
def listing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, list[CaseSummary]]]:
    """Read-only tests share one database (each commit is fsynced, so building it costs)."""
    database = open_db(tmp_path_factory.mktemp("listing") / "q.db")
    yield database, _make_listed(database)
    database.close()


def test_sort_keys_cover_every_sortable_column() -> None:
    # "due" may be empty, so it has its own tests (tests/vault/test_next_due.py).
    assert set(SORT_KEYS) | {"due"} == set(cases._SORTABLE)


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", list(SORT_KEYS))
def test_list_cases_sorts_by_every_key(
    listing: tuple[Database, list[CaseSummary]], sort: str, descending: bool
) -> None:
    db, listed = listing
    key = SORT_KEYS[sort]
    expected = [s.ref for s in sorted(listed, key=lambda s: (key(s), s.ref), reverse=descending)]
    got = [s.ref for s in cases.list_cases(db, sort=sort, descending=descending)]
    assert got == expected


def test_member_sort_ignores_case(listing: tuple[Database, list[CaseSummary]]) -> None:
    db, _ = listing
    names = [s.member_name for s in cases.list_cases(db, sort="member", descending=False)]
    assert names == ["alice", "Bob", "carol", "Dave", "eve", "Frank"]


def test_default_order_is_most_recently_updated_first(listing: tuple[Database, list[CaseSummary]]) -> None:
    db, _ = listing
    got = [s.member_name for s in cases.list_cases(db)]
    assert got == ["carol", "eve", "alice", "Dave", "Frank", "Bob"]


@pytest.mark.parametrize("status", ["open", "closed"])
def test_list_cases_filters_by_status(listing: tuple[Database, list[CaseSummary]], status: str) -> None:
    db, listed = listing
    got = cases.list_cases(db, status=status, sort="ref", descending=False)
    expected = sorted(s.ref for s in listed if s.status == status)
    assert [s.ref for s in got] == expected
    assert all(s.status == status for s in got)
    assert cases.count_cases(db, status) == len(expected)


def test_count_cases(listing: tuple[Database, list[CaseSummary]]) -> None:
    db, _ = listing
    assert cases.count_cases(db) == 6
    assert cases.count_cases(db, "open") == 4
    assert cases.count_cases(db, "closed") == 2
    assert cases.count_cases(db, None) == 6


@pytest.mark.parametrize("bad", ["name", "c.ref", "ref; DROP TABLE cases", "", "REF", "member_name"])
def test_list_cases_refuses_unknown_sort_keys(listing: tuple[Database, list[CaseSummary]], bad: str) -> None:
    db, _ = listing
    with pytest.raises(ValueError, match="cannot sort cases by"):
        cases.list_cases(db, sort=bad)
    assert cases.count_cases(db) == 6


def _pages(db: Database, size: int, **order: Any) -> list[list[str]]:
    """Every page of the list, each started from the cursor the one before returned."""
    pages: list[list[str]] = []
    after: ListCursor | None = None
    while True:
        page, after = cases.list_page(db, limit=size, after=after, **order)
        pages.append([s.ref for s in page])
        if after is None:
            return pages


def test_paging_gives_every_case_once(db: Database) -> None:
    for i in range(23):
        add_case(db, f"Member {i:02d}", when=T0 + timedelta(minutes=i))
    everything = [s.ref for s in cases.list_cases(db, sort="opened", descending=False, limit=1000)]
    assert len(everything) == 23
    pages = _pages(db, 5, sort="opened", descending=False)
    assert [len(p) for p in pages] == [5, 5, 5, 5, 3]
    flat = [ref for page in pages for ref in page]
    assert flat == everything
    assert len(set(flat)) == 23
    assert pages[0] == [f"CV-2026-{n:04d}" for n in range(1, 6)]
    # A last page that is exactly full says so by the empty page after it.
    assert [len(p) for p in _pages(db, 23, sort="opened")] == [23, 0]


def test_paging_descending_is_the_reverse(db: Database) -> None:
    for i in range(12):
        add_case(db, f"Member {i:02d}", when=T0 + timedelta(minutes=i))
    up = [ref for page in _pages(db, 4, sort="ref", descending=False) for ref in page]
    down = [ref for page in _pages(db, 4, sort="ref", descending=True) for ref in page]
    assert len(up) == 12
    assert down == list(reversed(up))


def test_ties_are_broken_by_ref_so_pages_are_stable(db: Database) -> None:
    for _ in range(10):
        add_case(db, "Same Name", case_type="general")  # every sort column ties
    for sort in SORT_KEYS:
        for descending in (False, True):
            flat = [ref for page in _pages(db, 3, sort=sort, descending=descending) for ref in page]
            assert len(flat) == len(set(flat)) == 10, sort


@pytest.mark.parametrize("status", [None, "open", "closed"], ids=["all", "open", "closed"])
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", sorted({*SORT_KEYS, "due"}))
def test_keyset_pages_are_the_whole_sorted_list(
    db: Database, status: str | None, descending: bool, sort: str
) -> None:
    """Pages by cursor, whatever the order, are exactly the one long list: with ties on the key,
    cases with no due date (the two runs of the due order), and mixed-case names."""
    names = ["ada", "Ada", "bea", "Bea", "cai", "ada"]
    made = []
    for i in range(17):
        made.append(
            add_case(
                db, names[i % len(names)], case_type=("x", "y")[i % 2], when=T0 + timedelta(minutes=i % 5)
            )
        )
    for i, summary in enumerate(made):
        if i % 3 == 0:
            cases.set_closed(db, summary.id, T0 + timedelta(days=i), T0 + timedelta(days=400 + i % 4))
    order = {"status": status, "sort": sort, "descending": descending}
    whole = [s.ref for s in cases.list_cases(db, limit=1000, **order)]
    for size in (1, 2, 5, 100):
        assert [ref for page in _pages(db, size, **order) for ref in page] == whole, size


# ---- members, events, closing, erasing ---------------------------------------------------------


def test_get_member_and_missing_case(db: Database) -> None:
    summary = add_case(db, "Ada")
    member = cases.get_member(db, summary.id)
    assert member.name == "Ada"
    with pytest.raises(LookupError):
        cases.get_member(db, new_id())


def test_events_are_ordered_by_when_they_happened(db: Database) -> None:
    summary = add_case(db, "Ada")
    late = add_event(db, summary.id, "third", T0 + timedelta(days=2))
    early = add_event(db, summary.id, "first", T0 - timedelta(days=1))
    middle = add_event(db, summary.id, "second", T0 + timedelta(hours=1))
    assert [e.id for e in cases.events(db, summary.id)] == [early.id, middle.id, late.id]
    assert [e.body for e in cases.events(db, summary.id)] == ["first", "second", "third"]


def test_insert_event_touches_the_case(db: Database) -> None:
    summary = add_case(db, "Ada")
    add_event(db, summary.id, "x", T0 + timedelta(days=3))
    after = cases.get_summary(db, summary.id)
    assert after is not None
    assert after.updated_at == T0 + timedelta(days=3)


def test_bad_event_kind_is_refused_by_the_schema(db: Database) -> None:
    summary = add_case(db, "Ada")
    with pytest.raises(Exception, match="CHECK constraint failed"):
        add_event(db, summary.id, "x", kind="gossip")
    assert cases.events(db, summary.id) == []
    assert search.search(db, "x") == []


def test_close_and_reopen_rows(db: Database) -> None:
    summary = add_case(db, "Ada")
    closed_at = T0 + timedelta(days=1)
    cases.set_closed(db, summary.id, closed_at, closed_at + timedelta(days=30))
    closed = cases.get_summary(db, summary.id)
    assert closed is not None
    assert (closed.status, closed.closed_at, closed.retain_until) == (
        "closed",
        closed_at,
        closed_at + timedelta(days=30),
    )
    assert [c.id for c in cases.closed_cases(db)] == [summary.id]
    cases.set_reopened(db, summary.id, T0 + timedelta(days=2))
    reopened = cases.get_summary(db, summary.id)
    assert reopened is not None
    assert (reopened.status, reopened.closed_at, reopened.retain_until) == ("open", None, None)
    assert cases.closed_cases(db) == []


def test_closed_cases_are_ordered_by_retain_until(db: Database) -> None:
    a, b, c = (add_case(db, n) for n in "ABC")
    cases.set_closed(db, a.id, T0, T0 + timedelta(days=30))
    cases.set_closed(db, b.id, T0, T0 + timedelta(days=3))
    cases.set_closed(db, c.id, T0, T0 + timedelta(days=300))
    assert [s.id for s in cases.closed_cases(db)] == [b.id, a.id, c.id]


def test_erase_case_removes_every_row_and_leaves_a_nameless_record(db: Database) -> None:
    keep = add_case(db, "Keeper Person")
    summary = add_case(db, "Quetzal Wibble", case_type="disciplinary")
    add_event(db, summary.id, "secret note about Wibble")
    attachment = add_attachment(db, summary.id, "wibble-letter.pdf")
    cases.set_closed(db, summary.id, T0 + timedelta(days=1), T0 + timedelta(days=2))
    closed = cases.get_summary(db, summary.id)
    assert closed is not None
    member_id = cases.get_member(db, summary.id).id

    cases.erase_case(db, closed, T0 + timedelta(days=3))

    assert cases.get_summary(db, summary.id) is None
    assert cases.wrapped_case_key(db, summary.id) is None
    assert count(db, "members", "WHERE id = ?", (member_id,)) == 0
    assert count(db, "events", "WHERE case_id = ?", (summary.id,)) == 0
    assert count(db, "attachments", "WHERE case_id = ?", (summary.id,)) == 0
    assert files.get(db, attachment.id) is None
    assert count(db, "search_docs", "WHERE case_id = ?", (summary.id,)) == 0
    assert count(db, "search_index") == count(db, "search_docs") == 1  # only the keeper's name
    assert search.search(db, "wibble") == []
    assert [h.ref for h in search.search(db, "keeper")] == [keep.ref]

    rows = db.query("SELECT * FROM deletions")
    assert len(rows) == 1
    assert not any("Wibble" in str(v) or "Quetzal" in str(v) for v in rows[0])
    [record] = cases.deletions(db)
    assert record.ref == summary.ref
    assert record.case_type == "disciplinary"
    assert record.opened_at == T0
    assert record.closed_at == T0 + timedelta(days=1)
    assert record.deleted_at == T0 + timedelta(days=3)
    assert cases.deleted_case_ids(db) == {summary.id}
    assert cases.all_case_ids(db) == {keep.id}


def test_erase_case_keeps_a_member_with_another_case(db: Database) -> None:
    first = add_case(db, "Shared Member")
    member = cases.get_member(db, first.id)
    second = add_case(db, "ignored", member=member)
    cases.erase_case(db, first, T0)
    assert count(db, "members", "WHERE id = ?", (member.id,)) == 1
    assert cases.get_member(db, second.id) == member
    cases.erase_case(db, second, T0)
    assert count(db, "members") == 0


@pytest.mark.parametrize("status", [None, "open", "closed"], ids=["all", "open", "closed"])
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", ["updated", "due", "member", "ref", "type", "status"])
def test_the_case_list_pages_through_an_index_without_sorting(
    db: Database, status: str | None, descending: bool, sort: str
) -> None:
    """The case list's usual orders must not sort the whole table for every page of 200 rows
    (with 100k cases that is what makes scrolling stutter)."""
    for after in (
        None,
        ListCursor("2026-01-02T00:00:00.000000Z", "CV-2026-0001"),
        ListCursor(None, "CV-2026-0001"),
    ):
        if after is not None and after.key is None and sort != "due":
            continue  # only the due order has a run of cases with no key
        sql, params = cases.list_query(status=status, sort=sort, descending=descending, after=after)
        plan = " | ".join(str(row[3]) for row in db.query(f"EXPLAIN QUERY PLAN {sql}", [*params, 200]))
        assert "TEMP B-TREE" not in plan, (after, plan)
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (after, plan)
        if after is not None:  # a page after a cursor seeks to it rather than scanning from the top
            assert "SEARCH c USING" in plan and ("<" in plan or ">" in plan), (after, plan)
