"""Vault API: cryptographic erase of a case, and finishing what a crash interrupted."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from casevault.core.clock import new_id
from casevault.core.errors import NotFoundError, UsageError
from casevault.core.paths import VaultPaths
from casevault.store import cases as case_rows
from casevault.store import files as file_rows
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen
from tests.support import vault_keys

NAME = "Quetzalcoatl Wibblesworth"
EMAIL = "quetzal@home.example"
NOTE = "Xylophonic grievance about the night rota"
FILE_NAME = "zebrafinch-sick-note.pdf"
KEEPER = "Keeper Personname"

PAGE = 4096
RESERVE = 80  # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC-SHA512 at the end of each page


def decrypted_pages(db_file: Path, db_key: bytes) -> bytes:
    """Every page of a SQLCipher 4 file decrypted with the raw key, free pages included: what an
    attacker holding the key (or a later key compromise) would see."""
    raw = db_file.read_bytes()
    assert len(raw) % PAGE == 0
    out = []
    for start in range(0, len(raw), PAGE):
        page = raw[start : start + PAGE]
        body = page[16 if start == 0 else 0 : PAGE - RESERVE]  # page 1 begins with the salt
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(db_key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(body) + decryptor.finalize())
    return b"".join(out)


def db_key(vault: Vault) -> bytes:
    return vault_keys.db_key(vault.paths)  # from the passphrase slot, as an attacker with it would


def count(vault: Vault, sql: str, *params: object) -> int:
    return int(vault.db.scalar(sql, params))


def make_case(vault: Vault, clock: FakeClock) -> tuple[str, str, str]:
    """A closed case with a note and an attachment; returns (ref, case id, file id)."""
    ref = vault.new_case(NAME, case_type="disciplinary", email=EMAIL)
    vault.add_note(ref, NOTE, kind="meeting")
    file_id = vault.attach_stream(ref, FILE_NAME, io.BytesIO(b"%PDF-1.7 " + os.urandom(5000)))
    clock.advance(days=2)
    vault.close_case(ref, retain_days=30)
    clock.advance(days=30)
    return ref, vault.attachment(file_id).case_id, file_id


# ---- purge ------------------------------------------------------------------------------


def test_purge_refuses_an_open_case(vault: Vault) -> None:
    ref = vault.new_case(NAME)
    file_id = vault.attach_stream(ref, FILE_NAME, io.BytesIO(b"x"))
    with pytest.raises(UsageError, match="still open") as caught:
        vault.purge_case(ref)
    assert caught.value.exit_code == 2
    assert NAME not in caught.value.message
    assert vault.case(ref).member.name == NAME
    assert vault.read_attachment(file_id) == b"x"
    assert vault.deletions() == []


def test_purge_of_a_reopened_case_is_refused(vault: Vault) -> None:
    ref = vault.new_case(NAME)
    vault.close_case(ref, retain_days=0)
    vault.reopen_case(ref)
    with pytest.raises(UsageError):
        vault.purge_case(ref)


def test_purge_erases_every_trace(vault: Vault, clock: FakeClock) -> None:
    keeper = vault.new_case(KEEPER)
    keeper_file = vault.attach_stream(keeper, "keeper.txt", io.BytesIO(b"keep me"))
    ref, case_id, file_id = make_case(vault, clock)
    member_id = vault.case(ref).member.id
    case_dir = vault.paths.cases_dir / case_id
    assert case_dir.is_dir()
    opened = vault.case(ref).summary.opened_at
    closed = vault.case(ref).summary.closed_at

    record = vault.purge_case(ref)

    # The case and everything hanging off it is gone from the database.
    assert case_rows.case_id_for_ref(vault.db, ref) is None
    assert case_rows.get_summary(vault.db, case_id) is None
    assert case_rows.wrapped_case_key(vault.db, case_id) is None
    assert count(vault, "SELECT count(*) FROM members WHERE id = ?", member_id) == 0
    assert count(vault, "SELECT count(*) FROM events WHERE case_id = ?", case_id) == 0
    assert count(vault, "SELECT count(*) FROM attachments WHERE case_id = ?", case_id) == 0
    assert file_rows.get(vault.db, file_id) is None
    assert count(vault, "SELECT count(*) FROM search_docs WHERE case_id = ?", case_id) == 0
    assert count(vault, "SELECT count(*) FROM search_index") == count(
        vault, "SELECT count(*) FROM search_docs"
    )
    for query in ("quetzalcoatl", "wibbles", "xylophonic", "zebrafinch", "rota"):
        assert vault.search(query) == [], query
    with pytest.raises(NotFoundError):
        vault.case(ref)
    with pytest.raises(NotFoundError):
        vault.read_attachment(file_id)
    # Its folder is gone; the other case is untouched.
    assert not case_dir.exists()
    assert vault.read_attachment(keeper_file) == b"keep me"
    assert [c.ref for c in vault.list_cases()] == [keeper]

    # The deletion record: reference, type and dates only.
    assert (record.ref, record.case_type, record.opened_at, record.closed_at, record.deleted_at) == (
        ref,
        "disciplinary",
        opened,
        closed,
        clock.now,
    )
    assert vault.deletions() == [record]
    rows = vault.db.query("SELECT * FROM deletions")
    assert len(rows) == 1
    flat = " ".join(str(v) for v in rows[0])
    for secret in (NAME, "Quetzalcoatl", "Wibblesworth", EMAIL, NOTE, FILE_NAME, member_id, file_id):
        assert secret not in flat
    assert vault.check() == []


def test_wal_is_empty_right_after_purge(vault: Vault, clock: FakeClock) -> None:
    ref, _, _ = make_case(vault, clock)
    wal = vault.paths.root / "vault.db-wal"
    assert wal.stat().st_size > 0
    vault.purge_case(ref)
    assert wal.exists()
    assert wal.stat().st_size == 0


def test_purged_text_is_not_left_in_free_pages(vault: Vault, clock: FakeClock) -> None:
    """secure_delete and FTS5 secure-delete zero what was removed: even with the database key,
    the member's name, note and file name are not recoverable from the file."""
    vault.new_case(KEEPER)
    ref, _, _ = make_case(vault, clock)
    key = db_key(vault)
    vault.db.checkpoint_truncate()
    before = decrypted_pages(vault.paths.db_file, key)
    secrets_ = [
        b"Quetzalcoatl",
        b"quetzalcoatl",
        b"Wibblesworth",
        b"quetzal@home",
        b"Xylophonic",
        b"zebrafinch",
    ]
    for secret in secrets_:
        if secret != b"quetzalcoatl":  # the FTS index stores folded terms
            assert secret in before or secret.lower() in before, secret  # the decryption works
    vault.purge_case(ref)
    after = decrypted_pages(vault.paths.db_file, key)
    for secret in secrets_:
        assert secret not in after, secret
        assert secret.lower() not in after, secret
    assert b"Keeper" in after  # the positive control: live data is still readable this way


