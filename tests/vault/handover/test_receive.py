"""Hostile handover bundles (issue 13, item 4): anyone can make a bundle for a rep's public key,
so every manifest field is validated as local input is. A bad field is refused in one sentence
naming the field (never the value), exit 4, and nothing is imported."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from casevault.core.errors import DamagedError
from casevault.core.model import FirstMeeting
from casevault.core.paths import VaultPaths
from casevault.formats import bundle
from casevault.vault.facade import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock
from tests.support import bundles as craft
from tests.support.handover_cases import blob_files

SECRET = bytes(range(32))
MINUTE = timedelta(minutes=1)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that sets manifest[a][b]... (ints index lists) to `value`."""

    def change(m: dict[str, Any]) -> None:
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        target: Any = m
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(m: dict[str, Any]) -> None:
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        target: Any = m
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


REFUSED: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "bad date": (_set("events.0.occurred_at", "2026-13-45"), "date it happened"),
    "date not text": (_set("consents.0.given_at", 20260301), "date given"),
    "bad event kind": (_set("events.0.kind", "rm -rf"), "kind"),
    "bad version number": (_set("events.0.versions.1.version", "two"), "version number"),
    "version gap": (_set("events.0.versions.1.version", 3), "numbered"),
    "no version 1": (_set("events.0.versions", []), "numbered"),
    "bad manifest version": (_set("version", "2"), "format version"),
    "missing member": (_drop("member"), "bundle has no member."),
    "missing member name": (_drop("member.name"), "member's name"),
    "missing events": (_drop("events"), "paper-trail entries"),
    "terms on a note": (_set("events.0.terms", "without-prejudice"), "terms"),
    "bad consent scope": (_set("consents.0.scope", "everyone"), "scope"),
    "bad party role": (_set("parties.0.role", "boss"), "role"),
    "bad case date kind": (_set("case_dates.0.kind", "party"), "kind"),
    "bad escalation how": (_set("escalations.0.how", "pigeon"), "way it was escalated"),
    "flag not a flag": (_set("escalations.0.regional_office_notified", "yes"), "regional office"),
    "event id not hex": (_set("events.0.id", "../../etc"), "id"),
    "bad status": (_set("case.status", "archived"), "status"),
    "bad reference": (_set("case.ref", "CV-1"), "reference"),
    "closed without archive date": (_set("case.status", "closed"), "archive date"),
    "member name ESC[2J": (_set("member.name", "Anna\x1b[2J"), "member's name contains control"),
    "party name OSC title": (
        _set("parties.0.name", "\x1b]0;pwned\x07Mr Boss"),
        "person's name (person 1) contains control",
    ),
    "member name NUL": (_set("member.name", "Anna\x00Example"), "control characters"),
    "member name 5 MB": (_set("member.name", "A" * 5_000_000), "longer than 200"),
    "case type ESC": (_set("case.case_type", "discipline\x1b[31m"), "case type contains control"),
    "issue ESC": (_set("first_meeting.issues", ["ok", "\x1b[2Jbad"]), "issue number 2"),
    "action point empty": (_set("action_points.0.what", "   "), "empty"),
    "lone surrogate": (_set("member.name", "Anna\ud800"), "not valid text"),
    "negative size": (_set("documents.0.size", -1), "document 1"),
    "sha not hex": (_set("documents.0.sha256", "z" * 64), "document 1"),
    "too many issues": (_set("first_meeting.issues", ["x"] * 1001), "issues"),
    "unknown template": (_set("procedures.0.template_id", "rm -rf"), "template"),
    "bad jurisdiction": (_set("procedures.0.jurisdiction", "atlantis"), "jurisdiction"),
    "deadline kind": (_set("deadlines.0.kind", "pigeon"), "kind (deadline 1)"),
    "deadline date": (_set("deadlines.0.due_on", "2026-02-30"), "deadline (deadline 1)"),
    "deadline date-time": (_set("deadlines.0.due_on", "2026-03-09T00:00:00Z"), "deadline (deadline 1)"),
    "deadline year 9999": (_set("deadlines.0.done_on", "9999-01-01"), "date done"),
    "limit out of range": (_set("deadlines.0.limit_days", 100_000), "time limit"),
    "stage of no procedure": (_set("deadlines.0.procedure_id", "00" * 16), "names a procedure"),
    "stage outside a procedure": (_set("deadlines.0.procedure_id", ""), "kind does not match"),
    "outcome ESC": (
        _set("deadlines.0.outcome", "ok\x1b]0;pwned\x07"),
        "outcome (deadline 1) contains control",
    ),
    "input name": (_set("deadlines.0.inputs", {"../": "x"}), "inputs"),
    "input not text": (_set("deadlines.0.inputs", {"days": 5}), "input"),
    "deadlines not a list": (_set("deadlines", "AAAA"), "deadlines"),
}


