"""Device check: is the disk holding the vault encrypted, and does the session lock itself?

The guide asks reps to encrypt the whole drive and to lock devices when not in use. This package
asks the operating system, in plain words, and says "unknown" whenever it cannot tell — it never
guesses. One module per system: `linux` (findmnt, lsblk, gsettings, kreadconfig), `windows`
(manage-bde, BitLocker), `macos` (fdesetup, sysadminctl); `common` holds the answers, the fixed
texts and the one way to run a tool.

No Qt here, no shell, short timeouts, and `check_device` never raises. Every detail and advice
string is fixed text marked for translation; none contains a path, a device name or a person.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from casevault.host.device_check import linux, macos, windows
from casevault.host.device_check.common import (
    ADVICE_CHECK_DISK,
    ADVICE_CHECK_LOCK,
    ADVICE_ENCRYPT_LINUX,
    ADVICE_ENCRYPT_MACOS,
    ADVICE_ENCRYPT_OTHER,
    ADVICE_ENCRYPT_WINDOWS,
    ADVICE_TURN_ON_LOCK,
    ADVICE_VAULT_LOCKS,
    DISK_BITLOCKER_OFF,
    DISK_BITLOCKER_ON,
    DISK_BITLOCKER_UNKNOWN,
    DISK_ECRYPTFS,
    DISK_FILEVAULT_OFF,
    DISK_FILEVAULT_ON,
    DISK_FILEVAULT_UNKNOWN,
    DISK_FSCRYPT,
    DISK_LUKS,
    DISK_NATIVE,
    DISK_NETWORK,
    DISK_NO_TOOLS,
    DISK_PLAIN,
    DISK_PLATFORM_UNKNOWN,
    DISK_UNCLEAR,
    DISK_VIRTUAL,
    LOCK_DISABLED,
    LOCK_NEVER_IDLE,
    LOCK_NO_DESKTOP,
    LOCK_ON,
    LOCK_PLATFORM_UNKNOWN,
    LOCK_UNREADABLE,
    LOCK_WINDOWS,
    NO,
    TIMEOUT_SECONDS,
    UNKNOWN,
    YES,
    Run,
)


@dataclass(frozen=True)
class DeviceReport:
    disk_encrypted: str  # "yes" | "no" | "unknown"
    disk_detail: str
    screen_lock: str  # "yes" | "no" | "unknown"
    screen_lock_detail: str
    advice: tuple[str, ...]


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
            disk, disk_detail = linux.disk(path, run)
            lock, lock_detail = linux.lock(run, environ)
        elif platform == "win32":
            disk, disk_detail = windows.disk(path, run)
            lock, lock_detail = UNKNOWN, LOCK_WINDOWS
        elif platform == "darwin":
            disk, disk_detail = macos.disk(run)
            lock, lock_detail = macos.lock(run)
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


__all__ = [
    "ADVICE_CHECK_DISK",
    "ADVICE_CHECK_LOCK",
    "ADVICE_ENCRYPT_LINUX",
    "ADVICE_ENCRYPT_MACOS",
    "ADVICE_ENCRYPT_OTHER",
    "ADVICE_ENCRYPT_WINDOWS",
    "ADVICE_TURN_ON_LOCK",
    "ADVICE_VAULT_LOCKS",
    "DISK_BITLOCKER_OFF",
    "DISK_BITLOCKER_ON",
    "DISK_BITLOCKER_UNKNOWN",
    "DISK_ECRYPTFS",
    "DISK_FILEVAULT_OFF",
    "DISK_FILEVAULT_ON",
    "DISK_FILEVAULT_UNKNOWN",
    "DISK_FSCRYPT",
    "DISK_LUKS",
    "DISK_NATIVE",
    "DISK_NETWORK",
    "DISK_NO_TOOLS",
    "DISK_PLAIN",
    "DISK_PLATFORM_UNKNOWN",
    "DISK_UNCLEAR",
    "DISK_VIRTUAL",
    "LOCK_DISABLED",
    "LOCK_NEVER_IDLE",
    "LOCK_NO_DESKTOP",
    "LOCK_ON",
    "LOCK_PLATFORM_UNKNOWN",
    "LOCK_UNREADABLE",
    "LOCK_WINDOWS",
    "NO",
    "TIMEOUT_SECONDS",
    "UNKNOWN",
    "YES",
    "DeviceReport",
    "Run",
    "check_device",
]
