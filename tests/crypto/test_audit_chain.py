"""The audit chain's MAC: a known answer, and one computed from the format as ARCHITECTURE.md
describes it (HMAC-SHA256 over the previous MAC and a compact JSON array of the fields)."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from casevault.crypto.audit_chain import GENESIS, Entry, Fields, calculation_digest, mac_for, verify

KEY = bytes(range(32))
FIRST = Fields(1, "2026-03-14T09:30:00.000000Z", "case.created", "CV-2026-0001", "")


def test_known_answer() -> None:
    assert mac_for(KEY, GENESIS, FIRST).hex() == (
        "69ded984ff97951f69f70892753bf30e6b15ccfb8ed321bc54eaa3af1a55ec1e"
    )


def test_the_format_as_documented() -> None:
    message = GENESIS + b'[1,"2026-03-14T09:30:00.000000Z","case.created","CV-2026-0001",""]'
    assert mac_for(KEY, GENESIS, FIRST) == hmac.new(KEY, message, hashlib.sha256).digest()


def chain(n: int, key: bytes = KEY) -> list[Entry]:
    out, prev = [], GENESIS
    for seq in range(1, n + 1):
        fields = Fields(
            seq, f"2026-03-14T09:{seq:02d}:00.000000Z", "document.viewed", "CV-2026-0001", f"f{seq}"
        )
        prev = mac_for(key, prev, fields)
        out.append(Entry(fields, prev))
    return out


def test_a_whole_chain_verifies_and_any_change_is_caught() -> None:
    entries = chain(5)
    assert verify(KEY, entries) == []
    assert verify(KEY, []) == []
    edited = [
        *entries[:2],
        Entry(Fields(3, entries[2].fields.at, "case.deleted", "CV-2026-0001", "f3"), entries[2].mac),
        *entries[3:],
    ]
    assert "entry 3 was changed" in verify(KEY, edited)[0]
    removed = entries[:2] + entries[3:]
    assert "entry 4 is where entry 3 should be" in verify(KEY, removed)[0]
    swapped = [entries[0], entries[2], entries[1], *entries[3:]]
    assert "entry 3 is where entry 2 should be" in verify(KEY, swapped)[0]
    renumbered = [
        Entry(Fields(i + 1, e.fields.at, e.fields.action, e.fields.ref, e.fields.subject), e.mac)
        for i, e in enumerate(removed)
    ]
    assert "was changed" in verify(KEY, renumbered)[0]
    assert verify(bytes(32), entries) != []  # a chain made with another key does not verify


def test_bad_key_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        mac_for(b"short", GENESIS, FIRST)


# A deadline calculation as the audit log names it (issue 16): key 00..1f, and the expected value
# computed outside Python with
#   printf 'casevault/v1/deadline\x00{"extended_to":null,...}' |
#     openssl dgst -sha256 -mac HMAC -macopt hexkey:000102...1f
# whose first 32 hex digits are these.
CALCULATION: dict[str, object] = {
    "rule": "tribunal.unfair-dismissal",
    "rule_version": 1,
    "inputs": {"event": "2026-01-10"},
    "result": "2026-04-09",
    "extended_to": None,
}
CALCULATION_DIGEST = "264d6456333da03cd359b0c0f5a4bdbf"


def test_a_calculation_digest_matches_its_known_answer_whatever_the_key_order() -> None:
    key = bytes(range(32))
    assert calculation_digest(key, CALCULATION) == CALCULATION_DIGEST
    assert calculation_digest(key, dict(reversed(list(CALCULATION.items())))) == CALCULATION_DIGEST


def test_a_calculation_digest_changes_with_every_field_and_the_key() -> None:
    key = bytes(range(32))
    for field, other in (
        ("rule", "tribunal.discrimination"),
        ("rule_version", 2),
        ("inputs", {"event": "2026-01-11"}),
        ("result", "2026-04-10"),
        ("extended_to", "2026-05-01"),
    ):
        assert calculation_digest(key, {**CALCULATION, field: other}) != CALCULATION_DIGEST, field
    assert calculation_digest(bytes(32), CALCULATION) != CALCULATION_DIGEST
