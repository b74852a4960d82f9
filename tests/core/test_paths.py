"""Where things live (core/paths.py): the default folder, its overrides, and paths built from ids
only when they are opaque ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from casevault.core import paths
from casevault.core.paths import VaultPaths

CASE = "0123456789abcdef" * 2
FILE = "fedcba9876543210" * 2
NOT_IDS = [
    "",
    "../" + CASE[3:],
    CASE[:-1],
    CASE + "0",
    CASE.upper(),
    CASE[:-1] + "g",
    CASE[:16] + "/" + CASE[17:],
    " " + CASE[1:],
]


def test_the_default_is_the_platform_data_folder(private_environment: Path) -> None:
    # private_environment points XDG_DATA_HOME at a folder of its own; platformdirs follows it.
    assert paths.default_vault_dir() == private_environment / ".local/share" / "casevault" / "vault"


def test_casevault_home_overrides_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "elsewhere"))
    assert paths.default_vault_dir() == tmp_path / "elsewhere"
    assert VaultPaths.resolve(None).root == tmp_path / "elsewhere"


def test_casevault_home_expands_a_tilde(monkeypatch: pytest.MonkeyPatch, private_environment: Path) -> None:
    monkeypatch.setenv(paths.HOME_ENV, "~/vaults/mine")
    assert paths.default_vault_dir() == private_environment / "vaults" / "mine"


def test_an_empty_casevault_home_is_no_override(
    monkeypatch: pytest.MonkeyPatch, private_environment: Path
) -> None:
    monkeypatch.setenv(paths.HOME_ENV, "")
    assert paths.default_vault_dir() == private_environment / ".local/share" / "casevault" / "vault"


def test_an_explicit_folder_wins_over_casevault_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, private_environment: Path
) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "env"))
    assert VaultPaths.resolve(tmp_path / "given").root == tmp_path / "given"
    assert VaultPaths.resolve("~/given").root == private_environment / "given"
    assert VaultPaths.resolve("").root == tmp_path / "env"  # an empty --vault is no folder


def test_the_layout_inside_the_vault_folder(tmp_path: Path) -> None:
    vp = VaultPaths(tmp_path)
    assert vp.keys_file == tmp_path / "vault.keys"
    assert vp.db_file == tmp_path / "vault.db"
    assert vp.cases_dir == tmp_path / "cases"
    assert vp.case_dir(CASE) == tmp_path / "cases" / CASE
    assert vp.blob(CASE, FILE) == tmp_path / "cases" / CASE / f"{FILE}.cvf"
    assert vp.library_dir == tmp_path / "library"
    assert vp.library_blob(FILE) == tmp_path / "library" / f"{FILE}.cvf"


@pytest.mark.parametrize("bad", NOT_IDS)
def test_a_path_is_never_built_from_anything_but_an_opaque_id(tmp_path: Path, bad: str) -> None:
    vp = VaultPaths(tmp_path)
    assert not paths.is_opaque_id(bad)
    with pytest.raises(ValueError, match="case id is not an opaque id"):
        vp.case_dir(bad)
    with pytest.raises(ValueError, match="case id is not an opaque id"):
        vp.blob(bad, FILE)
    with pytest.raises(ValueError, match="file id is not an opaque id"):
        vp.blob(CASE, bad)
    with pytest.raises(ValueError, match="file id is not an opaque id"):
        vp.library_blob(bad)


def test_an_id_with_a_trailing_newline_is_not_an_opaque_id() -> None:
    assert not paths.is_opaque_id(CASE + "\n")
