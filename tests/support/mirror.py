"""The tests mirror the source tree, read with `ast` (no imports run).

`untested(src, package, tests)` lists, as dotted names relative to the package ("core.clock"),
every module of `src/package` that has logic but no `tests/<folders>/test_<module>.py`:
`src/casevault/vault/handover/send.py` wants `tests/vault/handover/test_send.py`, and a module at
the top of the package, `demo.py`, wants `tests/test_demo.py`. Not counted: `__init__.py`,
`__main__.py`, anything under `resources/`, and a module with no logic, which is one without a
single `def` anywhere in it (constants, SQL text, records and exceptions without methods).

`cross_imports(root, tests)` lists `a -> b` for every module under `root/tests` that imports
another one, `b`, that is neither under `tests/support/`, nor a `conftest`, nor a package's
`__init__`: a helper two test modules share lives in tests/support/.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support import layering

NOT_MIRRORED_FILES = frozenset({"__init__.py", "__main__.py"})
NOT_MIRRORED_FOLDERS = frozenset({"resources"})
SUPPORT = "support"
CONFTEST = "conftest"


def has_logic(tree: ast.AST) -> bool:
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) for node in ast.walk(tree))


def mirrored_path(module: Path) -> Path:
    """Where the test of `module` (a path relative to the package) lives, relative to tests/."""
    return module.parent / f"test_{module.stem}.py"


def untested(src: Path, package: str, tests: Path) -> set[str]:
    base = src / package
    found: set[str] = set()
    for path in sorted(base.rglob("*.py")):
        rel = path.relative_to(base)
        if path.name in NOT_MIRRORED_FILES or NOT_MIRRORED_FOLDERS & set(rel.parts[:-1]):
            continue
        if not has_logic(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            continue
        if not (tests / mirrored_path(rel)).is_file():
            found.add(".".join(rel.with_suffix("").parts))
    return found


def _shared(module: str, known: dict[str, Path], tests: str) -> bool:
    """May any module under tests/ import this one?"""
    parts = module.split(".")
    return parts[:2] == [tests, SUPPORT] or parts[-1] == CONFTEST or known[module].name == "__init__.py"


def cross_imports(root: Path, tests: str) -> set[str]:
    known = layering.modules(root, tests)
    return {
        f"{name} -> {target}"
        for name, targets in layering.graph(root, tests).items()
        for target in targets
        if not _shared(target, known, tests)
    }
