"""The fixed vocabularies of records: kinds, roles, scopes and statuses (re-exported by
core.model). Plain tuples, so that what only needs a word list, such as the CLI's parser, loads
nothing more."""

from __future__ import annotations

from typing import Final

# "advice" is advice given orally (in person or by phone); "advice-written" confirms advice in
# writing, and "escalation" records that the case was escalated (the guide asks for both).
# "conflict-check" records the rep's decision after a conflict-of-interest check; "email" is a
# message imported from an .eml file (the message itself is kept as an encrypted document).
EVENT_KINDS: Final = (
    "note",
    "meeting",
    "advice",
    "advice-written",
    "call",
    "management",
    "escalation",
    "conflict-check",
    "email",
)
# The terms of a management contact; either needs the member's consent of the same scope.
CONTACT_TERMS: Final = ("", "off-the-record", "without-prejudice")
PARTY_ROLES: Final = ("manager", "witness", "colleague", "complainant", "respondent", "other")
CONSENT_SCOPES: Final = (
    "keep-data",
    "share-reps",
    "share-regional-office",
    "off-the-record",
    "without-prejudice",
)
CONFLICT_DECISIONS: Final = ("no-conflict", "step-aside", "refer-on")
CASE_DATE_KINDS: Final = ("hearing", "meeting")
CASE_STATUSES: Final = ("open", "closed")
# How an escalation was made (casework/people.py labels them).
ESCALATION_HOW: Final = ("meeting", "phone", "email", "other")
# The paper-trail kinds a filed letter may be recorded as (casework/letters.py).
LETTER_ENTRY_KINDS: Final = ("note", "advice-written")
