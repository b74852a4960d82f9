"""Receiving a handed-over case (issue 6; hostile bundles and sender checks, issue 13).

`receive_case` checks a bundle completely before writing anything: age decryption, the
manifest's every field (handover_manifest.validate), each document's SHA-256 and the sender's
signature over it all. Only then does it import the case under fresh keys: the blobs first, then
every row in one transaction; on any failure the new case's folder is removed and the
transaction rolls back, so nothing is half-imported. The signer's key is recorded in
`handover_senders` (trust on first use) and the rep is told whether it is new, known or
confirmed by phone.

The phases, for the GUI (the database belongs to its thread): `prepare_receive`,
`PreparedReceive.verify` and `.write_blobs` (any thread), then `finish_receive` or
`abandon_receive`.
"""

from __future__ import annotations

import io
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casevault.casework import email_import
from casevault.casework import outcomes as outcome_rules
from casevault.casework.email_import import MAX_EMAIL_BYTES
from casevault.casework.time_limits import day_start
from casevault.core.errors import CasevaultError, DamagedError, NotFoundError, UsageError
from casevault.core.fsutil import make_private_dir
from casevault.core.model import (
    Attachment,
    Event,
    Member,
)
from casevault.crypto import keys, signing
from casevault.formats import bundle, email_in, handover_manifest
from casevault.formats.blobstore import BlobStore
from casevault.formats.handover_manifest import ReceivedCase
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
from casevault.store import search as search_rows
from casevault.store import senders as sender_rows
from casevault.store import settings as settings_rows
from casevault.store.senders import Sender

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

    from casevault.store.db import Database
    from casevault.vault.session import Session

log = logging.getLogger(__name__)

Progress = Callable[[int], None]

# How the rep should regard the sender of a received bundle.
SENDER_NEW = "new"  # never received from this key: compare the fingerprint by phone
SENDER_KNOWN = "known"  # received from before, never compared by phone
SENDER_CONFIRMED = "confirmed"  # the rep compared the fingerprint with the colleague by phone


@dataclass(frozen=True)
class Receipt:
    ref: str  # the new case's reference
    sender: str  # the signer's fingerprint
    status: str  # SENDER_NEW, SENDER_KNOWN or SENDER_CONFIRMED


def _new_id() -> str:
    return secrets.token_hex(16)


