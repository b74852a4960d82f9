"""The .deb's Depends, derived from the bundle: python3 packaging/deb/depends.py [BUNDLE]

Every shared library that an ELF file of the bundle links against (DT_NEEDED, `objdump -p`) and
that the bundle does not carry itself is taken from the user's system: the libraries that
packaging/bundle_libs.py leaves out (libstdc++, libcups, libexpat, the graphics stack) and the
ones PyInstaller never bundles (glibc, libxcb, libGL). Each is named by its Debian package: from
the apt column of scripts/libraries.tsv when it has a row there, else from the package this
machine installed it with (`ldconfig -p`, then `dpkg -S`). A library neither knows is an error,
so a Depends never silently misses one. libc6 gets the glibc floor as its version
(packaging/glibc_floor.py); the rest are unversioned, so that the same names also resolve on
Ubuntu 24.04, where several became virtual packages (libglib2.0-0 -> libglib2.0-0t64).

Prints one line: the packages, comma-separated. Standard library only; needs objdump and, for
libraries not in scripts/libraries.tsv, ldconfig and dpkg.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

import bundle_libs  # noqa: E402
import glibc_floor  # noqa: E402

LIBRARIES = ROOT / "scripts" / "libraries.tsv"
# glibc's libraries, and the dynamic loader: all from libc6.
GLIBC = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2"}
GLIBC |= {"libutil.so.1", "libanl.so.1", "libmvec.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"}


def apt_column() -> dict[str, str]:
    rows: dict[str, str] = {}
    header: list[str] | None = None
    for raw in LIBRARIES.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split()
        if header is None:
            header = fields
            continue
        rows[fields[0]] = fields[header.index("apt")]
    return rows


def system_sonames(bundle: Path) -> set[str]:
    """The sonames the bundle's ELF files need and the bundle does not carry."""
    carried = {path.name for path in bundle.rglob("*") if path.is_file() or path.is_symlink()}
    needed: set[str] = set()
    for elf in glibc_floor.elf_files([bundle]):
        needed.update(bundle_libs.needed(str(elf)))
    return {soname for soname in needed if soname not in carried}


def ldconfig_paths() -> dict[str, str]:
    """soname -> path for this machine's architecture, from the linker cache."""
    tag = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(os.uname().machine)
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        if tag is None or tag in name:
            paths.setdefault(name.split(" (")[0], path)
    return paths


def dpkg_package(path: str) -> str | None:
    """The package that installed PATH (trying both sides of a merged /usr)."""
    real = os.path.realpath(path)
    candidates = {path, real}
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.add(p.removeprefix("/usr"))
        elif p.startswith("/lib/"):
            candidates.add("/usr" + p)
    for candidate in sorted(candidates):
        proc = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if proc.returncode == 0:
            return proc.stdout.split(":", 1)[0].strip()
    return None


def depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(the Depends entries, the sonames no package was found for)."""
    sonames = system_sonames(bundle)
    mapped = apt_column()
    packages: set[str] = set()
    unknown: list[str] = []
    paths: dict[str, str] | None = None
    for soname in sorted(sonames):
        if soname in GLIBC:
            continue
        if soname in mapped:
            packages.add(mapped[soname])
            continue
        if paths is None:
            paths = ldconfig_paths()
        package = dpkg_package(paths[soname]) if soname in paths else None
        if package is None:
            unknown.append(soname)
        else:
            packages.add(package.split(":")[0])  # libfoo1:amd64 -> libfoo1
    floor, _ = glibc_floor.highest(glibc_floor.scan([bundle]), "GLIBC")
    libc = f"libc6 (>= {floor})" if floor else "libc6"
    return [libc, *sorted(packages - {"libc6"})], unknown


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "casevault"
    if not bundle.is_dir():
        print(f"depends: no bundle at {bundle}; run packaging/build-linux.sh first", file=sys.stderr)
        return 2
    entries, unknown = depends(bundle)
    if unknown:
        print(
            f"depends: no Debian package known for {', '.join(unknown)}: add a row to {LIBRARIES}",
            file=sys.stderr,
        )
        return 1
    print(", ".join(entries))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
