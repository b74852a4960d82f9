"""`casevault bench`: placeholder replaced by the benchmark module."""

from __future__ import annotations

from pathlib import Path


def run(*, quick: bool, scratch: Path | None) -> int:
    raise NotImplementedError
