"""The audit log's hash chain: each entry's MAC covers the previous entry's MAC and its own fields.

MAC = HMAC-SHA256(K_audit, prev_mac || canonical(seq, at, action, ref, subject)), where K_audit is
HKDF(VMK, "casevault/v1/audit") and the first entry's prev_mac is 32 zero bytes. Sequence numbers
start at 1 and must be contiguous, so editing any field, deleting an entry or reordering entries
breaks verification from that point on; the key means nobody without the vault's master key can
recompute a chain that verifies. (Cutting entries off the end of the log leaves a shorter chain
that still verifies: that needs an anchor outside the database, which casevault does not have.)
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = bytes(32)


@dataclass(frozen=True)
class Fields:
    seq: int
    at: str  # UTC, as stored
    action: str
    ref: str
    subject: str  # an id (attachment, action point), never content

    def canonical(self) -> bytes:
        values = [self.seq, self.at, self.action, self.ref, self.subject]
        return json.dumps(values, ensure_ascii=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Entry:
    fields: Fields
    mac: bytes


def mac_for(key: bytes, prev_mac: bytes, fields: Fields) -> bytes:
    if len(key) != 32 or len(prev_mac) != 32:
        raise ValueError("the audit key and the previous MAC are 32 bytes each")
    return hmac.new(key, prev_mac + fields.canonical(), hashlib.sha256).digest()


def verify(key: bytes, entries: Iterable[Entry]) -> list[str]:
    """Problems with the chain, one sentence each (empty when it verifies), in log order."""
    problems: list[str] = []
    prev, expected_seq = GENESIS, 1
    for entry in entries:
        seq = entry.fields.seq
        if seq != expected_seq:
            problems.append(
                f"audit log: entry {seq} is where entry {expected_seq} should be "
                "(an entry was removed or the order changed)"
            )
            return problems
        if not hmac.compare_digest(mac_for(key, prev, entry.fields), entry.mac):
            problems.append(f"audit log: entry {seq} was changed or does not belong to this chain")
            return problems
        prev, expected_seq = entry.mac, expected_seq + 1
    return problems


def calculation_digest(key: bytes, calculation: dict[str, object]) -> str:
    """A short keyed digest of a deadline calculation (rule, version, inputs, result), for the
    audit log: the log holds ids, never content, so it names the calculation by this digest and
    the deadline's own row holds the dates; the two can be checked against each other later."""
    canonical = json.dumps(calculation, ensure_ascii=True, separators=(",", ":"), sort_keys=True).encode()
    return hmac.new(key, b"casevault/v1/deadline\x00" + canonical, hashlib.sha256).hexdigest()[:32]
