"""The breach record (issue 5): data-protection incidents the rep has to log, vault-wide, with
the report a data protection officer asks for. The rules (what must be recorded, the 72-hour
clock) are pure functions in casework/breach.py."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime

from casevault.casework import breach as breach_rules
from casevault.casework import rules
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.model import Breach
from casevault.store import breaches as breach_rows
from casevault.vault.session import Session

log = logging.getLogger(__name__)


class Breaches:
    """The breach record, over the Session."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def breach_problems(self, entry: breach_rules.BreachInput) -> list[str]:
        """Why `entry` cannot be recorded (sentences marked for translation); [] when it can."""
        return breach_rules.problems(
            entry, self._s.now(), breach_rows.known_refs(self._s.db), breach_rows.people_names(self._s.db)
        )

    def record_breach(
        self,
        *,
        occurred_at: datetime,
        discovered_at: datetime,
        category: str,
        what: str,
        case_refs: tuple[str, ...] | list[str] = (),
        informed: tuple[str, ...] | list[str] = (),
        informed_at: datetime | None = None,
        actions: str = "",
    ) -> str:
        """Record a confidentiality breach; refused (UsageError, one sentence) while the free text
        names a member or party, or a reference is not one of this vault's cases."""
        for moment in (occurred_at, discovered_at, informed_at):
            if moment is not None and moment.tzinfo is None:
                raise UsageError("A breach's times need their time zone.")
        try:
            clean_what = rules.clean_text(what, field="description", max_chars=breach_rules.MAX_TEXT_CHARS)
            clean_actions = rules.clean_text(
                actions, field="actions taken", max_chars=breach_rules.MAX_TEXT_CHARS, required=False
            )
        except ValueError as err:
            raise UsageError(str(err)) from None
        entry = breach_rules.BreachInput(
            occurred_at=occurred_at,
            discovered_at=discovered_at,
            category=category,
            what=clean_what,
            case_refs=tuple(dict.fromkeys(rules.normalise_ref(r) for r in case_refs if r.strip())),
            informed=tuple(dict.fromkeys(informed)),
            informed_at=informed_at,
            actions=clean_actions,
        )
        found = self.breach_problems(entry)
        if found:
            raise UsageError(found[0])
        now = self._s.now()
        record = Breach(
            id=secrets.token_hex(16),
            occurred_at=entry.occurred_at,
            discovered_at=entry.discovered_at,
            category=entry.category,
            what=entry.what,
            case_refs=entry.case_refs,
            informed=",".join(entry.informed),
            informed_at=entry.informed_at,
            actions=entry.actions,
            recorded_at=now,
        )
        with self._s.db.transaction():
            breach_rows.insert(self._s.db, record)
            self._s.audit("breach.recorded", "", record.id, now=now)
        log.info("breach.recorded %s", record.id)
        return record.id

    def breaches(self) -> list[Breach]:
        return breach_rows.all_breaches(self._s.db)

    def breach_report(self, breach_id: str | None = None) -> str:
        """The plain-text report of one breach (default: the newest): references, dates, category,
        who was informed and the actions; no member content."""
        if breach_id is None:
            every = self.breaches()
            if not every:
                raise NotFoundError("No breach is recorded in this vault.")
            record = every[0]
        else:
            found = breach_rows.get(self._s.db, breach_id.strip().lower())
            if found is None:
                raise NotFoundError(f"There is no breach record {breach_id!r} in this vault.")
            record = found
        return breach_rules.report(
            breach_id=record.id,
            occurred_at=record.occurred_at,
            discovered_at=record.discovered_at,
            category=record.category,
            case_refs=record.case_refs,
            informed=tuple(c for c in record.informed.split(",") if c),
            informed_at=record.informed_at,
            actions=record.actions,
            recorded_at=record.recorded_at,
        )
