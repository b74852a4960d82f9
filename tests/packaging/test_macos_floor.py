"""packaging/macos/macos_floor.py on Mach-O files made here, byte by byte as Apple's loader.h lays
them out: thin and universal, LC_BUILD_VERSION and the older LC_VERSION_MIN_MACOSX, in a folder,
an .app with its Info.plist and a wheel. (Run on the real PySide6 6.12 wheels it says 14.4 for
Qt and 26.0 for the bindings: packaging/README.md.)"""

from __future__ import annotations

import plistlib
import struct
import zipfile
from pathlib import Path

import pytest

from tests.support.packaging_tools import load

ROOT = Path(__file__).resolve().parents[2]
ARM64, X86_64 = 0x0100000C, 0x01000007


floor = load("macos_floor", "macos")


def packed(version: str) -> int:
    major, minor, patch = (int(p) for p in ([*version.split("."), "0", "0"])[:3])
    return major << 16 | minor << 8 | patch


def thin(cpu: int, minos: str, *, old_style: bool = False, platform: int = 1) -> bytes:
    """A 64-bit Mach-O header, an LC_UUID-sized filler command, then the version command."""
    filler = struct.pack("<II", 0x1B, 24) + bytes(16)  # LC_UUID
    if old_style:
        version = struct.pack("<IIII", 0x24, 16, packed(minos), packed("26.0"))
    else:
        version = struct.pack("<IIIIII", 0x32, 24, platform, packed(minos), packed("26.0"), 0)
    commands = filler + version
    header = struct.pack("<IiiIIIII", 0xFEEDFACF, cpu, 0, 6, 2, len(commands), 0, 0)
    return header + commands + bytes(64)


def fat(*slices: tuple[int, bytes]) -> bytes:
    header = struct.pack(">II", 0xCAFEBABE, len(slices))
    offset = 4096
    table, body = b"", b""
    for cpu, data in slices:
        table += struct.pack(">iiIII", cpu, 0, offset + len(body), len(data), 12)
        body += data + bytes(-len(data) % 4096)
    return (header + table).ljust(offset, b"\0") + body


def test_thin_fat_and_old_style_files_are_read() -> None:
    assert floor.macho_needs(thin(ARM64, "14.4")) == {"arm64": (14, 4, 0)}
    assert floor.macho_needs(thin(X86_64, "10.9", old_style=True)) == {"x86_64": (10, 9, 0)}
    universal = fat((X86_64, thin(X86_64, "10.15")), (ARM64, thin(ARM64, "11.0.1")))
    assert floor.macho_needs(universal) == {"x86_64": (10, 15, 0), "arm64": (11, 0, 1)}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"#!/bin/sh\necho not a binary\n",
        b"\x7fELF" + bytes(60),
        struct.pack(">II", 0xCAFEBABE, 52) + bytes(64),  # a Java class file shares the fat magic
        thin(ARM64, "17.0", platform=2),  # an iOS build says nothing about macOS
    ],
    ids=["empty", "script", "elf", "java-class", "ios"],
)
def test_what_is_not_a_macos_binary_says_nothing(data: bytes) -> None:
    assert floor.macho_needs(data) == {}


def make_app(tmp_path: Path, plist_floor: str, files: dict[str, bytes]) -> Path:
    app = tmp_path / "casevault.app"
    (app / "Contents").mkdir(parents=True)
    (app / "Contents" / "Info.plist").write_bytes(plistlib.dumps({"LSMinimumSystemVersion": plist_floor}))
    for name, data in files.items():
        path = app / "Contents" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return app


def test_an_app_within_its_plist_floor_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = make_app(
        tmp_path,
        "14.4",
        {
            "MacOS/casevault": fat((X86_64, thin(X86_64, "10.13")), (ARM64, thin(ARM64, "11.0"))),
            "Frameworks/PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore": thin(ARM64, "14.4"),
            # PySide6 6.12.0's bindings say 26.0: listed, allowed (KNOWN_ABOVE_FLOOR).
            "Frameworks/PySide6/QtCore.abi3.so": thin(ARM64, "26.0"),
            "Frameworks/shiboken6/libshiboken6.abi3.6.12.dylib": thin(ARM64, "26.0"),
            "Resources/casevault.icns": b"icns\0\0\0\x08",
        },
    )
    assert floor.main([str(app)]) == 0
    out = capsys.readouterr().out
    assert (
        "arm64: needs macOS 14.4 (Contents/Frameworks/PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore)"
        in out
    )
    assert "allowed above the floor (KNOWN_ABOVE_FLOOR): 2" in out
    assert out.rstrip().endswith("macos_floor: ok: floor 14.4")


def test_a_file_above_the_plist_floor_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = make_app(tmp_path, "14.0", {"Frameworks/libssl.3.dylib": thin(ARM64, "15.0")})
    assert floor.main([str(app)]) == 1
    out = capsys.readouterr().out
    assert "NEED A NEWER macOS than 14.0: 1" in out
    assert "Contents/Frameworks/libssl.3.dylib [arm64] says 15.0" in out
    # --floor overrides the plist.
    assert floor.main([str(app), "--floor", "15"]) == 0


def test_wheels_are_read_without_unpacking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wheel = tmp_path / "demo-1.0-cp311-abi3-macosx_11_0_arm64.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("demo/_native.abi3.so", thin(ARM64, "11.0"))
        archive.writestr("demo/__init__.py", "")
    assert floor.main([str(wheel)]) == 0  # no floor given: only reports
    assert f"arm64: needs macOS 11.0 ({wheel.name}!demo/_native.abi3.so)" in capsys.readouterr().out
    assert floor.main([str(wheel), "--floor", "10.15"]) == 1


def test_nothing_to_read_is_an_error(tmp_path: Path) -> None:
    assert floor.main([str(tmp_path)]) == 1


def test_the_spec_floor_is_one_this_script_accepts() -> None:
    spec = (ROOT / "packaging" / "casevault.spec").read_text(encoding="utf-8")
    assert '"LSMinimumSystemVersion": "14.4"' in spec
    assert floor.parse_version("14.4") == (14, 4, 0)
