"""Rule packs (casework/rule_pack.py): the shipped UK pack (resources/rules/uk.toml) parses and
every rule carries its statement, sources and dates; docs/RULES.md names every rule; malformed
packs are refused with a PackError naming the rule and the field; and rules are chosen by
jurisdiction and event date (applies_until exclusive), never a pending one."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest

from casevault.casework import rule_pack
from casevault.casework.rule_pack import IN_FORCE, PENDING, PackError, Rule, parse_pack, uk_pack
from casevault.casework.time_limits import tribunal
from casevault.core.errors import UsageError

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "RULES.md"
URL = re.compile(r"https?://\S+")

HEADER = """
pack = "test"
version = "2026.1.1"
jurisdictions = ["here", "there"]
"""


class Raw(str):
    """A TOML value written as it stands (a bare date, a wrongly typed value)."""


def rule_toml(**fields: object) -> str:
    """One [[rule]] table: a valid hours rule unless the fields say otherwise (None drops one)."""
    values: dict[str, object] = {
        "id": "clock",
        "version": 1,
        "kind": "hours",
        "hours": 72,
        "jurisdictions": ["here"],
        "applies_from": "2020-01-01",
        "statement": "A clock.",
        "sources": ["Somewhere https://example.org/clock"],
    } | fields
    lines = ["[[rule]]"]
    for key, value in values.items():
        if value is None:
            continue
        shown = value if isinstance(value, Raw) else json.dumps(value)
        lines.append(f"{key} = {shown}")
    return "\n".join(lines) + "\n"


def pack_of(*rules: str, jurisdictions: tuple[str, ...] = ("here", "there")) -> rule_pack.RulePack:
    header = HEADER.replace('["here", "there"]', json.dumps(list(jurisdictions)))
    return parse_pack(header + "\n".join(rules))


# ---------------------------------------------------------------- the shipped pack


def test_the_shipped_pack_parses_with_its_name_version_and_jurisdictions() -> None:
    pack = uk_pack()
    assert pack is uk_pack()  # parsed once
    assert pack.name == "uk"
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", pack.version)
    assert pack.jurisdictions == ("england-wales", "scotland", "northern-ireland")
    assert {r.id for r in pack.rules} >= {
        "tribunal.unfair-dismissal",
        "tribunal.redundancy-pay",
        "early-conciliation.acas",
        "working-days",
        "accompaniment.postponement",
        "subject-access",
        "breach.72-hours",
        "tribunal.six-months.era-2025",
    }


def test_every_shipped_rule_has_a_statement_sources_and_its_dates() -> None:
    pack = uk_pack()
    for rule in pack.rules:
        assert rule.statement and rule.statement.endswith("."), rule.id
        assert rule.sources, rule.id
        assert all(source.strip() for source in rule.sources), rule.id
        # Each rule links to at least one primary source or guidance page ...
        urls = [URL.search(s) for s in rule.sources]
        assert any(urls), rule.id
        for match in filter(None, urls):
            parsed = urlparse(match.group())
            assert parsed.scheme == "https" and parsed.netloc, (rule.id, match.group())
        # ... and a source without a link is a case citation (Luton BC v Haque), not an Act.
        for source in rule.sources:
            if not URL.search(source):
                assert " v " in source, (rule.id, source)
        assert rule.jurisdictions and set(rule.jurisdictions) <= set(pack.jurisdictions), rule.id
        assert rule.version >= 1
        assert rule.kind in rule_pack.KINDS
        if rule.status == IN_FORCE:
            assert rule.applies_from is not None, rule.id
            assert rule.applies_until is None or rule.applies_until > rule.applies_from
        else:
            assert rule.status == PENDING
            assert rule.expected_from is not None, rule.id


def test_the_shipped_tribunal_limits_are_three_or_six_months_with_a_claim() -> None:
    pack = uk_pack()
    limits = {r.id: r for r in pack.rules if r.kind == "months-less-one-day"}
    assert all(r.claims and r.event for r in limits.values())
    # ERA 1996 s.111(2)(a), s.23(2), Equality Act 2010 s.123(1)(a): three months; s.164(1): six.
    assert limits["tribunal.unfair-dismissal"].months == 3
    assert limits["tribunal.discrimination"].months == 3
    assert limits["tribunal.unlawful-deductions"].months == 3
    assert limits["tribunal.breach-of-contract"].months == 3
    assert limits["tribunal.redundancy-pay"].months == 6
    assert limits["tribunal.redundancy-pay"].early_conciliation == "none"
    assert limits["tribunal.unfair-dismissal"].early_conciliation == "acas"
    assert limits["tribunal.unfair-dismissal.ni"].early_conciliation == "lra-not-in-pack"
    assert limits["tribunal.six-months.era-2025"].status == PENDING
    assert set(pack.claims()) == {
        "unfair-dismissal",
        "discrimination",
        "unlawful-deductions",
        "breach-of-contract",
        "redundancy-pay",
    }


def test_the_other_shipped_clocks_hold_their_numbers() -> None:
    pack = uk_pack()
    on = date(2026, 6, 1)
    assert rule_pack.require(pack.rule("breach.72-hours", "scotland", on), "x", "y").hours == 72  # art 33(1)
    assert pack.rule("accompaniment.postponement", "england-wales", on).days == 5  # ERelA 1999 s.10(5)
    assert pack.rule("subject-access", "northern-ireland", on).months == 1  # UK GDPR art 12(3)
    # The right to be accompanied (ERelA 1999) does not extend to Northern Ireland.
    assert pack.rule("accompaniment.postponement", "northern-ireland", on) is None


def test_rules_md_names_every_rule_of_the_shipped_pack_with_its_version() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    pack = uk_pack()
    assert f"(pack `{pack.name}`, version {pack.version})" in text
    for rule in pack.rules:
        assert f"`{rule.id}` v{rule.version}" in text, rule.id


def test_a_pending_rule_is_never_chosen_for_a_date() -> None:
    pack = uk_pack()
    era_2025 = next(r for r in pack.rules if r.id == "tribunal.six-months.era-2025")
    for jurisdiction in pack.jurisdictions:
        for on in (date(2026, 10, 1), date(2030, 1, 1), date(2090, 1, 1)):
            assert not era_2025.applies(jurisdiction, on)
            assert pack.rule(era_2025.id, jurisdiction, on) is None
            chosen = pack.claim_rule("unfair-dismissal", jurisdiction, on)
            assert chosen is not None and chosen.status == IN_FORCE and chosen.months == 3
    assert pack.pending_for("unfair-dismissal", "england-wales") == [era_2025]
    assert pack.pending_for("unfair-dismissal", "northern-ireland") == []
    assert pack.pending_for("redundancy-pay", "england-wales") == []


def test_claim_rule_follows_jurisdiction_and_start_date() -> None:
    pack = uk_pack()
    assert pack.claim_rule("unfair-dismissal", "northern-ireland", date(2026, 1, 10)).id == (
        "tribunal.unfair-dismissal.ni"
    )
    assert (
        pack.claim_rule("unfair-dismissal", "scotland", date(2026, 1, 10)).id == "tribunal.unfair-dismissal"
    )
    # Equality Act 2010 s.123 commenced on 1 October 2010.
    assert pack.claim_rule("discrimination", "england-wales", date(2010, 9, 30)) is None
    assert pack.claim_rule("discrimination", "england-wales", date(2010, 10, 1)) is not None
    # No Northern Ireland rule yet for discrimination, breach of contract or redundancy pay.
    for claim in ("discrimination", "breach-of-contract", "redundancy-pay"):
        assert pack.claim_rule(claim, "northern-ireland", date(2026, 1, 10)) is None


def test_require_refuses_a_missing_rule_in_one_sentence() -> None:
    with pytest.raises(UsageError, match=r"^The rule pack has no rule yet for x in scotland\.$"):
        rule_pack.require(None, "x", "scotland")
    rule = uk_pack().rules[0]
    assert rule_pack.require(rule, "x", "scotland") is rule
    assert rule.label == f"{rule.id} v{rule.version}"


# ---------------------------------------------------------------- a small custom pack


def test_a_minimal_pack_parses_into_rules() -> None:
    pack = pack_of(rule_toml())
    assert (pack.name, pack.version, pack.jurisdictions) == ("test", "2026.1.1", ("here", "there"))
    assert pack.rules == (
        Rule(
            id="clock",
            version=1,
            kind="hours",
            status=IN_FORCE,
            jurisdictions=("here",),
            applies_from=date(2020, 1, 1),
            applies_until=None,
            expected_from=None,
            statement="A clock.",
            sources=("Somewhere https://example.org/clock",),
            hours=72,
        ),
    )


def test_versions_are_chosen_by_event_date_with_applies_until_exclusive() -> None:
    pack = pack_of(
        rule_toml(version=1, hours=24, applies_until="2024-06-01"),
        rule_toml(version=2, hours=48, applies_from="2024-06-01"),
    )
    assert pack.rule("clock", "here", date(2019, 12, 31)) is None  # before the first version
    assert pack.rule("clock", "here", date(2020, 1, 1)).version == 1  # applies_from counts
    assert pack.rule("clock", "here", date(2024, 5, 31)).version == 1
    assert pack.rule("clock", "here", date(2024, 6, 1)).version == 2  # applies_until does not
    assert pack.rule("clock", "here", date(2090, 1, 1)).hours == 48
    assert pack.rule("clock", "there", date(2024, 6, 1)) is None  # not its jurisdiction
    assert pack.rule("other", "here", date(2024, 6, 1)) is None


def test_tribunal_takes_a_custom_pack_and_names_the_version_in_force_on_the_event() -> None:
    claim = {
        "kind": "months-less-one-day",
        "claim": "unfair-dismissal",
        "event": "the dismissal",
        "jurisdictions": ["england-wales"],
        "early_conciliation": "acas",
    }
    pack = pack_of(
        rule_toml(id="limit", version=1, months=3, applies_until="2027-01-01", **claim),
        rule_toml(id="limit", version=2, months=6, applies_from="2027-01-01", **claim),
        rule_toml(id="limit", version=3, months=9, status="pending", applies_from=None, **claim),
        jurisdictions=("england-wales",),
    )
    assert pack.claims() == ("unfair-dismissal",)
    before = tribunal(date(2026, 12, 31), pack=pack)
    assert (before.deadline, before.rule.version, before.pack_version) == (date(2027, 3, 30), 1, "2026.1.1")
    after = tribunal(date(2027, 1, 1), pack=pack)
    assert (after.deadline, after.rule.version) == (date(2027, 6, 30), 2)
    assert after.as_json()["rule"] == "limit" and after.as_json()["rule_version"] == 2
    # The pending version is named in the steps (its statement) but never used for the date.
    assert "A clock." in after.steps
    with pytest.raises(UsageError, match="no rule yet"):
        tribunal(date(2019, 12, 31), pack=pack)
    with pytest.raises(UsageError, match=r"^Unknown jurisdiction 'scotland': use one of england-wales\.$"):
        tribunal(date(2026, 12, 31), jurisdiction="scotland", pack=pack)
    with pytest.raises(UsageError, match="Unknown claim 'discrimination'"):
        tribunal(date(2026, 12, 31), "discrimination", pack=pack)
    # The limits ask for ACAS early conciliation, which this pack has no rule for: refused, not guessed.
    with pytest.raises(UsageError, match="no rule yet for early conciliation"):
        tribunal(
            date(2026, 12, 31), pack=pack, acas_start=date(2027, 1, 5), acas_certificate=date(2027, 1, 9)
        )


def test_a_pending_rule_is_not_returned_even_with_a_start_date_and_may_overlap() -> None:
    pack = pack_of(
        rule_toml(version=1),
        rule_toml(version=2, status="pending", applies_from="2021-01-01", expected_from="2021-01-01"),
        rule_toml(
            id="six",
            kind="months-less-one-day",
            months=6,
            claim="holiday-pay",
            status="pending",
            applies_from=None,
            expected_from="2027-01-01",
        ),
    )
    assert pack.rule("clock", "here", date(2022, 1, 1)).version == 1
    assert pack.rule("six", "here", date(2028, 1, 1)) is None
    assert pack.claim_rule("holiday-pay", "here", date(2028, 1, 1)) is None
    assert pack.claims() == ()  # only in-force limits are claims
    assert [r.id for r in pack.pending_for("holiday-pay", "here")] == ["six"]
    assert pack.pending_for("holiday-pay", "there") == []


def test_versions_that_meet_but_do_not_overlap_or_are_for_other_jurisdictions_are_accepted() -> None:
    pack_of(rule_toml(version=1, applies_until="2024-06-01"), rule_toml(version=2, applies_from="2024-06-01"))
    pack_of(rule_toml(version=1, jurisdictions=["here"]), rule_toml(version=2, jurisdictions=["there"]))


def test_dates_may_be_toml_dates_or_iso_strings() -> None:
    pack = pack_of(rule_toml(applies_from=Raw("2020-01-01"), applies_until=Raw("2021-01-01")))
    assert (pack.rules[0].applies_from, pack.rules[0].applies_until) == (date(2020, 1, 1), date(2021, 1, 1))


# ---------------------------------------------------------------- malformed packs


@pytest.mark.parametrize("field", ["id", "version", "kind", "statement", "sources", "jurisdictions"])
def test_a_rule_missing_a_required_field_is_refused_naming_it(field: str) -> None:
    name = "'?'" if field == "id" else "'clock'"
    with pytest.raises(PackError, match=rf"^rule {re.escape(name)}: {field} is missing\.$"):
        pack_of(rule_toml(**{field: None}))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "fortnights"}, r"^rule 'clock': unknown kind 'fortnights'\.$"),
        ({"version": 0}, r"^rule 'clock': version must be a whole number from 1\.$"),
        ({"version": Raw('"1"')}, r"^rule 'clock': version must be a whole number from 1\.$"),
        ({"status": "draft"}, r"^rule 'clock': status is 'in-force' or 'pending'\.$"),
        ({"jurisdictions": ["here", "wales"]}, r"^rule 'clock': jurisdiction 'wales' is not in the pack\.$"),
        (
            {"jurisdictions": Raw('"here"')},
            r"^rule 'clock': jurisdictions must be a non-empty list of non-empty strings\.$",
        ),
        ({"sources": ["ok", ""]}, r"^rule 'clock': sources must be a non-empty list of non-empty strings\.$"),
        ({"applies_from": None}, r"^rule 'clock': a rule in force needs applies_from\.$"),
        ({"applies_from": "2020-13-01"}, r"^rule 'clock': applies_from is not an ISO date\.$"),
        ({"applies_until": "soon"}, r"^rule 'clock': applies_until is not an ISO date\.$"),
        ({"applies_until": "2019-12-31"}, r"^rule 'clock': applies_until must be after applies_from\.$"),
        ({"applies_until": "2020-01-01"}, r"^rule 'clock': applies_until must be after applies_from\.$"),
        ({"early_conciliation": "lra"}, r"^rule 'clock': early_conciliation is one of "),
        ({"kind": "months-less-one-day", "months": 3}, r"^rule 'clock': a months-less-one-day rule needs"),
        ({"kind": "months-less-one-day", "claim": "x"}, r"^rule 'clock': a months-less-one-day rule needs"),
    ],
)
def test_a_malformed_rule_is_refused_naming_the_rule_and_field(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(PackError, match=message):
        pack_of(rule_toml(**fields))


def test_two_in_force_versions_overlapping_in_time_are_refused() -> None:
    with pytest.raises(PackError, match=r"^rule 'clock': versions 1 and 2 overlap in time\.$"):
        pack_of(rule_toml(version=1), rule_toml(version=2, applies_from="2024-06-01"))
    with pytest.raises(PackError, match=r"^rule 'clock': versions 1 and 2 overlap in time\.$"):
        pack_of(
            rule_toml(version=1, applies_until="2024-06-02"),
            rule_toml(version=2, applies_from="2024-06-01", jurisdictions=["there", "here"]),
        )


def test_the_same_version_twice_is_refused() -> None:
    with pytest.raises(PackError, match=r"^rule 'clock': version 1 appears twice\.$"):
        pack_of(
            rule_toml(version=1, applies_until="2024-06-01"),
            rule_toml(version=1, applies_from="2024-06-01"),
        )


def test_text_that_is_not_toml_is_refused() -> None:
    with pytest.raises(PackError, match=r"^The rule pack is not valid TOML: "):
        parse_pack(HEADER + "[[rule]\nid = ")
    with pytest.raises(PackError, match=r"^The rule pack is not valid TOML: "):
        parse_pack('pack = "uk"\npack = "uk"\n')


def test_a_pack_without_jurisdictions_is_refused() -> None:
    with pytest.raises(
        PackError, match=r"^pack: jurisdictions must be a non-empty list of non-empty strings\.$"
    ):
        parse_pack('pack = "x"\nversion = "1"\n')


def test_pack_error_is_a_value_error() -> None:
    assert issubclass(PackError, ValueError)
