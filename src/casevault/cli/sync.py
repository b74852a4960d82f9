"""`casevault sync`: one vault on several devices, through a folder a sync engine carries (issue 20).

sync init --folder DIR [--name LABEL]   make this vault the first device of the sync folder DIR
sync join --folder DIR [--name LABEL] [--wait SECONDS]
                                        make a new vault (at --vault) that is another device of
                                        the vault syncing through DIR: shows a code, waits for a
                                        paired device to accept it, then asks for this device's
                                        own passphrase
sync pair [--yes]                       accept a device waiting to join, once the codes match
sync now                                send what changed here, take in what the others sent
sync status [--json]                    this device, what is unsent, conflicts to resolve
sync devices [--json]                   the paired devices and how far each has been read
sync remove DEVICE                      stop syncing with a device: a new sync key goes to the
                                        others, and it can read nothing written afterwards
sync compact                            remove from the folder this device's change sets and
                                        files that every paired device has read (the window
                                        does it on its sync timer)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casevault.cli.common import PASSPHRASE_ENV, is_interactive, new_passphrase, open_vault, say, subcommands
from casevault.cli.output import emit_json, shown
from casevault.core.errors import CasevaultError, UsageError
from casevault.core.paths import VaultPaths

DEFAULT_WAIT = 600  # seconds `sync join` waits for the answer


def add_parsers(commands: Any) -> None:
    actions = subcommands(commands, "sync", "one vault on several devices, through a synced folder")
    init = actions.add_parser("init", help="make this vault the first device of a sync folder")
    init.add_argument("--folder", metavar="DIR", required=True, help="the folder a sync engine shares")
    init.add_argument("--name", metavar="LABEL", default="first device", help="what to call this device")
    join = actions.add_parser("join", help="make a new vault (at --vault) another device of a synced vault")
    join.add_argument("--folder", metavar="DIR", required=True, help="the shared folder, synced here")
    join.add_argument("--name", metavar="LABEL", default="new device", help="what to call this device")
    join.add_argument("--wait", type=int, default=DEFAULT_WAIT, metavar="SECONDS", help="how long to wait")
    join.add_argument("--yes", action="store_true", help="take the answer without asking (the code is shown)")
    pair = actions.add_parser("pair", help="accept a device waiting to join, once its code matches")
    pair.add_argument("--yes", action="store_true", help="accept without asking (the code is still shown)")
    actions.add_parser("now", help="sync now: send what changed here, take in what others sent")
    remove = actions.add_parser("remove", help="stop syncing with a device (a new sync key for the others)")
    remove.add_argument("device", metavar="DEVICE", help="its id, as `casevault sync devices` lists it")
    actions.add_parser("compact", help="remove from the folder what every paired device has read")
    for name, what in (("status", "this device and what waits"), ("devices", "the paired devices")):
        parser = actions.add_parser(name, help=what)
        parser.add_argument("--json", action="store_true")


def _confirm(question: str, yes: bool) -> bool:
    if yes:
        return True
    if not is_interactive():
        raise UsageError("Confirming a pairing needs a terminal; check the codes and give --yes.")
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def cmd_init(args: argparse.Namespace) -> int:
    folder = Path(args.folder).expanduser()
    with open_vault(args) as vault:
        device = vault.sync.set_up(folder, args.name)
    print(f"This vault syncs through {shown(str(folder))} as device {device}.")
    say("Add another device with `casevault sync join` there, then `casevault sync pair` here.")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from casevault.host.keychain import OsKeychain  # noqa: PLC0415 - only for this command
    from casevault.vault.facade import Vault  # noqa: PLC0415
    from casevault.vault.sync import service  # noqa: PLC0415

    paths = VaultPaths.resolve(args.vault)
    if paths.keys_file.exists():
        raise CasevaultError(f"A vault already exists at {paths.root}; join with a new --vault folder.")
    folder = Path(args.folder).expanduser()
    if not folder.is_dir():
        raise UsageError(f"There is no folder at {folder}; give the shared folder as it is synced here.")
    waiting = service.start_joining(folder, args.name)
    print(
        f"Device {waiting.request.device} is waiting to be accepted: run `casevault sync pair` "
        "on a device that already syncs."
    )
    deadline = time.monotonic() + max(1, args.wait)
    answer = None
    while answer is None:
        answer = service.answer_for(waiting)
        if answer is None:
            if time.monotonic() > deadline:
                raise CasevaultError("No paired device accepted this one in time; nothing was made.")
            time.sleep(1)
    code = waiting.code(answer)
    print(f"Code: {code}")
    if not _confirm("Is this the code the other device shows?", args.yes):
        raise CasevaultError("The codes differ, so this device did not join; nothing was made.")
    while not service.snapshot_ready(waiting, answer):  # the inviter's state, to start from
        if time.monotonic() > deadline:
            raise CasevaultError(
                "The other device's snapshot has not all arrived in the folder in time; nothing was made."
            )
        time.sleep(1)
    passphrase = new_passphrase(PASSPHRASE_ENV)
    with Vault.join(paths, passphrase, waiting, answer, keychain=OsKeychain(), notice=say) as vault:
        report = vault.sync.sync_now()
        cases = vault.count_cases()
    print(
        f"Joined: this vault is device {waiting.request.device}, with {cases} cases from the other "
        f"device's snapshot and {report.received} records sent since."
    )
    _tell(report)
    return 0


def cmd_pair(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        waiting = vault.sync.requests()
        if not waiting:
            print("No device is waiting to join; run `casevault sync join` on it first.")
            return 0
        for request, code in waiting:
            print(f"Device {request.device} ({shown(request.label)}) asks to join. Code: {code}")
            if _confirm("Does the new device show the same code?", args.yes):
                vault.sync.accept(request)
                print(f"Accepted {request.device}.")
            else:
                print(f"Not accepted: {request.device}.")
    return 0


def cmd_now(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        report = vault.sync.sync_now()
    print(
        f"Sent {report.sent} records in {report.written} change sets; took in {report.received} records "
        f"from {report.applied}; {report.files} files copied."
    )
    _tell(report)
    return 1 if report.refused else 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        told = vault.sync.remove_device(args.device)
    print(f"Removed {args.device}; a new sync key went to {told} other device(s).")
    say(
        "It keeps what it had already, the vault's master key included: if it was lost or stolen, "
        "move the cases to a new vault."
    )
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.sync.sync_now()  # this device's progress first, and what the others have read
        done = vault.sync.compact()
    print(
        f"Removed {done.removed} change sets ({done.freed / 2**20:.1f} MiB freed); {done.kept} kept "
        "for a device that has still to read them."
    )
    return 0


def _tell(report: Any) -> None:
    if report.purged:
        say(f"{report.purged} case(s) deleted on another device were erased here.")
    for sentence in [*report.refused, *report.waiting]:
        say(sentence)


def cmd_status(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        status = vault.sync.status()
    if args.json:
        emit_json(
            {
                "device": status.device_id,
                "folder": status.folder,
                "written": status.written,
                "unsent": status.unsent,
                "conflicts": status.conflicts,
                "devices": len(status.devices),
            }
        )
        return 0
    print(f"device\t{status.device_id}\nfolder\t{shown(status.folder)}")
    print(f"change sets written\t{status.written}\nchanged, not yet sent\t{status.unsent}")
    print(f"conflicts to resolve\t{status.conflicts}\npaired devices\t{len(status.devices)}")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        status = vault.sync.status()
    rows = [
        {"device": d.device_id, "label": d.label, "added_at": d.added_at.isoformat(), "read": d.last_sequence}
        for d in status.devices
    ]
    if args.json:
        emit_json(rows)
        return 0
    for row in rows:
        print(
            f"{row['device']}\t{shown(str(row['label']))}\tadded {row['added_at']}\tread up to {row['read']}"
        )
    if not rows:
        print("No other device is paired yet.", file=sys.stderr)
    return 0


_ACTIONS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "join": cmd_join,
    "pair": cmd_pair,
    "now": cmd_now,
    "status": cmd_status,
    "devices": cmd_devices,
    "remove": cmd_remove,
    "compact": cmd_compact,
}


def cmd_sync(args: argparse.Namespace) -> int:
    return _ACTIONS[args.sync_command](args)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"sync": cmd_sync}
