"""The paper-trail rules (issue 5): sealed entries with versions, the originals register,
review against the first meeting, and emails imported into the paper trail."""

from __future__ import annotations

import io
import logging
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from casevault.casework import email_import, rules
from casevault.casework import review as review_rules
from casevault.casework.email_import import MAX_EMAIL_BYTES
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import EventVersion, Original
from casevault.formats.email_in import IncomingEmail, read_email_file
from casevault.store import cases as case_rows
from casevault.store import files as file_rows
from casevault.store import meetings as meeting_rows
from casevault.store import originals as original_rows
from casevault.store import paper_trail as paper_rows
from casevault.store import search as search_rows
from casevault.vault.session import NoteWriter, Session, StreamAttacher, open_for_attach

log = logging.getLogger(__name__)

MAX_DESCRIPTION_CHARS = 500
MAX_WHERE_CHARS = 200


@dataclass(frozen=True)
class ImportedEmail:
    """What `import_email` filed: the email itself as a document, its paper-trail entry, and
    the documents it held, in the order it held them."""

    email_id: str
    event_id: str
    contained_ids: tuple[str, ...]
    notes: tuple[str, ...]  # untranslated sentences (context "email") on what was left out


def _too_large(name: str) -> UsageError:
    return UsageError(f"{name} is too large to import as an email; attach it as a document instead.")


