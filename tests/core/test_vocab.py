"""The fixed vocabularies: what core.model re-exports is the same, and every word is distinct."""

from __future__ import annotations

import pytest

from casevault.core import model, vocab

NAMES = (
    "EVENT_KINDS",
    "CONTACT_TERMS",
    "PARTY_ROLES",
    "CONSENT_SCOPES",
    "CONFLICT_DECISIONS",
    "CASE_DATE_KINDS",
    "CASE_STATUSES",
    "ESCALATION_HOW",
    "LETTER_ENTRY_KINDS",
)


@pytest.mark.parametrize("name", NAMES)
def test_model_re_exports_each_vocabulary(name: str) -> None:
    words = getattr(vocab, name)
    assert getattr(model, name) is words
    assert isinstance(words, tuple) and words
    assert len(set(words)) == len(words)
    assert all(isinstance(w, str) and w == w.strip().lower() for w in words)


def test_every_vocabulary_is_named_here() -> None:
    assert {n for n in dir(vocab) if n.isupper()} == set(NAMES)
