"""Handing a case over to a colleague's vault, and receiving one (issue 6, "Exchange").

Each vault has an age X25519 identity, made on first use and kept only inside the encrypted
database. `hand_over` writes one age-encrypted bundle (see bundle.py) for a colleague's public
key; `receive_case` checks a bundle completely before writing anything, then imports it as a new
case under fresh keys: the blobs first, then every row in one transaction; on any failure the
new case's folder is removed and the transaction rolls back, so nothing is half-imported.

Both run in phases for the GUI (the database belongs to its thread): `prepare_handover` /
`PreparedHandover.write` (any thread) / `finish_handover`; receiving is in handover/receive.py.
Every bundle is signed with this vault's Ed25519 key (crypto/signing.py), so the receiver can
tell who made it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casevault.casework import rules
from casevault.core.errors import ConsentMissingError, DamagedError, UsageError, VaultStateError
from casevault.core.fsutil import FILE_MODE, fsync_dir, translate_os_error
from casevault.core.model import Attachment, CaseDeadline
from casevault.crypto import blob, signing
from casevault.formats import bundle
from casevault.formats.blobstore import BlobStore, binding
from casevault.store import audit as audit_rows
from casevault.store import cases as case_rows
from casevault.store import consents as consent_rows
from casevault.store import deadlines as deadline_rows
from casevault.store import escalations as escalation_rows
from casevault.store import files as file_rows
from casevault.store import handover as handover_rows
from casevault.store import meetings as meeting_rows
from casevault.store import originals as original_rows
from casevault.store import paper_trail as trail_rows
from casevault.store import parties as party_rows
from casevault.store import reminders as reminder_rows
from casevault.store.timefmt import to_db

if TYPE_CHECKING:
    from casevault.vault.session import ConsentCheck, Session

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


def _t(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _deadline_record(d: CaseDeadline) -> dict[str, Any]:
    """A deadline with the rule that counted it; the policy link stays behind (the library does
    not travel with a case)."""
    return {
        "kind": d.kind,
        "name": d.name,
        "procedure_id": d.procedure_id or "",
        "position": d.position,
        "stage_key": d.stage_key,
        "event": d.event,
        "limit_days": d.limit_days,
        "unit": d.unit,
        "event_on": _day(d.event_on),
        "due_on": _day(d.due_on),
        "rule": d.rule,
        "rule_version": d.rule_version,
        "inputs": d.inputs,
        "explanation": d.explanation,
        "extended_to": _day(d.extended_to),
        "extension_with": d.extension_with,
        "extension_note": d.extension_note,
        "done_on": _day(d.done_on),
        "outcome": d.outcome,
        "overdue_reason": d.overdue_reason,
    }


def _new_id() -> str:
    return secrets.token_hex(16)


class Tally:
    """Turns pieces of work into a running total for `progress(done)` (bytes so far)."""

    def __init__(self, progress: Progress | None, done: int = 0) -> None:
        self._progress = progress
        self.done = done

    def add(self, n: int) -> None:
        self.done += n
        if self._progress is not None:
            self._progress(self.done)


@dataclass
class PreparedHandover:
    """A bundle ready to write: the manifest and each document's blob and key. `write` touches
    only files, so it may run on a worker thread."""

    ref: str
    case_id: str
    recipient: str
    out: Path
    manifest: dict[str, Any]
    documents: list[tuple[Attachment, bytes]]
    blobs: BlobStore
    vault_id: str
    total: int
    signing_secret: bytes = b""
    sha256: str = ""
    closed: bool = False

    def close(self) -> None:
        """The lock: drop the documents' keys, the manifest and the signing key."""
        self.documents, self.manifest, self.signing_secret, self.closed = [], {}, b"", True

    def _chunks(self, attachment: Attachment, key: bytes) -> Iterator[bytes]:
        with self.blobs.open(attachment.case_id, attachment.id) as src:
            for piece in blob.decrypt_chunks(
                key, binding(self.vault_id, attachment.case_id, attachment.id), src
            ):
                yield bytes(piece)

    def _documents(self, tally: Tally) -> Iterator[tuple[int, Iterator[bytes]]]:
        for attachment, key in self.documents:
            yield attachment.size, self._counted(self._chunks(attachment, key), tally)

    @staticmethod
    def _counted(chunks: Iterator[bytes], tally: Tally) -> Iterator[bytes]:
        for chunk in chunks:
            tally.add(len(chunk))
            yield chunk

    def write(self, progress: Progress | None = None, *, start: int = 0) -> str:
        """Write the bundle: a private temp file beside `out`, fsync, then linked to `out`
        (never overwriting). Returns the bundle's SHA-256. `progress(done)` counts document
        bytes from `start`."""
        if self.closed:
            raise VaultStateError("The vault is locked.")
        tally = Tally(progress, start)
        tmp = self.out.with_name(f".{self.out.name}.{secrets.token_hex(4)}.part")
        digest = hashlib.sha256()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
            try:
                with os.fdopen(fd, "wb") as raw:
                    sink = _HashingWriter(raw, digest)
                    plain = bundle.frames(
                        self.manifest,
                        self._documents(tally),
                        secret=self.signing_secret,
                        recipient=self.recipient,
                    )
                    bundle.encrypt(plain, self.recipient, sink)
                    raw.flush()
                    os.fsync(raw.fileno())
                try:
                    os.link(tmp, self.out)
                except FileExistsError:
                    raise UsageError(f"{self.out} already exists; choose another name.") from None
            finally:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
            fsync_dir(self.out.parent)
        except OSError as err:
            raise translate_os_error(err, "writing the handover bundle") from None
        except bundle.BundleError:
            raise DamagedError("A document of the case changed while it was being handed over.") from None
        self.sha256 = digest.hexdigest()
        return self.sha256


