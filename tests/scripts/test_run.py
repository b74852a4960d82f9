"""scripts/run beyond Debian and without root (issue 19, item 5), run for real.

A copy of the checkout (no tests, no docs) in a world-readable folder under /tmp, and a bin folder
holding links to only the tools scripts/run and pip use: no apt-get, dpkg-query, dnf, pacman,
zypper or sudo. The first run makes the copy's .venv from PyPI (about ten seconds here) as a user
who is not root (made with useradd when the tests run as root, as CI does; otherwise the user
running the tests), then checks the Qt platform plugin with ldd. The library check itself is run
on a real ELF file that gcc links against a library that is then removed.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
USER = "casevault-test"
# What scripts/run, scripts/bootstrap.sh, ldd (a bash script) and pip need; nothing else.
TOOLS = ("sh", "bash", "env", "ldd", "id", "cat", "sha256sum", "cut", "mktemp", "grep", "rm", "awk", "sort")
TOOLS += ("tr", "find", "dirname")
PACKAGE_MANAGERS = ("apt-get", "apt", "dpkg", "dpkg-query", "dnf", "yum", "pacman", "zypper", "sudo")
# The only form in which scripts/run may mention sudo: a package manager's install command.
INSTALL_LINE = re.compile(r"sudo (apt-get install|dnf install|pacman -S --needed|zypper install) ")


def python_for_anyone() -> str:
    """A Python 3.11+ with venv that a user other than root can run (pyenv's lives in /root)."""
    for name in ("python3.13", "python3.12", "python3.11", "python3"):
        for folder in ("/usr/bin", "/usr/local/bin"):
            exe = Path(folder) / name
            if not exe.exists():
                continue
            probe = "import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))"
            if subprocess.run([str(exe), "-c", probe], capture_output=True, check=False).returncode == 0:
                return str(exe)
    pytest.fail("no Python 3.11+ with venv in /usr/bin: apt-get install python3 python3-venv")


@dataclass
class Sandbox:
    tree: Path  # the copy of the checkout
    bin: Path  # the only folder on PATH
    home: Path
    as_user: list[str]  # the command prefix that runs as the other user ([] when not root)

    def env(self, **extra: str) -> dict[str, str]:
        return {"PATH": str(self.bin), "HOME": str(self.home), "LC_ALL": "C.UTF-8", **extra}

    def run(self, *argv: str, user: bool = True, **extra: str) -> subprocess.CompletedProcess[str]:
        prefix = self.as_user if user else []
        env = self.env(**extra)
        # env -i: only the variables given reach scripts/run, whoever runs it.
        command = [*prefix, "/usr/bin/env", "-i", *(f"{k}={v}" for k, v in env.items()), *argv]
        return subprocess.run(
            command, cwd=self.tree, capture_output=True, text=True, timeout=900, check=False
        )


def other_user() -> tuple[list[str], int, int]:
    if os.geteuid() != 0:
        return [], os.getuid(), os.getgid()
    try:
        entry = pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(
            [
                *("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent"),
                *("--shell", "/usr/sbin/nologin", USER),
            ],
            check=True,
        )
        entry = pwd.getpwnam(USER)
    prefix = ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--init-groups", "--"]
    return prefix, entry.pw_uid, entry.pw_gid


def copy_checkout(dest: Path) -> None:
    """The files git knows of (tracked or new, as they are now), less tests/ and docs/."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if rel.startswith(("tests/", "docs/")) or not source.is_file():
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    # casevault.cli.main sets the umask to 077 for the whole process, and earlier tests call it in
    # this one: the folders made here must still be open to the other user (bin/ above all).
    umask = os.umask(0o022)
    base = Path(tempfile.mkdtemp(prefix="casevault-run-", dir="/tmp"))
    try:
        base.chmod(0o755)
        prefix, uid, gid = other_user()
        tree, home, bin_dir = base / "tree", base / "home", base / "bin"
        copy_checkout(tree)
        home.mkdir()
        bin_dir.mkdir()
        for tool in TOOLS:
            found = shutil.which(tool)
            assert found, f"{tool} is not on this machine"
            (bin_dir / tool).symlink_to(found)
        (bin_dir / "python3").symlink_to(python_for_anyone())
        for path in (tree, home, *tree.rglob("*")):
            os.lchown(path, uid, gid)
        os.lchown(home, uid, gid)
        bin_dir.chmod(0o755)
        os.umask(umask)
        yield Sandbox(tree, bin_dir, home, prefix)
    finally:
        os.umask(umask)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def first_run(sandbox: Sandbox) -> subprocess.CompletedProcess[str]:
    """scripts/run --version from a copy with no .venv, as the other user, package managers off PATH."""
    assert not (sandbox.tree / ".venv").exists()
    return sandbox.run("sh", "scripts/run", "--version")


def assert_never_asks_for_root(output: str) -> None:
    for line in output.splitlines():
        if re.search(r"\b(sudo|root)\b", line):
            assert INSTALL_LINE.search(line), f"scripts/run asked for root: {line!r}\n{output}"


def test_sandbox_has_no_package_manager(sandbox: Sandbox) -> None:
    for name in PACKAGE_MANAGERS:
        assert not (sandbox.bin / name).exists()
    found = sandbox.run("sh", "-c", f"command -v {' '.join(PACKAGE_MANAGERS)}; echo done")
    assert found.stdout.strip() == "done", found.stdout


def test_first_run_as_a_user_without_apt_makes_the_venv_and_prints_the_version(
    sandbox: Sandbox, first_run: subprocess.CompletedProcess[str]
) -> None:
    assert first_run.returncode == 0, first_run.stdout + first_run.stderr
    assert re.fullmatch(r"casevault \d+\.\d+\.\d+\S*", first_run.stdout.strip().splitlines()[-1]), (
        first_run.stdout
    )
    assert_never_asks_for_root(first_run.stdout + first_run.stderr)
    venv_python = sandbox.tree / ".venv" / "bin" / "python"
    assert venv_python.exists()
    if sandbox.as_user:  # made by that user, not by root
        assert (sandbox.tree / ".venv").stat().st_uid != 0
    assert "Installing casevault into .venv" in first_run.stdout


def test_again_as_root_without_apt_or_dpkg(
    sandbox: Sandbox, first_run: subprocess.CompletedProcess[str]
) -> None:
    """Whoever runs the tests (root in CI), with no package manager: same answer, nothing installed."""
    assert first_run.returncode == 0
    again = sandbox.run("sh", "scripts/run", "--version", user=False)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.strip().startswith("casevault "), again.stdout
    assert "Installing" not in again.stdout
    assert_never_asks_for_root(again.stdout + again.stderr)


def test_with_everything_present_it_prints_nothing_else(
    sandbox: Sandbox, first_run: subprocess.CompletedProcess[str]
) -> None:
    """The offscreen plugin's libraries are all here (scripts/test installs them): no package
    manager, no warning, only the version."""
    assert first_run.returncode == 0
    plugin = next(
        (sandbox.tree / ".venv").glob(
            "lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqoffscreen.so"
        )
    )
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    assert "not found" not in ldd, ldd
    run = sandbox.run("sh", "scripts/run", "--version", QT_QPA_PLATFORM="offscreen")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.strip().startswith("casevault ")


def test_the_command_line_runs_as_the_user(
    sandbox: Sandbox, first_run: subprocess.CompletedProcess[str]
) -> None:
    """Beyond --version: a vault made and listed by the user, through scripts/run."""
    assert first_run.returncode == 0
    vault = sandbox.home / "vault"
    extra = {"CASEVAULT_PASSPHRASE": "correct horse battery staple run", "QT_QPA_PLATFORM": "offscreen"}
    made = sandbox.run("sh", "scripts/run", "--vault", str(vault), "init", "--no-keyring", **extra)
    assert made.returncode == 0, made.stdout + made.stderr
    listed = sandbox.run("sh", "scripts/run", "--vault", str(vault), "case", "list", **extra)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    if sandbox.as_user:
        assert vault.stat().st_uid != 0


@pytest.fixture(scope="module")
def elf_needing_missing_libraries(sandbox: Sandbox) -> Path:
    """A real executable whose DT_NEEDED names a library that is nowhere on this system."""
    work = sandbox.home / "elf"
    work.mkdir()
    (work / "stub.c").write_text("int stub(void) { return 0; }\n")
    (work / "main.c").write_text("int stub(void);\nint main(void) { return stub(); }\n")
    soname = "libcasevault-absent.so.1"
    gcc = shutil.which("gcc") or pytest.fail("gcc is missing (apt-get install gcc)")
    subprocess.run(
        [gcc, "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-o", soname, "stub.c"], cwd=work, check=True
    )
    subprocess.run([gcc, "-o", "needs", "main.c", "-L.", f"-l:{soname}"], cwd=work, check=True)
    (work / soname).unlink()
    for path in (work, *work.iterdir()):  # the folder too: made 0700 under the process's umask
        os.lchown(path, *(os.stat(sandbox.home)[4:6]))
    return work / "needs"


def bootstrap(sandbox: Sandbox, script: str) -> subprocess.CompletedProcess[str]:
    return sandbox.run("sh", "-c", f". scripts/bootstrap.sh; {script}")


def test_missing_library_is_named_with_how_to_find_it(
    sandbox: Sandbox, elf_needing_missing_libraries: Path
) -> None:
    out = bootstrap(sandbox, f"check_libraries {elf_needing_missing_libraries}; echo status=$?")
    assert out.stdout.strip() == "status=0"  # it warns; it does not stop the command line
    assert "missing here: libcasevault-absent.so.1" in out.stderr
    assert "apt-file search libcasevault-absent.so.1" in out.stderr
    assert "pacman -F libcasevault-absent.so.1" in out.stderr
    assert_never_asks_for_root(out.stderr)


def test_install_commands_for_each_package_family(sandbox: Sandbox) -> None:
    out = bootstrap(sandbox, "install_hint libxcb-cursor.so.0 libxcb-icccm.so.4 libEGL.so.1 libGL.so.1 font")
    lines = out.stderr.splitlines()

    def line(family: str) -> str:
        found = [entry for entry in lines if entry.strip().startswith(family)]
        assert len(found) == 1, out.stderr
        return " ".join(found[0].split(":", 1)[1].split())

    apt = "sudo apt-get install libegl1 libgl1 libxcb-cursor0 libxcb-icccm4 fonts-dejavu-core"
    dnf = "sudo dnf install libglvnd-egl libglvnd-glx xcb-util-cursor xcb-util-wm dejavu-sans-fonts"
    pacman = "sudo pacman -S --needed libglvnd xcb-util-cursor xcb-util-wm ttf-dejavu"  # one libglvnd
    zypper = "sudo zypper install libEGL1 libGL1 libxcb-cursor0 libxcb-icccm4 dejavu-fonts"
    assert (line("Debian, Ubuntu"), line("Fedora"), line("Arch"), line("openSUSE")) == (
        apt,
        dnf,
        pacman,
        zypper,
    )
    assert_never_asks_for_root(out.stderr)


def test_the_map_is_complete_for_the_platform_plugins(
    sandbox: Sandbox, first_run: subprocess.CompletedProcess[str]
) -> None:
    """Every library outside glibc that the xcb, wayland and offscreen plugins link against has a
    package for each family in scripts/libraries.tsv, so a missing one is never unnamed."""
    assert first_run.returncode == 0
    platforms = next((sandbox.tree / ".venv").glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms"))
    sonames: set[str] = set()
    for plugin in ("libqxcb.so", "libqwayland.so", "libqoffscreen.so"):
        ldd = subprocess.run(
            ["ldd", str(platforms / plugin)], capture_output=True, text=True, check=True
        ).stdout
        for entry in ldd.splitlines():
            parts = entry.split()
            if len(parts) >= 3 and parts[1] == "=>" and "/PySide6/" not in parts[2]:
                sonames.add(parts[0])
    rows = {}
    for raw in (ROOT / "scripts" / "libraries.tsv").read_text().splitlines():
        if raw.strip() and not raw.startswith("#"):
            fields = raw.split()
            rows[fields[0]] = fields[1:]
    assert rows.pop("soname") == ["apt", "dnf", "pacman", "zypper"]
    assert all(len(packages) == 4 for packages in rows.values())
    # Deep dependencies that come with the packages named (compression, crypto, systemd) and glibc.
    deep = re.compile(
        r"^(libc|libm|libdl|libpthread|librt|libbsd|libmd|libcap|libgcrypt|libgpg-error|liblz4|liblzma"
        r"|libsystemd|libzstd|libbrotli\w*|libpcre2-8|libffi)\.so"
    )
    unmapped = sorted(s for s in sonames if s not in rows and not deep.match(s))
    assert not unmapped, f"add these to scripts/libraries.tsv: {unmapped}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-v"]))
