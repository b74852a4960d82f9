"""Write packaging/flatpak/python3-modules.json, the Flatpak module that installs casevault's
Python dependencies, from requirements/run.lock (what flatpak-pip-generator does, but from the
lock, so the Flatpak gets exactly the versions and files every other install gets).

    .venv/bin/python packaging/flatpak/pip_modules.py           # rewrite the module file
    .venv/bin/python packaging/flatpak/pip_modules.py --check   # exit 1 if it is out of date

A Flatpak build has no network, so every file it installs is a source with its URL and sha256.
For each locked package whose markers hold in the Flatpak (Linux, the runtime's CPython), pip
picks the wheel it would install there, for x86_64 and for aarch64 (`pip install --dry-run
--report` with --platform/--python-version/--only-binary, against PyPI only); a wheel that is
the same on both is listed once, the others with `only-arches`. Every sha256 must be one the lock
lists for that package, or nothing is written. Needs the network (PyPI); run it after
./scripts/lock. tests/packaging/test_flatpak.py checks the result against the lock offline.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.markers import Marker

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "run.lock"
OUTPUT = Path(__file__).resolve().parent / "python3-modules.json"
MODULE_NAME = "python3-casevault-deps"

# The manifest's runtime, org.freedesktop.Platform 25.08, has CPython 3.13 (and glibc 2.41, above
# every manylinux tag below). The module's first command stops the build if its Python differs.
RUNTIME_VERSION = "25.08"
PYTHON = "3.13"
ARCHES = ("x86_64", "aarch64")
MANYLINUX = ("manylinux_2_39", "manylinux_2_34", "manylinux_2_31", "manylinux_2_28", "manylinux_2_17")
INDEX = "https://pypi.org/simple"
FILES_HOST = "https://files.pythonhosted.org/"

Run = Callable[..., Any]


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: str
    hashes: frozenset[str] = field(default_factory=frozenset)

    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


def parse_lock(text: str) -> list[Pin]:
    """The pins of a `uv pip compile --generate-hashes` lock: name==version [; marker] and the
    --hash lines that follow (comments and continuation backslashes dropped)."""
    joined = re.sub(r"\\\n", " ", text)
    pins = []
    for raw in joined.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        hashes = frozenset(re.findall(r"--hash=sha256:([0-9a-f]{64})", line))
        spec = re.sub(r"\s*--hash=sha256:[0-9a-f]{64}", "", line).strip()
        requirement, _, marker = (part.strip() for part in spec.partition(";"))
        name, sep, version = requirement.partition("==")
        if not sep:
            raise ValueError(f"not an exact pin: {requirement!r}")
        pins.append(Pin(canonical(name), version.strip(), marker, hashes))
    return pins


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def environment(arch: str, python: str = PYTHON) -> dict[str, str]:
    """PEP 508 marker values inside the Flatpak (pip itself would evaluate the build machine's)."""
    return {
        "implementation_name": "cpython",
        "implementation_version": f"{python}.0",
        "os_name": "posix",
        "platform_machine": arch,
        "platform_python_implementation": "CPython",
        "platform_release": "",
        "platform_system": "Linux",
        "platform_version": "",
        "python_full_version": f"{python}.0",
        "python_version": python,
        "sys_platform": "linux",
    }


def applies(pin: Pin, arch: str, python: str = PYTHON) -> bool:
    return not pin.marker or Marker(pin.marker).evaluate(environment(arch, python))  # type: ignore[arg-type]


def pip_report(
    pins: Sequence[Pin], arch: str, run: Run = subprocess.run, python: str = PYTHON
) -> list[dict[str, Any]]:
    """What pip would install for `arch` in the Flatpak: its --report's "install" entries."""
    with tempfile.TemporaryDirectory(prefix="casevault-flatpak-") as tmp:
        requirements = Path(tmp) / "requirements.txt"
        requirements.write_text("".join(f"{pin.requirement()}\n" for pin in pins), encoding="utf-8")
        report = Path(tmp) / "report.json"
        abi = "cp" + python.replace(".", "")
        args = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--disable-pip-version-check"]
        args += ["--ignore-installed"]
        args += ["--no-deps", "--only-binary=:all:", "--target", str(Path(tmp) / "target")]
        args += ["--index-url", INDEX, "--python-version", python, "--implementation", "cp"]
        args += ["--abi", abi, "--abi", "abi3", "--abi", "none"]
        for tag in MANYLINUX:
            args += ["--platform", f"{tag}_{arch}"]
        args += ["--report", str(report), "-r", str(requirements)]
        # PyPI only: no machine-wide pip.conf, local index or find-links may lend a file:// URL.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        env["PIP_CONFIG_FILE"] = os.devnull
        if os.environ.get("PIP_CERT"):
            env["PIP_CERT"] = os.environ["PIP_CERT"]
        run(args, env=env, check=True)
        installs: list[dict[str, Any]] = json.loads(report.read_text(encoding="utf-8"))["install"]
        return installs


def wheel_files(pins: Sequence[Pin], run: Run = subprocess.run) -> dict[str, dict[str, tuple[str, str]]]:
    """Package name -> arch -> (URL, sha256), each sha256 checked against the lock."""
    by_name = {pin.name: pin for pin in pins}
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for arch in ARCHES:
        wanted = [pin for pin in pins if applies(pin, arch)]
        for entry in pip_report(wanted, arch, run):
            name = canonical(entry["metadata"]["name"])
            url = entry["download_info"]["url"]
            digest = entry["download_info"]["archive_info"]["hashes"]["sha256"]
            pin = by_name[name]
            if entry["metadata"]["version"] != pin.version:
                raise SystemExit(
                    f"pip_modules: pip chose {name} {entry['metadata']['version']}, the lock {pin.version}"
                )
            if digest not in pin.hashes:
                raise SystemExit(f"pip_modules: {url} has a sha256 the lock does not list for {name}")
            if not url.startswith(FILES_HOST) or not url.endswith(".whl"):
                raise SystemExit(f"pip_modules: {name} would come from {url}, not a wheel on PyPI")
            found.setdefault(name, {})[arch] = (url, digest)
        missing = {pin.name for pin in wanted} - {n for n, files in found.items() if arch in files}
        if missing:
            raise SystemExit(f"pip_modules: no {arch} wheel for {', '.join(sorted(missing))}")
    return found


def module(pins: Sequence[Pin], files: dict[str, dict[str, tuple[str, str]]]) -> dict[str, Any]:
    """The flatpak-builder module: every wheel as a source, one offline pip install of the pins."""
    sources: list[dict[str, Any]] = []
    for name in sorted(files):
        per_arch = files[name]
        if len({per_arch[arch] for arch in per_arch}) == 1 and set(per_arch) == set(ARCHES):
            url, digest = per_arch[ARCHES[0]]
            sources.append({"type": "file", "url": url, "sha256": digest})
            continue
        for arch in ARCHES:
            if arch in per_arch:
                url, digest = per_arch[arch]
                sources.append({"type": "file", "url": url, "sha256": digest, "only-arches": [arch]})
    installed = sorted(pin.requirement() for pin in pins if pin.name in files)
    command = (
        'pip3 install --verbose --exists-action=i --no-index --find-links="file://${PWD}" '
        "--prefix=${FLATPAK_DEST} --no-build-isolation --no-deps " + " ".join(installed)
    )
    major, minor = PYTHON.split(".")
    same_python = (
        f"python3 -c 'import sys; sys.exit(sys.version_info[:2] != ({major}, {minor}) and "
        f'"these wheels are for Python {PYTHON}, the runtime has " + sys.version + ": see pip_modules.py")\''
    )
    return {
        "name": MODULE_NAME,
        "buildsystem": "simple",
        "build-commands": [same_python, command],
        "sources": sources,
    }


def render(data: dict[str, Any]) -> str:
    header = {
        "//": f"Generated by packaging/flatpak/pip_modules.py from requirements/run.lock (CPython {PYTHON})."
    }
    return json.dumps({**header, **data}, indent=2) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the module file is out of date")
    args = parser.parse_args(argv)
    pins = [
        pin for pin in parse_lock(LOCK.read_text(encoding="utf-8")) if any(applies(pin, a) for a in ARCHES)
    ]
    text = render(module(pins, wheel_files(pins)))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                f"{OUTPUT.relative_to(ROOT)} is out of date: run packaging/flatpak/pip_modules.py",
                file=sys.stderr,
            )
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} matches requirements/run.lock")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(pins)} packages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
