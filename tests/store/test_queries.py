"""Row-level queries in casevault.store: cases, search, settings and attachment rows, on a real
encrypted database."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from casevault.casework import rules
from casevault.core.model import Attachment, CaseSummary, Event, Member
from casevault.store import cases, files, search, settings
from casevault.store.db import Database

T0 = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def open_db(path: Path) -> Database:
    """A real encrypted database. These tests are about queries, not durability, so commits are
    not fsynced (test_db covers the pragmas the product sets); it keeps the suite fast on a busy
    disk."""
    database = Database.open(path, os.urandom(32), create=True, key_verified=True)
    database.execute("PRAGMA synchronous = OFF")
    return database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_db(tmp_path / "q.db")
    yield database
    database.close()


def new_id() -> str:
    return secrets.token_hex(16)


def add_case(
    db: Database,
    name: str,
    *,
    when: datetime = T0,
    case_type: str = "general",
    member: Member | None = None,
) -> CaseSummary:
    """A case as Vault.new_case writes it, through the store functions only."""
    case_id = new_id()
    with db.transaction():
        ref = rules.format_ref(when, cases.next_ref_number(db, when.year))
        if member is None:
            member = Member(id=new_id(), name=name, email="")
            cases.insert_member(db, member, when)
        cases.insert_case(
            db,
            case_id=case_id,
            ref=ref,
            member=member,
            case_type=case_type,
            wrapped_key=os.urandom(60),
            now=when,
        )
    summary = cases.get_summary(db, case_id)
    assert summary is not None
    return summary


def add_event(db: Database, case_id: str, body: str, when: datetime = T0, kind: str = "note") -> Event:
    event = Event(id=new_id(), kind=kind, occurred_at=when, recorded_at=when, body=body)
    cases.insert_event(db, case_id, event)
    return event


def add_attachment(db: Database, case_id: str, name: str, when: datetime = T0, size: int = 10) -> Attachment:
    attachment = Attachment(id=new_id(), case_id=case_id, name=name, size=size, added_at=when)
    files.begin_import(db, case_id, attachment.id, when)
    files.insert(db, attachment, os.urandom(60))
    return attachment


def count(db: Database, table: str, where: str = "", params: tuple[Any, ...] = ()) -> int:
    return int(db.scalar(f"SELECT count(*) FROM {table} {where}", params))


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
TYPES = ["grievance", "discipline", "grievance", "sickness", "discipline", "grievance"]
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
    # "due" may be empty, so it has its own tests (tests/store/test_next_due.py).
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


def test_paging_gives_every_case_once(db: Database) -> None:
    for i in range(23):
        add_case(db, f"Member {i:02d}", when=T0 + timedelta(minutes=i))
    everything = [s.ref for s in cases.list_cases(db, sort="opened", descending=False, limit=1000)]
    assert len(everything) == 23
    pages = [
        [s.ref for s in cases.list_cases(db, sort="opened", descending=False, limit=5, offset=off)]
        for off in range(0, 25, 5)
    ]
    assert [len(p) for p in pages] == [5, 5, 5, 5, 3]
    flat = [ref for page in pages for ref in page]
    assert flat == everything
    assert len(set(flat)) == 23
    assert cases.list_cases(db, limit=5, offset=23) == []
    assert pages[0] == [f"CV-2026-{n:04d}" for n in range(1, 6)]


def test_paging_descending_is_the_reverse(db: Database) -> None:
    for i in range(12):
        add_case(db, f"Member {i:02d}", when=T0 + timedelta(minutes=i))
    up = [
        s.ref
        for off in (0, 4, 8)
        for s in cases.list_cases(db, sort="ref", descending=False, limit=4, offset=off)
    ]
    down = [
        s.ref
        for off in (0, 4, 8)
        for s in cases.list_cases(db, sort="ref", descending=True, limit=4, offset=off)
    ]
    assert down == list(reversed(up))


def test_ties_are_broken_by_ref_so_pages_are_stable(db: Database) -> None:
    for _ in range(10):
        add_case(db, "Same Name", case_type="same")  # every sort column ties
    for sort in SORT_KEYS:
        pages = [s.ref for off in (0, 3, 6, 9) for s in cases.list_cases(db, sort=sort, limit=3, offset=off)]
        assert len(set(pages)) == 10, sort


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
    summary = add_case(db, "Quetzal Wibble", case_type="discipline")
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
    assert record.case_type == "discipline"
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


# ---- settings ------------------------------------------------------------------------------


def test_settings_get_put_overwrite(db: Database) -> None:
    assert settings.get(db, "retention.default_days") is None
    settings.put(db, "retention.default_days", "30")
    assert settings.get(db, "retention.default_days") == "30"
    settings.put(db, "retention.default_days", "90")
    assert settings.get(db, "retention.default_days") == "90"
    settings.put(db, "other", "Ünïcode ✓")
    assert settings.get(db, "other") == "Ünïcode ✓"
    assert count(db, "settings") == 2


# ---- attachment rows ---------------------------------------------------------------------------


def test_import_lifecycle_rows(db: Database) -> None:
    summary = add_case(db, "Ada")
    file_id = new_id()
    files.begin_import(db, summary.id, file_id, T0)
    assert files.pending_imports(db) == [(summary.id, file_id)]
    attachment = Attachment(id=file_id, case_id=summary.id, name="a.pdf", size=3, added_at=T0)
    wrapped = os.urandom(60)
    files.insert(db, attachment, wrapped)
    assert files.pending_imports(db) == []
    assert files.get(db, file_id) == (attachment, wrapped)
    assert files.get(db, new_id()) is None


def test_abandon_import(db: Database) -> None:
    summary = add_case(db, "Ada")
    file_id = new_id()
    files.begin_import(db, summary.id, file_id, T0)
    files.abandon_import(db, file_id)
    assert files.pending_imports(db) == []
    assert files.for_case(db, summary.id) == []


def test_attachment_rows_per_case(db: Database) -> None:
    a, b = add_case(db, "A"), add_case(db, "B")
    late = add_attachment(db, a.id, "a-late.pdf", T0 + timedelta(hours=2))
    early_z = add_attachment(db, a.id, "z.pdf", T0 + timedelta(hours=1))
    early_b = add_attachment(db, a.id, "b.pdf", T0 + timedelta(hours=1))
    other = add_attachment(db, b.id, "other.pdf")
    assert [x.id for x in files.for_case(db, a.id)] == [early_b.id, early_z.id, late.id]
    assert [x.id for x in files.for_case(db, b.id)] == [other.id]
    assert files.ids_by_case(db) == {a.id: {late.id, early_z.id, early_b.id}, b.id: {other.id}}
    assert sorted(x.id for x, _ in files.all_with_keys(db)) == sorted(
        [late.id, early_z.id, early_b.id, other.id]
    )
    touched = cases.get_summary(db, a.id)
    assert touched is not None
    assert touched.updated_at == T0 + timedelta(hours=1)  # the last insert's added_at


def test_attachment_needs_an_existing_case(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        add_attachment(db, new_id(), "x.pdf")
    assert count(db, "attachments") == 0
    assert files.pending_imports(db) != []  # begin_import is its own statement; insert failed


# ---- search --------------------------------------------------------------------------------


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


@pytest.mark.parametrize("status", [None, "open", "closed"], ids=["all", "open", "closed"])
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", ["updated", "due", "member", "ref", "type", "status"])
def test_the_case_list_pages_through_an_index_without_sorting(
    db: Database, status: str | None, descending: bool, sort: str
) -> None:
    """The case list's usual orders must not sort the whole table for every page of 200 rows
    (with 100k cases that is what makes scrolling stutter)."""
    sql, params = cases.list_query(status=status, sort=sort, descending=descending)
    plan = " | ".join(str(row[3]) for row in db.query(f"EXPLAIN QUERY PLAN {sql}", [*params, 200, 0]))
    assert "TEMP B-TREE" not in plan, plan
    assert "USING INDEX" in plan, plan
