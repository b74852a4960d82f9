"""The breach record through the Vault: refs validated, names refused, report without content."""

from __future__ import annotations

from datetime import timedelta

import pytest

from casevault.core.errors import NotFoundError, UsageError
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen

MEMBER = "Quetzalcoatl Wibblesworth"
PARTY = "Ottoline Brackenbury"


def record(vault: Vault, clock: FakeClock, **kw: object) -> str:
    args: dict[str, object] = {
        "occurred_at": clock.now - timedelta(days=2),
        "discovered_at": clock.now - timedelta(days=1),
        "category": "wrong-recipient",
        "what": "An email with case notes went to the wrong list.",
        "case_refs": [],
        "informed": ["general-secretary"],
        "informed_at": clock.now - timedelta(hours=3),
        "actions": "Recall requested; recipients asked to delete it.",
    }
    args.update(kw)
    return vault.record_breach(**args)  # type: ignore[arg-type]


def test_record_list_and_report(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case(MEMBER)
    breach_id = record(vault, clock, case_refs=[ref.lower()])
    [stored] = vault.breaches()
    assert stored.id == breach_id and stored.case_refs == (ref,) and stored.informed == "general-secretary"
    text = vault.breach_report(breach_id)
    assert ref in text and "The General Secretary" in text and "Recall requested" in text
    assert MEMBER not in text and "wrong list" not in text  # the description stays in the vault
    assert vault.breach_report() == text  # the newest by default
    assert [(e.fields.action, e.fields.ref, e.fields.subject) for e in vault.audit()][-1] == (
        "breach.recorded",
        "",
        breach_id,
    )


def test_a_deleted_case_reference_is_accepted(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case(MEMBER)
    vault.close_case(ref)
    assert [case.ref for case in vault.list_cases(status="closed")] == [ref]
    vault.purge_case(ref)
    assert vault.list_cases() == []  # the case is gone: only its deletion record knows the ref
    breach_id = record(vault, clock, case_refs=[ref])
    [stored] = vault.breaches()
    assert stored.id == breach_id and stored.case_refs == (ref,)
    assert ref in vault.breach_report(breach_id)


def test_an_unknown_reference_is_refused(vault: Vault, clock: FakeClock) -> None:
    with pytest.raises(UsageError, match="not one of this vault's cases"):
        record(vault, clock, case_refs=["CV-2026-0404"])
    assert vault.breaches() == []


def test_a_members_name_in_the_text_is_refused(vault: Vault, clock: FakeClock) -> None:
    vault.new_case(MEMBER)
    with pytest.raises(UsageError, match="names someone"):
        record(vault, clock, what=f"{MEMBER}'s file went to the wrong list.")
    with pytest.raises(UsageError, match="names someone"):
        record(vault, clock, actions="Told Wibblesworth.")
    assert vault.breaches() == []


def test_a_partys_name_in_the_text_is_refused(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case(MEMBER)
    vault.add_party(ref, PARTY, "manager")
    with pytest.raises(UsageError, match="names someone"):
        record(vault, clock, what=f"Forwarded to {PARTY} by mistake.")


def test_bad_input_is_refused(vault: Vault, clock: FakeClock) -> None:
    with pytest.raises(UsageError):
        record(vault, clock, category="misc")
    with pytest.raises(UsageError):
        record(vault, clock, what="")
    with pytest.raises(UsageError, match="time zone"):
        record(vault, clock, occurred_at=clock.now.replace(tzinfo=None))
    with pytest.raises(NotFoundError):
        vault.breach_report("ab" * 16)
    with pytest.raises(NotFoundError):
        vault.breach_report()


def test_breaches_survive_reopen(vault: Vault, clock: FakeClock) -> None:
    breach_id = record(vault, clock, informed=[], informed_at=None)
    paths = vault.paths
    vault.close()
    with reopen(paths) as again:
        [stored] = again.breaches()
        assert stored.id == breach_id and stored.informed_at is None
        assert "not yet recorded" in again.breach_report(breach_id)
