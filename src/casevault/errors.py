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


class ConsentMissingError(UsageError):
    """A management contact 'off the record' or 'without prejudice' without the member's consent
    of that scope in force (the guide: tell the member beforehand and obtain their agreement)."""
