"""Procedures: a case's stages, each with a time limit counted from a named event.

A template lists the stages (informal, meeting, outcome, appeal, ...), each with its limit in
calendar or working days from the event that starts it ("appeal within 5 working days of
receiving the outcome letter"). ACAS Code of Practice 1 ships as the starting templates; the
Code itself asks for no unreasonable delay and sets no number of days, so the numbers here are
the common policy defaults, to be edited to the employer's own policy.

A stage's deadline is its event date plus its limit, or the date an extension was agreed to;
`stage_deadline` says which rule (template, version and stage) produced it, for the audit log.

Pure: no I/O; dates and `now` are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from casevault.casework.time_limits import day_text
from casevault.casework.working_days import WorkingCalendar
from casevault.core.errors import UsageError

WORKING, CALENDAR = "working", "calendar"
UNITS = (WORKING, CALENDAR)
MAX_LIMIT_DAYS = 366
ACAS_CODE = (
    "ACAS Code of Practice 1: Disciplinary and grievance procedures (2015) "
    "https://www.acas.org.uk/acas-code-of-practice-on-disciplinary-and-grievance-procedures"
)


@dataclass(frozen=True)
class StageTemplate:
    key: str
    name: str
    event: str  # what starts its clock, in words: "receiving the outcome letter"
    limit_days: int | None = None  # None: the stage has no time limit of its own
    unit: str = WORKING
    guidance: str = ""

    def limit_text(self) -> str:
        if self.limit_days is None:
            return "no set time limit"
        unit = "working days" if self.unit == WORKING else "days"
        return f"{self.limit_days} {unit} from {self.event}"


@dataclass(frozen=True)
class ProcedureTemplate:
    id: str
    version: int
    name: str
    source: str
    stages: tuple[StageTemplate, ...]

    def stage(self, key: str) -> StageTemplate:
        for stage in self.stages:
            if stage.key == key:
                return stage
        raise UsageError(f"The procedure has no stage {key!r}: its stages are {', '.join(self.keys())}.")

    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.stages)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "name": self.name,
            "source": self.source,
            "stages": [
                {
                    "key": s.key,
                    "name": s.name,
                    "event": s.event,
                    "limit_days": s.limit_days,
                    "unit": s.unit,
                    "guidance": s.guidance,
                }
                for s in self.stages
            ],
        }


_POLICY = "The Code sets no number of days; this is a common policy default, so check the employer's policy."
ACAS_DISCIPLINARY = ProcedureTemplate(
    "acas-disciplinary",
    1,
    "Disciplinary (ACAS Code of Practice 1)",
    ACAS_CODE,
    (
        StageTemplate(
            "informal",
            "Informal discussion",
            "the concern being raised",
            None,
            WORKING,
            "Many problems are settled informally first (Code, para 8).",
        ),
        StageTemplate(
            "investigation",
            "Investigation",
            "the investigation starting",
            None,
            WORKING,
            "Establish the facts without unreasonable delay (Code, para 5).",
        ),
        StageTemplate(
            "notification",
            "Written notification",
            "the investigation ending",
            None,
            WORKING,
            "The employee is told in writing of the case to answer, with the evidence (para 9).",
        ),
        StageTemplate(
            "hearing",
            "Disciplinary meeting",
            "the written notification being received",
            5,
            WORKING,
            "Reasonable time to prepare; the right to be accompanied applies (paras 11-16). " + _POLICY,
        ),
        StageTemplate(
            "outcome",
            "Outcome in writing",
            "the disciplinary meeting",
            5,
            WORKING,
            "The decision is given in writing, with the right of appeal (paras 17-25). " + _POLICY,
        ),
        StageTemplate(
            "appeal",
            "Appeal lodged",
            "receiving the outcome letter",
            5,
            WORKING,
            "The grounds of appeal in writing, without unreasonable delay (para 26). " + _POLICY,
        ),
        StageTemplate(
            "appeal-hearing",
            "Appeal hearing",
            "the appeal being lodged",
            10,
            WORKING,
            "Heard without unreasonable delay, by someone not involved before (paras 27-28). " + _POLICY,
        ),
        StageTemplate(
            "appeal-outcome",
            "Appeal outcome",
            "the appeal hearing",
            5,
            WORKING,
            "The outcome of the appeal in writing, as soon as possible (para 29). " + _POLICY,
        ),
    ),
)
ACAS_GRIEVANCE = ProcedureTemplate(
    "acas-grievance",
    1,
    "Grievance (ACAS Code of Practice 1)",
    ACAS_CODE,
    (
        StageTemplate(
            "informal",
            "Informal approach",
            "the concern being raised",
            None,
            WORKING,
            "Many grievances are settled informally with the line manager (para 32).",
        ),
        StageTemplate(
            "written",
            "Grievance in writing",
            "the informal approach",
            None,
            WORKING,
            "The grievance is raised formally, in writing, without unreasonable delay (para 32).",
        ),
        StageTemplate(
            "meeting",
            "Grievance meeting",
            "the written grievance being received",
            5,
            WORKING,
            "A meeting without unreasonable delay; the right to be accompanied applies (paras 33-39). "
            + _POLICY,
        ),
        StageTemplate(
            "outcome",
            "Outcome in writing",
            "the grievance meeting",
            5,
            WORKING,
            "The decision in writing, with the right of appeal (para 40). " + _POLICY,
        ),
        StageTemplate(
            "appeal",
            "Appeal lodged",
            "receiving the outcome letter",
            5,
            WORKING,
            "The grounds of appeal in writing, without unreasonable delay (para 41). " + _POLICY,
        ),
        StageTemplate(
            "appeal-outcome",
            "Appeal outcome",
            "the appeal being lodged",
            10,
            WORKING,
            "The final decision in writing (paras 42-45). " + _POLICY,
        ),
    ),
)
TEMPLATES: dict[str, ProcedureTemplate] = {t.id: t for t in (ACAS_DISCIPLINARY, ACAS_GRIEVANCE)}


def template(template_id: str) -> ProcedureTemplate:
    try:
        return TEMPLATES[template_id]
    except KeyError:
        raise UsageError(
            f"Unknown procedure template {template_id!r}: use one of {', '.join(TEMPLATES)}."
        ) from None


def custom_template(base: ProcedureTemplate, limits: dict[str, tuple[int | None, str]]) -> ProcedureTemplate:
    """A template with some stages' limits changed to the employer's policy: {key: (days, unit)}."""
    stages = []
    for stage in base.stages:
        changed = stage
        if stage.key in limits:
            days, unit = limits[stage.key]
            check_limit(days, unit)
            changed = replace(stage, limit_days=days, unit=unit)
        stages.append(changed)
    unknown = set(limits) - set(base.keys())
    if unknown:
        base.stage(sorted(unknown)[0])  # raises, naming the stages
    return replace(base, stages=tuple(stages))


def check_limit(days: int | None, unit: str) -> None:
    if unit not in UNITS:
        raise UsageError(f"A time limit counts {' or '.join(UNITS)} days, not {unit!r}.")
    if days is not None and not 0 < days <= MAX_LIMIT_DAYS:
        raise UsageError(f"A stage's time limit is from 1 to {MAX_LIMIT_DAYS} days.")


@dataclass(frozen=True)
class StageRecord:
    """What a case has recorded for one stage of its procedure."""

    key: str
    name: str
    event: str
    limit_days: int | None
    unit: str
    event_on: date | None = None  # when the event that starts the clock happened
    extended_to: date | None = None
    extension_with: str = ""
    done_on: date | None = None
    outcome: str = ""


@dataclass(frozen=True)
class StageDeadline:
    due: date
    computed: date  # before any extension
    rule: str  # "procedure:<template>:<stage>"
    rule_version: int
    steps: tuple[str, ...]
    inputs: dict[str, str]

    @property
    def explanation(self) -> str:
        return " ".join(self.steps)


def stage_deadline(
    stage: StageRecord, template_id: str, template_version: int, calendar: WorkingCalendar
) -> StageDeadline | None:
    """The stage's deadline, or None while it has no limit or its event is not yet recorded."""
    if stage.limit_days is None or stage.event_on is None:
        return None
    if stage.unit == WORKING:
        computed = calendar.add(stage.event_on, stage.limit_days)
        counted = f"{stage.limit_days} working days"
    else:
        computed = stage.event_on + timedelta(days=stage.limit_days)
        counted = f"{stage.limit_days} days"
    steps = [
        f"{stage.name}: {counted} from {stage.event} ({day_text(stage.event_on)}) is {day_text(computed)}."
    ]
    due = computed
    if stage.extended_to is not None:
        due = stage.extended_to
        agreed = f", agreed with {stage.extension_with}" if stage.extension_with else ""
        steps.append(f"Extended to {day_text(due)}{agreed}.")
    inputs = {
        "event_on": stage.event_on.isoformat(),
        "limit_days": str(stage.limit_days),
        "unit": stage.unit,
        "jurisdiction": calendar.jurisdiction,
    }
    if stage.extended_to is not None:
        inputs["extended_to"] = stage.extended_to.isoformat()
    return StageDeadline(
        due, computed, f"procedure:{template_id}:{stage.key}", template_version, tuple(steps), inputs
    )


def next_open(stages: Sequence[StageRecord]) -> StageRecord | None:
    """The first stage not yet done: where the procedure stands."""
    return next((s for s in stages if s.done_on is None), None)


def records_of(template_: ProcedureTemplate) -> list[StageRecord]:
    return [StageRecord(s.key, s.name, s.event, s.limit_days, s.unit) for s in template_.stages]
