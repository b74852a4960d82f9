"""Windows: BitLocker from `manage-bde -status`, which usually needs an administrator.

The screen lock setting is not read at all (see `LOCK_WINDOWS`).
"""

from __future__ import annotations

from pathlib import Path

from casevault.host.device_check.common import (
    DISK_BITLOCKER_OFF,
    DISK_BITLOCKER_ON,
    DISK_BITLOCKER_UNKNOWN,
    DISK_NETWORK,
    NO,
    UNKNOWN,
    YES,
    Run,
    Verdict,
    call,
)


def disk(path: Path, run: Run) -> Verdict:
    drive = Path(path).absolute().drive
    if not drive:
        drive = "C:"
    elif len(drive) != 2 or drive[1] != ":":  # a UNC share, not a local drive
        return UNKNOWN, DISK_NETWORK
    result = call(run, ["manage-bde", "-status", drive], platform="win32")
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
