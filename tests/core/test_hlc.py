"""The hybrid logical clock (core/hlc.py): known answers for each rule of Kulkarni et al.'s
algorithm, the drift refusal, the canonical encodings, and the properties as hypothesis states
them: strictly increasing, above everything received, a total order, and encodings that round
trip and sort as the stamps do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casevault.core import hlc
from casevault.core.errors import CasevaultError
from casevault.core.hlc import (
    COUNTER_MAX,
    MAX_DRIFT_MS,
    WALL_MAX,
    ClockAheadError,
    HybridClock,
    Timestamp,
)

A = "a" * 32
B = "b" * 32
T0 = 1_750_000_000_000  # 2025-06-15, in milliseconds


def ts(wall: int, counter: int = 0, device: str = A) -> Timestamp:
    return Timestamp(wall, counter, device)


# ---- known answers --------------------------------------------------------------------------


def test_a_first_tick_takes_the_wall_time() -> None:
    assert HybridClock(A).tick(T0) == ts(T0)


def test_ticks_in_one_millisecond_count_and_a_later_millisecond_resets_the_counter() -> None:
    clock = HybridClock(A)
    assert [clock.tick(T0) for _ in range(3)] == [ts(T0, 0), ts(T0, 1), ts(T0, 2)]
    assert clock.tick(T0 + 5) == ts(T0 + 5, 0)


def test_a_clock_set_back_keeps_counting_from_where_it_was() -> None:
    clock = HybridClock(A)
    clock.tick(T0)
    assert clock.tick(T0 - 60_000) == ts(T0, 1)
    assert clock.tick(T0 - 59_000) == ts(T0, 2)


def test_a_full_counter_carries_into_the_wall_time_instead_of_wrapping() -> None:
    clock = HybridClock(A, ts(T0, COUNTER_MAX))
    assert clock.tick(T0) == ts(T0 + 1, 0)
    assert hlc.next_received(ts(T0, COUNTER_MAX), A, ts(T0, 3, B), T0) == ts(T0 + 1, 0)


@pytest.mark.parametrize(
    ("last", "remote", "now", "expected"),
    [
        pytest.param(ts(T0, 4), ts(T0, 7, B), T0, ts(T0, 8), id="same wall everywhere: max counter + 1"),
        pytest.param(ts(T0 + 9, 4), ts(T0, 7, B), T0, ts(T0 + 9, 5), id="own clock ahead: own counter + 1"),
        pytest.param(ts(T0, 4), ts(T0 + 9, 7, B), T0, ts(T0 + 9, 8), id="remote ahead: its counter + 1"),
        pytest.param(ts(T0, 4), ts(T0 + 1, 7, B), T0 + 5, ts(T0 + 5, 0), id="now ahead of both: counter 0"),
        pytest.param(None, ts(T0 + 9, 7, B), T0, ts(T0 + 9, 8), id="nothing before: remote counter + 1"),
        pytest.param(None, ts(T0 - 9, 7, B), T0, ts(T0, 0), id="nothing before, remote behind"),
        pytest.param(ts(T0, 4), ts(T0 + 9, 7, B), T0 + 9, ts(T0 + 9, 8), id="now equals remote"),
        pytest.param(ts(T0 + 9, 4), ts(T0, 7, B), T0 + 9, ts(T0 + 9, 5), id="now equals last"),
    ],
)
def test_receive_follows_the_paper(
    last: Timestamp | None, remote: Timestamp, now: int, expected: Timestamp
) -> None:
    clock = HybridClock(A, last)
    assert clock.receive(remote, now) == expected
    assert clock.last == expected


def test_the_device_breaks_ties_and_stamps_order_wall_then_counter_then_device() -> None:
    stamps = [ts(T0, 1, B), ts(T0, 1, A), ts(T0 + 1, 0, A), ts(T0, 2, A)]
    assert sorted(stamps) == [ts(T0, 1, A), ts(T0, 1, B), ts(T0, 2, A), ts(T0 + 1, 0, A)]


def test_encodings_known_answer() -> None:
    stamp = Timestamp(0x0197_7420_B000, 0x0102, "0123456789abcdef" * 2)
    assert stamp.encode() == "01977420b000-0102-0123456789abcdef0123456789abcdef"
    assert str(stamp) == stamp.encode()
    assert len(stamp.encode()) == hlc.TEXT_LEN == 50
    assert stamp.to_bytes().hex() == "01977420b000" + "0102" + "0123456789abcdef" * 2
    assert len(stamp.to_bytes()) == hlc.BYTES_LEN == 24
    assert hlc.decode(stamp.encode()) == stamp
    assert hlc.from_bytes(stamp.to_bytes()) == stamp


@pytest.mark.parametrize(
    "text",
    [
        "",
        "01977420B000-0102-0123456789abcdef0123456789abcdef",  # upper case: a second spelling
        "1977420b000-0102-0123456789abcdef0123456789abcdef",  # short wall
        "01977420b000-102-0123456789abcdef0123456789abcdef",
        "01977420b000-0102-0123456789abcdef0123456789abcde",
        "01977420b000-0102-0123456789abcdef0123456789abcdef\n",
        "01977420b000_0102_0123456789abcdef0123456789abcdef",
        " 01977420b000-0102-0123456789abcdef0123456789abcdef",
        "\uff101977420b000-0102-0123456789abcdef0123456789abcdef",  # a full-width digit
    ],
)
def test_decode_refuses_every_other_spelling(text: str) -> None:
    with pytest.raises(ValueError, match="not an HLC"):
        hlc.decode(text)


@pytest.mark.parametrize("raw", [b"", bytes(23), bytes(25)])
def test_from_bytes_refuses_other_lengths(raw: bytes) -> None:
    with pytest.raises(ValueError, match="24 bytes"):
        hlc.from_bytes(raw)


@pytest.mark.parametrize(
    ("wall", "counter", "device", "match"),
    [
        (-1, 0, A, "wall_ms"),
        (WALL_MAX + 1, 0, A, "wall_ms"),
        (True, 0, A, "wall_ms"),
        (0, -1, A, "counter"),
        (0, COUNTER_MAX + 1, A, "counter"),
        (0, 0, "A" * 32, "device"),
        (0, 0, "a" * 31, "device"),
        (0, 0, "a" * 32 + "\n", "device"),
    ],
)
def test_a_stamp_out_of_range_is_a_bug(wall: int, counter: int, device: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Timestamp(wall, counter, device)


def test_now_out_of_range_is_a_bug_and_a_clock_resumes_only_its_own_stamp() -> None:
    with pytest.raises(ValueError, match="now_ms"):
        HybridClock(A).tick(-5)
    with pytest.raises(ValueError, match="now_ms"):
        HybridClock(A).receive(ts(T0, 0, B), 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="own device"):
        HybridClock(A, ts(T0, 0, B))
    with pytest.raises(ValueError, match="device"):
        HybridClock("not a device")
    with pytest.raises(ValueError, match="end of its range"):
        HybridClock(A, ts(WALL_MAX, COUNTER_MAX)).tick(WALL_MAX)


def test_millis_reads_an_aware_datetime_exactly() -> None:
    moment = datetime(2025, 6, 15, 12, 0, 0, 123_999, tzinfo=UTC)
    assert hlc.millis(moment) == int(moment.timestamp()) * 1000 + 123
    paris = moment.astimezone(timezone(timedelta(hours=2)))
    assert hlc.millis(paris) == hlc.millis(moment)
    assert hlc.millis(datetime(1970, 1, 1, tzinfo=UTC)) == 0
    with pytest.raises(ValueError, match="naive"):
        hlc.millis(datetime(2025, 6, 15))


# ---- drift ----------------------------------------------------------------------------------


def test_a_remote_stamp_just_within_the_drift_bound_is_taken_in() -> None:
    clock = HybridClock(A, ts(T0))
    assert clock.receive(ts(T0 + MAX_DRIFT_MS, 0, B), T0) == ts(T0 + MAX_DRIFT_MS, 1)


@pytest.mark.parametrize(
    ("ahead", "words"),
    [(MAX_DRIFT_MS + 1, "11 minutes"), (3 * 3_600_000, "3 hours"), (400 * 86_400_000, "400 days")],
)
def test_a_remote_stamp_too_far_ahead_is_refused_in_one_sentence_and_changes_nothing(
    ahead: int, words: str
) -> None:
    clock = HybridClock(A, ts(T0, 3))
    with pytest.raises(ClockAheadError) as info:
        clock.receive(ts(T0 + ahead, 0, B), T0)
    err = info.value
    assert isinstance(err, CasevaultError) and err.exit_code == 1
    assert err.message == (
        f"Changes from device bbbbbbbb are dated {words} ahead of this computer's clock, so they "
        "were not applied yet; check the date and time on both devices."
    )
    assert (err.device, err.ahead_ms) == (B, ahead)
    assert clock.last == ts(T0, 3)
    # A refusal is temporary: once this clock has caught up, the same stamp is taken in.
    assert clock.receive(ts(T0 + ahead, 0, B), T0 + ahead) == ts(T0 + ahead, 1)


def test_a_remote_stamp_far_in_the_past_is_taken_in() -> None:
    assert HybridClock(A, ts(T0)).receive(ts(0, 5, B), T0) == ts(T0, 1)


# ---- properties -----------------------------------------------------------------------------

devices = st.sampled_from([A, B, "c" * 32, "0" * 32, "f" * 32])
walls = st.one_of(st.integers(0, WALL_MAX), st.integers(T0 - 5, T0 + 5))
counters = st.one_of(st.integers(0, COUNTER_MAX), st.sampled_from([0, 1, COUNTER_MAX - 1, COUNTER_MAX]))
stamps = st.builds(Timestamp, walls, counters, devices)
# A run of events: a local tick, or the receipt of a stamp a little ahead of or behind now.
events = st.lists(
    st.tuples(st.booleans(), st.integers(-2_000, 2_000), st.integers(-MAX_DRIFT_MS, MAX_DRIFT_MS), counters),
    min_size=1,
    max_size=60,
)
PROPERTY = settings(max_examples=300, deadline=None, database=None)


@PROPERTY
@given(events)
def test_property_every_stamp_is_above_everything_before_it(
    run: list[tuple[bool, int, int, int]],
) -> None:
    clock, now = HybridClock(A), T0
    made: list[Timestamp] = []
    for local, step, offset, counter in run:
        now = max(0, now + step)  # the wall clock jumps about, backwards too
        if local:
            stamp = clock.tick(now)
        else:
            remote = ts(max(0, now + offset), counter, B)
            stamp = clock.receive(remote, now)
            assert stamp > remote
        assert stamp.device == A
        assert all(stamp > before for before in made)
        assert stamp.wall_ms >= now  # never behind the wall clock
        made.append(stamp)


@PROPERTY
@given(st.one_of(st.none(), st.builds(Timestamp, walls, counters, st.just(A))), stamps, walls)
def test_property_receive_is_above_both_inputs(last: Timestamp | None, remote: Timestamp, now: int) -> None:
    if remote.wall_ms - now > MAX_DRIFT_MS:
        with pytest.raises(ClockAheadError):
            hlc.next_received(last, A, remote, now)
        return
    if max(remote.wall_ms, last.wall_ms if last else 0) == WALL_MAX:
        return  # the end of the range: 10889 AD
    got = hlc.next_received(last, A, remote, now)
    assert got > remote
    assert last is None or got > last
    assert got.wall_ms == max(now, remote.wall_ms, last.wall_ms if last else 0) or got.counter == 0


@PROPERTY
@given(stamps, stamps, stamps)
def test_property_the_order_is_total_and_transitive(a: Timestamp, b: Timestamp, c: Timestamp) -> None:
    assert sum([a < b, a == b, a > b]) == 1
    assert (a == b) == ((a.wall_ms, a.counter, a.device) == (b.wall_ms, b.counter, b.device))
    if a <= b <= c:
        assert a <= c


@PROPERTY
@given(stamps, stamps)
def test_property_encodings_round_trip_and_sort_as_the_stamps_do(a: Timestamp, b: Timestamp) -> None:
    assert hlc.decode(a.encode()) == a
    assert hlc.from_bytes(a.to_bytes()) == a
    assert len(a.encode()) == hlc.TEXT_LEN and a.encode().isascii()
    assert (a < b) == (a.encode() < b.encode()) == (a.to_bytes() < b.to_bytes())
    assert (a == b) == (a.encode() == b.encode())
