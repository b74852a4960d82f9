"""A throwaway vault full of fictional cases, for a first look (`casevault --demo`).

A lived-in vault: cases at different stages of a procedure, with deadlines coming up, a filled
first meeting for every case that had one, an email in the paper trail, a letter filed (when a
PDF renderer is passed in: this module imports no Qt, so the desktop app passes its own and the
command line's demo has no letter) and one case past its archive period.

Every name, employer and event here is invented. The vault lives in a private temp folder that
is destroyed when casevault exits.
"""

from __future__ import annotations

import io
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from casevault.core.clock import Clock, utc_now
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.crypto.kdf import KdfParams
from casevault.formats.email_in import read_email_file
from casevault.vault.facade import Vault

# Makes a letter's PDF from its title and text (gui.letter_pdf.render_letter).
RenderPdf = Callable[[str, str], bytes]

# The demo vault is destroyed on exit, so a light Argon2id keeps the first look snappy.
DEMO_KDF = KdfParams(memory_kib=64 * 1024, iterations=2, lanes=4)

DEMO_CASES: tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Aoife Brennan-Okafor",
        "disciplinary",
        "aoife.bo@example.org",
        (
            ("meeting", "First meeting: letter of 3 March alleges lateness; member disputes the rota."),
            ("advice", "Advised the member of the right to be accompanied; confirmed in writing."),
        ),
    ),
    (
        "Jürgen Łukasiewicz",
        "grievance",
        "j.lukasiewicz@example.net",
        (("meeting", "First meeting: workload grievance; action points agreed."),),
    ),
    (
        "Nguyễn Thị Lan",
        "sickness",
        "lan.nguyen@example.com",
        (
            ("call", "Member called about the absence review meeting next Tuesday."),
            ("management", "Asked HR for the attendance policy in writing."),
        ),
    ),
    (
        "Samira Haddad",
        "discrimination",
        "samira.h@example.org",
        (("meeting", "Escalated to the regional office."),),
    ),
)


# Action points for the open cases, by position in DEMO_CASES: (what, who, due in days).
DEMO_ACTIONS: dict[int, tuple[tuple[str, str, int], ...]] = {
    0: (
        ("Ask HR for the rota change records", "Rep", 2),
        ("Prepare the member's statement for the hearing", "Member", 5),
    ),
    1: (("Send the written grievance to the line manager", "Rep", 7),),
    2: (("Go with the member to the absence review meeting", "Rep", 4),),
}


# Other people in the cases, by position in DEMO_CASES: (name, role). The witness in the first
# case is a colleague in the second, so the conflict check has something to find.
DEMO_PARTIES: dict[int, tuple[tuple[str, str], ...]] = {
    0: (("Rob Example", "manager"), ("Priya Shah", "witness")),
    1: (("Priya Shah", "colleague"), ("Dee Okonkwo", "manager")),
    3: (("Tom Whitfield", "respondent"),),
}

# The first meeting of every case that had one, by position in DEMO_CASES: filled in as a rep
# would, so a newcomer sees an example of each field.
DEMO_MEETINGS: dict[int, FirstMeeting] = {
    0: FirstMeeting(
        issues=(
            "Lateness on 3, 10 and 17 February alleged in the letter of 3 March",
            "The rota was changed without notice on 1 February",
            "Right to be accompanied at the hearing",
        ),
        narrative=(
            "The member was moved from the early to the late rota on 1 February with no notice "
            "and no consultation. The three dates in the letter are the first three late shifts. "
            "The member has no earlier warnings in eleven years."
        ),
        confidentiality_explained=True,
        originals_received="Warning letter of 3 March",
        member_decision="I want to go to the hearing with my rep and show them the rota change.",
    ),
    1: FirstMeeting(
        issues=("Workload since the team was cut from six to four", "Overtime not paid since January"),
        narrative=(
            "Two posts were left empty after December. The member covers both and works about "
            "eight unpaid hours a week; the line manager said it is temporary."
        ),
        confidentiality_explained=True,
        member_decision="Raise a written grievance; try the informal route with the manager first.",
    ),
    3: FirstMeeting(
        issues=(
            "Comments about the member's religion in team meetings",
            "Passed over for the team leader post",
        ),
        narrative="Three incidents since October, two witnessed. The member kept notes of each.",
        discrimination_alleged=True,
        confidentiality_explained=True,
        member_decision="Escalate to the regional office and ask them to advise on a claim.",
    ),
}

# (stage key, days ago its starting event happened) of the procedure each case follows.
DEMO_PROCEDURES: dict[int, tuple[str, str, int]] = {
    0: ("acas-disciplinary", "hearing", 1),  # the hearing within five working days of the letter
    1: ("acas-grievance", "meeting", 2),  # the grievance meeting within five working days
}