def test_purge_twice_is_not_found(vault: Vault, clock: FakeClock) -> None:
    ref, _, _ = make_case(vault, clock)
    vault.purge_case(ref)
    with pytest.raises(NotFoundError):
        vault.purge_case(ref)
    assert len(vault.deletions()) == 1


def test_reopen_after_purge(vault: Vault, vault_paths: VaultPaths, clock: FakeClock) -> None:
    ref, case_id, _ = make_case(vault, clock)
    other = vault.new_case(KEEPER)
    vault.purge_case(ref)
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert [c.ref for c in again.list_cases()] == [other]
        assert [d.ref for d in again.deletions()] == [ref]
        assert not (vault_paths.cases_dir / case_id).exists()
        assert again.check() == []
        # References are never reused.
        assert again.new_case("New") == "CV-2026-0003"


def test_purge_a_case_without_attachments(vault: Vault, clock: FakeClock) -> None:
    ref = vault.new_case(NAME)
    vault.close_case(ref, retain_days=0)
    record = vault.purge_case(ref)
    assert record.ref == ref
    assert vault.count_cases() == 0
    assert list(vault.paths.cases_dir.iterdir()) == []


def test_purge_before_the_archive_period_ends_is_allowed(vault: Vault, clock: FakeClock) -> None:
    """Purging is the rep's confirmed decision; the reminder only says when it is due."""
    ref = vault.new_case(NAME)
    vault.close_case(ref, retain_days=365)
    assert vault.reminders() == []
    vault.purge_case(ref)
    assert vault.count_cases() == 0


def test_purge_removes_the_reminder(vault: Vault, clock: FakeClock) -> None:
    ref, _, _ = make_case(vault, clock)
    assert [r.ref for r in vault.reminders()] == [ref]
    vault.purge_case(ref)
    assert vault.reminders() == []


# ---- crash recovery ------------------------------------------------------------------------


def _killed_import(vault: Vault, clock: FakeClock, ref: str, *, part: bool, final: bool) -> tuple[str, Path]:
    """What a process killed mid-import leaves: the pending marker, and maybe a temp file and/or
    a finished blob without its row."""
    case_id = vault.attachment(vault.case(ref).attachments[0].id).case_id
    file_id = new_id()
    file_rows.begin_import(vault.db, case_id, file_id, clock())  # the clock the vault was opened with
    folder = vault.paths.cases_dir / case_id
    if part:
        (folder / f"{file_id}.cvf.part").write_bytes(os.urandom(300))
    if final:
        (folder / f"{file_id}.cvf").write_bytes(os.urandom(300))
    return file_id, folder


