"""macOS: FileVault from `fdesetup status`, the screen lock from `sysadminctl -screenLock status`."""

from __future__ import annotations

from casevault.host.device_check.common import (
    DISK_FILEVAULT_OFF,
    DISK_FILEVAULT_ON,
    DISK_FILEVAULT_UNKNOWN,
    LOCK_DISABLED,
    LOCK_ON,
    LOCK_UNREADABLE,
    NO,
    UNKNOWN,
    YES,
    Run,
    Verdict,
    call,
)


def disk(run: Run) -> Verdict:
    result = call(run, ["fdesetup", "status"])
    if result is None:
        return UNKNOWN, DISK_FILEVAULT_UNKNOWN
    code, out, _ = result
    first = out.strip().splitlines()[0].strip() if out.strip() else ""
    if code == 0 and first == "FileVault is On.":
        return YES, DISK_FILEVAULT_ON
    if code == 0 and first == "FileVault is Off.":
        return NO, DISK_FILEVAULT_OFF
    return UNKNOWN, DISK_FILEVAULT_UNKNOWN


def lock(run: Run) -> Verdict:
    result = call(run, ["sysadminctl", "-screenLock", "status"])
    if result is None:
        return UNKNOWN, LOCK_UNREADABLE
    _, out, err = result
    text = f"{out}\n{err}".lower()  # sysadminctl writes its answer to stderr
    if "screenlock is off" in text:
        return NO, LOCK_DISABLED
    if "screenlock delay is" in text:
        return YES, LOCK_ON
    return UNKNOWN, LOCK_UNREADABLE
