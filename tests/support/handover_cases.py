"""A case with one of every record and a few documents, for the handover tests (first written
for tests/vault/handover/test_send.py)."""

from __future__ import annotations

import io
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from casevault.core.model import FirstMeeting
from casevault.vault.facade import Vault

DOCS = {"letter.pdf": os.urandom(300_000), "empty.txt": b"", "notes - Müller.txt": "straße\n".encode() * 50}


def full_case(vault: Vault, *, consent: bool = True) -> str:
    ref = vault.new_case("Anna Müller", case_type="disciplinary", email="anna@home.example")
    t0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    vault.save_first_meeting(
        ref,
        FirstMeeting(
            held_at=t0,
            issues=("late warning", "no rep at meeting"),
            narrative="Agreed story",
            dismissal_threatened=True,
            confidentiality_explained=True,
            originals_received="contract",
        ),
    )
    vault.add_action_point(ref, "Write to HR", owner="rep", due_at=t0 + timedelta(days=7))
    vault.add_case_date(ref, "hearing", t0 + timedelta(days=20), "room 4")
    first = vault.add_note(ref, "Met the member", kind="meeting", occurred_at=t0)
    vault.edit_note(first, "Met the member (corrected)")
    vault.add_party(ref, "Mr Boss", "manager", "line manager")
    if consent:
        vault.give_consent(ref, "share-reps", given_at=t0)
    vault.add_original(ref, "signed contract", received_at=t0, kept_where="drawer")
    vault.record_escalation(
        ref, escalated_to="regional officer", escalated_at=t0, how="email", regional_office_notified=True
    )
    vault.start_procedure(ref, "acas-disciplinary")
    appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 1, 5))
    vault.extend_deadline(appeal.id, date(2026, 1, 30), "HR manager", "by email")
    vault.add_tribunal_limit(ref, date(2026, 1, 5), "unfair-dismissal")
    for name, data in DOCS.items():
        vault.attach_stream(ref, name, io.BytesIO(data))
    return ref


def blob_files(v: Vault) -> set[Path]:
    return {p for p in v.paths.cases_dir.rglob("*") if p.is_file()}
