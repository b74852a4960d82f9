"""Pure rules for sending a case out (issue 6): zip passwords, the names inside a zip, and the
sentences that go with a password. No I/O; the Vault writes the zip."""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Final

# Who an export goes to. Sending to the member themselves needs no sharing consent.
RECIPIENT_KINDS: Final = ("reps", "regional-office", "member")

# No 0/O, 1/l/I, 5/S, 2/Z: read aloud or copied by hand without mistakes. 28 symbols.
PASSWORD_ALPHABET: Final = "abcdefghjkmnpqrstuvwxyz34679"
PASSWORD_GROUPS: Final = 6
PASSWORD_GROUP_LEN: Final = 5
MIN_PASSWORD_CHARS: Final = 12

SUMMARY_NAME: Final = "case-summary.pdf"
INDEX_NAME: Final = "contents.txt"

SEND_SEPARATELY: Final = (
    "Send this password by a different channel from the zip (a phone call or a text message, "
    "not the same email)."
)
WHAT_OPENS_IT: Final = (
    "The zip opens with 7-Zip on Windows, or Keka or The Unarchiver on macOS; "
    "Windows Explorer and macOS Archive Utility cannot open this kind of encrypted zip."
)

_SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,10}$")


def password_bits() -> float:
    import math  # noqa: PLC0415 - only for the documented strength

    return PASSWORD_GROUPS * PASSWORD_GROUP_LEN * math.log2(len(PASSWORD_ALPHABET))


def generate_password() -> str:
    """30 random symbols from an unambiguous alphabet in groups of 5 (about 144 bits)."""
    groups = (
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP_LEN))
        for _ in range(PASSWORD_GROUPS)
    )
    return "-".join(groups)


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD_CHARS:
        return f"The zip's password must be at least {MIN_PASSWORD_CHARS} characters long."
    return None


def _suffix(name: str) -> str:
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    return suffix if _SAFE_SUFFIX.match(suffix) else ""


def _safe_real_name(name: str) -> str:
    """A real file name made safe as one zip entry: no folders, no leading dots, not empty."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c if c.isprintable() else "_" for c in base).strip().lstrip(".")
    return base or "document"


def inner_names(names: Sequence[str], *, neutral: bool, prefix: str = "") -> list[str]:
    """The zip entry for each document, in order: "document-01.pdf" (keeping the extension; the
    names in a zip can be read without its password), or the real names made safe and unique."""
    width = max(2, len(str(len(names))))
    out: list[str] = []
    taken: set[str] = {SUMMARY_NAME.lower(), INDEX_NAME.lower()}
    for number, name in enumerate(names, start=1):
        if neutral:
            candidate = f"document-{number:0{width}d}{_suffix(name)}"
        else:
            candidate = _safe_real_name(name)
            stem, dot, ext = candidate.rpartition(".")
            if not dot or not stem:
                stem, ext = candidate, ""
            copy = 2
            while (prefix + candidate).lower() in taken:
                candidate = f"{stem} ({copy}).{ext}" if ext else f"{stem} ({copy})"
                copy += 1
        taken.add((prefix + candidate).lower())
        out.append(prefix + candidate)
    return out


def index_text(pairs: Sequence[tuple[str, str]]) -> str:
    """contents.txt inside the zip (encrypted like the documents): each entry and its real name."""
    lines = ["Documents in this zip, and their names in the case file:", ""]
    lines += [f"{inner}\t{real}" for inner, real in pairs]
    return "\n".join(lines) + "\n"


# Why a handed-over case closes without an escalation record of its own: the colleague who
# received it carries the case, and its escalation, on. Stored in the paper trail as written.
HANDED_OVER_REASON = "Handed over to a colleague by an encrypted handover bundle; they carry the case on."
