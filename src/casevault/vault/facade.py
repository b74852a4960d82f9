"""The Vault: the one API the CLI and the GUI both use.

It owns the unlocked state (the master key and the database connection) and composes the
crypto, store, blob store and casework rules. Nothing here prints or prompts: user-facing
failures are CasevaultError subclasses, and the caller decides how to show them.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from casevault.casework import people, retention, rules
from casevault.core.clock import Clock, new_id, utc_now
from casevault.core.errors import (
    AuthenticationError,
    CasevaultError,
    ConsentMissingError,
    DamagedError,
    KeychainError,
    NotFoundError,
    UsageError,
    VaultStateError,
)
from casevault.core.fsutil import atomic_write_bytes, make_private_dir, translate_os_error
from casevault.core.model import (
    CASE_STATUSES,
    CONTACT_TERMS,
    EVENT_KINDS,
    ActionPoint,
    Attachment,
    CaseDetail,
    CaseSummary,
    Deletion,
    Event,
    FirstMeeting,
    Member,
    SearchHit,
)
from casevault.core.paths import VaultPaths
from casevault.crypto import audit_chain, kdf, keys, keyslots
from casevault.crypto.blob import Progress, Readable
from casevault.crypto.keyslots import KeyHeader
from casevault.formats.blobstore import BlobStore
from casevault.host.keychain import Keychain
from casevault.store import audit as audit_rows
from casevault.store import cases as case_rows
from casevault.store import files as file_rows
from casevault.store import meetings as meeting_rows
from casevault.store import search as search_rows
from casevault.store.db import BUSY_TIMEOUT, Database
from casevault.vault import check as integrity
from casevault.vault import places as copies
from casevault.vault.backup import BackupMixin
from casevault.vault.exchange import ExchangeMixin
from casevault.vault.handover.send import HandoverMixin
from casevault.vault.library import LibraryMixin
from casevault.vault.paper_trail import PaperTrailMixin
from casevault.vault.people import PeopleMixin
from casevault.vault.reminders import RemindersMixin
from casevault.vault.unlock import AskPassphrase, KeychainOutcome, try_keychain, unlock

log = logging.getLogger(__name__)

Notice = Callable[[str], None]


def _ignore(_: str) -> None:
    pass


READ_ONLY_NOTICE = (
    "The disk is full, so the vault is open for reading only and this was not recorded in the "
    "audit log; free some space so that it can be again."
)

# The keychain works but does not hold this vault's key: a new one can be stored.
_REPAIRABLE = frozenset({KeychainOutcome.ENTRY_MISSING, KeychainOutcome.ENTRY_WRONG})


def read_header(paths: VaultPaths) -> KeyHeader:
    try:
        raw = paths.keys_file.read_bytes()
    except FileNotFoundError:
        raise VaultStateError(
            f"There is no vault at {paths.root}; create one with `casevault init`."
        ) from None
    try:
        return KeyHeader.from_bytes(raw)
    except ValueError as err:
        raise DamagedError(f"The vault key file is damaged or not a casevault key file ({err}).") from None


class Vault(
    RemindersMixin, PeopleMixin, PaperTrailMixin, LibraryMixin, ExchangeMixin, BackupMixin, HandoverMixin
):
    def __init__(self, paths: VaultPaths, header: KeyHeader, vmk: bytes, db: Database, clock: Clock) -> None:
        self.paths = paths
        self._header = header
        self._vmk: bytes | None = vmk
        self._db: Database | None = db
        self._clock = clock
        self._blobs = BlobStore(paths, header.vault_id_hex)
        self._notice: Notice = _ignore
        self._told_read_only = False
        # What open and check repaired on their own (leftover temporary copies removed), one
        # sentence each, and what they could not; check reports both.
        self.repaired: list[str] = []
        self._unrepaired: list[str] = []

    def now(self) -> datetime:
        """The vault's clock: the moment every record and default date is taken from."""
        return self._clock()

    # ---- lifecycle -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        paths: VaultPaths,
        passphrase: str,
        *,
        keychain: Keychain | None,
        kdf_params: kdf.KdfParams | None = None,
        notice: Notice = _ignore,
        clock: Clock = utc_now,
    ) -> Vault:
        """Make a new vault. With `keychain`, a keychain slot is added when the keychain works;
        when it does not, the vault is made passphrase-only and `notice` says why."""
        problem = rules.passphrase_problem(passphrase)
        if problem:
            raise UsageError(problem)
        if paths.keys_file.exists():
            raise VaultStateError(f"A vault already exists at {paths.root}.")
        if paths.root.exists() and any(paths.root.iterdir()):
            raise VaultStateError(f"{paths.root} is not empty; choose an empty or new folder for a vault.")
        vault_id = os.urandom(16)
        vmk = keys.random_key()
        params = kdf_params or kdf.calibrate()
        header = KeyHeader(vault_id=vault_id).with_slot(
            keyslots.make_passphrase_slot(vmk, vault_id, passphrase, params, os.urandom(kdf.SALT_LEN))
        )
        if keychain is not None:
            try:
                header = header.with_slot(_enrol_keychain(keychain, vmk, vault_id))
            except KeychainError as err:
                notice(f"{err.message}, so this vault opens with its passphrase only.")
        try:
            make_private_dir(paths.root)
            make_private_dir(paths.cases_dir)
            db = Database.open(
                paths.db_file, keys.derive_key(vmk, keys.PURPOSE_DB), create=True, key_verified=True
            )
            # vault.keys is written last: a vault exists once its key file does.
            atomic_write_bytes(paths.keys_file, header.to_bytes())
        except OSError as err:
            raise translate_os_error(err, "creating the vault") from None
        log.info("vault.created %s", header.vault_id_hex)
        return cls(paths, header, vmk, db, clock)

    @classmethod
    def open(
        cls,
        paths: VaultPaths,
        *,
        keychain: Keychain | None,
        ask_passphrase: AskPassphrase,
        notice: Notice = _ignore,
        attempts: int = 1,
        clock: Clock = utc_now,
        busy_timeout: float = BUSY_TIMEOUT,
    ) -> Vault:
        """Unlock and open. `busy_timeout`: how long a write waits for another casevault process
        to finish its own before saying the vault is in use. On a disk too full to open the
        database normally, the vault opens read-only: reading works, every write is refused with
        the disk-full sentence, and `notice` says when a read could not be recorded in the audit
        log."""
        header = read_header(paths)
        unlocked = unlock(header, keychain, ask_passphrase, attempts=attempts)
        if unlocked.reason:
            notice(f"{unlocked.reason}; the vault was opened with its passphrase.")
        db = Database.open(
            paths.db_file,
            keys.derive_key(unlocked.vmk, keys.PURPOSE_DB),
            key_verified=True,
            busy_timeout=busy_timeout,
        )
        vault = cls(paths, header, unlocked.vmk, db, clock)
        vault._notice = notice
        try:
            vault._recover()
        except BaseException:
            vault.close()
            raise
        if keychain is not None and unlocked.keychain in _REPAIRABLE:
            repaired = vault._enrol_again(keychain)
            if repaired:
                notice(repaired)
        return vault

    def repair_keychain(self, keychain: Keychain) -> str | None:
        """After a passphrase unlock: when this vault is meant to open through the keychain and
        the keychain works but has lost its key (or holds a wrong one), store a new one. Returns
        the sentence to tell the user, or None when there was nothing to repair (or it could not
        be repaired now; the passphrase still works either way)."""
        _, outcome, _ = try_keychain(self._header, keychain)
        return self._enrol_again(keychain) if outcome in _REPAIRABLE else None

    def _enrol_again(self, keychain: Keychain) -> str | None:
        if self.db.read_only:
            return None  # a full disk: the passphrase still works, repair at a later open
        try:
            self.enable_keychain(keychain)
        except (KeychainError, OSError):
            # OSError: vault.keys could not be rewritten (a full disk); the old slot still works.
            return None
        return "The system keychain now holds a new key for this vault."

    def close(self) -> None:
        """Lock: close the database and drop the master key. (Python cannot wipe the bytes; they
        become unreachable.)"""
        if self._db is not None:
            self._db.close()
        self._db = None
        self._vmk = None
        log.info("vault.locked")

    lock = close

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def vault_id(self) -> str:
        return self._header.vault_id_hex

    @property
    def is_open(self) -> bool:
        return self._db is not None

    @property
    def db(self) -> Database:
        if self._db is None:
            raise VaultStateError("The vault is locked.")
        return self._db

    def _master(self) -> bytes:
        if self._vmk is None:
            raise VaultStateError("The vault is locked.")
        return self._vmk

    def _recover(self) -> None:
        """Finish what a crash interrupted: remove leftover temporary copies (a killed backup's
        database snapshot), drop killed imports, finish interrupted purges. On a read-only
        database (a full disk) only what needs no database write is done; the rest waits."""
        self._sweep_temp_copies()
        if self.db.read_only:
            self._finish_purged_folders()
            return
        # Only an import with a pending row can leave a .part file behind: the row is committed
        # before the temp file is created and cleared only after the rename.
        for case_id, file_id in file_rows.pending_imports(self.db):
            self._blobs.remove(case_id, file_id)
            if case_rows.get_summary(self.db, case_id) is None:
                # A case received by handover whose rows never landed: only its folder is left.
                self._blobs.remove_case(case_id)
            file_rows.abandon_import(self.db, file_id)
            log.info("recover.import-dropped %s", file_id)
        self._finish_purged_folders()
        self._recover_library()

    def _finish_purged_folders(self) -> None:
        # Look only at purged cases' folders: listing the cases folder costs ~9 ms per 10k cases.
        for case_id in case_rows.deleted_case_ids(self.db):
            if self.paths.case_dir(case_id).exists():
                self._blobs.remove_case(case_id)
                log.info("recover.purge-finished %s", case_id)

    def _sweep_temp_copies(self) -> list[str]:
        """Remove the temporary copies of vault data (copies.py) no live process is writing;
        remember what was removed and what could not be, for `check`. Returns the removals."""
        swept = copies.sweep(self.paths)
        self.repaired += [s for s in swept.removed if s not in self.repaired]
        self._unrepaired = swept.failed
        return swept.removed

    # ---- key slots ---------------------------------------------------------------------------

    def _write_header(self, header: KeyHeader) -> None:
        atomic_write_bytes(self.paths.keys_file, header.to_bytes())
        self._header = header

    def change_passphrase(self, new_passphrase: str, kdf_params: kdf.KdfParams | None = None) -> None:
        """Re-wrap the passphrase slot only; the keychain slot and all data are untouched."""
        problem = rules.passphrase_problem(new_passphrase)
        if problem:
            raise UsageError(problem)
        slot = keyslots.make_passphrase_slot(
            self._master(),
            self._header.vault_id,
            new_passphrase,
            kdf_params or kdf.calibrate(),
            os.urandom(kdf.SALT_LEN),
        )
        self._write_header(self._header.with_slot(slot))
        log.info("keys.passphrase-changed")

    def enable_keychain(self, keychain: Keychain) -> None:
        self._write_header(
            self._header.with_slot(_enrol_keychain(keychain, self._master(), self._header.vault_id))
        )
        log.info("keys.keychain-enrolled")

    def disable_keychain(self, keychain: Keychain | None) -> None:
        self._write_header(self._header.without(keyslots.KEYCHAIN))
        if keychain is not None:
            # The slot is gone from the header, so a stale entry that cannot be deleted opens nothing.
            with contextlib.suppress(KeychainError):
                keychain.delete(self.vault_id)
        log.info("keys.keychain-removed")

    @property
    def key_slots(self) -> list[keyslots.Slot]:
        return list(self._header.slots)

    # ---- cases ---------------------------------------------------------------------------------

    def _case_id(self, ref: str) -> str:
        case_id = case_rows.case_id_for_ref(self.db, rules.normalise_ref(ref))
        if case_id is None:
            raise NotFoundError(f"There is no case {rules.normalise_ref(ref)!r} in this vault.")
        return case_id

    def _case_key(self, case_id: str) -> bytes:
        wrapped = case_rows.wrapped_case_key(self.db, case_id)
        if wrapped is None:
            raise DamagedError("The case key is missing from the vault.")
        kek = keys.derive_key(self._master(), keys.PURPOSE_CASE_KEK)
        try:
            return keys.unwrap_key(kek, wrapped, keys.case_key_aad(bytes.fromhex(case_id)))
        except AuthenticationError:
            raise DamagedError("The case key fails authentication.") from None

    def new_case(
        self,
        member_name: str,
        *,
        case_type: str = rules.DEFAULT_CASE_TYPE,
        email: str = "",
        employer_domain: str = "",
    ) -> str:
        """Open a case for a member. `employer_domain` (one or more, separated by commas or spaces)
        is the employer's email domain, for the work-email warning."""
        try:
            name = rules.clean_text(member_name, field="member's name")
            kind = rules.clean_text(case_type or rules.DEFAULT_CASE_TYPE, field="case type", max_chars=60)
            mail = rules.clean_text(email, field="email address", required=False)
            domain_text = rules.clean_text(employer_domain, field="employer's domain", required=False)
            domains = " ".join(people.employer_domains(domain_text))
        except ValueError as err:
            raise UsageError(str(err)) from None
        now = self._clock()
        case_id = new_id()
        case_key = keys.random_key()
        kek = keys.derive_key(self._master(), keys.PURPOSE_CASE_KEK)
        wrapped = keys.wrap_key(kek, case_key, keys.case_key_aad(bytes.fromhex(case_id)))
        member = Member(id=new_id(), name=name, email=mail, employer_domain=domains)
        with self.db.transaction():
            ref = rules.format_ref(now, case_rows.next_ref_number(self.db, now.year))
            case_rows.insert_member(self.db, member, now)
            case_rows.insert_case(
                self.db,
                case_id=case_id,
                ref=ref,
                member=member,
                case_type=kind,
                wrapped_key=wrapped,
                now=now,
            )
            self._audit("case.created", ref, now=now)
        make_private_dir(self.paths.case_dir(case_id))
        log.info("case.created %s", ref)
        return ref

    def list_cases(
        self,
        *,
        status: str | None = None,
        sort: str = "updated",
        descending: bool = True,
        limit: int = 100,
        offset: int = 0,
    ) -> list[CaseSummary]:
        return case_rows.list_cases(
            self.db, status=status, sort=sort, descending=descending, limit=limit, offset=offset
        )

    def count_cases(self, status: str | None = None) -> int:
        return case_rows.count_cases(self.db, status)

    def case(self, ref: str) -> CaseDetail:
        case_id = self._case_id(ref)
        summary = case_rows.get_summary(self.db, case_id)
        assert summary is not None
        return CaseDetail(
            summary=summary,
            member=case_rows.get_member(self.db, case_id),
            title=case_rows.get_title(self.db, case_id),
            events=tuple(case_rows.events(self.db, case_id)),
            attachments=tuple(file_rows.for_case(self.db, case_id)),
            first_meeting=meeting_rows.get_first_meeting(self.db, case_id),
            action_points=tuple(meeting_rows.actions_for_case(self.db, case_id)),
        )

    def add_note(
        self,
        ref: str,
        text: str,
        *,
        kind: str = "note",
        occurred_at: datetime | None = None,
        terms: str = "",
    ) -> str:
        """Add a paper-trail entry. `terms` ("off-the-record" or "without-prejudice") belongs only
        to a management contact and needs the member's consent of that scope in force (the guide:
        tell the member beforehand and obtain their agreement); without it ConsentMissingError."""
        if kind not in EVENT_KINDS:
            raise UsageError(f"A note's kind must be one of: {', '.join(EVENT_KINDS)}.")
        if terms not in CONTACT_TERMS:
            raise UsageError(f"A contact's terms are one of: {', '.join(t for t in CONTACT_TERMS if t)}.")
        if terms and kind != "management":
            raise UsageError("Only a management contact can be 'off the record' or 'without prejudice'.")
        try:
            body = _clean_body(text)
        except ValueError as err:
            raise UsageError(str(err)) from None
        case_id = self._case_id(ref)
        if terms in people.TERMS_NEEDING_CONSENT and not self.consent_in_force(ref, terms):
            raise ConsentMissingError(
                f"A '{terms.replace('-', ' ')}' conversation with management needs the member's "
                "agreement beforehand; record their consent first."
            )
        now = self._clock()
        event = Event(
            id=new_id(), kind=kind, occurred_at=occurred_at or now, recorded_at=now, body=body, terms=terms
        )
        case_rows.insert_event(self.db, case_id, event)
        log.info("note.added %s %s", kind, event.id)
        return event.id

    def search(self, query: str) -> list[SearchHit]:
        return search_rows.search(self.db, query)

    def search_cases(self, query: str, *, status: str | None = None, limit: int = 200) -> list[CaseSummary]:
        """Whole case rows for the case list, best match first; `status` as in list_cases."""
        if status not in (None, *CASE_STATUSES):
            raise UsageError(f"A case's status is one of: {', '.join(CASE_STATUSES)}.")
        return case_rows.search_cases(self.db, query, status=status, limit=limit)

    def close_case(
        self, ref: str, *, retain_days: int | None = None, escalation_reason: str | None = None
    ) -> CaseSummary:
        """Close a case; it is due for deletion after `retain_days`, or its type's archive period.
        When the first meeting prompted an escalation and none is recorded, `escalation_reason`
        (why the case closes without one) is required and goes into the paper trail."""
        case_id = self._case_id(ref)
        reason = None
        if self.escalation_unrecorded(ref):
            try:
                reason = rules.clean_text(
                    escalation_reason or "", field="reason", max_chars=2000, required=False
                )
            except ValueError as err:
                raise UsageError(str(err)) from None
            if not reason:
                raise UsageError(
                    "The first meeting prompted an escalation and none is recorded; record the "
                    "escalation, or give the reason for closing without one."
                )
        if retain_days is None:
            summary = case_rows.get_summary(self.db, case_id)
            assert summary is not None
            days = self.retain_days_for(summary.case_type)
        else:
            days = retain_days
        now = self._clock()
        try:
            until = retention.retain_until(now, days)
        except ValueError as err:
            raise UsageError(str(err)) from None
        with self.db.transaction():
            if reason:
                body = people.closed_without_escalation_body(reason)
                case_rows.insert_event(self.db, case_id, Event(new_id(), "note", now, now, body))
            case_rows.set_closed(self.db, case_id, now, until)
            self._audit("case.closed", ref, now=now)
        log.info("case.closed %s", case_id)
        summary = case_rows.get_summary(self.db, case_id)
        assert summary is not None
        return summary

    def reopen_case(self, ref: str) -> None:
        case_id = self._case_id(ref)
        with self.db.transaction():
            case_rows.set_reopened(self.db, case_id, self._clock())
            self._audit("case.reopened", ref)
        log.info("case.reopened %s", case_id)

    # ---- first meeting and action points -----------------------------------------------------

    def first_meeting(self, ref: str) -> FirstMeeting:
        return meeting_rows.get_first_meeting(self.db, self._case_id(ref))

    def save_first_meeting(self, ref: str, meeting: FirstMeeting) -> FirstMeeting:
        """Store the whole first-meeting form (an explicit save); returns it as stored."""
        try:
            issues = tuple(
                rules.clean_text(i, field="issue", max_chars=2000) for i in meeting.issues if i.strip()
            )
            cleaned = replace(
                meeting,
                issues=issues,
                narrative=rules.clean_body(meeting.narrative, field="narrative", required=False),
                originals_received=rules.clean_body(
                    meeting.originals_received, field="originals received", required=False
                ),
                member_decision=rules.clean_body(meeting.member_decision, field="decision", required=False),
            )
        except ValueError as err:
            raise UsageError(str(err)) from None
        case_id = self._case_id(ref)
        meeting_rows.save_first_meeting(self.db, case_id, cleaned, [new_id() for _ in issues], self._clock())
        log.info("first-meeting.saved %s", case_id)
        return meeting_rows.get_first_meeting(self.db, case_id)

    def add_action_point(
        self, ref: str, what: str, *, owner: str = "", due_at: datetime | None = None
    ) -> str:
        try:
            text = rules.clean_text(what, field="action point", max_chars=2000)
            who = rules.clean_text(owner, field="owner", required=False)
        except ValueError as err:
            raise UsageError(str(err)) from None
        case_id = self._case_id(ref)
        action = ActionPoint(
            id=new_id(), what=text, owner=who, due_at=due_at, done_at=None, created_at=self._clock()
        )
        meeting_rows.insert_action(self.db, case_id, action)
        log.info("action.added %s", action.id)
        return action.id

    def set_action_done(self, action_id: str, done: bool = True) -> None:
        if meeting_rows.set_action_done(self.db, action_id, self._clock() if done else None) is None:
            raise NotFoundError(f"There is no action point {action_id!r} in this vault.")
        log.info("action.done %s %s", action_id, done)

    def action_points(self, ref: str) -> list[ActionPoint]:
        return meeting_rows.actions_for_case(self.db, self._case_id(ref))

    def purge_case(
        self, ref: str, originals_reason: str | None = None, *, rebuild_index: bool = True
    ) -> Deletion:
        """Cryptographic erase: delete the case key and every row (secure_delete on), truncate the
        WAL so no old page survives there, then unlink the blobs and the folder. A crash after the
        commit is finished at the next open. While the member's originals are recorded as held,
        a reason code from retention.ORIGINALS_REASONS is required (and kept in the record)."""
        case_id = self._case_id(ref)
        summary = case_rows.get_summary(self.db, case_id)
        assert summary is not None
        if summary.status != "closed":
            raise UsageError(f"{summary.ref} is still open; close it before deleting it permanently.")
        codes = [code for code, _label in retention.ORIGINALS_REASONS]
        if meeting_rows.originals_outstanding(self.db, case_id):
            if originals_reason not in codes:
                raise UsageError(
                    f"The member's original documents for {summary.ref} are not recorded as returned; "
                    f"return them first, or give the reason ({', '.join(codes)})."
                )
        else:
            originals_reason = None
        # A copy a killed backup left would outlive the purge: remove it first, or stop here.
        self._sweep_temp_copies()
        if self._unrepaired:
            first = self._unrepaired[0]
            raise CasevaultError(
                f"{first[:1].upper()}{first[1:]}, so {summary.ref} was not deleted (it would survive "
                "in that copy); remove it, or fix its permissions, and try again."
            )
        now = self._clock()
        with self.db.transaction():
            case_rows.erase_case(self.db, summary, now, originals_reason)
            self._audit("case.deleted", summary.ref, now=now)
        if rebuild_index:
            self.finish_purges()
        else:
            self.db.checkpoint_truncate()
        self._blobs.remove_case(case_id)
        log.info("case.purged %s", case_id)
        return Deletion(
            summary.ref, summary.case_type, summary.opened_at, summary.closed_at, now, originals_reason
        )

    def purge_cases(
        self, refs: list[str], progress: Callable[[int, int], None] | None = None
    ) -> list[Deletion]:
        """Purge several closed cases, one after another (each is complete on its own)."""
        done: list[Deletion] = []
        try:
            for position, ref in enumerate(refs):
                done.append(self.purge_case(ref, rebuild_index=False))
                if progress is not None:
                    progress(position + 1, len(refs))
        finally:
            if done:  # also after a failure part-way
                self.finish_purges()
        return done

    def finish_purges(self) -> None:
        """After purges made with rebuild_index=False (a bulk deletion, one case at a time):
        rebuild the search index once (about 1 s at 10k cases) and truncate the WAL."""
        with self.db.transaction():
            search_rows.rebuild(self.db)
        self.db.checkpoint_truncate()

    def deletions(self) -> list[Deletion]:
        return case_rows.deletions(self.db)

    # ---- attachments ----------------------------------------------------------------------

    def attach(self, ref: str, path: Path, progress: Progress | None = None) -> str:
        name, src = open_for_attach(path)
        with src:
            return self.attach_stream(ref, name, src, progress)

    def attach_stream(self, ref: str, name: str, src: Readable, progress: Progress | None = None) -> str:
        """Encrypt `src` into the vault. The blob is durable before its row is committed; a killed
        import leaves a pending marker that the next open cleans up."""
        pending = self.begin_attach(ref, name)
        try:
            pending.write(src, progress)
            return self.finish_attach(pending)
        except BaseException:
            self.abandon_attach(pending)
            raise

    def begin_attach(self, ref: str, name: str) -> PendingAttachment:
        """Phase 1 of an import, on the thread that owns the database: make the file key and
        commit the pending marker. Then `write` (any thread), then `finish_attach` or
        `abandon_attach` (the database's thread again)."""
        case_id = self._case_id(ref)
        case_key = self._case_key(case_id)
        file_id = new_id()
        file_key = keys.random_key()
        wrapped = keys.wrap_key(
            case_key, file_key, keys.file_key_aad(bytes.fromhex(case_id), bytes.fromhex(file_id))
        )
        file_rows.begin_import(self.db, case_id, file_id, self._clock())
        return PendingAttachment(
            self._blobs, case_id=case_id, file_id=file_id, name=name, file_key=file_key, wrapped_key=wrapped
        )

    def finish_attach(self, pending: PendingAttachment) -> str:
        """Record a written import; its blob is already durable. Returns the attachment id."""
        if pending.finished or pending.size is None:
            raise VaultStateError("This import is not waiting to be finished.")
        attachment = Attachment(
            id=pending.file_id,
            case_id=pending.case_id,
            name=pending.name,
            size=pending.size,
            added_at=self._clock(),
        )
        with self.db.transaction():
            file_rows.insert(self.db, attachment, pending.wrapped_key)
            self._audit("document.attached", self._ref_of(pending.case_id), attachment.id)
        pending.finished = True
        log.info("attachment.added %s", pending.file_id)
        return pending.file_id

    def abandon_attach(self, pending: PendingAttachment) -> None:
        """Drop an unfinished import: its blob (or temp file) and its pending marker. Does nothing
        once the import is finished."""
        if pending.finished:
            return
        self._blobs.remove(pending.case_id, pending.file_id)
        file_rows.abandon_import(self.db, pending.file_id)
        pending.size = None
        log.info("attachment.abandoned %s", pending.file_id)

    def attachment(self, attachment_id: str) -> Attachment:
        return self._attachment_and_key(attachment_id)[0]

    def _attachment_and_key(self, attachment_id: str) -> tuple[Attachment, bytes]:
        found = file_rows.get(self.db, attachment_id.strip().lower())
        if found is None:
            raise NotFoundError(f"There is no attachment {attachment_id!r} in this vault.")
        attachment, wrapped = found
        case_key = self._case_key(attachment.case_id)
        aad = keys.file_key_aad(bytes.fromhex(attachment.case_id), bytes.fromhex(attachment.id))
        try:
            return attachment, keys.unwrap_key(case_key, wrapped, aad)
        except AuthenticationError:
            raise DamagedError(f"The key of attachment {attachment.id} fails authentication.") from None

    def open_attachment(self, attachment_id: str, purpose: str = "viewed") -> AttachmentReader:
        """Phase 1 of reading, on the database's thread: look the attachment up and unwrap its
        key, and record it in the audit log as "viewed" or "saved" (a decrypted copy written
        out). The reader's `read_all` and `save_to` touch only files, so they may run on a worker
        thread (the desktop app decrypts there, keeping the window responsive)."""
        if purpose not in ("viewed", "saved", "exported"):
            raise ValueError(f"unknown purpose {purpose!r}")
        attachment, key = self._attachment_and_key(attachment_id)
        self._audit(f"document.{purpose}", self._ref_of(attachment.case_id), attachment.id)
        return AttachmentReader(self._blobs, attachment, key)

    def save_attachment(self, attachment_id: str, out: Path, progress: Progress | None = None) -> int:
        """Write a decrypted copy to `out` (never overwriting); the rep asked for plaintext there."""
        return self.open_attachment(attachment_id, "saved").save_to(out, progress)

    def read_attachment(self, attachment_id: str) -> bytes:
        """The plaintext in memory only, for previews."""
        return self.open_attachment(attachment_id).read_all()

    # ---- integrity ---------------------------------------------------------------------------

    def check(self, progress: Callable[[int, int], None] | None = None) -> list[str]:
        """Every problem found, one sentence each, naming ids only. Empty means healthy.

        First every leftover temporary copy (copies.py) is removed: what this open and this
        check removed is in `repaired` (not a problem: nothing was damaged, and it is gone); one
        that cannot be removed is a problem."""
        self._sweep_temp_copies()
        problems = list(self._unrepaired)
        problems += integrity.check(self.db, self._blobs, self._case_key, progress)
        if not any(p.startswith("database:") for p in problems):
            problems += self.check_library()
        return (
            problems + self.verify_audit()
            if not any(p.startswith("database:") for p in problems)
            else problems
        )

    # ---- the audit log -------------------------------------------------------------------

    def _audit(self, action: str, ref: str, subject: str = "", *, now: datetime | None = None) -> None:
        if self.db.read_only:
            # A full disk: a change fails on its own write; a read (a view, a decrypted copy)
            # goes ahead unrecorded, and the rep is told so once.
            log.info("audit.not-recorded-read-only %s", action)
            if not self._told_read_only:
                self._told_read_only = True
                self._notice(READ_ONLY_NOTICE)
            return
        key = keys.derive_key(self._master(), keys.PURPOSE_AUDIT)
        audit_rows.append(self.db, key, action, ref=ref, subject=subject, now=now or self._clock())

    def _ref_of(self, case_id: str) -> str:
        summary = case_rows.get_summary(self.db, case_id)
        return "" if summary is None else summary.ref

    def audit(self, ref: str | None = None) -> list[audit_chain.Entry]:
        """The audit log (of one case when `ref` is given), oldest first: actions and ids only."""
        return audit_rows.entries(self.db, None if ref is None else rules.normalise_ref(ref))

    def verify_audit(self) -> list[str]:
        """Problems with the audit log's chain (an entry edited, removed or moved); empty if whole."""
        key = keys.derive_key(self._master(), keys.PURPOSE_AUDIT)
        return audit_chain.verify(key, audit_rows.entries(self.db))