def _receive_refused(receiver: Vault, path: Path) -> str:
    before = (receiver.count_cases(), blob_files(receiver), set(receiver.paths.cases_dir.iterdir()))
    with pytest.raises(DamagedError) as err:
        receiver.receive_case(path)
    message = err.value.message
    assert "\n" not in message and message.endswith(".")
    assert not any(unicodedata.category(ch) == "Cc" for ch in message)
    assert (receiver.count_cases(), blob_files(receiver), set(receiver.paths.cases_dir.iterdir())) == before
    assert receiver.handover_senders() == []
    assert receiver.check() == []
    return message


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_bad_field_is_refused_in_one_sentence_naming_it(vault: Vault, tmp_path: Path, name: str) -> None:
    change, words = REFUSED[name]
    path = craft.craft(tmp_path / "b.age", vault.identity_public_key(), SECRET, change)
    message = _receive_refused(vault, path)
    assert message.startswith(bundle.REFUSED) or message == bundle.DAMAGED
    assert words in message, message
    for value in ("rm -rf", "pwned", "AAAA", "everyone", "pigeon", "../"):
        assert value not in message


def test_the_crafted_baseline_imports(vault: Vault, tmp_path: Path) -> None:
    """The control for the cases above: the same bundle unchanged is accepted."""
    path = craft.craft(tmp_path / "b.age", vault.identity_public_key(), SECRET)
    receipt = vault.receive(path)
    case = vault.case(receipt.ref)
    assert case.member.name == "Anna Example"
    assert [a.name for a in case.attachments] == ["letter.txt"]
    assert vault.check() == []


def test_the_crafted_deadline_reaches_the_receiver_s_reminders(vault: Vault, tmp_path: Path) -> None:
    path = craft.craft(tmp_path / "b.age", vault.identity_public_key(), SECRET)
    ref = vault.receive(path).ref
    (proc,) = vault.procedures(ref)
    (appeal,) = vault.deadlines(ref)
    assert proc.id != "ef" * 16 and appeal.procedure_id == proc.id  # new ids, still linked
    assert (appeal.stage_key, appeal.due_on, appeal.rule) == (
        "appeal",
        date(2026, 3, 9),
        "procedure:acas-disciplinary:appeal",
    )
    due = [r for r in vault.reminders(datetime(2026, 3, 9, 12, tzinfo=UTC)) if appeal.id in r.key]
    assert [r.kind for r in due] == ["deadline-day"]


def test_a_bundle_from_before_the_casework_clock_still_imports(vault: Vault, tmp_path: Path) -> None:
    def old(m: dict[str, Any]) -> None:
        del m["procedures"], m["deadlines"]

    path = craft.craft(tmp_path / "b.age", vault.identity_public_key(), SECRET, old)
    ref = vault.receive(path).ref
    assert vault.deadlines(ref) == [] and vault.procedures(ref) == []


def test_names_are_cleaned_as_case_new_and_attach_clean_them(vault: Vault, tmp_path: Path) -> None:
    def change(m: dict[str, Any]) -> None:
        m["member"]["name"] = "Anna \u202eelpmaxE\u202c"  # bidi override: dropped, as case new does
        m["documents"][0]["name"] = "rtl\u202etxt.exe"
        m["events"][0]["versions"][1]["body"] = "line one\n\x1b[2Jline two\x9b"

    path = craft.craft(tmp_path / "b.age", vault.identity_public_key(), SECRET, change)
    ref = vault.receive_case(path)
    case = vault.case(ref)
    assert case.member.name == "Anna elpmaxE"
    assert [a.name for a in case.attachments] == ["rtltxt.exe"]
    bodies = [e.body for e in case.events]
    assert "line one\n\u241b[2Jline two\ufffd" in bodies
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for b in bodies for ch in b)


