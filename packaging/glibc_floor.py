"""The glibc floor of a bundle: python3 packaging/glibc_floor.py [--max 2.35] [PATH ...]

Reads, for every ELF file under each PATH (default: dist/casevault), the symbol versions it needs
from the system (`objdump -T`: the undefined dynamic symbols and the version each is bound to),
and prints the highest GLIBC_ version and, for information, the highest GLIBCXX_ (libstdc++,
which the bundle takes from the system too). Exits 1 when any file needs a GLIBC_ newer than
--max (default 2.35, Ubuntu 22.04 LTS's glibc) or a GLIBCXX_ newer than --max-glibcxx (default
3.4.30, Ubuntu 22.04's libstdc++6 from GCC 12), naming the files and symbols that need it; also
when the bundle carries glibc itself (libc.so.6 and friends must come from the system).
Standard library only; needs objdump (binutils). scripts/nightly runs it on the fresh build.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "dist" / "casevault"
DEFAULT_MAX = "2.35"  # Ubuntu 22.04 LTS
DEFAULT_MAX_GLIBCXX = "3.4.30"  # Ubuntu 22.04's libstdc++6 (GCC 12)
# glibc's own libraries: a bundle that carries them breaks on every other glibc.
GLIBC_FILES = re.compile(r"^(libc|libm|libdl|libpthread|librt|libresolv|ld-linux[-\w.]*)\.so(\.\d+)*$")
# An undefined dynamic symbol with its version, e.g. "*UND* 0000000000000000 (GLIBC_2.34) dlopen"
# (parentheses: a hidden version); GLIBC_PRIVATE and other unnumbered versions do not match.
UND_VERSION = re.compile(r"\*UND\*\s+\S+\s+\(?(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)*)\)?\s+(\S+)")


def version_key(version: str) -> tuple[int, ...]:
    """'2.35' -> (2, 35), so that 2.4 < 2.35 as glibc counts."""
    return tuple(int(part) for part in version.split("."))


@dataclass
class Needs:
    """What one ELF file needs: for each prefix (GLIBC, GLIBCXX, CXXABI), version -> symbols."""

    path: Path
    versions: dict[str, dict[str, set[str]]] = field(default_factory=dict)

    def highest(self, prefix: str) -> str | None:
        found = self.versions.get(prefix)
        return max(found, key=version_key) if found else None

    def above(self, prefix: str, limit: str) -> dict[str, set[str]]:
        return {
            v: syms
            for v, syms in self.versions.get(prefix, {}).items()
            if version_key(v) > version_key(limit)
        }


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every regular ELF file under the paths, each once (symlinks are not followed)."""
    seen: set[Path] = set()
    for top in paths:
        candidates = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in candidates:
            if path.is_symlink() or path in seen:
                continue
            seen.add(path)
            if is_elf(path):
                yield path


def parse_objdump(text: str, path: Path) -> Needs:
    needs = Needs(path)
    for line in text.splitlines():
        match = UND_VERSION.search(line)
        if match:
            prefix, version, symbol = match.groups()
            needs.versions.setdefault(prefix, {}).setdefault(version, set()).add(symbol)
    return needs


def needs_of(path: Path) -> Needs:
    proc = subprocess.run(
        ["objdump", "-T", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    )
    # objdump -T fails on an ELF without a dynamic symbol table (a static or relocatable object):
    # such a file needs nothing from the system's glibc at run time.
    return parse_objdump(proc.stdout if proc.returncode == 0 else "", path)


def scan(paths: Iterable[Path]) -> list[Needs]:
    files = list(elf_files(paths))
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return list(pool.map(needs_of, files))


def highest(results: Iterable[Needs], prefix: str) -> tuple[str | None, list[Path]]:
    """The highest version of PREFIX any file needs, and the files that need exactly it."""
    best: str | None = None
    files: list[Path] = []
    for needs in results:
        version = needs.highest(prefix)
        if version is None:
            continue
        if best is None or version_key(version) > version_key(best):
            best, files = version, [needs.path]
        elif version == best:
            files.append(needs.path)
    return best, files


def report(results: list[Needs], top: list[Path], limits: dict[str, str]) -> tuple[list[str], bool]:
    """Lines to print and whether every limit holds."""

    def rel(path: Path) -> str:
        for base in top:
            if base.is_dir() and path.is_relative_to(base):
                return str(path.relative_to(base))
        return str(path)

    lines = [f"{len(results)} ELF files"]
    ok = True
    bundled_glibc = [needs.path for needs in results if GLIBC_FILES.match(needs.path.name)]
    if bundled_glibc:
        ok = False
        lines.append(
            "FAIL glibc itself is bundled (it must come from the system): "
            + ", ".join(map(rel, bundled_glibc))
        )
    for prefix, limit in limits.items():
        best, files = highest(results, prefix)
        if best is None:
            lines.append(f"{prefix}_: none needed")
            continue
        verdict = "ok" if version_key(best) <= version_key(limit) else "FAIL"
        shown = ", ".join(rel(f) for f in files[:5]) + (
            f" and {len(files) - 5} more" if len(files) > 5 else ""
        )
        lines.append(f"{verdict} highest {prefix}_{best} (limit {limit}), needed by {shown}")
        if verdict == "FAIL":
            ok = False
            for needs in results:
                for version, symbols in sorted(
                    needs.above(prefix, limit).items(), key=lambda kv: version_key(kv[0])
                ):
                    lines.append(
                        f"    {rel(needs.path)}: {prefix}_{version} for {', '.join(sorted(symbols))}"
                    )
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: dist/casevault)")
    parser.add_argument(
        "--max", default=DEFAULT_MAX, help="highest GLIBC_ version allowed (default %(default)s)"
    )
    parser.add_argument(
        "--max-glibcxx",
        default=DEFAULT_MAX_GLIBCXX,
        help="highest GLIBCXX_ version allowed (default %(default)s)",
    )
    args = parser.parse_args(argv)
    paths = args.paths or [DEFAULT_PATH]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"glibc_floor: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    results = scan(paths)
    if not results:
        print(f"glibc_floor: no ELF file under {', '.join(map(str, paths))}", file=sys.stderr)
        return 2
    lines, ok = report(results, paths, {"GLIBC": args.max, "GLIBCXX": args.max_glibcxx})
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
