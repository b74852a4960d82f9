"""The time limits a rep counts: tribunal claims with early conciliation, working days, the right
to be accompanied, subject access and breach reporting.

Each calculation takes its dates (and the rule pack) and returns a `Deadline`: the date, the rule
id and version that made it, the steps in plain words and the sources, which is what the case
page, the audit log and `casevault deadline --json` show. Where a reading of the law is
unsettled the earlier date is given, with the reason in the steps. casevault helps a rep count;
it does not give legal advice.

Pure: no I/O; every date (and `now`, where needed) is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from casevault.casework.rule_pack import Rule, RulePack, require, uk_pack
from casevault.casework.working_days import (
    DEFAULT_JURISDICTION,
    JURISDICTIONS,
    WorkingCalendar,
    add_months,
    check_year,
)
from casevault.core.errors import UsageError

REFER_WEEKS = 4  # refer a tribunal case to the regional office this long before the limit
MAX_REFER_WEEKS = 26
MAX_SAR_EXTENSION_MONTHS = 2
UK_ZONE = ZoneInfo("Europe/London")


def day_text(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def iso_text(moment: date | datetime) -> str:
    """ISO 8601; a date-time to the minute unless it has seconds (2026-03-09T16:00)."""
    if isinstance(moment, datetime) and not (moment.second or moment.microsecond):
        return moment.isoformat(timespec="minutes")
    return moment.isoformat()


def day_start(day: date) -> datetime:
    """The moment a UK day begins: when a deadline on it is "today" for the reminders."""
    return datetime.combine(day, time(0, 0), tzinfo=UK_ZONE)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class Deadline:
    deadline: date | datetime
    rule: Rule
    jurisdiction: str
    pack_version: str
    steps: tuple[str, ...]
    inputs: dict[str, str] = field(default_factory=dict)
    refer_by: date | None = None

    @property
    def explanation(self) -> str:
        return " ".join(self.steps)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "deadline": iso_text(self.deadline),
            "rule": self.rule.id,
            "rule_version": self.rule.version,
            "pack_version": self.pack_version,
            "jurisdiction": self.jurisdiction,
            "explanation": self.explanation,
            "steps": list(self.steps),
            "statement": self.rule.statement,
            "sources": list(self.rule.sources),
            "inputs": dict(self.inputs),
        }
        if self.refer_by is not None:
            out["refer_by"] = self.refer_by.isoformat()
        return out


def months_less_one_day(event: date, months: int) -> tuple[date, str | None]:
    """The last day of a period of `months` months beginning with `event`, and, where the month
    has no corresponding day, why the earlier of the two readings is given."""
    corresponding, exists = add_months(event, months)
    limit = corresponding - timedelta(days=1)
    if exists:
        return limit, None
    return limit, (
        f"{corresponding:%B} has no {ordinal(event.day)}; counting to its last day would give "
        f"{day_text(corresponding)}, but the earlier date is shown."
    )


def tribunal(
    event: date,
    claim: str = "unfair-dismissal",
    *,
    jurisdiction: str = DEFAULT_JURISDICTION,
    acas_start: date | None = None,
    acas_certificate: date | None = None,
    refer_weeks: int = REFER_WEEKS,
    pack: RulePack | None = None,
) -> Deadline:
    """The last day to present a tribunal claim, with ACAS early conciliation applied as ERA
    1996 s.207B(3) then (4) (Luton BC v Haque)."""
    pack = pack or uk_pack()
    check_year(event)
    if claim not in pack.claims():
        raise UsageError(f"Unknown claim {claim!r}: use one of {', '.join(pack.claims())}.")
    if (acas_start is None) != (acas_certificate is None):
        raise UsageError("Give both ACAS dates (contacted and certificate received), or neither.")
    if jurisdiction not in pack.jurisdictions:
        raise UsageError(
            f"Unknown jurisdiction {jurisdiction!r}: use one of {', '.join(pack.jurisdictions)}."
        )
    rule = require(pack.claim_rule(claim, jurisdiction, event), f"{claim} claims", jurisdiction)
    limit, unsettled = months_less_one_day(event, rule.months)
    steps = [
        f"The event ({rule.event}) was {day_text(event)}; {rule.months} months less one day "
        f"is {day_text(limit)}."
    ]
    if unsettled:
        steps.append(unsettled)
    inputs = {"event": event.isoformat(), "claim": claim, "jurisdiction": jurisdiction}
    if acas_start is not None and acas_certificate is not None:
        inputs |= {"acas_start": acas_start.isoformat(), "acas_certificate": acas_certificate.isoformat()}
        limit = _early_conciliation(
            pack, rule, jurisdiction, event, limit, acas_start, acas_certificate, steps
        )
    closed = WorkingCalendar(jurisdiction).why_not_working(limit) if jurisdiction in JURISDICTIONS else None
    if closed is not None:
        steps.append(
            f"The limit falls on a {closed}: it does not move to the next working day, so present "
            "the claim before it."
        )
    for pending in pack.pending_for(claim, jurisdiction):
        steps.append(pending.statement)
    refer_by = limit - timedelta(weeks=refer_weeks)
    steps.append(
        f"Refer the case to the regional office well before then: by {day_text(refer_by)} "
        f"({refer_weeks} weeks before)."
    )
    return Deadline(limit, rule, jurisdiction, pack.version, tuple(steps), inputs, refer_by)


def _early_conciliation(  # noqa: PLR0917 - one private step of `tribunal`, its state passed whole
    pack: RulePack,
    rule: Rule,
    jurisdiction: str,
    event: date,
    limit: date,
    day_a: date,
    day_b: date,
    steps: list[str],
) -> date:
    check_year(day_a)
    check_year(day_b)
    if day_b < day_a:
        raise UsageError("The certificate date (Day B) cannot be before ACAS was contacted (Day A).")
    if rule.early_conciliation == "lra-not-in-pack":
        steps.append(
            "ACAS early conciliation does not apply in Northern Ireland; conciliation there is through "
            "the Labour Relations Agency, which this pack has no rule for yet, so the date is not "
            "extended (the earlier date)."
        )
        return limit
    if rule.early_conciliation != "acas":
        steps.append(
            "This pack does not extend this limit for early conciliation, so the date shown is the "
            "earlier, unextended one."
        )
        return limit
    ec = require(
        pack.rule("early-conciliation.acas", jurisdiction, day_a), "early conciliation", jurisdiction
    )
    if day_a > limit:
        steps.append(
            f"ACAS was contacted on {day_text(day_a)}, after the limit had passed; early conciliation "
            "cannot revive it, so the date is not extended."
        )
        return limit
    # s.207B(3): the days from the day after Day A to Day B are not counted; of those, only the
    # ones inside the period count, and the period begins with the event day itself.
    counted_from = max(day_a, event - timedelta(days=1))
    stopped = max(0, (day_b - counted_from).days)
    extended = limit + timedelta(days=stopped)
    steps.append(
        f"Early conciliation ({ec.label}): ACAS was contacted on {day_text(day_a)} (Day A) and the "
        f"certificate received on {day_text(day_b)} (Day B); the {stopped} days after Day A up to "
        f"Day B are not counted, giving {day_text(extended)}."
    )
    if day_a < event:
        steps.append(
            "ACAS was contacted before the event, so only the days from the event to Day B are not "
            "counted. Whether conciliation begun before the act covers it depends on what the "
            "certificate names: check with the regional office."
        )
    month_after_b, exists = add_months(day_b, 1)
    if day_a <= extended <= month_after_b:
        steps.append(
            f"That falls before one month after Day B, so the limit is {day_text(month_after_b)} instead."
        )
        if not exists:
            steps.append("That month has no corresponding day, so its last day is used.")
        return month_after_b
    return extended


def working_days(
    start: date,
    days: int,
    *,
    jurisdiction: str = DEFAULT_JURISDICTION,
    closures: frozenset[date] = frozenset(),
) -> Deadline:
    pack = uk_pack()
    calendar = WorkingCalendar(jurisdiction, closures)
    result = calendar.add(start, days)
    rule = require(pack.rule("working-days", jurisdiction, start), "working days", jurisdiction)
    steps = [f"{days} working days after {day_text(start)} is {day_text(result)}."]
    skipped = calendar.skipped(start, result)
    holidays_skipped = [f"{d.day} {d:%B} ({why})" for d, why in skipped if d.weekday() < 5]
    if holidays_skipped:
        steps.append("Not counted: " + ", ".join(holidays_skipped) + ", and weekends.")
    inputs = {"from": start.isoformat(), "days": str(days), "jurisdiction": jurisdiction}
    return Deadline(result, rule, jurisdiction, pack.version, tuple(steps), inputs)


def accompaniment_postponement(
    proposed: date, *, jurisdiction: str = DEFAULT_JURISDICTION, closures: frozenset[date] = frozenset()
) -> Deadline:
    """The last day the worker's alternative time for a hearing may fall on (ERelA 1999 s.10(5))."""
    pack = uk_pack()
    rule = require(
        pack.rule("accompaniment.postponement", jurisdiction, proposed),
        "the right to be accompanied",
        jurisdiction,
    )
    result = WorkingCalendar(jurisdiction, closures).add(proposed, rule.days)
    steps = (
        f"The employer proposed {day_text(proposed)}; an alternative time must fall by "
        f"{day_text(result)}, the end of {rule.days} working days from the next working day.",
    )
    inputs = {"proposed": proposed.isoformat(), "jurisdiction": jurisdiction}
    return Deadline(result, rule, jurisdiction, pack.version, steps, inputs)