@dataclass
class PreparedReceive:
    """A bundle being received: the identity to open it and the new case's keys. `verify` and
    `write_blobs` touch only files, so they may run on a worker thread."""

    path: Path
    identity: str
    blobs: BlobStore
    case_id: str
    case_key: bytes
    wrapped_case_key: bytes
    marker: str = ""  # a pending_imports row: a crash before the rows land is undone at next open
    total: int = 0
    manifest: dict[str, Any] = field(default_factory=dict)
    case: ReceivedCase | None = None
    signer: bytes = b""
    receipt: Receipt | None = None
    written: list[tuple[int, str, bytes]] = field(default_factory=list)  # doc index, file id, wrapped key
    # An email document's body for the search index, by doc index: the sender's index is not in
    # the bundle, so a received email is found by its words as one imported here is.
    email_bodies: dict[int, str] = field(default_factory=dict)
    closed: bool = False

    def close(self) -> None:
        """The lock: drop the identity and the new case's key; the next open undoes the rest."""
        self.identity, self.case_key, self.manifest, self.case, self.closed = "", b"", {}, None, True

    @property
    def recipient(self) -> str:
        return bundle.public_key(self.identity)

    def _open(self) -> Any:
        try:
            return open(self.path, "rb")
        except FileNotFoundError:
            raise UsageError(f"There is no file {self.path}.") from None
        except OSError as err:
            raise CasevaultError(f"{self.path} cannot be read: {err.strerror}.") from None

    def _validate(self, manifest: dict[str, Any]) -> None:
        self.case = handover_manifest.validate(manifest)

    def verify(self, progress: Progress | None = None) -> dict[str, Any]:
        """Decrypt and check everything, the sender's signature last, writing nothing. Returns
        the manifest."""
        done = [0]

        def seen(_doc: dict[str, Any], stream: bundle.DocumentStream) -> None:
            while chunk := stream.read(1 << 20):
                done[0] += len(chunk)
                if progress is not None:
                    progress(done[0])

        with self._open() as src, bundle.decrypted(src, self.identity) as plain:
            self.manifest, self.signer = bundle.read_bundle(
                plain, seen, recipient=self.recipient, on_manifest=self._validate
            )
        assert self.case is not None
        self.total = sum(d.size for d in self.case.documents)
        return self.manifest

    def write_blobs(self, progress: Progress | None = None, *, start: int = 0) -> None:
        """Decrypt again and encrypt each document into the new case's folder under a new file
        key. On failure the folder is removed (`PreparedReceive.discard`). `progress(done)`
        counts document bytes from `start`."""
        if self.case is None:
            raise UsageError("The bundle has not been checked yet.")
        self.written = []
        self.email_bodies = {}
        base = [start]

        def advance(done: int) -> None:
            if progress is not None:
                progress(base[0] + done)

        def store(doc: dict[str, Any], stream: bundle.DocumentStream) -> None:
            file_id = _new_id()
            file_key = keys.random_key()
            aad = keys.file_key_aad(bytes.fromhex(self.case_id), bytes.fromhex(file_id))
            is_email = email_import.is_email_file(doc["name"]) and doc["size"] <= MAX_EMAIL_BYTES
            source = _Kept(stream) if is_email else stream
            base[0] += self.blobs.write(self.case_id, file_id, file_key, source, advance)
            if stream.left or stream.sha256.hexdigest() != doc["sha256"]:
                raise DamagedError("A document in the bundle does not match its recorded fingerprint.")
            if isinstance(source, _Kept):  # read as an import reads it: bounded, in memory only
                self.email_bodies[len(self.written)] = email_in.searchable_text(
                    doc["name"], bytes(source.kept)
                )
            self.written.append((len(self.written), file_id, keys.wrap_key(self.case_key, file_key, aad)))

        try:
            with self._open() as src, bundle.decrypted(src, self.identity) as plain:
                again, signer = bundle.read_bundle(plain, store, recipient=self.recipient)
        except BaseException:
            self.discard()
            raise
        # The file was read twice: the second reading must be the bundle the first one checked.
        if again != self.manifest or signer != self.signer:
            self.discard()
            raise DamagedError(bundle.DAMAGED)

    def discard(self) -> None:
        self.blobs.remove_case(self.case_id)


