"""The merge rules (casework/merge.py): worked examples of each rule, then hypothesis runs of two
or three devices editing, deleting, purging and syncing in random interleavings, checking that
every order and grouping of their operations converges to one state (conflicts included), that
`join` is commutative, associative and idempotent, and that the result matches an oracle computed
straight from the operations (last writer per field, tombstones, which free-text versions stay)."""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.casework import merge
from casevault.casework.merge import EMPTY, Delete, Key, Op, Purge, State, Write, apply, join, view
from casevault.core.hlc import HybridClock, Timestamp

A, B, C = "a" * 32, "b" * 32, "c" * 32
CASE1, CASE2 = "1" * 32, "2" * 32
MEETING = Key("meeting", "m1", CASE1)
CASE = Key("case", CASE1, CASE1)
FREE = {("meeting", "narrative"), ("note", "body")}
T0 = 1_750_000_000_000


def ts(wall: int, device: str = A) -> Timestamp:
    return Timestamp(T0 + wall, 0, device)


def write(
    key: Key, at: Timestamp, seen: dict[str, frozenset[Timestamp]] | None = None, **fields: Any
) -> Write:
    return Write(key, at, fields, seen or {})


def merged(*ops: Op) -> merge.View:
    """The view after `ops`, checked to be the same in every order."""
    views = [view(apply(EMPTY, order), FREE) for order in itertools.permutations(ops)]
    assert all(v == views[0] for v in views)
    return views[0]


# ---- worked examples ------------------------------------------------------------------------


def test_last_writer_wins_per_field_in_either_order() -> None:
    got = merged(write(CASE, ts(1, A), status="open"), write(CASE, ts(2, B), status="closed"))
    assert got.records == {CASE: {"status": "closed"}}
    assert got.conflicts == ()


def test_fields_written_by_two_devices_both_stand() -> None:
    got = merged(write(CASE, ts(1, A), status="open"), write(CASE, ts(2, B), title="Pay"))
    assert got.records == {CASE: {"status": "open", "title": "Pay"}}


def test_concurrent_edits_of_a_last_writer_wins_field_are_no_conflict() -> None:
    got = merged(write(CASE, ts(5, A), status="open"), write(CASE, ts(3, B), status="closed"))
    assert got.records[CASE] == {"status": "open"}
    assert got.conflicts == ()


def test_concurrent_narratives_keep_both_and_the_rep_is_asked() -> None:
    a, b = write(MEETING, ts(1, A), narrative="A's text"), write(MEETING, ts(2, B), narrative="B's text")
    got = merged(a, b)
    assert got.records[MEETING] == {"narrative": "B's text"}  # the newest, until the rep chooses
    assert got.conflicts == (
        merge.Conflict(MEETING, "narrative", ((ts(2, B), "B's text"), (ts(1, A), "A's text"))),
    )
    choice = write(MEETING, ts(3, A), {"narrative": got.conflicts[0].seen}, narrative="A's text, kept")
    resolved = merged(a, b, choice)
    assert resolved.records[MEETING] == {"narrative": "A's text, kept"}
    assert resolved.conflicts == ()


def test_an_edit_that_saw_the_other_version_replaces_it() -> None:
    a = write(MEETING, ts(1, A), narrative="first")
    b = write(MEETING, ts(2, B), {"narrative": frozenset({a.at})}, narrative="first, corrected")
    got = merged(a, b)
    assert got.records[MEETING] == {"narrative": "first, corrected"}
    assert got.conflicts == ()


def test_a_device_replaces_its_own_earlier_versions_without_saying_so() -> None:
    got = merged(write(MEETING, ts(1, A), narrative="one"), write(MEETING, ts(2, A), narrative="two"))
    assert got.records[MEETING] == {"narrative": "two"}
    assert got.conflicts == ()


def test_a_version_not_seen_survives_an_edit_on_top_of_a_newer_one() -> None:
    """B edits on top of its own b without having received A's a (stamped earlier): a was never
    seen, so it stays in conflict with B's latest; "seen up to a stamp" would have lost it."""
    a = write(MEETING, ts(1, A), narrative="A's")
    b = write(MEETING, ts(2, B), narrative="B's")
    c = write(MEETING, ts(3, B), {"narrative": frozenset({b.at})}, narrative="B's, again")
    got = merged(a, b, c)
    assert [stamp for stamp, _ in got.conflicts[0].versions] == [c.at, a.at]