def subject_access(
    received: date,
    *,
    jurisdiction: str = DEFAULT_JURISDICTION,
    extension_months: int = 0,
    told_on: date | None = None,
) -> Deadline:
    """When a subject access request must be answered (UK GDPR art. 12(3), the ICO's counting).
    An extension counts only if the member was told of it within the first month; where
    `told_on` is later, the unextended (earlier) date is given."""
    pack = uk_pack()
    check_year(received)
    if not 0 <= extension_months <= MAX_SAR_EXTENSION_MONTHS:
        raise UsageError("A subject access request can be extended by one or two months only.")
    if told_on is not None and told_on < received:
        raise UsageError("The member cannot be told of an extension before the request was received.")
    rule = require(pack.rule("subject-access", jurisdiction, received), "subject access", jurisdiction)
    first_due, steps = _sar_answer_date(received, rule.months, jurisdiction)
    inputs = {
        "received": received.isoformat(),
        "jurisdiction": jurisdiction,
        "extension_months": str(extension_months),
    }
    if told_on is not None:
        inputs["told_on"] = told_on.isoformat()
    if not extension_months:
        return Deadline(first_due, rule, jurisdiction, pack.version, tuple(steps), inputs)
    if told_on is not None and told_on > first_due:
        steps.append(
            f"The member was told of the extension on {day_text(told_on)}, after the first month "
            "ended; an extension must be told within it, so the unextended date is shown."
        )
        return Deadline(first_due, rule, jurisdiction, pack.version, tuple(steps), inputs)
    extended, more = _sar_answer_date(received, rule.months + extension_months, jurisdiction)
    told = "" if told_on is None else f" (the member was told on {day_text(told_on)})"
    steps = [
        *more,
        f"Extended by {extension_months} month(s){told}; the member must be told within the first month.",
    ]
    return Deadline(extended, rule, jurisdiction, pack.version, tuple(steps), inputs)


