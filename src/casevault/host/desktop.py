"""Desktop integration for one user, without root (freedesktop.org desktops: Linux and the BSDs).

`install` copies the files in casevault.resources (laid out as under share/) into the user's
XDG data folder, so the desktop's menu, icon theme, software centre and file manager know
casevault:

    applications/org.casevault.CaseVault.desktop    the menu entry; Exec= runs this casevault
    icons/hicolor/<N>x<N>/apps/org.casevault.CaseVault.png, .../scalable/apps/...svg
    metainfo/org.casevault.CaseVault.metainfo.xml   AppStream
    mime/packages/org.casevault.CaseVault.xml       the .cvbackup and handover (.age) types

then runs update-mime-database, update-desktop-database and `xdg-mime default` where they are
installed (each is optional: a missing one is reported, never an error). `uninstall` removes
exactly those files, takes casevault back out of mimeapps.list, rebuilds the caches the tools
made (or removes them when nothing else is left for them to describe) and removes the folders
install made that are left empty.

`opened_file_kind` tells which flow a file given on the command line (the `%f` of Exec=) starts.
No Qt, no vault: the CLI imports this module only for `casevault desktop` and `casevault FILE`.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casevault import resources
from casevault.core.errors import CasevaultError, UsageError
from casevault.core.fsutil import atomic_writer, translate_os_error
from casevault.resources import APP_ID, ICON_SIZES, MIME_TYPES

# These files are public: the same bytes as in the published package, plus the path of the
# casevault command. Unlike vault data (0600 files, 0700 folders: core/fsutil.py), they are
# readable by everyone, as every desktop's own files are, so any part of the desktop (a menu
# service, an indexer, a software centre) can read them whoever it runs as; they stay writable by
# the user alone, so nobody else can change what the menu entry runs.
FILE_MODE = 0o644
DIR_MODE = 0o755

DESKTOP_ID = f"{APP_ID}.desktop"
BACKUP = "backup"  # opening it verifies the backup
HANDOVER = "handover"  # opening it receives the case
_SUFFIXES = {".cvbackup": BACKUP, ".age": HANDOVER}
# What a file starts with: formats/backup_file.py's MAGIC, and age's binary and armoured headers.
_MAGIC = ((b"CVBACKUP", BACKUP), (b"age-encryption.org/", HANDOVER), (b"-----BEGIN AGE", HANDOVER))

# What update-mime-database writes into a mime/ folder (shared-mime-info 2.x), besides a folder
# per media type holding one XML file per type.
MIME_CACHE_FILES = (
    "XMLnamespaces",
    "aliases",
    "generic-icons",
    "globs",
    "globs2",
    "icons",
    "magic",
    "mime.cache",
    "subclasses",
    "treemagic",
    "types",
    "version",
)
DESKTOP_CACHE = "mimeinfo.cache"  # what update-desktop-database writes into applications/
MIMEAPPS = "mimeapps.list"  # where `xdg-mime default` records the default application
TOOL_TIMEOUT = 60
# Each desktop tool: its package (the same name on Debian, Fedora, Arch and openSUSE) and what is
# missing without it.
TOOLS = {
    "update-mime-database": (
        "shared-mime-info",
        "the file manager will not know .cvbackup and .age files until it runs.",
    ),
    "update-desktop-database": (
        "desktop-file-utils",
        "some desktops will offer casevault for its files only once it has run.",
    ),
    "xdg-mime": (
        "xdg-utils",
        "casevault was not made the default application for its files.",
    ),
}
# Characters that oblige an Exec= argument to be quoted, and those escaped inside the quotes
# (Desktop Entry Specification 1.5, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set('"`$\\')


@dataclass(frozen=True)
class XdgHome:
    """The user's XDG base folders that desktop integration writes to."""

    data: Path  # $XDG_DATA_HOME, else ~/.local/share
    config: Path  # $XDG_CONFIG_HOME, else ~/.config (where mimeapps.list lives)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None, home: Path | None = None) -> XdgHome:
        """As the XDG Base Directory Specification says: a variable that is unset, empty or not an
        absolute path is ignored, and the default under the home folder is used."""
        env = os.environ if environ is None else environ
        base = home if home is not None else Path(env.get("HOME") or Path.home())

        def pick(name: str, default: Path) -> Path:
            value = env.get(name, "")
            return Path(value) if value and Path(value).is_absolute() else default

        return cls(
            data=pick("XDG_DATA_HOME", base / ".local" / "share"),
            config=pick("XDG_CONFIG_HOME", base / ".config"),
        )

    def environment(self, environ: Mapping[str, str] | None = None) -> dict[str, str]:
        """The environment for the desktop tools, pointed at these folders."""
        env = dict(os.environ if environ is None else environ)
        env["XDG_DATA_HOME"] = str(self.data)
        env["XDG_CONFIG_HOME"] = str(self.config)
        return env


