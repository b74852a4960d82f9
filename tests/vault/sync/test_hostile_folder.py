"""The folder is hostile (issue 20, done-when 4): whatever another device or whoever controls the
sync engine writes there, each attack is refused in one sentence naming the device and number,
nothing of it is applied, and the other devices' changes still arrive."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from casevault.vault.facade import Vault
from tests.conftest import FakeClock
from tests.support.sync_pair import first_device, join, sync_all

Attack = Callable[[Path, Path, int], None]  # B's folder, C's folder, B's next number


def _name(n: int) -> str:
    return f"{n:012d}.cvsync"


def truncate(b: Path, _c: Path, n: int) -> None:
    data = (b / _name(n)).read_bytes()
    (b / _name(n)).write_bytes(data[: len(data) // 2])


def replay(b: Path, _c: Path, n: int) -> None:
    (b / _name(n)).unlink()
    shutil.copy(b / _name(1), b / _name(n))  # an old change set under the next number


def move(b: Path, c: Path, n: int) -> None:
    (b / _name(n)).unlink()
    shutil.copy(c / _name(1), b / _name(n))  # C's change set, in B's folder


def forge(b: Path, _c: Path, n: int) -> None:
    data = bytearray((b / _name(n)).read_bytes())
    data[-1] ^= 0x40  # the last byte of the signature
    (b / _name(n)).write_bytes(bytes(data))


def swap_in_a_gap(b: Path, _c: Path, n: int) -> None:
    (b / _name(n)).rename(b / _name(n + 1))  # the next one is missing: wait, apply nothing


ATTACKS: dict[str, tuple[Attack, str]] = {
    "truncated": (truncate, "damaged or cut short"),
    "replayed": (replay, "refused as a replay"),
    "moved": (move, "was written by device"),
    "forged": (forge, "does not carry that device's signature"),
    "gap": (swap_in_a_gap, "has not arrived"),
}


@pytest.fixture
def three(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Vault, Vault, Vault, Path]]:
    folder = tmp_path / "shared"
    a = first_device(tmp_path / "a", folder, clock)
    b = join(a, tmp_path / "b", folder, clock, label="desktop")
    c = join(a, tmp_path / "c", folder, clock, label="tablet")
    b.new_case("Earlier From B")  # so each has a change set 1 to replay or move
    c.new_case("Earlier From C")
    sync_all(a, b, c)
    yield a, b, c, folder
    for vault in (a, b, c):
        vault.close()


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_each_attack_on_the_folder_is_refused_and_the_rest_syncs(
    three: tuple[Vault, Vault, Vault, Path], clock: FakeClock, attack: str
) -> None:
    a, b, c, folder = three
    b_id, c_id = b.sync.status().device_id, c.sync.status().device_id
    b.new_case("Bartholomew Attacked")
    c.new_case("Cordelia Unharmed")
    clock.advance(seconds=1)
    b.sync.sync_now()
    c.sync.sync_now()
    n = b.sync.status().written
    do, words = ATTACKS[attack]
    do(folder / "devices" / b_id, folder / "devices" / c_id, n)
    report = a.sync.sync_now()
    said = [*report.refused, *report.waiting]
    # One sentence, naming the device (by the start of its id) and never a record.
    assert len(said) == 1 and words in said[0] and b_id[:8] in said[0] and "\n" not in said[0]
    names = {x.member_name for x in a.list_cases()}
    assert "Cordelia Unharmed" in names and "Bartholomew Attacked" not in names


def test_a_device_nobody_paired_is_named_and_never_read(three: tuple[Vault, Vault, Vault, Path]) -> None:
    a, _b, _c, folder = three
    stranger = folder / "devices" / ("ee" * 16)
    stranger.mkdir(parents=True)
    (stranger / _name(1)).write_bytes(b"CVSYNC\x01" + bytes(300))
    report = a.sync.sync_now()
    assert len(report.refused) == 1 and "ee" * 4 in report.refused[0] and "not paired" in report.refused[0]
    assert a.count_cases() == 2
