"""Device check: is the disk holding the vault encrypted, and does the session lock itself?

The guide asks reps to encrypt the whole drive and to lock devices when not in use. This module asks
the operating system, in plain words, and says "unknown" whenever it cannot tell — it never guesses.

- Linux: `findmnt` finds the filesystem holding the vault; `lsblk --inverse` walks from its block
  device up through its parents looking for a dm-crypt/LUKS layer. eCryptfs mounts count as
  encrypted; an fscrypt-encrypted directory is recognised by its inode flag. The screen lock comes
  from `gsettings` on GNOME-family desktops and from `kreadconfig` on KDE Plasma.
- Windows: `manage-bde -status` (BitLocker; usually needs an administrator, otherwise "unknown").
- macOS: `fdesetup status` (FileVault) and `sysadminctl -screenLock status`.

No Qt here, no shell, short timeouts, and `check_device` never raises. Every detail and advice
string is fixed text marked for translation; none contains a path, a device name or a person.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casevault.core.i18n import QT_TRANSLATE_NOOP

YES = "yes"
NO = "no"
UNKNOWN = "unknown"

TIMEOUT_SECONDS = 5.0

Run = Callable[..., Any]


@dataclass(frozen=True)
class DeviceReport:
    disk_encrypted: str  # "yes" | "no" | "unknown"
    disk_detail: str
    screen_lock: str  # "yes" | "no" | "unknown"
    screen_lock_detail: str
    advice: tuple[str, ...]


# --- fixed text (translatable) ------------------------------------------------------------------

DISK_LUKS = QT_TRANSLATE_NOOP("casework", "The disk holding the vault is encrypted with dm-crypt/LUKS.")
DISK_ECRYPTFS = QT_TRANSLATE_NOOP("casework", "The folder holding the vault is encrypted with eCryptfs.")
DISK_FSCRYPT = QT_TRANSLATE_NOOP("casework", "The folder holding the vault is encrypted with fscrypt.")
DISK_PLAIN = QT_TRANSLATE_NOOP("casework", "The disk holding the vault has no encryption layer.")
DISK_VIRTUAL = QT_TRANSLATE_NOOP(
    "casework",
    "The vault is on a container, memory or overlay filesystem, so casevault cannot tell "
    "whether the disk underneath is encrypted.",
)
DISK_NETWORK = QT_TRANSLATE_NOOP(
    "casework",
    "The vault is on a network or shared folder, so casevault cannot tell whether it is encrypted.",
)
DISK_NATIVE = QT_TRANSLATE_NOOP(
    "casework",
    "The vault is on a filesystem with its own encryption that casevault cannot read.",
)
DISK_NO_TOOLS = QT_TRANSLATE_NOOP(
    "casework", "casevault could not ask the system whether the disk holding the vault is encrypted."
)
DISK_UNCLEAR = QT_TRANSLATE_NOOP(
    "casework", "casevault could not tell whether the disk holding the vault is encrypted."
)
DISK_BITLOCKER_ON = QT_TRANSLATE_NOOP(
    "casework", "BitLocker protection is on for the drive holding the vault."
)
DISK_BITLOCKER_OFF = QT_TRANSLATE_NOOP(
    "casework", "BitLocker protection is off for the drive holding the vault."
)
DISK_BITLOCKER_UNKNOWN = QT_TRANSLATE_NOOP(
    "casework",
    "casevault could not read the BitLocker status, which usually needs an administrator account.",
)
DISK_FILEVAULT_ON = QT_TRANSLATE_NOOP("casework", "FileVault is on.")
DISK_FILEVAULT_OFF = QT_TRANSLATE_NOOP("casework", "FileVault is off.")
DISK_FILEVAULT_UNKNOWN = QT_TRANSLATE_NOOP("casework", "casevault could not read the FileVault status.")
DISK_PLATFORM_UNKNOWN = QT_TRANSLATE_NOOP(
    "casework", "casevault does not know how to check disk encryption on this system."
)

LOCK_ON = QT_TRANSLATE_NOOP("casework", "The screen locks automatically after a period of inactivity.")
LOCK_DISABLED = QT_TRANSLATE_NOOP("casework", "Automatic screen lock is turned off.")
LOCK_NEVER_IDLE = QT_TRANSLATE_NOOP(
    "casework", "The screen never goes idle, so it never locks automatically."
)
LOCK_NO_DESKTOP = QT_TRANSLATE_NOOP(
    "casework", "casevault could not recognise the desktop, so it cannot read the screen lock setting."
)
LOCK_UNREADABLE = QT_TRANSLATE_NOOP("casework", "casevault could not read the screen lock setting.")
LOCK_WINDOWS = QT_TRANSLATE_NOOP(
    "casework", "casevault cannot read the Windows screen lock setting, so please check it yourself."
)
LOCK_PLATFORM_UNKNOWN = QT_TRANSLATE_NOOP(
    "casework", "casevault does not know how to check the screen lock on this system."
)

ADVICE_ENCRYPT_LINUX = QT_TRANSLATE_NOOP(
    "casework",
    "Encrypt the whole drive: on Linux this is usually the disk encryption (LUKS) option when "
    "installing the system.",
)
ADVICE_ENCRYPT_WINDOWS = QT_TRANSLATE_NOOP(
    "casework", "Encrypt the whole drive by turning on BitLocker in the Windows settings."
)
ADVICE_ENCRYPT_MACOS = QT_TRANSLATE_NOOP(
    "casework", "Encrypt the whole drive by turning on FileVault in the macOS settings."
)
ADVICE_ENCRYPT_OTHER = QT_TRANSLATE_NOOP(
    "casework", "Encrypt the whole drive using your system's full-disk encryption."
)
ADVICE_CHECK_DISK = QT_TRANSLATE_NOOP(
    "casework",
    "Check with whoever looks after this computer that the whole drive is encrypted.",
)
ADVICE_TURN_ON_LOCK = QT_TRANSLATE_NOOP(
    "casework", "Turn on automatic screen lock with a short delay, such as five minutes."
)
ADVICE_CHECK_LOCK = QT_TRANSLATE_NOOP(
    "casework",
    "Check that the screen locks automatically after a short delay, such as five minutes.",
)
ADVICE_VAULT_LOCKS = QT_TRANSLATE_NOOP(
    "casework", "casevault also locks the vault by itself after a period of inactivity."
)

# Filesystems that say nothing about the disk underneath.
_VIRTUAL_FS = frozenset(
    {"overlay", "overlayfs", "aufs", "tmpfs", "ramfs", "devtmpfs", "squashfs", "9p", "virtiofs", "fuse"}
)
_NETWORK_FS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "afs", "ceph", "glusterfs", "davfs", "ncpfs"}
)
# Filesystems with their own encryption that this module does not read.
_NATIVE_CRYPT_FS = frozenset({"zfs", "bcachefs"})
# Filesystems where fscrypt may encrypt individual directories.
_FSCRYPT_FS = frozenset({"ext4", "f2fs", "ubifs"})

_GNOME_DESKTOPS = frozenset({"GNOME", "UNITY", "BUDGIE", "GNOME-CLASSIC", "GNOME-FLASHBACK"})
_KDE_DESKTOPS = frozenset({"KDE", "PLASMA"})


def check_device(
    path: Path,
    *,
    run: Run = subprocess.run,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
) -> DeviceReport:
    """Report on the disk holding `path` and the session's screen lock. Never raises."""
    environ = os.environ if env is None else env
    try:
        if platform.startswith("linux"):
            disk, disk_detail = _linux_disk(path, run)
            lock, lock_detail = _linux_lock(run, environ)
        elif platform == "win32":
            disk, disk_detail = _windows_disk(path, run)
            lock, lock_detail = UNKNOWN, LOCK_WINDOWS
        elif platform == "darwin":
            disk, disk_detail = _macos_disk(run)
            lock, lock_detail = _macos_lock(run)
        else:
            disk, disk_detail = UNKNOWN, DISK_PLATFORM_UNKNOWN
            lock, lock_detail = UNKNOWN, LOCK_PLATFORM_UNKNOWN
    except Exception:  # never raise to the caller: an unexpected answer is an unknown one
        disk, disk_detail = UNKNOWN, DISK_UNCLEAR
        lock, lock_detail = UNKNOWN, LOCK_UNREADABLE
    return DeviceReport(disk, disk_detail, lock, lock_detail, _advice(disk, lock, platform))


