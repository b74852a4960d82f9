"""Linux: the disk from `findmnt` and `lsblk`, the screen lock from the desktop's settings.

`findmnt` finds the filesystem holding the vault; `lsblk --inverse` walks from its block device
up through its parents looking for a dm-crypt/LUKS layer. eCryptfs mounts count as encrypted; an
fscrypt-encrypted directory is recognised by its inode flag. The screen lock comes from
`gsettings` on GNOME-family desktops and from `kreadconfig` on KDE Plasma.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from casevault.host.device_check.common import (
    DISK_ECRYPTFS,
    DISK_FSCRYPT,
    DISK_LUKS,
    DISK_NATIVE,
    DISK_NETWORK,
    DISK_NO_TOOLS,
    DISK_PLAIN,
    DISK_UNCLEAR,
    DISK_VIRTUAL,
    LOCK_DISABLED,
    LOCK_NEVER_IDLE,
    LOCK_NO_DESKTOP,
    LOCK_ON,
    LOCK_UNREADABLE,
    NO,
    UNKNOWN,
    YES,
    Run,
    Verdict,
    call,
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


def _existing(path: Path) -> Path:
    """The nearest existing ancestor of `path` (the vault may not have been created yet)."""
    candidate = Path(path).absolute()
    while not candidate.exists() and candidate != candidate.parent:
        candidate = candidate.parent
    return candidate


def disk(path: Path, run: Run) -> Verdict:
    target = _existing(path)
    found = call(run, ["findmnt", "-J", "-o", "SOURCE,FSTYPE", "--target", str(target)])
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

    listed = call(run, ["lsblk", "-J", "-s", "-o", "NAME,TYPE,FSTYPE", device])
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


def _classify_fstype(fstype: str, target: Path) -> Verdict | None:
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


def lock(run: Run, env: Mapping[str, str]) -> Verdict:
    desktops = _desktops(env)
    if desktops & _KDE_DESKTOPS:
        return _kde_lock(run)
    if desktops & _GNOME_DESKTOPS:
        return _gnome_lock(run)
    return UNKNOWN, LOCK_NO_DESKTOP


def _gsettings(run: Run, schema: str, key: str) -> str | None:
    result = call(run, ["gsettings", "get", schema, key])
    if result is None:
        return None
    code, out, err = result
    if code != 0 or "memory" in err.lower():  # memory backend: defaults, not the user's setting
        return None
    return out.strip() or None


def _gnome_lock(run: Run) -> Verdict:
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


def _kde_lock(run: Run) -> Verdict:
    for tool in ("kreadconfig6", "kreadconfig5"):
        result = call(run, [tool, "--file", "kscreenlockerrc", "--group", "Daemon", "--key", "Autolock"])
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
