"""`casevault identity`, `handover`, `receive` and `senders`: handing a case to a colleague.

Output contracts: `identity` prints the handover key as the only stdout line (scripts pass it to
`handover --to`), and the signing fingerprint on stderr (`--fingerprint` prints only that, on
stdout); `receive` prints the new reference as the only stdout line, and who signed the bundle
on stderr. Only references, keys, fingerprints, dates and fixed text are printed: nothing a
bundle's sender typed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casevault.cli.common import open_vault, say
from casevault.cli.output import emit_json

if TYPE_CHECKING:
    from casevault.vault.handover.receive import Receipt


def add_parsers(commands: Any) -> None:
    identity = commands.add_parser(
        "identity", help="print this vault's handover key (stdout) and signing fingerprint (stderr)"
    )
    identity.add_argument(
        "--fingerprint", action="store_true", help="print only the signing fingerprint (to compare by phone)"
    )
    handover = commands.add_parser("handover", help="hand a case to a colleague as an encrypted bundle")
    handover.add_argument("ref")
    handover.add_argument("--to", required=True, metavar="AGE_PUBLIC_KEY", help="your colleague's key")
    handover.add_argument("--out", required=True, metavar="FILE", help="a new file (never overwrites)")
    receive = commands.add_parser(
        "receive", help="import a case handed to you; prints its new reference, and who signed it on stderr"
    )
    receive.add_argument("file")
    senders = commands.add_parser("senders", help="colleagues this vault has received cases from")
    actions = senders.add_subparsers(dest="senders_command", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help="each sender's signing fingerprint and whether you confirmed it"
    )
    listing.add_argument("--json", action="store_true")
    confirm = actions.add_parser(
        "confirm", help="record that you compared a sender's fingerprint with them by phone"
    )
    confirm.add_argument("fingerprint")


def cmd_identity(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        key, fingerprint = vault.identity_public_key(), vault.signing_fingerprint()
    if args.fingerprint:
        print(fingerprint)
        return 0
    print(key)
    say(f"signing fingerprint (colleagues compare it with you by phone when they receive): {fingerprint}")
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.hand_over(args.ref, args.to, Path(args.out))
    say(
        f"wrote {args.out}; only the holder of that key can open it. Once your colleague has it, "
        "close the case and delete your copy (casevault case close, then case purge)."
    )
    return 0


def sender_sentence(receipt: Receipt) -> str:
    fp = receipt.sender
    from casevault.vault.handover.receive import SENDER_CONFIRMED, SENDER_KNOWN  # noqa: PLC0415

    if receipt.status == SENDER_CONFIRMED:
        return f"signed by a sender you have compared by phone, signing fingerprint {fp}."
    confirm = f"compare it with your colleague by phone, then run `casevault senders confirm {fp}`."
    if receipt.status == SENDER_KNOWN:
        return f"signed by a sender you have received from before but not compared by phone, {fp}; {confirm}"
    return f"signed by a sender this vault has never received from, signing fingerprint {fp}; {confirm}"


def cmd_receive(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        receipt = vault.receive(Path(args.file))
    print(receipt.ref)
    say(sender_sentence(receipt))
    return 0


def cmd_senders(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.senders_command == "confirm":
            fingerprint = vault.confirm_sender(args.fingerprint)
            print(fingerprint)
            say("recorded that you compared this sender's fingerprint by phone.")
            return 0
        found = vault.handover_senders()
    if args.json:
        emit_json(
            [
                {
                    "fingerprint": s.fingerprint,
                    "first_received_at": s.first_received_at.isoformat(),
                    "last_received_at": s.last_received_at.isoformat(),
                    "received": s.received,
                    "confirmed_at": None if s.confirmed_at is None else s.confirmed_at.isoformat(),
                }
                for s in found
            ]
        )
        return 0
    if not found:
        say("this vault has not received a case from anyone yet.")
    for s in found:
        state = "confirmed by phone" if s.confirmed_at is not None else "not confirmed"
        first = s.first_received_at.date().isoformat()
        print(f"{s.fingerprint}  {state}  first {first}  bundles {s.received}")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "identity": cmd_identity,
    "handover": cmd_handover,
    "receive": cmd_receive,
    "senders": cmd_senders,
}