def open_for_attach(path: Path) -> tuple[str, io.BufferedReader]:
    """The name an attachment from `path` is stored under, and the file open for reading; user
    errors (missing, a folder, unreadable) as one clear sentence."""
    try:
        src = open(path, "rb")  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise NotFoundError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder; attach the files inside it instead.") from None
    except OSError as err:
        raise CasevaultError(f"{path} cannot be read: {err.strerror}.") from None
    return rules.storable_file_name(path.name), src


class PendingAttachment:
    """An import between `Vault.begin_attach` and `finish_attach`/`abandon_attach`. Its `write`
    touches only the blob store (files, no database), so it may run on a worker thread."""

    def __init__(
        self, blobs: BlobStore, *, case_id: str, file_id: str, name: str, file_key: bytes, wrapped_key: bytes
    ) -> None:
        self._blobs = blobs
        self.case_id = case_id
        self.file_id = file_id
        self.name = name
        self._file_key = file_key
        self.wrapped_key = wrapped_key
        self.size: int | None = None
        self.finished = False

    def write(self, src: Readable, progress: Progress | None = None) -> int:
        """Encrypt `src` into the case folder; on any failure (or a raise from `progress`) no blob
        is left, and the pending marker stays for `abandon_attach` or the next open."""
        self.size = self._blobs.write(self.case_id, self.file_id, self._file_key, src, progress)
        return self.size


