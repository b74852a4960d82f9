"""Rule packs: time limits as data, each with its source, jurisdictions and the dates it applies.

A pack is a TOML file (the UK one ships as `casevault/resources/rules/uk.toml`; docs/RULES.md
describes the fields). It is parsed and checked here once, so a malformed pack fails loudly at
the first calculation rather than giving a wrong date. Pure apart from reading the shipped file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from casevault.core.errors import UsageError

IN_FORCE, PENDING = "in-force", "pending"
KINDS = frozenset({"months-less-one-day", "early-conciliation", "working-days", "subject-access", "hours"})
EARLY_CONCILIATION = frozenset({"acas", "none", "lra-not-in-pack"})


class PackError(ValueError):
    """A rule pack that does not hold together: the message names the rule and the field."""


@dataclass(frozen=True)
class Rule:
    id: str
    version: int
    kind: str
    status: str
    jurisdictions: tuple[str, ...]
    applies_from: date | None
    applies_until: date | None  # exclusive; None while in force
    expected_from: date | None  # a pending rule's announced start, never used for a date
    statement: str
    sources: tuple[str, ...]
    claims: tuple[str, ...] = ()
    months: int = 0
    days: int = 0
    hours: int = 0
    event: str = ""
    early_conciliation: str = "none"

    def applies(self, jurisdiction: str, on: date) -> bool:
        if self.status != IN_FORCE or jurisdiction not in self.jurisdictions:
            return False
        if self.applies_from is not None and on < self.applies_from:
            return False
        return self.applies_until is None or on < self.applies_until

    @property
    def label(self) -> str:
        """How a result names the rule that made it: id and version."""
        return f"{self.id} v{self.version}"


@dataclass(frozen=True)
class RulePack:
    name: str
    version: str
    jurisdictions: tuple[str, ...]
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str, jurisdiction: str, on: date) -> Rule | None:
        """The version of `rule_id` in force for an event on `on` in `jurisdiction`, if any."""
        for rule in self.rules:
            if rule.id == rule_id and rule.applies(jurisdiction, on):
                return rule
        return None

    def claim_rule(self, claim: str, jurisdiction: str, on: date) -> Rule | None:
        """The tribunal time limit in force for a kind of claim."""
        for rule in self.rules:
            if rule.kind == "months-less-one-day" and claim in rule.claims and rule.applies(jurisdiction, on):
                return rule
        return None

    def pending_for(self, claim: str, jurisdiction: str) -> list[Rule]:
        """Announced changes to a claim's limit that this pack cannot yet confirm."""
        return [
            r
            for r in self.rules
            if r.status == PENDING and claim in r.claims and jurisdiction in r.jurisdictions
        ]

    def claims(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for rule in self.rules:
            if rule.kind == "months-less-one-day" and rule.status == IN_FORCE:
                seen.update(dict.fromkeys(rule.claims))
        return tuple(seen)


def _date(raw: Mapping[str, Any], key: str, where: str) -> date | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise PackError(f"{where}: {key} is not an ISO date.") from None


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise PackError(f"{where}: {key} must be a non-empty list of non-empty strings.")
    return tuple(value)


def _rule(raw: Mapping[str, Any], pack_jurisdictions: Sequence[str]) -> Rule:
    where = f"rule {raw.get('id', '?')!r}"
    for key in ("id", "version", "kind", "statement", "sources", "jurisdictions"):
        if key not in raw:
            raise PackError(f"{where}: {key} is missing.")
    if raw["kind"] not in KINDS:
        raise PackError(f"{where}: unknown kind {raw['kind']!r}.")
    if not isinstance(raw["version"], int) or raw["version"] < 1:
        raise PackError(f"{where}: version must be a whole number from 1.")
    status = raw.get("status", IN_FORCE)
    if status not in (IN_FORCE, PENDING):
        raise PackError(f"{where}: status is {IN_FORCE!r} or {PENDING!r}.")
    if not isinstance(raw["statement"], str) or not raw["statement"].strip():
        raise PackError(f"{where}: statement must be plain words, not empty.")
    jurisdictions = _strings(raw["jurisdictions"], where, "jurisdictions")
    unknown = set(jurisdictions) - set(pack_jurisdictions)
    if unknown:
        raise PackError(f"{where}: jurisdiction {sorted(unknown)[0]!r} is not in the pack.")
    applies_from = _date(raw, "applies_from", where)
    applies_until = _date(raw, "applies_until", where)
    expected_from = _date(raw, "expected_from", where)
    if status == IN_FORCE and applies_from is None:
        raise PackError(f"{where}: a rule in force needs applies_from.")
    if applies_from and applies_until and applies_until <= applies_from:
        raise PackError(f"{where}: applies_until must be after applies_from.")
    claims = _strings(raw["claims"], where, "claims") if "claims" in raw else ()
    if "claim" in raw:
        claims = (str(raw["claim"]), *claims)
    ec = raw.get("early_conciliation", "none")
    if ec not in EARLY_CONCILIATION:
        raise PackError(f"{where}: early_conciliation is one of {sorted(EARLY_CONCILIATION)}.")
    rule = Rule(
        id=str(raw["id"]),
        version=raw["version"],
        kind=raw["kind"],
        status=status,
        jurisdictions=jurisdictions,
        applies_from=applies_from,
        applies_until=applies_until,
        expected_from=expected_from,
        statement=str(raw["statement"]).strip(),
        sources=_strings(raw["sources"], where, "sources"),
        claims=claims,
        months=int(raw.get("months", 0)),
        days=int(raw.get("days", 0)),
        hours=int(raw.get("hours", 0)),
        event=str(raw.get("event", "")),
        early_conciliation=ec,
    )
    if rule.kind == "months-less-one-day" and (rule.months < 1 or not rule.claims):
        raise PackError(f"{where}: a months-less-one-day rule needs months and a claim.")
    return rule


def parse_pack(text: str) -> RulePack:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise PackError(f"The rule pack is not valid TOML: {err}.") from None
    jurisdictions = _strings(raw.get("jurisdictions"), "pack", "jurisdictions")
    rules = tuple(_rule(r, jurisdictions) for r in raw.get("rule", []))
    ids: dict[tuple[str, int], None] = {}
    for rule in rules:
        key = (rule.id, rule.version)
        if key in ids:
            raise PackError(f"rule {rule.id!r}: version {rule.version} appears twice.")
        ids[key] = None
    for a in rules:
        for b in rules:
            if a is not b and a.id == b.id and a.status == b.status == IN_FORCE and _overlap(a, b):
                raise PackError(f"rule {a.id!r}: versions {a.version} and {b.version} overlap in time.")
    return RulePack(str(raw.get("pack", "")), str(raw.get("version", "")), jurisdictions, rules)


def _overlap(a: Rule, b: Rule) -> bool:
    if not set(a.jurisdictions) & set(b.jurisdictions):
        return False
    a_end, b_end = a.applies_until or date.max, b.applies_until or date.max
    return (a.applies_from or date.min) < b_end and (b.applies_from or date.min) < a_end


@cache
def uk_pack() -> RulePack:
    """The UK pack shipped with casevault."""
    text = files("casevault.resources").joinpath("rules", "uk.toml").read_text(encoding="utf-8")
    return parse_pack(text)


def require(rule: Rule | None, what: str, jurisdiction: str) -> Rule:
    if rule is None:
        raise UsageError(f"The rule pack has no rule yet for {what} in {jurisdiction}.")
    return rule
