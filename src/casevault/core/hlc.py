"""A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014) for sync.

A `Timestamp` is (wall milliseconds, logical counter, device id), ordered in that order, so any
two are comparable and two devices never make the same one. A device keeps a `HybridClock`:
`tick(now_ms)` stamps a local change, `receive(remote, now_ms)` takes in a stamp from another
device. Both give a stamp greater than every stamp the clock has made or received, so a change
made after seeing another always sorts after it, whatever the two wall clocks say; and while
clocks agree the wall part stays within a few milliseconds of real time, so "last writer wins"
means what a rep expects.

`now_ms` is always passed in (DESIGN.md: time is injected); `millis()` turns the Session's clock
reading into it. Nothing here reads the wall clock.

Guarantees:
- `tick` and `receive` are strictly increasing, even if `now_ms` goes backwards (a clock set
  back, a suspended laptop): the counter moves instead. When the counter is full (65,535 stamps
  in one millisecond) the wall part moves on by 1 ms rather than wrapping.
- Encodings are canonical and sort as the stamps do: `encode()` is 50 ASCII characters
  (`<wall 12 hex>-<counter 4 hex>-<device 32 hex>`), `to_bytes()` 24 bytes big-endian; both are
  read back only in that exact form (lower-case hex, fixed widths), so one stamp has one spelling.

Drift is refused, not clamped: `receive` raises ClockAheadError for a stamp more than
MAX_DRIFT_MS ahead of `now_ms`. An HLC never goes back, so taking such a stamp in would carry this
device's clock into the future for good, and every change stamped from it would beat any edit
made in the meantime until real time caught up: one device with its date wrong (or a hostile
writer) could make its edits unbeatable. Clamping it instead would keep that stamp in the record
while our clock stayed behind it, breaking "a change made after seeing another sorts after it".
A refusal is temporary: the same change set applies once the clocks agree.

Not guaranteed: that the wall part is the real time of a change (it is the device's clock, at
best NTP's accuracy), nor anything about stamps from before a device's state was lost: a device
restored from a backup must first take in its own newest stamp from the sync folder.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from casevault.core.errors import CasevaultError

WALL_MAX: Final = (1 << 48) - 1  # milliseconds: the year 10889
COUNTER_MAX: Final = 0xFFFF
# NTP keeps clocks within a second; a laptop without it drifts seconds a day. Ten minutes ahead
# is a clock set wrong (a time zone taken for UTC, a dead RTC battery), which the rep should fix.
MAX_DRIFT_MS: Final = 10 * 60 * 1000
DEVICE_HEX: Final = 32
TEXT_LEN: Final = 12 + 1 + 4 + 1 + DEVICE_HEX
BYTES_LEN: Final = 24

_DEVICE = re.compile(r"[0-9a-f]{32}")
_TEXT = re.compile(r"([0-9a-f]{12})-([0-9a-f]{4})-([0-9a-f]{32})")
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_PACKED = struct.Struct(">HIH16s")  # wall as 2 + 4 bytes (struct has no 6-byte integer)


class ClockAheadError(CasevaultError):
    """A remote stamp is further ahead of this device's clock than MAX_DRIFT_MS (exit 1)."""

    def __init__(self, device: str, ahead_ms: int) -> None:
        super().__init__(
            f"Changes from device {device[:8]} are dated {_duration(ahead_ms)} ahead of this "
            "computer's clock, so they were not applied yet; check the date and time on both devices."
        )
        self.device = device
        self.ahead_ms = ahead_ms


