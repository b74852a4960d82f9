"""The Vault: the one API the CLI and the GUI both use, as explicit one-line delegations to the
services that do the work (vault/<capability>.py, each over the one Session).

Only this module assembles the services and wires the few things one needs from another (a
note's consent check, the library's part of `check`), so no service imports another. Nothing
here prints or prompts: user-facing failures are CasevaultError subclasses, and the caller
decides how to show them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from casevault.core.clock import Clock, utc_now
from casevault.core.errors import DamagedError, UsageError, VaultStateError
from casevault.core.paths import VaultPaths
from casevault.crypto import kdf, keyslots
from casevault.host.keychain import Keychain
from casevault.store.db import BUSY_TIMEOUT, Database
from casevault.vault import keys
from casevault.vault.attachments import Attachments
from casevault.vault.cases import Cases
from casevault.vault.keys import KeySlots
from casevault.vault.library import Library
from casevault.vault.people import People
from casevault.vault.reminders import Reminders
from casevault.vault.retention import Retention
from casevault.vault.session import Notice, Session
from casevault.vault.today import TodayBoard
from casevault.vault.unlock import AskPassphrase
from casevault.vault.wiring import Delegate as _Delegate
from casevault.vault.wiring import Later as _Later
from casevault.vault.wiring import loaded as _loaded

# The services the window's first paint never uses are imported on first use, which keeps their
# modules (and what they import: the breach and tribunal rules, the bundle and email formats)
# out of the start-up (issue 15). For mypy they are the real classes; at run time each is a
# _Later, whose methods are only names until a Vault first asks for the service.
if TYPE_CHECKING:
    from casevault.formats.pairing import Answer
    from casevault.vault.backup import Backup
    from casevault.vault.backup import Progress as RestoreProgress
    from casevault.vault.breaches import Breaches
    from casevault.vault.check import Checker
    from casevault.vault.exchange import Exchange
    from casevault.vault.handover.receive import HandoverReceive
    from casevault.vault.handover.send import HandoverSend
    from casevault.vault.letters import Letters
    from casevault.vault.paper_trail import PaperTrail
    from casevault.vault.procedures import Procedures
    from casevault.vault.stats import Stats
    from casevault.vault.sync.service import Sync, Waiting
    from casevault.vault.sync.working import SyncReport

__all__ = ["Vault", "verify_backup"]


def _ignore(_: str) -> None:
    pass


if not TYPE_CHECKING:
    Backup = _Later("casevault.vault.backup", "Backup")
    Breaches = _Later("casevault.vault.breaches", "Breaches")
    Checker = _Later("casevault.vault.check", "Checker")
    Exchange = _Later("casevault.vault.exchange", "Exchange")
    HandoverReceive = _Later("casevault.vault.handover.receive", "HandoverReceive")
    HandoverSend = _Later("casevault.vault.handover.send", "HandoverSend")
    Letters = _Later("casevault.vault.letters", "Letters")
    PaperTrail = _Later("casevault.vault.paper_trail", "PaperTrail")
    Procedures = _Later("casevault.vault.procedures", "Procedures")
    Stats = _Later("casevault.vault.stats", "Stats")
    Sync = _Later("casevault.vault.sync.service", "Sync")


class Vault:
    """An unlocked vault: the Session and one service per capability over it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.keys = KeySlots(session)
        self.people = People(session)
        self.board = TodayBoard(session)
        self.follow_ups = Reminders(session, explain_overdue=self._explain_overdue)
        self.library = Library(session)
        self.retention = Retention(session, recover_library=self.library.recover)
        self.cases = Cases(
            session,
            consent_in_force=self.people.consent_in_force,
            escalation_unrecorded=self.people.escalation_unrecorded,
            retain_days_for=self.retention.retain_days_for,
        )
        self.attachments = Attachments(session)

    # The services loaded on first use (see _Later).

    @cached_property
    def clock(self) -> Procedures:
        return _loaded(Procedures)(self.session)

    def _explain_overdue(self, deadline_id: str, reason: str) -> None:
        self.clock.explain_overdue(deadline_id, reason)

    @cached_property
    def paper_trail(self) -> PaperTrail:
        attach = self.attachments.attach_stream
        return _loaded(PaperTrail)(self.session, add_note=self.cases.add_note, attach_stream=attach)

    @cached_property
    def figures(self) -> Stats:
        return _loaded(Stats)(self.session)

    @cached_property
    def breach_record(self) -> Breaches:
        return _loaded(Breaches)(self.session)

    @cached_property
    def letters(self) -> Letters:
        return _loaded(Letters)(
            self.session,
            add_note=self.cases.add_note,
            attach_stream=self.attachments.attach_stream,
            case_jurisdiction=self.clock.case_jurisdiction,
            closure_days=self.clock.closure_days,
        )

    @cached_property
    def exchange(self) -> Exchange:
        return _loaded(Exchange)(self.session, sharing_consent_problem=self.people.sharing_consent_problem)

    @cached_property
    def backups(self) -> Backup:
        return _loaded(Backup)(self.session)

    @cached_property
    def handover(self) -> HandoverSend:
        return _loaded(HandoverSend)(
            self.session, sharing_consent_problem=self.people.sharing_consent_problem
        )

    @cached_property
    def receiving(self) -> HandoverReceive:
        return _loaded(HandoverReceive)(self.session)

    @cached_property
    def sync(self) -> Sync:
        return _loaded(Sync)(self.session, finish_purges=self.retention.finish_purges)

    def sync_worker(self) -> Callable[[], SyncReport]:
        """A sync (Sync.sync_now) to run on another thread, on a connection and Session of its own
        there (a connection belongs to the thread that made it), closed when it ends; refused
        (VaultStateError) once the vault is locked. The timer's sync: never on the GUI thread."""
        session = self.session
        open_db = session.connection_opener()

        def run() -> SyncReport:
            if not session.is_open:
                raise VaultStateError("The vault is locked.")
            worker = Session(session.paths, session.header, session.master(), open_db(), clock=session.now)
            try:
                retention = Retention(worker, recover_library=Library(worker).recover)
                return _loaded(Sync)(worker, finish_purges=retention.finish_purges).sync_now(compact=True)
            finally:
                worker.close()

        return run

    @cached_property
    def checker(self) -> Checker:
        return _loaded(Checker)(self.session, check_library=self.library.check_library)

    # ---- lifecycle ---------------------------------------------------------------------------

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
        """Make a new vault (vault/keys.py `create`) and open it."""
        return cls(
            keys.create(
                paths, passphrase, keychain=keychain, kdf_params=kdf_params, notice=notice, clock=clock
            )
        )

    @classmethod
    def join(
        cls,
        paths: VaultPaths,
        passphrase: str,
        waiting: Waiting,
        answer: Answer,
        *,
        keychain: Keychain | None,
        kdf_params: kdf.KdfParams | None = None,
        notice: Notice = _ignore,
        clock: Clock = utc_now,
    ) -> Vault:
        """Make this device's vault of a synced vault, once the rep has seen the same pairing code
        on both screens: its own passphrase and key slots, the answer's vault id and master key,
        filled from the inviter's snapshot (vault/sync/service.py); if that fails, the new vault
        is removed again, so joining can be tried again at the same place."""
        fresh = not paths.root.exists() or not any(paths.root.iterdir())
        session = keys.create(
            paths,
            passphrase,
            keychain=keychain,
            kdf_params=kdf_params,
            notice=notice,
            clock=clock,
            joining=(bytes.fromhex(answer.vault_id), answer.vmk),
        )
        vault = cls(session)
        try:
            vault.sync.become_joined(waiting, answer)
        except BaseException:
            vault.close()
            if fresh:
                shutil.rmtree(paths.root, ignore_errors=True)
            raise
        return vault

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
        log. What a crash interrupted is finished first (Retention.recover)."""
        session, outcome = keys.unlock_session(
            paths,
            keychain=keychain,
            ask_passphrase=ask_passphrase,
            notice=notice,
            attempts=attempts,
            clock=clock,
            busy_timeout=busy_timeout,
        )
        vault = cls(session)
        try:
            vault.retention.recover()
        except BaseException:
            vault.close()
            raise
        if keychain is not None and outcome in keys.REPAIRABLE:
            repaired = vault.keys.enrol_again(keychain)
            if repaired:
                notice(repaired)
        return vault

    def close(self) -> None:
        """Lock: everything the Session holds is torn down, then the database and the key."""
        self.session.close()

    lock = close

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        """The vault's clock: the moment every record and default date is taken from."""
        return self.session.now()

    @property
    def vault_id(self) -> str:
        return self.session.vault_id

    @property
    def is_open(self) -> bool:
        return self.session.is_open

    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def paths(self) -> VaultPaths:
        return self.session.paths

    @property
    def repaired(self) -> list[str]:
        """What open and check repaired on their own, one sentence each."""
        return self.session.repaired

    @property
    def key_slots(self) -> list[keyslots.Slot]:
        return self.keys.key_slots()

    # keys: KeySlots
    repair_keychain = _Delegate("keys", KeySlots.repair_keychain)
    change_passphrase = _Delegate("keys", KeySlots.change_passphrase)
    enable_keychain = _Delegate("keys", KeySlots.enable_keychain)
    disable_keychain = _Delegate("keys", KeySlots.disable_keychain)

    # cases: Cases
    new_case = _Delegate("cases", Cases.new_case)
    member_names = _Delegate("cases", Cases.member_names)
    list_cases = _Delegate("cases", Cases.list_cases)
    list_page = _Delegate("cases", Cases.list_page)
    count_cases = _Delegate("cases", Cases.count_cases)
    case = _Delegate("cases", Cases.case)
    add_note = _Delegate("cases", Cases.add_note)
    search = _Delegate("cases", Cases.search)
    search_cases = _Delegate("cases", Cases.search_cases)
    search_matches = _Delegate("cases", Cases.search_matches)
    search_snippets = _Delegate("cases", Cases.search_snippets)
    close_case = _Delegate("cases", Cases.close_case)
    case_summary = _Delegate("cases", Cases.case_summary)
    case_outcome = _Delegate("cases", Cases.case_outcome)
    reopen_case = _Delegate("cases", Cases.reopen_case)
    first_meeting = _Delegate("cases", Cases.first_meeting)
    save_first_meeting = _Delegate("cases", Cases.save_first_meeting)
    add_action_point = _Delegate("cases", Cases.add_action_point)
    set_action_done = _Delegate("cases", Cases.set_action_done)
    action_points = _Delegate("cases", Cases.action_points)

    # attachments: Attachments
    attach = _Delegate("attachments", Attachments.attach)
    attach_stream = _Delegate("attachments", Attachments.attach_stream)
    begin_attach = _Delegate("attachments", Attachments.begin_attach)
    finish_attach = _Delegate("attachments", Attachments.finish_attach)
    abandon_attach = _Delegate("attachments", Attachments.abandon_attach)
    attachment = _Delegate("attachments", Attachments.attachment)
    open_attachment = _Delegate("attachments", Attachments.open_attachment)
    save_attachment = _Delegate("attachments", Attachments.save_attachment)
    read_attachment = _Delegate("attachments", Attachments.read_attachment)

    # retention: Retention
    purge_case = _Delegate("retention", Retention.purge_case)
    purge_cases = _Delegate("retention", Retention.purge_cases)
    finish_purges = _Delegate("retention", Retention.finish_purges)
    deletions = _Delegate("retention", Retention.deletions)
    default_retain_days = _Delegate("retention", Retention.default_retain_days)
    retain_days_for = _Delegate("retention", Retention.retain_days_for)
    retention_defaults = _Delegate("retention", Retention.retention_defaults)
    set_retain_days = _Delegate("retention", Retention.set_retain_days)

    # clock: Procedures
    jurisdiction = _Delegate("clock", Procedures.jurisdiction)
    set_jurisdiction = _Delegate("clock", Procedures.set_jurisdiction)
    closure_days = _Delegate("clock", Procedures.closure_days)
    set_closure_days = _Delegate("clock", Procedures.set_closure_days)
    refer_weeks = _Delegate("clock", Procedures.refer_weeks)
    case_jurisdiction = _Delegate("clock", Procedures.case_jurisdiction)
    set_refer_weeks = _Delegate("clock", Procedures.set_refer_weeks)
    set_stage_limit = _Delegate("clock", Procedures.set_stage_limit)
    start_procedure = _Delegate("clock", Procedures.start_procedure)
    procedures = _Delegate("clock", Procedures.procedures)
    deadlines = _Delegate("clock", Procedures.deadlines)
    stage = _Delegate("clock", Procedures.stage)
    record_stage_event = _Delegate("clock", Procedures.record_stage_event)
    extend_deadline = _Delegate("clock", Procedures.extend_deadline)
    complete_deadline = _Delegate("clock", Procedures.complete_deadline)
    remove_deadline = _Delegate("clock", Procedures.remove_deadline)
    add_tribunal_limit = _Delegate("clock", Procedures.add_tribunal_limit)
    add_subject_access = _Delegate("clock", Procedures.add_subject_access)
    deadline_proof_matches = _Delegate("clock", Procedures.deadline_proof_matches)
    export_calendar = _Delegate("clock", Procedures.export_calendar)

    # board: TodayBoard
    today_board = _Delegate("board", TodayBoard.today_board)
    today_reader = _Delegate("board", TodayBoard.today_reader)

    # letters: Letters
    letter_templates = _Delegate("letters", Letters.letter_templates)
    letter_template = _Delegate("letters", Letters.letter_template)
    save_letter_template = _Delegate("letters", Letters.save_letter_template)
    reset_letter_template = _Delegate("letters", Letters.reset_letter_template)
    letter_fields = _Delegate("letters", Letters.letter_fields)
    draft_letter = _Delegate("letters", Letters.draft_letter)
    file_letter = _Delegate("letters", Letters.file_letter)
    save_letter_pdf = _Delegate("letters", Letters.save_letter_pdf)

    # figures: Stats
    case_types = _Delegate("figures", Stats.case_types)
    outcomes = _Delegate("figures", Stats.outcomes)
    add_case_type = _Delegate("figures", Stats.add_case_type)
    remove_case_type = _Delegate("figures", Stats.remove_case_type)
    add_outcome = _Delegate("figures", Stats.add_outcome)
    remove_outcome = _Delegate("figures", Stats.remove_outcome)
    branch_figures = _Delegate("figures", Stats.branch_figures)
    figures_counter = _Delegate("figures", Stats.figures_counter)
    export_figures_csv = _Delegate("figures", Stats.export_figures_csv)
    save_figures_pdf = _Delegate("figures", Stats.save_figures_pdf)

    def set_aside_overdue(self, deadline_id: str, reason: str) -> None:
        """Dismiss an overdue deadline's reminder, with the reason kept on the deadline."""
        self.follow_ups.dismiss_reminder(self.clock.overdue_key(deadline_id), reason)

    # follow_ups: Reminders
    reminders = _Delegate("follow_ups", Reminders.reminders)
    agenda = _Delegate("follow_ups", Reminders.agenda)
    deadline_leads = _Delegate("follow_ups", Reminders.deadline_leads)
    set_deadline_leads = _Delegate("follow_ups", Reminders.set_deadline_leads)
    reminder_page = _Delegate("follow_ups", Reminders.reminder_page)
    reminder_page_reader = _Delegate("follow_ups", Reminders.reminder_page_reader)
    agenda_page = _Delegate("follow_ups", Reminders.agenda_page)
    agenda_reader = _Delegate("follow_ups", Reminders.agenda_reader)
    expired_refs = _Delegate("follow_ups", Reminders.expired_refs)
    dismiss_reminder = _Delegate("follow_ups", Reminders.dismiss_reminder)
    snooze_reminder = _Delegate("follow_ups", Reminders.snooze_reminder)
    add_case_date = _Delegate("follow_ups", Reminders.add_case_date)
    case_dates = _Delegate("follow_ups", Reminders.case_dates)
    case_dates_between = _Delegate("follow_ups", Reminders.case_dates_between)
    remove_case_date = _Delegate("follow_ups", Reminders.remove_case_date)
    originals_outstanding = _Delegate("follow_ups", Reminders.originals_outstanding)
    set_originals_returned = _Delegate("follow_ups", Reminders.set_originals_returned)

    # people: People
    add_party = _Delegate("people", People.add_party)
    parties = _Delegate("people", People.parties)
    remove_party = _Delegate("people", People.remove_party)
    conflicts = _Delegate("people", People.conflicts)
    record_conflict_decision = _Delegate("people", People.record_conflict_decision)
    give_consent = _Delegate("people", People.give_consent)
    withdraw_consent = _Delegate("people", People.withdraw_consent)
    consents = _Delegate("people", People.consents)
    consent_in_force = _Delegate("people", People.consent_in_force)
    sharing_consent_problem = _Delegate("people", People.sharing_consent_problem)
    record_escalation = _Delegate("people", People.record_escalation)
    escalations = _Delegate("people", People.escalations)
    escalation_count = _Delegate("people", People.escalation_count)
    escalation_unrecorded = _Delegate("people", People.escalation_unrecorded)

    # paper trail: PaperTrail
    edit_note = _Delegate("paper_trail", PaperTrail.edit_note)
    note_versions = _Delegate("paper_trail", PaperTrail.note_versions)
    add_original = _Delegate("paper_trail", PaperTrail.add_original)
    return_original = _Delegate("paper_trail", PaperTrail.return_original)
    originals = _Delegate("paper_trail", PaperTrail.originals)
    review = _Delegate("paper_trail", PaperTrail.review)
    open_email = _Delegate("paper_trail", PaperTrail.open_email)
    read_email = _Delegate("paper_trail", PaperTrail.read_email)
    record_email = _Delegate("paper_trail", PaperTrail.record_email)
    import_email = _Delegate("paper_trail", PaperTrail.import_email)

    # library: Library
    add_library_document = _Delegate("library", Library.add_library_document)
    add_library_stream = _Delegate("library", Library.add_library_stream)
    begin_library_document = _Delegate("library", Library.begin_library_document)
    finish_library_document = _Delegate("library", Library.finish_library_document)
    abandon_library_document = _Delegate("library", Library.abandon_library_document)
    library_documents = _Delegate("library", Library.library_documents)
    open_library_document = _Delegate("library", Library.open_library_document)
    remove_library_document = _Delegate("library", Library.remove_library_document)
    check_library = _Delegate("library", Library.check_library)

    # breach record: Breaches
    breach_problems = _Delegate("breach_record", Breaches.breach_problems)
    record_breach = _Delegate("breach_record", Breaches.record_breach)
    breaches = _Delegate("breach_record", Breaches.breaches)
    breach_report = _Delegate("breach_record", Breaches.breach_report)

    # exchange: Exchange
    export_problem = _Delegate("exchange", Exchange.export_problem)
    begin_export = _Delegate("exchange", Exchange.begin_export)
    finish_export = _Delegate("exchange", Exchange.finish_export)
    abandon_export = _Delegate("exchange", Exchange.abandon_export)
    export_zip = _Delegate("exchange", Exchange.export_zip)
    begin_subject_access = _Delegate("exchange", Exchange.begin_subject_access)
    export_subject_access = _Delegate("exchange", Exchange.export_subject_access)
    save_summary = _Delegate("exchange", Exchange.save_summary)
    sent_log = _Delegate("exchange", Exchange.sent_log)

    # backups: Backup
    backup = _Delegate("backups", Backup.backup)
    begin_backup = _Delegate("backups", Backup.begin_backup)
    finish_backup = _Delegate("backups", Backup.finish_backup)
    last_backup_at = _Delegate("backups", Backup.last_backup_at)
    backup_every_days = _Delegate("backups", Backup.backup_every_days)
    set_backup_every_days = _Delegate("backups", Backup.set_backup_every_days)
    backup_reminders = _Delegate("backups", Backup.backup_reminders)

    # handover: HandoverSend
    identity_public_key = _Delegate("handover", HandoverSend.identity_public_key)
    handover_manifest = _Delegate("handover", HandoverSend.handover_manifest)
    prepare_handover = _Delegate("handover", HandoverSend.prepare_handover)
    finish_handover = _Delegate("handover", HandoverSend.finish_handover)
    hand_over = _Delegate("handover", HandoverSend.hand_over)
    handovers = _Delegate("handover", HandoverSend.handovers)

    # receiving: HandoverReceive
    signing_fingerprint = _Delegate("receiving", HandoverReceive.signing_fingerprint)
    handover_senders = _Delegate("receiving", HandoverReceive.handover_senders)
    sender_status = _Delegate("receiving", HandoverReceive.sender_status)
    confirm_sender = _Delegate("receiving", HandoverReceive.confirm_sender)
    prepare_receive = _Delegate("receiving", HandoverReceive.prepare_receive)
    abandon_receive = _Delegate("receiving", HandoverReceive.abandon_receive)
    finish_receive = _Delegate("receiving", HandoverReceive.finish_receive)
    receive = _Delegate("receiving", HandoverReceive.receive)
    receive_case = _Delegate("receiving", HandoverReceive.receive_case)

    # checker: Checker
    check = _Delegate("checker", Checker.check)
    audit = _Delegate("checker", Checker.audit)
    verify_audit = _Delegate("checker", Checker.verify_audit)


def verify_backup(
    backup: Path, passphrase: str, progress: RestoreProgress | None = None, *, scratch: Path | None = None
) -> list[str]:
    """Prove `backup` restores: restore it into a private temp folder (0700; in `scratch`, else
    the system's temp folder), open the copy with `passphrase`, run `check`, delete the copy.
    Returns the problems found, one sentence each; empty means the backup is good. A wrong
    passphrase raises UnlockError. (Here, not in backup.py: it opens a whole Vault.)"""
    from casevault.vault.backup import restore_backup  # noqa: PLC0415 - see _Later

    work = Path(tempfile.mkdtemp(prefix="casevault-verify-", dir=scratch))
    try:
        os.chmod(work, 0o700)
        into = work / "vault"
        try:
            restore_backup(backup, into, passphrase=passphrase, progress=progress)
        except (DamagedError, UsageError) as err:
            return [err.message]
        try:
            with Vault.open(
                VaultPaths(into), keychain=None, ask_passphrase=lambda _reason: passphrase
            ) as copy:
                return copy.check()
        except DamagedError as err:
            return [err.message]
    finally:
        shutil.rmtree(work, ignore_errors=True)
