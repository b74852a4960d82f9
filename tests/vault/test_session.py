"""The Session's registry: a lock tears down everything that holds keys or plaintext, even when
a step fails."""

from __future__ import annotations

import gc
import io
import logging
from pathlib import Path

import pytest

from casevault.core.errors import VaultStateError
from casevault.vault.facade import Vault


class Broken:
    def close(self) -> None:
        raise RuntimeError("a reader that cannot close")


class Counted:
    def __init__(self, order: list[str], name: str) -> None:
        self.order, self.name = order, name

    def close(self) -> None:
        self.order.append(self.name)


def test_a_lock_closes_what_is_held_newest_first_past_a_failing_step(
    vault: Vault, caplog: pytest.LogCaptureFixture
) -> None:
    order: list[str] = []
    first, broken, last = Counted(order, "first"), Broken(), Counted(order, "last")
    for thing in (first, broken, last):
        vault.session.hold(thing)
    with caplog.at_level(logging.WARNING):
        vault.close()
    assert order == ["last", "first"]
    assert "session.teardown-failed Broken" in caplog.text
    assert not vault.is_open
    assert vault.session.held() == []
    with pytest.raises(VaultStateError):
        vault.session.master()


def test_readers_and_pending_imports_stop_working_at_the_lock(vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case("Ada Example")
    attachment_id = vault.attach_stream(ref, "letter.txt", io.BytesIO(b"disciplinary letter"))
    reader = vault.open_attachment(attachment_id)
    pending = vault.begin_attach(ref, "second.txt")
    library = vault.open_library_document(vault.add_library_stream("policy.txt", io.BytesIO(b"policy")))
    assert reader.read_all() == b"disciplinary letter"
    vault.close()
    with pytest.raises(VaultStateError):
        reader.read_all()
    with pytest.raises(VaultStateError):
        reader.save_to(tmp_path / "out.txt")
    with pytest.raises(VaultStateError):
        pending.write(io.BytesIO(b"more"))
    with pytest.raises(VaultStateError):
        library.read_all()
    assert not (tmp_path / "out.txt").exists()


def test_a_pending_export_loses_its_keys_and_password_at_the_lock(vault: Vault, tmp_path: Path) -> None:
    ref = vault.new_case("Ada Example")
    vault.attach_stream(ref, "letter.txt", io.BytesIO(b"letter"))
    vault.give_consent(ref, "share-reps")
    pending = vault.begin_export(
        ref, None, tmp_path / "out.zip", password="zip password 123", recipient="rep"
    )
    assert pending.docs
    vault.close()
    assert (pending.docs, pending.extras, pending.password) == ([], [], "")
    with pytest.raises(VaultStateError):
        pending.write()
    assert not (tmp_path / "out.zip").exists()


def test_what_the_caller_has_dropped_is_not_kept_until_the_lock(vault: Vault) -> None:
    ref = vault.new_case("Ada Example")
    attachment_id = vault.attach_stream(ref, "letter.txt", io.BytesIO(b"letter"))
    for _ in range(50):
        vault.read_attachment(attachment_id)
    gc.collect()
    assert len(vault.session.held()) < 5


def test_nothing_is_held_by_a_locked_session(vault: Vault) -> None:
    vault.close()
    order: list[str] = []
    with pytest.raises(VaultStateError):
        vault.session.hold(Counted(order, "late"))
    assert order == ["late"]  # closed at once, never left open
