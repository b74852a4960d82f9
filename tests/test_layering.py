"""The layering rules are checked, not hoped for (docs/ARCHITECTURE.md, "Layers").

A ratchet: `KNOWN` lists the debts the tree still has, each to be paid by the redesign (issue
14: one Session and a service per capability, `cli/` as a package). Anything not on the list
fails, and so does an entry that no longer occurs, so the list only ever gets shorter. The
planted-tree tests show each rule catching what it claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import layering

SRC = Path(__file__).resolve().parents[1] / "src"

KNOWN: set[str] = set()


def test_the_tree_keeps_its_layers_apart_but_for_the_known_debts() -> None:
    found = layering.violations(SRC, "casevault")
    new = sorted(found - KNOWN)
    paid = sorted(KNOWN - found)
    assert not new, f"layering rules broken (docs/ARCHITECTURE.md, Layers): {new}"
    assert not paid, f"these debts are paid: strike them off KNOWN: {paid}"


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for folder in [tmp_path / "pkg", *(p for p in (tmp_path / "pkg").rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return tmp_path


def test_a_planted_cycle_is_found_even_through_a_lazy_import(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "a.py": "from pkg import b\n",
            "b.py": "def f():\n    from pkg.c import g\n",
            "c.py": "from . import a\ng = 1\n",
            "d.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n",
        },
    )
    assert layering.violations(root, "pkg") == {"cycle: pkg.a <-> pkg.b <-> pkg.c"}


def test_a_type_checking_import_is_no_cycle(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "a.py": "from pkg import b\n",
            "b.py": "import typing\nif typing.TYPE_CHECKING:\n    from pkg import a\n",
        },
    )
    assert layering.violations(root, "pkg") == set()


def test_a_planted_qt_import_outside_gui_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "gui/window.py": "from PySide6.QtWidgets import QWidget\n",
            "core/clock.py": "def now():\n    import shiboken6\n",
            "cli.py": "from PySide6 import QtGui\n",
        },
    )
    assert layering.violations(root, "pkg") == {"qt: pkg.core.clock", "qt: pkg.cli"}


def test_sqlcipher_and_sql_text_outside_store_are_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "store/cases.py": "import sqlcipher3\nQ = 'SELECT id FROM cases'\n",
            "vault/cases.py": "Q = '''\n    DELETE FROM cases WHERE id = ?'''\n",
            "bench.py": "from sqlcipher3 import dbapi2\n",
            "words.py": "TEXT = 'Select the case, then update its notes.'\n",
        },
    )
    assert layering.violations(root, "pkg") == {"sql: pkg.vault.cases", "sqlcipher: pkg.bench"}


def test_a_service_importing_another_service_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "vault/session.py": "X = 1\n",
            "vault/cases.py": "from pkg.vault import session\n",
            "vault/backup.py": "from pkg.vault.cases import X\n",
            "vault/facade.py": "from pkg.vault import backup, cases\n",
        },
    )
    assert layering.violations(root, "pkg") == {"service: pkg.vault.backup -> pkg.vault.cases"}


def test_the_modules_of_one_service_package_may_use_one_another_but_no_other_service(
    tmp_path: Path,
) -> None:
    root = _tree(
        tmp_path,
        {
            "vault/__init__.py": "",
            "vault/cases.py": "X = 1\n",
            "vault/sync/__init__.py": "",
            "vault/sync/folder.py": "Y = 1\n",
            "vault/sync/engine.py": "from pkg.vault.sync.folder import Y\nfrom pkg.vault.cases import X\n",
        },
    )
    assert layering.violations(root, "pkg") == {"service: pkg.vault.sync.engine -> pkg.vault.cases"}


@pytest.mark.parametrize(("lines", "found"), [(600, set()), (601, {"long: pkg.big"})])
def test_a_planted_601_line_file_is_found(tmp_path: Path, lines: int, found: set[str]) -> None:
    root = _tree(tmp_path, {"big.py": "x = 1\n" * lines})
    assert layering.violations(root, "pkg") == found


def test_a_planted_import_from_a_higher_room_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "core/paths.py": "from pkg.vault import session\n",
            "vault/session.py": "from pkg.core import paths\n",
            "store/db.py": "from pkg.crypto import keys\n",
            "crypto/keys.py": "X = 1\n",
            "gui/app.py": "from pkg.cli import parser\n",
            "cli/parser.py": "def start():\n    from pkg.gui import app\n",
        },
    )
    found = layering.violations(root, "pkg")
    # core -> vault is upward (and makes a cycle); store -> crypto is downward; the entry
    # points may use one another (their cycle is still a cycle).
    assert found == {
        "up: pkg.core.paths -> pkg.vault",
        "cycle: pkg.core.paths <-> pkg.vault.session",
        "cycle: pkg.cli.parser <-> pkg.gui.app",
    }