def _advice(disk: str, lock: str, platform: str) -> tuple[str, ...]:
    advice: list[str] = []
    if disk == NO:
        if platform.startswith("linux"):
            advice.append(ADVICE_ENCRYPT_LINUX)
        elif platform == "win32":
            advice.append(ADVICE_ENCRYPT_WINDOWS)
        elif platform == "darwin":
            advice.append(ADVICE_ENCRYPT_MACOS)
        else:
            advice.append(ADVICE_ENCRYPT_OTHER)
    elif disk == UNKNOWN:
        advice.append(ADVICE_CHECK_DISK)
    if lock == NO:
        advice.append(ADVICE_TURN_ON_LOCK)
    elif lock == UNKNOWN:
        advice.append(ADVICE_CHECK_LOCK)
    advice.append(ADVICE_VAULT_LOCKS)
    return tuple(advice)


def _call(run: Run, args: Sequence[str], platform: str = "") -> tuple[int, str, str] | None:
    """Run `args` (no shell, short timeout); None if the tool is missing, times out or fails to start."""
    kwargs: dict[str, Any] = {
        "capture_output": True,
        "text": True,
        "timeout": TIMEOUT_SECONDS,
        "check": False,
        "stdin": subprocess.DEVNULL,
    }
    if platform == "win32":
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        result = run(list(args), **kwargs)
    except (OSError, subprocess.SubprocessError, ValueError, UnicodeError):
        return None
    stdout = result.stdout if isinstance(result.stdout, str) else ""
    stderr = result.stderr if isinstance(result.stderr, str) else ""
    return int(result.returncode), stdout, stderr