def test_three_way_conflict_and_a_partial_resolution() -> None:
    a, b, c = (write(MEETING, ts(i, d), narrative=d[:1]) for i, d in ((1, A), (2, B), (3, C)))
    got = merged(a, b, c)
    assert len(got.conflicts[0].versions) == 3
    partial = write(MEETING, ts(4, A), {"narrative": frozenset({a.at, b.at})}, narrative="a+b")
    got = merged(a, b, c, partial)
    assert got.conflicts[0].versions == ((partial.at, "a+b"), (c.at, "c"))


def test_a_tombstone_wins_over_earlier_and_equal_writes_and_a_later_write_brings_it_back() -> None:
    edit = write(CASE, ts(1, A), status="open", title="Pay")
    assert merged(edit, Delete(CASE, ts(2, B))).records == {}
    assert merged(edit, Delete(CASE, ts(1, A))).deleted == {CASE}  # the same stamp: deleted
    later = write(CASE, ts(3, B), status="closed")
    got = merged(edit, Delete(CASE, ts(2, B)), later)
    assert got.records == {CASE: {"status": "closed", "title": "Pay"}}
    assert got.deleted == frozenset()


def test_a_tombstone_that_arrives_first_still_hides_the_earlier_write() -> None:
    state = apply(EMPTY, [Delete(CASE, ts(5))])
    assert view(state, FREE).records == {} and view(state, FREE).deleted == {CASE}
    assert view(apply(state, [write(CASE, ts(4, B), status="x")]), FREE).records == {}


def test_a_purge_wins_over_everything_and_keeps_no_value() -> None:
    note = Key("note", "n1", CASE1)
    other = Key("note", "n2", CASE2)
    before = write(note, ts(1, A), body="secret one")
    after = write(MEETING, ts(1000, B), narrative="secret two")  # later, not having seen the purge
    kept = write(other, ts(2, A), body="other case")
    purge = Purge(CASE1, ts(5, A))
    got = merged(before, after, kept, purge)
    assert got.records == {other: {"body": "other case"}}
    assert got.purged == {CASE1}
    for order in itertools.permutations([before, after, kept, purge]):
        state = apply(EMPTY, order)
        assert "secret" not in repr(state)
    # and an operation on the case that arrives after the purge is dropped on arrival
    state = apply(apply(EMPTY, [purge]), [write(note, ts(2000, C), body="secret three")])
    assert "secret" not in repr(state)
    assert join(state, apply(EMPTY, [before])) == state


def test_two_values_under_one_stamp_resolve_the_same_everywhere() -> None:
    """Only a forged write can do this; every device still picks the same value."""
    one, two = write(CASE, ts(1), status="a"), write(CASE, ts(1), status="b")
    assert merged(one, two).records[CASE] == {"status": "b"}


def test_seen_names_what_a_local_edit_replaces() -> None:
    a, b = write(MEETING, ts(1, A), narrative="x"), write(MEETING, ts(2, B), narrative="y")
    state = apply(EMPTY, [a, b])
    assert merge.seen(state, MEETING, "narrative") == {a.at, b.at}
    assert merge.seen(state, MEETING, "issues") == frozenset()
    assert merge.seen(state, CASE, "status") == frozenset()


