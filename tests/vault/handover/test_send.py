"""Handing a case over between two real vaults (issue 6): round trip, refusals, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casevault.core.errors import ConsentMissingError, DamagedError, UsageError
from casevault.core.paths import VaultPaths
from casevault.formats import bundle
from casevault.store import cases as case_rows
from casevault.store import handover as handover_rows
from casevault.store import originals as original_rows
from casevault.vault.facade import Vault
from casevault.vault.handover.send import hash_documents
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock, reopen
from tests.support import vault_keys
from tests.support.handover_cases import DOCS, blob_files, full_case


@pytest.fixture
def other(tmp_path: Path, clock: FakeClock) -> Iterator[Vault]:
    v = Vault.create(
        VaultPaths(tmp_path / "other"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock
    )
    yield v
    v.close()


def strip(detail_records: list[object]) -> list[object]:
    return detail_records


def test_round_trip_every_record_and_document(vault: Vault, other: Vault, tmp_path: Path) -> None:
    ref = full_case(vault)
    out = tmp_path / "case.age"
    seen: list[int] = []
    vault.hand_over(ref, other.identity_public_key(), out, progress=seen.append)
    assert out.stat().st_mode & 0o777 == 0o600
    assert seen and seen[-1] == 2 * sum(len(d) for d in DOCS.values())
    assert b"M\xc3\xbcller" not in out.read_bytes() and b"Agreed story" not in out.read_bytes()
    assert [e.fields.action for e in vault.audit(ref)][-1] == "case.handed-over"
    assert len(vault.handovers(ref)) == 1

    new_ref = other.receive_case(out)
    a, b = vault.case(ref), other.case(new_ref)
    assert b.member.name == a.member.name and b.member.email == a.member.email
    assert b.summary.case_type == "disciplinary"
    assert b.first_meeting.issues == a.first_meeting.issues
    assert b.first_meeting.narrative == a.first_meeting.narrative
    assert b.first_meeting.held_at == a.first_meeting.held_at
    assert b.first_meeting.dismissal_threatened
    strip_ids = lambda xs: [x.__class__(**{**x.__dict__, "id": ""}) for x in xs]  # noqa: E731
    assert strip_ids(other.action_points(new_ref)) == strip_ids(vault.action_points(ref))
    assert strip_ids(other.case_dates(new_ref)) == strip_ids(vault.case_dates(ref))
    assert strip_ids(other.parties(new_ref)) == strip_ids(vault.parties(ref))
    assert strip_ids(other.consents(new_ref)) == strip_ids(vault.consents(ref))
    assert strip_ids(other.originals(new_ref)) == strip_ids(vault.originals(ref))
    # The casework clock: procedures and deadlines under new ids, still linked, still counted.
    (pa,), (pb,) = vault.procedures(ref), other.procedures(new_ref)
    assert (pb.template_id, pb.template_version, pb.jurisdiction, pb.started_at) == (
        pa.template_id,
        pa.template_version,
        pa.jurisdiction,
        pa.started_at,
    )
    unlinked = lambda xs: [x.__class__(**{**x.__dict__, "id": "", "procedure_id": None}) for x in xs]  # noqa: E731
    assert unlinked(other.deadlines(new_ref)) == unlinked(vault.deadlines(ref))
    assert {d.procedure_id for d in other.deadlines(new_ref) if d.kind == "stage"} == {pb.id}
    ea, eb = vault.escalations(ref)[0], other.escalations(new_ref)[0]
    assert (ea.escalated_to, ea.escalated_at, ea.how) == (eb.escalated_to, eb.escalated_at, eb.how)
    # Paper trail: every entry with its original dates and every version; plus the receiving note.
    received = [e for e in b.events if e.body.startswith("Received by handover from")]
    assert len(received) == 1 and ref in received[0].body
    assert vault.signing_fingerprint() in received[0].body  # the signer, not what the manifest claims
    rest = [e for e in b.events if e not in received]
    assert [(e.kind, e.occurred_at, e.recorded_at, e.body) for e in rest] == [
        (e.kind, e.occurred_at, e.recorded_at, e.body) for e in a.events
    ]
    for ea_, eb_ in zip(a.events, rest, strict=True):
        va = [(v.version, v.body, v.recorded_at) for v in vault.note_versions(ea_.id)]
        vb = [(v.version, v.body, v.recorded_at) for v in other.note_versions(eb_.id)]
        assert va == vb
    assert eb.event_id in {e.id for e in rest}
    # Documents bit for bit.
    got = {att.name: other.read_attachment(att.id) for att in b.attachments}
    assert got == DOCS
    # Fresh case keys, and the receiver's vault checks clean.
    ka = case_rows.wrapped_case_key(vault.db, a.summary.id)
    kb = case_rows.wrapped_case_key(other.db, b.summary.id)
    assert ka is not None and kb is not None
    key_a = vault_keys.case_key(vault.paths, a.summary.id, ka)
    assert vault_keys.case_key(other.paths, b.summary.id, kb) != key_a
    assert ka != kb and a.summary.id != b.summary.id
    assert "case.received" in [e.fields.action for e in other.audit(new_ref)]
    assert other.check() == []
    assert vault.check() == []


def _refused(other: Vault, path: Path, sentence: str | None = None) -> None:
    before = (other.count_cases(), blob_files(other), set(other.paths.cases_dir.iterdir()))
    with pytest.raises(DamagedError) as err:
        other.receive_case(path)
    assert "\n" not in err.value.message and err.value.message.endswith(".")
    if sentence:
        assert err.value.message == sentence
    assert (other.count_cases(), blob_files(other), set(other.paths.cases_dir.iterdir())) == before
    assert other.check() == []


def test_damaged_truncated_and_wrong_key_bundles_import_nothing(
    vault: Vault, other: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    ref = full_case(vault)
    out = tmp_path / "case.age"
    vault.hand_over(ref, other.identity_public_key(), out)
    data = out.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    (tmp_path / "flip.age").write_bytes(bytes(flipped))
    _refused(other, tmp_path / "flip.age", bundle.DAMAGED)
    (tmp_path / "cut.age").write_bytes(data[: len(data) - 100])
    _refused(other, tmp_path / "cut.age", bundle.DAMAGED)
    third = Vault.create(
        VaultPaths(tmp_path / "third"), PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock
    )
    with third:
        _refused(third, out, bundle.WRONG_KEY)
    (tmp_path / "junk.age").write_bytes(b"not an age file at all")
    _refused(other, tmp_path / "junk.age")


def test_manifest_hash_mismatch_imports_nothing(vault: Vault, other: Vault, tmp_path: Path) -> None:
    ref = full_case(vault)
    prepared = vault.prepare_handover(ref, other.identity_public_key(), tmp_path / "bad.age")
    hash_documents(prepared)
    prepared.manifest["documents"][0]["sha256"] = "0" * 64  # a sender that lies about a document
    prepared.write()
    _refused(other, tmp_path / "bad.age")


def test_failure_midway_rolls_back(
    vault: Vault, other: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = full_case(vault)
    out = tmp_path / "case.age"
    vault.hand_over(ref, other.identity_public_key(), out)

    def boom(*_a: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(original_rows, "insert", boom)
    before = (other.count_cases(), blob_files(other), set(other.paths.cases_dir.iterdir()))
    with pytest.raises(RuntimeError):
        other.receive_case(out)
    assert (other.count_cases(), blob_files(other), set(other.paths.cases_dir.iterdir())) == before
    assert other.check() == []


def test_a_receive_killed_after_writing_documents_is_undone_at_the_next_open(
    vault: Vault, tmp_path: Path, clock: FakeClock
) -> None:
    """The documents are encrypted into the new case's folder before its rows are written; a
    process that dies in between leaves a folder no case owns, which the next open removes."""
    ref = full_case(vault)
    receiver_paths = VaultPaths(tmp_path / "receiver")
    receiver = Vault.create(receiver_paths, PASSPHRASE, keychain=None, kdf_params=FAST_KDF, clock=clock)
    out = tmp_path / "case.age"
    vault.hand_over(ref, receiver.identity_public_key(), out)
    prepared = receiver.prepare_receive(out)
    prepared.verify()
    prepared.write_blobs()
    assert blob_files(receiver)  # the documents are on disk, the rows are not
    receiver.close()  # the process dies here: finish_receive never runs

    again = reopen(receiver_paths, clock=clock)
    try:
        assert blob_files(again) == set()
        assert not receiver_paths.case_dir(prepared.case_id).exists()
        assert again.count_cases() == 0
        assert again.check() == []
        assert again.receive_case(out)  # and the bundle still imports
        assert again.check() == []
    finally:
        again.close()


def test_missing_consent_and_bad_key_refuse_and_write_nothing(
    vault: Vault, other: Vault, tmp_path: Path
) -> None:
    ref = full_case(vault, consent=False)
    out = tmp_path / "case.age"
    with pytest.raises(ConsentMissingError) as err:
        vault.hand_over(ref, other.identity_public_key(), out)
    assert err.value.message == vault.sharing_consent_problem(ref, "reps")
    assert list(tmp_path.glob("case.age*")) == [] and list(tmp_path.glob(".case.age*")) == []
    vault.give_consent(ref, "share-reps")
    with pytest.raises(UsageError, match="handover key"):
        vault.hand_over(ref, "age1notakey", out)
    out.write_bytes(b"keep me")
    with pytest.raises(UsageError, match="already exists"):
        vault.hand_over(ref, other.identity_public_key(), out)
    assert out.read_bytes() == b"keep me"
    assert vault.handovers(ref) == []


def test_identity_is_stable_and_never_in_plaintext(vault: Vault, tmp_path: Path) -> None:
    key = vault.identity_public_key()
    assert key.startswith("age1") and vault.identity_public_key() == key
    secret = handover_rows.identity(vault.db)  # the age secret, as it is kept in the database
    assert secret is not None and secret.startswith("AGE-SECRET-KEY-1")
    assert bundle.public_key(secret) == key
    vault.close()
    reopened = Vault.open(vault.paths, keychain=None, ask_passphrase=lambda _r: PASSPHRASE)
    with reopened:
        assert reopened.identity_public_key() == key
    needles = [secret.encode(), secret.lower().encode(), secret.split("1", 1)[1].encode()]
    for path in vault.paths.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(n in data for n in needles), path.name