# --- Linux ---------------------------------------------------------------------------------------


def _existing(path: Path) -> Path:
    """The nearest existing ancestor of `path` (the vault may not have been created yet)."""
    candidate = Path(path).absolute()
    while not candidate.exists() and candidate != candidate.parent:
        candidate = candidate.parent
    return candidate


def _linux_disk(path: Path, run: Run) -> tuple[str, str]:
    target = _existing(path)
    found = _call(run, ["findmnt", "-J", "-o", "SOURCE,FSTYPE", "--target", str(target)])
    if found is None:
        return UNKNOWN, DISK_NO_TOOLS
    code, out, _ = found
    if code != 0:
        return UNKNOWN, DISK_UNCLEAR
    try:
        filesystems = json.loads(out)["filesystems"]
        source = str(filesystems[0]["source"] or "")
        fstype = str(filesystems[0]["fstype"] or "").lower()
    except (ValueError, KeyError, IndexError, TypeError):
        return UNKNOWN, DISK_UNCLEAR

    by_type = _classify_fstype(fstype, target)
    if by_type is not None:
        return by_type

    device = source.split("[", 1)[0]  # btrfs reports "/dev/sda2[/@home]"
    if not device.startswith("/dev/"):
        return UNKNOWN, DISK_VIRTUAL

    listed = _call(run, ["lsblk", "-J", "-s", "-o", "NAME,TYPE,FSTYPE", device])
    if listed is None:
        return UNKNOWN, DISK_NO_TOOLS
    code, out, _ = listed
    if code != 0:
        return UNKNOWN, DISK_UNCLEAR
    try:
        roots = json.loads(out)["blockdevices"]
    except (ValueError, KeyError, TypeError):
        return UNKNOWN, DISK_UNCLEAR
    if not isinstance(roots, list) or not roots:
        return UNKNOWN, DISK_UNCLEAR
    verdict = _walk_chain(roots)
    if verdict == YES:
        return YES, DISK_LUKS
    if verdict == NO:
        return NO, DISK_PLAIN
    return UNKNOWN, DISK_UNCLEAR


def _classify_fstype(fstype: str, target: Path) -> tuple[str, str] | None:
    """A verdict from the filesystem type alone, or None to go on and inspect the block device."""
    if fstype == "ecryptfs":
        return YES, DISK_ECRYPTFS
    if fstype in _VIRTUAL_FS or fstype.startswith("fuse"):
        return UNKNOWN, DISK_VIRTUAL
    if fstype in _NETWORK_FS or fstype.startswith(("nfs", "smb")):
        return UNKNOWN, DISK_NETWORK
    if fstype in _NATIVE_CRYPT_FS:
        return UNKNOWN, DISK_NATIVE
    if fstype in _FSCRYPT_FS and _probe_fscrypt(target):
        return YES, DISK_FSCRYPT
    return None


def _walk_chain(nodes: list[Any]) -> str:
    """YES if any device in the (inverse) lsblk tree is a crypt layer; NO only if every branch
    ends in a disk or partition without one; UNKNOWN otherwise (loop files, odd shapes)."""
    fully_known = True
    for node in nodes:
        if not isinstance(node, dict):
            return UNKNOWN
        kind = str(node.get("type") or "").lower()
        fstype = str(node.get("fstype") or "").lower()
        if kind == "crypt" or fstype == "crypto_luks":
            return YES
        parents = node.get("children")
        if parents:
            if not isinstance(parents, list):
                return UNKNOWN
            below = _walk_chain(parents)
            if below == YES:
                return YES
            if below == UNKNOWN:
                fully_known = False
        elif kind not in {"disk", "part"}:
            fully_known = False
    return NO if fully_known else UNKNOWN


_FS_ENCRYPT_FL = 0x00000800