def _read_at_most(src: io.BufferedReader, limit: int, expected: int) -> bytes:
    """Up to `limit` + 1 bytes of `src`. Asked for in reads of about the size expected, because
    `read(n)` sets aside n bytes first: read(limit + 1) would cost 64 MiB for any email."""
    chunks: list[bytes] = []
    total = 0
    want = min(expected, limit) + 1
    while total <= limit:
        chunk = src.read(min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 1 << 20  # the file grew since it was opened
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


class EmailFile:
    """An .eml or .msg opened for import (`Vault.open_email`). `read` touches no database and no
    widget, so the GUI calls it on a worker thread: reading a hostile message must never hold up
    the window. It reads with `email_in.read_email_file`, as every door an email comes in by
    does, so all get the same bounds."""

    def __init__(self, name: str, src: io.BufferedReader, now: datetime) -> None:
        self.name = name
        self.size = os.fstat(src.fileno()).st_size
        self._src = src
        self._now = now

    def __enter__(self) -> EmailFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._src.close()

    def read(self) -> IncomingEmail:
        """Read the message into memory (never copied anywhere on disk) and summarise it."""
        with self._src:
            data = _read_at_most(self._src, MAX_EMAIL_BYTES, self.size)
        if len(data) > MAX_EMAIL_BYTES:
            raise _too_large(self.name)
        return read_email_file(self.name, data, self._now)


def _clean(text: str, field: str, max_chars: int, *, required: bool) -> str:
    try:
        return rules.clean_text(text, field=field, max_chars=max_chars, required=required)
    except ValueError as err:
        raise UsageError(str(err)) from None


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None:
        raise UsageError(f"The {what} needs a time with its time zone.")
    return moment


class PaperTrail:
    """Sealed entries with versions, the originals register, the case review, email in."""

    def __init__(self, session: Session, *, add_note: NoteWriter, attach_stream: StreamAttacher) -> None:
        self._s = session
        self._add_note = add_note
        self._attach_stream = attach_stream

    # ---- versioned entries -------------------------------------------------------------------

    def edit_note(self, event_id: str, text: str) -> int:
        """Add a new version of a paper-trail entry (the entry itself is sealed); returns its
        version number. Every earlier version stays readable through `note_versions`."""
        try:
            body = rules.clean_body(text, field="note")
        except ValueError as err:
            raise UsageError(str(err)) from None
        event_id = event_id.strip().lower()
        history = paper_rows.versions(self._s.db, event_id)
        case_id = paper_rows.event_case(self._s.db, event_id)
        if history is None or case_id is None:
            raise NotFoundError(f"There is no paper-trail entry {event_id!r} in this vault.")
        if history[-1].body == body:
            raise UsageError("The entry's text is unchanged.")
        now = self._s.now()
        with self._s.db.transaction():
            version = paper_rows.add_version(self._s.db, event_id, body, now)
            assert version is not None
            self._s.audit("note.edited", self._s.ref_of(case_id), event_id, now=now)
        log.info("note.edited %s %s", event_id, version)
        return version

    def note_versions(self, event_id: str) -> list[EventVersion]:
        """Every version of an entry, the original (version 1) first."""
        found = paper_rows.versions(self._s.db, event_id.strip().lower())
        if found is None:
            raise NotFoundError(f"There is no paper-trail entry {event_id!r} in this vault.")
        return found

    # ---- the originals register ----------------------------------------------------------------

    def add_original(self, ref: str, description: str, *, received_at: datetime, kept_where: str = "") -> str:
        """Record an original document received from the member; returns its id."""
        original = Original(
            id=secrets.token_hex(16),
            description=_clean(description, "description", MAX_DESCRIPTION_CHARS, required=True),
            received_at=_aware(received_at, "date received"),
            kept_where=_clean(kept_where, "place where it is kept", MAX_WHERE_CHARS, required=False),
            returned_at=None,
            returned_how="",
            recorded_at=self._s.now(),
        )
        case_id = self._s.case_id(ref)
        with self._s.db.transaction():
            original_rows.insert(self._s.db, case_id, original)
            self._s.audit("original.received", self._s.ref_of(case_id), original.id, now=original.recorded_at)
        log.info("original.added %s", original.id)
        return original.id

    def return_original(self, original_id: str, *, returned_at: datetime, how: str) -> None:
        """Record that an original went back to the member, when and how (by hand, by post…)."""
        how_text = _clean(how, "way it was returned", MAX_WHERE_CHARS, required=True)
        _aware(returned_at, "date returned")
        found = original_rows.get(self._s.db, original_id.strip().lower())
        if found is None:
            raise NotFoundError(f"There is no original document {original_id!r} in this vault.")
        case_id, original = found
        if original.returned_at is not None:
            raise UsageError("That original is already recorded as returned.")
        if returned_at < original.received_at:
            raise UsageError("An original cannot be returned before it was received.")
        now = self._s.now()
        with self._s.db.transaction():
            original_rows.set_returned(self._s.db, original.id, returned_at, how_text, now)
            self._s.audit("original.returned", self._s.ref_of(case_id), original.id, now=now)
        log.info("original.returned %s", original.id)

    def originals(self, ref: str) -> list[Original]:
        """The case's originals register, in the order received."""
        return original_rows.for_case(self._s.db, self._s.case_id(ref))

    # ---- review against the first meeting ------------------------------------------------------

    def review(self, ref: str, now: datetime | None = None) -> review_rules.Review:
        """The issues agreed at the first meeting, each with the entries and action points that
        have covered it since, and the action points, each with its status."""
        case_id = self._s.case_id(ref)
        return review_rules.review(
            meeting_rows.get_first_meeting(self._s.db, case_id),
            meeting_rows.actions_for_case(self._s.db, case_id),
            now or self._s.now(),
            events=case_rows.events(self._s.db, case_id),
        )

    # ---- emails into the paper trail -----------------------------------------------------------

    def open_email(self, path: Path) -> EmailFile:
        """Open an .eml or .msg for import, refusing one too large to read into memory; the import's
        date, for a message without one, is now."""
        name, src = open_for_attach(path)
        try:
            found = self._s.hold(EmailFile(name, src, self._s.now()))
        except BaseException:
            src.close()
            raise
        if found.size > MAX_EMAIL_BYTES:
            found.close()
            raise _too_large(name)
        return found

    def read_email(self, path: Path) -> IncomingEmail:
        """Read an .eml or .msg into memory (never copied anywhere on disk) and summarise it."""
        with self.open_email(path) as found:
            return found.read()

    def record_email(self, ref: str, email: IncomingEmail, attachment_id: str) -> str:
        """The "email" paper-trail entry for an email already stored as `attachment_id`, and its
        body in the search index (source "email", under the attachment's id: a purge erases it
        with the case). The documents it held are filed apart (`file_contained`)."""
        case_id = self._s.case_id(ref)
        stored = file_rows.get(self._s.db, attachment_id)
        if stored is None or stored[0].case_id != case_id:
            raise NotFoundError("That email is not among this case's documents.")
        with self._s.db.transaction():
            event_id = self._add_note(
                ref,
                email_import.entry_text(email.summary, email.notes, [item.name for item in email.contained]),
                kind="email",
                occurred_at=email.summary.sent_at,
            )
            if email.body.strip():
                search_rows.index(self._s.db, case_id, "email", attachment_id, email.body)
        log.info("email.imported %s %s", attachment_id, event_id)
        return event_id

    def file_contained(self, ref: str, email: IncomingEmail) -> tuple[str, ...]:
        """File each document the email held as a document of the case, encrypted from memory;
        their ids, in order."""
        return tuple(self._attach_stream(ref, item.name, io.BytesIO(item.data)) for item in email.contained)

    def import_email(self, ref: str, path: Path) -> ImportedEmail:
        """Store an .eml or .msg encrypted as a document of the case, add an "email" entry dated
        from the message, and file the documents it held."""
        self._s.case_id(ref)  # an unknown case fails before anything is read
        email = self.read_email(path)
        email_id = self._attach_stream(ref, email.name, io.BytesIO(email.data))
        event_id = self.record_email(ref, email, email_id)
        return ImportedEmail(email_id, event_id, self.file_contained(ref, email), email.notes)
