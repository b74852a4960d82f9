"""The lock files (requirements/*.lock, made by ./scripts/lock) agree with pyproject.toml, carry a
hash for every pin, and are what this suite is running on."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")
LOCKS = {"run": (), "test": ("test",), "package": ("package",)}


def pins(lock: str) -> dict[str, tuple[Version, Marker | None, int]]:
    """name -> (version, marker, number of hashes) for every pin in requirements/<lock>.lock."""
    found: dict[str, tuple[Version, Marker | None, int]] = {}
    name = ""
    for line in (ROOT / "requirements" / f"{lock}.lock").read_text().splitlines():
        match = PIN.match(line)
        if match:
            name = canonicalize_name(match[1])
            marker = Marker(match[3]) if match[3] else None
            found[name] = (Version(match[2]), marker, 0)
        elif line.strip().startswith("--hash=sha256:") and name:
            version, marker, hashes = found[name]
            found[name] = (version, marker, hashes + 1)
    return found


def requirements(extras: tuple[str, ...]) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = list(project["dependencies"])
    for extra in extras:
        listed += project["optional-dependencies"][extra]
    return [Requirement(text) for text in listed]


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_dependency_is_pinned_within_its_range_with_hashes(lock: str) -> None:
    locked = pins(lock)
    assert locked, f"{lock}.lock has no pins"
    for requirement in requirements(LOCKS[lock]):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in {lock}.lock: run ./scripts/lock"
        version, _marker, _hashes = locked[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock}.lock pins {name} {version}, outside pyproject's {requirement.specifier}"
        )
    unhashed = [name for name, (_v, _m, hashes) in locked.items() if hashes == 0]
    assert not unhashed, f"pins without a hash in {lock}.lock: {unhashed}"


def test_the_suite_runs_on_the_locked_versions() -> None:
    mismatched = []
    for name, (version, marker, _hashes) in pins("test").items():
        if marker is not None and not marker.evaluate():
            continue
        installed = Version(metadata.version(name))
        if installed != version:
            mismatched.append(f"{name} {installed} (locked {version})")
    assert not mismatched, f"installed versions differ from requirements/test.lock: {mismatched}"


def test_the_lint_gates_and_qt_are_pinned_exactly() -> None:
    wanted = {r.name.lower(): r for r in requirements(("test",))}
    assert str(wanted["ruff"].specifier).startswith("==")
    assert str(wanted["mypy"].specifier).startswith("==")
    essentials, pdf = wanted["pyside6-essentials"].specifier, wanted["pyside6-pdf"].specifier
    assert essentials == pdf, "PySide6-Pdf must allow exactly the Essentials series it is built for"