def test_the_view_hands_out_copies() -> None:
    state = apply(EMPTY, [write(CASE, ts(1), tags=["a"])])
    view(state, FREE).records[CASE]["tags"].append("b")
    assert view(state, FREE).records[CASE] == {"tags": ["a"]}


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: Write(CASE, ts(1), {}), "at least one field"),
        (lambda: Write(CASE, ts(1), {"": 1}), "at least one field"),
        (lambda: Write(CASE, ts(1), {"a": 1}, {"b": frozenset()}), "only of fields it writes"),
        (lambda: Write(CASE, ts(1), {"a": 1}, {"a": frozenset({ts(1)})}), "before it"),
        (lambda: Write(CASE, ts(1), {"a": 1}, {"a": frozenset({ts(2, B)})}), "before it"),
        (lambda: Key("", "x"), "record key"),
        (lambda: Key("note", "x", None), "record key"),  # type: ignore[arg-type]
        (lambda: Purge("", ts(1)), "names a case"),
        (lambda: apply(EMPTY, [Write(CASE, ts(1), {"a": float("nan")})]), "JSON"),
        (lambda: apply(EMPTY, [Write(CASE, ts(1), {"a": object()})]), "JSON"),
    ],
)
def test_bad_operations_are_refused(make: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        make()


# ---- simulated devices ----------------------------------------------------------------------

KEYS = [
    CASE,
    MEETING,
    Key("note", "n1", CASE1),
    Key("note", "n2", CASE2),
    Key("person", "p1"),  # in no case: no purge reaches it
]
FIELDS = {
    "case": ["status", "title"],
    "meeting": ["narrative", "issues"],
    "note": ["body", "kind"],
    "person": ["name", "email"],
}
DEVICES = [A, B, C]
OFFSETS = [0, 37, -23]  # each device's clock a little off the others'


@dataclass
class Device:
    clock: HybridClock
    offset: int
    state: State = EMPTY


actions = st.lists(
    st.tuples(
        st.integers(0, 2),  # which device acts
        st.sampled_from(["write"] * 10 + ["delete", "purge"] + ["sync"] * 6),
        st.sampled_from([0, 1, 1, 1, 2, 2, 3, 4]),  # a key; mostly those with free text
        st.integers(1, 3),  # which fields (a bit mask)
        st.integers(0, 2),  # where a sync takes from
        st.integers(0, 40),  # milliseconds since the last action
    ),
    min_size=4,
    max_size=60,
)

# Two or three devices taking turns on one narrative and syncing: where conflicts pile up.
narrative_only = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.sampled_from(["write", "write", "sync"]),
        st.just(1),
        st.just(1),
        st.integers(0, 2),
        st.integers(0, 40),
    ),
    min_size=4,
    max_size=30,
)
any_actions = st.one_of(actions, narrative_only)


def run(n_devices: int, steps: list[tuple[int, str, int, int, int, int]]) -> tuple[list[Op], list[Device]]:
    """Devices that edit what they hold and now and then take in another's whole state."""
    devices = [Device(HybridClock(DEVICES[i]), OFFSETS[i]) for i in range(n_devices)]
    ops: list[Op] = []
    values = itertools.count()
    now = T0
    for who, kind, k, mask, source, step in steps:
        now += step
        dev, other = devices[who % n_devices], devices[source % n_devices]
        if kind == "sync":
            if other is not dev and other.clock.last is not None:
                dev.state = join(dev.state, other.state)
                dev.clock.receive(other.clock.last, now + dev.offset)
            continue
        at = dev.clock.tick(now + dev.offset)
        key = KEYS[k]
        op: Op
        if kind == "write":
            names = [name for i, name in enumerate(FIELDS[key.kind]) if mask & (1 << i)]
            fields = {name: f"v{next(values)}" for name in names}
            op = Write(key, at, fields, {name: merge.seen(dev.state, key, name) for name in names})
        elif kind == "delete":
            op = Delete(key, at)
        else:
            op = Purge(CASE1 if mask == 3 else CASE2, at)  # mostly the case with fewer records
        dev.state = apply(dev.state, [op])
        ops.append(op)
    return ops, devices


def oracle(ops: list[Op]) -> dict[str, Any]:
    """What the rules say, straight from the operations with no pruning or joining."""
    purged = {op.case for op in ops if isinstance(op, Purge)}
    writes = [op for op in ops if isinstance(op, Write) and op.key.case not in purged]
    deletes = [op for op in ops if isinstance(op, Delete) and op.key.case not in purged]
    records: dict[Key, dict[str, Any]] = {}
    live: dict[tuple[Key, str], set[Timestamp]] = {}
    for key in {w.key for w in writes}:
        mine = [w for w in writes if w.key == key]
        last_write = max(w.at for w in mine)
        tombstones = [d.at for d in deletes if d.key == key]
        for name in {n for w in mine for n in w.fields}:
            versions = [w for w in mine if name in w.fields]
            stays = {
                v.at
                for v in versions
                if not any(
                    v.at in w.seen.get(name, ()) or (w.at.device == v.at.device and w.at > v.at)
                    for w in versions
                )
            }
            live[key, name] = stays
            if not tombstones or last_write > max(tombstones):
                records.setdefault(key, {})[name] = max(versions, key=lambda w: w.at).fields[name]
    return {"records": records, "live": live, "purged": purged}


