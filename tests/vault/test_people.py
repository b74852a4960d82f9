"""Parties and the conflict check, consent and its guard, escalation and the closing guard,
through the Vault on a real SQLCipher file (issue 5)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from random import Random

import pytest

from casevault.casework.conflicts import Candidate, Match, is_match, similarity
from casevault.core.errors import ConsentMissingError, NotFoundError, UsageError
from casevault.core.model import FirstMeeting
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen

ZOE = "Zoë O'Neill"


# ---- parties and conflicts ---------------------------------------------------------------------


def test_parties_are_added_listed_searchable_and_removed(vault: Vault) -> None:
    ref = vault.new_case("Member One")
    party = vault.add_party(ref, "Priya Raman", "manager", note="Line manager")
    [stored] = vault.parties(ref)
    assert (stored.id, stored.name, stored.role, stored.note) == (
        party,
        "Priya Raman",
        "manager",
        "Line manager",
    )
    assert [(h.ref, h.source) for h in vault.search("Raman")] == [(ref, "party")]
    vault.remove_party(party)
    assert vault.parties(ref) == []
    assert vault.search("Raman") == []
    with pytest.raises(NotFoundError):
        vault.remove_party(party)


def test_bad_party_input_is_one_sentence(vault: Vault) -> None:
    ref = vault.new_case("Member One")
    with pytest.raises(UsageError, match="role is one of"):
        vault.add_party(ref, "Someone", "boss")
    with pytest.raises(UsageError, match="empty"):
        vault.add_party(ref, "   ", "witness")
    assert vault.parties(ref) == []


def test_conflicts_find_parties_of_other_cases_by_ref_and_role(vault: Vault) -> None:
    first = vault.new_case("Member One")
    vault.add_party(first, ZOE, "witness")
    second = vault.new_case("oneill zoe")
    third = vault.new_case("Member Three")
    vault.add_party(third, "Zoe ONeil", "respondent")
    found = {(m.ref, m.role) for m in vault.conflicts("Zoe O'Neill")}
    assert found == {(first, "witness"), (second, "member"), (third, "respondent")}
    # The case being worked on is left out, its parties too.
    assert {(m.ref, m.role) for m in vault.conflicts(ZOE, except_ref=third)} == {
        (first, "witness"),
        (second, "member"),
    }
    assert vault.conflicts("Someone Else") == []


# The conflict check reads candidates from the name index (store/names.py); these compare it with
# the full comparison of every name, on names made to be near one another.


def _every_name_compared(query: str, people: list[Candidate]) -> list[Match]:
    found = [
        Match(c.ref, c.role, round(similarity(query, c.name), 3)) for c in people if is_match(query, c.name)
    ]
    return sorted(found, key=lambda m: (-m.score, m.ref, m.role))


_FIRST = ["Mary", "Maryann", "Ann", "Anne", "Zoe", "Zoë", "Lan", "Jo", "Joanna", "Sean", "Seán"]
_LAST = ["O'Neill", "Oneil", "Nguyen", "Nguyễn", "Smith", "Smyth", "Muller", "Müller", "Mueller", "Ann"]


def _near_names(count: int, seed: int) -> list[str]:
    rng = Random(seed)
    names = []
    for _ in range(count):
        parts = rng.sample(_FIRST, rng.randint(1, 2)) + [rng.choice(_LAST)] * rng.randint(0, 1)
        if len(parts) > 1 and rng.random() < 0.2:  # joined, as a rep might type it
            parts = ["".join(parts[:2]), *parts[2:]]
        names.append(" ".join(parts) or "Ann")
    return names


def test_conflicts_through_the_index_are_the_full_comparison(vault: Vault) -> None:
    people: list[Candidate] = []
    names = _near_names(120, seed=15)
    for n, name in enumerate(names):
        ref = vault.new_case(name)
        people.append(Candidate(ref, "member", name))
        if n % 3 == 0:
            party = names[(n * 7 + 1) % len(names)]
            vault.add_party(ref, party, "manager")
            people.append(Candidate(ref, "manager", party))
    for ref, name in [(people[0].ref, "Mary A"), (people[1].ref, "Jo Ann"), (people[2].ref, "Z Oe")]:
        vault.add_party(ref, name, "witness")
        people.append(Candidate(ref, "witness", name))
    queries = [*_near_names(40, seed=16), "Maryann", "Mary Ann", "Annmary", "Zoe O Neill", "Sean", "Lan"]
    queries += ["Mary", "Maryan", "Joann", "Zoe", "Zoey", "Smith", "Oneill", "Ann Mary Smith"]
    matched = 0
    for query in queries:
        expected = _every_name_compared(query, people)
        assert vault.conflicts(query) == expected, query
        matched += len(expected)
    assert matched > 100  # the names were made close enough to match often


def test_names_of_removed_parties_and_purged_cases_leave_the_index(vault: Vault, clock: FakeClock) -> None:
    keep = vault.new_case("Keeper Lindqvist")
    party = vault.add_party(keep, "Ottoline Jibberwock", "manager")
    gone = vault.new_case("Zsofia Purgeable")
    vault.add_party(gone, "Fennimore Lindqvist", "witness")  # shares a token with the keeper

    def index_rows(token: str) -> tuple[int, int]:
        tokens = vault.db.scalar("SELECT count(*) FROM name_tokens WHERE token = ?", (token,))
        keys = vault.db.scalar("SELECT count(*) FROM name_keys WHERE token = ?", (token,))
        return int(tokens), int(keys)

    assert index_rows("jibberwock")[0] == 1 and index_rows("jibberwock")[1] > 1
    vault.remove_party(party)
    assert index_rows("jibberwock") == (0, 0)
    vault.close_case(gone)
    clock.advance(days=1)
    vault.purge_case(gone)
    for token in ("zsofia", "purgeable", "fennimore"):
        assert index_rows(token) == (0, 0), token
    assert index_rows("lindqvist")[0] == 1  # the keeper's own name is still indexed
    assert [m.ref for m in vault.conflicts("Keeper Lindqvist")] == [keep]
    assert vault.conflicts("Zsofia Purgeable") == []


def test_a_decision_goes_into_the_paper_trail_without_other_cases_names(vault: Vault) -> None:
    other = vault.new_case(ZOE)
    vault.add_party(other, "Priya Raman", "manager")
    ref = vault.new_case("Member Two")
    matches = vault.conflicts("zoe oneill", except_ref=ref)
    assert [(m.ref, m.role) for m in matches] == [(other, "member")]
    event_id = vault.record_conflict_decision(ref, "step-aside", checked_role="witness", matches=matches)
    [event] = [e for e in vault.case(ref).events if e.id == event_id]
    assert event.kind == "conflict-check"
    assert "step aside" in event.body and "witness" in event.body and f"{other} (member)" in event.body
    for name_part in ("Zo", "Neill", "Priya", "Raman"):
        assert name_part not in event.body


def test_no_conflict_with_no_matches_is_recorded_and_other_decisions_need_matches(vault: Vault) -> None:
    ref = vault.new_case("Member Two")
    vault.record_conflict_decision(ref, "no-conflict", checked_role="member", matches=[])
    [event] = vault.case(ref).events
    assert event.kind == "conflict-check" and "no conflict" in event.body
    with pytest.raises(UsageError):
        vault.record_conflict_decision(ref, "step-aside", checked_role="member", matches=[])
    with pytest.raises(UsageError):
        vault.record_conflict_decision(ref, "maybe", checked_role="member", matches=[])


# ---- consent and the management-contact guard -------------------------------------------------


@pytest.mark.parametrize("terms", ["off-the-record", "without-prejudice"])
def test_a_management_contact_on_those_terms_needs_consent(
    vault: Vault, clock: FakeClock, terms: str
) -> None:
    ref = vault.new_case("Member One")
    with pytest.raises(ConsentMissingError, match="agreement"):
        vault.add_note(ref, "Met HR.", kind="management", terms=terms)
    assert vault.case(ref).events == ()
    consent = vault.give_consent(ref, terms, note="Agreed by phone")
    assert vault.consent_in_force(ref, terms)
    event_id = vault.add_note(ref, "Met HR.", kind="management", terms=terms)
    [event] = vault.case(ref).events
    assert (event.id, event.terms) == (event_id, terms)
    clock.advance(hours=1)
    vault.withdraw_consent(consent)
    assert not vault.consent_in_force(ref, terms)
    with pytest.raises(ConsentMissingError):
        vault.add_note(ref, "Met HR again.", kind="management", terms=terms)
    # Plain management contacts need nothing.
    vault.add_note(ref, "Met HR on the record.", kind="management")


def test_consent_of_another_scope_does_not_count_and_terms_belong_to_management(vault: Vault) -> None:
    ref = vault.new_case("Member One")
    vault.give_consent(ref, "off-the-record")
    with pytest.raises(ConsentMissingError):
        vault.add_note(ref, "Met HR.", kind="management", terms="without-prejudice")
    with pytest.raises(UsageError, match="management"):
        vault.add_note(ref, "A note.", kind="note", terms="off-the-record")
    with pytest.raises(UsageError):
        vault.add_note(ref, "A note.", kind="management", terms="secret")


def test_consents_are_listed_withdrawn_once_and_audited(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Member One")
    given = clock.now - timedelta(days=2)
    consent = vault.give_consent(ref, "share-reps", given_at=given)
    [c] = vault.consents(ref)
    assert (c.id, c.scope, c.given_at, c.in_force) == (consent, "share-reps", given, True)
    with pytest.raises(UsageError, match="before it was given"):
        vault.withdraw_consent(consent, at=given - timedelta(days=1))
    vault.withdraw_consent(consent)
    [c] = vault.consents(ref)
    assert c.withdrawn_at == clock.now and not c.in_force
    with pytest.raises(UsageError, match="already"):
        vault.withdraw_consent(consent)
    with pytest.raises(NotFoundError):
        vault.withdraw_consent("0" * 32)
    with pytest.raises(UsageError, match="future"):
        vault.give_consent(ref, "share-reps", given_at=clock.now + timedelta(days=1))
    with pytest.raises(UsageError, match="scope"):
        vault.give_consent(ref, "everything")
    actions = [(e.fields.action, e.fields.subject) for e in vault.audit(ref)]
    assert ("consent.given", consent) in actions and ("consent.withdrawn", consent) in actions


def test_sharing_consent_problem(vault: Vault) -> None:
    ref = vault.new_case("Member One")
    assert "No consent" in (vault.sharing_consent_problem(ref, "reps") or "")
    consent = vault.give_consent(ref, "share-regional-office")
    assert vault.sharing_consent_problem(ref, "regional-office") is None
    assert vault.sharing_consent_problem(ref, "reps") is not None
    vault.withdraw_consent(consent)
    assert "withdrew" in (vault.sharing_consent_problem(ref, "regional-office") or "")
    with pytest.raises(UsageError):
        vault.sharing_consent_problem(ref, "the press")


# ---- escalation and the closing guard -----------------------------------------------------------


def _flag_dismissal(vault: Vault, ref: str) -> None:
    vault.save_first_meeting(ref, replace(FirstMeeting(), dismissal_threatened=True))


def test_closing_needs_a_reason_while_a_prompted_escalation_is_unrecorded(vault: Vault) -> None:
    ref = vault.new_case("Member One")
    _flag_dismissal(vault, ref)
    assert vault.escalation_unrecorded(ref)
    with pytest.raises(UsageError, match="escalation"):
        vault.close_case(ref)
    with pytest.raises(UsageError):
        vault.close_case(ref, escalation_reason="   ")
    assert vault.case(ref).summary.status == "open"
    vault.close_case(ref, escalation_reason="The member resolved it informally.")
    assert vault.case(ref).summary.status == "closed"
    assert any("resolved it informally" in e.body for e in vault.case(ref).events)


def test_a_recorded_escalation_lets_the_case_close(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Member One")
    vault.save_first_meeting(ref, replace(FirstMeeting(), discrimination_alleged=True))
    at = clock.now - timedelta(days=1)
    escalation = vault.record_escalation(
        ref, escalated_to="Branch caseworker", escalated_at=at, how="phone", regional_office_notified=True
    )
    assert not vault.escalation_unrecorded(ref)
    [e] = vault.escalations(ref)
    assert (e.id, e.escalated_to, e.escalated_at, e.how, e.regional_office_notified) == (
        escalation,
        "Branch caseworker",
        at,
        "phone",
        True,
    )
    [event] = [ev for ev in vault.case(ref).events if ev.id == e.event_id]
    assert event.kind == "escalation" and "regional office notified" in event.body
    assert ("escalation.recorded", escalation) in [
        (a.fields.action, a.fields.subject) for a in vault.audit(ref)
    ]
    vault.close_case(ref)
    assert vault.case(ref).summary.status == "closed"


def test_no_prompt_no_guard_and_bad_escalations_are_refused(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Member One")
    assert not vault.escalation_unrecorded(ref)
    with pytest.raises(UsageError):
        vault.record_escalation(
            ref, escalated_to="X", escalated_at=clock.now, how="pigeon", regional_office_notified=False
        )
    with pytest.raises(UsageError):
        vault.record_escalation(
            ref, escalated_to=" ", escalated_at=clock.now, how="email", regional_office_notified=False
        )
    assert vault.escalations(ref) == [] and vault.case(ref).events == ()
    vault.close_case(ref)


# ---- employer domain --------------------------------------------------------------------------


def test_employer_domain_is_kept_with_the_member(vault: Vault) -> None:
    ref = vault.new_case("Member One", email="m@uni.ac.uk", employer_domain="@Uni.ac.uk, uni.org")
    assert vault.case(ref).member.employer_domain == "uni.ac.uk uni.org"


def test_everything_survives_a_reopen(vault: Vault, vault_paths: object, clock: FakeClock) -> None:
    ref = vault.new_case("Member One")
    vault.add_party(ref, ZOE, "witness")
    vault.give_consent(ref, "keep-data")
    vault.close()
    again = reopen(vault.paths)
    try:
        assert [p.name for p in again.parties(ref)] == [ZOE]
        assert again.consent_in_force(ref, "keep-data")
        assert again.verify_audit() == []
    finally:
        again.close()


def test_an_escalation_entry_added_by_hand_is_the_one_record_everywhere(
    vault: Vault, clock: FakeClock
) -> None:
    """Issue 18: the People tab counted escalation records while the reminder and the closing
    guard read the paper trail. Now `escalation_count` is the paper trail's escalation entries,
    however written, and all three agree."""
    ref = vault.new_case("Member One")
    _flag_dismissal(vault, ref)
    clock.advance(hours=1)
    assert vault.escalation_count(ref) == 0 and vault.escalation_unrecorded(ref)
    assert [r.kind for r in vault.reminders()] == ["escalation-unrecorded"]
    vault.add_note(ref, "Escalated to the regional officer by phone.", kind="escalation")
    assert vault.escalation_count(ref) == 1
    assert not vault.escalation_unrecorded(ref)
    assert vault.reminders() == [] and vault.reminder_page().total == 0
    vault.record_escalation(
        ref,
        escalated_to="Senior caseworker",
        escalated_at=clock.now,
        how="phone",
        regional_office_notified=True,
    )
    assert vault.escalation_count(ref) == 2 and len(vault.escalations(ref)) == 1
    other = vault.new_case("Member Two")
    _flag_dismissal(vault, other)
    assert vault.escalation_count(other) == 0  # counted per case
    vault.close_case(ref)  # no reason asked for
    assert vault.case(ref).summary.status == "closed"