class HandoverReceive:
    """Receiving a case handed over, and the senders it came from."""

    def __init__(self, session: Session) -> None:
        self._s = session

    # ---- senders ---------------------------------------------------------------------------

    def signing_fingerprint(self) -> str:
        """This vault's signing fingerprint: colleagues compare it by phone when they receive."""
        return signing.fingerprint(signing.public_key(self._s.signing_secret()))

    def handover_senders(self) -> list[Sender]:
        return sender_rows.all_senders(self._s.db)

    def sender_status(self, fingerprint: str) -> str:
        known = sender_rows.get(self._s.db, fingerprint)
        if known is None:
            return SENDER_NEW
        return SENDER_CONFIRMED if known.confirmed_at is not None else SENDER_KNOWN

    def confirm_sender(self, fingerprint: str) -> str:
        """Record that the rep compared a sender's fingerprint by phone; returns it, canonical."""
        canonical = signing.normalise_fingerprint(fingerprint)
        if canonical is None:
            raise UsageError(
                "That is not a signing fingerprint: it has 32 letters and digits in groups of four."
            )
        with self._s.db.transaction():
            if not sender_rows.confirm(self._s.db, canonical, self._s.now()):
                raise NotFoundError("This vault has received no bundle signed with that fingerprint.")
            self._s.audit("sender.confirmed", "", canonical)
        log.info("sender.confirmed")
        return canonical

    # ---- receiving -------------------------------------------------------------------------

    def prepare_receive(self, path: Path) -> PreparedReceive:
        """Phase 1 (the database's thread): this vault's identity and the new case's key."""
        case_id = _new_id()
        case_key = keys.random_key()
        kek = keys.derive_key(self._s.master(), keys.PURPOSE_CASE_KEK)
        wrapped = keys.wrap_key(kek, case_key, keys.case_key_aad(bytes.fromhex(case_id)))
        identity = self._s.handover_identity()
        # Committed before any blob is written: if the process dies before the case's rows land,
        # the next open finds this marker for a case that does not exist and removes its folder.
        marker = _new_id()
        with self._s.db.transaction():
            file_rows.begin_import(self._s.db, case_id, marker, self._s.now())
        return self._s.hold(
            PreparedReceive(
                path=Path(path),
                identity=identity,
                blobs=self._s.blobs,
                case_id=case_id,
                case_key=case_key,
                wrapped_case_key=wrapped,
                marker=marker,
            )
        )

    def abandon_receive(self, prepared: PreparedReceive) -> None:
        prepared.discard()
        with self._s.db.transaction():
            file_rows.abandon_import(self._s.db, prepared.marker)

    def finish_receive(self, prepared: PreparedReceive) -> str:
        """Phase 3 (the database's thread): every row in one transaction. On failure the new
        case's blobs are removed and nothing stays. Returns the new case's reference; the
        sender's status is in `prepared.receipt`."""
        try:
            prepared.receipt = self._import_rows(prepared)
        except BaseException:
            self.abandon_receive(prepared)
            raise
        with self._s.db.transaction():
            file_rows.abandon_import(self._s.db, prepared.marker)
        log.info("case.received %s %s", prepared.case_id, prepared.receipt.status)
        return prepared.receipt.ref

    def receive(self, bundle_path: Path, progress: Progress | None = None) -> Receipt:
        """Import a handover bundle made for this vault's key as a new case; all or nothing.
        Returns the new reference and who signed the bundle."""
        prepared = self.prepare_receive(bundle_path)
        try:
            prepared.verify(progress)
            prepared.write_blobs(progress, start=prepared.total)
        except BaseException:
            self.abandon_receive(prepared)
            raise
        self.finish_receive(prepared)
        assert prepared.receipt is not None
        return prepared.receipt

    def receive_case(self, bundle_path: Path, progress: Progress | None = None) -> str:
        """As `receive`; returns the new case's reference."""
        return self.receive(bundle_path, progress).ref

    def _import_rows(self, p: PreparedReceive) -> Receipt:
        c = p.case
        if c is None or len(p.written) != len(c.documents):
            raise UsageError("The bundle has not been checked and written yet.")
        db = self._s.db
        now = self._s.now()
        sender = signing.fingerprint(p.signer)
        with db.transaction():
            status = self.sender_status(sender)
            ref = _insert_case(db, p, c, now)
            _insert_first_meeting(db, p.case_id, c, now)
            _insert_records(db, p.case_id, c, now)
            event_ids = _insert_events(db, p.case_id, c)
            _insert_escalations(db, p.case_id, c, event_ids)
            _insert_documents(db, p, c, now)
            _insert_clock(db, p.case_id, c, now)
            note = (
                f"Received by handover from {sender} on {now.date().isoformat()} "
                f"(the sender's reference was {c.ref}; opened there {c.opened_at.date().isoformat()})."
            )
            case_rows.insert_event(db, p.case_id, Event(_new_id(), "note", now, now, note))
            if c.status == "closed":
                assert c.closed_at is not None and c.retain_until is not None
                case_rows.set_closed(db, p.case_id, c.closed_at, c.retain_until)
            sender_rows.record_receipt(db, sender, p.signer.hex(), now)
            self._s.audit("case.created", ref, now=now)
            self._s.audit("case.received", ref, sender, now=now)
        make_private_dir(self._s.paths.case_dir(p.case_id))
        return Receipt(ref=ref, sender=sender, status=status)


# ---- one writer per record kind (the records are already validated) ----------------------------


