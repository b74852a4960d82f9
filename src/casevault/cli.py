"""The `casevault` command line: the contract in DESIGN.md section 5.

Exit codes: 0 ok, 1 other failure (missing consent among them), 2 usage, 3 cannot unlock,
4 damaged or tampered.
Every user error is one sentence on stderr; a traceback appears only with --debug.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import logging
import os
import resource
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from casevault import __version__, cli_casework, cli_handover, cli_records
from casevault.casework.people import SHARING_SCOPES
from casevault.casework.retention import ORIGINALS_REASONS
from casevault.cli_output import emit_json, iso, local, parse_when, shown
from casevault.core import log as logsetup
from casevault.core.errors import CasevaultError, ConsentMissingError, UnlockError, UsageError
from casevault.core.fsutil import translate_os_error
from casevault.core.model import EVENT_KINDS, FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.host.keychain import OsKeychain
from casevault.vault.facade import Vault

PASSPHRASE_ENV = "CASEVAULT_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CASEVAULT_NEW_PASSPHRASE"
PROMPT_ATTEMPTS = 3

log = logging.getLogger(__name__)


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message[:1].upper()}{message[1:]} (see `{self.prog} --help`).")


def say(text: str) -> None:
    # A message can quote a stored string or one the user typed: never raw to the terminal.
    print(f"casevault: {shown(text)}", file=sys.stderr)


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


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="casevault",
        description="An encrypted case vault for union reps. With no command, opens the desktop app.",
    )
    parser.add_argument(
        "--vault", metavar="DIR", help="the vault folder (default: $CASEVAULT_HOME or your data folder)"
    )
    parser.add_argument("--debug", action="store_true", help="log events to stderr and show tracebacks")
    parser.add_argument(
        "--demo", action="store_true", help="use a throwaway vault of fictional cases, destroyed on exit"
    )
    parser.add_argument("--version", action="version", version=f"casevault {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    init = commands.add_parser("init", help="create a vault")
    init.add_argument(
        "--no-keyring", action="store_true", help="passphrase only; do not use the system keychain"
    )
    _add_case_commands(commands)
    _add_record_commands(commands)
    _add_vault_commands(commands)
    _add_exchange_commands(commands)
    _add_handover_commands(commands)
    cli_records.add_commands(commands)
    cli_casework.add_commands(commands)
    return parser


def _add_case_commands(commands: Any) -> None:
    case = commands.add_parser("case", help="create, list, show, close and purge cases")
    actions = case.add_subparsers(
        dest="case_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )
    new = actions.add_parser("new", help="open a case for a member; prints its reference")
    new.add_argument("--member", required=True, metavar="NAME")
    new.add_argument("--type", default="general", metavar="T", help="e.g. disciplinary, grievance, sickness")
    new.add_argument("--email", default="", metavar="E", help="the member's preferred (not work) address")
    listing = actions.add_parser("list", help="list cases")
    listing.add_argument("--status", choices=("open", "closed", "all"), default="all")
    listing.add_argument("--json", action="store_true")
    show = actions.add_parser("show", help="show one case")
    show.add_argument("ref")
    show.add_argument("--json", action="store_true")
    close = actions.add_parser("close", help="close a case and start its archive period")
    close.add_argument("ref")
    close.add_argument("--retain-days", type=int, metavar="N", help="archive period in days")
    close.add_argument(
        "--without-escalation",
        metavar="REASON",
        help="why the case closes although the first meeting prompted an escalation that is not recorded",
    )
    reopen = actions.add_parser("reopen", help="reopen a closed case")
    reopen.add_argument("ref")
    purge = actions.add_parser("purge", help="destroy a closed case beyond recovery")
    purge.add_argument("ref")
    purge.add_argument("--yes", action="store_true", help="confirm the permanent deletion")
    purge.add_argument(
        "--originals-reason",
        choices=[code for code, _label in ORIGINALS_REASONS],
        help="why it may go while the member's originals are recorded as not returned",
    )


def _add_record_commands(commands: Any) -> None:
    note = commands.add_parser("note", help="add to a case's paper trail")
    actions = note.add_subparsers(
        dest="note_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )
    add = actions.add_parser("add", help="add a dated note")
    add.add_argument("ref")
    add.add_argument("--text", required=True)
    add.add_argument("--kind", choices=EVENT_KINDS, default="note")

    attach = commands.add_parser("attach", help="encrypt files into a case; prints one id per file")
    attach.add_argument("ref")
    attach.add_argument("files", nargs="+", metavar="FILE")
    attachment = commands.add_parser("attachment", help="get a decrypted copy of an attachment")
    actions = attachment.add_subparsers(
        dest="attachment_command", metavar="ACTION", required=True, parser_class=ArgumentParser
    )
    get = actions.add_parser("get", help="decrypt to a new file (never overwrites)")
    get.add_argument("id")
    get.add_argument("--out", required=True, metavar="FILE")

    search = commands.add_parser("search", help="full-text search over names, notes and file names")
    search.add_argument("query")
    search.add_argument("--json", action="store_true")
    reminders = commands.add_parser("reminders", help="what is due")
    reminders.add_argument("--at", metavar="ISO-DATETIME", help="as if it were this time")
    reminders.add_argument("--json", action="store_true")
    deletions = commands.add_parser("deletions", help="the record of permanently deleted cases")
    deletions.add_argument("--json", action="store_true")
    conflicts = commands.add_parser(
        "conflicts", help="cases whose member or a party may be this person (by reference and role only)"
    )
    conflicts.add_argument("name")
    conflicts.add_argument("--json", action="store_true")
    audit = commands.add_parser("audit", help="the tamper-evident log of actions: show it, or verify it")
    audit.add_argument("action", choices=("show", "verify"))
    audit.add_argument("ref", nargs="?", help="only this case (show)")
    audit.add_argument("--json", action="store_true")


def _add_vault_commands(commands: Any) -> None:
    commands.add_parser("check", help="full integrity check; exits 4 if anything is damaged")
    breach = commands.add_parser("breach", help="confidentiality breach records: print or export a report")
    breach.add_argument("action", choices=("report",))
    breach.add_argument("id", nargs="?", help="the breach record (default: the newest)")
    breach.add_argument("--out", metavar="FILE", help="write the report to a new file (never overwrites)")
    passphrase = commands.add_parser("passphrase", help="change the vault passphrase")
    passphrase.add_argument("action", choices=("change",))
    keychain = commands.add_parser("keychain", help="use the system keychain, or stop using it")
    keychain.add_argument("action", choices=("status", "enable", "disable"))
    backup = commands.add_parser(
        "backup", help="write one encrypted backup file (--out FILE), or check one (verify FILE)"
    )
    backup.add_argument("action", nargs="?", choices=("verify",), help="verify: prove FILE restores")
    backup.add_argument("file", nargs="?", metavar="FILE", help="the backup to verify")
    backup.add_argument("--out", metavar="FILE", help="the new backup file (never overwrites)")
    restore = commands.add_parser("restore", help="rebuild a vault from a backup in an empty or new folder")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--into", metavar="DIR", required=True, help="an empty or new folder")


def _add_exchange_commands(commands: Any) -> None:
    export = commands.add_parser("export", help="a password-protected (AES-256) zip of a case, for sending")
    export.add_argument("ref")
    export.add_argument("--out", required=True, metavar="FILE.zip", help="a new file (never overwrites)")
    export.add_argument("--password-env", metavar="VAR", help="take the zip's password from this variable")
    export.add_argument("--to", default="", metavar="RECIPIENT", help="who it goes to, for the sent log")
    export.add_argument(
        "--recipient-kind",
        choices=("reps", "regional-office", "member"),
        default="reps",
        help="needs the member's consent to share with them (not for the member)",
    )
    export.add_argument("--documents", nargs="+", metavar="ID", help="these attachments (default: all)")
    export.add_argument("--summary", action="store_true", help="include a case summary PDF")
    export.add_argument("--real-names", action="store_true", help="the documents' real names inside the zip")
    summary = commands.add_parser("summary", help="save a case summary PDF (never overwrites)")
    summary.add_argument("ref")
    summary.add_argument("--out", required=True, metavar="FILE.pdf")
    subject = commands.add_parser(
        "subject-access", help="everything held about a case's member, as a password-protected zip"
    )
    subject.add_argument("ref")
    subject.add_argument("--out", required=True, metavar="FILE.zip")
    subject.add_argument("--password-env", metavar="VAR", help="take the zip's password from this variable")


def _add_handover_commands(commands: Any) -> None:
    cli_handover.add_parsers(commands)


def cmd_identity(args: argparse.Namespace) -> int:
    return cli_handover.identity(args, open_vault, say)


def cmd_handover(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.hand_over(args.ref, args.to, Path(args.out))
    say(
        f"wrote {args.out}; only the holder of that key can open it. Once your colleague has it, "
        "close the case and delete your copy (casevault case close, then case purge)."
    )
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    return cli_handover.receive(args, open_vault, say)


def cmd_senders(args: argparse.Namespace) -> int:
    return cli_handover.senders(args, open_vault, say, emit_json)


def open_vault(args: argparse.Namespace) -> Vault:
    return Vault.open(
        VaultPaths.resolve(args.vault),
        keychain=OsKeychain(),
        ask_passphrase=ask_passphrase,
        notice=say,
        attempts=PROMPT_ATTEMPTS if is_interactive() and PASSPHRASE_ENV not in os.environ else 1,
    )


def cmd_init(args: argparse.Namespace) -> int:
    paths = VaultPaths.resolve(args.vault)
    if paths.keys_file.exists():
        raise CasevaultError(f"A vault already exists at {paths.root}.")
    passphrase = new_passphrase(PASSPHRASE_ENV)
    keychain = None if args.no_keyring else OsKeychain()
    with Vault.create(paths, passphrase, keychain=keychain, notice=say) as vault:
        slots = ", ".join(s.type for s in vault.key_slots)
    print(f"Created a vault at {shown(paths.root)} (opens with: {shown(slots)}).")
    print("Keep the passphrase safe: it is the way back in if the keychain is lost.")
    return 0


def case_json(vault: Vault, ref: str) -> dict[str, Any]:
    detail = vault.case(ref)
    s = detail.summary
    return {
        "ref": s.ref,
        "member": {"name": detail.member.name, "email": detail.member.email},
        "type": s.case_type,
        "status": s.status,
        "opened": iso(s.opened_at),
        "closed": iso(s.closed_at),
        "retain_until": iso(s.retain_until),
        "updated": iso(s.updated_at),
        "events": [
            {
                "id": e.id,
                "kind": e.kind,
                "occurred": iso(e.occurred_at),
                "recorded": iso(e.recorded_at),
                "text": e.body,
            }
            for e in detail.events
        ],
        "attachments": [
            {"id": a.id, "name": a.name, "size": a.size, "added": iso(a.added_at)} for a in detail.attachments
        ],
        "first_meeting": first_meeting_json(detail.first_meeting),
        "action_points": [cli_records.action_json(a) for a in detail.action_points],
        **cli_records.case_records_json(vault, ref),
        **cli_casework.case_casework_json(vault, ref),
    }


def first_meeting_json(meeting: FirstMeeting) -> dict[str, Any]:
    return {
        "held": iso(meeting.held_at),
        "issues": list(meeting.issues),
        "narrative": meeting.narrative,
        "dismissal_threatened": meeting.dismissal_threatened,
        "discrimination_alleged": meeting.discrimination_alleged,
        "confidentiality_explained": meeting.confidentiality_explained,
        "originals_received": meeting.originals_received,
        "member_decision": meeting.member_decision,
        "saved": iso(meeting.updated_at),
        "originals_returned": iso(meeting.originals_returned_at),
    }


def cmd_case(args: argparse.Namespace) -> int:
    action = args.case_command
    if action == "purge" and not args.yes:
        raise UsageError("`case purge` destroys the case beyond recovery; add --yes to confirm.")
    with open_vault(args) as vault:
        if action == "new":
            print(vault.new_case(args.member, case_type=args.type, email=args.email))
        elif action == "list":
            status = None if args.status == "all" else args.status
            rows = vault.list_cases(status=status, limit=1_000_000)
            if args.json:
                emit_json(
                    [
                        {
                            "ref": c.ref,
                            "member": c.member_name,
                            "type": c.case_type,
                            "status": c.status,
                            "opened": iso(c.opened_at),
                            "closed": iso(c.closed_at),
                            "retain_until": iso(c.retain_until),
                            "updated": iso(c.updated_at),
                        }
                        for c in rows
                    ]
                )
            else:
                for c in rows:
                    print(
                        f"{c.ref}\t{c.status}\t{shown(c.case_type)}\t{local(c.updated_at)}\t"
                        f"{shown(c.member_name)}"
                    )
        elif action == "show":
            data = case_json(vault, args.ref)
            if args.json:
                emit_json(data)
            else:
                print_case(data)
        elif action == "close":
            summary = vault.close_case(
                args.ref, retain_days=args.retain_days, escalation_reason=args.without_escalation
            )
            print(f"{summary.ref} closed; due for deletion on {local(summary.retain_until)}.")
        elif action == "reopen":
            vault.reopen_case(args.ref)
            print(f"{shown(args.ref.upper())} reopened.")
        elif action == "purge":
            deletion = vault.purge_case(args.ref, originals_reason=args.originals_reason)
            print(f"{deletion.ref} was destroyed: its keys, records and files are gone.")
    return 0


def print_case(data: dict[str, Any]) -> None:
    member = data["member"]
    print(f"{data['ref']}  {shown(member['name'])}  ({shown(data['type'])}, {data['status']})")
    if member["email"]:
        print(f"  contact: {shown(member['email'])}")
    print(
        f"  opened {data['opened']}"
        + (f", closed {data['closed']}, keep until {data['retain_until']}" if data["closed"] else "")
    )
    for e in data["events"]:
        print(f"  [{e['occurred']}] {shown(e['kind'])}: {shown(e['text'], multiline=True)}")
    for a in data["attachments"]:
        print(f"  attachment {a['id']}  {a['size']} bytes  {shown(a['name'])}")
    cli_records.print_case_records(data)
    cli_casework.print_case_casework(data)


def cmd_note(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        print(vault.add_note(args.ref, args.text, kind=args.kind))
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    paths = [Path(f) for f in args.files]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise UsageError(f"{missing[0]} is not a readable file; nothing was attached.")
    with open_vault(args) as vault:
        for path in paths:
            print(vault.attach(args.ref, path), flush=True)
    return 0


def cmd_attachment(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.save_attachment(args.id, Path(args.out))
    say(f"wrote {args.out}; this decrypted copy is not protected by the vault.")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        hits = vault.search(args.query)
    if args.json:
        emit_json(
            [{"ref": h.ref, "member": h.member_name, "status": h.status, "matched": h.source} for h in hits]
        )
    else:
        for h in hits:
            print(f"{shown(h.ref)}\t{h.status}\t{shown(h.source)}\t{shown(h.member_name)}")
    return 0


def cmd_reminders(args: argparse.Namespace) -> int:
    now = parse_when(args.at) if args.at else None
    with open_vault(args) as vault:
        due = vault.reminders(now)
    if args.json:
        emit_json(
            [{"kind": r.kind, "ref": r.ref, "due": iso(r.due_at), "text": r.text, "key": r.key} for r in due]
        )
    else:
        for r in due:
            print(f"{local(r.due_at)}\t{shown(r.ref)}\t{shown(r.text)}")
    return 0


def cmd_deletions(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        rows = vault.deletions()
    data = [
        {
            "ref": d.ref,
            "type": d.case_type,
            "opened": iso(d.opened_at),
            "closed": iso(d.closed_at),
            "deleted": iso(d.deleted_at),
            "originals_reason": d.originals_reason,
        }
        for d in rows
    ]
    if args.json:
        emit_json(data)
    else:
        for d in data:
            print(f"{d['deleted']}\t{shown(d['ref'])}\t{shown(d['type'])}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        found = vault.conflicts(args.name)
    if args.json:
        emit_json([{"ref": m.ref, "role": m.role, "score": round(m.score, 3)} for m in found])
    elif found:
        for m in found:
            print(f"{shown(m.ref)}\t{shown(m.role)}\t{m.score:.2f}")
    else:
        print("No case in this vault names someone like that.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.action == "verify":
            problems = vault.verify_audit()
            count = len(vault.audit())
        else:
            entries = vault.audit(args.ref)
    if args.action == "verify":
        for problem in problems:
            print(shown(problem))
        if problems:
            say("The audit log has been tampered with or damaged.")
            return 4
        noun = "entry" if count == 1 else "entries"
        print(f"The audit log is whole: {count} {noun}, each chained to the one before.")
        return 0
    rows = [
        {
            "seq": e.fields.seq,
            "at": e.fields.at,
            "action": e.fields.action,
            "ref": e.fields.ref,
            "subject": e.fields.subject,
        }
        for e in entries
    ]
    if args.json:
        emit_json(rows)
    else:
        for row in rows:
            print("\t".join(shown(row[key]) for key in ("seq", "at", "action", "ref", "subject")))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        problems = vault.check()
        repaired = vault.repaired  # leftover temporary copies removed: reported, not damage
    for line in repaired:
        print(f"repaired: {line}")
    for problem in problems:
        print(shown(problem))
    if problems:
        say(f"{len(problems)} problem(s) found.")
        return 4
    print("The vault is healthy: database and every attachment authenticate.")
    return 0


def cmd_breach(args: argparse.Namespace) -> int:
    """The plain-text breach report: case references, dates, category, who was informed, actions."""
    with open_vault(args) as vault:
        text = vault.breach_report(args.id)
    if not args.out:
        print(shown(text, multiline=True), end="")
        return 0
    try:
        with open(args.out, "x", encoding="utf-8") as out:  # "x": never overwrite
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
    except FileExistsError:
        raise CasevaultError(f"{args.out} already exists; casevault never overwrites a file.") from None
    say(f"wrote {args.out}")
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.change_passphrase(new_passphrase(NEW_PASSPHRASE_ENV))
    print("The passphrase was changed.")
    return 0


def cmd_keychain(args: argparse.Namespace) -> int:
    keychain = OsKeychain()
    with open_vault(args) as vault:
        if args.action == "enable":
            vault.enable_keychain(keychain)
        elif args.action == "disable":
            vault.disable_keychain(keychain)
        slot = next((s for s in vault.key_slots if s.type == "keychain"), None)
    print(f"Keychain slot: {'in use (' + slot.backend + ')' if slot else 'not in use'}.")
    return 0


def _summary_renderer() -> Callable[[Vault, str], bytes]:
    """The GUI's PDF renderer, which starts its own offscreen Qt application: the command line
    never imports Qt itself, and gui/ does so only for the commands that need a summary."""
    from casevault.gui.summary_pdf import render_offscreen  # noqa: PLC0415 - only these commands

    return render_offscreen


def _zip_password(env_name: str | None) -> tuple[str, bool]:
    """(password, generated): from the named variable, else a new random one."""
    from casevault.casework import exchange  # noqa: PLC0415

    if env_name:
        value = os.environ.get(env_name)
        if not value:
            raise UsageError(f"The variable {env_name} is not set or is empty.")
        return value, False
    return exchange.generate_password(), True


def _tell_password(password: str) -> None:
    from casevault.casework import exchange  # noqa: PLC0415

    print(f"Password: {password}")
    print(exchange.SEND_SEPARATELY)
    print(exchange.WHAT_OPENS_IT)


def cmd_export(args: argparse.Namespace) -> int:
    to = args.to or ("the member" if args.recipient_kind == "member" else "")
    if not to:
        raise UsageError("Say who the zip is for with --to (it goes in the sent log).")
    password, generated = _zip_password(args.password_env)
    with open_vault(args) as vault:
        problem = vault.export_problem(args.ref, args.recipient_kind)
        if problem:
            scope = SHARING_SCOPES.get(args.recipient_kind, "")
            raise ConsentMissingError(problem, scope=scope, ref=args.ref.strip().upper())
        pdf = _summary_renderer()(vault, args.ref) if args.summary else None
        record = vault.export_zip(
            args.ref,
            args.documents,
            Path(args.out),
            password=password,
            recipient=to,
            recipient_kind=args.recipient_kind,
            neutral_names=not args.real_names,
            summary_pdf=pdf,
        )
    say(f"wrote {args.out} ({len(record.contents)} files, SHA-256 {record.sha256}).")
    if generated:
        _tell_password(password)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.save_summary(args.ref, Path(args.out), _summary_renderer()(vault, args.ref))
    say(f"wrote {args.out}; this PDF is not protected by the vault.")
    return 0


def cmd_subject_access(args: argparse.Namespace) -> int:
    password, generated = _zip_password(args.password_env)
    with open_vault(args) as vault:
        render = _summary_renderer()
        record = vault.export_subject_access(
            args.ref, Path(args.out), password=password, render_summary=lambda ref: render(vault, ref)
        )
    say(f"wrote {args.out} ({len(record.contents)} files, SHA-256 {record.sha256}).")
    if generated:
        _tell_password(password)
    return 0


def _progress_printer() -> Callable[[int, int], None] | None:
    """Percent steps on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def show(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            print(f"\r{percent:3d} %", end="", file=sys.stderr, flush=True)
            if percent == 100:
                print(file=sys.stderr)

    return show


def _backup_passphrase() -> str:
    passphrase = ask_passphrase("A backup opens with the passphrase the vault had when it was made")
    if passphrase is None:
        raise UnlockError(
            "No passphrase was given (set CASEVAULT_PASSPHRASE or run casevault in a terminal)."
        )
    return passphrase


def cmd_backup(args: argparse.Namespace) -> int:
    from casevault.vault.backup import PURGE_WARNING, verify_backup  # noqa: PLC0415

    if args.action == "verify":
        if not args.file or args.out:
            raise UsageError("Use `casevault backup verify FILE` (without --out).")
        problems = verify_backup(Path(args.file), _backup_passphrase(), _progress_printer())
        for problem in problems:
            print(shown(problem))
        if problems:
            say("The backup would not restore cleanly.")
            return 4
        print("The backup is good: it restores, opens with the passphrase and passes check.")
        return 0
    if not args.out or args.file:
        raise UsageError("Use `casevault backup --out FILE` or `casevault backup verify FILE`.")
    with open_vault(args) as vault:
        report = vault.backup(Path(args.out), _progress_printer())
    print(
        f"Wrote {shown(report.path)} ({report.size} bytes: {report.attachments} attachment(s), "
        f"{report.library_documents} library document(s)). It opens with the vault passphrase."
    )
    say(PURGE_WARNING)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from casevault.vault.backup import restore_backup  # noqa: PLC0415

    into = Path(args.into)
    restore_backup(Path(args.file), into, passphrase=_backup_passphrase(), progress=_progress_printer())
    print(
        f"Restored a vault into {shown(into)}; open it with `casevault --vault {shown(into)}` "
        "and its passphrase."
    )
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "case": cmd_case,
    "note": cmd_note,
    "attach": cmd_attach,
    "attachment": cmd_attachment,
    "search": cmd_search,
    "reminders": cmd_reminders,
    "deletions": cmd_deletions,
    "audit": cmd_audit,
    "conflicts": cmd_conflicts,
    "check": cmd_check,
    "breach": cmd_breach,
    "passphrase": cmd_passphrase,
    "keychain": cmd_keychain,
    "export": cmd_export,
    "summary": cmd_summary,
    "subject-access": cmd_subject_access,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "identity": cmd_identity,
    "handover": cmd_handover,
    "receive": cmd_receive,
    "senders": cmd_senders,
    **cli_records.HANDLERS,
    **cli_casework.HANDLERS,
}


