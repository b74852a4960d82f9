"""The records of progress files and snapshots (casework/sync_snapshot.py): each kind built by its
builder and read back by the strict parser, one test per refusal, parse_progress, and a
hypothesis round trip of snapshot rows through canonical JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.casework import sync_records
from casevault.casework import sync_snapshot as snap
from casevault.casework.sync_records import BY_NAME, TABLES
from casevault.casework.sync_snapshot import End, Kept, Purged, ReadTo, Row, Tomb
from casevault.core.hlc import Timestamp
from casevault.formats import changeset

A, B = "a0" * 16, "b0" * 16
CASE1 = "1" * 32
EVENT = "e" * 32
T0 = 1_750_000_000_000
CLOCK = Timestamp(T0 + 1000, 0, A)
DIGEST = bytes(range(32))


def ts(wall: int, device: str = A, counter: int = 0) -> Timestamp:
    return Timestamp(T0 + wall, counter, device)


CASE_ROW = Row(
    "cases",
    CASE1,
    {"reference": "CV-2025-0001", "status": "open", "opened_on": 20250101, "remedy": None},
    {"reference": ts(1), "status": ts(5, B), "remedy": ts(7)},
)
VERSION_PK = sync_records.encode_pk([EVENT, 2])
TOMB = Tomb("event_versions", VERSION_PK, CASE1, ts(9, B))
PURGED = Purged(CASE1, ts(10))
KEPT = Kept("first_meetings", CASE1, "narrative", ts(3, B), "She was told on the Monday.")
READ = ReadTo(B, 42, DIGEST)
END = End(B)


def parse(raw: Any, clock: Timestamp | None = CLOCK) -> snap.Item:
    return snap.parse_item(raw, clock)


def refused(raw: Any, match: str, clock: Timestamp | None = CLOCK) -> None:
    with pytest.raises(ValueError, match=match):
        snap.parse_item(raw, clock)


# ---- round trips ----------------------------------------------------------------------------


def test_the_tables_used_here_sync_as_assumed() -> None:
    assert "remedy" in BY_NAME["cases"].free_text
    assert "narrative" in BY_NAME["first_meetings"].free_text
    assert BY_NAME["event_versions"].pk == ("event_id", "version") and BY_NAME["event_versions"].of_case
    assert not BY_NAME["settings"].of_case
    assert BY_NAME["cases"].free_text and not BY_NAME["escalations"].free_text


def test_a_row_round_trips() -> None:
    record = snap.row_record(CASE_ROW)
    assert record == {
        "op": "row",
        "t": "cases",
        "k": CASE1,
        "f": CASE_ROW.fields,
        "at": {name: stamp.encode() for name, stamp in CASE_ROW.stamps.items()},
    }
    got = parse(record)
    assert got == CASE_ROW
    assert isinstance(got, Row) and got.stamps["status"].device == B


def test_a_row_with_a_two_column_key_round_trips() -> None:
    row = Row("event_versions", VERSION_PK, {"body": "first note"}, {"body": ts(2)})
    assert parse(snap.row_record(row)) == row


def test_a_row_builder_copies_its_fields() -> None:
    record = snap.row_record(CASE_ROW)
    record["f"]["status"] = "closed"
    assert CASE_ROW.fields["status"] == "open"


def test_a_tomb_round_trips() -> None:
    record = snap.tomb_record(TOMB)
    assert record == {
        "op": "tomb",
        "t": "event_versions",
        "k": VERSION_PK,
        "c": CASE1,
        "at": TOMB.at.encode(),
    }
    assert parse(record) == TOMB


def test_a_tomb_of_a_table_not_of_a_case_may_have_no_case() -> None:
    tomb = Tomb("settings", "casework.jurisdiction", "", ts(4))
    assert parse(snap.tomb_record(tomb)) == tomb


def test_a_purge_round_trips() -> None:
    record = snap.purged_record(PURGED)
    assert record == {"op": "purged", "c": CASE1, "at": PURGED.at.encode()}
    assert parse(record) == PURGED


@pytest.mark.parametrize(
    "kept",
    [
        KEPT,
        Kept("cases", CASE1, "remedy", ts(6), "reinstatement"),
        Kept("event_versions", VERSION_PK, "body", ts(6), None),
    ],
)
def test_a_kept_version_round_trips(kept: Kept) -> None:
    record = snap.kept_record(kept)
    assert record == {
        "op": "kept",
        "t": kept.tbl,
        "k": kept.pk,
        "f": kept.field,
        "at": kept.at.encode(),
        "v": kept.value,
    }
    assert parse(record) == kept


def test_a_read_position_round_trips() -> None:
    record = snap.read_record(READ)
    assert record == {"op": "read", "k": B, "n": 42, "d": DIGEST.hex()}
    assert parse(record) == READ


def test_the_read_position_bounds_are_accepted() -> None:
    for sequence in (1, 10**12 - 1):
        assert parse(snap.read_record(ReadTo(A, sequence, DIGEST))) == ReadTo(A, sequence, DIGEST)


def test_the_end_round_trips_naming_whom_it_was_written_for() -> None:
    record = snap.end_record(END)
    assert record == {"op": "end", "for": B}
    assert parse(record) == END


@pytest.mark.parametrize("joiner", ["", B.upper(), B[:-1], B + "0", "g" * 32, None, 7, [B]])
def test_an_end_naming_no_device_is_refused(joiner: Any) -> None:
    refused({"op": "end", "for": joiner}, "names no device")


def test_every_kind_round_trips_through_canonical_json() -> None:
    items = [CASE_ROW, TOMB, PURGED, KEPT, READ]
    records = [
        snap.row_record(CASE_ROW),
        snap.tomb_record(TOMB),
        snap.purged_record(PURGED),
        snap.kept_record(KEPT),
        snap.read_record(READ),
        snap.end_record(END),
    ]
    decoded = json.loads(changeset.canonical(records))
    assert [parse(raw) for raw in decoded] == [*items, END]


def test_a_stamp_at_the_clock_is_accepted() -> None:
    row = Row("cases", CASE1, {"status": "open"}, {"status": CLOCK})
    assert parse(snap.row_record(row)) == row


def test_without_a_clock_any_stamp_is_accepted() -> None:
    late = Timestamp(2**48 - 1, 0xFFFF, "f" * 32)
    row = Row("cases", CASE1, {"status": "open"}, {"status": late})
    assert parse(snap.row_record(row), clock=None) == row
    assert parse(snap.purged_record(Purged(CASE1, late)), clock=None) == Purged(CASE1, late)
    refused(snap.purged_record(Purged(CASE1, late)), "later than the snapshot")


# ---- refusals -------------------------------------------------------------------------------

ALL_RECORDS = [
    snap.row_record(CASE_ROW),
    snap.tomb_record(TOMB),
    snap.purged_record(PURGED),
    snap.kept_record(KEPT),
    snap.read_record(READ),
    snap.end_record(END),
]


@pytest.mark.parametrize("op", ["w", "d", "device", "ROW", "", None, 3, ["row"], "snapshot"])
def test_an_unknown_op_is_refused(op: Any) -> None:
    refused({**snap.row_record(CASE_ROW), "op": op}, "not of a kind")


@pytest.mark.parametrize("raw", [None, [], "row", 7, [("op", "end")]])
def test_a_record_that_is_not_an_object_is_refused(raw: Any) -> None:
    refused(raw, "not of a kind")


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r["op"])
def test_an_extra_key_is_refused(record: dict[str, Any]) -> None:
    refused({**record, "x": 1}, "not of a kind")


@pytest.mark.parametrize("record", [r for r in ALL_RECORDS if len(r) > 1], ids=lambda r: r["op"])
def test_a_missing_key_is_refused(record: dict[str, Any]) -> None:
    for key in record:
        if key != "op":
            refused({k: v for k, v in record.items() if k != key}, "not of a kind")


def test_a_record_without_an_op_is_refused() -> None:
    refused({k: v for k, v in snap.row_record(CASE_ROW).items() if k != "op"}, "not of a kind")
    refused({"op": "end"}, "not of a kind")  # an end naming nobody


def test_a_stamp_later_than_the_clock_is_refused() -> None:
    after = [ts(1001), Timestamp(CLOCK.wall_ms, 1, A), Timestamp(CLOCK.wall_ms, 0, B)]
    for late in after:
        assert late > CLOCK
        refused(snap.row_record(Row("cases", CASE1, {"status": "x"}, {"status": late})), "later")
        refused(snap.tomb_record(Tomb("cases", CASE1, CASE1, late)), "later")
        refused(snap.purged_record(Purged(CASE1, late)), "later")
        refused(snap.kept_record(Kept("cases", CASE1, "remedy", late, "v")), "later")


@pytest.mark.parametrize(
    "stamp",
    [
        "",
        "now",
        CLOCK.encode().upper(),
        CLOCK.encode() + "0",
        CLOCK.encode()[1:],
        CLOCK.encode().replace("-", "_"),
        " " + CLOCK.encode(),
        T0,
        None,
        [CLOCK.encode()],
    ],
)
def test_a_stamp_that_is_no_stamp_is_refused(stamp: Any) -> None:
    refused({**snap.purged_record(PURGED), "at": stamp}, "no stamp")
    refused({**snap.tomb_record(TOMB), "at": stamp}, "no stamp")
    refused({**snap.kept_record(KEPT), "at": stamp}, "no stamp")
    refused({**snap.row_record(CASE_ROW), "at": {"status": stamp}}, "no stamp")


def test_a_row_stamping_a_field_it_does_not_hold_is_refused() -> None:
    record = snap.row_record(CASE_ROW)
    record["at"]["member_id"] = ts(1).encode()
    refused(record, "stamps a field it does not hold")


@pytest.mark.parametrize(
    ("fields", "stamps"), [({}, {}), (None, {}), (["status"], {}), ({"status": "x"}, None)]
)
def test_a_row_with_no_fields_is_refused(fields: Any, stamps: Any) -> None:
    refused({**snap.row_record(CASE_ROW), "f": fields, "at": stamps}, "holds no fields")


@pytest.mark.parametrize(
    ("tbl", "field"),
    [
        ("cases", "status"),
        ("cases", "reference"),
        ("escalations", "remedy"),
        ("first_meetings", "body"),
        ("cases", 3),
    ],
)
def test_a_kept_version_of_a_field_that_is_not_free_text_is_refused(tbl: str, field: Any) -> None:
    refused({**snap.kept_record(KEPT), "t": tbl, "f": field}, "not of a free-text field")


@pytest.mark.parametrize("tbl", ["audit_log", "sync_self", "sync_versions", "Cases", "", None, 3])
def test_a_table_that_does_not_sync_is_refused(tbl: Any) -> None:
    assert tbl not in {t.name for t in TABLES}
    for record in ALL_RECORDS[:2] + ALL_RECORDS[3:4]:
        refused({**record, "t": tbl}, "does not sync")


@pytest.mark.parametrize("pk", ["", None, 7, f'["{EVENT}", 2]', f'["{EVENT}"]', EVENT, f'["{EVENT}",true]'])
def test_a_bad_pk_is_refused(pk: Any) -> None:
    row = snap.row_record(Row("event_versions", VERSION_PK, {"body": "x"}, {}))
    for record in (
        row,
        snap.tomb_record(TOMB),
        snap.kept_record(Kept("event_versions", VERSION_PK, "body", ts(1), "x")),
    ):
        refused({**record, "k": pk}, "sync record.s id")


def test_an_empty_pk_of_a_one_column_table_is_refused() -> None:
    refused({**snap.row_record(CASE_ROW), "k": ""}, "empty")


def test_a_tomb_with_no_case_for_a_table_of_a_case_is_refused() -> None:
    of_case = [t for t in TABLES if t.of_case]
    assert of_case
    for tbl in of_case:
        pk = "x" if len(tbl.pk) == 1 else sync_records.encode_pk(["x", 1])
        refused(snap.tomb_record(Tomb(tbl.name, pk, "", ts(1))), "not a case id")
        assert parse(snap.tomb_record(Tomb(tbl.name, pk, CASE1, ts(1)))) == Tomb(tbl.name, pk, CASE1, ts(1))


@pytest.mark.parametrize("case", ["A" * 32, "1" * 31, "1" * 33, "g" * 32, None, 1, " " + "1" * 31])
def test_a_case_that_is_not_a_case_id_is_refused(case: Any) -> None:
    refused({**snap.tomb_record(TOMB), "c": case}, "not a case id")
    refused({**snap.tomb_record(Tomb("settings", "k", "", ts(1))), "c": case}, "not a case id")
    refused({**snap.purged_record(PURGED), "c": case}, "not a case id")


def test_a_purge_of_no_case_is_refused() -> None:
    refused(snap.purged_record(Purged("", ts(1))), "not a case id")


@pytest.mark.parametrize("sequence", [0, -1, True, False, 10**12, 10**13, 1.0, "1", None])
def test_a_read_position_out_of_range_is_refused(sequence: Any) -> None:
    refused({**snap.read_record(READ), "n": sequence}, "out of range")


@pytest.mark.parametrize(
    "digest", ["", "00" * 31, "00" * 33, DIGEST.hex().upper(), "zz" * 32, None, list(DIGEST), " " + "0" * 63]
)
def test_a_read_position_with_a_bad_digest_is_refused(digest: Any) -> None:
    refused({**snap.read_record(READ), "d": digest}, "names no device or change set")


@pytest.mark.parametrize("device", ["", B.upper(), B[:-1], B + "0", "g" * 32, None, 7, "../" + B[3:]])
def test_a_read_position_with_a_bad_device_is_refused(device: Any) -> None:
    refused({**snap.read_record(READ), "k": device}, "names no device or change set")


# ---- progress files -------------------------------------------------------------------------


def test_parse_progress_gives_the_positions_by_device() -> None:
    a, b = ReadTo(A, 3, DIGEST), ReadTo(B, 10**12 - 1, bytes(32))
    assert snap.parse_progress((snap.read_record(a), snap.read_record(b))) == {A: a, B: b}
    assert snap.parse_progress(()) == {}


def test_parse_progress_refuses_a_duplicate_device() -> None:
    first, again = ReadTo(A, 3, DIGEST), ReadTo(A, 4, bytes(32))
    with pytest.raises(ValueError, match="one read position a device"):
        snap.parse_progress((snap.read_record(first), snap.read_record(again)))
    with pytest.raises(ValueError, match="one read position a device"):
        snap.parse_progress((snap.read_record(first), snap.read_record(first)))


@pytest.mark.parametrize("other", [*ALL_RECORDS[:4], snap.end_record(END)], ids=lambda r: r["op"])
def test_parse_progress_refuses_a_record_that_is_not_a_read_position(other: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="one read position a device"):
        snap.parse_progress((snap.read_record(READ), other))


def test_parse_progress_refuses_a_malformed_read_position() -> None:
    with pytest.raises(ValueError, match="out of range"):
        snap.parse_progress(({**snap.read_record(READ), "n": 0},))


# ---- properties -----------------------------------------------------------------------------

PROPERTY = settings(max_examples=50, deadline=None, database=None)
DEVICES = st.sampled_from([A, B, "0" * 32, "f" * 32])
field_names = st.text(st.characters(codec="ascii", categories=["Ll", "Nd"]), min_size=1, max_size=12)
field_values = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
)
stamps_to_clock = st.builds(
    Timestamp, st.integers(0, CLOCK.wall_ms - 1), st.integers(0, 0xFFFF), DEVICES
) | st.builds(Timestamp, st.just(CLOCK.wall_ms), st.just(0), st.sampled_from([A, "0" * 32]))


@st.composite
def rows(draw: st.DrawFn) -> Row:
    tbl = draw(st.sampled_from(TABLES))
    if len(tbl.pk) == 1:
        pk = draw(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40))
    else:
        pk = sync_records.encode_pk([draw(st.text(min_size=1, max_size=20)), draw(st.integers(0, 2**63 - 1))])
    fields = draw(st.dictionaries(field_names, field_values, min_size=1, max_size=8))
    stamped = draw(st.lists(st.sampled_from(sorted(fields)), unique=True))
    return Row(tbl.name, pk, fields, {name: draw(stamps_to_clock) for name in stamped})


@PROPERTY
@given(rows())
def test_property_a_row_round_trips_through_canonical_json(row: Row) -> None:
    assert all(stamp <= CLOCK for stamp in row.stamps.values())
    assert parse(snap.row_record(row)) == row
    decoded = json.loads(changeset.canonical([snap.row_record(row)]))[0]
    assert parse(decoded) == row


@PROPERTY
@given(rows(), st.integers(1, 1000))
def test_property_a_row_later_than_the_clock_is_refused(row: Row, ahead: int) -> None:
    name = sorted(row.fields)[0]
    late = Timestamp(CLOCK.wall_ms + ahead, 0, A)
    refused(snap.row_record(Row(row.tbl, row.pk, row.fields, {**row.stamps, name: late})), "later")
    assert parse(snap.row_record(Row(row.tbl, row.pk, row.fields, {name: late})), clock=None).stamps == {
        name: late
    }