class _HashingWriter:
    def __init__(self, raw: Any, digest: Any) -> None:
        self._raw = raw
        self._digest = digest

    def write(self, data: bytes) -> int:
        self._digest.update(data)
        self._raw.write(data)
        return len(data)

    def flush(self) -> None:
        self._raw.flush()


class HandoverSend:
    """Handing a case over to a colleague: the manifest, the signed bundle, the record of it."""

    def __init__(self, session: Session, *, sharing_consent_problem: ConsentCheck) -> None:
        self._s = session
        self._consent_problem = sharing_consent_problem

    # ---- identity --------------------------------------------------------------------------

    def identity_public_key(self) -> str:
        """This vault's handover key ("age1..."), made on first use; colleagues hand cases to it."""
        return bundle.public_key(self._s.handover_identity())

    # ---- handing over ----------------------------------------------------------------------

    def handover_manifest(self, ref: str) -> dict[str, Any]:
        """Everything in a case as JSON-ready records (no document contents)."""
        case_id = self._s.case_id(ref)
        db = self._s.db
        summary = case_rows.get_summary(db, case_id)
        assert summary is not None
        member = case_rows.get_member(db, case_id)
        fm = meeting_rows.get_first_meeting(db, case_id)
        events = []
        for e in case_rows.events(db, case_id):
            versions = trail_rows.versions(db, e.id) or []
            events.append(
                {
                    "id": e.id,
                    "kind": e.kind,
                    "occurred_at": _t(e.occurred_at),
                    "recorded_at": _t(e.recorded_at),
                    "terms": e.terms,
                    "versions": [
                        {"version": v.version, "body": v.body, "recorded_at": _t(v.recorded_at)}
                        for v in versions
                    ],
                }
            )
        return {
            "format": bundle.FORMAT,
            "version": bundle.VERSION,
            "source_key": self.identity_public_key(),
            "signing_key": signing.public_key(self._s.signing_secret()).hex(),
            "created_at": _t(self._s.now()),
            "case": {
                "ref": summary.ref,
                "case_type": summary.case_type,
                "status": summary.status,
                "opened_at": _t(summary.opened_at),
                "closed_at": _t(summary.closed_at),
                "retain_until": _t(summary.retain_until),
                "title": case_rows.get_title(db, case_id),
            },
            "member": {"name": member.name, "email": member.email, "employer_domain": member.employer_domain},
            "first_meeting": {
                "held_at": _t(fm.held_at),
                "issues": list(fm.issues),
                "narrative": fm.narrative,
                "dismissal_threatened": fm.dismissal_threatened,
                "discrimination_alleged": fm.discrimination_alleged,
                "confidentiality_explained": fm.confidentiality_explained,
                "originals_received": fm.originals_received,
                "member_decision": fm.member_decision,
                "updated_at": _t(fm.updated_at),
                "originals_returned_at": _t(fm.originals_returned_at),
            },
            "action_points": [
                {
                    "what": a.what,
                    "owner": a.owner,
                    "due_at": _t(a.due_at),
                    "done_at": _t(a.done_at),
                    "created_at": _t(a.created_at),
                }
                for a in meeting_rows.actions_for_case(db, case_id)
            ],
            "case_dates": [
                {"kind": d.kind, "at": _t(d.at), "note": d.note}
                for d in reminder_rows.case_dates(db, case_id)
            ],
            "events": events,
            "parties": [
                {"name": p.name, "role": p.role, "note": p.note, "added_at": _t(p.added_at)}
                for p in party_rows.parties(db, case_id)
            ],
            "consents": [
                {
                    "scope": c.scope,
                    "given_at": _t(c.given_at),
                    "note": c.note,
                    "withdrawn_at": _t(c.withdrawn_at),
                    "recorded_at": _t(c.recorded_at),
                }
                for c in consent_rows.consents(db, case_id)
            ],
            "originals": [
                {
                    "description": o.description,
                    "received_at": _t(o.received_at),
                    "kept_where": o.kept_where,
                    "returned_at": _t(o.returned_at),
                    "returned_how": o.returned_how,
                    "recorded_at": _t(o.recorded_at),
                }
                for o in original_rows.for_case(db, case_id)
            ],
            "escalations": [
                {
                    "event_id": x.event_id,
                    "escalated_to": x.escalated_to,
                    "escalated_at": _t(x.escalated_at),
                    "how": x.how,
                    "regional_office_notified": x.regional_office_notified,
                    "recorded_at": _t(x.recorded_at),
                }
                for x in escalation_rows.escalations(db, case_id)
            ],
            "procedures": [
                {
                    "id": proc.id,
                    "template_id": proc.template_id,
                    "template_version": proc.template_version,
                    "name": proc.name,
                    "jurisdiction": proc.jurisdiction,
                    "started_at": _t(proc.started_at),
                }
                for proc in deadline_rows.procedures(db, case_id)
            ],
            "deadlines": [_deadline_record(d) for d in deadline_rows.deadlines(db, case_id)],
            "audit": [
                {
                    "seq": a.fields.seq,
                    "at": a.fields.at,
                    "action": a.fields.action,
                    "subject": a.fields.subject,
                }
                for a in self._case_audit(summary.ref)
            ],
            "documents": [],
        }

    def _case_audit(self, ref: str) -> list[Any]:
        return audit_rows.entries(self._s.db, ref)

    def prepare_handover(self, ref: str, recipient_public_key: str, out: Path) -> PreparedHandover:
        """Phase 1 (the database's thread): check the key, consent and destination, and gather
        the case. Nothing is written."""
        recipient = bundle.check_recipient(recipient_public_key)
        if recipient == self.identity_public_key():
            raise UsageError("That is this vault's own handover key; paste your colleague's key.")
        case_id = self._s.case_id(ref)
        problem = self._consent_problem(ref, "reps")
        if problem:
            raise ConsentMissingError(problem, scope="share-reps", ref=rules.normalise_ref(ref))
        out = Path(out)
        if out.exists():
            raise UsageError(f"{out} already exists; choose another name.")
        if not out.parent.is_dir():
            raise UsageError(f"The folder {out.parent} does not exist.")
        manifest = self.handover_manifest(ref)
        documents = []
        for attachment in file_rows.for_case(self._s.db, case_id):
            documents.append(self._s.attachment_and_key(attachment.id))
        manifest["documents"] = [
            {"id": a.id, "name": a.name, "size": a.size, "sha256": "", "added_at": _t(a.added_at)}
            for a, _ in documents
        ]
        # The manifest carries each document's SHA-256: `hash_documents` fills it in (reading and
        # authenticating the blobs: one extra decryption pass, no plaintext kept).
        return self._s.hold(
            PreparedHandover(
                ref=manifest["case"]["ref"],
                case_id=case_id,
                recipient=recipient,
                out=out,
                manifest=manifest,
                documents=documents,
                blobs=self._s.blobs,
                vault_id=self._s.vault_id,
                total=sum(a.size for a, _ in documents),
                signing_secret=self._s.signing_secret(),
            )
        )

    def finish_handover(self, prepared: PreparedHandover) -> None:
        """Phase 3 (the database's thread): the sent log and the audit entry."""
        if not prepared.sha256:
            raise UsageError("The handover bundle has not been written.")
        now = self._s.now()
        with self._s.db.transaction():
            handover_rows.record_handover(
                self._s.db,
                row_id=_new_id(),
                case_id=prepared.case_id,
                sent_at=now,
                recipient=prepared.recipient,
                contents=["manifest.json", *(a.name for a, _ in prepared.documents)],
                sha256=prepared.sha256,
            )
            self._s.audit("case.handed-over", prepared.ref, bundle.fingerprint(prepared.recipient), now=now)
        log.info("case.handed-over %s", prepared.case_id)

    def hand_over(
        self, ref: str, recipient_public_key: str, out: Path, progress: Progress | None = None
    ) -> str:
        """Write the case as one age-encrypted bundle for a colleague's key at `out` (never
        overwriting). Needs the member's consent to share with reps. Returns the bundle's path."""
        prepared = self.prepare_handover(ref, recipient_public_key, out)
        hash_documents(prepared, progress)
        prepared.write(progress, start=prepared.total)
        self.finish_handover(prepared)
        return str(prepared.out)

    def handovers(self, ref: str) -> list[tuple[str, str, str]]:
        """(sent_at, recipient key, bundle SHA-256) of each handover of the case."""
        return handover_rows.handovers(self._s.db, self._s.case_id(ref))


def hash_documents(prepared: PreparedHandover, progress: Progress | None = None) -> None:
    """Fill in each document's SHA-256 in the manifest (reads and authenticates every blob; may
    run on a worker thread). `progress(done)` counts bytes from 0 to `prepared.total`."""
    tally = Tally(progress)
    for entry, (attachment, key) in zip(prepared.manifest["documents"], prepared.documents, strict=True):
        digest = hashlib.sha256()
        for chunk in prepared._chunks(attachment, key):
            digest.update(chunk)
            tally.add(len(chunk))
        entry["sha256"] = digest.hexdigest()