def test_a_five_megabyte_file_name_is_shortened_keeping_its_suffix(vault: Vault, tmp_path: Path) -> None:
    path = craft.craft(
        tmp_path / "b.age",
        vault.identity_public_key(),
        SECRET,
        _set("documents.0.name", "x" * 5_000_000 + ".pdf"),
    )
    ref = vault.receive_case(path)
    (doc,) = vault.case(ref).attachments
    assert len(doc.name) == 255 and doc.name.endswith("….pdf")


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,  # the parser would recurse 100,000 deep
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b"[" + b"{}," * 1_200_000 + b"{}]",  # over a million objects in a few megabytes
        b"[" + b"0," * 4_100_000 + b"0]",  # over four million values
        b'{"format": "casevault-handover", "version": NaN}',
        b"\xff\xfe not utf-8",
        b"not json",
        b"",
    ],
    ids=["deep-list", "deep-object", "many-objects", "many-values", "nan", "bad-utf8", "not-json", "empty"],
)
def test_a_hostile_manifest_text_is_refused_before_parsing(vault: Vault, tmp_path: Path, body: bytes) -> None:
    recipient = vault.identity_public_key()
    plain = craft.plaintext(body, [], secret=SECRET, recipient=recipient)
    message = _receive_refused(vault, craft.seal(plain, recipient, tmp_path / "b.age"))
    assert message in (bundle.TOO_LARGE, bundle.DAMAGED)


def test_nesting_deeper_than_a_real_manifest_is_refused_but_a_real_one_passes() -> None:
    bundle.check_json_shape(json.dumps(craft.base_manifest(SECRET, "age1x")).encode())
    bundle.check_json_shape(b'["a[[[[[[[[[[[[[[[[[[[[[[[\\"[[[[[[[[[[[[[["]')  # brackets inside strings
    with pytest.raises(DamagedError):
        bundle.check_json_shape(b"[" * (bundle.MAX_DEPTH + 1) + b"]" * (bundle.MAX_DEPTH + 1))
    bundle.check_json_shape(b"[" * bundle.MAX_DEPTH + b"]" * bundle.MAX_DEPTH)


def test_a_manifest_frame_over_the_cap_is_refused_without_reading_it(vault: Vault, tmp_path: Path) -> None:
    recipient = vault.identity_public_key()
    plain = bundle.MAGIC + craft.FRAME.pack(b"M", bundle.MAX_MANIFEST + 1)  # and nothing after it
    assert _receive_refused(vault, craft.seal(plain, recipient, tmp_path / "b.age")) == bundle.TOO_LARGE


def test_a_received_closed_case_keeps_its_status_and_archive_date(
    vault: Vault, other: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    """Issue 13, item 9: it arrived as open and lost its archive date; the archive-expiry
    reminder then never fired for it."""
    ref = vault.new_case("Jan Kowalski")
    vault.save_first_meeting(ref, FirstMeeting(confidentiality_explained=True))
    vault.give_consent(ref, "share-reps")
    closed = vault.close_case(ref, retain_days=30)
    out = tmp_path / "closed.age"
    vault.hand_over(ref, other.identity_public_key(), out)
    clock.advance(days=2)
    new_ref = other.receive_case(out)
    got = other.case(new_ref).summary
    assert got.status == "closed"
    assert got.closed_at == closed.closed_at and got.retain_until == closed.retain_until
    assert closed.retain_until is not None
    assert not [r for r in other.reminders(closed.retain_until - MINUTE) if r.ref == new_ref]
    due = [r for r in other.reminders(closed.retain_until + MINUTE) if r.ref == new_ref]
    assert [r.kind for r in due] == ["archive-expired"]
    assert other.check() == []


@pytest.fixture
def other(tmp_path: Path, clock: FakeClock) -> Iterator[Vault]:
    v = Vault.create(
        VaultPaths(tmp_path / "other"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock
    )
    yield v
    v.close()