def _duration(ms: int) -> str:
    minutes = -(-ms // 60_000)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = -(-minutes // 60)
    return f"{hours} hours" if hours < 48 else f"{-(-hours // 24)} days"


def _check_int(value: int, top: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
        raise ValueError(f"{what} must be an integer from 0 to {top}")


def check_device(device: str) -> None:
    if not isinstance(device, str) or _DEVICE.fullmatch(device) is None:
        raise ValueError("a device id is 32 lower-case hex digits")


@dataclass(frozen=True, order=True)
class Timestamp:
    """One stamp. Compared field by field: wall time, then counter, then device id (lower-case
    hex of fixed width compares as the bytes do)."""

    wall_ms: int
    counter: int
    device: str

    def __post_init__(self) -> None:
        _check_int(self.wall_ms, WALL_MAX, "wall_ms")
        _check_int(self.counter, COUNTER_MAX, "counter")
        check_device(self.device)

    def encode(self) -> str:
        return f"{self.wall_ms:012x}-{self.counter:04x}-{self.device}"

    def to_bytes(self) -> bytes:
        return _PACKED.pack(
            self.wall_ms >> 32, self.wall_ms & 0xFFFFFFFF, self.counter, bytes.fromhex(self.device)
        )

    def __str__(self) -> str:
        return self.encode()


def decode(text: str) -> Timestamp:
    """The stamp `encode()` wrote; ValueError for anything else (upper case, other widths)."""
    match = _TEXT.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValueError("not an HLC timestamp")
    wall, counter, device = match.groups()
    return Timestamp(int(wall, 16), int(counter, 16), device)


def from_bytes(raw: bytes) -> Timestamp:
    """The stamp `to_bytes()` wrote; ValueError for anything else."""
    if not isinstance(raw, bytes) or len(raw) != BYTES_LEN:
        raise ValueError("an HLC timestamp is 24 bytes")
    high, low, counter, device = _PACKED.unpack(raw)
    return Timestamp((high << 32) | low, counter, device.hex())


def millis(moment: datetime) -> int:
    """Milliseconds since the Unix epoch of an aware datetime (the Session's clock reading)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a naive datetime has no place on the clock")
    # Integer arithmetic on the timedelta: float seconds can be a millisecond off.
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def _after(wall: int, counter: int, device: str) -> Timestamp:
    """(wall, counter + 1), carrying a full counter into the wall time."""
    if counter < COUNTER_MAX:
        return Timestamp(wall, counter + 1, device)
    if wall >= WALL_MAX:
        raise ValueError("the clock has reached the end of its range")
    return Timestamp(wall + 1, 0, device)


def next_local(last: Timestamp | None, device: str, now_ms: int) -> Timestamp:
    """The stamp of a local event after `last` (None: the clock's first event)."""
    check_device(device)
    _check_int(now_ms, WALL_MAX, "now_ms")
    if last is None or now_ms > last.wall_ms:
        return Timestamp(now_ms, 0, device)
    return _after(last.wall_ms, last.counter, device)


def next_received(last: Timestamp | None, device: str, remote: Timestamp, now_ms: int) -> Timestamp:
    """The stamp of receiving `remote`: above both `last` and `remote`. Raises ClockAheadError
    if `remote` is more than MAX_DRIFT_MS ahead of `now_ms`, and leaves nothing changed."""
    check_device(device)
    _check_int(now_ms, WALL_MAX, "now_ms")
    if remote.wall_ms - now_ms > MAX_DRIFT_MS:
        raise ClockAheadError(remote.device, remote.wall_ms - now_ms)
    wall = max(now_ms, remote.wall_ms, last.wall_ms if last is not None else -1)
    if wall == now_ms and wall != remote.wall_ms and (last is None or wall != last.wall_ms):
        return Timestamp(now_ms, 0, device)
    # The paper's cases, as one: the counter goes past whichever counters share the winning wall.
    counters = [remote.counter] if remote.wall_ms == wall else []
    if last is not None and last.wall_ms == wall:
        counters.append(last.counter)
    return _after(wall, max(counters), device)


class HybridClock:
    """One device's clock. `last` is what to persist (as `encode()`) and hand back next time."""

    def __init__(self, device: str, last: Timestamp | None = None) -> None:
        check_device(device)
        if last is not None and last.device != device:
            raise ValueError("a clock resumes from a stamp of its own device")
        self.device = device
        self._last = last

    @property
    def last(self) -> Timestamp | None:
        return self._last

    def tick(self, now_ms: int) -> Timestamp:
        self._last = next_local(self._last, self.device, now_ms)
        return self._last

    def receive(self, remote: Timestamp, now_ms: int) -> Timestamp:
        self._last = next_received(self._last, self.device, remote, now_ms)
        return self._last
