"""The guide's rules about people in a case (casework/people.py): what a conflict-check decision
records, which consent sharing needs, and the wording of escalation records. Never a name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from casevault.casework import people
from casevault.casework.conflicts import Match
from casevault.core.model import CONFLICT_DECISIONS, CONSENT_SCOPES, CONTACT_TERMS, PARTY_ROLES

T0 = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
MATCHES = [Match("CV-2026-0003", "manager", 0.97), Match("CV-2025-0110", "member", 0.91)]


def test_a_check_without_matches_records_no_conflict_whatever_was_chosen() -> None:
    for decision in CONFLICT_DECISIONS:
        assert people.conflict_check_body(decision, "witness", []) == (
            "Conflict-of-interest check for the witness: no match in other cases. Decision: no conflict."
        )


@pytest.mark.parametrize(
    ("decision", "said"),
    [("no-conflict", "no conflict"), ("step-aside", "step aside"), ("refer-on", "refer on")],
)
def test_a_check_with_matches_lists_references_and_roles_and_the_decision(decision: str, said: str) -> None:
    assert people.conflict_check_body(decision, "member", MATCHES) == (
        "Conflict-of-interest check for the member: possible matches in "
        f"CV-2026-0003 (manager), CV-2025-0110 (member). Decision: {said}."
    )


def test_an_unknown_decision_or_role_is_refused() -> None:
    with pytest.raises(
        ValueError, match=r"A conflict decision is one of: no-conflict, step-aside, refer-on\."
    ):
        people.conflict_check_body("ignore", "member", MATCHES)
    with pytest.raises(ValueError, match="The role checked is one of: member, manager"):
        people.conflict_check_body("no-conflict", "boss", MATCHES)


def test_every_role_and_decision_has_a_label() -> None:
    assert set(people.CHECKED_ROLES) == {"member", *PARTY_ROLES} == set(people.ROLE_LABELS)
    assert set(CONFLICT_DECISIONS) == set(people.DECISION_LABELS)
    assert set(CONSENT_SCOPES) == set(people.SCOPE_LABELS)
    assert set(people.ESCALATION_HOW) == set(people.HOW_LABELS)
    assert set(people.SHARING_SCOPES.values()) <= set(CONSENT_SCOPES)
    assert set(people.TERMS_NEEDING_CONSENT) == set(CONTACT_TERMS) - {""}
    assert set(people.TERMS_NEEDING_CONSENT) <= set(CONSENT_SCOPES)


@pytest.mark.parametrize(
    ("recipient", "who"), [("reps", "other reps"), ("regional-office", "the regional office")]
)
def test_sharing_needs_consent_in_force(recipient: str, who: str) -> None:
    assert people.sharing_problem(recipient, None, in_force=True) is None
    assert people.sharing_problem(recipient, T0, in_force=True) is None  # given again after a withdrawal
    assert people.sharing_problem(recipient, None, in_force=False) == (
        f"No consent from the member to sharing this case with {who} is recorded; record it before sharing."
    )
    assert people.sharing_problem(recipient, T0, in_force=False) == (
        f"The member withdrew their consent to sharing this case with {who} on 2026-03-14; "
        "record new consent before sharing."
    )


def test_escalation_records_are_worded_with_the_date_only() -> None:
    at = datetime(2026, 3, 14, 23, 30, tzinfo=timezone(timedelta(hours=-8)))
    assert people.escalation_body("Regional officer", at, "phone", True) == (
        "Escalated to Regional officer on 2026-03-14 by phone; regional office notified."
    )
    assert people.escalation_body("Senior rep", T0, "email", False).endswith("regional office not notified.")
    assert people.closed_without_escalation_body("Resolved informally.") == (
        "Closed without escalation (escalation was prompted at the first meeting). "
        "Reason: Resolved informally."
    )


def test_consent_is_recorded_when_given_never_ahead() -> None:
    people.check_given_at(T0, T0)
    people.check_given_at(T0 - timedelta(days=30), T0)
    with pytest.raises(ValueError, match="in the future"):
        people.check_given_at(T0 + timedelta(seconds=1), T0)
    with pytest.raises(ValueError, match="time zone"):
        people.check_given_at(datetime(2026, 3, 1, 9, 0), T0)


@pytest.mark.parametrize(
    ("typed", "domains"),
    [
        ("", []),
        ("uni.ac.uk", ["uni.ac.uk"]),
        ("@UNI.ac.uk, uni.ac.uk.;  other.org", ["uni.ac.uk", "other.org"]),
        ("b.org a.org b.org", ["b.org", "a.org"]),
        (" , ; @ . ", []),
    ],
)
def test_employer_domains_as_typed(typed: str, domains: list[str]) -> None:
    assert people.employer_domains(typed) == domains
