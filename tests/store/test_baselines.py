"""The raw queries the scale benchmark compares the API with return the same page, as rows."""

from __future__ import annotations

from datetime import timedelta

from casevault.store import baselines, cases
from casevault.store.db import Database
from tests.support.store_rows import T0, add_case, add_event


def test_the_raw_list_page_is_the_api_page(db: Database) -> None:
    made = [add_case(db, f"Member {n}", when=T0 + timedelta(hours=n)) for n in range(12)]
    page = cases.list_cases(db, limit=5)
    rows = baselines.first_page_rows(db, limit=5)
    assert [r[1] for r in rows] == [c.ref for c in page] == [c.ref for c in reversed(made)][:5]


def test_the_raw_fts_rows_are_the_first_matching_entries(db: Database) -> None:
    case = add_case(db, "Aoife Brennan")
    for n in range(5):
        add_event(db, case.id, f"rota meeting {n}")
    add_event(db, case.id, "nothing to see")
    assert len(baselines.fts_first_rowids(db, "rota")) == 5
    assert len(baselines.fts_first_rowids(db, "rota", limit=2)) == 2
    assert baselines.fts_first_rowids(db, "   ") == []
