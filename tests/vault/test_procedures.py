"""The casework clock on a real vault (vault/procedures.py, issue 16): a case follows the ACAS
disciplinary template through to appeal; each stage's deadline is counted from its event, kept
with the rule that made it, put in the audit log by digest only, and followed by the reminders
and the agenda at the lead times; an overdue deadline goes only with a reason; and the vault's
settings (jurisdiction, closure days, refer-by weeks, lead times) change what is counted."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from casevault.casework import reminders as engine
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen

# Monday 7 December 2026, 09:00 in London (GMT, so UTC too).
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
MEMBER = "Wilhelmina Quarrington"


@pytest.fixture
def on_monday(vault: Vault, clock: FakeClock) -> tuple[Vault, str]:
    clock.now = MONDAY
    return vault, vault.new_case(MEMBER)


def _deadline_reminders(vault: Vault, deadline_id: str, now: datetime) -> list[engine.Reminder]:
    return [r for r in vault.reminders(now) if r.kind in engine.DEADLINE_KINDS and deadline_id in r.key]


def test_a_case_follows_the_acas_disciplinary_procedure_through_to_appeal(
    on_monday: tuple[Vault, str],
) -> None:
    vault, ref = on_monday
    proc_id = vault.start_procedure(ref, "acas-disciplinary")
    (proc,) = vault.procedures(ref)
    assert (proc.id, proc.template_id, proc.template_version, proc.jurisdiction) == (
        proc_id,
        "acas-disciplinary",
        1,
        "england-wales",
    )
    stages = vault.deadlines(ref)
    assert [d.stage_key for d in stages] == [
        "informal",
        "investigation",
        "notification",
        "hearing",
        "outcome",
        "appeal",
        "appeal-hearing",
        "appeal-outcome",
    ]
    assert all(d.due_on is None for d in stages)  # nothing is counted before its event

    # The written notification arrives on Monday 7 December: the hearing within 5 working days.
    hearing = vault.record_stage_event(vault.stage(ref, "hearing").id, date(2026, 12, 7))
    assert hearing.due_on == date(2026, 12, 14)
    assert (hearing.rule, hearing.rule_version) == ("procedure:acas-disciplinary:hearing", 1)
    vault.complete_deadline(hearing.id, date(2026, 12, 11), "held")
    outcome = vault.record_stage_event(vault.stage(ref, "outcome").id, date(2026, 12, 11))
    vault.complete_deadline(outcome.id, date(2026, 12, 18), "final written warning")
    # The outcome letter is received on Friday 18 December: the appeal within 5 working days is
    # 21, 22, 23, 24 and (past Christmas, the weekend and the substitute Boxing Day) Tuesday 29.
    appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 12, 18))
    assert appeal.due_on == date(2026, 12, 29)
    assert "working days" in appeal.explanation
    vault.complete_deadline(appeal.id, date(2026, 12, 23), "appeal lodged")
    done = {d.stage_key: d for d in vault.deadlines(ref)}
    assert done["appeal"].done_on == date(2026, 12, 23)
    assert done["appeal"].outcome == "appeal lodged"
    assert done["appeal-hearing"].due_on is None  # waits for the appeal to be lodged

    actions = [e.fields.action for e in vault.audit(ref)]
    assert actions.count("procedure.started") == 1
    assert actions.count("deadline.calculated") == 3
    assert actions.count("deadline.done") == 3
    assert vault.verify_audit() == []


def test_the_audit_log_proves_each_calculation_by_digest_and_holds_no_dates_or_names(
    on_monday: tuple[Vault, str],
) -> None:
    vault, ref = on_monday
    limit = vault.add_tribunal_limit(ref, date(2026, 11, 30), "unfair-dismissal")
    (entry,) = [e for e in vault.audit(ref) if e.fields.action == "deadline.calculated"]
    subject = entry.fields.subject
    words = subject.split(" ")
    assert words[:3] == [limit.id, "tribunal.unfair-dismissal", "v1"]
    assert len(words[3]) == 32
    assert "2026" not in subject and "Quarrington" not in subject
    assert vault.deadline_proof_matches(limit, subject)
    # A stored date changed afterwards no longer matches the calculation the log names.
    (stored,) = vault.deadlines(ref)
    tampered = type(stored)(**{**stored.__dict__, "due_on": stored.due_on + timedelta(days=7)})  # type: ignore[operator]
    assert not vault.deadline_proof_matches(tampered, subject)


def test_a_deadline_warns_at_each_lead_time_one_line_at_a_time(
    on_monday: tuple[Vault, str], clock: FakeClock
) -> None:
    vault, ref = on_monday
    limit = vault.add_tribunal_limit(ref, date(2026, 12, 7), "unfair-dismissal")
    assert limit.due_on == date(2027, 3, 6)
    due_day = datetime(2027, 3, 6, 0, 0, tzinfo=UTC)  # midnight in London (GMT in March)
    assert _deadline_reminders(vault, limit.id, due_day - timedelta(days=29)) == []
    seen = []
    for lead in (28, 14, 7, 2, 1):
        at = due_day - timedelta(days=lead) + timedelta(hours=1)
        (one,) = _deadline_reminders(vault, limit.id, at)  # the latest warning only, not all of them
        assert one.kind == engine.DEADLINE_WARNING
        assert one.due_at == due_day - timedelta(days=lead)
        seen.append(one.key)
        assert MEMBER not in one.text
    assert len(set(seen)) == 5
    (day,) = _deadline_reminders(vault, limit.id, due_day + timedelta(hours=9))
    assert day.kind == engine.DEADLINE_DAY
    (late,) = _deadline_reminders(vault, limit.id, due_day + timedelta(days=2))
    assert late.kind == engine.DEADLINE_OVERDUE
    clock.now = due_day - timedelta(days=10)
    # The agenda looks ahead: the deadline shows once, on its own day.
    agenda = [r for r in vault.agenda(days=30) if limit.id in r.key]
    assert [(r.kind, r.due_at) for r in agenda] == [(engine.DEADLINE_DAY, due_day)]
    page = vault.agenda_page(days=30)
    assert any(limit.id in r.key for r in page.first)


def test_a_stage_done_in_time_raises_no_more_reminders(on_monday: tuple[Vault, str]) -> None:
    vault, ref = on_monday
    vault.start_procedure(ref, "acas-grievance")
    meeting = vault.record_stage_event(vault.stage(ref, "meeting").id, date(2026, 12, 7))
    assert meeting.due_on == date(2026, 12, 14)
    assert _deadline_reminders(vault, meeting.id, MONDAY + timedelta(days=6))
    vault.complete_deadline(meeting.id, date(2026, 12, 10))
    assert _deadline_reminders(vault, meeting.id, MONDAY + timedelta(days=6)) == []
    assert _deadline_reminders(vault, meeting.id, MONDAY + timedelta(days=60)) == []


def test_an_overdue_deadline_is_dismissed_only_with_a_reason(
    on_monday: tuple[Vault, str], clock: FakeClock
) -> None:
    vault, ref = on_monday
    vault.start_procedure(ref, "acas-disciplinary")
    appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 12, 7))
    with pytest.raises(UsageError, match="has not passed yet"):
        vault.set_aside_overdue(appeal.id, "member decided not to appeal")
    clock.now = MONDAY + timedelta(days=20)
    (late,) = _deadline_reminders(vault, appeal.id, clock.now)
    assert late.kind == engine.DEADLINE_OVERDUE
    for reason in ("", "   "):
        with pytest.raises(UsageError, match="only with a reason"):
            vault.dismiss_reminder(late.key, reason)
    assert _deadline_reminders(vault, appeal.id, clock.now) == [late]  # nothing was lost
    vault.set_aside_overdue(appeal.id, "member decided not to appeal")
    assert _deadline_reminders(vault, appeal.id, clock.now) == []
    assert vault.stage(ref, "appeal").overdue_reason == "member decided not to appeal"
    assert "deadline.overdue-explained" in [e.fields.action for e in vault.audit(ref)]


def test_an_extension_moves_the_deadline_later_and_says_who_agreed(on_monday: tuple[Vault, str]) -> None:
    vault, ref = on_monday
    vault.start_procedure(ref, "acas-disciplinary")
    appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 12, 7))
    with pytest.raises(UsageError, match="Say who agreed"):
        vault.extend_deadline(appeal.id, date(2026, 12, 21), " ")
    with pytest.raises(UsageError, match="later"):
        vault.extend_deadline(appeal.id, appeal.due_on, "HR")  # type: ignore[arg-type]
    extended = vault.extend_deadline(appeal.id, date(2026, 12, 21), "HR (Pat)", "by email")
    assert (extended.due_on, extended.extended_to, extended.extension_with) == (
        date(2026, 12, 21),
        date(2026, 12, 21),
        "HR (Pat)",
    )
    assert "agreed with HR (Pat)" in extended.explanation
    # Recording the event again counts afresh: an extension belongs to the old count.
    again = vault.record_stage_event(appeal.id, date(2026, 12, 8))
    assert (again.due_on, again.extended_to) == (date(2026, 12, 15), None)
    # A subject access answer can be put back by agreement; a tribunal limit cannot.
    answer = vault.add_subject_access(ref, date(2026, 12, 1))
    moved = vault.extend_deadline(answer.id, date(2027, 1, 15), "the member")
    assert moved.due_on == date(2027, 1, 15) and "agreed with the member" in moved.explanation
    tribunal = vault.add_tribunal_limit(ref, date(2026, 12, 1), "discrimination")
    with pytest.raises(UsageError, match="cannot be extended by agreement"):
        vault.extend_deadline(tribunal.id, date(2027, 6, 1), "HR")
    assert vault.deadlines(ref)[-1].due_on == tribunal.due_on


def test_a_stage_s_limit_follows_the_employer_s_policy(on_monday: tuple[Vault, str]) -> None:
    vault, ref = on_monday
    vault.start_procedure(ref, "acas-disciplinary")
    appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 12, 7))
    assert appeal.due_on == date(2026, 12, 14)
    ten_days = vault.set_stage_limit(appeal.id, 10, "calendar")
    assert (ten_days.limit_days, ten_days.unit, ten_days.due_on) == (10, "calendar", date(2026, 12, 17))
    unlimited = vault.set_stage_limit(appeal.id, None, "working")
    assert unlimited.due_on is None and unlimited.limit_days is None
    for days, unit in ((0, "working"), (400, "working"), (5, "lunar")):
        with pytest.raises(UsageError):
            vault.set_stage_limit(appeal.id, days, unit)
    tribunal = vault.add_tribunal_limit(ref, date(2026, 12, 1), "discrimination")
    with pytest.raises(UsageError, match="set by law"):
        vault.set_stage_limit(tribunal.id, 5, "working")
    assert "deadline.limit-changed" in [e.fields.action for e in vault.audit(ref)]


def test_closure_days_and_the_jurisdiction_change_the_working_day_count(on_monday: tuple[Vault, str]) -> None:
    vault, ref = on_monday
    assert vault.jurisdiction() == "england-wales"
    with pytest.raises(UsageError, match="Unknown jurisdiction"):
        vault.set_jurisdiction("wessex")
    vault.set_closure_days([date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 29)])
    assert vault.closure_days() == [date(2026, 12, 29), date(2026, 12, 30)]
    vault.start_procedure(ref, "acas-disciplinary")
    # From Tuesday 22 December: 23, 24, (25-28 holidays and a weekend), (29, 30 closed), 31, 4, 5.
    appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 12, 22))
    assert appeal.due_on == date(2027, 1, 5)
    vault.set_jurisdiction("scotland")
    second = vault.new_case("Other Member")
    vault.start_procedure(second, "acas-disciplinary")
    assert vault.procedures(second)[0].jurisdiction == "scotland"
    # Scotland also keeps 2 January: Saturday in 2027, so Monday 4 January is its substitute.
    scottish = vault.record_stage_event(vault.stage(second, "appeal").id, date(2026, 12, 22))
    assert scottish.due_on == date(2027, 1, 6)
    with pytest.raises(UsageError, match="Unknown jurisdiction"):
        vault.start_procedure(second, "acas-grievance", jurisdiction="atlantis")


def test_the_tribunal_limit_says_when_to_refer_the_case_by_the_vault_s_setting(
    on_monday: tuple[Vault, str],
) -> None:
    vault, ref = on_monday
    assert vault.refer_weeks() == 4
    first = vault.add_tribunal_limit(ref, date(2026, 1, 10), "unfair-dismissal")
    assert first.due_on == date(2026, 4, 9)
    assert "by Thursday 12 March 2026 (4 weeks before)" in first.explanation
    vault.set_refer_weeks(6)
    second = vault.add_tribunal_limit(ref, date(2026, 1, 10), "unfair-dismissal")
    assert "by Thursday 26 February 2026 (6 weeks before)" in second.explanation
    for weeks in (0, 27):
        with pytest.raises(UsageError, match="weeks before"):
            vault.set_refer_weeks(weeks)
    assert vault.refer_weeks() == 6


def test_a_subject_access_extension_is_kept_only_with_the_date_the_member_was_told(
    on_monday: tuple[Vault, str],
) -> None:
    vault, ref = on_monday
    plain = vault.add_subject_access(ref, date(2026, 1, 31))
    assert plain.due_on == date(2026, 3, 2)
    with pytest.raises(UsageError, match="date the member was told"):
        vault.add_subject_access(ref, date(2026, 1, 31), extension_months=2)
    extended = vault.add_subject_access(ref, date(2026, 1, 31), extension_months=2, told_on=date(2026, 2, 10))
    assert extended.due_on == date(2026, 4, 30)
    assert extended.inputs["told_on"] == "2026-02-10"
    late = vault.add_subject_access(ref, date(2026, 1, 31), extension_months=2, told_on=date(2026, 3, 10))
    assert late.due_on == date(2026, 3, 2)  # told too late: the earlier date
    assert "unextended date is shown" in late.explanation


def test_a_procedure_can_name_the_employer_s_policy_from_the_library(
    on_monday: tuple[Vault, str], tmp_path: Path
) -> None:
    vault, ref = on_monday
    with pytest.raises(NotFoundError, match="policy library"):
        vault.start_procedure(ref, "acas-disciplinary", policy_id="0" * 32)
    assert vault.procedures(ref) == []
    policy = tmp_path / "disciplinary-policy.txt"
    policy.write_text("Appeals within 10 working days.", encoding="utf-8")
    doc_id = vault.add_library_document(policy, title="Disciplinary policy")
    vault.start_procedure(ref, "acas-disciplinary", policy_id=doc_id.upper())
    assert vault.procedures(ref)[0].policy_id == doc_id


def test_bad_requests_are_refused_in_one_sentence_and_change_nothing(on_monday: tuple[Vault, str]) -> None:
    vault, ref = on_monday
    with pytest.raises(NotFoundError, match="no procedure yet"):
        vault.stage(ref, "appeal")
    with pytest.raises(UsageError, match="Unknown procedure template"):
        vault.start_procedure(ref, "kafka")
    vault.start_procedure(ref, "acas-disciplinary")
    with pytest.raises(NotFoundError, match="no stage 'lunch'"):
        vault.stage(ref, "lunch")
    with pytest.raises(NotFoundError, match="no such deadline"):
        vault.record_stage_event("f" * 32, date(2026, 12, 7))
    hearing = vault.stage(ref, "hearing")
    with pytest.raises(UsageError, match="cannot be removed"):
        vault.remove_deadline(hearing.id)
    with pytest.raises(UsageError, match="longer than 2000 characters"):
        vault.complete_deadline(hearing.id, date(2026, 12, 7), "x" * 2001)
    for typed in ("ok\x1b]0;title\x07", "line one\nline two"):
        with pytest.raises(UsageError, match="contains control characters"):
            vault.complete_deadline(hearing.id, date(2026, 12, 7), typed)
    with pytest.raises(UsageError, match="Dates from"):
        vault.add_tribunal_limit(ref, date(1899, 1, 1), "unfair-dismissal")
    assert len(vault.deadlines(ref)) == 8
    assert all(d.done_on is None and d.due_on is None for d in vault.deadlines(ref))


def test_a_removed_deadline_stops_its_reminders_and_is_logged(on_monday: tuple[Vault, str]) -> None:
    vault, ref = on_monday
    limit = vault.add_subject_access(ref, date(2026, 12, 1))
    assert _deadline_reminders(vault, limit.id, datetime(2026, 12, 31, 12, tzinfo=UTC))
    vault.remove_deadline(limit.id)
    assert vault.deadlines(ref) == []
    assert _deadline_reminders(vault, limit.id, datetime(2026, 12, 31, 12, tzinfo=UTC)) == []
    assert "deadline.removed" in [e.fields.action for e in vault.audit(ref)]


def test_deadlines_and_their_reminders_survive_closing_and_reopening(
    vault_paths: VaultPaths, vault: Vault, clock: FakeClock
) -> None:
    clock.now = MONDAY
    ref = vault.new_case(MEMBER)
    limit = vault.add_tribunal_limit(ref, date(2026, 12, 7), "unfair-dismissal")
    vault.set_deadline_leads((10, 3))
    vault.close()
    again = reopen(vault_paths, clock=clock)
    try:
        assert again.deadlines(ref) == [limit]
        assert again.deadline_leads() == (10, 3)
        due_day = datetime(2027, 3, 6, tzinfo=UTC)
        assert _deadline_reminders(again, limit.id, due_day - timedelta(days=11)) == []
        (warning,) = _deadline_reminders(again, limit.id, due_day - timedelta(days=9))
        assert warning.due_at == due_day - timedelta(days=10)
        with pytest.raises(UsageError, match="Lead times"):
            again.set_deadline_leads((0,))
        again.close_case(ref, retain_days=30)
        assert _deadline_reminders(again, limit.id, due_day - timedelta(days=9)) == []  # closed case
    finally:
        again.close()


def test_the_calendar_export_holds_references_and_kinds_never_names(
    on_monday: tuple[Vault, str], tmp_path: Path
) -> None:
    vault, ref = on_monday
    vault.add_tribunal_limit(ref, date(2026, 12, 7), "unfair-dismissal")
    vault.add_case_date(ref, "hearing", datetime(2026, 12, 15, 10, tzinfo=UTC), "Room 4 with Quarrington")
    target = tmp_path / "deadlines.ics"
    assert vault.export_calendar(target) == 2
    text = target.read_text(encoding="utf-8")
    assert ref in text and "tribunal time limit" in text and "hearing" in text
    assert "Quarrington" not in text and "Wilhelmina" not in text and "Room 4" not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert vault.audit()[-1].fields.action == "calendar.exported"


def test_a_purged_case_leaves_no_procedure_or_deadline_behind(on_monday: tuple[Vault, str]) -> None:
    vault, ref = on_monday
    vault.start_procedure(ref, "acas-disciplinary")
    appeal = vault.record_stage_event(vault.stage(ref, "appeal").id, date(2026, 12, 7))
    vault.extend_deadline(appeal.id, date(2026, 12, 21), "Pat Quarrington-Lee in HR")
    vault.add_tribunal_limit(ref, date(2026, 12, 7), "unfair-dismissal")
    vault.close_case(ref, retain_days=0)
    vault.purge_case(ref)
    db = vault.session.db
    assert db.scalar("SELECT count(*) FROM deadlines") == 0
    assert db.scalar("SELECT count(*) FROM procedures") == 0


def test_a_case_s_counts_follow_its_procedure_s_jurisdiction(on_monday: tuple[Vault, str]) -> None:
    vault, ref = on_monday
    assert vault.case_jurisdiction(ref) == "england-wales"  # no procedure yet: the vault's
    vault.start_procedure(ref, "acas-grievance", jurisdiction="northern-ireland")
    assert vault.case_jurisdiction(ref) == "northern-ireland"
    limit = vault.add_tribunal_limit(ref, date(2026, 12, 1), "unfair-dismissal")
    assert limit.rule == "tribunal.unfair-dismissal.ni"
    # Scotland named for one count only: the case's own jurisdiction stays.
    answer = vault.add_subject_access(ref, date(2026, 12, 1), jurisdiction="scotland")
    assert answer.inputs["jurisdiction"] == "scotland"
    assert vault.case_jurisdiction(ref) == "northern-ireland"
