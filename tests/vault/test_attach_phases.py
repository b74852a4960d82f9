"""Vault API: an import split into phases, so the GUI can encrypt on a worker thread while every
database write stays on the thread that owns the SQLCipher connection."""

from __future__ import annotations

import io
import os
import threading

import pytest

from casevault.core.errors import VaultStateError
from casevault.core.paths import VaultPaths
from casevault.store import files as file_rows
from casevault.vault.attachments import PendingAttachment
from casevault.vault.facade import Vault
from tests.conftest import reopen

MiB = 1 << 20


class CancelledError(Exception):
    pass


@pytest.fixture
def ref(vault: Vault) -> str:
    return vault.new_case("Ada Example")


def blob_files(vault: Vault) -> list[str]:
    return sorted(p.name for p in vault.paths.cases_dir.rglob("*") if p.is_file())


def pending(vault: Vault) -> list[tuple[str, str]]:
    return file_rows.pending_imports(vault.db)


def test_phases_compose_to_a_normal_attachment(vault: Vault, ref: str) -> None:
    data = os.urandom(MiB + 17)
    job = vault.begin_attach(ref, "letter.pdf")
    assert pending(vault) == [(job.case_id, job.file_id)]
    assert job.write(io.BytesIO(data)) == len(data)
    file_id = vault.finish_attach(job)

    assert file_id == job.file_id
    assert pending(vault) == []
    assert vault.read_attachment(file_id) == data
    found = vault.attachment(file_id)
    assert (found.name, found.size) == ("letter.pdf", len(data))
    assert [a.id for a in vault.case(ref).attachments] == [file_id]
    assert vault.check() == []


def test_write_on_a_worker_thread_then_finish_on_the_owning_thread(vault: Vault, ref: str) -> None:
    data = os.urandom(3 * MiB)
    job = vault.begin_attach(ref, "scan.png")
    seen: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            job.write(io.BytesIO(data), seen.append)
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert errors == []
    assert seen[-1] == len(data)

    file_id = vault.finish_attach(job)
    assert vault.read_attachment(file_id) == data
    assert vault.check() == []


def test_abandon_leaves_no_blob_and_no_row(vault: Vault, ref: str) -> None:
    job = vault.begin_attach(ref, "draft.txt")
    job.write(io.BytesIO(b"not wanted after all"))
    assert blob_files(vault) == [f"{job.file_id}.cvf"]

    vault.abandon_attach(job)
    assert blob_files(vault) == []
    assert pending(vault) == []
    assert vault.case(ref).attachments == ()
    assert vault.check() == []
    with pytest.raises(VaultStateError):
        vault.finish_attach(job)


def test_cancel_from_progress_leaves_no_blob_and_abandon_clears_the_marker(vault: Vault, ref: str) -> None:
    job = vault.begin_attach(ref, "big.bin")

    def cancel_after_first_chunk(done: int) -> None:
        if done >= MiB:
            raise CancelledError

    with pytest.raises(CancelledError):
        job.write(io.BytesIO(os.urandom(4 * MiB)), cancel_after_first_chunk)
    assert blob_files(vault) == []
    assert pending(vault) == [(job.case_id, job.file_id)]

    vault.abandon_attach(job)
    assert pending(vault) == []
    assert vault.check() == []


def test_finish_before_write_is_refused(vault: Vault, ref: str) -> None:
    job = vault.begin_attach(ref, "empty")
    with pytest.raises(VaultStateError):
        vault.finish_attach(job)
    vault.abandon_attach(job)
    assert pending(vault) == []


def test_abandon_after_finish_keeps_the_attachment(vault: Vault, ref: str) -> None:
    job = vault.begin_attach(ref, "kept.txt")
    job.write(io.BytesIO(b"keep me"))
    file_id = vault.finish_attach(job)
    vault.abandon_attach(job)
    assert vault.read_attachment(file_id) == b"keep me"
    with pytest.raises(VaultStateError):
        vault.finish_attach(job)


def test_a_crash_between_write_and_finish_is_cleaned_up_on_open(
    vault: Vault, vault_paths: VaultPaths, ref: str
) -> None:
    job: PendingAttachment = vault.begin_attach(ref, "interrupted.pdf")
    job.write(io.BytesIO(os.urandom(MiB)))
    assert blob_files(vault) == [f"{job.file_id}.cvf"]
    vault.close()  # the process dies here: no finish, no abandon

    with reopen(vault_paths) as again:
        assert blob_files(again) == []
        assert pending(again) == []
        assert again.case(ref).attachments == ()
        assert again.check() == []
