"""Retention and secure deletion: the archive periods, the purge of a closed case beyond
recovery, and finishing at the next open what a crash interrupted.

A purge first sweeps every temporary copy of vault data (places.py: the one list of where a
case's data can be), so a copy a killed backup left cannot outlive it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from casevault.casework import outcomes as outcome_rules
from casevault.casework import retention
from casevault.core.errors import CasevaultError, UsageError
from casevault.core.model import Deletion
from casevault.store import cases as case_rows
from casevault.store import files as file_rows
from casevault.store import meetings as meeting_rows
from casevault.store import names as name_index
from casevault.store import search as search_rows
from casevault.store import settings
from casevault.vault.session import Session

log = logging.getLogger(__name__)

RETAIN_DAYS_SETTING = "retention.default_days"
RETAIN_DAYS_BY_TYPE = "retention.days."


class Retention:
    """Archive periods and purges, over the Session."""

    def __init__(self, session: Session, *, recover_library: Callable[[], None]) -> None:
        self._s = session
        self._recover_library = recover_library

    def purge_case(
        self, ref: str, originals_reason: str | None = None, *, rebuild_index: bool = True
    ) -> Deletion:
        """Cryptographic erase: delete the case key and every row (secure_delete on), truncate the
        WAL so no old page survives there, then unlink the blobs and the folder. A crash after the
        commit is finished at the next open. While the member's originals are recorded as held,
        a reason code from retention.ORIGINALS_REASONS is required (and kept in the record)."""
        case_id = self._s.case_id(ref)
        summary = case_rows.get_summary(self._s.db, case_id)
        assert summary is not None
        if summary.status != "closed":
            raise UsageError(f"{summary.ref} is still open; close it before deleting it permanently.")
        codes = [code for code, _label in retention.ORIGINALS_REASONS]
        if meeting_rows.originals_outstanding(self._s.db, case_id):
            if originals_reason not in codes:
                raise UsageError(
                    f"The member's original documents for {summary.ref} are not recorded as returned; "
                    f"return them first, or give the reason ({', '.join(codes)})."
                )
        else:
            originals_reason = None
        # A copy a killed backup left would outlive the purge: remove it first, or stop here.
        self._s.sweep_temp_copies()
        if self._s.unrepaired:
            first = self._s.unrepaired[0]
            raise CasevaultError(
                f"{first[:1].upper()}{first[1:]}, so {summary.ref} was not deleted (it would survive "
                "in that copy); remove it, or fix its permissions, and try again."
            )
        now = self._s.now()
        with self._s.db.transaction():
            # The record keeps a listed type: one typed freely before the lists may be a name.
            listed = outcome_rules.case_type_codes(settings.get(self._s.db, outcome_rules.CASE_TYPES_SETTING))
            kept = replace(summary, case_type=outcome_rules.counted_type(summary.case_type, listed))
            case_rows.erase_case(self._s.db, kept, now, originals_reason)
            self._s.audit("case.deleted", summary.ref, now=now)
        if rebuild_index:
            self.finish_purges()
        else:
            self._s.db.checkpoint_truncate()
        self._s.blobs.remove_case(case_id)
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
        rebuild the search index once (about 1 s at 10k cases) and the conflict check's name
        index (0.6 s), and truncate the WAL. Both leave copies of deleted entries in page space
        secure_delete does not reach (FTS5's page directory; unallocated gaps), and a rebuild
        rewrites every page."""
        with self._s.db.transaction():
            search_rows.rebuild(self._s.db)
            name_index.rebuild(self._s.db)
        self._s.db.checkpoint_truncate()

    def deletions(self) -> list[Deletion]:
        return case_rows.deletions(self._s.db)

    def recover(self) -> None:
        """Finish what a crash interrupted: remove leftover temporary copies (a killed backup's
        database snapshot), drop killed imports, finish interrupted purges. On a read-only
        database (a full disk) only what needs no database write is done; the rest waits."""
        self._s.sweep_temp_copies()
        if self._s.db.read_only:
            self.finish_purged_folders()
            return
        # Only an import with a pending row can leave a .part file behind: the row is committed
        # before the temp file is created and cleared only after the rename.
        for case_id, file_id in file_rows.pending_imports(self._s.db):
            self._s.blobs.remove(case_id, file_id)
            if case_rows.get_summary(self._s.db, case_id) is None:
                # A case received by handover whose rows never landed: only its folder is left.
                self._s.blobs.remove_case(case_id)
            file_rows.abandon_import(self._s.db, file_id)
            log.info("recover.import-dropped %s", file_id)
        self.finish_purged_folders()
        self._recover_library()

    def finish_purged_folders(self) -> None:
        # Look only at purged cases' folders: listing the cases folder costs ~9 ms per 10k cases.
        for case_id in case_rows.deleted_case_ids(self._s.db):
            if self._s.paths.case_dir(case_id).exists():
                self._s.blobs.remove_case(case_id)
                log.info("recover.purge-finished %s", case_id)

    # ---- retention -------------------------------------------------------------------------------

    def default_retain_days(self) -> int:
        stored = settings.get(self._s.db, RETAIN_DAYS_SETTING)
        return int(stored) if stored is not None else retention.DEFAULT_RETAIN_DAYS

    def retain_days_for(self, case_type: str) -> int:
        """The archive period for a case of this type: its own setting, else the default."""
        stored = settings.get(self._s.db, RETAIN_DAYS_BY_TYPE + case_type)
        return int(stored) if stored is not None else self.default_retain_days()

    def retention_defaults(self) -> dict[str, int]:
        """Days per case type in use or configured, and "" for the default."""
        types = set(case_rows.case_types(self._s.db)) | set(
            settings.with_prefix(self._s.db, RETAIN_DAYS_BY_TYPE)
        )
        return {"": self.default_retain_days(), **{t: self.retain_days_for(t) for t in sorted(types)}}

    def set_retain_days(self, days: int, case_type: str | None = None) -> None:
        """Set the default archive period (no type) or a case type's own."""
        try:
            retention.check_days(int(days))
        except ValueError as err:
            raise UsageError(str(err)) from None
        key = RETAIN_DAYS_SETTING if case_type is None else RETAIN_DAYS_BY_TYPE + case_type
        with self._s.db.transaction():
            settings.put(self._s.db, key, str(int(days)))
        log.info("retention.set %s", int(days))
