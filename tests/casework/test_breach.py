"""The breach rules: the name guard (each rule a test that fails without it), validation, report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from casevault.casework import breach

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
NAMES = ["Amira Haddad", "Zoë O'Neill", "Lan Nguyen", "Mark Will", "Bob Li"]


def found(text: str, names: list[str] = NAMES) -> list[str]:
    return [h.name for h in breach.names_in_text(text, names)]


@pytest.mark.parametrize(
    "text",
    [
        "The laptop with Amira Haddad's file was left on a train.",
        "haddad, amira: letter sent to the wrong address",  # order and case
        "Amira K. Haddad's letter",  # a middle initial
        "Amira Hadad's letter",  # a spelling slip
        "Letter for zoe oneill went astray",  # diacritics and apostrophe folded
    ],
)
def test_a_full_name_is_found(text: str) -> None:
    assert found(text) != []


def test_a_capitalised_surname_alone_is_found() -> None:
    assert found("Emailed Haddad's grievance outcome to the wrong list.") == ["Amira Haddad"]
    assert found("Nguyen's case notes were seen.") == ["Lan Nguyen"]


def test_a_lower_case_common_word_matching_a_surname_is_not_a_name() -> None:
    assert found("The manager will review it; the case was about pay.") == []


def test_a_first_name_alone_is_not_flagged() -> None:
    assert found("Amira called the office.") == []


def test_references_and_ordinary_text_pass() -> None:
    assert found("Laptop holding CV-2026-0001 and CV-2026-0002 stolen from car; reported to police.") == []


def test_every_name_is_checked_once_and_hits_say_what_was_typed() -> None:
    [hit] = breach.names_in_text("Sent Amira Haddad's notes", [*NAMES, "Amira Haddad"])
    assert hit.name == "Amira Haddad"
    assert "Amira" in hit.words


def entry(**kw: object) -> breach.BreachInput:
    base: dict[str, object] = {
        "occurred_at": NOW - timedelta(days=2),
        "discovered_at": NOW - timedelta(days=1),
        "category": "lost-device",
        "what": "Laptop left on a train.",
        "case_refs": ("CV-2026-0001",),
        "informed": ("general-secretary",),
        "informed_at": NOW - timedelta(hours=20),
        "actions": "Remote wipe requested.",
    }
    base.update(kw)
    return breach.BreachInput(**base)  # type: ignore[arg-type]


REFS = {"CV-2026-0001", "CV-2025-0009"}


def test_a_good_entry_has_no_problems() -> None:
    assert breach.problems(entry(), NOW, REFS, NAMES) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"category": "misc"}, "Choose what kind"),
        ({"what": "  "}, "Say what happened"),
        ({"discovered_at": NOW - timedelta(days=3)}, "discovered before"),
        ({"occurred_at": NOW + timedelta(days=1), "discovered_at": NOW + timedelta(days=1)}, "future"),
        ({"informed": ("the-boss",)}, "who was informed"),
        ({"informed_at": None}, "when they were informed"),
        ({"informed_at": NOW - timedelta(days=5)}, "before the breach"),
        ({"case_refs": ("CV-2026-0404",)}, "not one of this vault's cases"),
        ({"what": "Amira Haddad's file was left on a train."}, "names someone"),
        ({"actions": "Told Haddad about it."}, "names someone"),
    ],
)
def test_each_rule_refuses(change: dict[str, object], problem: str) -> None:
    assert any(problem in p for p in breach.problems(entry(**change), NOW, REFS, NAMES))


def test_parse_refs() -> None:
    assert breach.parse_refs(" cv-2026-0001, CV-2026-0002\nCV-2026-0001;") == ("CV-2026-0001", "CV-2026-0002")


def test_report_holds_refs_dates_category_and_who_only() -> None:
    text = breach.report(
        breach_id="ab" * 16,
        occurred_at=NOW - timedelta(days=2),
        discovered_at=NOW - timedelta(days=1),
        category="wrong-recipient",
        case_refs=("CV-2026-0001",),
        informed=("general-secretary", "executive-committee"),
        informed_at=NOW,
        actions="Asked the recipient to delete it.",
        recorded_at=NOW,
    )
    assert "CV-2026-0001" in text
    assert "Sent to the wrong person" in text
    assert "The General Secretary; The Executive Committee" in text
    assert "2026-03-12" in text and "2026-03-13" in text
    assert "Asked the recipient to delete it." in text


def test_report_says_when_nobody_was_informed_yet() -> None:
    text = breach.report(
        breach_id="ab" * 16,
        occurred_at=NOW,
        discovered_at=NOW,
        category="other",
        case_refs=(),
        informed=(),
        informed_at=None,
        actions="",
        recorded_at=NOW,
    )
    assert "reported immediately to the General Secretary or Executive Committee" in text


def test_the_72_hours_run_from_discovery_through_the_weekend() -> None:
    # UK GDPR art. 33(1): "not later than 72 hours after having become aware of it". Friday
    # 16:00 in London is Monday 16:00, the weekend counted (the rule pack's breach.72-hours).
    london = ZoneInfo("Europe/London")
    found = datetime(2026, 3, 6, 16, 0, tzinfo=london)
    due, left = breach.report_clock(found, found + timedelta(hours=20))
    assert due == datetime(2026, 3, 9, 16, 0, tzinfo=london)
    assert left == pytest.approx(52.0)
    assert breach.report_clock(found, due + timedelta(hours=1))[1] == pytest.approx(-1.0)


def test_report_says_when_the_72_hours_end() -> None:
    text = breach.report(
        breach_id="ab" * 16,
        occurred_at=NOW,
        discovered_at=NOW,
        category="other",
        case_refs=(),
        informed=(),
        informed_at=None,
        actions="",
        recorded_at=NOW,
    )
    due = breach.report_clock(NOW, NOW)[0]
    assert f"72 hours end:      {due:%Y-%m-%d %H:%M %Z}" in text
    assert "UK GDPR art. 33(1)" in text
