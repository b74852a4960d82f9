"""Argon2id for the passphrase slot, calibrated on the machine that creates the vault."""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from casevault.crypto.keys import KEY_LEN

SALT_LEN = 16
TARGET_SECONDS = (0.5, 1.0)
# Never below this whatever the load: a busy machine at vault creation once calibrated to 64 MiB,
# which a quiet one derives in 0.22 s, under the 0.5 s the design asks for (issue 15).
MIN_MEMORY_KIB = 128 * 1024
MAX_ITERATIONS = 16
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_LANES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters as stored in the key-slot header (memory in KiB, as RFC 9106)."""

    memory_kib: int = 256 * 1024
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        # The upper bounds stop a tampered header from turning unlock into a memory bomb.
        if not (
            1 <= self.lanes <= MAX_LANES
            and 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB
            and 1 <= self.iterations <= MAX_ITERATIONS
        ):
            raise ValueError("Argon2id parameters out of range")

    def to_json(self) -> dict[str, Any]:
        return {"name": "argon2id", **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("name") != "argon2id":
            raise ValueError("unknown KDF")
        values = [data.get(k) for k in ("memory_kib", "iterations", "lanes")]
        if not all(type(v) is int for v in values):
            raise ValueError("Argon2id parameters out of range: they must be whole numbers")
        return cls(memory_kib=data["memory_kib"], iterations=data["iterations"], lanes=data["lanes"])


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    if len(salt) != SALT_LEN:
        raise ValueError("salt must be 16 bytes")
    kdf = Argon2id(
        salt=salt,
        length=KEY_LEN,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    # NFC, so the same passphrase typed on systems that compose accents differently still opens.
    return kdf.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def calibrate(clock: Callable[[], float] = time.perf_counter) -> KdfParams:
    """Pick parameters that take about 0.5-1 s here: start at 256 MiB, t=3, p=4; raise t on a fast
    machine, halve memory on a slow one (never below 128 MiB)."""
    params = KdfParams()
    while True:
        start = clock()
        derive_kek("calibration", os.urandom(SALT_LEN), params)
        elapsed = max(clock() - start, 1e-6)
        low, high = TARGET_SECONDS
        if elapsed > high and params.memory_kib > MIN_MEMORY_KIB:
            params = KdfParams(params.memory_kib // 2, params.iterations, params.lanes)
            continue
        if elapsed < low:
            per_pass = elapsed / params.iterations
            wanted = min(MAX_ITERATIONS, int((low + high) / 2 / per_pass))
            params = KdfParams(params.memory_kib, max(params.iterations, wanted), params.lanes)
        return params