def _probe_fscrypt(path: Path) -> bool:
    """True only if the kernel says `path` carries fscrypt's encryption flag; False on any doubt."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only

        size = struct.calcsize("l")
        fs_ioc_getflags = (2 << 30) | (size << 16) | (ord("f") << 8) | 1  # _IOR('f', 1, long)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (ImportError, OSError):
        return False
    try:
        buffer = fcntl.ioctl(fd, fs_ioc_getflags, bytes(size))
        (flags,) = struct.unpack("l", buffer)
        return bool(flags & _FS_ENCRYPT_FL)
    except (OSError, struct.error):
        return False
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


def _desktops(env: Mapping[str, str]) -> set[str]:
    raw = env.get("XDG_CURRENT_DESKTOP", "") or env.get("DESKTOP_SESSION", "")
    return {part.strip().upper() for part in raw.split(":") if part.strip()}


def _linux_lock(run: Run, env: Mapping[str, str]) -> tuple[str, str]:
    desktops = _desktops(env)
    if desktops & _KDE_DESKTOPS:
        return _kde_lock(run)
    if desktops & _GNOME_DESKTOPS:
        return _gnome_lock(run)
    return UNKNOWN, LOCK_NO_DESKTOP


def _gsettings(run: Run, schema: str, key: str) -> str | None:
    result = _call(run, ["gsettings", "get", schema, key])
    if result is None:
        return None
    code, out, err = result
    if code != 0 or "memory" in err.lower():  # memory backend: defaults, not the user's setting
        return None
    return out.strip() or None


def _gnome_lock(run: Run) -> tuple[str, str]:
    enabled = _gsettings(run, "org.gnome.desktop.screensaver", "lock-enabled")
    if enabled == "false":
        return NO, LOCK_DISABLED
    if enabled != "true":
        return UNKNOWN, LOCK_UNREADABLE
    delay = _gsettings(run, "org.gnome.desktop.session", "idle-delay")
    if delay is None:
        return UNKNOWN, LOCK_UNREADABLE
    try:
        seconds = int(delay.split()[-1])
    except (ValueError, IndexError):
        return UNKNOWN, LOCK_UNREADABLE
    if seconds == 0:
        return NO, LOCK_NEVER_IDLE
    if seconds > 0:
        return YES, LOCK_ON
    return UNKNOWN, LOCK_UNREADABLE


def _kde_lock(run: Run) -> tuple[str, str]:
    for tool in ("kreadconfig6", "kreadconfig5"):
        result = _call(run, [tool, "--file", "kscreenlockerrc", "--group", "Daemon", "--key", "Autolock"])
        if result is None:
            continue
        code, out, _ = result
        if code != 0:
            return UNKNOWN, LOCK_UNREADABLE
        value = out.strip().lower()
        if value in {"", "true"}:  # unset means KDE's default, which is on
            return YES, LOCK_ON
        if value == "false":
            return NO, LOCK_DISABLED
        return UNKNOWN, LOCK_UNREADABLE
    return UNKNOWN, LOCK_UNREADABLE


# --- Windows -------------------------------------------------------------------------------------


def _windows_disk(path: Path, run: Run) -> tuple[str, str]:
    drive = Path(path).absolute().drive
    if not drive:
        drive = "C:"
    elif len(drive) != 2 or drive[1] != ":":  # a UNC share, not a local drive
        return UNKNOWN, DISK_NETWORK
    result = _call(run, ["manage-bde", "-status", drive], platform="win32")
    if result is None:
        return UNKNOWN, DISK_BITLOCKER_UNKNOWN
    code, out, _ = result
    if code != 0:
        return UNKNOWN, DISK_BITLOCKER_UNKNOWN
    for line in out.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() == "protection status":
            value = value.strip().lower()
            if value == "protection on":
                return YES, DISK_BITLOCKER_ON
            if value == "protection off":
                return NO, DISK_BITLOCKER_OFF
            break
    return UNKNOWN, DISK_BITLOCKER_UNKNOWN


# --- macOS ---------------------------------------------------------------------------------------


def _macos_disk(run: Run) -> tuple[str, str]:
    result = _call(run, ["fdesetup", "status"])
    if result is None:
        return UNKNOWN, DISK_FILEVAULT_UNKNOWN
    code, out, _ = result
    first = out.strip().splitlines()[0].strip() if out.strip() else ""
    if code == 0 and first == "FileVault is On.":
        return YES, DISK_FILEVAULT_ON
    if code == 0 and first == "FileVault is Off.":
        return NO, DISK_FILEVAULT_OFF
    return UNKNOWN, DISK_FILEVAULT_UNKNOWN


def _macos_lock(run: Run) -> tuple[str, str]:
    result = _call(run, ["sysadminctl", "-screenLock", "status"])
    if result is None:
        return UNKNOWN, LOCK_UNREADABLE
    _, out, err = result
    text = f"{out}\n{err}".lower()  # sysadminctl writes its answer to stderr
    if "screenlock is off" in text:
        return NO, LOCK_DISABLED
    if "screenlock delay is" in text:
        return YES, LOCK_ON
    return UNKNOWN, LOCK_UNREADABLE


__all__ = ["NO", "UNKNOWN", "YES", "DeviceReport", "check_device"]