def _sar_answer_date(received: date, months: int, jurisdiction: str) -> tuple[date, list[str]]:
    due, exists = add_months(received, months)
    span = "one month" if months == 1 else f"{months} months"
    steps = [f"Received {day_text(received)}; {span} later is {day_text(due)}."]
    if not exists:
        steps[0] = (
            f"Received {day_text(received)}; {due:%B} has no {ordinal(received.day)}, so the last day of "
            f"the month, {day_text(due)}."
        )
    # Statutory clock: public holidays move it, an employer's closure days do not.
    calendar = WorkingCalendar(jurisdiction)
    answered_by = calendar.on_or_after(due)
    if answered_by != due:
        steps.append(
            f"That is a {calendar.why_not_working(due)}, so the next working day, {day_text(answered_by)}."
        )
    return answered_by, steps


def breach(aware: datetime, *, zone: tzinfo = UK_ZONE) -> Deadline:
    """72 hours from becoming aware of a breach, weekends included. A time without a zone is wall
    time in `zone`; the answer is given the same way, so a change of the clocks is allowed for."""
    pack = uk_pack()
    check_year(aware.date())
    rule = require(
        pack.rule("breach.72-hours", DEFAULT_JURISDICTION, aware.date()), "breach reporting", "the UK"
    )
    start = aware.replace(tzinfo=zone) if aware.tzinfo is None else aware
    end = (start.astimezone(UTC) + timedelta(hours=rule.hours)).astimezone(start.tzinfo)
    shown = end.replace(tzinfo=None) if aware.tzinfo is None else end
    steps = (
        f"Aware at {aware:%H:%M} on {day_text(aware.date())}; {rule.hours} hours later is "
        f"{end:%H:%M} on {day_text(end.date())}, weekends and holidays included.",
    )
    inputs = {"aware": aware.isoformat()}
    return Deadline(shown, rule, DEFAULT_JURISDICTION, pack.version, steps, inputs)


def hours_left(deadline: datetime, now: datetime) -> float:
    """Hours until a breach report is due (negative once it has passed); both times zone-aware."""
    # In UTC: two times in one zone subtract by the wall clock, an hour out across a clock change.
    return (deadline.astimezone(UTC) - now.astimezone(UTC)).total_seconds() / 3600
