"""`casevault letter`: letters from templates, filed into the case (issue 17).

    letter list [--json]                     the templates: shipped, edited by you, or your own
    letter show TEMPLATE                     a template's text, and the merge fields it may use
    letter new REF TEMPLATE [--out FILE.pdf] [--draft]
                                             make the case's letter and file it into the case (an
                                             encrypted PDF and a paper-trail entry); --out also
                                             writes the PDF there (never overwrites); --draft
                                             prints the letter and files nothing
    letter save TEMPLATE FILE [--title T] [--entry note|advice-written]
                                             edit a template, or add your own, from a text file
    letter reset TEMPLATE                    back to casevault's text, or remove your own

A template that reaches past its merge fields, or names one that does not exist, is refused with
one sentence and exit 2 (casework/letters.py says what a template may do).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casevault.cli.common import open_vault, say, subcommands
from casevault.cli.output import emit_json, shown
from casevault.core.errors import UsageError
from casevault.core.vocab import LETTER_ENTRY_KINDS as ENTRY_KINDS

PDF_WARNING = "this PDF is not protected by the vault; keep it where only you can read it."


def add_parsers(commands: Any) -> None:
    actions = subcommands(commands, "letter", "letters from templates, filed into the case")
    listing = actions.add_parser("list", help="the letter templates")
    listing.add_argument("--json", action="store_true")
    show = actions.add_parser("show", help="a template's text and the merge fields it may use")
    show.add_argument("template")
    new = actions.add_parser("new", help="make a case's letter from a template and file it into the case")
    new.add_argument("ref")
    new.add_argument("template")
    new.add_argument("--out", metavar="FILE.pdf", help="also write the PDF here (never overwrites)")
    new.add_argument("--draft", action="store_true", help="print the letter; file nothing")
    new.add_argument("--json", action="store_true")
    save = actions.add_parser("save", help="edit a template, or add your own, from a text file")
    save.add_argument("template")
    save.add_argument("file", help="the template's text (UTF-8), or - for standard input")
    save.add_argument("--title", help="the letter's title (needed for a new template)")
    save.add_argument("--entry", choices=ENTRY_KINDS, default="note", help="what the paper trail records")
    reset = actions.add_parser("reset", help="back to casevault's text, or remove your own template")
    reset.add_argument("template")


def _read_template(name: str) -> str:
    # Here, not at load: the letter rules cost 6 ms of every `casevault --help`.
    from casevault.casework.letters import MAX_TEMPLATE_CHARS  # noqa: PLC0415

    limit = MAX_TEMPLATE_CHARS * 4  # bytes: at most four per character in UTF-8
    try:
        if name == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(name).expanduser().open("rb") as f:
                data = f.read(limit + 1)
    except OSError as err:
        raise UsageError(f"Cannot read {name}: {err.strerror or err}.") from None
    if len(data) > limit:
        raise UsageError(f"A letter template is at most {MAX_TEMPLATE_CHARS:,} characters.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{name} is not UTF-8 text.") from None


def _source(edited: bool, shipped: bool) -> str:
    if not edited:
        return "shipped"
    return "edited" if shipped else "own"


def _cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        templates = vault.letter_templates()
    if args.json:
        emit_json(
            [
                {
                    "template": t.code,
                    "title": t.title,
                    "entry": t.entry,
                    "source": _source(t.edited, t.shipped),
                }
                for t in templates
            ]
        )
    else:
        for t in templates:
            print(f"{shown(t.code)}\t{shown(t.title)}\t{_source(t.edited, t.shipped)}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from casevault.casework.letter_fields import FIELDS  # noqa: PLC0415

    with open_vault(args) as vault:
        template = vault.letter_template(args.template)
    print(f"# {shown(template.title)} ({_source(template.edited, template.shipped)})")
    print(shown(template.body, multiline=True))
    print("# The merge fields:")
    for name, what in FIELDS.items():
        print(f"#   {name}: {what}")
    return 0


def _letter_pdf() -> Callable[[str, str], bytes]:
    """The desktop app's PDF renderer on an offscreen Qt application: the command line never
    imports Qt itself, and gui/ does so only for the commands that make a PDF."""
    from casevault.gui.letter_pdf import render_letter_offscreen  # noqa: PLC0415

    return render_letter_offscreen


def _cmd_new(args: argparse.Namespace) -> int:
    if args.out and Path(args.out).suffix.lower() != ".pdf":
        raise UsageError("The letter's file name must end in .pdf.")  # before unlocking
    if args.out and args.draft:
        raise UsageError("A draft is only printed; leave out --out, or --draft to file the letter.")
    if args.out:
        from casevault.formats.zip_writer import check_new_file  # noqa: PLC0415

        check_new_file(Path(args.out).expanduser())  # before anything is filed: never overwrites
    with open_vault(args) as vault:
        draft = vault.draft_letter(args.ref, args.template)
        if args.draft:
            print(shown(draft.text, multiline=True), end="")
            return 0
        pdf = _letter_pdf()(draft.title, draft.text)
        filed = vault.file_letter(draft, draft.text, pdf)
        if args.out:
            vault.save_letter_pdf(draft.ref, Path(args.out).expanduser(), pdf)
    if args.json:
        emit_json(
            {
                "ref": draft.ref,
                "template": draft.code,
                "attachment": filed.attachment_id,
                "event": filed.event_id,
                "entry": draft.entry,
                "out": args.out,
            }
        )
    else:
        print(f"Filed the letter in {draft.ref}: document {filed.attachment_id}, entry {filed.event_id}.")
    if args.out:
        say(f"wrote {args.out}; {PDF_WARNING}")
    if draft.work_address_warning:
        say(draft.work_address_warning)
    return 0


def _cmd_save(args: argparse.Namespace) -> int:
    body = _read_template(args.file)  # before unlocking: a bad file costs no passphrase
    with open_vault(args) as vault:
        template = vault.save_letter_template(args.template, body, title=args.title, entry=args.entry)
    print(f"Saved the letter template {shown(template.code)} ({shown(template.title)}).")
    return 0


def _cmd_reset(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.reset_letter_template(args.template)
    print("Reset the letter template.")
    return 0


_ACTIONS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": _cmd_list,
    "show": _cmd_show,
    "new": _cmd_new,
    "save": _cmd_save,
    "reset": _cmd_reset,
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "letter": lambda args: _ACTIONS[args.letter_command](args)
}
