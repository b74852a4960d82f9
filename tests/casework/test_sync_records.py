"""Which tables sync, and the codecs that turn a row into a sync record: record ids with one
spelling each, field values that round-trip through a STRICT column, and field digests."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casevault.casework import sync_records
from casevault.casework.sync_records import BY_NAME, FREE_TEXT, NOT_SYNCED, TABLES


def test_each_table_is_listed_once_and_synced_or_not_never_both() -> None:
    names = [t.name for t in TABLES]
    assert len(names) == len(set(names)) == len(BY_NAME)
    assert not set(names) & set(NOT_SYNCED)
    assert all(not name.startswith("sync_") for name in names)


def test_a_parent_table_comes_before_its_children() -> None:
    order = [t.name for t in TABLES]
    for parent, child in [
        ("members", "cases"),
        ("cases", "events"),
        ("events", "event_versions"),
        ("cases", "action_points"),
        ("procedures", "deadlines"),
    ]:
        assert order.index(parent) < order.index(child)


def test_free_text_names_fields_of_synced_tables_only() -> None:
    assert ("first_meetings", "narrative") in FREE_TEXT
    assert ("event_versions", "body") in FREE_TEXT
    for kind, field in FREE_TEXT:
        assert field not in BY_NAME[kind].derived
        assert field not in BY_NAME[kind].pk


def test_an_unknown_table_is_refused() -> None:
    assert sync_records.table("cases").pk == ("id",)
    for name in ("audit_log", "sync_self", "", "cases; DROP TABLE cases", 3):
        with pytest.raises(ValueError, match="does not sync"):
            sync_records.table(name)  # type: ignore[arg-type]


def test_device_settings_stay_local() -> None:
    assert sync_records.setting_syncs("casework.jurisdiction")
    assert not sync_records.setting_syncs("identity.age")
    assert not sync_records.setting_syncs("identity.ed25519")
    assert not sync_records.setting_syncs("device.anything")
    assert sync_records.setting_syncs("devices")


def test_a_one_column_key_is_its_own_id() -> None:
    cases = BY_NAME["cases"]
    assert sync_records.encode_pk(["abc"]) == "abc"
    assert sync_records.decode_pk(cases, "abc") == ("abc",)
    with pytest.raises(ValueError, match="empty"):
        sync_records.decode_pk(cases, "")


def test_a_two_column_key_is_a_compact_json_array() -> None:
    versions = BY_NAME["event_versions"]
    assert sync_records.encode_pk(["e1", 2]) == '["e1",2]'
    assert sync_records.decode_pk(versions, '["e1",2]') == ("e1", 2)


@pytest.mark.parametrize(
    "pk",
    ['["e1", 2]', '["e1",2,3]', '["e1"]', '{"e1":2}', "e1", '["e1",true]', '["e1",2.0]', '["e\\u0031",2]'],
)
def test_another_spelling_of_a_key_is_refused(pk: str) -> None:
    with pytest.raises(ValueError, match="not a key"):
        sync_records.decode_pk(BY_NAME["event_versions"], pk)


@given(st.text(min_size=1), st.integers(-(2**63), 2**63 - 1))
def test_every_two_column_key_round_trips(text: str, number: int) -> None:
    pk = sync_records.encode_pk([text, number])
    assert sync_records.decode_pk(BY_NAME["event_versions"], pk) == (text, number)


def test_column_values_become_json_with_blobs_as_lower_hex() -> None:
    assert sync_records.to_json(None) is None
    assert sync_records.to_json("Zoë") == "Zoë"
    assert sync_records.to_json(7) == 7
    assert sync_records.to_json(b"\x00\xab") == "00ab"
    assert sync_records.to_json(memoryview(b"\xff")) == "ff"
    for bad in (1.5, True, [1]):
        with pytest.raises(TypeError):
            sync_records.to_json(bad)


@pytest.mark.parametrize(
    ("value", "declared", "stored"),
    [
        (None, "TEXT", None),
        ("x", "TEXT", "x"),
        (3, "INTEGER", 3),
        ("00ab", "BLOB", b"\x00\xab"),
        ("", "BLOB", b""),
    ],
)
def test_fields_go_back_into_columns_of_their_type(value: object, declared: str, stored: object) -> None:
    assert sync_records.from_json(value, declared) == stored


@pytest.mark.parametrize(
    ("value", "declared"),
    [
        ("3", "INTEGER"),
        (True, "INTEGER"),
        (2**63, "INTEGER"),
        (1.0, "INTEGER"),
        (3, "TEXT"),
        (["x"], "TEXT"),
        ("00AB", "BLOB"),
        ("0ab", "BLOB"),
        ("zz", "BLOB"),
        (b"\x00", "BLOB"),
        ("x", "ANY"),
    ],
)
def test_a_field_of_the_wrong_type_is_refused(value: object, declared: str) -> None:
    with pytest.raises(ValueError, match=r"not a valid|out of range"):
        sync_records.from_json(value, declared)


def test_the_digest_is_16_bytes_of_sha256_of_canonical_json() -> None:
    value = {"b": 1, "a": "é"}
    assert sync_records.canonical(value) == '{"a":"é","b":1}'
    assert sync_records.digest(value) == hashlib.sha256('{"a":"é","b":1}'.encode()).digest()[:16]
    assert sync_records.digest("1") != sync_records.digest(1)
    assert sync_records.digest(None) != sync_records.digest("")


@given(st.one_of(st.none(), st.text(), st.integers(-(2**63), 2**63 - 1), st.binary(max_size=64)))
def test_every_column_value_round_trips(value: object) -> None:
    declared = {type(None): "TEXT", str: "TEXT", int: "INTEGER", bytes: "BLOB"}[type(value)]
    assert sync_records.from_json(sync_records.to_json(value), declared) == value
