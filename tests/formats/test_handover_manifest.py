"""A received manifest read field by field (formats/handover_manifest.py), without a vault: what a
valid one becomes, and the rules a receive through the Vault cannot reach one at a time
(tests/vault/handover/test_receive.py sends each refusal through a real bundle)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

import pyrage
import pytest

from casevault.casework.retention import MAX_RETAIN_DAYS
from casevault.formats import bundle
from casevault.formats.handover_manifest import ManifestError, validate
from casevault.store.timefmt import to_db
from tests.support.bundles import DOC, base_manifest

SECRET = bytes(range(32))
SOURCE = str(pyrage.x25519.Identity.generate().to_public())
T = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def manifest() -> dict[str, Any]:
    return copy.deepcopy(base_manifest(SECRET, SOURCE))


def refused(manifest: dict[str, Any], fragment: str) -> str:
    with pytest.raises(ManifestError) as err:
        validate(manifest)
    message = err.value.message
    assert message.startswith(bundle.REFUSED) and message.endswith(".")
    assert fragment in message, message
    return message


def test_a_valid_manifest_becomes_plain_records(manifest: dict[str, Any]) -> None:
    case = validate(manifest)
    assert (case.ref, case.case_type, case.status, case.opened_at) == (
        "CV-2026-0007",
        "disciplinary",
        "open",
        T,
    )
    assert (case.closed_at, case.retain_until, case.title) == (None, None, "")
    assert (case.member.id, case.member.name, case.member.email) == ("", "Anna Example", "anna@home.example")
    assert case.first_meeting is not None
    assert case.first_meeting.issues == ("late warning",)
    assert case.first_meeting.narrative == "Agreed story\nsecond line"
    assert case.first_meeting.confidentiality_explained and not case.first_meeting.dismissal_threatened
    [action] = case.action_points
    assert (action.id, action.what, action.owner, action.due_at, action.done_at) == (
        "",
        "Write to HR",
        "rep",
        T,
        None,
    )
    [date] = case.case_dates
    assert (date.kind, date.at, date.note) == ("hearing", T, "room 4")
    [event] = case.events
    assert (event.id, event.kind, event.terms) == ("ab" * 16, "meeting", "")
    assert [(v.version, v.body) for v in event.versions] == [
        (1, "Met the member"),
        (2, "Met the member (corrected)"),
    ]
    assert [(p.name, p.role) for p in case.parties] == [("Mr Boss", "manager")]
    assert [(c.scope, c.withdrawn_at) for c in case.consents] == [("share-reps", None)]
    assert [(o.description, o.kept_where) for o in case.originals] == [("signed contract", "drawer")]
    [escalation] = case.escalations
    assert (escalation.event_id, escalation.how, escalation.regional_office_notified) == (
        "ab" * 16,
        "email",
        True,
    )
    [document] = case.documents
    assert (document.name, document.size, document.added_at) == ("letter.txt", len(DOC), T)


def test_versions_sent_out_of_order_are_put_in_order(manifest: dict[str, Any]) -> None:
    manifest["events"][0]["versions"].reverse()
    [event] = validate(manifest).events
    assert [(v.version, v.body) for v in event.versions] == [
        (1, "Met the member"),
        (2, "Met the member (corrected)"),
    ]


def test_names_and_domains_are_cleaned_as_typed_input_is(manifest: dict[str, Any]) -> None:
    manifest["member"]["name"] = "  Mu\u0308ller\u200b "
    manifest["member"]["employer_domain"] = "@UNI.ac.uk, uni.ac.uk; other.org."
    manifest["documents"][0]["name"] = "rtl\u202etxt.exe"
    case = validate(manifest)
    assert case.member.name == "Müller"
    assert case.member.employer_domain == "uni.ac.uk other.org"
    assert case.documents[0].name == "rtltxt.exe"


def test_a_first_meeting_never_saved_is_nothing_to_import(manifest: dict[str, Any]) -> None:
    manifest["first_meeting"].update(updated_at=None, issues=[])
    assert validate(manifest).first_meeting is None
    manifest["first_meeting"]["issues"] = ["an issue without a save date"]
    meeting = validate(manifest).first_meeting
    assert meeting is not None and meeting.issues == ("an issue without a save date",)


def test_a_closed_case_keeps_dates_within_the_archive_bound(manifest: dict[str, Any]) -> None:
    closed = T + timedelta(days=10)
    manifest["case"].update(status="closed", closed_at=to_db(closed))
    for until in (closed, closed + timedelta(days=MAX_RETAIN_DAYS + 1)):
        manifest["case"]["retain_until"] = to_db(until)
        case = validate(manifest)
        assert (case.status, case.closed_at, case.retain_until) == ("closed", closed, until)
    for until in (closed - timedelta(seconds=1), closed + timedelta(days=MAX_RETAIN_DAYS + 1, seconds=1)):
        manifest["case"]["retain_until"] = to_db(until)
        refused(manifest, "case's archive date is not valid")


@pytest.mark.parametrize("field", ["closed_at", "retain_until"])
def test_an_open_case_has_no_closing_dates(manifest: dict[str, Any], field: str) -> None:
    manifest["case"][field] = to_db(T)
    refused(manifest, "case is open but has a date closed or an archive date")


def test_an_escalation_need_not_name_an_entry_but_one_it_names_is_an_id(manifest: dict[str, Any]) -> None:
    manifest["escalations"][0]["event_id"] = ""
    assert validate(manifest).escalations[0].event_id == ""
    manifest["escalations"][0]["event_id"] = "AB" * 16
    refused(manifest, "paper-trail entry (escalation 1) is not valid")


def test_terms_belong_to_management_contacts_only(manifest: dict[str, Any]) -> None:
    manifest["events"][0].update(kind="management", terms="without-prejudice")
    assert validate(manifest).events[0].terms == "without-prejudice"
    manifest["events"][0]["kind"] = "note"
    refused(manifest, "other than a management contact has terms")


@pytest.mark.parametrize(
    ("where", "key", "fragment"),
    [
        ("documents", "size", "size (document 1)"),
        ("audit", "seq", "number (audit entry 1)"),
    ],
)
def test_a_boolean_is_not_a_number(manifest: dict[str, Any], where: str, key: str, fragment: str) -> None:
    manifest[where][0][key] = True
    refused(manifest, fragment)


def test_a_flag_must_be_a_boolean(manifest: dict[str, Any]) -> None:
    manifest["first_meeting"]["dismissal_threatened"] = 1
    refused(manifest, "dismissal threatened (first meeting) is not valid")


def test_audit_entries_are_checked_for_shape(manifest: dict[str, Any]) -> None:
    manifest["audit"][0]["seq"] = 0
    refused(manifest, "number (audit entry 1)")


def test_more_documents_than_a_bundle_holds_are_refused_before_any_is_read(manifest: dict[str, Any]) -> None:
    manifest["documents"] = [None] * (bundle.MAX_DOCUMENTS + 1)
    refused(manifest, f"more than {bundle.MAX_DOCUMENTS} documents")
    manifest["documents"] = [None]
    refused(manifest, "document 1 is not a record")


def test_a_bad_sender_key_is_refused(manifest: dict[str, Any]) -> None:
    manifest["source_key"] = "age1notakey"
    refused(manifest, "sender's handover key is not valid")


def test_a_refusal_names_the_field_never_the_value(manifest: dict[str, Any]) -> None:
    manifest["parties"][0]["name"] = "Quetzal Wibblesworth\x1b[2J"
    message = refused(manifest, "person's name (person 1)")
    assert "Quetzal" not in message and "Wibble" not in message


def test_a_manifest_that_is_not_a_record_is_named_in_the_sentence() -> None:
    with pytest.raises(ManifestError, match=r"nothing was imported: the manifest is not a record\.$"):
        validate(["not", "a", "record"])