def run_demo(args: argparse.Namespace) -> int:
    """Run one command against a throwaway vault of fictional cases. (Without a command, `--demo`
    opens the desktop app on such a vault instead: see run_gui.)"""
    from casevault.demo import demo_vault  # noqa: PLC0415

    if args.vault:
        raise UsageError("--demo uses its own throwaway vault; leave out --vault.")
    if args.command == "init":
        raise UsageError("The demo vault already exists; try `casevault --demo case list`.")
    with demo_vault() as (paths, passphrase):
        args.vault = str(paths.root)
        os.environ[PASSPHRASE_ENV] = passphrase
        return HANDLERS[args.command](args)


def run_gui(args: argparse.Namespace) -> int:
    """No command: open the desktop app (on the demo vault with --demo). Qt is imported only here."""
    if args.demo and args.vault:
        raise UsageError("--demo uses its own throwaway vault; leave out --vault.")
    from casevault.gui.display import require_display  # noqa: PLC0415 - Qt-free

    require_display()  # before Qt, which would abort the process without a display
    from casevault.gui import app  # noqa: PLC0415 - the CLI never imports Qt for other commands

    return app.run(None if args.demo else VaultPaths.resolve(args.vault), demo=args.demo)


def harden_process() -> None:
    """Private files by default, and no core dumps that could hold keys or plaintext."""
    os.umask(0o077)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    parser = build_parser()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    logsetup.configure(debug)
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            return run_gui(args)
        if args.demo:
            return run_demo(args)
        return HANDLERS[args.command](args)
    except CasevaultError as err:
        say(cli_records.error_text(err))
        return err.exit_code
    except OSError as err:
        # An OS error that no layer expected (a folder that vanished, a device gone): one sentence.
        if debug:
            raise
        say(translate_os_error(err, "the command").message)
        return 1
    except KeyboardInterrupt:
        say("Interrupted; nothing half-done was kept.")
        return 130
    except Exception as err:
        if debug:
            raise
        say(f"An unexpected error stopped casevault ({type(err).__name__}); run with --debug for details.")
        return 1
