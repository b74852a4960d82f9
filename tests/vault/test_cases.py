"""Vault API: cases, notes, listing, search, closing, retention reminders."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from casevault.casework import reminders as reminder_rules
from casevault.casework import retention, rules
from casevault.core.errors import NotFoundError, UsageError, VaultStateError
from casevault.core.model import EVENT_KINDS
from casevault.core.paths import VaultPaths
from casevault.store import cases as case_rows
from casevault.store import settings
from casevault.vault.facade import Vault
from casevault.vault.retention import RETAIN_DAYS_SETTING
from tests.conftest import FakeClock, reopen

# ---- new_case -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Ada Example", "Nguyễn Văn An", "O'Brien-Smith", "Zoë"])
def test_new_case_ref_is_sequential_and_holds_no_name(vault: Vault, name: str) -> None:
    ref = vault.new_case(name, case_type="grievance", email="member@home.example")
    assert re.fullmatch(r"CV-2026-\d{4}", ref)
    assert rules.REF_PATTERN.match(ref)
    assert ref == "CV-2026-0001"
    for part in [name, *name.replace("-", " ").split(), "member", "grievance"]:
        assert part.casefold() not in ref.casefold()


def test_refs_count_up_and_restart_each_year(vault: Vault, clock: FakeClock) -> None:
    first = [vault.new_case(f"Member {i}") for i in range(3)]
    assert first == ["CV-2026-0001", "CV-2026-0002", "CV-2026-0003"]
    clock.now = datetime(2027, 1, 1, 0, 0, 1, tzinfo=UTC)
    assert vault.new_case("New Year") == "CV-2027-0001"
    assert vault.new_case("New Year Two") == "CV-2027-0002"


def test_refs_use_the_utc_year(vault: Vault, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
    assert vault.new_case("Last Minute") == "CV-2026-0001"


def test_refs_continue_after_reopen(vault: Vault, vault_paths: VaultPaths, clock: FakeClock) -> None:
    vault.new_case("A")
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert again.new_case("B") == "CV-2026-0002"


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        "\t\n",
        "Ada\x00Lovelace",
        "Ada\nLovelace",
        "\x1b[31mAda",
        "Ada\x7f",
        "Ada\u0085x",
        "x" * 201,
    ],
)
def test_bad_member_names_are_refused(vault: Vault, name: str) -> None:
    with pytest.raises(UsageError) as caught:
        vault.new_case(name)
    assert caught.value.exit_code == 2
    assert "member's name" in caught.value.message
    if name.strip():
        assert name.strip() not in caught.value.message  # the message names the field, not the value
    assert vault.count_cases() == 0
    # Nothing was consumed: the next good case still gets number 1.
    assert vault.new_case("Ada") == "CV-2026-0001"


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("email address", {"email": "ada@example.org\r\nBcc: x"}),
        ("case type", {"case_type": "grievance\x00"}),
        ("case type", {"case_type": "t" * 61}),
    ],
)
def test_bad_email_and_type_are_refused(vault: Vault, field: str, kwargs: dict[str, str]) -> None:
    with pytest.raises(UsageError, match=field):
        vault.new_case("Ada", **kwargs)
    assert vault.count_cases() == 0


def test_names_are_stored_nfc_and_trimmed(vault: Vault) -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn Müller  ")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert vault.add_case_type("Kündigung") == "kündigung"  # a code in any script, NFC
    ref = vault.new_case(decomposed, case_type=unicodedata.normalize("NFD", "Kündigung"), email=" a@b.c ")
    detail = vault.case(ref)
    assert detail.member.name == "Nguyễn Müller"
    assert unicodedata.is_normalized("NFC", detail.member.name)
    assert detail.summary.member_name == "Nguyễn Müller"
    assert detail.summary.case_type == "kündigung"
    assert detail.member.email == "a@b.c"
    # Typing either form finds it.
    assert [h.ref for h in vault.search(unicodedata.normalize("NFD", "Müller"))] == [ref]
    assert [h.ref for h in vault.search("Müller")] == [ref]


def test_case_detail(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada Example", case_type="grievance", email="ada@home.example")
    clock.advance(hours=1)
    note_id = vault.add_note(ref, "First meeting", kind="meeting")
    file_id = vault.attach_stream(ref, "letter.pdf", io.BytesIO(b"%PDF-1.7"))
    detail = vault.case(ref)
    assert detail.summary.ref == ref
    assert detail.summary.status == "open"
    assert detail.summary.case_type == "grievance"
    assert detail.summary.opened_at == clock.now - timedelta(hours=1)
    assert detail.member.name == "Ada Example"
    assert detail.member.email == "ada@home.example"
    assert detail.title == ""
    assert [(e.id, e.kind, e.body) for e in detail.events] == [(note_id, "meeting", "First meeting")]
    assert [(a.id, a.name, a.size) for a in detail.attachments] == [(file_id, "letter.pdf", 8)]


def test_case_lookup_normalises_the_ref(vault: Vault) -> None:
    ref = vault.new_case("Ada")
    assert vault.case(f"  {ref.lower()} ").summary.ref == ref


@pytest.mark.parametrize("ref", ["CV-2026-0002", "CV-1999-0001", "", "nonsense", "CV-2026-0001; --"])
def test_unknown_ref_is_not_found(vault: Vault, ref: str) -> None:
    vault.new_case("Ada")  # CV-2026-0001 exists; none of these name it
    with pytest.raises(NotFoundError, match="no case"):
        vault.case(ref)
    with pytest.raises(NotFoundError):
        vault.add_note(ref, "x")


def test_each_case_gets_its_own_member(vault: Vault) -> None:
    a = vault.new_case("Same Name")
    b = vault.new_case("Same Name")
    assert vault.case(a).member.id != vault.case(b).member.id


def test_cases_survive_reopen(vault: Vault, vault_paths: VaultPaths, clock: FakeClock) -> None:
    ref = vault.new_case("Ada", email="a@b.c")
    vault.add_note(ref, "kept", kind="advice")
    before = vault.case(ref)
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert again.case(ref) == before


# ---- notes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", EVENT_KINDS)
def test_add_note_of_each_kind(vault: Vault, kind: str) -> None:
    ref = vault.new_case("Ada")
    event_id = vault.add_note(ref, f"  a {kind} entry\nsecond line  ", kind=kind)
    [event] = vault.case(ref).events
    assert event.id == event_id
    assert event.kind == kind
    assert event.body == f"a {kind} entry\nsecond line"


def test_default_kind_is_note(vault: Vault) -> None:
    ref = vault.new_case("Ada")
    vault.add_note(ref, "x")
    assert vault.case(ref).events[0].kind == "note"


@pytest.mark.parametrize("kind", ["gossip", "", "NOTE", "note ", "Meeting"])
def test_invalid_kind_is_refused(vault: Vault, kind: str) -> None:
    ref = vault.new_case("Ada")
    with pytest.raises(UsageError, match="must be one of"):
        vault.add_note(ref, "x", kind=kind)
    assert vault.case(ref).events == ()


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_note_is_refused(vault: Vault, text: str) -> None:
    ref = vault.new_case("Ada")
    with pytest.raises(UsageError, match="empty"):
        vault.add_note(ref, text)
    assert vault.case(ref).events == ()


def test_events_are_ordered_by_when_they_happened(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada")
    start = clock.now
    clock.advance(hours=1)
    c = vault.add_note(ref, "call yesterday", kind="call", occurred_at=start - timedelta(days=1))
    clock.advance(hours=1)
    a = vault.add_note(ref, "meeting last week", kind="meeting", occurred_at=start - timedelta(days=7))
    clock.advance(hours=1)
    now_note = vault.add_note(ref, "just now")
    clock.advance(hours=1)
    b = vault.add_note(ref, "advice three days ago", kind="advice", occurred_at=start - timedelta(days=3))
    events = vault.case(ref).events
    assert [e.id for e in events] == [a, b, c, now_note]
    assert [e.occurred_at for e in events] == sorted(e.occurred_at for e in events)
    assert events[-1].occurred_at == events[-1].recorded_at == start + timedelta(hours=3)


def test_same_moment_events_follow_recording_order(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada")
    moment = clock.now - timedelta(days=1)
    ids = []
    for i in range(3):
        clock.advance(minutes=1)
        ids.append(vault.add_note(ref, f"n{i}", occurred_at=moment))
    assert [e.id for e in vault.case(ref).events] == ids


def test_a_note_bumps_updated_at(vault: Vault, clock: FakeClock) -> None:
    old = vault.new_case("Old Case")
    clock.advance(hours=1)
    new = vault.new_case("New Case")
    assert [c.ref for c in vault.list_cases()] == [new, old]
    clock.advance(hours=1)
    vault.add_note(old, "activity")
    assert [c.ref for c in vault.list_cases()] == [old, new]
    assert vault.list_cases()[0].updated_at == clock.now


# ---- listing and search through the Vault ------------------------------------------------------


def test_list_and_count_through_the_vault(vault: Vault, clock: FakeClock) -> None:
    refs = []
    for name in ["carol", "Alice", "bob"]:
        refs.append(vault.new_case(name))
        clock.advance(minutes=1)
    vault.close_case(refs[1], retain_days=10)
    assert [c.member_name for c in vault.list_cases(sort="member", descending=False)] == [
        "Alice",
        "bob",
        "carol",
    ]
    assert [c.ref for c in vault.list_cases(status="closed")] == [refs[1]]
    first, after = vault.list_page(sort="ref", descending=False, limit=1)
    assert [c.ref for c in first] == refs[:1] and after is not None
    rest, end = vault.list_page(sort="ref", descending=False, limit=2, after=after)
    assert [c.ref for c in rest] == refs[1:] and end is not None  # a full page: maybe more
    assert vault.list_page(sort="ref", descending=False, limit=2, after=end) == ([], None)
    assert (vault.count_cases(), vault.count_cases("open"), vault.count_cases("closed")) == (3, 2, 1)
    with pytest.raises(ValueError, match="cannot sort"):
        vault.list_cases(sort="secret")


def test_search_through_the_vault(vault: Vault) -> None:
    a = vault.new_case("Nguyễn Văn An")
    b = vault.new_case("Jürgen Müller")
    vault.add_note(b, "Hearing on Thursday about the zephyr rota")
    vault.attach_stream(a, "Brief \u2013 \u00c4rger \u2713.txt", io.BytesIO(b"x"))
    assert [h.ref for h in vault.search("nguyen")] == [a]
    assert [(h.ref, h.source) for h in vault.search("zeph")] == [(b, "event")]
    assert [(h.ref, h.source) for h in vault.search("arger")] == [(a, "attachment")]
    assert vault.search('"') == []
    assert vault.search("NEAR(") == []


# ---- locking --------------------------------------------------------------------------------


def test_a_closed_vault_refuses_work(vault: Vault) -> None:
    ref = vault.new_case("Ada")
    vault.close()
    assert not vault.is_open
    for call in (
        lambda: vault.new_case("B"),
        lambda: vault.case(ref),
        vault.list_cases,
        lambda: vault.search("ada"),
        vault.check,
    ):
        with pytest.raises(VaultStateError, match="locked"):
            call()
    vault.close()  # closing twice is harmless


# ---- closing, reopening, retention reminders ------------------------------------------------


def test_close_case_sets_the_retention_date(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada")
    clock.advance(days=3)
    summary = vault.close_case(ref, retain_days=30)
    assert summary.status == "closed"
    assert summary.closed_at == clock.now
    assert summary.retain_until == clock.now + timedelta(days=30)
    assert vault.case(ref).summary == summary


def test_close_case_uses_the_default_and_the_setting(vault: Vault, clock: FakeClock) -> None:
    a = vault.new_case("A")
    assert vault.default_retain_days() == retention.DEFAULT_RETAIN_DAYS == 365
    assert vault.close_case(a).retain_until == clock.now + timedelta(days=365)
    settings.put(vault.db, RETAIN_DAYS_SETTING, "45")
    b = vault.new_case("B")
    assert vault.default_retain_days() == 45
    assert vault.close_case(b).retain_until == clock.now + timedelta(days=45)


@pytest.mark.parametrize("days", [-1, retention.MAX_RETAIN_DAYS + 1])
def test_close_case_refuses_a_bad_period(vault: Vault, days: int) -> None:
    ref = vault.new_case("Ada")
    with pytest.raises(UsageError, match="archive period"):
        vault.close_case(ref, retain_days=days)
    assert vault.case(ref).summary.status == "open"


def test_reopen_clears_the_retention(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada")
    vault.close_case(ref, retain_days=1)
    clock.advance(days=5)
    vault.reopen_case(ref)
    summary = vault.case(ref).summary
    assert (summary.status, summary.closed_at, summary.retain_until) == ("open", None, None)
    assert summary.updated_at == clock.now
    assert vault.reminders() == []
    assert vault.reminders(clock.now + timedelta(days=10_000)) == []


def test_reminder_appears_only_when_the_archive_period_ends(vault: Vault, clock: FakeClock) -> None:
    name = "Quetzal Wibble"
    ref = vault.new_case(name)
    other = vault.new_case("Still Open")
    vault.close_case(ref, retain_days=30)
    closed_at = clock.now
    clock.advance(days=29)
    assert vault.reminders() == []
    clock.advance(days=1, seconds=-1)
    assert vault.reminders() == []
    clock.advance(seconds=1)  # exactly closed + 30 days
    [reminder] = vault.reminders()
    assert reminder.ref == ref
    assert reminder.kind == reminder_rules.ARCHIVE_EXPIRED
    assert reminder.due_at == closed_at + timedelta(days=30)
    assert name not in reminder.text
    assert "Quetzal" not in reminder.text
    assert all(r.ref != other for r in vault.reminders(clock.now + timedelta(days=10_000)))


def test_reminders_take_an_explicit_now(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case("Ada")
    vault.close_case(ref, retain_days=10)
    assert vault.reminders(clock.now + timedelta(days=9)) == []
    assert [r.ref for r in vault.reminders(clock.now + timedelta(days=10))] == [ref]


def test_reminders_are_ordered_by_due_date(vault: Vault, clock: FakeClock) -> None:
    late = vault.new_case("Late")
    early = vault.new_case("Early")
    vault.close_case(late, retain_days=20)
    vault.close_case(early, retain_days=5)
    assert [r.ref for r in vault.reminders(clock.now + timedelta(days=30))] == [early, late]


def test_zero_day_retention_is_due_at_once(vault: Vault) -> None:
    ref = vault.new_case("Ada")
    vault.close_case(ref, retain_days=0)
    assert [r.ref for r in vault.reminders()] == [ref]


def test_closing_is_stored(vault: Vault, vault_paths: VaultPaths, clock: FakeClock) -> None:
    ref = vault.new_case("Ada")
    vault.close_case(ref, retain_days=7)
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert case_rows.closed_cases(again.db)[0].ref == ref
        assert again.reminders(clock.now + timedelta(days=7))[0].ref == ref


def test_member_names_by_reference_match_each_case_in_one_lookup(vault: Vault) -> None:
    names = [f"Member {n} Ó'Brien" for n in range(620)]  # more than one batch of 500
    refs = [vault.new_case(name) for name in names]
    vault.purge_case(vault.close_case(refs[3]).ref)
    asked = {*refs, "CV-1999-0001"}
    found = vault.member_names(asked)
    assert set(found) == asked
    assert found["CV-1999-0001"] == "" and found[refs[3]] == ""  # no such case; purged
    for ref in refs[:3] + refs[4:]:
        assert found[ref] == vault.case(ref).summary.member_name


def test_case_summary_is_the_lists_row_without_the_rest(vault: Vault) -> None:
    ref = vault.new_case("Ana Ruiz", case_type="grievance")
    vault.add_note(ref, "A note")
    assert vault.case_summary(ref) == vault.case(ref).summary
    assert vault.case_summary(ref.lower()).ref == ref
