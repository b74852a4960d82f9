"""The guide's rules about people in a case: what a conflict-check decision records, which consent
a kind of sharing needs, and the wording of escalation records.

Pure: no Qt, no SQL, no I/O. Times are passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from casevault.casework.conflicts import Match
from casevault.core import vocab
from casevault.core.i18n import QT_TRANSLATE_NOOP
from casevault.core.vocab import CONFLICT_DECISIONS, CONTACT_TERMS, PARTY_ROLES

# The reps' guide, "Being a rep": shown with the matches of a conflict check.
CONFLICT_ADVICE = QT_TRANSLATE_NOOP(
    "casework",
    "Be conscious of, and avoid, conflicting interests. If a member seeks help about another "
    "member, or another non-union employee, reflect on whether you, or UCU, may have any "
    "conflicting interests. If you think you may have, it will usually require you, or UCU, to "
    "step aside from advising the member.",
)

# The reps' guide, on 'off the record' and 'without prejudice' conversations with management.
CONTACT_TERMS_ADVICE = QT_TRANSLATE_NOOP(
    "casework",
    "If you are asked by management to have an 'off the record' or 'without prejudice' "
    "conversation, make sure that you tell the member beforehand and obtain their agreement.",
)

# The roles a conflict check can be run for: the member of a new case, or a party.
CHECKED_ROLES = ("member", *PARTY_ROLES)

DECISION_LABELS = {
    "no-conflict": QT_TRANSLATE_NOOP("casework", "No conflict"),
    "step-aside": QT_TRANSLATE_NOOP("casework", "Step aside"),
    "refer-on": QT_TRANSLATE_NOOP("casework", "Refer on"),
}
ROLE_LABELS = {
    "member": QT_TRANSLATE_NOOP("casework", "member"),
    "manager": QT_TRANSLATE_NOOP("casework", "manager"),
    "witness": QT_TRANSLATE_NOOP("casework", "witness"),
    "colleague": QT_TRANSLATE_NOOP("casework", "colleague"),
    "complainant": QT_TRANSLATE_NOOP("casework", "complainant"),
    "respondent": QT_TRANSLATE_NOOP("casework", "respondent"),
    "other": QT_TRANSLATE_NOOP("casework", "other"),
}
SCOPE_LABELS = {
    "keep-data": QT_TRANSLATE_NOOP("casework", "Keep the member's data"),
    "share-reps": QT_TRANSLATE_NOOP("casework", "Share with other reps"),
    "share-regional-office": QT_TRANSLATE_NOOP("casework", "Share with the regional office"),
    "off-the-record": QT_TRANSLATE_NOOP("casework", "'Off the record' conversation"),
    "without-prejudice": QT_TRANSLATE_NOOP("casework", "'Without prejudice' conversation"),
}

# How an escalation was made.
ESCALATION_HOW: tuple[str, ...] = vocab.ESCALATION_HOW
HOW_LABELS = {
    "meeting": QT_TRANSLATE_NOOP("casework", "Meeting"),
    "phone": QT_TRANSLATE_NOOP("casework", "Phone"),
    "email": QT_TRANSLATE_NOOP("casework", "Email"),
    "other": QT_TRANSLATE_NOOP("casework", "Other"),
}

# Who a case may be shared with, and the consent that needs.
SHARING_SCOPES = {"reps": "share-reps", "regional-office": "share-regional-office"}
_SHARING_WHO = {"reps": "other reps", "regional-office": "the regional office"}

# Management-contact terms that need the member's agreement beforehand (a consent of that scope).
TERMS_NEEDING_CONSENT = tuple(t for t in CONTACT_TERMS if t)

_DECISION_TEXT = {
    "no-conflict": "no conflict",
    "step-aside": "step aside",
    "refer-on": "refer on",
}


def conflict_check_body(decision: str, checked_role: str, matches: Sequence[Match]) -> str:
    """The paper-trail text of a conflict check: the decision, the role checked and the matching
    cases by reference and role. Never a name: the matches carry none."""
    if decision not in CONFLICT_DECISIONS:
        raise ValueError(f"A conflict decision is one of: {', '.join(CONFLICT_DECISIONS)}.")
    if checked_role not in CHECKED_ROLES:
        raise ValueError(f"The role checked is one of: {', '.join(CHECKED_ROLES)}.")
    if not matches:
        return (
            f"Conflict-of-interest check for the {checked_role}: no match in other cases. "
            "Decision: no conflict."
        )
    listed = ", ".join(f"{m.ref} ({m.role})" for m in matches)
    return (
        f"Conflict-of-interest check for the {checked_role}: possible matches in {listed}. "
        f"Decision: {_DECISION_TEXT[decision]}."
    )


def sharing_problem(recipient: str, latest_withdrawn: datetime | None, in_force: bool) -> str | None:
    """One sentence when sharing with `recipient` lacks the member's consent, else None."""
    who = _SHARING_WHO[recipient]
    if in_force:
        return None
    if latest_withdrawn is not None:
        return (
            f"The member withdrew their consent to sharing this case with {who} on "
            f"{latest_withdrawn.date().isoformat()}; record new consent before sharing."
        )
    return (
        f"No consent from the member to sharing this case with {who} is recorded; record it before sharing."
    )


def escalation_body(
    escalated_to: str, escalated_at: datetime, how: str, regional_office_notified: bool
) -> str:
    notified = "notified" if regional_office_notified else "not notified"
    return (
        f"Escalated to {escalated_to} on {escalated_at.date().isoformat()} by {how}; "
        f"regional office {notified}."
    )


def closed_without_escalation_body(reason: str) -> str:
    return f"Closed without escalation (escalation was prompted at the first meeting). Reason: {reason}"


def check_given_at(given_at: datetime, now: datetime) -> None:
    """Consent is recorded when given, not ahead of time: a date in the future is a mistake."""
    if given_at.tzinfo is None:
        raise ValueError("A consent date needs a time with its time zone.")
    if given_at > now:
        raise ValueError("Consent cannot be recorded as given in the future.")


def employer_domains(text: str) -> list[str]:
    """The employer's email domains as typed: separated by commas, semicolons or spaces, each
    without a leading "@" and in lower case; duplicates dropped, order kept."""
    seen: list[str] = []
    for part in text.replace(",", " ").replace(";", " ").split():
        domain = part.strip().lstrip("@").rstrip(".").lower()
        if domain and domain not in seen:
            seen.append(domain)
    return seen