PROPERTY = settings(max_examples=250, deadline=None, database=None)


@PROPERTY
@given(st.integers(2, 3), any_actions, st.data())
def test_property_every_order_and_grouping_converges(
    n: int, steps: list[tuple[int, str, int, int, int, int]], data: st.DataObject
) -> None:
    ops, _ = run(n, steps)
    reference = apply(EMPTY, ops)
    shuffled = data.draw(st.permutations(ops), label="order")
    assert apply(EMPTY, shuffled) == reference
    # Split into groups, each applied in its own order, then joined in a random order.
    cuts = sorted(data.draw(st.lists(st.integers(0, len(ops)), max_size=4), label="cuts"))
    bounds = [0, *cuts, len(ops)]
    states = [apply(EMPTY, shuffled[a:b]) for a, b in itertools.pairwise(bounds)]
    states = data.draw(st.permutations(states), label="join order")
    assert functools.reduce(join, states, EMPTY) == reference
    assert functools.reduce(lambda acc, s: join(s, acc), states, EMPTY) == reference
    assert view(functools.reduce(join, states, EMPTY), FREE) == view(reference, FREE)


@PROPERTY
@given(st.integers(2, 3), any_actions)
def test_property_devices_that_sync_everything_hold_one_state(
    n: int, steps: list[tuple[int, str, int, int, int, int]]
) -> None:
    ops, devices = run(n, steps)
    everything = functools.reduce(join, [d.state for d in devices], EMPTY)
    for device in devices:
        device.state = join(device.state, everything)
    assert all(d.state == apply(EMPTY, ops) for d in devices)
    first = view(devices[0].state, FREE)
    assert all(view(d.state, FREE) == first for d in devices)


@PROPERTY
@given(st.integers(2, 3), any_actions)
def test_property_the_merge_follows_the_rules(
    n: int, steps: list[tuple[int, str, int, int, int, int]]
) -> None:
    ops, _ = run(n, steps)
    state = apply(EMPTY, ops)
    got, expected = view(state, FREE), oracle(ops)
    assert got.records == expected["records"]
    assert got.purged == expected["purged"]
    for (key, name), stays in expected["live"].items():
        assert set(state.records[key].fields[name].live) == stays, (key, name)
    conflicted = {
        (k, name)
        for (k, name), stays in expected["live"].items()
        if len(stays) > 1 and (k.kind, name) in FREE
    }
    assert {(c.key, c.field) for c in got.conflicts} == {c for c in conflicted if c[0] in got.records}
    by_stamp = {op.at: op for op in ops if isinstance(op, Write)}
    for conflict in got.conflicts:
        for (s1, _), (s2, _) in itertools.combinations(conflict.versions, 2):
            assert s1.device != s2.device  # a device's later write replaces its earlier one
            assert s2 not in by_stamp[s1].seen.get(conflict.field, ())
            assert s1 not in by_stamp[s2].seen.get(conflict.field, ())
    for op in ops:  # a purge leaves no value of its case in the state
        if isinstance(op, Write) and op.key.case in expected["purged"]:
            assert all(
                f"'{v}'" not in repr(state) and f'"{v}"' not in repr(state) for v in op.fields.values()
            )


@PROPERTY
@given(st.integers(2, 3), any_actions, st.data())
def test_property_join_is_commutative_associative_and_idempotent(
    n: int, steps: list[tuple[int, str, int, int, int, int]], data: st.DataObject
) -> None:
    ops, devices = run(n, steps)
    subsets = st.lists(st.sampled_from(ops), max_size=len(ops)) if ops else st.just([])
    a, b, c = (apply(EMPTY, data.draw(subsets, label=name)) for name in "abc")
    assert join(a, b) == join(b, a)
    assert join(a, join(b, c)) == join(join(a, b), c)
    assert join(a, a) == a
    assert join(a, EMPTY) == a == join(EMPTY, a)
    for device in devices:  # the states devices built by applying and joining as they went
        assert join(device.state, device.state) == device.state
        assert join(device.state, a) == join(a, device.state)
