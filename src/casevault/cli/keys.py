"""`casevault init`, `passphrase change` and `keychain`: the vault and the ways it unlocks."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from casevault.cli.common import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, new_passphrase, open_vault, say
from casevault.cli.output import shown
from casevault.core.errors import CasevaultError
from casevault.core.paths import VaultPaths


def add_init(commands: Any) -> None:
    init = commands.add_parser("init", help="create a vault")
    init.add_argument(
        "--no-keyring", action="store_true", help="passphrase only; do not use the system keychain"
    )


def add_parsers(commands: Any) -> None:
    passphrase = commands.add_parser("passphrase", help="change the vault passphrase")
    passphrase.add_argument("action", choices=("change",))
    keychain = commands.add_parser("keychain", help="use the system keychain, or stop using it")
    keychain.add_argument("action", choices=("status", "enable", "disable"))


def cmd_init(args: argparse.Namespace) -> int:
    paths = VaultPaths.resolve(args.vault)
    if paths.keys_file.exists():
        raise CasevaultError(f"A vault already exists at {paths.root}.")
    passphrase = new_passphrase(PASSPHRASE_ENV)
    from casevault.host.keychain import OsKeychain  # noqa: PLC0415 - loaded only by a command that needs it
    from casevault.vault.facade import Vault  # noqa: PLC0415

    keychain = None if args.no_keyring else OsKeychain()
    with Vault.create(paths, passphrase, keychain=keychain, notice=say) as vault:
        slots = ", ".join(s.type for s in vault.key_slots)
    print(f"Created a vault at {shown(paths.root)} (opens with: {shown(slots)}).")
    print("Keep the passphrase safe: it is the way back in if the keychain is lost.")
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.change_passphrase(new_passphrase(NEW_PASSPHRASE_ENV))
    print("The passphrase was changed.")
    return 0


def cmd_keychain(args: argparse.Namespace) -> int:
    from casevault.host.keychain import OsKeychain  # noqa: PLC0415 - loaded only by a command that needs it

    keychain = OsKeychain()
    with open_vault(args) as vault:
        if args.action == "enable":
            vault.enable_keychain(keychain)
        elif args.action == "disable":
            vault.disable_keychain(keychain)
        slot = next((s for s in vault.key_slots if s.type == "keychain"), None)
    print(f"Keychain slot: {'in use (' + slot.backend + ')' if slot else 'not in use'}.")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "passphrase": cmd_passphrase,
    "keychain": cmd_keychain,
}