def _insert_case(db: Database, p: PreparedReceive, c: ReceivedCase, now: datetime) -> str:
    member = Member(
        id=_new_id(), name=c.member.name, email=c.member.email, employer_domain=c.member.employer_domain
    )
    ref = case_rows.next_free_ref(db, now)
    case_rows.insert_member(db, member, now)
    case_rows.insert_case(
        db,
        case_id=p.case_id,
        ref=ref,
        member=member,
        # A listed type of this vault, or "other": the sender's may be free text, even a name.
        case_type=outcome_rules.counted_type(
            c.case_type,
            outcome_rules.case_type_codes(settings_rows.get(db, outcome_rules.CASE_TYPES_SETTING)),
        ),
        wrapped_key=p.wrapped_case_key,
        now=now,
    )
    if c.title:
        handover_rows.set_title(db, p.case_id, c.title)
    return ref


def _insert_first_meeting(db: Database, case_id: str, c: ReceivedCase, now: datetime) -> None:
    fm = c.first_meeting
    if fm is None:
        return
    stamp = fm.updated_at or now
    meeting_rows.save_first_meeting(db, case_id, fm, [_new_id() for _ in fm.issues], stamp)
    if fm.originals_returned_at is not None:
        meeting_rows.set_originals_returned(db, case_id, fm.originals_returned_at, stamp)


def _insert_records(db: Database, case_id: str, c: ReceivedCase, now: datetime) -> None:
    for a in c.action_points:
        meeting_rows.insert_action(db, case_id, replace(a, id=_new_id()))
    for d in c.case_dates:
        reminder_rows.insert_case_date(db, case_id, replace(d, id=_new_id()), now)
    for x in c.parties:
        party_rows.insert_party(db, case_id, replace(x, id=_new_id()))
    for s in c.consents:
        consent_rows.insert_consent(db, case_id, replace(s, id=_new_id()))
    for o in c.originals:
        original_rows.insert(db, case_id, replace(o, id=_new_id()))


def _insert_clock(db: Database, case_id: str, c: ReceivedCase, now: datetime) -> None:
    """Procedures and deadlines under new ids, stages linked to their procedure; the undone ones
    get their due time, so the reminders take them up here as they did there."""
    procedure_ids = {proc.id: _new_id() for proc in c.procedures}
    for proc in c.procedures:
        deadline_rows.insert_procedure(db, case_id, replace(proc, id=procedure_ids[proc.id]), (), now)
    for d in c.deadlines:
        linked = None if d.procedure_id is None else procedure_ids[d.procedure_id]
        live = d.due_on is not None and d.done_on is None
        due_at = day_start(d.due_on) if live and d.due_on is not None else None
        deadline_rows.save_deadline(db, case_id, replace(d, id=_new_id(), procedure_id=linked), due_at, now)


def _insert_events(db: Database, case_id: str, c: ReceivedCase) -> dict[str, str]:
    """The paper trail with its original dates and every version; the sender's ids mapped to ours."""
    event_ids: dict[str, str] = {}
    for e in c.events:
        new = _new_id()
        event_ids[e.id] = new
        first = e.versions[0]
        event = Event(new, e.kind, e.occurred_at, e.recorded_at, first.body, e.terms)
        case_rows.insert_event(db, case_id, event)
        for v in e.versions[1:]:
            trail_rows.add_version(db, new, v.body, v.recorded_at)
    return event_ids


def _insert_escalations(db: Database, case_id: str, c: ReceivedCase, event_ids: dict[str, str]) -> None:
    for x in c.escalations:
        linked = replace(x, id=_new_id(), event_id=event_ids.get(x.event_id, ""))
        escalation_rows.insert_escalation(db, case_id, linked)


def _insert_documents(db: Database, p: PreparedReceive, c: ReceivedCase, now: datetime) -> None:
    for index, file_id, wrapped in p.written:
        doc = c.documents[index]
        file_rows.insert(db, Attachment(file_id, p.case_id, doc.name, doc.size, doc.added_at or now), wrapped)
        body = p.email_bodies.get(index, "")
        if body.strip():  # as PaperTrail.record_email indexes it: under the document's id
            search_rows.index(db, p.case_id, "email", file_id, body)


class _Kept(io.RawIOBase):
    """A document stream that keeps a copy of what is read from it, in memory."""

    def __init__(self, stream: bundle.DocumentStream) -> None:
        self._stream = stream
        self.kept = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        n = self._stream.readinto(buffer)
        self.kept += memoryview(buffer).cast("B")[:n]
        return n
