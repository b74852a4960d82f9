"""The casework clock on a case (issue 16): procedures from templates, their stages' deadlines,
tribunal limits and subject access requests, each counted by casework/ and stored with the rule
and version that made it. Every calculation is put in the audit log by a keyed digest (the log
holds ids, never content), and each undone deadline feeds the reminders through `deadlines.due_at`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from casevault.casework import procedure as procedure_rules
from casevault.casework import reminders as reminder_rules
from casevault.casework import rules, time_limits
from casevault.casework.working_days import DEFAULT_JURISDICTION, WorkingCalendar, check_jurisdiction
from casevault.core.clock import new_id
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.fsutil import atomic_write_bytes, translate_os_error
from casevault.core.model import CaseDeadline, Procedure
from casevault.core.vocab import CASE_DATE_KINDS
from casevault.crypto import keys
from casevault.crypto.audit_chain import calculation_digest
from casevault.formats import ics
from casevault.store import deadlines as deadline_rows
from casevault.store import library as library_rows
from casevault.store import settings as settings_rows
from casevault.store.timefmt import from_db
from casevault.vault.session import Session

log = logging.getLogger(__name__)

JURISDICTION_SETTING = "casework.jurisdiction"
CLOSURES_SETTING = "casework.closure_days"  # JSON list of ISO dates
REFER_WEEKS_SETTING = "casework.refer_weeks"
MAX_TEXT_CHARS = 2000
# The words an exported calendar uses for each kind of date: kinds only, never content.
CALENDAR_KINDS = {
    "stage": "procedure deadline",
    "tribunal": "tribunal time limit",
    "subject-access": "subject access answer due",
    "accompaniment": "alternative hearing date limit",
    "hearing": "hearing",
    "meeting": "meeting",
}


class Procedures:
    def __init__(self, session: Session) -> None:
        self._s = session

    # ---- the vault's calendar ----------------------------------------------------------------

    def jurisdiction(self) -> str:
        return settings_rows.get(self._s.db, JURISDICTION_SETTING) or DEFAULT_JURISDICTION

    def set_jurisdiction(self, jurisdiction: str) -> None:
        with self._s.db.transaction():
            settings_rows.put(self._s.db, JURISDICTION_SETTING, check_jurisdiction(jurisdiction))

    def closure_days(self) -> list[date]:
        raw = settings_rows.get(self._s.db, CLOSURES_SETTING)
        return [] if raw is None else sorted(date.fromisoformat(d) for d in json.loads(raw))

    def set_closure_days(self, days: list[date]) -> None:
        with self._s.db.transaction():
            settings_rows.put(self._s.db, CLOSURES_SETTING, json.dumps(sorted({d.isoformat() for d in days})))

    def refer_weeks(self) -> int:
        """How long before a tribunal limit the case should reach the regional office."""
        raw = settings_rows.get(self._s.db, REFER_WEEKS_SETTING)
        if raw is None or not raw.isdigit():
            return time_limits.REFER_WEEKS
        return int(raw)

    def set_refer_weeks(self, weeks: int) -> None:
        if not 1 <= weeks <= time_limits.MAX_REFER_WEEKS:
            raise UsageError(
                f"Refer a case from 1 to {time_limits.MAX_REFER_WEEKS} weeks before its tribunal limit."
            )
        with self._s.db.transaction():
            settings_rows.put(self._s.db, REFER_WEEKS_SETTING, str(weeks))

    def _calendar(self, jurisdiction: str) -> WorkingCalendar:
        return WorkingCalendar.of(jurisdiction, self.closure_days())

    # ---- procedures --------------------------------------------------------------------------

    def start_procedure(
        self, ref: str, template_id: str, *, jurisdiction: str | None = None, policy_id: str | None = None
    ) -> str:
        """Put a case on a procedure from a template; its stages wait for their events."""
        template = procedure_rules.template(template_id)
        place = check_jurisdiction(jurisdiction or self.jurisdiction())
        case_id = self._s.case_id(ref)
        if policy_id is not None:
            policy_id = policy_id.strip().lower()
            if library_rows.get(self._s.db, policy_id) is None:
                raise NotFoundError("There is no such document in the policy library.")
        now = self._s.now()
        proc = Procedure(new_id(), template.id, template.version, template.name, place, now, policy_id)
        stages = [
            CaseDeadline(new_id(), "stage", s.name, proc.id, i, s.key, s.event, s.limit_days, s.unit)
            for i, s in enumerate(template.stages)
        ]
        with self._s.db.transaction():
            deadline_rows.insert_procedure(self._s.db, case_id, proc, stages, now)
            self._s.audit("procedure.started", self._s.ref_of(case_id), proc.id, now=now)
        log.info("procedure.started")
        return proc.id

    def case_jurisdiction(self, ref: str) -> str:
        """Where the case's law is counted: its latest procedure's jurisdiction, else the vault's."""
        procs = self.procedures(ref)
        return procs[-1].jurisdiction if procs else self.jurisdiction()

    def procedures(self, ref: str) -> list[Procedure]:
        return deadline_rows.procedures(self._s.db, self._s.case_id(ref))

    def deadlines(self, ref: str) -> list[CaseDeadline]:
        return deadline_rows.deadlines(self._s.db, self._s.case_id(ref))

    def stage(self, ref: str, stage_key: str, procedure_id: str | None = None) -> CaseDeadline:
        """A stage of the case's procedure (the latest started, unless one is named)."""
        procs = self.procedures(ref)
        if not procs:
            raise NotFoundError("The case follows no procedure yet; start one first.")
        proc = procs[-1] if procedure_id is None else next((p for p in procs if p.id == procedure_id), None)
        if proc is None:
            raise NotFoundError("The case has no such procedure.")
        for deadline in self.deadlines(ref):
            if deadline.procedure_id == proc.id and deadline.stage_key == stage_key:
                return deadline
        template = procedure_rules.template(proc.template_id)
        raise NotFoundError(
            f"The procedure has no stage {stage_key!r}: its stages are {', '.join(template.keys())}."
        )

    def record_stage_event(self, deadline_id: str, on: date) -> CaseDeadline:
        """The event that starts a stage's clock happened on `on`: count its deadline."""
        case_id, current = self._deadline(deadline_id, kind="stage")
        return self._recount(case_id, replace(current, event_on=on, extended_to=None, extension_with=""))

    def set_stage_limit(self, deadline_id: str, days: int | None, unit: str) -> CaseDeadline:
        """Change a stage's time limit to the employer's policy (None: no set limit); its
        deadline is counted again, and a stage already done keeps its record."""
        case_id, current = self._deadline(deadline_id)
        if current.kind != "stage":
            raise UsageError("Only a procedure stage's limit can be changed; this one is set by law.")
        procedure_rules.check_limit(days, unit)
        changed = replace(current, limit_days=days, unit=unit)
        return self._recount(case_id, changed, "deadline.limit-changed")

    def extend_deadline(self, deadline_id: str, to: date, agreed_with: str, note: str = "") -> CaseDeadline:
        """An extension agreed with someone (the employer's HR, the hearing officer)."""
        case_id, current = self._deadline(deadline_id)
        if current.kind == "tribunal":
            raise UsageError(
                "A tribunal time limit cannot be extended by agreement; present the claim in time."
            )
        if not agreed_with.strip():
            raise UsageError("Say who agreed the extension.")
        if current.due_on is None:
            raise UsageError("The deadline has no date yet: record the event that starts it first.")
        if to <= current.due_on:
            raise UsageError("An extension moves the deadline later; the date given is not after it.")
        changed = replace(
            current,
            extended_to=to,
            extension_with=_text(agreed_with, "who agreed"),
            extension_note=_text(note, "the note"),
        )
        if changed.kind == "stage":
            return self._recount(case_id, changed)
        agreed = f"Extended to {time_limits.day_text(to)}, agreed with {changed.extension_with}."
        explained = f"{current.explanation} {agreed}"
        changed = replace(changed, due_on=to, explanation=explained)
        self._save(case_id, changed, "deadline.extended")
        return changed

    def complete_deadline(self, deadline_id: str, on: date, outcome: str = "") -> CaseDeadline:
        """The stage (or claim, or answer) was done on `on`: its reminders stop."""
        case_id, current = self._deadline(deadline_id)
        done = replace(current, done_on=on, outcome=_text(outcome, "the outcome"))
        self._save(case_id, done, "deadline.done")
        return done

    def explain_overdue(self, deadline_id: str, reason: str) -> None:
        """Why an overdue deadline is set aside: the only way its overdue reminder goes."""
        case_id, current = self._deadline(deadline_id)
        if not reason.strip():
            raise UsageError("An overdue deadline is dismissed only with a reason.")
        self._save(
            case_id,
            replace(current, overdue_reason=_text(reason, "the reason")),
            "deadline.overdue-explained",
        )

    def overdue_key(self, deadline_id: str) -> str:
        """The key of a deadline's overdue reminder; refused unless it is overdue now."""
        _case_id, current = self._deadline(deadline_id)
        if current.due_on is None or current.done_on is not None:
            raise UsageError("That deadline is not running, so it cannot be overdue.")
        overdue = next(
            r
            for r in reminder_rules.deadline_reminders(
                "", current.id, time_limits.day_start(current.due_on), ()
            )
            if r.kind == reminder_rules.DEADLINE_OVERDUE
        )
        if overdue.due_at > self._s.now():
            raise UsageError("That deadline has not passed yet; record the stage as done, or extend it.")
        return overdue.key

    def remove_deadline(self, deadline_id: str) -> None:
        case_id, current = self._deadline(deadline_id)
        if current.kind == "stage":
            raise UsageError("A procedure's stage cannot be removed; record it as done instead.")
        now = self._s.now()
        with self._s.db.transaction():
            deadline_rows.delete_deadline(self._s.db, case_id, deadline_id, now)
            self._s.audit("deadline.removed", self._s.ref_of(case_id), deadline_id, now=now)

    # ---- deadlines counted from the law ------------------------------------------------------

    def add_tribunal_limit(
        self,
        ref: str,
        event: date,
        claim: str,
        *,
        acas_start: date | None = None,
        acas_certificate: date | None = None,
        jurisdiction: str | None = None,
    ) -> CaseDeadline:
        place = jurisdiction or self.case_jurisdiction(ref)
        result = time_limits.tribunal(
            event,
            claim,
            jurisdiction=place,
            acas_start=acas_start,
            acas_certificate=acas_certificate,
            refer_weeks=self.refer_weeks(),
        )
        name = f"Tribunal claim ({claim})"
        return self._add_counted(ref, "tribunal", name, result, event)

    def add_subject_access(
        self,
        ref: str,
        received: date,
        *,
        extension_months: int = 0,
        told_on: date | None = None,
        jurisdiction: str | None = None,
    ) -> CaseDeadline:
        """A subject access request's answer date; an extension is kept only with the date the
        member was told of it."""
        if extension_months and told_on is None:
            raise UsageError("An extension needs the date the member was told of it.")
        place = jurisdiction or self.case_jurisdiction(ref)
        result = time_limits.subject_access(
            received, jurisdiction=place, extension_months=extension_months, told_on=told_on
        )
        return self._add_counted(ref, "subject-access", "Subject access answer", result, received)

    def _add_counted(
        self, ref: str, kind: str, name: str, result: time_limits.Deadline, event: date
    ) -> CaseDeadline:
        assert isinstance(result.deadline, date)
        deadline = CaseDeadline(
            new_id(),
            kind,
            name,
            event_on=event,
            due_on=result.deadline,
            rule=result.rule.id,
            rule_version=result.rule.version,
            inputs={**result.inputs, "pack_version": result.pack_version},
            explanation=result.explanation,
        )
        case_id = self._s.case_id(ref)
        self._save(case_id, deadline, "deadline.calculated")
        return deadline

    # ---- the calendar export -----------------------------------------------------------------

    def export_calendar(self, target: Path) -> int:
        """Write the running deadlines and hearings of open cases to an .ics file where the rep
        chose; titles are a reference and a kind, never content. Returns the number of events."""
        entries = []
        for ref, record, kind, when in deadline_rows.calendar_rows(self._s.db):
            moment: date | datetime = (
                from_db(str(when)) if kind in CASE_DATE_KINDS else date.fromisoformat(str(when))
            )
            entries.append(
                ics.CalendarEntry(str(record), str(ref), CALENDAR_KINDS.get(str(kind), "deadline"), moment)
            )
        try:
            atomic_write_bytes(target, ics.calendar_bytes(entries, self._s.now()))
        except OSError as err:
            raise translate_os_error(err, "writing the calendar file") from err
        self._s.audit("calendar.exported", "", now=self._s.now())
        log.info("calendar.exported %d", len(entries))
        return len(entries)

    # ---- the one way a deadline is written -------------------------------------------------

    def _deadline(self, deadline_id: str, kind: str | None = None) -> tuple[str, CaseDeadline]:
        found = deadline_rows.deadline(self._s.db, deadline_id.strip().lower())
        if found is None or (kind is not None and found[1].kind != kind):
            raise NotFoundError("There is no such deadline on any case.")
        return found

    def _recount(
        self, case_id: str, stage: CaseDeadline, action: str = "deadline.calculated"
    ) -> CaseDeadline:
        proc = next(p for p in deadline_rows.procedures(self._s.db, case_id) if p.id == stage.procedure_id)
        record = procedure_rules.StageRecord(
            stage.stage_key,
            stage.name,
            stage.event,
            stage.limit_days,
            stage.unit,
            event_on=stage.event_on,
            extended_to=stage.extended_to,
            extension_with=stage.extension_with,
        )
        counted = procedure_rules.stage_deadline(
            record, proc.template_id, proc.template_version, self._calendar(proc.jurisdiction)
        )
        if counted is None:
            updated = replace(stage, due_on=None, rule="", rule_version=0, inputs={}, explanation="")
        else:
            updated = replace(
                stage,
                due_on=counted.due,
                rule=counted.rule,
                rule_version=counted.rule_version,
                inputs=counted.inputs,
                explanation=counted.explanation,
            )
        self._save(case_id, updated, action)
        return updated

    def _save(self, case_id: str, deadline: CaseDeadline, action: str) -> None:
        now = self._s.now()
        live = deadline.due_on is not None and deadline.done_on is None
        due_at = time_limits.day_start(deadline.due_on) if live and deadline.due_on is not None else None
        rule = deadline.rule or deadline.kind
        subject = f"{deadline.id} {rule} v{deadline.rule_version} {self._digest(deadline)}"
        with self._s.db.transaction():
            deadline_rows.save_deadline(self._s.db, case_id, deadline, due_at, now)
            self._s.audit(action, self._s.ref_of(case_id), subject, now=now)
        log.info("%s %s", action, deadline.kind)

    def deadline_proof_matches(self, deadline: CaseDeadline, subject: str) -> bool:
        """Whether an audit entry's subject names exactly this deadline's stored calculation."""
        words = subject.split(" ")
        return words[0] == deadline.id and words[-1] == self._digest(deadline)

    def _digest(self, deadline: CaseDeadline) -> str:
        calculation: dict[str, object] = {
            "rule": deadline.rule,
            "rule_version": deadline.rule_version,
            "inputs": deadline.inputs,
            "result": None if deadline.due_on is None else deadline.due_on.isoformat(),
            "extended_to": None if deadline.extended_to is None else deadline.extended_to.isoformat(),
        }
        return calculation_digest(self._s.key(keys.PURPOSE_AUDIT), calculation)


def _text(value: str, what: str) -> str:
    """Typed text cleaned as every other field is (control characters refused, one sentence)."""
    try:
        return rules.clean_text(value, field=what, max_chars=MAX_TEXT_CHARS, required=False)
    except ValueError as err:
        raise UsageError(str(err)) from None
