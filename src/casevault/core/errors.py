"""The one error hierarchy.

Every error a user can cause or meet carries a one-sentence message and the CLI exit code
from DESIGN.md section 5. Anything that is not a `CasevaultError` is a bug and is allowed to
raise normally (the CLI shows a traceback only with --debug).
"""

from __future__ import annotations


class CasevaultError(Exception):
    """A failure the user should see as one clear sentence."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(CasevaultError):
    exit_code = 2


class UnlockError(CasevaultError):
    """The vault cannot be opened: wrong passphrase, no passphrase, keychain unusable."""

    exit_code = 3


class DamagedError(CasevaultError):
    """Data failed authentication or the database is corrupt."""

    exit_code = 4


class NotFoundError(CasevaultError):
    pass


class VaultStateError(CasevaultError):
    """The vault is missing, already exists, is locked, or is from a newer casevault."""


class DiskFullError(CasevaultError):
    pass


class KeychainError(CasevaultError):
    """The OS keychain could not be used. Never fatal on its own: the passphrase still opens the vault."""

    exit_code = 3


class AuthenticationError(DamagedError):
    """Ciphertext failed authentication. Deliberately opaque, like Fernet's InvalidToken: a flipped
    bit, a truncation, a wrong key and a swapped file all look the same to the caller."""

    def __init__(self, message: str = "The data failed authentication.") -> None:
        super().__init__(message)


class ConsentMissingError(CasevaultError):
    """Something needs the member's consent and none of that scope is in force: sharing a case
    with other reps or the regional office (an export, a handover), or a management contact
    'off the record' or 'without prejudice' (the guide: obtain their agreement beforehand).

    Not a usage error: the command was right, the record is missing, so it exits 1 (DESIGN.md
    section 5: "other failure"). `scope` is the consent that is missing (one of
    model.CONSENT_SCOPES) and `ref` the case, so the command line can say how to record it."""

    exit_code = 1

    def __init__(self, message: str, *, scope: str = "", ref: str = "") -> None:
        super().__init__(message)
        self.scope = scope
        self.ref = ref
