"""What the platform checks share: the three answers, the fixed texts, and one careful way to run a tool.

Every detail and advice string is fixed text marked for translation; none contains a path, a
device name or a person.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from typing import Any

from casevault.core.i18n import QT_TRANSLATE_NOOP

YES = "yes"
NO = "no"
UNKNOWN = "unknown"

TIMEOUT_SECONDS = 5.0

Run = Callable[..., Any]
Verdict = tuple[str, str]  # (YES | NO | UNKNOWN, fixed detail text)

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


def call(run: Run, args: Sequence[str], platform: str = "") -> tuple[int, str, str] | None:
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