class AttachmentReader:
    """One attachment's blob and unwrapped key, from `Vault.open_attachment`. Reading touches
    only the blob store (files, no database), so it may run on a worker thread."""

    def __init__(self, blobs: BlobStore, attachment: Attachment, key: bytes) -> None:
        self._blobs = blobs
        self.attachment = attachment
        self._key = key

    def read_all(self) -> bytes:
        """The plaintext in memory only (for previews); nothing is written anywhere."""
        a = self.attachment
        try:
            return self._blobs.read_all(a.case_id, a.id, self._key)
        except AuthenticationError:
            raise DamagedError(f"Attachment {a.id} is damaged or has been tampered with.") from None

    def save_to(self, out: Path, progress: Progress | None = None) -> int:
        """A decrypted copy at `out` (never overwriting); the rep asked for plaintext there."""
        size = self._blobs.decrypt_to(self.attachment.case_id, self.attachment.id, self._key, out, progress)
        log.info("attachment.saved %s", self.attachment.id)
        return size


def _clean_body(text: str) -> str:
    return rules.clean_body(text, field="note")


def _enrol_keychain(keychain: Keychain, vmk: bytes, vault_id: bytes) -> keyslots.Slot:
    """A fresh device key in the keychain, and the slot it opens. The key is stored first: if
    writing the header then fails, the old slot still works and the stray entry opens nothing."""
    backend = keychain.backend_name()
    device_key = keys.random_key()
    keychain.put(vault_id.hex(), device_key)
    return keyslots.make_keychain_slot(vmk, vault_id, device_key, backend)
