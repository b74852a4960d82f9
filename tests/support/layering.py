"""The layering rules of docs/ARCHITECTURE.md, read from the source with `ast` (no imports run).

`violations(root, package)` lists, as short stable strings:
- `cycle: a -> b -> a` for every import cycle between modules (lazy imports inside functions
  count: they still tie the modules together; `if TYPE_CHECKING:` imports do not);
- `qt: m` for a module outside `gui/` that imports PySide6 or shiboken6;
- `sqlcipher: m` for a module outside `store/` that imports sqlcipher3;
- `sql: m` for a module outside `store/` with SQL text in a string;
- `service: a -> b` for a service module of `vault/` importing another service module
  (`session`, `facade`, `places` and `unlock` in `vault/` are not services; the modules of one
  sub-package, such as `vault/sync/`, are one service and may use one another);
- `long: m` for a source file over MAX_LINES lines;
- `up: a -> room` for a module importing from a room above its own (ROOMS, lowest first; the
  entry points cli/, gui/, bench/ and demo share the top and may use one another).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

MAX_LINES = 600
QT_ROOTS = ("PySide6", "shiboken6")
SQL = re.compile(
    r"^\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER)|PRAGMA)\b"
)
# The Session, the facade that assembles the services, and the two things the Session is built
# from: the unlock policy and the one list of places a case's data can live.
NOT_SERVICES = frozenset({"session", "facade", "places", "unlock", "__init__"})
ROOMS = ("core", "resources", "crypto", "casework", "host", "store", "formats", "vault")
TOP = frozenset({"cli", "gui", "bench", "demo", "__main__"})


def modules(root: Path, package: str) -> dict[str, Path]:
    """Dotted module name -> file, for every .py under root/package."""
    base = root / package
    found = {}
    for path in sorted(base.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Every module name imported by `tree`, outside `if TYPE_CHECKING:` blocks."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            skip.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = module.split(".")
                keep = len(parts) - node.level + (1 if is_package else 0)
                base = ".".join(parts[:keep])
                stem = f"{base}.{node.module}" if node.module else base
            else:
                stem = node.module or ""
            yield stem
            yield from (f"{stem}.{alias.name}" for alias in node.names)


def graph(root: Path, package: str) -> dict[str, set[str]]:
    """module -> the package's modules it imports."""
    known = modules(root, package)
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = {t for t in _imports(tree, name, path.name == "__init__.py") if t in known}
        edges[name] = targets - {name}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def _in(module: str, package: str, room: str) -> bool:
    return module == f"{package}.{room}" or module.startswith(f"{package}.{room}.")


def _service(module: str, package: str) -> bool:
    """A module inside the `vault/` package that is not the Session or the facade."""
    return module.startswith(f"{package}.vault.") and module.rsplit(".", 1)[-1] not in NOT_SERVICES


def _service_name(module: str) -> str:
    """The service a module of `vault/` belongs to: its own name, or its sub-package's."""
    return ".".join(module.split(".")[:3])


def _rank(module: str, package: str) -> int | None:
    """How high a module's room is (None: the package itself, or a room not in the rules)."""
    parts = module.split(".")
    if parts[0] != package or len(parts) < 2:
        return None
    if parts[1] in TOP:
        return len(ROOMS)
    return ROOMS.index(parts[1]) if parts[1] in ROOMS else None


def _strings(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def violations(root: Path, package: str) -> set[str]:
    found: set[str] = set()
    edges = graph(root, package)
    for component in cycles(edges):
        found.add("cycle: " + " <-> ".join(component))
    for name, path in modules(root, package).items():
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if lines > MAX_LINES:
            found.add(f"long: {name}")
        tree = ast.parse(text, str(path))
        imported = set(_imports(tree, name, path.name == "__init__.py"))
        roots = {t.split(".")[0] for t in imported}
        if roots & set(QT_ROOTS) and not _in(name, package, "gui"):
            found.add(f"qt: {name}")
        if "sqlcipher3" in roots and not _in(name, package, "store"):
            found.add(f"sqlcipher: {name}")
        if not _in(name, package, "store") and any(SQL.match(s) for s in _strings(tree)):
            found.add(f"sql: {name}")
        here = _rank(name, package)
        for target in edges[name]:
            there = _rank(target, package)
            if here is not None and there is not None and there > here:
                found.add(f"up: {name} -> {'.'.join(target.split('.')[:2])}")
        if _service(name, package):
            found.update(
                f"service: {name} -> {t}"
                for t in edges[name]
                if _service(t, package) and _service_name(t) != _service_name(name)
            )
    return found
