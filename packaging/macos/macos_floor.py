"""The macOS floor of a bundle or of wheels: python3 packaging/macos/macos_floor.py PATH...

macOS's sibling of packaging/glibc_floor.py. Every Mach-O file (thin or universal) says in its
LC_BUILD_VERSION (or, before macOS 10.14, LC_VERSION_MIN_MACOSX) load command the oldest macOS it
was built for, per architecture. This reads them all, standard library only, from a built
casevault.app, a folder, or .whl files (so the floor can be found before building, on any
system), and prints the highest. With a .app it compares them with the Info.plist's
LSMinimumSystemVersion (or with --floor X.Y) and exits 1 when a file needs a newer macOS, except
the ones in KNOWN_ABOVE_FLOOR, which are listed but allowed. packaging/README.md says how the
spec's LSMinimumSystemVersion was found with it; .github/workflows/desktop-bundles.yml runs it on
the built .app; tests/packaging/test_macos_floor.py runs it here on Mach-O files it makes.
"""

from __future__ import annotations

import argparse
import plistlib
import re
import struct
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32
PLATFORM_MACOS = 1
FAT_MAGICS = (0xCAFEBABE, 0xCAFEBABF)  # big-endian fat header, 32- and 64-bit offsets
THIN_MAGICS = {0xFEEDFACE: 28, 0xFEEDFACF: 32}  # little-endian Mach-O: header size
CPU_NAMES = {0x01000007: "x86_64", 0x0100000C: "arm64", 7: "i386"}

# Files allowed above the floor, and why. PySide6 6.12.0's binding modules (and libpyside6,
# libshiboken6) say macOS 26.0, while its wheels are tagged macosx_14_0 and the Qt libraries
# they call say 14.4: the bindings were linked without a deployment target. They link only Qt,
# libc++, libSystem and system frameworks that macOS 14 has; the CI job on a macOS 14 runner is
# what shows they load there.
KNOWN_ABOVE_FLOOR = re.compile(
    r"(^|[/!])(PySide6|shiboken6)/((Qt\w+|Shiboken)\.abi3\.so|lib(pyside6|pyside6qml|shiboken6)\.abi3\.[\d.]+dylib"
    r"|Qt/plugins/designer/libPySidePlugin\.dylib)$"
)
SHOWN = 12  # files listed by name in each group; the rest are counted


@dataclass(frozen=True)
class Need:
    path: str
    arch: str
    minos: tuple[int, int, int]

    @property
    def version(self) -> str:
        return version_text(self.minos)


def version_text(version: tuple[int, ...]) -> str:
    major, minor, patch = (*version, 0, 0)[:3]
    return f"{major}.{minor}" + (f".{patch}" if patch else "")


