"""A throwaway vault full of fictional cases, for a first look (`casevault --demo`).

Every name, employer and event here is invented. The vault lives in a private temp folder that
is destroyed when casevault exits.
"""

from __future__ import annotations

import io
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from casevault.core.clock import Clock, utc_now
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.crypto.kdf import KdfParams
from casevault.vault.facade import Vault

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

POLICY = (
    "Disciplinary procedure (fictional)\n\n"
    "1. Informal action first. 2. A written invitation to any hearing, with at least five working "
    "days' notice. 3. The right to be accompanied by a trade union representative or a colleague.\n"
)


def populate(vault: Vault) -> list[str]:
    """The fictional cases, dated around the vault's now."""
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
        if case_type == "discrimination":
            vault.save_first_meeting(ref, FirstMeeting(discrimination_alleged=True))
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
    vault.close_case(refs[-1], retain_days=0)
    vault.add_library_stream(
        "disciplinary-procedure.txt", io.BytesIO(POLICY.encode()), title="Disciplinary procedure"
    )
    return refs


@contextmanager
def demo_vault(*, clock: Clock = utc_now) -> Iterator[tuple[VaultPaths, str]]:
    """Yield the paths and passphrase of a fresh demo vault, filled on `clock`; it is destroyed
    afterwards."""
    root = Path(tempfile.mkdtemp(prefix="casevault-demo-"))
    paths = VaultPaths(root / "vault")
    passphrase = "demo " + secrets.token_urlsafe(16)
    try:
        with Vault.create(paths, passphrase, keychain=None, kdf_params=DEMO_KDF, clock=clock) as vault:
            populate(vault)
        yield paths, passphrase
    finally:
        shutil.rmtree(root, ignore_errors=True)
