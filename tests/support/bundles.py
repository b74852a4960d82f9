"""Crafting handover bundles as an attacker would: the product's framing, any signing key, and
pyrage to the receiver's public key (which is public by design)."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import struct
from pathlib import Path
from typing import Any

import pyrage

from casevault.crypto import signing
from casevault.formats import bundle

T = "2026-03-01T10:00:00.000000Z"
DOC = b"dismissal letter\n" * 100
FRAME = struct.Struct(">cQ")


def base_manifest(secret: bytes, source_key: str) -> dict[str, Any]:
    """A small, valid manifest: it imports as it is."""
    return {
        "format": bundle.FORMAT,
        "version": bundle.VERSION,
        "source_key": source_key,
        "signing_key": signing.public_key(secret).hex(),
        "created_at": T,
        "case": {
            "ref": "CV-2026-0007",
            "case_type": "disciplinary",
            "status": "open",
            "opened_at": T,
            "closed_at": None,
            "retain_until": None,
            "title": "",
        },
        "member": {"name": "Anna Example", "email": "anna@home.example", "employer_domain": ""},
        "first_meeting": {
            "held_at": T,
            "issues": ["late warning"],
            "narrative": "Agreed story\nsecond line",
            "dismissal_threatened": False,
            "discrimination_alleged": False,
            "confidentiality_explained": True,
            "originals_received": "",
            "member_decision": "",
            "updated_at": T,
            "originals_returned_at": None,
        },
        "action_points": [
            {"what": "Write to HR", "owner": "rep", "due_at": T, "done_at": None, "created_at": T}
        ],
        "case_dates": [{"kind": "hearing", "at": T, "note": "room 4"}],
        "events": [
            {
                "id": "ab" * 16,
                "kind": "meeting",
                "occurred_at": T,
                "recorded_at": T,
                "terms": "",
                "versions": [
                    {"version": 1, "body": "Met the member", "recorded_at": T},
                    {"version": 2, "body": "Met the member (corrected)", "recorded_at": T},
                ],
            }
        ],
        "parties": [{"name": "Mr Boss", "role": "manager", "note": "", "added_at": T}],
        "consents": [
            {"scope": "share-reps", "given_at": T, "note": "", "withdrawn_at": None, "recorded_at": T}
        ],
        "originals": [
            {
                "description": "signed contract",
                "received_at": T,
                "kept_where": "drawer",
                "returned_at": None,
                "returned_how": "",
                "recorded_at": T,
            }
        ],
        "escalations": [
            {
                "event_id": "ab" * 16,
                "escalated_to": "regional officer",
                "escalated_at": T,
                "how": "email",
                "regional_office_notified": True,
                "recorded_at": T,
            }
        ],
        "procedures": [
            {
                "id": "ef" * 16,
                "template_id": "acas-disciplinary",
                "template_version": 1,
                "name": "Disciplinary (ACAS Code of Practice 1)",
                "jurisdiction": "england-wales",
                "started_at": T,
            }
        ],
        "deadlines": [
            {
                "kind": "stage",
                "name": "Appeal lodged",
                "procedure_id": "ef" * 16,
                "position": 5,
                "stage_key": "appeal",
                "event": "receiving the outcome letter",
                "limit_days": 5,
                "unit": "working",
                "event_on": "2026-03-02",
                "due_on": "2026-03-09",
                "rule": "procedure:acas-disciplinary:appeal",
                "rule_version": 1,
                "inputs": {"event_on": "2026-03-02", "limit_days": "5", "unit": "working"},
                "explanation": "Appeal lodged: 5 working days from receiving the outcome letter.",
                "extended_to": None,
                "extension_with": "",
                "extension_note": "",
                "done_on": None,
                "outcome": "",
                "overdue_reason": "",
            }
        ],
        "audit": [{"seq": 1, "at": T, "action": "case.created", "subject": ""}],
        "documents": [
            {
                "id": "cd" * 16,
                "name": "letter.txt",
                "size": len(DOC),
                "sha256": hashlib.sha256(DOC).hexdigest(),
                "added_at": T,
            }
        ],
    }


def plaintext(
    manifest: dict[str, Any] | bytes,
    docs: list[bytes],
    *,
    secret: bytes | None,
    recipient: str,
    magic: bytes = bundle.MAGIC,
    signed_for: str | None = None,
    flip_signature: bool = False,
) -> bytes:
    """The framed plaintext: M, D..., S (unless `secret` is None), Z."""
    body = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    out = io.BytesIO()
    out.write(magic)
    out.write(FRAME.pack(b"M", len(body)) + body)
    for doc in docs:
        out.write(FRAME.pack(b"D", len(doc)) + doc)
    if secret is not None:
        digest = hashlib.sha256(out.getvalue()).digest()
        payload = bytearray(signing.sign(secret, bundle.VERSION, signed_for or recipient, digest))
        if flip_signature:
            payload[-1] ^= 0x01
        out.write(FRAME.pack(b"S", len(payload)) + bytes(payload))
    out.write(FRAME.pack(b"Z", 0))
    return out.getvalue()


def seal(plain: bytes, recipient: str, path: Path) -> Path:
    path.write_bytes(pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(recipient)]))
    return path


def craft(
    path: Path, recipient: str, secret: bytes, change: Any = None, docs: list[bytes] | None = None
) -> Path:
    """A signed bundle of `base_manifest` after `change(manifest)`, for `recipient`."""
    manifest = copy.deepcopy(base_manifest(secret, recipient))
    if change is not None:
        change(manifest)
    return seal(
        plaintext(manifest, [DOC] if docs is None else docs, secret=secret, recipient=recipient),
        recipient,
        path,
    )
