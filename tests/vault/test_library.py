"""The policy library: vault-wide documents encrypted like attachments under their own keys,
crash-safe imports, audit entries with ids only, and `check` covering their blobs."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from casevault.core.errors import DamagedError, NotFoundError, UsageError
from casevault.core.paths import VaultPaths
from casevault.crypto import blob, keys
from casevault.formats.blobstore import LIBRARY_SCOPE, LibraryBlobStore, binding
from casevault.store import library as library_rows
from casevault.vault.facade import Vault
from tests.conftest import PASSPHRASE, reopen
from tests.support import vault_keys

POLICY = b"Grievance procedure. Stage 1: raise it informally.\n" * 50
MiB = 1 << 20


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "Grievance policy 2025.txt"
    path.parent.mkdir()
    path.write_bytes(POLICY)
    return path


def library_files(vault: Vault) -> list[str]:
    folder = vault.paths.library_dir
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_add_list_read_save_remove(vault: Vault, policy_file: Path, tmp_path: Path) -> None:
    doc_id = vault.add_library_document(policy_file, title="Grievance procedure")
    [doc] = vault.library_documents()
    assert (doc.id, doc.name, doc.title, doc.size) == (
        doc_id,
        "Grievance policy 2025.txt",
        "Grievance procedure",
        len(POLICY),
    )
    assert vault.open_library_document(doc_id).read_all() == POLICY
    out = tmp_path / "copy.txt"
    assert vault.open_library_document(doc_id, "saved").save_to(out) == len(POLICY)
    assert out.read_bytes() == POLICY
    with pytest.raises(Exception, match="never overwrites"):
        vault.open_library_document(doc_id, "saved").save_to(out)
    vault.remove_library_document(doc_id)
    assert vault.library_documents() == []
    assert library_files(vault) == []
    with pytest.raises(NotFoundError):
        vault.open_library_document(doc_id)


def test_blob_is_ciphertext_in_a_private_folder(vault: Vault, policy_file: Path) -> None:
    doc_id = vault.add_library_document(policy_file)
    folder = vault.paths.library_dir
    assert folder == vault.paths.root / "library"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    path = folder / f"{doc_id}.cvf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert b"Grievance" not in raw and b"Stage 1" not in raw
    # Not in any case folder, and not in the database in the clear either (it is SQLCipher).
    assert list(vault.paths.cases_dir.rglob("*.cvf")) == []


def test_the_file_key_is_wrapped_by_the_library_kek(vault: Vault, policy_file: Path) -> None:
    doc_id = vault.add_library_document(policy_file)
    found = library_rows.get(vault.db, doc_id)
    assert found is not None
    wrapped = found[1]
    kek = vault_keys.derived_key(vault.paths, "casevault/v1/library-kek")  # the documented purpose
    file_key = keys.unwrap_key(kek, wrapped, b"casevault/v1/library-key\x00" + bytes.fromhex(doc_id))
    # An independent read of the blob with that key: the attachments' format, library scope.
    with open(vault.paths.library_dir / f"{doc_id}.cvf", "rb") as src:
        plain = b"".join(
            bytes(p)
            for p in blob.decrypt_chunks(file_key, binding(vault.vault_id, LIBRARY_SCOPE, doc_id), src)
        )
    assert plain == POLICY
    # The case KEK does not open it.
    with pytest.raises(DamagedError):
        keys.unwrap_key(
            vault_keys.derived_key(vault.paths, keys.PURPOSE_CASE_KEK),
            wrapped,
            b"casevault/v1/library-key\x00" + bytes.fromhex(doc_id),
        )


def test_a_flipped_byte_is_reported_and_never_returned(
    vault: Vault, policy_file: Path, tmp_path: Path
) -> None:
    doc_id = vault.add_library_document(policy_file)
    path = vault.paths.library_dir / f"{doc_id}.cvf"
    raw = bytearray(path.read_bytes())
    raw[60] ^= 0x01
    path.write_bytes(bytes(raw))
    with pytest.raises(DamagedError, match=doc_id):
        vault.open_library_document(doc_id).read_all()
    out = tmp_path / "copy.txt"
    with pytest.raises(DamagedError):
        vault.open_library_document(doc_id, "saved").save_to(out)
    assert not out.exists()
    assert vault.check() == [f"library document {doc_id}: damaged or tampered with (fails authentication)"]


def test_a_swapped_blob_does_not_decrypt(vault: Vault, policy_file: Path, tmp_path: Path) -> None:
    a = vault.add_library_document(policy_file)
    other = tmp_path / "other.txt"
    other.write_bytes(b"another policy")
    b = vault.add_library_document(other)
    (vault.paths.library_dir / f"{b}.cvf").write_bytes((vault.paths.library_dir / f"{a}.cvf").read_bytes())
    with pytest.raises(DamagedError):
        vault.open_library_document(b).read_all()


def test_an_attachment_blob_moved_into_the_library_does_not_decrypt(vault: Vault, policy_file: Path) -> None:
    ref = vault.new_case("Ada Example")
    att = vault.attach(ref, policy_file)
    doc_id = vault.add_library_document(policy_file)
    case_id = vault.attachment(att).case_id
    moved = (vault.paths.cases_dir / case_id / f"{att}.cvf").read_bytes()
    (vault.paths.library_dir / f"{doc_id}.cvf").write_bytes(moved)
    with pytest.raises(DamagedError):
        vault.open_library_document(doc_id).read_all()


def test_check_reports_missing_and_orphan_library_blobs(vault: Vault, policy_file: Path) -> None:
    doc_id = vault.add_library_document(policy_file)
    assert vault.check() == []
    blob_path = vault.paths.library_dir / f"{doc_id}.cvf"
    data = blob_path.read_bytes()
    blob_path.unlink()
    assert vault.check() == [f"library document {doc_id}: its encrypted file is missing"]
    stray = "ab" * 16
    (vault.paths.library_dir / f"{stray}.cvf").write_bytes(data)
    blob_path.write_bytes(data)
    assert vault.check() == [f"library file {stray} has no record (orphan)"]


def test_audit_holds_ids_only(vault: Vault, policy_file: Path, tmp_path: Path) -> None:
    doc_id = vault.add_library_document(policy_file, title="Grievance procedure")
    vault.open_library_document(doc_id).read_all()
    vault.open_library_document(doc_id, "saved").save_to(tmp_path / "c.txt")
    vault.remove_library_document(doc_id)
    entries = [(e.fields.action, e.fields.ref, e.fields.subject) for e in vault.audit()]
    assert entries == [
        ("library.added", "", doc_id),
        ("library.viewed", "", doc_id),
        ("library.saved", "", doc_id),
        ("library.removed", "", doc_id),
    ]
    assert vault.verify_audit() == []


def test_empty_and_hostile_names(vault: Vault, tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    doc_id = vault.add_library_document(empty)
    assert vault.open_library_document(doc_id).read_all() == b""
    hostile = vault.add_library_stream("../../etc/x\x07.txt", io.BytesIO(b"x"))
    [name] = [d.name for d in vault.library_documents() if d.id == hostile]
    assert "\x07" not in name  # shown, never used as a path
    with pytest.raises(UsageError):
        vault.add_library_stream("a.txt", io.BytesIO(b"x"), title="x" * 201)
    with pytest.raises(NotFoundError):
        vault.add_library_document(tmp_path / "missing.pdf")


def test_a_failed_write_leaves_nothing(vault: Vault) -> None:
    class BoomError(Exception):
        pass

    def explode(_done: int) -> None:
        raise BoomError

    with pytest.raises(BoomError):
        vault.add_library_stream("big.bin", io.BytesIO(os.urandom(3 * MiB)), progress=explode)
    assert library_files(vault) == []
    assert library_rows.pending_imports(vault.db) == []
    assert vault.library_documents() == []


def test_an_interrupted_import_is_cleaned_up_at_the_next_open(vault: Vault, vault_paths: VaultPaths) -> None:
    pending = vault.begin_library_document("policy.pdf")
    pending.write(io.BytesIO(os.urandom(MiB)))
    killed = vault.begin_library_document("other.pdf")
    part = vault_paths.library_dir / f"{killed.file_id}.cvf.part"
    part.write_bytes(os.urandom(4096))  # as a process killed mid-write leaves it
    vault.close()  # dies before finishing
    with reopen(vault_paths) as again:
        assert library_files(again) == []
        assert library_rows.pending_imports(again.db) == []
        assert again.check() == []
    assert not part.exists()


KILLED_IMPORT = """
import io, os, sys
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from pathlib import Path
vault = Vault.open(VaultPaths(Path(sys.argv[1])), keychain=None, ask_passphrase=lambda _r: sys.argv[2])
def die(done):
    if done > 0:
        os._exit(9)  # killed mid-write: no cleanup runs
vault.add_library_stream("policy.bin", io.BytesIO(os.urandom(5 << 20)), progress=die)
"""


def test_a_killed_import_leaves_no_orphan_at_the_next_open(vault: Vault, vault_paths: VaultPaths) -> None:
    vault.close()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORT, str(vault_paths.root), PASSPHRASE], check=False, timeout=60
    )
    assert done.returncode == 9
    assert next(p.name for p in vault_paths.library_dir.iterdir()).endswith(".cvf.part")
    with reopen(vault_paths) as again:
        assert list(vault_paths.library_dir.iterdir()) == []
        assert again.library_documents() == []
        assert again.check() == []


def test_library_blob_store_refuses_case_scopes(vault_paths: VaultPaths) -> None:
    store = LibraryBlobStore(vault_paths, "00" * 16)
    with pytest.raises(ValueError):
        store.path("ab" * 16, "cd" * 16)
