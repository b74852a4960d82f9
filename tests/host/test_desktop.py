"""Desktop integration (host/desktop.py) into a temporary XDG home, with the real freedesktop
tools: desktop-file-validate and update-desktop-database (desktop-file-utils), update-mime-database
(shared-mime-info) and xdg-mime (xdg-utils), which scripts/test installs. Nothing is mocked but
the absence or failure of a tool, where that is the point of the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest

from casevault import resources
from casevault.core.errors import UsageError
from casevault.formats import backup_file
from casevault.host import desktop
from casevault.host.desktop import BACKUP, HANDOVER, XdgHome
from casevault.resources import APP_ID, ICON_SIZES, MIME_TYPES
from casevault.vault.facade import Vault

DESKTOP_ID = f"{APP_ID}.desktop"


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, (
        f"{name} is missing: scripts/test installs it (apt: desktop-file-utils, shared-mime-info, xdg-utils)"
    )
    return path


@dataclass
class Desk:
    """A temporary XDG home, with a stand-in casevault program for the menu entry to run."""

    home: XdgHome
    system: Path  # XDG_DATA_DIRS / XDG_CONFIG_DIRS: empty, so only what install wrote counts
    program: Path

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KDE_", "DESKTOP_SESSION"))}
        env.pop("DE", None)
        env.update(
            XDG_DATA_HOME=str(self.home.data),
            XDG_CONFIG_HOME=str(self.home.config),
            XDG_DATA_DIRS=str(self.system),
            XDG_CONFIG_DIRS=str(self.system),
        )
        return env

    def default_for(self, mime_type: str) -> str:
        done = subprocess.run(
            [tool("xdg-mime"), "query", "default", mime_type],
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def tree(self) -> list[str]:
        return sorted(
            str(p.relative_to(self.home.data.parent))
            for root in (self.home.data, self.home.config)
            for p in root.rglob("*")
        )


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    system = tmp_path / "system"
    system.mkdir()
    program = tmp_path / "bin" / "casevault"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    home = XdgHome(data=tmp_path / "xdg" / "data", config=tmp_path / "xdg" / "config")
    home.data.mkdir(parents=True)
    home.config.mkdir()
    found = Desk(home, system, program)
    # The tools read the environment too (install passes its own XdgHome; the rest must agree).
    for name, value in found.env().items():
        monkeypatch.setenv(name, value)
    for name in [
        n for n in os.environ if n.startswith(("KDE_", "DESKTOP_SESSION")) or n == "XDG_CURRENT_DESKTOP"
    ]:
        monkeypatch.delenv(name)
    previous = os.umask(0o077)  # as `casevault` runs (cli.harden_process)
    yield found
    os.umask(previous)


# ---- install, check, uninstall: for real ---------------------------------------------------


def test_install_gives_a_valid_menu_entry_icons_types_and_defaults_and_uninstall_leaves_nothing(
    desk: Desk,
) -> None:
    report = desktop.install(desk.home, [str(desk.program)])
    assert report.ran == ["update-mime-database", "update-desktop-database", "xdg-mime"]
    assert report.missing == [] and report.failed == []
    assert [p.relative_to(desk.home.data) for p in report.files] == [r for r, _ in desktop.installed_files()]

    entry = desk.home.data / "applications" / DESKTOP_ID
    done = subprocess.run(
        [tool("desktop-file-validate"), str(entry)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert f"Exec={desk.program} %f" in lines
    assert f"TryExec={desk.program}" in lines
    assert f"MimeType={';'.join(MIME_TYPES)};" in lines

    for size, png in zip(ICON_SIZES, resources.icon_pngs(), strict=True):
        installed = desk.home.data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert installed.read_bytes() == png.read_bytes(), f"the {size} px icon"
    svg = desk.home.data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == resources.icon_svg().read_bytes()
    assert (desk.home.data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    for mime_type in MIME_TYPES:
        assert desk.default_for(mime_type) == DESKTOP_ID
    globs = (desk.home.data / "mime" / "globs2").read_text()
    assert f"{MIME_TYPES[0]}:*.cvbackup" in globs and f"{MIME_TYPES[1]}:*.cvcase.age" in globs
    cache = (desk.home.data / "applications" / "mimeinfo.cache").read_text()
    assert f"{MIME_TYPES[0]}={DESKTOP_ID};" in cache

    removed = desktop.uninstall(desk.home)
    assert sorted(removed.files) == sorted(report.files)
    assert removed.failed == []
    assert desk.tree() == [], "uninstall left these behind"
    assert desk.default_for(MIME_TYPES[0]) == ""


def test_the_files_are_public_but_writable_only_by_the_user_whatever_the_umask(desk: Desk) -> None:
    desk.home.data.chmod(0o750)
    report = desktop.install(desk.home, [str(desk.program)])
    for path in report.files:
        assert path.stat().st_mode & 0o777 == 0o644, path
    made = {p.parent for p in report.files} | {p.parent.parent for p in report.files}
    for folder in made - {desk.home.data}:
        assert folder.stat().st_mode & 0o777 == 0o755, folder
    assert (desk.home.data / "mime" / "mime.cache").stat().st_mode & 0o777 == 0o644
    assert desk.home.data.stat().st_mode & 0o777 == 0o750  # existed: left as it was


def test_a_missing_data_folder_is_made_private_as_the_xdg_spec_asks(desk: Desk) -> None:
    home = XdgHome(data=desk.home.data.parent / "new" / "share", config=desk.home.config)
    desktop.install(home, [str(desk.program)], which=lambda _tool: None)
    assert home.data.stat().st_mode & 0o777 == 0o700
    assert (home.data / "applications").stat().st_mode & 0o777 == 0o755


def test_uninstall_keeps_what_others_installed(desk: Desk) -> None:
    data, config = desk.home.data, desk.home.config
    other_entry = data / "applications" / "org.example.Other.desktop"
    other_entry.parent.mkdir()
    other_entry.write_text(
        "[Desktop Entry]\nType=Application\nName=Other\nExec=/bin/true %f\nMimeType=text/x-other;\n"
    )
    other_types = data / "mime" / "packages" / "other.xml"
    other_types.parent.mkdir(parents=True)
    other_types.write_text(
        '<?xml version="1.0"?>\n<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">'
        '<mime-type type="text/x-other"><comment>Other</comment><glob pattern="*.other"/></mime-type>'
        "</mime-info>\n"
    )
    other_icon = data / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other_icon.parent.mkdir(parents=True)
    other_icon.write_bytes(b"not really a png")
    mimeapps = config / "mimeapps.list"
    before = "# mine\n[Default Applications]\ntext/plain=org.example.Other.desktop\n\n[Added Associations]\n"
    before += f"text/plain={DESKTOP_ID};org.example.Other.desktop;\n"
    mimeapps.write_text(before)
    subprocess.run([tool("update-mime-database"), str(data / "mime")], capture_output=True, check=True)
    subprocess.run(
        [tool("update-desktop-database"), str(data / "applications")], capture_output=True, check=True
    )
    was = desk.tree()

    desktop.install(desk.home, [str(desk.program)])
    assert desk.default_for(MIME_TYPES[1]) == DESKTOP_ID
    desktop.uninstall(desk.home)

    assert desk.tree() == was
    assert mimeapps.read_text() == before  # another type's association naming casevault is not ours
    assert "x-casevault" not in (data / "mime" / "globs2").read_text()
    assert "x-casevault" not in (data / "applications" / "mimeinfo.cache").read_text()
    assert "text/x-other" in (data / "mime" / "globs2").read_text()
    assert desk.default_for(MIME_TYPES[0]) == ""


def test_installing_twice_is_installing_once(desk: Desk) -> None:
    desktop.install(desk.home, ["/old/place/casevault"], which=lambda _tool: None)
    first = desktop.install(desk.home, [str(desk.program)])
    second = desktop.install(desk.home, [str(desk.program)])
    assert first.files == second.files
    text = (desk.home.config / "mimeapps.list").read_text()
    assert text.count(f"{MIME_TYPES[0]}=") == 1
    assert f"Exec={desk.program} %f" in (desk.home.data / "applications" / DESKTOP_ID).read_text()
    desktop.uninstall(desk.home)
    assert desk.tree() == []


def test_install_replaces_a_planted_symlink_instead_of_writing_through_it(desk: Desk, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    planted = desk.home.data / "applications" / DESKTOP_ID
    planted.parent.mkdir()
    planted.symlink_to(outside)
    desktop.install(desk.home, [str(desk.program)], which=lambda _tool: None)
    assert outside.read_text() == "keep me"
    assert not planted.is_symlink() and "Exec=" in planted.read_text()


# ---- the tools are optional ----------------------------------------------------------------


def test_without_the_tools_the_files_are_installed_and_each_missing_tool_is_named(desk: Desk) -> None:
    def never(argv: Sequence[str], env: Mapping[str, str]) -> tuple[int, str]:
        raise AssertionError("no tool may run")

    report = desktop.install(desk.home, [str(desk.program)], which=lambda _tool: None, run=never)
    assert all(path.is_file() for path in report.files)
    assert report.ran == [] and report.failed == []
    assert [s.split()[0] for s in report.missing] == [
        "update-mime-database",
        "update-desktop-database",
        "xdg-mime",
    ]
    assert "(package shared-mime-info)" in report.missing[0]
    assert "(package xdg-utils)" in report.missing[2]
    removed = desktop.uninstall(desk.home, which=lambda _tool: None, run=never)
    assert len(removed.files) == len(report.files)
    assert removed.missing == []  # a tool that is not there made no cache to update
    assert desk.tree() == []


def test_a_failing_tool_is_reported_in_one_sentence(desk: Desk) -> None:
    calls: list[list[str]] = []

    def run(argv: Sequence[str], env: Mapping[str, str]) -> tuple[int, str]:
        calls.append(list(argv))
        assert env["XDG_DATA_HOME"] == str(desk.home.data)
        assert env["XDG_CONFIG_HOME"] == str(desk.home.config)
        return (3, "warning\nit broke") if argv[0].endswith("xdg-mime") else (0, "")

    report = desktop.install(desk.home, [str(desk.program)], which=lambda t: f"/usr/bin/{t}", run=run)
    assert report.failed == ["xdg-mime failed: it broke"]
    assert calls[-1] == ["/usr/bin/xdg-mime", "default", DESKTOP_ID, *MIME_TYPES]
    assert report.ran == ["update-mime-database", "update-desktop-database"]


def test_run_tool_reports_a_tool_that_cannot_start_or_fails(tmp_path: Path) -> None:
    status, said = desktop.run_tool([str(tmp_path / "no-such-tool")], dict(os.environ))
    assert status == 1 and said
    status, said = desktop.run_tool([sys.executable, "-c", "import sys; sys.exit('nope')"], dict(os.environ))
    assert (status, said) == (1, "nope")


def test_uninstall_where_nothing_is_installed_touches_nothing(desk: Desk) -> None:
    def never(argv: Sequence[str], env: Mapping[str, str]) -> tuple[int, str]:
        raise AssertionError("no tool may run")

    (desk.home.data / "applications").mkdir()
    report = desktop.uninstall(desk.home, run=never)
    assert report.files == [] and report.ran == []
    assert desk.tree() == ["data/applications"]


# ---- the menu entry's command line ---------------------------------------------------------


def validate(text: str, tmp_path: Path) -> str:
    path = tmp_path / DESKTOP_ID
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [tool("desktop-file-validate"), str(path)], capture_output=True, text=True, check=False
    )
    return (done.stdout + done.stderr).strip() if done.returncode or done.stdout.strip() else ""


@pytest.mark.parametrize(
    ("command", "exec_line"),
    [
        (["/usr/bin/casevault"], "Exec=/usr/bin/casevault %f"),
        (["/home/Ana María/.local/bin/casevault"], 'Exec="/home/Ana María/.local/bin/casevault" %f'),
        (["/opt/a$b`c/casevault"], 'Exec="/opt/a\\\\$b\\\\`c/casevault" %f'),
        (['/opt/say "hi"/casevault'], 'Exec="/opt/say \\\\"hi\\\\"/casevault" %f'),
        (["/opt/back\\slash/casevault"], 'Exec="/opt/back\\\\\\\\slash/casevault" %f'),
        (["/opt/100%/casevault"], "Exec=/opt/100%%/casevault %f"),
        (["/usr/bin/python3", "-m", "casevault"], "Exec=/usr/bin/python3 -m casevault %f"),
    ],
)
def test_exec_is_quoted_as_the_desktop_entry_spec_says(
    command: list[str], exec_line: str, tmp_path: Path
) -> None:
    text = desktop.desktop_entry(resources.desktop_file().read_text(encoding="utf-8"), command)
    assert exec_line in text.splitlines()
    assert validate(text, tmp_path) == ""


def test_exec_refuses_what_a_desktop_file_cannot_hold() -> None:
    template = resources.desktop_file().read_text(encoding="utf-8")
    for command in (["casevault"], [], ["/opt/new\nline/casevault"], ["/opt/\udcff/casevault"]):
        with pytest.raises(UsageError):
            desktop.desktop_entry(template, command)


def test_the_template_keeps_every_other_line() -> None:
    template = resources.desktop_file().read_text(encoding="utf-8")
    text = desktop.desktop_entry(template, ["/usr/bin/casevault"])
    kept = [line for line in template.splitlines() if not line.startswith("Exec=")]
    assert [line for line in text.splitlines() if not line.startswith(("Exec=", "TryExec="))] == kept


# ---- the XDG folders -----------------------------------------------------------------------


def test_xdg_home_follows_the_base_directory_spec(tmp_path: Path) -> None:
    home = tmp_path
    assert XdgHome.from_environment({}, home) == XdgHome(home / ".local" / "share", home / ".config")
    env = {"XDG_DATA_HOME": "/d", "XDG_CONFIG_HOME": "/c"}
    assert XdgHome.from_environment(env, home) == XdgHome(Path("/d"), Path("/c"))
    ignored = {"XDG_DATA_HOME": "relative/share", "XDG_CONFIG_HOME": ""}
    assert XdgHome.from_environment(ignored, home) == XdgHome(home / ".local" / "share", home / ".config")
    assert XdgHome.from_environment({"HOME": str(home)}).data == home / ".local" / "share"


# ---- mimeapps.list -------------------------------------------------------------------------


def test_forget_defaults_takes_out_casevault_only(tmp_path: Path) -> None:
    mimeapps = tmp_path / "mimeapps.list"
    assert desktop.forget_defaults(mimeapps) is False  # no file: nothing to do
    mimeapps.write_text(
        "[Default Applications]\n"
        f"{MIME_TYPES[0]}=org.example.Other.desktop;{DESKTOP_ID};\n"
        f"{MIME_TYPES[1]}={DESKTOP_ID}\n"
        f"text/plain={DESKTOP_ID};\n"
        "[Added Associations]\n"
        f"{MIME_TYPES[1]}={DESKTOP_ID};org.example.Other.desktop;\n"
        "[Removed Associations]\n"
        f"{MIME_TYPES[0]}={DESKTOP_ID};\n"
    )
    mimeapps.chmod(0o640)
    assert desktop.forget_defaults(mimeapps) is True
    assert mimeapps.read_text() == (
        "[Default Applications]\n"
        f"{MIME_TYPES[0]}=org.example.Other.desktop;\n"
        f"text/plain={DESKTOP_ID};\n"
        "[Added Associations]\n"
        f"{MIME_TYPES[1]}=org.example.Other.desktop;\n"
        "[Removed Associations]\n"  # the user's own choice against casevault stays
        f"{MIME_TYPES[0]}={DESKTOP_ID};\n"
    )
    assert mimeapps.stat().st_mode & 0o777 == 0o640
    assert desktop.forget_defaults(mimeapps) is False


def test_forget_defaults_removes_a_file_that_only_casevault_filled(tmp_path: Path) -> None:
    mimeapps = tmp_path / "mimeapps.list"
    mimeapps.write_text(
        f"\n[Default Applications]\n{MIME_TYPES[0]}={DESKTOP_ID}\n{MIME_TYPES[1]}={DESKTOP_ID}\n"
    )
    assert desktop.forget_defaults(mimeapps) is True
    assert not mimeapps.exists()


# ---- which flow a file opens ---------------------------------------------------------------


def test_a_file_opens_by_its_name_or_else_its_first_bytes(tmp_path: Path, vault: Vault) -> None:
    backup = tmp_path / "made.cvbackup"
    vault.backup(backup)
    assert desktop.opened_file_kind(backup) == BACKUP
    renamed = backup.rename(tmp_path / "backup-from-the-stick")
    assert desktop.opened_file_kind(renamed) == BACKUP  # by its magic: formats/backup_file.py
    assert renamed.read_bytes().startswith(backup_file.MAGIC)

    bundle = tmp_path / "CV-2026-0001.age"
    bundle.write_bytes(pyrage.encrypt(b"x", [pyrage.x25519.Identity.generate().to_public()]))
    assert desktop.opened_file_kind(bundle) == HANDOVER
    assert desktop.opened_file_kind(bundle.rename(tmp_path / "CV-2026-0001.AGE")) == HANDOVER
    unnamed = (tmp_path / "CV-2026-0001.AGE").rename(tmp_path / "from-a-colleague")
    assert desktop.opened_file_kind(unnamed) == HANDOVER
    armoured = tmp_path / "armoured"
    armoured.write_bytes(b"-----BEGIN AGE ENCRYPTED FILE-----\n...")
    assert desktop.opened_file_kind(armoured) == HANDOVER


def test_any_other_file_is_a_usage_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with pytest.raises(UsageError, match=r"backups \(\.cvbackup\) and handover bundles \(\.age\)"):
        desktop.opened_file_kind(notes)
    with pytest.raises(UsageError, match="There is no file"):
        desktop.opened_file_kind(tmp_path / "gone.cvbackup")
    with pytest.raises(UsageError, match="There is no file"):
        desktop.opened_file_kind(tmp_path)  # a folder
