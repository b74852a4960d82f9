"""Argon2id parameters, the passphrase KEK and calibration (crypto/kdf.py).

calibrate() takes an injected clock, so these tests decide how fast the "machine" is; it still
runs real Argon2id at the memory it is trying (256 MiB first, about 0.5 s here).
"""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from casevault.crypto import kdf
from casevault.crypto.kdf import KdfParams, calibrate, derive_kek
from tests.conftest import FAST_KDF, PASSPHRASE

MIB = 1024
SALT = bytes(range(16))


# ---- KdfParams ------------------------------------------------------------------------------


def test_defaults_are_the_design_starting_point() -> None:
    assert KdfParams() == KdfParams(memory_kib=256 * MIB, iterations=3, lanes=4)


@pytest.mark.parametrize("params", [KdfParams(), FAST_KDF, KdfParams(65536, 7, 2)])
def test_json_round_trip(params: KdfParams) -> None:
    doc = params.to_json()
    assert doc == {
        "name": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
    }
    assert KdfParams.from_json(json.loads(json.dumps(doc))) == params


@pytest.mark.parametrize(
    "doc",
    [
        {"memory_kib": 1024, "iterations": 1, "lanes": 1},
        {"name": "argon2i", "memory_kib": 1024, "iterations": 1, "lanes": 1},
        {"name": "scrypt", "memory_kib": 1024, "iterations": 1, "lanes": 1},
        {"name": "argon2id", "memory_kib": 1024, "iterations": 0, "lanes": 1},
        {"name": "argon2id", "memory_kib": 7, "iterations": 1, "lanes": 1},
        {"name": "argon2id", "memory_kib": "lots", "iterations": 1, "lanes": 1},
    ],
)
def test_from_json_refuses(doc: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"unknown KDF|out of range|invalid literal"):
        KdfParams.from_json(doc)


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [(31, 1, 4), (7, 1, 1), (1024, 0, 1), (1024, -1, 1), (1024, 1, 0), (1024, 1, -4)],
)
def test_out_of_range_params_are_refused(memory_kib: int, iterations: int, lanes: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        KdfParams(memory_kib, iterations, lanes)


def test_smallest_valid_params() -> None:
    assert KdfParams(32, 1, 4).memory_kib == 32
    assert KdfParams(8, 1, 1).lanes == 1


# ---- derive_kek -----------------------------------------------------------------------------


def test_derive_kek_frozen_vector() -> None:
    """Frozen from this implementation; the test below checks the parameter mapping."""
    kek = derive_kek(PASSPHRASE, SALT, FAST_KDF)
    assert kek.hex() == "6732efb1d048607ea2103262358c1ffdc2b679dc03d73636db36c035afcdf6a2"


def test_derive_kek_maps_parameters_and_encodes_utf8() -> None:
    params = KdfParams(memory_kib=2048, iterations=2, lanes=2)
    direct = Argon2id(salt=bytes(16), length=32, iterations=2, lanes=2, memory_cost=2048)
    expected = direct.derive("Müller".encode())
    assert expected.hex() == "11869b6989e2ddde9d392e340801ae8dc2a870002de43a25ec8f245df225d0b2"
    assert derive_kek("Müller", bytes(16), params) == expected
    assert derive_kek("Müller", bytes(16), params) != Argon2id(
        salt=bytes(16), length=32, iterations=2, lanes=2, memory_cost=2048
    ).derive("Müller".encode("latin-1"))


def test_derive_kek_is_deterministic() -> None:
    a = derive_kek(PASSPHRASE, SALT, FAST_KDF)
    assert a == derive_kek(PASSPHRASE, bytes(SALT), KdfParams(1024, 1, 1))
    assert len(a) == 32


def test_derive_kek_depends_on_every_input() -> None:
    base = derive_kek(PASSPHRASE, SALT, FAST_KDF)
    variants = [
        derive_kek(PASSPHRASE + " ", SALT, FAST_KDF),
        derive_kek(PASSPHRASE.upper(), SALT, FAST_KDF),
        derive_kek("", SALT, FAST_KDF),
        derive_kek(PASSPHRASE, bytes(16), FAST_KDF),
        derive_kek(PASSPHRASE, SALT[:-1] + b"\xff", FAST_KDF),
        derive_kek(PASSPHRASE, SALT, KdfParams(2048, 1, 1)),
        derive_kek(PASSPHRASE, SALT, KdfParams(1024, 2, 1)),
        derive_kek(PASSPHRASE, SALT, KdfParams(1024, 1, 2)),
    ]
    assert base not in variants
    assert len(set(variants)) == len(variants)


@pytest.mark.parametrize("salt", [b"", bytes(15), bytes(17), bytes(32)])
def test_derive_kek_refuses_bad_salt(salt: bytes) -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        derive_kek(PASSPHRASE, salt, FAST_KDF)


# ---- calibrate ------------------------------------------------------------------------------


class ScriptedClock:
    """calibrate() reads the clock before and after each derivation; the n-th derivation
    "takes" durations[n] seconds (the last one repeats)."""

    def __init__(self, *durations: float) -> None:
        self.durations = durations
        self.calls = 0
        self.now = 1000.0

    @property
    def derivations(self) -> int:
        return self.calls // 2

    def __call__(self) -> float:
        if self.calls % 2 == 1:  # the end of derivation number self.derivations
            self.now += self.durations[min(self.derivations, len(self.durations) - 1)]
        else:
            self.now += 0.25  # time passing between measurements must not count
        self.calls += 1
        return self.now


def test_calibrate_keeps_defaults_when_on_target() -> None:
    clock = ScriptedClock(0.7)
    assert calibrate(clock) == KdfParams(256 * MIB, 3, 4)
    assert clock.derivations == 1
    assert clock.calls == 2


@pytest.mark.parametrize("elapsed", [0.5, 1.0])
def test_calibrate_target_bounds_are_inclusive(elapsed: float) -> None:
    assert calibrate(ScriptedClock(elapsed)) == KdfParams(256 * MIB, 3, 4)


def test_calibrate_raises_iterations_on_a_fast_machine() -> None:
    # 0.3 s for t=3 is 0.1 s a pass; aiming for the middle of 0.5-1 s gives 7 passes (0.7 s)
    clock = ScriptedClock(0.3)
    params = calibrate(clock)
    assert params == KdfParams(256 * MIB, 7, 4)
    assert clock.derivations == 1
    assert 0.5 <= 0.1 * params.iterations <= 1.0


def test_calibrate_caps_iterations_on_a_very_fast_machine() -> None:
    params = calibrate(ScriptedClock(0.01))
    assert params == KdfParams(256 * MIB, kdf.MAX_ITERATIONS, 4)
    assert kdf.MAX_ITERATIONS == 16


def test_calibrate_halves_memory_on_a_slow_machine() -> None:
    # 1.6 s at 256 MiB, then 0.8 s at 128 MiB: on target
    clock = ScriptedClock(1.6, 0.8)
    assert calibrate(clock) == KdfParams(128 * MIB, 3, 4)
    assert clock.derivations == 2


def test_calibrate_halves_then_adds_passes_if_halving_overshoots() -> None:
    # 1.2 s at 256 MiB, then 0.3 s at 128 MiB (0.1 s a pass): 7 passes at 128 MiB
    clock = ScriptedClock(1.2, 0.3)
    assert calibrate(clock) == KdfParams(128 * MIB, 7, 4)
    assert clock.derivations == 2


def test_calibrate_never_goes_below_128_mib_and_three_passes() -> None:
    """A hopelessly slow (or heavily loaded) machine ends at 128 MiB, t=3 instead of halving on."""
    clock = ScriptedClock(30.0)
    params = calibrate(clock)
    assert params == KdfParams(128 * MIB, 3, 4)
    assert params.memory_kib == kdf.MIN_MEMORY_KIB
    assert clock.derivations == 2  # 256, 128 MiB


def test_calibrate_with_a_clock_that_does_not_move() -> None:
    """A coarse clock reporting zero elapsed time must not divide by zero."""
    assert calibrate(lambda: 42.0) == KdfParams(256 * MIB, kdf.MAX_ITERATIONS, 4)
