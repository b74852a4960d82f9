"""packaging/glibc_floor.py on small real ELF files: /bin/true, and programs that gcc links against
libraries whose symbols carry made-up GLIBC_ and GLIBCXX_ versions (a linker version script)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.support.packaging_tools import load

floor = load("glibc_floor")


def tool(name: str) -> str:
    return shutil.which(name) or pytest.fail(f"{name} is missing (apt-get install gcc binutils)")


def readelf_glibc_needs(path: Path) -> str:
    """The highest GLIBC_ version in the file's version-needs section (.gnu.version_r), read by
    readelf: another tool and another section than glibc_floor's objdump -T."""
    out = subprocess.run(
        [tool("readelf"), "-V", "--wide", str(path)], capture_output=True, text=True, check=True
    )
    needs = out.stdout.split(".gnu.version_r", 1)[1]
    versions = re.findall(r"Name: GLIBC_(\d+(?:\.\d+)+)", needs)
    return max(versions, key=lambda v: tuple(map(int, v.split("."))))


def build(work: Path, versions: dict[str, str], *, cxx_version: str | None = None) -> Path:
    """A program linked against libfake.so, whose symbol NAME has version VERSION (GLIBC_x)."""
    work.mkdir(parents=True, exist_ok=True)
    script = "".join(f"{version} {{ global: {name}; }};\n" for name, version in versions.items())
    lib_src = "".join(f"int {name}(void) {{ return 0; }}\n" for name in versions)
    main_src = "".join(f"int {name}(void);\n" for name in versions)
    main_src += "int main(void) { return " + " + ".join(f"{name}()" for name in versions) + "; }\n"
    if cxx_version:
        script += f"{cxx_version} {{ global: cxx_thing; }};\n"
        lib_src += "int cxx_thing(void) { return 0; }\n"
        main_src = main_src.replace(
            "int main(void) { return ", "int cxx_thing(void);\nint main(void) { return cxx_thing() + "
        )
    (work / "fake.map").write_text(script)
    (work / "fake.c").write_text(lib_src)
    (work / "main.c").write_text(main_src)
    gcc = tool("gcc")
    subprocess.run(
        [
            gcc,
            "-shared",
            "-fPIC",
            "-Wl,--version-script=fake.map",
            "-Wl,-soname,libfake.so",
            "-o",
            "libfake.so",
            "fake.c",
        ],
        cwd=work,
        check=True,
    )
    subprocess.run([gcc, "-o", "prog", "main.c", "-L.", "-lfake"], cwd=work, check=True)
    return work / "prog"


def test_bin_true_matches_readelf() -> None:
    true = Path(shutil.which("true") or "/bin/true").resolve()
    needs = floor.needs_of(true)
    assert needs.highest("GLIBC") == readelf_glibc_needs(true)


def test_the_python_that_runs_the_tests_matches_readelf() -> None:
    """The interpreter (or libpython) a bundle copies in: the same reading from both tools."""
    libdir = Path(sysconfig.get_config_var("LIBDIR") or "/nonexistent")
    candidates = [libdir / str(sysconfig.get_config_var("INSTSONAME") or "none")]
    candidates.append(Path(sys.executable).resolve())
    for path in candidates:
        if path.is_file() and floor.is_elf(path) and floor.needs_of(path).highest("GLIBC"):
            assert floor.needs_of(path).highest("GLIBC") == readelf_glibc_needs(path)


def test_versions_compare_as_numbers_not_text(tmp_path: Path) -> None:
    # Both above what the program itself needs from the real libc (__libc_start_main, 2.34).
    prog = build(tmp_path / "a", {"old_one": "GLIBC_2.99", "new_one": "GLIBC_2.100"})
    needs = floor.needs_of(prog)
    assert needs.highest("GLIBC") == "2.100"  # as text, 2.99 would win
    assert needs.versions["GLIBC"]["2.100"] == {"new_one"}
    assert floor.main([str(prog), "--max", "2.99"]) == 1
    assert floor.main([str(prog), "--max", "2.100"]) == 0


def test_a_file_above_the_floor_fails_and_names_the_symbol(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(tmp_path / "bundle" / "_internal", {"too_new": "GLIBC_2.36", "fine": "GLIBC_2.17"})
    (tmp_path / "bundle" / "README.txt").write_text("not an ELF file\n")
    (tmp_path / "bundle" / "link").symlink_to("_internal/prog")
    assert floor.main([str(tmp_path / "bundle")]) == 1
    out = capsys.readouterr().out
    assert "FAIL highest GLIBC_2.36 (limit 2.35)" in out
    assert "_internal/prog: GLIBC_2.36 for too_new" in out
    # prog and libfake.so; the text file and the symlink are not counted.
    assert out.startswith("2 ELF files")


def test_glibc_below_the_floor_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prog = build(tmp_path, {"fine": "GLIBC_2.17"})
    assert floor.main([str(prog)]) == 0
    # The program's own needs from this machine's libc (2.34 on Debian 12) outrank the 2.17.
    assert f"ok highest GLIBC_{readelf_glibc_needs(prog)} (limit 2.35)" in capsys.readouterr().out


def test_glibcxx_is_checked_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prog = build(tmp_path, {"fine": "GLIBC_2.17"}, cxx_version="GLIBCXX_3.4.32")
    assert floor.main([str(prog)]) == 1
    assert "FAIL highest GLIBCXX_3.4.32 (limit 3.4.30)" in capsys.readouterr().out
    assert floor.main([str(prog), "--max-glibcxx", "3.4.32"]) == 0


def test_a_bundled_libc_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    libc = next(
        p
        for p in (
            Path("/lib/x86_64-linux-gnu/libc.so.6"),
            Path("/lib64/libc.so.6"),
            Path("/usr/lib/libc.so.6"),
        )
        if p.exists()
    )
    shutil.copy(libc, tmp_path / "libc.so.6")
    assert floor.main([str(tmp_path), "--max", "99.0"]) == 1
    assert "glibc itself is bundled" in capsys.readouterr().out


def test_nothing_to_check_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    assert floor.main([str(tmp_path)]) == 2
    assert floor.main([str(tmp_path / "absent")]) == 2
