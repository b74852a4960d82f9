"""`casevault check`: the database's own checks, every blob authenticated in full, and orphans
found both ways. Problems are sentences naming opaque ids only, never names."""

from __future__ import annotations

from collections.abc import Callable

from casevault.casework import rules
from casevault.core.errors import AuthenticationError, CasevaultError
from casevault.core.model import Attachment
from casevault.crypto import audit_chain, keys
from casevault.formats.blobstore import BlobStore
from casevault.store import audit as audit_rows
from casevault.store import cases as case_rows
from casevault.store import files as file_rows
from casevault.store.db import Database
from casevault.vault.session import Session

CaseKey = Callable[[str], bytes]
CheckProgress = Callable[[int, int], None]


def check(
    db: Database,
    blobs: BlobStore,
    case_key: CaseKey,
    progress: CheckProgress | None = None,
    *,
    thorough: bool = False,
    helper: Callable[[], Database] | None = None,
) -> list[str]:
    """`helper` opens a second connection, to share the database's own checks."""
    problems = [f"database: {p}" for p in db.integrity_problems(thorough=thorough, helper=helper)]
    if problems:
        return problems  # rows from a damaged database cannot be trusted to check blobs against

    on_disk, strays = blobs.inventory()
    problems += strays
    known_cases = case_rows.all_case_ids(db)
    problems += [
        f"case folder {case_id} belongs to no case in the database"
        for case_id in sorted(set(on_disk) - known_cases)
    ]
    recorded = file_rows.all_with_keys(db)
    keys_by_case = _case_keys(sorted({a.case_id for a, _ in recorded}), case_key, problems)
    for done, (attachment, wrapped) in enumerate(recorded, start=1):
        if progress is not None:
            progress(done, len(recorded))
        key = keys_by_case.get(attachment.case_id)
        if key is None:
            continue
        if attachment.id not in on_disk.get(attachment.case_id, set()):
            problems.append(f"attachment {attachment.id}: its encrypted file is missing")
            continue
        problem = _verify(blobs, attachment, wrapped, key)
        if problem:
            problems.append(f"attachment {attachment.id}: {problem}")

    recorded_ids = {a.id for a, _ in recorded}
    for case_id, file_ids in sorted(on_disk.items()):
        problems += [
            f"attachment file {file_id} in case folder {case_id} has no record (orphan)"
            for file_id in sorted(file_ids - recorded_ids)
        ]
    return problems


def _case_keys(case_ids: list[str], case_key: CaseKey, problems: list[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for case_id in case_ids:
        try:
            found[case_id] = case_key(case_id)
        except CasevaultError:
            problems.append(f"case {case_id}: its key is missing or fails authentication")
    return found


def _verify(blobs: BlobStore, attachment: Attachment, wrapped: bytes, case_key: bytes) -> str | None:
    aad = keys.file_key_aad(bytes.fromhex(attachment.case_id), bytes.fromhex(attachment.id))
    try:
        file_key = keys.unwrap_key(case_key, wrapped, aad)
        size = blobs.verify(attachment.case_id, attachment.id, file_key)
    except AuthenticationError:
        return "damaged or tampered with (fails authentication)"
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    if size != attachment.size:
        return "its size differs from the record"
    return None


class Checker:
    """`casevault check` over the Session: first every leftover temporary copy is swept (what
    this open and this check removed is in `Session.repaired`; one that cannot be removed is a
    problem), then the database, every case blob, the library and the audit chain."""

    def __init__(self, session: Session, *, check_library: Callable[[], list[str]]) -> None:
        self._s = session
        self._check_library = check_library

    def check(self, progress: CheckProgress | None = None, *, thorough: bool = False) -> list[str]:
        """Every problem found, one sentence each, naming ids only. Empty means healthy.
        `thorough` adds SQLite's full integrity_check (Database.integrity_problems)."""
        self._s.sweep_temp_copies()
        problems = list(self._s.unrepaired)
        s = self._s
        problems += check(
            s.db, s.blobs, s.case_key, progress, thorough=thorough, helper=s.connection_opener()
        )
        if any(p.startswith("database:") for p in problems):
            return problems
        problems += self._check_library()
        if any(p.startswith("database:") for p in problems):
            return problems
        return problems + self.verify_audit()

    def audit(self, ref: str | None = None) -> list[audit_chain.Entry]:
        """The audit log (of one case when `ref` is given), oldest first: actions and ids only."""
        return audit_rows.entries(self._s.db, None if ref is None else rules.normalise_ref(ref))

    def verify_audit(self) -> list[str]:
        """Problems with the audit log's chain (an entry edited, removed or moved); empty if whole."""
        return audit_chain.verify(self._s.key(keys.PURPOSE_AUDIT), audit_rows.entries(self._s.db))
