"""What every command group shares: the parser class, messages, passphrases and the vault.

Exit codes: 0 ok, 1 other failure (missing consent among them), 2 usage, 3 cannot unlock,
4 damaged or tampered. Every user error is one sentence on stderr (`say`).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from casevault.cli.output import shown
from casevault.core.errors import CasevaultError, ConsentMissingError, UsageError
from casevault.core.paths import VaultPaths

if TYPE_CHECKING:
    from casevault.vault.facade import Vault

PASSPHRASE_ENV = "CASEVAULT_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CASEVAULT_NEW_PASSPHRASE"
PROMPT_ATTEMPTS = 3
YES_NO = ("yes", "no")

# What a rep types for a sharing consent is who it is shared with, as `export --recipient-kind`
# takes it; the stored codes are accepted as well.
SCOPE_ALIASES = {"reps": "share-reps", "regional-office": "share-regional-office"}
_SCOPE_TYPED = {code: alias for alias, code in SCOPE_ALIASES.items()}


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message[:1].upper()}{message[1:]} (see `{self.prog} --help`).")


def subcommands(commands: Any, name: str, help_text: str) -> Any:
    """A command group `name` with its own ACTION subcommands."""
    parser = commands.add_parser(name, help=help_text)
    return parser.add_subparsers(
        dest=f"{name}_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )


def say(text: str) -> None:
    # A message can quote a stored string or one the user typed: never raw to the terminal.
    print(f"casevault: {shown(text)}", file=sys.stderr)


def error_text(err: CasevaultError) -> str:
    """The sentence the command line shows for `err`: for missing consent, with the command
    that records it (the GUI shows the Vault's sentence alone)."""
    if not isinstance(err, ConsentMissingError) or not err.scope or not err.ref:
        return err.message
    typed = _SCOPE_TYPED.get(err.scope, err.scope)
    return f"{err.message.rstrip('.')}: casevault consent add {err.ref} --scope {typed}."


def is_interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask_passphrase(reason: str | None) -> str | None:
    """CASEVAULT_PASSPHRASE, else a prompt when stdin is a terminal, else None (exit 3)."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    if not is_interactive():
        return None
    if reason:
        say(f"{reason}.")
    try:
        return getpass.getpass("Vault passphrase: ")
    except (EOFError, OSError):
        return None


def new_passphrase(env_name: str) -> str:
    from_env = os.environ.get(env_name)
    if from_env is not None:
        return from_env
    if not is_interactive():
        raise UsageError(f"No passphrase given: set {env_name} or run casevault in a terminal.")
    first = getpass.getpass("New vault passphrase: ")
    if getpass.getpass("Repeat it: ") != first:
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


def open_vault(args: argparse.Namespace) -> Vault:
    """The vault named by the command line, unlocked as every command unlocks it."""
    # Here, not at the top: `--help`, `--version` and usage errors never load the vault.
    from casevault.host.keychain import OsKeychain  # noqa: PLC0415
    from casevault.vault.facade import Vault  # noqa: PLC0415

    return Vault.open(
        VaultPaths.resolve(args.vault),
        keychain=OsKeychain(),
        ask_passphrase=ask_passphrase,
        notice=say,
        attempts=PROMPT_ATTEMPTS if is_interactive() and PASSPHRASE_ENV not in os.environ else 1,
    )