@dataclass
class Report:
    """What install or uninstall did, for the command line to tell."""

    files: list[Path] = field(default_factory=list)  # written, or removed
    ran: list[str] = field(default_factory=list)  # the tools that ran and succeeded
    missing: list[str] = field(default_factory=list)  # a sentence per tool not installed
    failed: list[str] = field(default_factory=list)  # a sentence per tool that failed


Which = Callable[[str], str | None]
Run = Callable[[Sequence[str], Mapping[str, str]], tuple[int, str]]


def run_tool(argv: Sequence[str], env: Mapping[str, str]) -> tuple[int, str]:
    """Run one desktop tool: its exit status and what it printed (stderr, else stdout). The caches
    the update-* tools write describe the public files above, so they get the same modes (umask
    022); xdg-mime edits the user's own mimeapps.list under the process's umask."""
    umask = -1 if Path(argv[0]).name == "xdg-mime" else 0o022
    try:
        done = subprocess.run(
            list(argv),
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT,
            check=False,
            umask=umask,
        )
    except subprocess.TimeoutExpired:
        return 1, f"it did not finish within {TOOL_TIMEOUT} s"
    except OSError as err:
        return 1, err.strerror or type(err).__name__
    return done.returncode, (done.stderr or done.stdout).strip()


# ---- what goes where --------------------------------------------------------------------------


