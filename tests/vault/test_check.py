"""Vault.check(): every kind of damage gives one problem line that names opaque ids only."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from casevault.core.clock import new_id
from casevault.core.errors import DamagedError
from casevault.core.paths import VaultPaths
from casevault.vault.facade import Vault
from tests.conftest import FakeClock, reopen

NAME = "Quetzalcoatl Wibblesworth"
EMAIL = "quetzal@home.example"
NOTE = "Xylophonic grievance"
FILE_NAME = "zebrafinch-sick-note.pdf"
PAGE = 4096


@dataclass
class World:
    vault: Vault
    ref: str
    case_id: str
    file_id: str
    other_case_id: str
    other_file_id: str

    @property
    def folder(self) -> Path:
        return self.vault.paths.cases_dir / self.case_id

    @property
    def blob(self) -> Path:
        return self.folder / f"{self.file_id}.cvf"


@pytest.fixture
def world(vault: Vault) -> World:
    ref = vault.new_case(NAME, email=EMAIL)
    vault.add_note(ref, NOTE)
    file_id = vault.attach_stream(ref, FILE_NAME, io.BytesIO(os.urandom(70_000)))
    other = vault.new_case("Other Member")
    other_file = vault.attach_stream(other, "other.pdf", io.BytesIO(b"other"))
    return World(
        vault,
        ref,
        vault.attachment(file_id).case_id,
        file_id,
        vault.attachment(other_file).case_id,
        other_file,
    )


def assert_names_only(problems: list[str]) -> None:
    text = "\n".join(problems)
    for secret in (
        NAME,
        "Quetzalcoatl",
        "Wibblesworth",
        EMAIL,
        NOTE,
        FILE_NAME,
        "zebrafinch",
        "Other Member",
        "other.pdf",
    ):
        assert secret.lower() not in text.lower(), secret


def test_healthy_vault_has_no_problems(world: World, vault_paths: VaultPaths, clock: FakeClock) -> None:
    assert world.vault.check() == []
    world.vault.close()
    with reopen(vault_paths, clock=clock) as again:
        assert again.check() == []


def test_empty_vault_has_no_problems(vault: Vault) -> None:
    assert vault.check() == []


def test_check_reports_progress(world: World) -> None:
    seen: list[tuple[int, int]] = []
    assert world.vault.check(progress=lambda done, total: seen.append((done, total))) == []
    assert seen == [(1, 2), (2, 2)]


def _missing_blob(w: World) -> None:
    w.blob.unlink()


def _orphan_blob(w: World) -> str:
    orphan = new_id()
    shutil.copyfile(w.blob, w.folder / f"{orphan}.cvf")
    return orphan


def _unknown_case_folder(w: World) -> str:
    unknown = new_id()
    (w.vault.paths.cases_dir / unknown).mkdir(mode=0o700)
    return unknown


def _stray_file(w: World) -> None:
    (w.folder / FILE_NAME).write_bytes(b"a plaintext copy someone dropped here")


def _flip_bit(w: World) -> None:
    raw = bytearray(w.blob.read_bytes())
    raw[len(raw) // 2] ^= 0x04
    w.blob.write_bytes(bytes(raw))


def _truncate(w: World) -> None:
    os.truncate(w.blob, w.blob.stat().st_size - 1)


def _truncate_to_header(w: World) -> None:
    os.truncate(w.blob, 35)


def _size_mismatch(w: World) -> None:
    w.vault.db.execute("UPDATE attachments SET size = size + 1 WHERE id = ?", (w.file_id,))


def _damaged_file_key(w: World) -> None:
    w.vault.db.execute("UPDATE attachments SET wrapped_key = ? WHERE id = ?", (os.urandom(60), w.file_id))


def _damaged_case_key(w: World) -> None:
    w.vault.db.execute("UPDATE case_keys SET wrapped = ? WHERE case_id = ?", (os.urandom(60), w.case_id))


Scenario = Callable[[World], object]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_missing_blob, "attachment {file_id}: its encrypted file is missing"),
        (_orphan_blob, "attachment file {extra} in case folder {case_id} has no record (orphan)"),
        (_unknown_case_folder, "case folder {extra} belongs to no case in the database"),
        (_stray_file, "case folder {case_id} holds an unexpected entry"),
        (_flip_bit, "attachment {file_id}: damaged or tampered with (fails authentication)"),
        (_truncate, "attachment {file_id}: damaged or tampered with (fails authentication)"),
        (_truncate_to_header, "attachment {file_id}: damaged or tampered with (fails authentication)"),
        (_size_mismatch, "attachment {file_id}: its size differs from the record"),
        (_damaged_file_key, "attachment {file_id}: damaged or tampered with (fails authentication)"),
        (_damaged_case_key, "case {case_id}: its key is missing or fails authentication"),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else "",
)
def test_each_kind_of_damage_is_one_problem_line(world: World, damage: Scenario, expected: str) -> None:
    extra = damage(world)
    problems = world.vault.check()
    assert problems == [expected.format(file_id=world.file_id, case_id=world.case_id, extra=extra)]
    assert_names_only(problems)
    # The other case is fine, and still readable.
    assert not [p for p in problems if world.other_file_id in p or world.other_case_id in p]
    assert world.vault.read_attachment(world.other_file_id) == b"other"


def test_an_unexpected_entry_in_the_cases_folder(world: World) -> None:
    (world.vault.paths.cases_dir / "notes about Quetzalcoatl.txt").write_text("x")
    (world.vault.paths.cases_dir / "not-an-id").mkdir()
    problems = world.vault.check()
    assert problems == ["an unexpected entry is in the cases folder"] * 2
    assert_names_only(problems)


def test_a_subfolder_inside_a_case_folder(world: World) -> None:
    (world.folder / new_id()).mkdir()
    assert world.vault.check() == [f"case folder {world.case_id} holds an unexpected entry"]


def test_several_problems_are_all_reported(world: World) -> None:
    _flip_bit(world)
    orphan = _orphan_blob(world)
    (world.vault.paths.cases_dir / world.other_case_id / f"{world.other_file_id}.cvf").unlink()
    problems = world.vault.check()
    assert sorted(problems) == sorted(
        [
            f"attachment {world.file_id}: damaged or tampered with (fails authentication)",
            f"attachment file {orphan} in case folder {world.case_id} has no record (orphan)",
            f"attachment {world.other_file_id}: its encrypted file is missing",
        ]
    )
    assert_names_only(problems)


def test_damaged_blob_does_not_take_down_the_vault(
    world: World, vault_paths: VaultPaths, clock: FakeClock
) -> None:
    _flip_bit(world)
    world.vault.close()
    with reopen(vault_paths, clock=clock) as again:
        with pytest.raises(DamagedError):
            again.read_attachment(world.file_id)
        assert again.read_attachment(world.other_file_id) == b"other"
        assert again.case(world.ref).member.name == NAME
        assert [h.ref for h in again.search("wibbles")] == [world.ref]


def test_damaged_database_page_is_reported(world: World, vault_paths: VaultPaths, clock: FakeClock) -> None:
    """A damaged page gives a `database:` problem line; check() must report it, not raise."""
    root = int(world.vault.db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'events'"))
    world.vault.close()
    with open(vault_paths.db_file, "r+b") as f:
        f.seek((root - 1) * PAGE + 1000)
        f.write(os.urandom(16))
    with reopen(vault_paths, clock=clock) as again:
        problems = again.check()
    assert problems
    assert all(p.startswith("database: ") for p in problems)
    assert any(f"page {root}" in p for p in problems)
    assert_names_only(problems)