def parse_version(text: str) -> tuple[int, int, int]:
    parts = [int(p) for p in text.strip().split(".")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not a macOS version: {text!r}")
    major, minor, patch = (*parts, 0, 0)[:3]
    return major, minor, patch


def _decode(packed: int) -> tuple[int, int, int]:
    return packed >> 16, (packed >> 8) & 0xFF, packed & 0xFF


def _thin(data: bytes, offset: int) -> tuple[str, tuple[int, int, int]] | None:
    if offset + 32 > len(data):
        return None
    magic = struct.unpack_from("<I", data, offset)[0]
    if magic not in THIN_MAGICS:
        return None
    cpu, _subtype, _filetype, ncmds, _sizeofcmds = struct.unpack_from("<iiiII", data, offset + 4)
    arch = CPU_NAMES.get(cpu & 0xFFFFFFFF, hex(cpu & 0xFFFFFFFF))
    cursor = offset + THIN_MAGICS[magic]
    for _ in range(ncmds):
        if cursor + 8 > len(data):
            return None
        cmd, size = struct.unpack_from("<II", data, cursor)
        if cmd == LC_BUILD_VERSION:
            platform, minos = struct.unpack_from("<II", data, cursor + 8)
            return (arch, _decode(minos)) if platform == PLATFORM_MACOS else None
        if cmd == LC_VERSION_MIN_MACOSX:
            return arch, _decode(struct.unpack_from("<I", data, cursor + 8)[0])
        if size < 8:
            return None
        cursor += size
    return None


def macho_needs(data: bytes) -> dict[str, tuple[int, int, int]]:
    """Architecture -> the oldest macOS it was built for; {} for anything that is not Mach-O
    or says nothing about macOS."""
    if len(data) < 8:
        return {}
    magic = struct.unpack_from(">I", data, 0)[0]
    if magic in FAT_MAGICS:
        count = struct.unpack_from(">I", data, 4)[0]
        wide = magic == 0xCAFEBABF
        step = 32 if wide else 20
        if count > 32:  # a Java class file shares the magic; its "count" is a version number
            return {}
        found = {}
        for index in range(count):
            entry = 8 + step * index
            offset = (
                struct.unpack_from(">Q", data, entry + 8)[0]
                if wide
                else struct.unpack_from(">I", data, entry + 8)[0]
            )
            thin = _thin(data, offset)
            if thin:
                found[thin[0]] = thin[1]
        return found
    thin = _thin(data, 0)
    return {thin[0]: thin[1]} if thin else {}


def _files(path: Path) -> Iterator[tuple[str, bytes]]:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            for info in wheel.infolist():
                if not info.is_dir():
                    yield f"{path.name}!{info.filename}", wheel.read(info)
        return
    for file in sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
        with file.open("rb") as handle:
            head = handle.read(4)
            if len(head) < 4 or struct.unpack(">I", head)[0] not in (*FAT_MAGICS, 0xCEFAEDFE, 0xCFFAEDFE):
                continue
            yield str(file.relative_to(path)), head + handle.read()


def needs(paths: Iterable[Path]) -> list[Need]:
    found = []
    for path in paths:
        for name, data in _files(path):
            for arch, minos in sorted(macho_needs(data).items()):
                found.append(Need(name, arch, minos))
    return found


def plist_floor(app: Path) -> tuple[int, int, int] | None:
    info = app / "Contents" / "Info.plist"
    if not info.is_file():
        return None
    with info.open("rb") as handle:
        value = plistlib.load(handle).get("LSMinimumSystemVersion")
    return parse_version(value) if value else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="a .app, a folder or .whl files")
    parser.add_argument("--floor", help="the macOS version to hold every file to (default: the .app's)")
    args = parser.parse_args(argv)
    floor = parse_version(args.floor) if args.floor else None
    if floor is None and len(args.paths) == 1 and args.paths[0].suffix == ".app":
        floor = plist_floor(args.paths[0])
    found = needs(args.paths)
    if not found:
        print("macos_floor: no Mach-O file found", file=sys.stderr)
        return 1
    known = [n for n in found if KNOWN_ABOVE_FLOOR.search(n.path)]
    rest = [n for n in found if not KNOWN_ABOVE_FLOOR.search(n.path)]
    for arch in sorted({n.arch for n in found}):
        top = max((n for n in rest if n.arch == arch), key=lambda n: n.minos, default=None)
        if top:
            print(f"{arch}: needs macOS {top.version} ({top.path})")
    print(f"macos_floor: {len(found)} Mach-O architectures read, {len(known)} of them KNOWN_ABOVE_FLOOR")
    if floor is None:
        return 0
    _show("allowed above the floor (KNOWN_ABOVE_FLOOR)", [n for n in known if n.minos > floor])
    too_new = [n for n in rest if n.minos > floor]
    _show(f"NEED A NEWER macOS than {version_text(floor)}", too_new)
    print(f"macos_floor: {'FAIL' if too_new else 'ok'}: floor {version_text(floor)}")
    return 1 if too_new else 0


def _show(title: str, group: list[Need]) -> None:
    if not group:
        return
    print(f"  {title}: {len(group)}")
    for n in group[:SHOWN]:
        print(f"    {n.path} [{n.arch}] says {n.version}")
    if len(group) > SHOWN:
        print(f"    ... and {len(group) - SHOWN} more")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