@pytest.mark.parametrize(
    ("part", "final"),
    [(True, False), (False, True), (True, True), (False, False)],
    ids=["part", "final", "both", "none"],
)
def test_killed_import_is_cleaned_up_on_open(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock, part: bool, final: bool
) -> None:
    ref = vault.new_case(NAME)
    kept = vault.attach_stream(ref, "kept.txt", io.BytesIO(b"kept"))
    file_id, folder = _killed_import(vault, clock, ref, part=part, final=final)
    before = vault.check()
    if final:
        assert any(file_id in p and "orphan" in p for p in before)
    vault.close()

    with reopen(vault_paths, clock=clock) as again:
        assert sorted(os.listdir(folder)) == [f"{kept}.cvf"]
        assert file_rows.pending_imports(again.db) == []
        assert again.check() == []
        assert again.read_attachment(kept) == b"kept"
        assert [a.id for a in again.case(ref).attachments] == [kept]


def test_a_part_file_without_a_pending_marker_is_left_and_reported(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    """Only an import with a pending row leaves a .part file (the row is committed first), so a
    .part file without one is not casevault's: opening leaves it alone and check() reports it."""
    ref = vault.new_case(NAME)
    kept = vault.attach_stream(ref, "kept.txt", io.BytesIO(b"kept"))
    case_id = vault.attachment(kept).case_id
    folder = vault.paths.cases_dir / case_id
    stray = folder / f"{new_id()}.cvf.part"
    stray.write_bytes(b"junk")
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert stray.read_bytes() == b"junk"
        assert again.check() == [f"case folder {case_id} holds an unexpected entry"]
        assert again.read_attachment(kept) == b"kept"


def test_pending_import_without_a_case_folder_is_harmless(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    ref = vault.new_case(NAME)
    vault.attach_stream(ref, "kept.txt", io.BytesIO(b"kept"))
    file_id, folder = _killed_import(vault, clock, ref, part=False, final=False)
    assert not (folder / f"{file_id}.cvf").exists()
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert file_rows.pending_imports(again.db) == []


def test_interrupted_purge_is_finished_on_open(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    ref, case_id, _ = make_case(vault, clock)
    keeper = vault.new_case(KEEPER)
    summary = case_rows.get_summary(vault.db, case_id)
    assert summary is not None
    # The erase commits; the process dies before the folder is removed.
    case_rows.erase_case(vault.db, summary, clock.now)
    folder = vault_paths.cases_dir / case_id
    assert folder.is_dir()
    assert list(folder.iterdir())
    problems = vault.check()
    assert any(case_id in p for p in problems)
    vault.close()

    with reopen(vault_paths, clock=clock) as again:
        assert not folder.exists()
        assert again.check() == []
        assert [c.ref for c in again.list_cases()] == [keeper]
        assert [d.ref for d in again.deletions()] == [ref]


def test_interrupted_purge_with_a_partly_emptied_folder(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    ref, case_id, file_id = make_case(vault, clock)
    folder = vault_paths.cases_dir / case_id
    summary = case_rows.get_summary(vault.db, case_id)
    assert summary is not None
    case_rows.erase_case(vault.db, summary, clock.now)
    (folder / f"{file_id}.cvf").unlink()
    (folder / f"{new_id()}.cvf.part").write_bytes(b"junk")
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert not folder.exists()
        assert again.check() == []
        with pytest.raises(NotFoundError):
            again.case(ref)


def test_recovery_leaves_healthy_vaults_alone(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    refs = [vault.new_case(f"Member {i}") for i in range(3)]
    ids = [vault.attach_stream(r, "f.txt", io.BytesIO(r.encode())) for r in refs]
    before = {p: p.read_bytes() for p in vault_paths.cases_dir.rglob("*") if p.is_file()}
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        after = {p: p.read_bytes() for p in vault_paths.cases_dir.rglob("*") if p.is_file()}
        assert after == before
        assert [again.read_attachment(i) for i in ids] == [r.encode() for r in refs]


def test_reminder_survives_a_reopen_until_purged(
    vault: Vault, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    ref, _, _ = make_case(vault, clock)
    vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert [r.ref for r in again.reminders(clock.now - timedelta(days=1))] == []
        assert [r.ref for r in again.reminders()] == [ref]