DEMO_EMAIL = (
    "From: Rob Example <rob.example@example.com>\r\n"
    "To: Aoife Brennan-Okafor <aoife.bo@example.org>\r\n"
    "Subject: Invitation to a disciplinary hearing\r\n"
    "Date: {date}\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Dear Aoife,\r\n\r\n"
    "Following the investigation into your timekeeping, you are invited to a disciplinary hearing. "
    "The allegation is persistent lateness on 3, 10 and 17 February. You may be accompanied by a "
    "trade union representative or a colleague.\r\n\r\n"
    "Please bring the swipe-card records and your copy of the rota.\r\n\r\n"
    "Rob Example\r\nDepot manager (fictional)\r\n"
)

POLICY = (
    "Disciplinary procedure (fictional)\n\n"
    "1. Informal action first. 2. A written invitation to any hearing, with at least five working "
    "days' notice. 3. The right to be accompanied by a trade union representative or a colleague.\n"
)


def populate(vault: Vault, render_pdf: RenderPdf | None = None) -> list[str]:
    """The fictional cases, dated around the vault's now. With `render_pdf`, the disciplinary
    case's confirmation of advice is filed as a letter too."""
    now = vault.now()
    refs = []
    for position, (name, case_type, email, events) in enumerate(DEMO_CASES):
        ref = vault.new_case(name, case_type=case_type, email=email)
        for kind, text in events:
            vault.add_note(ref, text, kind=kind, occurred_at=now - timedelta(days=3))
        for what, who, days in DEMO_ACTIONS.get(position, ()):
            vault.add_action_point(ref, what, owner=who, due_at=now + timedelta(days=days))
        if position == 0:
            vault.add_case_date(ref, "hearing", now + timedelta(days=1, hours=2), "Disciplinary hearing")
        for party, role in DEMO_PARTIES.get(position, ()):
            vault.add_party(ref, party, role)
        vault.give_consent(ref, "keep-data", given_at=now - timedelta(days=3))
        if position == 0:
            vault.add_original(
                ref,
                "Warning letter of 3 March (original)",
                received_at=now - timedelta(days=3),
                kept_where="Locked drawer, branch office",
            )
            _add_email(vault, ref, now)
        meeting = DEMO_MEETINGS.get(position)
        if meeting is not None:
            vault.save_first_meeting(ref, replace(meeting, held_at=now - timedelta(days=3)))
        if position in DEMO_PROCEDURES:
            template, stage, days_ago = DEMO_PROCEDURES[position]
            vault.start_procedure(ref, template)
            vault.record_stage_event(vault.stage(ref, stage).id, _local_day(now) - timedelta(days=days_ago))
        if case_type == "discrimination":
            vault.record_escalation(
                ref,
                escalated_to="Senior caseworker, regional office",
                escalated_at=now - timedelta(days=2),
                how="phone",
                regional_office_notified=True,
            )
        letter = f"Fictional letter for {ref}.\n\nThis document exists only in the casevault demo.\n"
        vault.attach_stream(ref, f"letter-{case_type}.txt", io.BytesIO(letter.encode()))
        refs.append(ref)
    if render_pdf is not None:
        draft = vault.draft_letter(refs[0], "advice-confirmation")
        vault.file_letter(draft, draft.text, render_pdf(draft.title, draft.text))
    vault.close_case(refs[-1], retain_days=0)  # past its archive period at once: due for deletion
    vault.add_library_stream(
        "disciplinary-procedure.txt", io.BytesIO(POLICY.encode()), title="Disciplinary procedure"
    )
    return refs


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _add_email(vault: Vault, ref: str, now: datetime) -> None:
    """The employer's invitation to the hearing, imported as a rep imports an .eml."""
    sent = format_datetime(now - timedelta(days=4, hours=3))
    prepared = read_email_file("invitation-to-hearing.eml", DEMO_EMAIL.format(date=sent).encode(), now)
    attachment_id = vault.attach_stream(ref, prepared.name, io.BytesIO(prepared.data))
    vault.record_email(ref, prepared, attachment_id)


@contextmanager
def demo_vault(
    *, clock: Clock = utc_now, render_pdf: RenderPdf | None = None
) -> Iterator[tuple[VaultPaths, str]]:
    """Yield the paths and passphrase of a fresh demo vault, filled on `clock` (with a letter
    filed when `render_pdf` is given); it is destroyed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="casevault-demo-"))
    paths = VaultPaths(root / "vault")
    passphrase = "demo " + secrets.token_urlsafe(16)
    try:
        with Vault.create(paths, passphrase, keychain=None, kdf_params=DEMO_KDF, clock=clock) as vault:
            populate(vault, render_pdf)
        yield paths, passphrase
    finally:
        shutil.rmtree(root, ignore_errors=True)
