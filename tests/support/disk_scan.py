"""A scan of every place a session could write to, for plaintext of the member's data: each
text as NFC and NFD in UTF-8 and UTF-16, raw byte runs, and names of files (tests/gui/test_session.py,
tests/cli/test_letters.py)."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path


def needles(texts: dict[str, str], raw: dict[str, bytes]) -> dict[bytes, str]:
    """Each text as NFC and NFD, in UTF-8, UTF-16-LE (Qt's QString, Windows-style dumps) and
    UTF-16-BE (PDF strings); raw byte runs as they are."""
    found: dict[bytes, str] = {}
    for label, text in texts.items():
        for form in ("NFC", "NFD"):
            variant = unicodedata.normalize(form, text)
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.setdefault(variant.encode(encoding), f"{label} ({form}, {encoding})")
    for label, data in raw.items():
        assert len(data) >= 32, label
        found[data] = label
    return found


def files_under(roots: Iterable[Path], skip: Path) -> Iterator[Path]:
    """Every regular file under `roots` (any depth, hidden ones too), except under `skip`."""
    for root in roots:
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            dirs[:] = [d for d in dirs if here / d != skip]
            for name in files:
                path = here / name
                if not path.is_symlink() and path.is_file():
                    yield path


def scan(paths: Iterable[Path], wanted: dict[bytes, str], names: dict[str, str]) -> list[str]:
    """Each needle found in a file's bytes (read whole, binary) or in its path."""
    hits = []
    for path in paths:
        hits += [f"{label} in the name {path}" for text, label in names.items() if text in str(path)]
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue  # gone since it was listed (another process's temp file): it holds nothing now
        except OSError as err:  # unreadable: say so rather than pass it over quietly
            hits.append(f"could not read {path}: {err}")
            continue
        hits += [f"{label} in {path}" for needle, label in wanted.items() if needle in data]
    return hits


def new_entries(snapshot: dict[Path, set[str]], skip: Iterable[Path]) -> list[Path]:
    """This user's top-level entries that appeared in the system temp folders since `snapshot`,
    leaving out any that hold, or lie inside, a `skip` folder (pytest's own, scanned separately).
    Other processes of this machine may add entries too; theirs cannot hold this test's words."""
    skipped = [p.resolve() for p in skip]
    fresh = []
    for folder, before in snapshot.items():
        for name in sorted(set(listing(folder)) - before):
            path = folder / name
            try:
                mine = path.lstat().st_uid == os.getuid()
            except OSError:
                continue
            if mine and not any(inside(path, s) or inside(s, path) for s in skipped):
                fresh.append(path)
    return fresh


def listing(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def inside(path: Path | str, root: Path) -> bool:
    resolved = Path(path).resolve()
    return resolved == root.resolve() or root.resolve() in resolved.parents