def installed_files() -> list[tuple[Path, Path]]:
    """Every file install writes: (path under the data folder, the packaged file it comes from).
    The .desktop file is first: it is rewritten on the way (desktop_entry)."""
    hicolor = Path("icons") / "hicolor"
    icons = [
        (hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png", png)
        for n, png in zip(ICON_SIZES, resources.icon_pngs(), strict=True)
    ]
    return [
        (Path("applications") / DESKTOP_ID, resources.desktop_file()),
        (Path("metainfo") / resources.metainfo_file().name, resources.metainfo_file()),
        (Path("mime") / "packages" / resources.mime_file().name, resources.mime_file()),
        *icons,
        (hicolor / "scalable" / "apps" / f"{APP_ID}.svg", resources.icon_svg()),
    ]


def exec_argument(arg: str) -> str:
    """One argument of an Exec= command line, quoted as the Desktop Entry Specification says."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(
            "The path of the casevault command is not valid UTF-8; install it elsewhere."
        ) from None
    if any(ord(c) < 0x20 or c == "\x7f" for c in arg):
        raise UsageError("The path of the casevault command holds a control character; install it elsewhere.")
    arg = arg.replace("%", "%%")
    if not (set(arg) & _RESERVED):
        return arg
    return '"' + "".join(f"\\{c}" if c in _ESCAPED_IN_QUOTES else c for c in arg) + '"'


def escape_value(text: str) -> str:
    """A string value in a desktop entry: a backslash is written as two (`\\\\`)."""
    return text.replace("\\", "\\\\")


def desktop_entry(template: str, command: Sequence[str]) -> str:
    """The packaged .desktop file with Exec= running `command` (absolute) on the opened file, and
    TryExec= naming the program, so the menu entry disappears if casevault is uninstalled."""
    if not command or not Path(command[0]).is_absolute():
        raise UsageError("The casevault command for the menu entry must be an absolute path.")
    exec_line = f"Exec={escape_value(' '.join(exec_argument(a) for a in command))} %f"
    out, replaced = [], False
    for line in template.splitlines():
        if line.startswith(("Exec=", "TryExec=")):
            if not replaced:
                out += [f"TryExec={escape_value(command[0])}", exec_line]
                replaced = True
            continue
        out.append(line)
    if not replaced:
        raise CasevaultError("The packaged .desktop file has no Exec= line.")  # a packaging bug
    return "\n".join(out) + "\n"


# ---- install and uninstall ------------------------------------------------------------------


def install(
    home: XdgHome, command: Sequence[str], *, which: Which | None = None, run: Run | None = None
) -> Report:
    """Write every desktop file for `command` (the casevault program, as an absolute argv), then
    run the desktop tools that are installed."""
    report = Report()
    entry = desktop_entry(resources.desktop_file().read_text(encoding="utf-8"), command)
    try:
        for relative, source in installed_files():
            target = home.data / relative
            _make_dirs(target.parent, home.data)
            data = entry.encode("utf-8") if relative.suffix == ".desktop" else source.read_bytes()
            with atomic_writer(target) as f:
                f.write(data)
                os.fchmod(f.fileno(), FILE_MODE)
            report.files.append(target)
        _touch(home.data / "icons" / "hicolor")  # the icon theme's cache, if any, is now stale
    except OSError as err:
        raise translate_os_error(err, "installing the menu entry") from err
    _refresh(home, report, which, run, installing=True)
    return report


def uninstall(home: XdgHome, *, which: Which | None = None, run: Run | None = None) -> Report:
    """Remove what install wrote (whatever command it named), and casevault from mimeapps.list.
    Where nothing of casevault's is installed, nothing is touched (an empty report)."""
    report = Report()
    try:
        for relative, _source in installed_files():
            target = home.data / relative
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
                report.files.append(target)
        forgot = forget_defaults(home.config / MIMEAPPS)
    except OSError as err:
        raise translate_os_error(err, "removing the menu entry") from err
    if not report.files and not forgot:
        return report
    _refresh(home, report, which, run, installing=False)
    removed = {path.relative_to(home.data) for path in report.files}
    with contextlib.suppress(OSError):
        if Path("mime") / "packages" / resources.mime_file().name in removed:
            _remove_unused_mime_cache(home.data / "mime")
        if Path("applications") / DESKTOP_ID in removed:
            _remove_unused_desktop_cache(home.data / "applications")
        for relative in removed:
            _prune_dirs((home.data / relative).parent, home.data)
        _touch(home.data / "icons" / "hicolor")
    return report


def _refresh(
    home: XdgHome, report: Report, which: Which | None, run: Run | None, *, installing: bool
) -> None:
    """Run the desktop tools over what is there now. Installing, casevault is also made the
    default for its types, and a missing tool is reported; uninstalling, a missing tool made no
    cache to update."""
    find = which or _which
    runner = run or run_tool
    env = home.environment()
    steps: list[tuple[str, list[str]]] = []
    if (home.data / "mime" / "packages").is_dir():
        steps.append(("update-mime-database", [str(home.data / "mime")]))
    if (home.data / "applications").is_dir():
        steps.append(("update-desktop-database", [str(home.data / "applications")]))
    if installing:
        steps.append(("xdg-mime", ["default", DESKTOP_ID, *MIME_TYPES]))
    for tool, args in steps:
        path = find(tool)
        if path is None and not installing:
            continue
        if path is None:
            package, without = TOOLS[tool]
            report.missing.append(f"{tool} is not installed (package {package}), so {without}")
            continue
        status, said = runner([path, *args], env)
        if status == 0:
            report.ran.append(tool)
        else:
            last = said.splitlines()[-1] if said else f"exit status {status}"
            report.failed.append(f"{tool} failed: {last}")


def _which(tool: str) -> str | None:
    import shutil  # noqa: PLC0415 - only when a tool is looked for

    return shutil.which(tool)


def _make_dirs(folder: Path, top: Path) -> None:
    """Create `folder` and its parents under `top` that are missing as DIR_MODE, whatever the
    umask; folders that exist are left as they are. `top` itself, if missing, is made 0700 as
    the XDG Base Directory Specification asks."""
    if not top.is_dir():
        top.mkdir(mode=0o700, parents=True)
    here = top
    for part in folder.relative_to(top).parts:
        here = here / part
        if not here.is_dir():
            here.mkdir()
            os.chmod(here, DIR_MODE)


def _prune_dirs(folder: Path, top: Path) -> None:
    """Remove `folder` and its parents up to (not including) `top` while they are empty."""
    here = folder
    while here != top and top in here.parents:
        try:
            here.rmdir()
        except OSError:  # not empty (or gone): what is left is someone else's
            return
        here = here.parent


def _touch(folder: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(folder)


def _remove_unused_mime_cache(mime: Path) -> None:
    """update-mime-database leaves the folder of a media type it no longer has (application/)
    behind, empty; and once casevault's was the only package, the database it rebuilt describes
    nothing: remove that too (only the files it writes)."""
    packages = mime / "packages"
    if not (packages.is_dir() and any(packages.iterdir())):
        for name in MIME_CACHE_FILES:
            with contextlib.suppress(FileNotFoundError):
                (mime / name).unlink()
    for media in mime.iterdir():
        if media.is_dir() and media != packages:
            _prune_dirs(media, mime)
    _prune_dirs(packages, mime.parent)


def _remove_unused_desktop_cache(applications: Path) -> None:
    """Likewise update-desktop-database's cache, once no .desktop file is left beside it."""
    cache = applications / DESKTOP_CACHE
    if cache.is_file() and not any(applications.rglob("*.desktop")):
        cache.unlink()


# ---- mimeapps.list --------------------------------------------------------------------------

_SECTION = re.compile(r"^\[(.*)\]\s*$")
_DEFAULT_SECTIONS = ("Default Applications", "Added Associations")


def forget_defaults(mimeapps: Path) -> bool:
    """Take casevault's desktop id out of `mimeapps` for its own MIME types (where `xdg-mime
    default` put it), keeping every other line as it was; remove the file if nothing is left in
    it. True if it changed."""
    try:
        text = mimeapps.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    before = text.splitlines()
    lines = list(_without_casevault(before))
    if lines == before:
        return False
    if not any(line.strip() and not _SECTION.match(line) for line in lines):
        mimeapps.unlink()  # only empty section headers were left: the file says nothing
        return True
    mode = mimeapps.stat().st_mode & 0o777
    with atomic_writer(mimeapps) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
        os.fchmod(f.fileno(), mode)
    return True


def _without_casevault(lines: list[str]) -> Iterator[str]:
    section = ""
    for line in lines:
        header = _SECTION.match(line)
        if header:
            section = header.group(1)
            yield line
            continue
        key, eq, value = line.partition("=")
        if section in _DEFAULT_SECTIONS and eq and key.strip() in MIME_TYPES:
            kept = [app for app in value.strip().split(";") if app and app != DESKTOP_ID]
            if kept:
                yield f"{key}={';'.join(kept)};"
            continue
        yield line


# ---- opening a file -------------------------------------------------------------------------


def opened_file_kind(path: Path) -> str:
    """BACKUP or HANDOVER: which flow opening `path` starts (by its name, else its first bytes)."""
    if not path.is_file():
        raise UsageError(f"There is no file {path}.")
    kind = _SUFFIXES.get(path.suffix.lower())
    if kind is not None:
        return kind
    try:
        with path.open("rb") as f:
            head = f.read(32)
    except OSError as err:
        raise translate_os_error(err, "opening the file") from err
    for magic, found in _MAGIC:
        if head.startswith(magic):
            return found
    raise UsageError(
        f"casevault opens its backups (.cvbackup) and handover bundles (.age); {path.name} is neither."
    )
